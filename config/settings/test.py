"""Fast settings for the test-suite. The database and broker still come from the
environment: `make test` points them at PostgreSQL and Redis when they answer."""

import os

from .base import *  # noqa: F401,F403
from .base import VAR_DIR, _made, env

DEBUG = False
PORTAL_DEMO_ALLOWED = True  # the test database is thrown away (load_demo's guard)
AXES_VERBOSE = False
CELERY_TASK_IGNORE_RESULT = False  # tests wait for a task's result (``.delay(...).get(timeout=)``)
PORTAL_HEALTH_CHECKS = ("database", "redis")  # no worker runs unless a test starts one
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal-fragments"}}
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", default="") or str(_made(VAR_DIR / "test-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Each pytest-xdist worker has its own test database, so it must also have its own
# Celery queue: a worker thread of gw0 must never run a task that gw1 queued.
_xdist = os.environ.get("PYTEST_XDIST_WORKER", "main")
CELERY_TASK_DEFAULT_QUEUE = f"portal-test-{_xdist}"
