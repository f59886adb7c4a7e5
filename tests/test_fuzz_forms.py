"""Every form of the portal, fuzzed with hypothesis: no 500, and a rejected POST changes nothing.

The forms are found, not listed: the URL walk and the world of ``tests/test_authorization.py`` (the
same ones ``tests/test_bad_input.py`` feeds garbage) give every URL, the actor allowed to use it and
its path arguments. For a page, its forms are read from the GET's template context (every Django form
and formset in it, with their real fields, choices, prefixes and current values); for a POST-only
action, its payload in ``RULES`` names the fields. One generic strategy (``field_values``) draws each
field's value from what its class accepts (valid choices, numbers, dates as the portal writes them,
files) mixed with what it does not (oversized, malformed, blank, missing).

Each example is POSTed as the allowed actor inside a savepoint that is rolled back afterwards, so
examples do not depend on each other. The answer must be below 500; when it is a rejection (4xx, a form
re-rendered with errors, or a redirect carrying an error message) the checksum of every table of the
portal's apps (one query: an md5 over every row) must be the one before.

Bounds: the hypothesis profile ``ci`` (tests/conftest.py; ``make test``) runs a few examples per
form, ``HYPOTHESIS_PROFILE=thorough`` many more. Each group prints its figures (forms, fields, examples,
rejected, accepted; shown with ``-s``).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django import forms
from django.apps import apps
from django.contrib.messages import ERROR, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.forms.formsets import BaseFormSet
from django.test.utils import ContextList
from hypothesis import given
from hypothesis import strategies as st

from tests.test_authorization import OK, RULES, USERS, url_for, url_patterns, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

OUR_APPS = ("plans", "reporting", "coordination", "emulation", "dialogue")
SKIPPED = {"logout"}  # ends the session: nothing to fuzz
# The URL names are split in groups that run in parallel (xdist), each with its own world.
GROUPS = ("plans", "reporting", "coordination", "emulation", "dialogue", "other")

# --- One strategy for every field --------------------------------------------------------------------------

GARBAGE = st.one_of(
    st.just(""), st.just(" "), st.just("-1"), st.just("0"), st.just("99999999999999999999"), st.just("1e309"),
    st.just("31/02/2026"), st.just("2026-13-45"), st.just("null"), st.just("<script>alert(1)</script>"),
    st.just("Đ" * 5000), st.just("1' OR '1'='1"), st.just("../../etc/passwd"),
    st.text(max_size=40),
)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def _choice_values(field) -> list[str]:
    values = []
    for value, label in getattr(field, "choices", ()):
        if isinstance(label, (list, tuple)):  # an optgroup
            values.extend(str(v) for v, _ in label)
        else:
            values.append(str(getattr(value, "value", value)))
    return values[:50]


def _valid(field, initial) -> st.SearchStrategy:
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        choices = [v for v in _choice_values(field) if v]
        return st.lists(st.sampled_from(choices), max_size=3) if choices else st.just([])
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        choices = _choice_values(field)
        return st.sampled_from(choices) if choices else st.just("")
    if isinstance(field, forms.IntegerField):
        low = field.min_value if field.min_value is not None else -(10 ** 6)
        high = field.max_value if field.max_value is not None else 10 ** 6
        return st.integers(min_value=int(low) - 2, max_value=int(high) + 2).map(str)
    if isinstance(field, forms.DecimalField | forms.FloatField):
        return st.decimals(min_value=Decimal(-10 ** 6), max_value=Decimal(10 ** 6), places=2,
                           allow_nan=False).map(lambda d: str(d).replace(".", ","))
    if isinstance(field, forms.DateTimeField):
        return DATES.map(lambda d: f"{d:%d/%m/%Y} 08:30")
    if isinstance(field, forms.DateField):
        return DATES.map(lambda d: d.strftime("%d/%m/%Y"))
    if isinstance(field, forms.TimeField):
        return st.times().map(lambda t: t.strftime("%H:%M"))
    if isinstance(field, forms.FileField):
        return st.builds(lambda name, body: SimpleUploadedFile(name, body),
                         st.sampled_from(["tep.pdf", "tep.docx", "tep.xlsx", "tep.txt", "tep.exe", "tep"]),
                         st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"MZ\x90\x00", b""]) | st.binary(max_size=64))
    max_length = getattr(field, "max_length", None) or 400
    text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=max_length + 2)
    if initial not in (None, ""):
        return st.one_of(st.just(str(initial)), text)
    return text


def field_values(fields: dict[str, tuple[forms.Field | None, object]]) -> st.SearchStrategy[dict]:
    """POST data for ``{html name: (field or None, current value)}``: each value valid-ish, garbage or absent."""
    keys = {}
    for name, (field, initial) in fields.items():
        valid = _valid(field, initial) if field is not None else st.one_of(st.just(str(initial or "")),
                                                                            st.text(max_size=60))
        keys[name] = st.one_of(valid, valid, GARBAGE)
    return st.fixed_dictionaries({}, optional=keys)


# --- Finding the forms -------------------------------------------------------------------------------------


def _forms_in(context) -> list:
    if context is None:
        return []
    contexts = context if isinstance(context, ContextList) else [context]
    found, seen = [], set()
    for one in contexts:
        for value in one.flatten().values():
            if isinstance(value, forms.BaseForm | BaseFormSet) and id(value) not in seen:
                seen.add(id(value))
                found.append(value)
    return found


def _form_fields(form) -> dict:
    fields = {}
    if isinstance(form, BaseFormSet):
        fields.update(_form_fields(form.management_form))
        for sub in form.forms:
            fields.update(_form_fields(sub))
        return fields
    for name, field in form.fields.items():
        bound = form[name]
        fields[bound.html_name] = (field, bound.value() if not isinstance(field, forms.FileField) else None)
    return fields


def post_fields(client, world, name, pattern, rule) -> tuple[str, dict] | None:  # noqa: F811
    """The URL and ``{html name: (field, current value)}`` of what a POST to it takes, or None (not a form)."""
    url = url_for(world, name, pattern, rule, rule.variants[0])
    if rule.post_only:
        data = rule.data(world, rule.variants[0]) if callable(rule.data) else dict(rule.data or {})
        return url, {key: (None, value) for key, value in data.items()}
    response = client.get(url)
    if response.status_code != 200 or response.get("Content-Type", "").startswith(("text/calendar", "application/")):
        return None
    fields = {}
    for form in _forms_in(response.context):
        fields.update(_form_fields(form))
    if not fields:
        return None
    return url, fields


def actor_for(rule) -> str | None:
    return next((user for user in USERS if rule.outcomes[user] == OK), None)


# --- The checksum of the portal's tables -----------------------------------------------------------------------


def _tables() -> list[str]:
    return sorted({model._meta.db_table for config in apps.get_app_configs()
                   if config.name.split(".")[0] in OUR_APPS for model in config.get_models()
                   if not model._meta.proxy and model._meta.managed})


def checksum(tables) -> tuple:
    """One value per table that changes when any row does (PostgreSQL: an md5 over the rows; else counts)."""
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        parts = [f"SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) "
                 f"FROM {quote(table)} t" for table in tables]
    else:
        parts = [f"SELECT count(*) FROM {quote(table)}" for table in tables]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"SELECT * FROM ({part}) AS q{i}" for i, part in enumerate(parts)))
        return tuple(row[0] for row in cursor.fetchall())


def rejected(response) -> bool:
    if response.status_code >= 400:
        return True
    added = getattr(get_messages(response.wsgi_request), "_queued_messages", [])  # by this request only
    if any(message.level >= ERROR for message in added):
        return True
    return any(getattr(form, "is_bound", False) and not form.is_valid() for form in _forms_in(response.context))


def _fuzzer(client, url, name, user, fields, tables, failures, figures):
    """The hypothesis test of one form: POST each drawn payload in a savepoint rolled back afterwards."""

    @given(data=field_values(fields))
    def fuzz(data):
        figures["examples"] += 1
        client.force_login(user)  # a previous example may have ended the session (password change)
        client.cookies.pop("messages", None)  # what an earlier example left to show
        with transaction.atomic():
            before = checksum(tables)
            response = client.post(url, data)
            status = response.status_code
            if status >= 500:
                failures.append(f"POST {url} ({name}) as {user.username}: {status} for {data!r}"[:600])
            elif rejected(response):
                figures["rejected"] += 1
                if checksum(tables) != before:
                    failures.append(f"POST {url} ({name}): rejected ({status}) but the data changed: {data!r}"[:600])
            else:
                figures["accepted"] += 1
            transaction.set_rollback(True)

    return fuzz


# --- The test ------------------------------------------------------------------------------------------------------


def _group(name: str) -> str:
    namespace = name.split(":", 1)[0] if ":" in name else "other"
    return namespace if namespace in GROUPS else "other"


def test_every_url_belongs_to_a_group():
    assert {_group(name) for name in url_patterns()} <= set(GROUPS)


@pytest.mark.parametrize("group", GROUPS)
def test_no_fuzzed_form_crashes_or_changes_anything_when_rejected(group, world, users, client):  # noqa: F811
    client.raise_request_exception = False  # a crash is a 500 answer, reported with its input
    tables = _tables()
    failures, figures = [], {"forms": 0, "fields": 0, "examples": 0, "rejected": 0, "accepted": 0}
    for name, pattern in sorted(url_patterns().items()):
        if _group(name) != group or name in SKIPPED:
            continue
        rule = RULES[name]
        actor = actor_for(rule)
        if actor is None:
            continue
        user = getattr(users, actor)
        client.force_login(user)
        found = post_fields(client, world, name, pattern, rule)
        if found is None:
            continue
        url, fields = found
        if client.post(url, {}).status_code == 405:
            continue  # a GET page whose forms post elsewhere: fuzzed at their own URLs
        figures["forms"] += 1
        figures["fields"] += len(fields)

        _fuzzer(client, url, name, user, fields, tables, failures, figures)()
    print(f"fuzzed forms [{group}]: {json.dumps(figures)}")  # noqa: T201  (the figures, shown with -s)
    assert figures["forms"] or group == "other", f"no form found in {group}: the discovery is broken"
    assert not failures, "\n".join(failures[:30])
