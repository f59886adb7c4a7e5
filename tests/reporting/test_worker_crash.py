"""A Celery worker killed in the middle of the daily job: another worker finishes it, nothing twice.

Real components only: two worker processes (``celery -A config worker``) on Redis, the test's
PostgreSQL database. The first worker is held inside the job by a table lock taken by the
test, when it has opened the day's requests and sent the first e-mail reminder (committed)
and is writing the first in-portal notice (not committed); it is killed with SIGKILL. The
task was acknowledged late, so Redis gives it to the second worker once the visibility
timeout has passed.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from kombu import Connection

from plans.choices import PlanStatus
from reporting.models import (
    DeadlineRule,
    Notification,
    PeriodType,
    Reminder,
    ReportingObligation,
    ReportRequest,
    UnitsRule,
)
from reporting.services import reporting_tick
from reporting.tasks import reporting_tick_task
from tests.factories import PlanFactory

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]

VISIBILITY_TIMEOUT = 2  # seconds before an unacknowledged task is given to another worker
DAY = dt.date(2026, 5, 6)


def _wait(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def redis_url():
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.skip("needs PostgreSQL and Redis (make test uses them when they answer)")
    # A Redis database of its own, so that no other test's unacknowledged task is touched.
    return settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/7"


@pytest.fixture
def start_worker(redis_url):
    queue = f"crash-test-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": redis_url,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    }
    workers = []

    def start():
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "-Q", queue,
             "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "WARNING"],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        workers.append(worker)
        return worker

    start.queue = queue
    yield start
    for worker in workers:
        if worker.poll() is None:
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
    db = connection.settings_dict
    blocker = psycopg2.connect(dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"])
    try:
        with blocker.cursor() as cursor:  # hold the worker at the day's reminder notices
            cursor.execute("LOCK TABLE reporting_notification IN ACCESS EXCLUSIVE MODE")
            first = start_worker()
            with Connection(redis_url) as broker:
                reporting_tick_task.apply_async(args=[DAY.isoformat()], queue=start_worker.queue,
                                                connection=broker)

            def worker_waits_on_the_lock():
                with connection.cursor() as probe:
                    probe.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                                  "AND wait_event_type = 'Lock'", [db["NAME"]])
                    return probe.fetchone()[0] > 0

            _wait(worker_waits_on_the_lock, 60, "the first worker to reach the reminders")
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        blocker.rollback()
    finally:
        blocker.close()

    # Killed in the middle: A's requests were committed; the day's reminders (written in one transaction
    # with their notices and e-mails) were being written and were rolled back together.
    assert ReportRequest.objects.filter(obligation=a).count() == 2
    assert not Reminder.objects.exists()
    assert Notification.objects.count() == 0

    time.sleep(VISIBILITY_TIMEOUT + 1)
    start_worker()
    _wait(lambda: Reminder.objects.count() == 4, 60, "the second worker to finish the job")
    time.sleep(1)  # anything more it would wrongly do

    assert ReportRequest.objects.filter(obligation=a).count() == 2
    assert ReportRequest.objects.filter(obligation=b).count() == 2
    assert sorted(Reminder.objects.values_list("request__unit__code", "offset_days", "channel")) == [
        ("bvdk", 7, "email"), ("bvdk", 7, "in_app"), ("ttkscb", 7, "email"), ("ttkscb", 7, "in_app")]
    assert sorted(Notification.objects.values_list("user__username", flat=True)) == ["thutruong", "thutruong2"]
    again = reporting_tick(today=DAY)
    assert (again.created, again.reminded, again.overdue) == ([], [], [])
