"""Health checks: the database, Redis and the Celery workers, each 200 when up and 503 with the reason when not."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_database_and_redis_answer(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200 and response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert client.get(reverse("health_check", args=["database"])).json() == {"status": "ok", "database": "ok"}
    assert client.get(reverse("health_check", args=["nothing"])).status_code == 404


def test_redis_down_is_a_503(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get(reverse("health_check", args=["redis"]))
    assert response.status_code == 503
    assert response.json() == {"status": "error", "redis": "error: ConnectionError"}


def test_the_database_down_is_a_503(client, monkeypatch):
    from django.db import OperationalError

    from config import health

    def down():
        raise OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", down)
    response = client.get(reverse("health"))
    assert response.status_code == 503 and response.json()["database"] == "error: OperationalError"


@pytest.mark.celery
def test_a_running_worker_answers(celery_worker, settings, client):
    if not settings.REDIS_URL:
        pytest.skip("worker pings need Redis (make test uses it when it answers)")
    settings.PORTAL_HEALTH_CHECKS = ("database", "redis", "workers")
    settings.PORTAL_HEALTH_WORKER_TIMEOUT = 3.0
    response = client.get(reverse("health"))
    assert response.status_code == 200, response.json()
    assert response.json()["workers"].startswith("ok (")


def test_no_worker_answering_is_a_503(client, settings, monkeypatch):
    from config.celery import app

    settings.PORTAL_HEALTH_CHECKS = ("database", "workers")
    monkeypatch.setattr(app.control, "ping", lambda timeout: [])
    response = client.get(reverse("health_check", args=["workers"]))
    assert response.status_code == 503 and response.json()["workers"] == "error: RuntimeError"
