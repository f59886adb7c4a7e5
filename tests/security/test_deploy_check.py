"""`manage.py check --deploy` with the production settings reports nothing; production logs are JSON lines."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
              "REDIS_URL": "redis://127.0.0.1:6379/15", "DJANGO_SECRET_KEY": "s3cr3t-" + "AbCdEfGhIj" * 6,
              "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "mail.example",
              "DJANGO_ALLOWED_HOSTS": "kehoach.example"}


def production_env(**extra) -> dict:
    # the browser tests' process flag (tests/browser/conftest.py) is no part of a deployment
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **PRODUCTION, **extra}


def test_check_deploy_reports_nothing():
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                            env=production_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_https_settings_come_from_the_environment():
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)")
    env = production_env(DJANGO_SECURE_SSL_REDIRECT="False", DJANGO_SECURE_HSTS_SECONDS="60",
                         DJANGO_BEHIND_PROXY="False")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "False 60 None", result.stderr
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=production_env(),
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https')"


def test_a_log_record_is_one_json_line():
    from config.logging import JsonFormatter

    record = logging.makeLogRecord({"name": "django.request", "levelname": "WARNING", "msg": "Không tìm thấy: %s",
                                    "args": ("/x",), "status_code": 404, "created": 0})
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "Không tìm thấy: /x" and entry["status"] == 404 and entry["level"] == "WARNING"
    assert entry["time"] == "1970-01-01T00:00:00.000+00:00" and "\n" not in JsonFormatter().format(record)
