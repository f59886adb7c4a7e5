"""Settings, tried in a fresh interpreter with a controlled environment (no .env, no inherited services)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

SETUP = "import django; django.setup()"
PRODUCTION = {
    "DATABASE_URL": "postgres://portal:secret@db.invalid:5432/portal",
    "REDIS_URL": "redis://redis.invalid:6379/0",
    "DJANGO_SECRET_KEY": "a-long-random-secret-key-for-the-test",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "mail.syt.invalid",
}
CONTROLLED = ("DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY", "DJANGO_EMAIL_BACKEND", "EMAIL_HOST",
              "DJANGO_MEDIA_ROOT", "DJANGO_VAR_DIR", "DJANGO_SETTINGS_MODULE")


def run(code: str, module: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    clean.update(DJANGO_SETTINGS_MODULE=module, DJANGO_VAR_DIR=str(tmp_path / "var"), **env)
    return subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=clean, capture_output=True,
                          text=True, timeout=120)


def test_production_starts_with_every_service_named(tmp_path):
    result = run(SETUP + "; from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], "
                 "s.CELERY_BROKER_URL, s.EMAIL_HOST)", "config.settings.production", tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "redis://redis.invalid:6379/0",
                                     "mail.syt.invalid"]


@pytest.mark.parametrize(("missing", "message"), [
    ("DATABASE_URL", "DATABASE_URL is not set: production needs PostgreSQL"),
    ("REDIS_URL", "REDIS_URL is not set: production needs Redis"),
    ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY is not set: production needs a long random secret key"),
    ("DJANGO_EMAIL_BACKEND", "DJANGO_EMAIL_BACKEND is not set: production needs a mail server"),
    ("EMAIL_HOST", "EMAIL_HOST is not set: production needs the SMTP server"),
])
def test_production_refuses_to_start_without_a_service(tmp_path, missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run(SETUP, "config.settings.production", tmp_path, **env)
    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in result.stderr


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy"])
def test_production_refuses_a_mail_backend_that_delivers_nothing(tmp_path, backend):
    env = {**PRODUCTION, "DJANGO_EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend"}
    result = run(SETUP, "config.settings.production", tmp_path, **env)
    assert result.returncode != 0
    assert "delivers no mail: production needs a mail server" in result.stderr


def test_the_local_defaults_create_their_folders_and_a_task_can_be_queued(tmp_path):
    """Without DATABASE_URL and REDIS_URL: the SQLite folder, the broker's folders and MEDIA_ROOT exist."""
    code = SETUP + "; from reporting.tasks import reporting_tick_task; reporting_tick_task.delay('2026-03-02')"
    result = run(code, "config.settings.local", tmp_path)
    assert result.returncode == 0, result.stderr
    var = tmp_path / "var"
    for folder in ("celery/broker", "celery/processed", "celery/control", "celery/results", "media"):
        assert (var / folder).is_dir(), folder
    assert len(list((var / "celery" / "broker").iterdir())) == 1  # the queued message


def test_migrate_works_outside_make(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=settings.BASE_DIR, timeout=300,
        env={**{k: v for k, v in os.environ.items() if k not in CONTROLLED},
             "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_VAR_DIR": str(tmp_path / "fresh" / "var")},
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "fresh" / "var" / "portal.sqlite3").stat().st_size > 0
