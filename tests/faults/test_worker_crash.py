"""A Celery worker killed (SIGKILL) in the middle of a job, then another started: the work is done once.

Real components only: worker processes (``celery -A config worker``) on Redis, the test's PostgreSQL
database. A worker is held inside its job by a table lock the test takes (``ACCESS EXCLUSIVE``: the
worker's next read of that table waits), killed there, and the lock released. The task was
acknowledged late, so Redis gives it to the next worker once the visibility timeout has passed.

* the daily job: killed when it has opened the day's requests and sent the first e-mail reminder
  (committed) and is writing the first in-portal notice (not committed);
* a PDF rendering: killed while it reads the plan (the job is "running", no file written);
* a consolidated compilation: killed while it reads the submissions (progress 10 %, no content).
"""

import datetime as dt
import os
import signal
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from kombu import Connection

from plans.choices import PlanStatus
from reporting import jobs
from reporting import services as reporting_services
from reporting.documents.services import document_request
from reporting.documents.tasks import render_document
from reporting.models import (
    ConsolidatedReport,
    DeadlineRule,
    JobStatus,
    Notification,
    PeriodType,
    Reminder,
    RenderedDocument,
    ReportingObligation,
    ReportRequest,
    UnitsRule,
)
from reporting.services import reporting_tick
from reporting.tasks import consolidated_compile_task, reporting_tick_task
from tests.factories import ItemFactory, PlanFactory, SectionFactory
from tests.faults.processes import Workers, database_url, wait_for

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("faults")]

VISIBILITY_TIMEOUT = 2  # seconds before an unacknowledged task is given to another worker
DAY = dt.date(2026, 5, 6)


@pytest.fixture
def redis_url():
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.skip("needs PostgreSQL and Redis (make test uses them when they answer)")
    # A Redis database of its own, so that no other test's unacknowledged task is touched.
    return settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/7"


@pytest.fixture
def media(tmp_path) -> Path:
    return tmp_path / "media"


@pytest.fixture
def start_worker(redis_url, media):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "DATABASE_URL": database_url(connection.settings_dict), "REDIS_URL": redis_url,
           "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT), "DJANGO_MEDIA_ROOT": str(media)}
    workers = Workers(env=env, queue=f"crash-test-{uuid.uuid4().hex[:8]}")

    def start():
        return workers.start()

    start.queue = workers.queue
    yield start
    workers.stop_all()


def send(task, pk_or_day, *, queue: str, redis_url: str) -> None:
    with Connection(redis_url) as broker:
        task.apply_async(args=[pk_or_day], queue=queue, connection=broker)


@contextmanager
def table_locked(table: str):
    """Hold an ACCESS EXCLUSIVE lock on ``table`` from a connection of its own (released at the end)."""
    db = connection.settings_dict
    blocker = psycopg2.connect(dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"])
    try:
        with blocker.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            yield
        blocker.rollback()
    finally:
        blocker.close()


def a_worker_waits_on_a_lock() -> bool:
    with connection.cursor() as probe:
        probe.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                      [connection.settings_dict["NAME"]])
        return probe.fetchone()[0] > 0


def kill_when_held(worker) -> None:
    wait_for(a_worker_waits_on_a_lock, 60, "the worker to reach the locked table")
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)


@pytest.fixture
def obligations(org, users):
    """Obligation A opens its requests on DAY; obligation B's requests (opened before) get reminders on DAY."""
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.IN_IMPLEMENTATION, title="Kế hoạch 003")
    a = ReportingObligation.objects.create(
        plan=plan, title="Báo cáo 6 tháng", units_rule=UnitsRule.ALL_FACILITIES, recipient_unit=org.syt,
        period_type=PeriodType.SIX_MONTHLY, deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["05/06"],
    )
    b = ReportingObligation.objects.create(
        plan=plan, title="Báo cáo chuyên đề", units_rule=UnitsRule.ALL_FACILITIES, recipient_unit=org.syt,
        period_type=PeriodType.ONE_OFF, one_off_start=dt.date(2026, 1, 1), one_off_end=dt.date(2026, 4, 30),
        one_off_due=dt.date(2026, 5, 13),
    )
    reporting_tick(today=dt.date(2026, 4, 13))  # opens B's requests, 30 days before 13/05
    assert ReportRequest.objects.filter(obligation=b).count() == 2  # the two facilities of `org`
    return a, b


def test_a_killed_worker_loses_nothing_and_its_successor_duplicates_nothing(obligations, users, start_worker,
                                                                            redis_url):
    a, b = obligations
    with table_locked("reporting_notification"):  # hold the worker at the day's reminder notices
        first = start_worker()
        send(reporting_tick_task, DAY.isoformat(), queue=start_worker.queue, redis_url=redis_url)
        kill_when_held(first)

    # Killed in the middle: A's requests were committed; the day's reminders (written in one transaction
    # with their notices and e-mails) were being written and were rolled back together.
    assert ReportRequest.objects.filter(obligation=a).count() == 2
    assert not Reminder.objects.exists()
    assert Notification.objects.count() == 0

    time.sleep(VISIBILITY_TIMEOUT + 1)
    start_worker()
    wait_for(lambda: Reminder.objects.count() == 4, 60, "the second worker to finish the job")
    time.sleep(1)  # anything more it would wrongly do

    assert ReportRequest.objects.filter(obligation=a).count() == 2
    assert ReportRequest.objects.filter(obligation=b).count() == 2
    assert sorted(Reminder.objects.values_list("request__unit__code", "offset_days", "channel")) == [
        ("bvdk", 7, "email"), ("bvdk", 7, "in_app"), ("ttkscb", 7, "email"), ("ttkscb", 7, "in_app")]
    assert sorted(Notification.objects.values_list("user__username", flat=True)) == ["thutruong", "thutruong2"]
    again = reporting_tick(today=DAY)
    assert (again.created, again.reminded, again.overdue) == ([], [], [])


def test_a_worker_killed_in_the_middle_of_a_pdf_render_leaves_one_rendering_done_by_its_successor(
        org, users, start_worker, redis_url, media):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=7, title="Kế hoạch truyền thông")
    ItemFactory(section=SectionFactory(plan=plan, title="Mục đích, yêu cầu"), text="Đẩy mạnh tuyên truyền.")
    document = document_request(source=plan, fmt="pdf", actor=users.author, now=timezone.now())
    from config.celery import app

    app.control.purge()  # the request queued it for the suite's own queue, where no worker listens

    with table_locked("plans_item"):  # the worker reads the plan's items while it renders
        first = start_worker()
        send(render_document, document.pk, queue=start_worker.queue, redis_url=redis_url)
        kill_when_held(first)
    killed = RenderedDocument.objects.get(pk=document.pk)
    assert (killed.job_status, killed.attempts, killed.file.name) == (JobStatus.RUNNING, 1, "")
    assert not list(media.rglob("*.pdf")), "nothing was written by the killed worker"

    time.sleep(VISIBILITY_TIMEOUT + 1)
    start_worker()
    done = wait_for(lambda: RenderedDocument.objects.filter(pk=document.pk, job_status=JobStatus.DONE).first(),
                    90, "the second worker to render the document")
    time.sleep(1)  # anything more it would wrongly do

    assert done.attempts == 2 and done.progress == 100 and done.error_code == ""
    files = list(media.rglob("*.pdf"))
    assert [f.relative_to(media).as_posix() for f in files] == [done.file.name], "one file, the one recorded"
    assert files[0].read_bytes().startswith(b"%PDF")
    assert RenderedDocument.objects.count() == 1
    # asking again, or the sweep an hour later, renders nothing more
    assert document_request(source=plan, fmt="pdf", actor=users.author, now=timezone.now()).pk == done.pk
    assert jobs.jobs_requeue_stale(now=timezone.now() + dt.timedelta(hours=1)) == 0
    assert RenderedDocument.objects.get(pk=done.pk).attempts == 2


def test_a_worker_killed_in_the_middle_of_a_compilation_leaves_one_compilation_done_by_its_successor(
        org, users, start_worker, redis_url):
    from tests.reporting.test_jobs import _accepted

    obligation, report_request = _accepted(org, users)
    report = reporting_services.consolidated_request(actor=users.reviewer, obligation=obligation,
                                                     period=report_request.period, now=timezone.now())
    from config.celery import app

    app.control.purge()

    with table_locked("reporting_submission"):  # the compilation reads the accepted submissions
        first = start_worker()
        send(consolidated_compile_task, report.pk, queue=start_worker.queue, redis_url=redis_url)
        kill_when_held(first)
    killed = ConsolidatedReport.objects.get(pk=report.pk)
    assert (killed.job_status, killed.attempts, killed.progress, killed.content) == (JobStatus.RUNNING, 1, 10, {})

    time.sleep(VISIBILITY_TIMEOUT + 1)
    start_worker()
    done = wait_for(lambda: ConsolidatedReport.objects.filter(pk=report.pk, job_status=JobStatus.DONE).first(),
                    60, "the second worker to compile the report")
    time.sleep(1)

    assert done.attempts == 2 and done.progress == 100
    assert (done.content["expected"], done.content["accepted"]) == (2, 1)
    results = next(s for s in done.content["sections"] if s["key"] == "results")
    assert [entry["text"] for entry in results["entries"]] == ["Kết quả"], "each unit's text once"
    assert ConsolidatedReport.objects.count() == 1
    assert jobs.jobs_requeue_stale(now=timezone.now() + dt.timedelta(hours=1)) == 0
