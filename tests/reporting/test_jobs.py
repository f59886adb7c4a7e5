"""The one pattern for long jobs (reporting/jobs.py): nothing hangs, nothing fails silently, all is retried.

Failure paths on the real stack: a compilation that raises is shown failed in Vietnamese and can be
retried; a job whose worker died is queued again by the sweep; a mail server that fails N times;
the weekly digest delivered twice.
"""

import datetime as dt
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reporting import jobs, services
from reporting.models import (
    ConsolidatedReport,
    JobStatus,
    OutgoingEmail,
    Period,
    Reminder,
    ReminderChannel,
    ReportRequest,
    Submission,
)
from tests.reporting.mail import FlakyBackend, deliver_queued_emails
from tests.reporting.test_inbox import make_obligation

pytestmark = pytest.mark.django_db
D = dt.date


def _wait(model, pk, *, until=lambda job: job.is_finished, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = model.objects.get(pk=pk)
        if until(job):
            return job
        time.sleep(0.1)
    raise AssertionError(f"{model.__name__} #{pk} still {getattr(job, 'job_status', job)} after {timeout}s")


def _accepted(org, users):
    obligation, _task = make_obligation(org)
    report_request = ReportRequest.objects.get(unit=users.unit_head.unit)
    services.report_submit(actor=users.unit_head, report_request=report_request,
                           data={"narrative": {"results": "Kết quả"}}, now=timezone.now())
    services.report_accept(actor=users.reviewer, report_request=report_request)
    return obligation, report_request


@pytest.mark.celery
def test_a_compilation_that_raises_is_shown_failed_in_vietnamese_and_a_retry_compiles_it(
        celery_worker, client, org, users):
    obligation, report_request = _accepted(org, users)
    broken = Submission.objects.get(request=report_request)
    Submission.objects.filter(pk=broken.pk).update(narrative=["not", "a", "dict"])  # data no form would write
    client.force_login(users.reviewer)
    url = reverse("reporting:consolidated", args=[obligation.pk, report_request.period_id])
    client.post(url, {"action": "compile"})
    report = _wait(ConsolidatedReport, ConsolidatedReport.objects.get().pk)
    assert report.job_status == JobStatus.FAILED and report.error_code == jobs.JobError.UNEXPECTED
    assert "AttributeError" in report.error_detail  # for administrators
    page = client.get(url).content.decode()
    assert "Tổng hợp không thành công." in page and "Một lỗi không lường trước đã làm dừng công việc" in page
    assert "Thử lại" in page and "AttributeError" not in page  # a reviewer is not shown the traceback
    # asking again no longer answers "running" for ever: the data is fixed, the retry compiles it
    Submission.objects.filter(pk=broken.pk).update(narrative={"results": "Kết quả đã sửa"})
    client.post(url, {"action": "compile"})
    report = _wait(ConsolidatedReport, report.pk, until=lambda job: job.is_done)
    assert report.content["accepted"] == 1 and report.attempts == 2 and report.error_code == ""


def test_asking_again_while_queued_or_running_queues_nothing_until_the_job_is_lost(
        org, users, django_capture_on_commit_callbacks):
    obligation, report_request = _accepted(org, users)
    now = timezone.now()
    with django_capture_on_commit_callbacks() as queued:
        report = services.consolidated_request(actor=users.reviewer, obligation=obligation,
                                               period=report_request.period, now=now)
        services.consolidated_request(actor=users.reviewer, obligation=obligation, period=report_request.period,
                                      now=now + dt.timedelta(seconds=30))
    assert len(queued) == 1  # one task for two clicks
    ConsolidatedReport.objects.filter(pk=report.pk).update(job_status=JobStatus.RUNNING, heartbeat_at=now)
    with django_capture_on_commit_callbacks() as queued:
        services.consolidated_request(actor=users.reviewer, obligation=obligation, period=report_request.period,
                                      now=now + dt.timedelta(minutes=5))
    assert queued == []  # still working
    with django_capture_on_commit_callbacks() as queued:
        services.consolidated_request(actor=users.reviewer, obligation=obligation, period=report_request.period,
                                      now=now + dt.timedelta(minutes=11))  # no heartbeat for 11 minutes: died
    assert len(queued) == 1
    assert ConsolidatedReport.objects.get(pk=report.pk).job_status == JobStatus.QUEUED


@pytest.mark.celery
def test_the_sweep_queues_again_a_job_no_worker_picked_up_and_the_worker_finishes_it(celery_worker, org, users):
    """E.g. Redis restarted and lost the task, or the broker was down when it was queued."""
    obligation, report_request = _accepted(org, users)
    lost = ConsolidatedReport.objects.create(obligation=obligation, period=report_request.period,
                                             queued_at=timezone.now() - dt.timedelta(minutes=3))
    other_period = Period.objects.create(period_type="six_monthly", calendar="nd09", year=2025, index=1,
                                         start=D(2024, 12, 15), end=D(2025, 6, 14), cut_off=D(2025, 6, 14))
    fresh = ConsolidatedReport.objects.create(obligation=obligation, period=other_period, queued_at=timezone.now())
    assert jobs.jobs_requeue_stale(now=timezone.now()) == 1  # the fresh one is still on its way
    assert _wait(ConsolidatedReport, lost.pk).job_status == JobStatus.DONE
    assert ConsolidatedReport.objects.get(pk=fresh.pk).job_status == JobStatus.QUEUED


@pytest.mark.celery
def test_a_mail_server_failing_twice_delays_a_reminder_but_delivers_it_once_and_stops_nothing_else(
        celery_worker, settings, org, users):
    from reporting.tasks import reporting_tick_task

    settings.EMAIL_BACKEND = "tests.reporting.mail.FlakyBackend"
    settings.PORTAL_JOB_RETRY_DELAYS = [0.2, 0.2, 0.2]
    FlakyBackend.reset(failures=2)
    make_obligation(org)  # the 05/06 report opened for CDC and BVĐK; both have a head with an address
    summary = reporting_tick_task.delay("2026-05-29").get(timeout=90)  # 7 days before: remind
    assert len(summary["reminded"]) == 4
    emails = list(OutgoingEmail.objects.order_by("pk"))
    assert len(emails) == 2
    for email in emails:
        _wait(OutgoingEmail, email.pk, until=lambda job: job.is_done)
    assert FlakyBackend.attempts == 4  # two refused, then each delivered once
    assert sorted(m.to[0] for m in mail.outbox) == sorted([users.unit_head.email, users.other_head.email])
    for email in emails:  # the worker marks the reminder delivered just after its e-mail is done
        _wait(Reminder, email.reminder_id, until=lambda reminder: reminder.delivered_at is not None)
    assert not Reminder.objects.filter(channel=ReminderChannel.EMAIL, delivered_at=None).exists()
    # the same day's run went on to the overdue notices of an older obligation
    reporting_tick_task.delay("2026-06-06").get(timeout=90)
    assert Reminder.objects.filter(channel=ReminderChannel.ESCALATION).count() == 2


def test_a_reminder_counts_as_delivered_only_once_its_email_is(settings, org, users,
                                                               django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.reporting.mail.FlakyBackend"
    FlakyBackend.reset(failures=100)  # the mail server is down all day
    make_obligation(org)
    with django_capture_on_commit_callbacks(execute=True):
        services.reporting_tick(today=D(2026, 5, 29))
    email = OutgoingEmail.objects.filter(to=users.unit_head.email).get()
    with pytest.raises(OSError):
        services.email_deliver(email_id=email.pk, retry_in=60)
    email.refresh_from_db()
    assert email.job_status == JobStatus.QUEUED and "SMTPServerDisconnected" in email.error_detail
    assert email.queued_at > timezone.now() + dt.timedelta(seconds=50)  # the sweep leaves it to the retry
    assert jobs.jobs_requeue_stale(now=timezone.now()) == 0
    reminder = email.reminder
    assert reminder.channel == ReminderChannel.EMAIL and reminder.delivered_at is None
    in_app = Reminder.objects.get(request=reminder.request, channel=ReminderChannel.IN_APP)
    assert in_app.delivered_at is not None  # the notice in the portal went out regardless
    FlakyBackend.reset(failures=0)
    services.email_deliver(email_id=email.pk)
    reminder.refresh_from_db()
    assert reminder.delivered_at is not None and len(mail.outbox) == 1
    services.email_deliver(email_id=email.pk)  # delivered twice by the queue: sent once
    assert len(mail.outbox) == 1


@pytest.mark.celery
def test_the_weekly_digest_task_delivered_twice_sends_one_digest(celery_worker, org, users):
    from reporting.tasks import weekly_digest_task

    make_obligation(org)
    services.reporting_tick(today=D(2026, 6, 6))  # the 05/06 reports are overdue
    assert weekly_digest_task.delay("2026-06-08").get(timeout=90) == 1
    assert weekly_digest_task.delay("2026-06-09").get(timeout=90) == 0  # redelivered, the same week
    email = OutgoingEmail.objects.get()
    _wait(OutgoingEmail, email.pk, until=lambda job: job.is_done)
    assert [m.to for m in mail.outbox] == [[users.approver.email]]
    assert email.key == f"digest:{users.approver.pk}:2026-W24"


def test_digest_needs_no_worker_to_be_idempotent(org, users, django_capture_on_commit_callbacks):
    make_obligation(org)
    services.reporting_tick(today=D(2026, 6, 6))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.weekly_digest(today=D(2026, 6, 8)) == 1
        assert services.weekly_digest(today=D(2026, 6, 8)) == 0
    assert deliver_queued_emails() == 1 and len(mail.outbox) == 1
