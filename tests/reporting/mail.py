"""E-mail helpers for tests: deliver what the services queued, and a mail server that fails at first."""

from __future__ import annotations

import threading

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


def deliver_queued_emails() -> int:
    """Run the delivery service (what the worker's task runs) for every queued e-mail; returns how many."""
    from reporting.jobs import JobStatus
    from reporting.models import OutgoingEmail
    from reporting.services import email_deliver

    pks = list(OutgoingEmail.objects.filter(job_status=JobStatus.QUEUED).values_list("pk", flat=True))
    for pk in pks:
        email_deliver(email_id=pk)
    return len(pks)


class FlakyBackend(LocmemBackend):
    """The locmem backend, but the first ``failures`` sends raise as a refusing SMTP server would."""

    failures = 0
    attempts = 0
    _lock = threading.Lock()

    @classmethod
    def reset(cls, failures: int) -> None:
        with cls._lock:
            cls.failures, cls.attempts = failures, 0

    def send_messages(self, messages):
        import smtplib

        with FlakyBackend._lock:
            FlakyBackend.attempts += 1
            failing = FlakyBackend.attempts <= FlakyBackend.failures
        if failing:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
