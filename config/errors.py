"""The error page of an uncaught exception (``handler500``): a 503 page when the database is down.

While PostgreSQL restarts or cannot be reached, a request fails with ``OperationalError`` or
``InterfaceError``: the user gets the translated "briefly unavailable" page (503, ``Retry-After``),
not the generic error. The next request after the database is back works: Django checks the
persistent connection before reusing it (``CONN_HEALTH_CHECKS``) and opens a new one.
Both pages are rendered without a request context, so they need neither the database nor the session.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request, template_name)
