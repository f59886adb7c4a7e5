"""Whether background work is delayed (Redis, the Celery broker, is down), and telling the user so.

When Redis does not answer, ``reporting.jobs.job_send`` cannot hand a job to the workers: the job
stays queued in the database and the beat sweep (``jobs_sweep_task``) queues it again once Redis is
back. The user is told twice:

* the request that queued the work ends with a message ("… will be done when the service is
  back"): ``BackgroundStatusMiddleware`` adds it when ``publish_failed()`` was called during the
  request (for a form that redirects, the next page shows it);
* every page shows a small banner (``templates/includes/background_status.html``) while the
  broker is down: ``background_delayed`` in the template context (``context``).

Whether the broker is down is what this process last saw: a failed publish, or a ``PING`` made at
most every ``PORTAL_BROKER_PROBE_SECONDS`` (10 s; ``redis_ping``, which ``/health/redis/`` uses too).
Each process observes for itself; nothing is shared, so several web processes on several machines
behave the same.
"""

from __future__ import annotations

import contextvars
import time

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext as _

_state = {"checked_at": float("-inf"), "available": True}
_failed_in_request: contextvars.ContextVar[bool] = contextvars.ContextVar("background_publish_failed", default=False)


def publish_failed() -> None:
    """A job could not be handed to the broker (``reporting.jobs.job_send``)."""
    _state.update(checked_at=time.monotonic(), available=False)
    _failed_in_request.set(True)


def redis_ping() -> None:
    """``PING`` Redis (``REDIS_URL``) with the short ``REDIS_CONNECT_TIMEOUT``; raises when it does not answer."""
    import redis

    timeout = settings.REDIS_CONNECT_TIMEOUT
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=timeout, socket_timeout=2 * timeout)
    try:
        client.ping()
    finally:
        client.close()


def broker_available() -> bool:
    """Whether the broker answered when this process last looked (at most every PORTAL_BROKER_PROBE_SECONDS)."""
    if not settings.REDIS_URL:
        return True  # the filesystem broker of a development machine is always there
    now = time.monotonic()
    if now - _state["checked_at"] >= settings.PORTAL_BROKER_PROBE_SECONDS:
        try:
            redis_ping()
            available = True
        except Exception:  # noqa: BLE001 - any failure means "not available"
            available = False
        _state.update(checked_at=now, available=available)
    return _state["available"]


def background_delayed() -> bool:
    return not broker_available()


def context(request) -> dict:
    """Template context: ``background_delayed`` (a callable, so only the pages that show it probe)."""
    return {"background_delayed": background_delayed}


class BackgroundStatusMiddleware:
    """Tell the user whose request queued work that the work waits for the background service."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _failed_in_request.set(False)
        try:
            response = self.get_response(request)
            if _failed_in_request.get() and hasattr(request, "_messages"):
                messages.warning(request, _(
                    "The background service is unavailable at the moment. What you asked for (a document, a "
                    "compilation, an e-mail) is saved and waits in the queue: it will be done automatically "
                    "when the service is back, with nothing to do on your side."))
            return response
        finally:
            _failed_in_request.reset(token)
