"""Celery tasks of coordination: thin wrappers over services (autodiscovered by Celery)."""

import datetime as dt

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def followups_remind_task(self, today: str | None = None) -> dict:
    """Run ``coordination.services.followups_remind`` (idempotent: dates on the rows, unique e-mail keys)."""
    from coordination.services import followups_remind

    return followups_remind(today=dt.date.fromisoformat(today) if today else timezone.localdate())
