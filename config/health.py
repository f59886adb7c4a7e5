"""Health checks for the load balancer, docker and monitoring: the database, Redis and the Celery workers.

``/health/`` answers for all of them, ``/health/<check>/`` for one. 200 with ``{"status": "ok", ...}`` when
every check passes, 503 otherwise. No login, no session, no write: a check reads as little as it can.
Which checks ``/health/`` runs is ``PORTAL_HEALTH_CHECKS`` (the test settings leave out the workers,
which no test run has unless it starts one; tests/security/test_health.py starts one).
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

ALL_CHECKS = ("database", "redis", "workers")


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"  # the filesystem broker of a development machine
    from reporting.background import redis_ping

    redis_ping()
    return "ok"


def check_workers() -> str:
    from config.celery import app

    replies = app.control.ping(timeout=settings.PORTAL_HEALTH_WORKER_TIMEOUT) or []
    if not replies:
        raise RuntimeError("no Celery worker answered")
    return f"ok ({len(replies)})"


CHECKS = {"database": check_database, "redis": check_redis, "workers": check_workers}


def _run(names) -> JsonResponse:
    results, healthy = {}, True
    for name in names:
        try:
            results[name] = CHECKS[name]()
        except Exception as error:  # noqa: BLE001 - any failure is the answer, with its reason
            results[name] = f"error: {type(error).__name__}"
            healthy = False
    status = 200 if healthy else 503
    return JsonResponse({"status": "ok" if healthy else "error", **results}, status=status)


@never_cache
@require_GET
def health(request):
    return _run(settings.PORTAL_HEALTH_CHECKS)


@never_cache
@require_GET
def health_check(request, check: str):
    if check not in CHECKS:
        raise Http404
    if check not in settings.PORTAL_HEALTH_CHECKS:
        return JsonResponse({"status": "ok", check: "not checked here"})
    return _run([check])
