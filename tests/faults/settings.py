"""Settings of the portal and workers that the outage tests start in their own processes.

The real settings (``config.settings.base``: the tolerant Redis cache, the broker's short timeouts,
persistent database connections with health checks), with the session in the cache and the database
(what the portal is moving to, so that an outage of either must not break it), fast password
hashing (the suite's users), e-mails written to files, and short delays so that the test need not
wait minutes: a queued job is "lost" after 2 s, the banner looks at Redis every second.
"""

from config.settings.base import *  # noqa: F401,F403
from config.settings.base import env

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env("PORTAL_TEST_MAIL_DIR", default="/tmp/portal-faults-mail")
PORTAL_JOB_QUEUE_TIMEOUT = 2
PORTAL_BROKER_PROBE_SECONDS = 1
PORTAL_HEALTH_CHECKS = ("database", "redis")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
