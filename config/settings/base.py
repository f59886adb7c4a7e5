"""Settings shared by every environment; everything variable comes from the environment.

Without ``DATABASE_URL`` the portal runs on SQLite; without ``REDIS_URL`` Celery
uses kombu's filesystem transport, so reminders and scheduled jobs still run on a
machine with no services. Both live under ``DJANGO_VAR_DIR`` (default ``var/``), whose
folders these settings create, so that ``manage.py migrate`` or queuing a task works
outside ``make``. ``config.settings.production`` refuses these fallbacks.
"""

import datetime as dt
from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
# Local state when no service is configured: the SQLite file, the embedded broker, uploaded files.
VAR_DIR = Path(env("DJANGO_VAR_DIR", default=str(BASE_DIR / "var")))


def _made(folder: Path) -> Path:
    """``folder``, created when missing (the defaults under VAR_DIR)."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder


SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-dev-key-change-me-in-production")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "config.apps.PortalAdminConfig",  # Django's admin, for administrators only (config/admin.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "simple_history",
    "django_celery_beat",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    # Our apps, base layer first (see docs/architecture.md).
    "plans",
    "reporting",
    "coordination",
    "emulation",
    "dialogue",
]

MIDDLEWARE = [
    "config.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.VietnameseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.SessionIdleMiddleware",
    "axes.middleware.AxesMiddleware",  # the lock-out page (config/lockout.py)
    "django.contrib.messages.middleware.MessageMiddleware",
    "reporting.background.BackgroundStatusMiddleware",  # "your work waits for the background service"
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plans.context_processors.portal",
                "reporting.background.context",  # background_delayed: the banner of templates/base.html
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL") if env("DATABASE_URL", default="") else {
        "ENGINE": "django.db.backends.sqlite3", "NAME": str(_made(VAR_DIR) / "portal.sqlite3"),
    },
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (web, worker, beat) share the file in `make run`.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20})
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT: PostgreSQL compiles the expressions of a query whose estimated cost is high, which took 20-70 ms
    # of the dashboards' aggregations (a few ms each to run) and never paid back on the portal's short queries.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"-c jit=off {_options.get('options', '')}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "plans.User"
AUTHENTICATION_BACKENDS = [
    "config.lockout.LockoutBackend",  # django-axes: refuses a locked-out username or address; must be first
    "config.auth.PortalModelBackend",  # ModelBackend reading the user with their unit (config/auth.py)
    "config.admin.AdministratorBackend",  # Role.ADMIN holds the admin's model permissions
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language, time, formats ----------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# One catalogue per area (locale/<area>/vi/LC_MESSAGES/django.po), so that areas never edit one file.
LOCALE_PATHS = sorted(p for p in (BASE_DIR / "locale").iterdir() if p.is_dir())
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

# --- Static and media -------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", default="") or str(_made(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Any request body, uploaded files included (config.middleware.RequestSizeLimitMiddleware).
PORTAL_MAX_REQUEST_BYTES = env.int("DJANGO_MAX_REQUEST_BYTES", default=64 * 1024 * 1024)

# --- Content-Security-Policy (Django's own): no inline script anywhere; behaviour lives in static/js/portal.js.
# Inline styles stay allowed (style attributes in templates, htmx's indicator style); images may be data: URIs
# (Bootstrap's icons in its CSS). Django's admin and the API docs (SpectacularSwaggerSplitView) comply.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

# --- Sessions and log-in ----------------------------------------------------------------
# A session ends after a working day without a request: config.middleware.SessionIdleMiddleware extends
# it on use (at most every PORTAL_SESSION_REFRESH_SECONDS, so that a page costs no session write).
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_SECONDS", default=10 * 60 * 60)
PORTAL_SESSION_REFRESH_SECONDS = 300
# Read from the cache (Redis), written through to the database; with Redis down the cache
# (config.cache.TolerantRedisCache) answers a miss and the session comes from the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one username, or from one address, log-in is
# refused for AXES_COOLOFF_TIME; an administrator unlocks at once in the admin ("Access attempts": delete).
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("DJANGO_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one locked is enough
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "config.lockout.client_ip"
AXES_USERNAME_CALLABLE = "config.lockout.client_username"
# Behind the reverse proxy the client's address is the last one it appended to X-Forwarded-For.
PORTAL_BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", default=False)

# --- Redis: cache and Celery ------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
# Redis down (docs/deploy.md, "Outages"): no request waits on it for long. The cache
# (config.cache.TolerantRedisCache) logs the error and answers as a miss; publishing a task gives up
# after REDIS_CONNECT_TIMEOUT and one retry (reporting.jobs.job_send leaves the job queued in the
# database for the sweep), and no result is ever stored, so no result backend is waited on.
REDIS_CONNECT_TIMEOUT = env.float("REDIS_CONNECT_TIMEOUT", default=1.0)
if REDIS_URL:
    CACHES = {"default": {
        "BACKEND": "config.cache.TolerantRedisCache", "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": REDIS_CONNECT_TIMEOUT, "socket_timeout": 2 * REDIS_CONNECT_TIMEOUT},
    }}
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A task whose worker died (acks_late) is given to another worker after this many seconds.
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    _broker_dir = _made(VAR_DIR / "celery" / "broker")
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_made(VAR_DIR / "celery" / "processed")),
        "control_folder": str(_made(VAR_DIR / "celery" / "control")),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{_made(VAR_DIR / 'celery' / 'results')}"
# Rendered fragments whose key says everything they are made of ({% cache … using="fragments" %}: the menu of a
# user, a unit's inbox table under its generations): each web process keeps its own, bounded, as no change needs
# telling to it (a change makes another key). No round trip to Redis for them.
CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal-fragments",
                       "TIMEOUT": 3600, "OPTIONS": {"MAX_ENTRIES": 2000}}
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
# The job rows are the truth: no task result is read, so none is stored (with results, publishing a
# task subscribes to its result and, Redis down, retries that 20 times a second apart).
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 1, "interval_start": 0,
                                                            "interval_step": 0.2, "interval_max": 0.2}}
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_CONNECT_TIMEOUT
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BROKER_CONNECTION_MAX_RETRIES = None  # a worker waits for Redis to come back however long it is away
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="Cổng kế hoạch Sở Y tế <noreply@syt.local>")

# --- Third-party ------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cổng kế hoạch Sở Y tế — API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,  # the schema describes the API, not its own endpoint
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our own static files: no internet needed
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"PlanKindEnum": "plans.choices.PlanKind", "UnitKindEnum": "plans.choices.UnitKind"},
}

# --- Portal -----------------------------------------------------------------
# reporting.background: how often a web process looks whether Redis answers (the "delayed" banner).
PORTAL_BROKER_PROBE_SECONDS = env.float("PORTAL_BROKER_PROBE_SECONDS", default=10.0)
# config/health.py: what /health/ checks; how long it waits for the Celery workers to answer a ping.
PORTAL_HEALTH_CHECKS = ("database", "redis", "workers")
PORTAL_HEALTH_WORKER_TIMEOUT = env.float("PORTAL_HEALTH_WORKER_TIMEOUT", default=2.0)
# The bare login-required view of `make bench` (config.settings.bench turns it on).
PORTAL_BENCH_VIEWS = False
PORTAL_NAME = env("PORTAL_NAME", default="Cổng quản lý kế hoạch — Sở Y tế")
PORTAL_PROVINCE = env("PORTAL_PROVINCE", default="Quảng Ngãi")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}
