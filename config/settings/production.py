"""Production: every service is named in the environment; nothing falls back to the development defaults.

A missing ``DATABASE_URL`` (base would use SQLite), ``REDIS_URL`` (the filesystem broker and a
per-process cache), ``DJANGO_SECRET_KEY`` or a real e-mail backend stops the start-up with a message
that says what to set, instead of a portal that runs and loses its work or its mail.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import EMAIL_BACKEND, env

NOT_A_MAIL_SERVER = ("console", "locmem", "dummy", "filebased")


def _required(name: str, purpose: str) -> str:
    value = env(name, default="")
    if not value:
        raise ImproperlyConfigured(f"{name} is not set: production needs {purpose}.")
    return value


_required("DATABASE_URL", "PostgreSQL, e.g. DATABASE_URL=postgres://portal:password@db:5432/portal")
_required("REDIS_URL", "Redis for Celery and the cache, e.g. REDIS_URL=redis://redis:6379/0")
SECRET_KEY = _required("DJANGO_SECRET_KEY", "a long random secret key")
_required("DJANGO_EMAIL_BACKEND", "a mail server, e.g. django.core.mail.backends.smtp.EmailBackend")
if set(EMAIL_BACKEND.split(".")) & set(NOT_A_MAIL_SERVER):
    raise ImproperlyConfigured(f"DJANGO_EMAIL_BACKEND={EMAIL_BACKEND} delivers no mail: production needs a mail "
                               "server, e.g. django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST.")
if EMAIL_BACKEND.endswith(".smtp.EmailBackend"):
    _required("EMAIL_HOST", "the SMTP server of DJANGO_EMAIL_BACKEND, e.g. EMAIL_HOST=mail.syt.gov.vn")

DEBUG = False
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached for a year by whitenoise), gzip/brotli copies made by collectstatic.
    "staticfiles": {"BACKEND": env("PORTAL_STATIC_STORAGE",
                                   default="config.storage.CompressedManifestStaticFilesStorage")},
}
# HTTPS: the reverse proxy (deploy/nginx.conf) terminates TLS and says so in X-Forwarded-Proto.
PORTAL_BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PORTAL_BEHIND_PROXY else None
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
# The health checks answer plain HTTP from the machine itself (load balancer, docker, systemd).
SECURE_REDIRECT_EXEMPT = [r"^health/"]

# Structured logs: one JSON object per line on standard error (journald, docker logs).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"django.security": {"level": "INFO"}, "axes": {"level": "INFO"}},
}
