"""Celery tasks of the reporting layer: thin wrappers over services (autodiscovered by Celery).

Every task takes ids or ISO dates, calls one service, is idempotent by design (unique keys or a
state check), acknowledges late (a task lost with its worker is given to another worker) and
retries transient database errors with backoff.
"""

import datetime as dt

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from reporting.documents.tasks import render_document  # noqa: F401  (official documents)


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
    from reporting.services import weekly_digest

    return weekly_digest(today=_day(today))


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def consolidated_compile_task(self, report_id: int) -> str:
    from reporting.services import consolidated_compile

    return consolidated_compile(report_id=report_id).status
