"""The benchmark's settings (`make bench`): production-like without production's refusals.

DEBUG off, PostgreSQL and Redis from the environment (the cache, hence the cached sessions), the
whitenoise manifest storage over a ``collectstatic`` made by the benchmark, the bare login-required
view of the benchmark (``PORTAL_BENCH_VIEWS``). No HTTPS redirect: gunicorn listens on loopback.
"""

from .base import *  # noqa: F401,F403
from .base import VAR_DIR, env

DEBUG = False
PORTAL_BENCH_VIEWS = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STATIC_ROOT = env("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "bench-static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
