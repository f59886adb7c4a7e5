"""Celery tasks of the dialogue app: thin wrappers over services (autodiscovered by Celery)."""

import datetime as dt

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def dialogue_reminders_task(self, today: str | None = None) -> dict:
    """Follow-ups due soon or overdue and overdue petitions, each reminded once (idempotent)."""
    from dialogue.services import dialogue_reminders

    return dialogue_reminders(today=dt.date.fromisoformat(today) if today else timezone.localdate())
