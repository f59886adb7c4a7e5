"""The REST API fuzzed against its own OpenAPI schema (schemathesis, in-process through WSGI).

The schema is the one ``/api/schema/`` serves (drf-spectacular) to a logged-in user; schemathesis
generates requests for every operation in it (path ids, query filters, pages, including values the
schema allows but the data does not hold) and sends them to the Django WSGI application in this
process, with the session cookie of each role. Every answer must be no server error and conform to the
schema: documented status code, content type, headers and body (``call_and_validate``'s checks).

The world is the authorisation walker's (``tests/test_api_authorization.py``): drafts of several units,
issued plans, a deleted plan, so that answers are not all empty. Bounded by the hypothesis profile
``ci`` (tests/conftest.py).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import given

from tests.test_api_authorization import api_world  # noqa: F401  (fixture)
from tests.test_authorization import world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

ROLES = ("author", "unit_head", "partner", "admin")


@contextmanager
def connection_kept_open():
    """Django's WSGI application is called in this thread and sees the test's transaction, provided the
    request signals do not close the connection at the end of each request (Django's test client does the
    same, and reconnects the handler after each of its own requests: so this wraps the WSGI calls only)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _schema(client, app):
    raw = client.get(reverse("api-schema"), {"format": "json"}).json()
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = app
    return schema


def _check(operation, cookies, figures):
    @given(case=operation.as_strategy())
    def check(case):
        figures["examples"] += 1
        response = case.call_and_validate(cookies=cookies)
        assert response.status_code < 500

    return check


@pytest.mark.parametrize("role", ROLES)
def test_every_api_operation_conforms_to_the_schema_and_never_fails(role, api_world, users, client):  # noqa: F811
    client.force_login(getattr(users, role))
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    schema = _schema(client, WSGIHandler())
    figures = {"operations": 0, "examples": 0}
    with connection_kept_open():
        for result in schema.get_all_operations():
            operation = result.ok()
            figures["operations"] += 1
            _check(operation, cookies, figures)()
    print(f"schemathesis [{role}]: {figures}")  # noqa: T201  (the figures, shown with -s)
    assert figures["operations"] >= 3
