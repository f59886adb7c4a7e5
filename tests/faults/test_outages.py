"""Redis down and PostgreSQL restarted under a running portal: pages keep working, nothing is lost.

Each test starts its own PostgreSQL (``initdb`` in a temporary folder, a free port) holding a copy of
the test's data, its own Redis (a free port, no persistence), the portal under gunicorn
(``deploy/gunicorn.conf.py``, settings ``tests.faults.settings``) and, for Redis, a Celery worker,
then drives the portal over HTTP as its users would. The machine's shared PostgreSQL and Redis are
never touched. Every wait is bounded; a request that hung would fail on the client's timeout.
"""

import os
import shutil
import time

import psycopg2
import pytest
from django.db import connection
from django.urls import reverse
from kombu import Connection

from plans.choices import PlanStatus
from reporting.models import ReportRequest
from reporting.tasks import jobs_sweep_task
from tests.factories import PASSWORD, ItemFactory, PlanFactory, SectionFactory
from tests.faults.processes import (
    Browser,
    Portal,
    PrivatePostgres,
    PrivateRedis,
    Workers,
    database_url,
    postgresql_bin,
    wait_for,
)
from tests.reporting.test_inbox import form_data, make_obligation

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("faults")]
DELAYED = "Công việc xử lý nền (văn bản, tổng hợp báo cáo, thư điện tử) đang bị chậm"  # the banner
QUEUED = "Yêu cầu của bạn (văn bản, tổng hợp báo cáo, thư điện tử) đã được lưu và đang chờ trong hàng đợi"
UNAVAILABLE = "Cổng thông tin tạm thời gián đoạn"  # the 503 page
OUTAGE_TIMEOUT = 10  # seconds a request may take during an outage before the client gives up (a failure)


class Stack:
    """A private PostgreSQL and Redis, the portal on them and (optionally) a Celery worker."""

    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.pg = PrivatePostgres()
        self.redis = PrivateRedis(tmp_path)
        self.media, self.mail = tmp_path / "media", tmp_path / "mail"
        self.portal = self.workers = None

    def start(self, *, worker: bool) -> "Stack":
        self.pg.init()
        self.pg.start()
        self.pg.copy_database(database_url(connection.settings_dict), "portal")
        self.redis.start()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.faults.settings", "DJANGO_DEBUG": "False",
               "DATABASE_URL": self.pg.url("portal"), "REDIS_URL": self.redis.url,
               "DJANGO_MEDIA_ROOT": str(self.media), "PORTAL_TEST_MAIL_DIR": str(self.mail),
               "DJANGO_VAR_DIR": str(self.tmp / "var"), "PORTAL_ACCESS_LOG": str(self.tmp / "access.log")}
        env.pop("PYTEST_XDIST_WORKER", None)
        self.portal = Portal(env)
        self.portal.start()
        if worker:
            self.workers = Workers(env=env, queue="celery")
            self.workers.start()
        return self

    def browser(self, username: str) -> Browser:
        browser = Browser(self.portal.base)
        browser.login(username, PASSWORD)
        return browser

    def query(self, sql: str, params=()):
        """Read the portal's database (the private PostgreSQL)."""
        with psycopg2.connect(host="127.0.0.1", port=self.pg.port, user="postgres", dbname="portal") as db:
            with db.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()

    def close(self) -> None:
        if self.workers is not None:
            self.workers.stop_all()
        if self.portal is not None:
            self.portal.stop()
        self.redis.stop()
        self.pg.remove()


@pytest.fixture
def stack(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the portal's database is copied from the test's PostgreSQL (make test uses it when it answers)")
    if postgresql_bin() is None or not shutil.which("redis-server"):
        pytest.skip("needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin/initdb) and redis-server")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("initdb refuses root and runuser is missing to run it as the postgres user")
    stack = Stack(tmp_path)
    yield stack
    stack.close()


@pytest.fixture
def data(org, users):
    """A plan with content, a unit's open report request, leadership's dashboard: what the pages show."""
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=12, title="Kế hoạch truyền thông")
    ItemFactory(section=SectionFactory(plan=plan, title="Mục đích, yêu cầu"), text="Đẩy mạnh tuyên truyền.")
    obligation, _task = make_obligation(org)
    report_request = ReportRequest.objects.get(unit=users.unit_head.unit)
    return plan, obligation, report_request


def test_with_redis_down_pages_work_users_are_told_and_the_work_runs_when_redis_is_back(stack, data, users):
    plan, obligation, report_request = data
    stack.start(worker=True)
    author, head, reviewer = (stack.browser(u.username) for u in (users.author, users.unit_head, users.reviewer))
    assert DELAYED not in author.get(reverse("plans:list")).text

    stack.redis.stop()  # --- Redis down --------------------------------------------------------------
    time.sleep(1.2)  # PORTAL_BROKER_PROBE_SECONDS: the portal looks again
    # log-in, the plan list, the inbox, saving and submitting a report, the dashboard: all work
    leader = stack.browser(users.approver.username)
    page = author.get(reverse("plans:list"), timeout=OUTAGE_TIMEOUT)
    assert page.status == 200 and plan.title in page.text, page.text[-3000:]
    assert DELAYED in page.text
    report_url = reverse("reporting:report", args=[report_request.pk])
    assert head.get(reverse("reporting:inbox"), timeout=OUTAGE_TIMEOUT).status == 200
    assert head.get(report_url, timeout=OUTAGE_TIMEOUT).status == 200
    assert head.post(report_url, form_data(narrative_results="Bản nháp khi Redis ngừng"),
                     timeout=OUTAGE_TIMEOUT).status == 200
    submitted = head.post(report_url, form_data(submit="1"), timeout=OUTAGE_TIMEOUT)
    assert submitted.status == 200 and "Đã gửi báo cáo" in submitted.text
    assert stack.query("SELECT count(*) FROM reporting_submission WHERE request_id = %s AND submitted_at IS NOT NULL",
                       [report_request.pk]) == [(1,)]
    assert leader.get(reverse("reporting:dashboard"), timeout=OUTAGE_TIMEOUT).status == 200

    # asking for background work: saved and queued, and the user is told it waits
    status_page = author.post(reverse("reporting:document_request", args=["plan", plan.pk, "pdf"]), {},
                              timeout=OUTAGE_TIMEOUT)
    assert status_page.status == 200 and QUEUED in status_page.text and DELAYED in status_page.text
    compiled = reviewer.post(reverse("reporting:consolidated", args=[obligation.pk, report_request.period_id]),
                             {"action": "compile"}, timeout=OUTAGE_TIMEOUT)
    assert compiled.status == 200 and QUEUED in compiled.text
    assert stack.query("SELECT job_status FROM reporting_rendereddocument") == [("queued",)]
    assert stack.query("SELECT job_status FROM reporting_consolidatedreport") == [("queued",)]

    stack.redis.start()  # --- Redis back (empty: what it held is gone) --------------------------------
    time.sleep(2.5)  # the jobs are now older than PORTAL_JOB_QUEUE_TIMEOUT: the sweep takes them as lost
    with Connection(stack.redis.url) as broker:  # what beat sends every five minutes
        jobs_sweep_task.apply_async(queue="celery", connection=broker)
    wait_for(lambda: stack.query("SELECT job_status FROM reporting_rendereddocument") == [("done",)], 90,
             "the rendering to be done once Redis is back")
    wait_for(lambda: stack.query("SELECT job_status FROM reporting_consolidatedreport") == [("done",)], 60,
             "the compilation to be done once Redis is back")
    assert stack.query("SELECT attempts FROM reporting_rendereddocument UNION ALL "
                       "SELECT attempts FROM reporting_consolidatedreport") == [(1,), (1,)], "each done once"
    assert len(list(stack.media.rglob("*.pdf"))) == 1
    document_pk = stack.query("SELECT id FROM reporting_rendereddocument")[0][0]
    download = author.get(reverse("reporting:document_download", args=[document_pk]))
    assert download.status == 200
    assert DELAYED not in wait_for(lambda: (p := author.get(reverse("plans:list"))).status == 200 and p, 10,
                                   "the plan list").text


def test_a_postgresql_restart_needs_no_portal_restart_and_an_outage_shows_a_503_page(stack, data, users):
    plan, _obligation, report_request = data
    stack.start(worker=False)
    author = stack.browser(users.author.username)
    assert author.get(reverse("plans:list")).status == 200  # a persistent connection is open now

    stack.pg.stop()  # --- PostgreSQL restarted between two requests -----------------------------------
    stack.pg.start()
    page = author.get(reverse("plans:list"), timeout=OUTAGE_TIMEOUT)
    assert page.status == 200 and plan.title in page.text, "the broken connection was replaced, the user kept"

    stack.pg.stop()  # --- a request during the outage ------------------------------------------------
    page = author.get(reverse("plans:list"), timeout=OUTAGE_TIMEOUT)
    assert page.status == 503 and UNAVAILABLE in page.text and page.headers["Retry-After"] == "30"
    assert "Traceback" not in page.text and "OperationalError" not in page.text
    health = author.get("/health/database/", timeout=OUTAGE_TIMEOUT)
    assert health.status == 503

    stack.pg.start()  # --- back: the next request works, and so does a save ---------------------------
    head = stack.browser(users.unit_head.username)
    report_url = reverse("reporting:report", args=[report_request.pk])
    saved = head.post(report_url, form_data(narrative_results="Lưu sau khi cơ sở dữ liệu khởi động lại"))
    assert saved.status == 200 and "Lưu sau khi cơ sở dữ liệu khởi động lại" in saved.text
    assert stack.query("SELECT narrative->>'results' FROM reporting_submission WHERE request_id = %s",
                       [report_request.pk]) == [("Lưu sau khi cơ sở dữ liệu khởi động lại",)]
    assert author.get(reverse("plans:list")).status == 200
    assert stack.portal.process.poll() is None, "the same gunicorn served it all"
