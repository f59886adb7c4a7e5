"""Celery tasks of the reporting layer: thin wrappers over services (autodiscovered by Celery).

Every task takes ids or ISO dates and calls one service. Long work is a job (``reporting.jobs``):
its task is a ``JobTask`` that retries transient errors with backoff and marks the job failed when
the retries are spent. The periodic tasks are idempotent by design (unique keys or a state check),
acknowledge late and retry transient database errors.
"""

import datetime as dt

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from reporting.documents.tasks import render_document  # noqa: F401  (official documents)
from reporting.jobs import JobTask, run_job_task


def _day(value: str | None) -> dt.date:
    """The given ISO date, or today in Asia/Ho_Chi_Minh (the task is the entry point that reads the clock)."""
    return dt.date.fromisoformat(value) if value else timezone.localdate()


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def reporting_tick_task(self, today: str | None = None) -> dict:
    """Run ``reporting.services.reporting_tick`` (idempotent: unique keys on requests and reminders)."""
    from reporting.services import reporting_tick

    return reporting_tick(today=_day(today)).as_dict()


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def weekly_digest_task(self, today: str | None = None) -> int:
    """Idempotent: one digest per user per week (a unique key on the e-mail)."""
    from reporting.services import weekly_digest

    return weekly_digest(today=_day(today))


@shared_task(bind=True, base=JobTask, job_model="reporting.ConsolidatedReport")
def consolidated_compile_task(self, report_id: int) -> str:
    from reporting.services import consolidated_compile

    return run_job_task(self, lambda pk, retry_in: consolidated_compile(report_id=pk, retry_in=retry_in),
                        report_id).job_status


@shared_task(bind=True, base=JobTask, job_model="reporting.OutgoingEmail")
def email_deliver_task(self, email_id: int) -> str:
    """Deliver one e-mail; a mail-server error is retried with backoff (``PORTAL_JOB_RETRY_DELAYS``)."""
    from reporting.services import EMAIL_TRANSIENT_ERRORS, email_deliver

    return run_job_task(self, lambda pk, retry_in: email_deliver(email_id=pk, retry_in=retry_in), email_id,
                        transient=EMAIL_TRANSIENT_ERRORS).job_status


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def jobs_sweep_task(self) -> int:
    """Queue again every job that no worker picked up, or whose worker died (``reporting.jobs``)."""
    from reporting.jobs import jobs_requeue_stale

    return jobs_requeue_stale(now=timezone.now())
