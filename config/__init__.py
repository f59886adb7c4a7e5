from plans import startup

startup.begin()  # the garbage collector waits until the apps are ready (plans/startup.py)

from .celery import app as celery_app  # noqa: E402  (imported with Django, so that @shared_task uses it)

__all__ = ("celery_app",)
