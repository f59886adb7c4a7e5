"""Every endpoint of the REST API (``/api/v1/``), for every actor, against every plan's id: reads and writes.

The page walker (``tests/test_authorization.py``) skips the ``plans_api`` namespace; this module walks it
the same way: the URL configuration under ``plans_api`` is read, and an endpoint without an entry in
``API_RULES`` fails ``test_every_api_endpoint_has_an_expectation``. The expected answer is not written by
hand per role: it is asked of the policy (``plans.policy``), as the pages do:

* a list answers 200 to every logged-in user and holds *exactly* the plans the policy lets them see (no
  other unit's draft, no deleted plan), whatever filter is added (``?unit=`` another unit's id …);
* a detail answers 200 if ``can_view_plan`` says so, else 404 (existence not revealed), for the id of
  every plan of the world (each unit's drafts, submitted, approved, issued plans, the feature apps' plans,
  a deleted one);
* every write (POST, PUT, PATCH, DELETE) is refused (the API is read-only: 405 for a logged-in user,
  403 for an anonymous one) and changes nothing;
* anonymous callers get 403 on everything.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from plans import services
from plans.models import Plan, Unit
from plans.policy import can_view_plan, plan_visibility_q
from tests.test_authorization import ACTORS, ANONYMOUS, state, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

WRITES = ("post", "put", "patch", "delete")


@dataclass(frozen=True)
class ApiRule:
    kind: str  # "plan-list": the visible plans; "plan-detail": one plan by id; "open-list": every logged-in user
    methods: tuple[str, ...] = ("get",)  # what the router allows; everything else must be 405


API_RULES: dict[str, ApiRule] = {
    "plans_api:plan-list": ApiRule("plan-list"),
    "plans_api:plan-detail": ApiRule("plan-detail"),
    "plans_api:unit-list": ApiRule("open-list"),
    # any other address under /api/v1/: a JSON 404 for everyone, whatever the method
    "plans_api:not-found": ApiRule("not-found", methods=()),
}


def api_patterns() -> dict[str, URLPattern]:
    def walk(resolver, namespace=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif namespace.startswith("plans_api:"):
                yield f"{namespace}{entry.name}", entry

    return dict(walk(get_resolver()))


def test_every_api_endpoint_has_an_expectation():
    found = set(api_patterns())
    assert found, "the API namespace was not found"
    missing, stale = sorted(found - set(API_RULES)), sorted(set(API_RULES) - found)
    assert not missing and not stale, f"missing: {missing}, stale: {stale}"


@pytest.fixture
def api_world(world, users, org):  # noqa: F811  (world is a fixture)
    """The page walker's world plus another room's draft and a deleted draft of Phòng NVY."""
    world.other_draft = services.plan_create(actor=users.other_author, data={
        "year": 2026, "title": "Nháp của Phòng Tổ chức cán bộ", "place": "Quảng Ngãi"})
    world.partner_draft = services.plan_create(actor=users.partner, data={
        "year": 2026, "title": "Nháp của Ban Dân vận", "place": "Quảng Ngãi"})
    deleted = services.plan_create(actor=users.author, data={
        "year": 2026, "title": "Nháp đã xoá của Phòng NVY", "place": "Quảng Ngãi"})
    services.plan_delete(actor=users.author, plan=deleted)
    world.deleted = deleted
    return world


def _results(response) -> list[dict]:
    body = response.json()
    return body["results"] if isinstance(body, dict) and "results" in body else body


@pytest.mark.parametrize("actor", ACTORS)
def test_every_api_endpoint_answers_each_actor_as_the_policy_says(actor, api_world, users, org, client):
    user = getattr(users, actor, None)
    if user is not None:
        client.force_login(user)
    all_plan_ids = list(Plan.all_objects.order_by("pk").values_list("pk", flat=True))
    unit_ids = list(Unit.objects.values_list("pk", flat=True))
    visible = set() if user is None else set(Plan.objects.filter(plan_visibility_q(user)).values_list("pk", flat=True))
    failures, checked = [], 0
    before = state()
    for name in sorted(api_patterns()):
        rule = API_RULES[name]
        if rule.kind == "plan-detail":
            urls = {reverse(name, kwargs={"pk": pk}): pk for pk in all_plan_ids}
        elif rule.kind == "not-found":
            urls = {reverse(name, kwargs={"rest": rest}): None for rest in ("plans/-1/", "plans/x/", "nothing/")}
        else:
            urls = {reverse(name): None}
        for url, pk in urls.items():
            checked += 1
            response = client.get(url)
            if rule.kind == "not-found":
                expected = 404
            elif user is None:
                expected = 403
            elif rule.kind == "plan-detail":
                plan = Plan.all_objects.get(pk=pk)
                expected = 200 if plan.deleted_at is None and can_view_plan(user, plan) else 404
            else:
                expected = 200
            if response.status_code != expected:
                failures.append(f"GET {url}: expected {expected}, got {response.status_code}")
            if response["Content-Type"] != "application/json":
                failures.append(f"GET {url}: answered {response['Content-Type']}, not JSON")
            if expected == 200 and rule.kind == "plan-list":
                queries = [{}, *({"unit": uid} for uid in unit_ids), {"status": "draft"}, {"page_size": 1000}]
                for query in queries:
                    listed = {row["id"] for row in _results(client.get(url, {**query}))}
                    if not listed <= visible:
                        failures.append(f"GET {url} {query} leaks plans {sorted(listed - visible)}")
                    if not query and listed != visible:
                        failures.append(f"GET {url} lists {sorted(listed)}, the policy says {sorted(visible)}")
            for method in WRITES:
                if method in rule.methods:
                    continue
                got = getattr(client, method)(url, data={"title": "Sửa qua API", "status": "issued"},
                                              content_type="application/json").status_code
                want = 404 if rule.kind == "not-found" else 403 if user is None else 405
                if got != want:
                    failures.append(f"{method.upper()} {url}: expected {want}, got {got}")
    if state() != before:
        failures.append("the refused writes changed the data")
    assert checked >= len(all_plan_ids)
    assert not failures, f"{actor}:\n" + "\n".join(failures)
