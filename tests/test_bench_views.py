"""The load test's reference views (benchmarks/views.py): what `make bench` compares the deadline mix with."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from benchmarks.views import CSRF_PLACEHOLDER, page_key

pytestmark = pytest.mark.urls("tests.bench_urls")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_the_reference_views_are_for_logged_in_users_only(client, users):
    assert client.get("/bench/bare/").status_code == 302
    assert client.get("/bench/cached/inbox/").status_code == 302
    client.force_login(users.unit_head)
    assert client.get("/bench/bare/").content == b"ok"


def test_a_cached_page_comes_with_a_fresh_csrf_token_that_a_form_post_is_accepted_with(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users.unit_head)
    page = f'<form method="post"><input name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}"></form>'
    cache.set(page_key(users.unit_head.pk, "inbox"), page, 60)

    response = client.get("/bench/cached/inbox/")
    token = TOKEN.search(response.content.decode()).group(1)
    assert token != CSRF_PLACEHOLDER
    # the save of the cached scenario posts this token: Django's CSRF check takes it
    assert client.post("/reporting/calendar/rotate/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.post("/reporting/calendar/rotate/", {"csrfmiddlewaretoken": CSRF_PLACEHOLDER}).status_code == 403
    assert client.get("/bench/cached/form/").status_code == 404  # nothing stored: no page made up
