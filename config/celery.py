"""The Celery application, configured from Django's ``CELERY_*`` settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
# Celery's Django fix-up runs Django's system checks at every worker's and beat's start (they load every URL
# conf, view, the API schema and the admin: about a second). Every deployment runs them before it starts a
# worker (`manage.py migrate`: docs/deploy.md), as does `manage.py check`; CELERY_SKIP_CHECKS= (empty) brings
# them back at worker start.
os.environ.setdefault("CELERY_SKIP_CHECKS", "1")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
