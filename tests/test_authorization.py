"""Every URL of the portal, for every role: who may open it, who is refused, and how.

The harness walks the URL configuration (``get_resolver()``, through every include),
fills the path's arguments from one table of fixture objects, and checks each actor
(anonymous, each role of the ``users`` fixture, users of other units) against the
expectation table ``RULES``, keyed by URL name. A URL without an entry fails
``test_every_url_has_an_expectation``: a new page cannot escape the harness.

Pages are opened with GET. POST-only actions must answer GET with 405; a refused user's
POST (with valid data, so that only the permission can refuse it) must answer 403/404
(anonymous: the login page) and change nothing. Allowed actions are not posted here: the
views' own tests exercise them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from plans import services
from plans.choices import ItemStyle
from plans.models import Item, LegalBasis, Plan, PlanTransition, Recipient, Responsibility, Section

pytestmark = pytest.mark.django_db

# --- What the harness does not walk (explicit) ---------------------------------------------------

SKIPPED_NAMESPACES = {
    "admin",  # Django's admin: administrators only (config/admin.py), tested in tests/test_admin.py
    "plans_api",  # the REST API: tested in tests/plans/test_api.py
}
SKIPPED_NAMES = {
    "set_language",  # i18n: open to everyone by design
}
SKIPPED_PREFIXES = (settings.STATIC_URL.lstrip("/"), settings.MEDIA_URL.lstrip("/"))


def walk(resolver=None, prefix: str = "", namespace: str = ""):
    """Yield ``(name, route, pattern)`` for every URL pattern, through includes."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else None), prefix + str(entry.pattern), entry


def url_patterns() -> dict[str, URLPattern]:
    found = {}
    for name, route, pattern in walk():
        if name is None:
            assert route.startswith(SKIPPED_PREFIXES), f"Unnamed URL pattern {route!r}: give it a name"
            continue
        if name.rsplit(":", 1)[-1] in SKIPPED_NAMES:
            continue
        found[name] = pattern
    return found


def kwarg_names(pattern: URLPattern) -> set[str]:
    return set(pattern.pattern.regex.groupindex)


# --- Actors and outcomes ---------------------------------------------------------------------------

ANONYMOUS = "anonymous"
USERS = ("author", "reviewer", "approver", "unit_head", "admin", "other_author", "other_reviewer", "other_head",
         "partner")
ACTORS = (ANONYMOUS, *USERS)

OK = "ok"  # 200, or a redirect to a page other than the login page
LOGIN = "login"  # a redirect to the login page
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405


@dataclass
class Rule:
    outcomes: dict[str, Any]
    post_only: bool = False
    targets: dict[str, str] = field(default_factory=dict)  # kwarg -> world attribute, overriding KWARGS
    variants: list[dict[str, str]] = field(default_factory=lambda: [{}])  # more kwargs overrides, each checked
    data: Any = None  # POST payload: a dict, or a callable (world, variant) -> dict


def _outcomes(ok, forbidden, others, anonymous):
    outcomes = {user: others for user in USERS}
    outcomes.update({user: OK for user in ok})
    outcomes.update({user: FORBIDDEN for user in forbidden})
    outcomes[ANONYMOUS] = anonymous
    return outcomes


def page(*, ok=USERS, forbidden=(), others=NOT_FOUND, anonymous=LOGIN, **options) -> Rule:
    return Rule(outcomes=_outcomes(ok, forbidden, others, anonymous), **options)


def action(*, ok, forbidden=(), others=NOT_FOUND, **options) -> Rule:
    """A POST-only URL: ``ok`` may do it, ``forbidden`` get 403, ``others`` (who cannot see the object) 404."""
    return Rule(outcomes=_outcomes(ok, forbidden, others, LOGIN), post_only=True, **options)


# Who may see a draft of Phòng NVY: its room (author, reviewer), the department's leadership, the administrator.
SEES_DRAFT = ("author", "reviewer", "approver", "admin")
# An issued plan of the department is seen by every internal unit; the partner body is not involved in it.
SEES_ISSUED = ("author", "reviewer", "approver", "unit_head", "admin", "other_author", "other_reviewer", "other_head")
NVY_EDITORS = ("author", "admin")
NOT_EDITORS = ("reviewer", "approver")  # they see the draft but may not edit it


# They see the issued plan but may not manage its reporting obligations.
OBLIGATION_REFUSED = ("reviewer", "unit_head", "other_author", "other_reviewer", "other_head")


def editor_action(**options) -> Rule:
    return action(ok=NVY_EDITORS, forbidden=NOT_EDITORS, **options)


CHILD_VARIANTS = [
    {"kind": "legal-bases", "obj_pk": "basis"},
    {"kind": "responsibilities", "obj_pk": "duty"},
    {"kind": "recipients", "obj_pk": "recipient"},
]


def child_data(world, variant) -> dict:
    kind = variant["kind"]
    if kind == "legal-bases":
        data = {"lead_in": "Căn cứ", "doc_type": "Luật", "number": "15/2023/QH15", "date": "09/01/2023",
                "issuer": "Quốc hội", "summary": "Khám bệnh, chữa bệnh"}
    elif kind == "responsibilities":
        data = {"item": "", "lead_unit": "", "lead_text": "Phòng Y tế huyện", "due_date": "", "recurrence": "",
                "expected_output": ""}
    else:
        data = {"text": "Bộ Y tế", "purpose": "để báo cáo"}
    obj = getattr(world, variant["obj_pk"], None) if "obj_pk" in variant else None
    return {**data, "version": obj.version} if obj else data


def versioned(attribute: str, data: dict):
    return lambda world, variant: {**data, "version": getattr(world, attribute).version}


# --- The expectation table, one entry per URL name ----------------------------------------------------

RULES: dict[str, Rule] = {
    # accounts
    "home": page(),
    "search": page(),
    "login": page(anonymous=OK),
    "logout": Rule(outcomes={actor: NOT_ALLOWED for actor in ACTORS}),  # POST only, open to everyone
    "password_change": page(),
    "password_change_done": page(),
    # the icon (config/urls.py): a redirect to the static file, for anyone
    "favicon": page(anonymous=OK),
    # health checks (config/health.py): open to anyone, they tell nothing but "ok"
    "health": page(anonymous=OK),
    "health_check": page(anonymous=OK),
    # the API's schema and its docs: logged-in users only
    "api-schema": page(),
    "api-docs": page(),
    # plans: pages
    "plans:list": page(),
    "plans:create": page(ok=("author", "admin", "other_author", "partner"), others=FORBIDDEN),
    "plans:detail": page(ok=SEES_DRAFT),
    "plans:edit": page(ok=NVY_EDITORS, forbidden=NOT_EDITORS),
    "plans:editor": page(ok=NVY_EDITORS, forbidden=NOT_EDITORS),
    "plans:history": page(ok=SEES_DRAFT),
    # plans: the trash (plans.policy: the author or an administrator deletes a draft; administrators and
    # approvers see the trash and restore; a deleted plan is seen by no one else, not even on its own URL)
    "plans:delete": page(ok=NVY_EDITORS, forbidden=NOT_EDITORS),
    "plans:trash": page(ok=("approver", "admin"), others=FORBIDDEN),
    "plans:restore": action(ok=("approver", "admin"), targets={"pk": "trashed"}, data={}),
    "plans:diff": page(ok=SEES_DRAFT),
    # plans: workflow (each on a plan in the status where the action is possible)
    "plans:submit": editor_action(data={"comment": ""}),
    "plans:forward": action(ok=("reviewer", "admin"), forbidden=("author", "approver"),
                            targets={"pk": "submitted"}, data={"comment": "Đồng ý, kính trình lãnh đạo."}),
    "plans:return": action(ok=("reviewer", "approver", "admin"), forbidden=("author",),
                           targets={"pk": "submitted"}, data={"comment": "Bổ sung mục II."}),
    "plans:approve": action(ok=("approver", "admin"), forbidden=("author", "reviewer"),
                            targets={"pk": "submitted"}, data={"comment": ""}),
    "plans:issue": action(ok=("approver", "admin"), forbidden=("author", "reviewer"),
                          targets={"pk": "approved"}, data={"issued_on": "02/03/2026", "comment": "", "number": "1"}),
    "plans:issue_confirm": page(ok=("approver", "admin"), forbidden=("author", "reviewer"), targets={"pk": "approved"}),
    "plans:start": action(ok=("author", "approver", "admin"),
                          forbidden=("reviewer", "unit_head", "other_author", "other_reviewer", "other_head"),
                          targets={"pk": "issued"}, data={"comment": ""}),
    "plans:close": action(ok=("author", "approver", "admin"),
                          forbidden=("reviewer", "unit_head", "other_author", "other_reviewer", "other_head"),
                          targets={"pk": "issued"}, data={"comment": ""}),
    "plans:copy": action(ok=("author", "other_author", "admin"),
                         forbidden=("reviewer", "approver", "unit_head", "other_reviewer", "other_head"),
                         targets={"pk": "issued"}, data={}),
    # plans: the editor's actions on the draft
    "plans:section_create": editor_action(data={"title": "Tổ chức thực hiện", "intro": ""}),
    "plans:section_update": editor_action(data=versioned("section", {"title": "Mục đích", "intro": ""})),
    "plans:section_delete": editor_action(data={}),
    "plans:section_move": editor_action(data={"direction": "1"}),
    "plans:item_create": editor_action(data={"style": ItemStyle.DASH, "heading": "", "text": "Mới", "parent": ""}),
    "plans:item_update": editor_action(data=versioned("item", {"style": ItemStyle.DASH, "heading": "",
                                                               "text": "Sửa"})),
    "plans:item_delete": editor_action(data={}),
    "plans:item_move": editor_action(data={"direction": "1"}),
    "plans:item_indent": editor_action(targets={"item_pk": "item2"}, data={}),
    "plans:item_outdent": editor_action(targets={"item_pk": "child"}, data={}),
    "plans:child_create": editor_action(variants=[{"kind": v["kind"]} for v in CHILD_VARIANTS], data=child_data),
    "plans:child_update": editor_action(variants=CHILD_VARIANTS, data=child_data),
    "plans:child_delete": editor_action(variants=CHILD_VARIANTS, data={}),
    # plans: import of an existing plan (the preview belongs to the author who uploaded it)
    "plans:import_upload": page(ok=("author", "admin", "other_author", "partner"), others=FORBIDDEN),
    "plans:import_preview": page(ok=("author", "admin"), others=FORBIDDEN, targets={"pk": "plan_import"}),
    # reporting: a report the CDC owes to Phòng NVY on the issued plan
    "reporting:inbox": page(ok=("unit_head", "other_head"), others=FORBIDDEN),
    "reporting:report": page(ok=("unit_head",), targets={"pk": "report_request"}),
    "reporting:review_queue": page(ok=("reviewer", "approver", "admin", "other_reviewer"), others=FORBIDDEN),
    "reporting:review": page(ok=("reviewer", "approver", "admin"), targets={"pk": "report_request"}),
    "reporting:compliance": page(ok=("reviewer", "approver", "admin"), targets={"pk": "obligation"}),
    "reporting:consolidated": page(ok=("reviewer", "approver", "admin"), targets={"pk": "obligation"}),
    "reporting:consolidated_trash": page(ok=("approver", "admin"), others=FORBIDDEN),
    "reporting:consolidated_restore": action(ok=("approver", "admin"), targets={"pk": "trashed_report"}, data={}),
    "reporting:notifications": page(),
    # what waits for me, the obligations I oversee, the units behind a compliance figure (reporting/worklist.py)
    "reporting:worklist": page(ok=("reviewer", "approver", "admin", "other_reviewer"), others=FORBIDDEN),
    "reporting:oversight": page(ok=("reviewer", "approver", "admin", "other_reviewer"), others=FORBIDDEN),
    "reporting:compliance_units": page(ok=("reviewer", "approver", "admin"), targets={"pk": "obligation"}),
    "reporting:calendar": page(ok=(), anonymous=NOT_FOUND),  # a private link: a wrong token finds nothing
    "reporting:calendar_rotate": action(ok=USERS, data={}),  # everyone may change their own link
    # reporting obligations: of the draft plan (list, add) and of the issued plan (edit, stop)
    "reporting:obligations": page(ok=SEES_DRAFT),
    "reporting:obligation_create": page(ok=("author", "approver", "admin"), forbidden=("reviewer",)),
    "reporting:obligation_update": page(ok=("author", "approver", "admin"), forbidden=OBLIGATION_REFUSED,
                                        targets={"pk": "obligation"}),
    "reporting:obligation_deactivate": action(ok=("author", "approver", "admin"), forbidden=OBLIGATION_REFUSED,
                                              targets={"pk": "obligation"}, data={}),
    # an attachment that does not exist (who may download a real one: tests/reporting/test_attachments.py)
    "reporting:attachment": page(ok=(), targets={"pk": "'999999'"}),
    # official documents of the draft plan
    "reporting:document_preview": page(ok=SEES_DRAFT),
    "reporting:document_request": action(ok=SEES_DRAFT, data={}),
    "reporting:document_status": page(ok=SEES_DRAFT, targets={"pk": "document"}),
    "reporting:document_download": page(ok=SEES_DRAFT, targets={"pk": "document"}),
    "reporting:document_retry": action(ok=SEES_DRAFT, data={}, targets={"pk": "document"}),
}

# Path arguments: kwarg name -> world attribute (its pk) or a literal in quotes.
KWARGS: dict[str, str] = {
    "pk": "draft",
    "section_pk": "section",
    "item_pk": "item",
    "obj_pk": "basis",
    "kind": "'legal-bases'",
    "source": "'plan'",
    "fmt": "'pdf'",
    "period": "period",
    "token": "'0-forged'",
    "check": "'database'",
}


# --- Feature apps add their own URLs, path arguments, objects and state ------------------------------------
#
# Each app may have ``tests/<app>/authz.py`` defining any of: ``RULES`` (URL name -> Rule), ``KWARGS``
# (path argument -> world attribute), ``FIELDS`` (form field names for tests/test_bad_input.py),
# ``world(base, org, users) -> dict`` (its objects, built after the base world) and ``state() -> tuple``
# (what a refused POST of its pages could change). It imports ``page``, ``action``, the actor sets …
# from this module. So an app joins the walker without editing this file.


def _extensions():
    import importlib
    from pathlib import Path

    found = []
    for path in sorted(Path(__file__).resolve().parent.glob("*/authz.py")):
        found.append(importlib.import_module(f"tests.{path.parent.name}.authz"))
    return found


EXTENSIONS = _extensions()
for _extension in EXTENSIONS:
    _clash = set(getattr(_extension, "RULES", {})) & set(RULES)
    assert not _clash, f"{_extension.__name__} redefines {_clash}"
    RULES.update(getattr(_extension, "RULES", {}))
    KWARGS.update(getattr(_extension, "KWARGS", {}))


def kwarg_value(world, reference: str):
    if reference.startswith("'"):
        return reference.strip("'")
    if reference in ("legal-bases", "responsibilities", "recipients"):
        return reference
    return getattr(world, reference).pk


def url_for(world, name: str, pattern: URLPattern, rule: Rule, variant: dict) -> str:
    references = {**KWARGS, **rule.targets, **variant}
    return reverse(name, kwargs={k: kwarg_value(world, references[k]) for k in kwarg_names(pattern)})


# --- The world: one object of each kind -----------------------------------------------------------------


def _plan_with_content(author, title: str):
    plan = services.plan_create(actor=author, data={"year": 2026, "title": title, "place": "Quảng Ngãi"})
    section = services.section_create(actor=author, plan=plan, title="Mục đích, yêu cầu")
    item = services.item_create(actor=author, section=section, text="Đẩy mạnh tuyên truyền.", style=ItemStyle.NUMBER)
    return plan, section, item


@pytest.fixture
def world(org, users):
    from django.utils import timezone

    from plans.importing.models import PlanImport
    from reporting import services as reporting_services
    from reporting.models import ConsolidatedReport, Period, RenderedDocument, ReportingObligation, ReportRequest

    author, approver = users.author, users.approver
    draft, section, item = _plan_with_content(author, "Kế hoạch nháp của Phòng Nghiệp vụ Y năm 2026")
    item2 = services.item_create(actor=author, section=section, text="Tăng cường dân vận.", style=ItemStyle.NUMBER)
    child = services.item_create(actor=author, section=section, text="Ở cơ sở.", style=ItemStyle.DASH, parent=item)
    basis = services.legal_basis_save(actor=author, plan=draft, data={
        "doc_type": "Kế hoạch", "number": "15/KH-UBND", "date": dt.date(2026, 1, 5), "issuer": "UBND tỉnh"})
    duty = services.responsibility_save(actor=author, plan=draft, data={"item": item, "lead_unit": org.cdc})
    recipient = services.recipient_save(actor=author, plan=draft, data={"text": "UBND tỉnh", "purpose": "để báo cáo"})

    submitted, *_ = _plan_with_content(author, "Kế hoạch đã trình năm 2026")
    services.plan_submit(actor=author, plan=submitted)
    approved, *_ = _plan_with_content(author, "Kế hoạch đã duyệt năm 2026")
    services.plan_submit(actor=author, plan=approved)
    services.plan_approve(actor=approver, plan=approved)
    issued, _s, issued_item = _plan_with_content(author, "Kế hoạch đã ban hành năm 2026")
    services.responsibility_save(actor=author, plan=issued, data={"item": issued_item, "lead_unit": org.cdc})
    services.plan_submit(actor=author, plan=issued)
    services.plan_approve(actor=approver, plan=issued)
    services.plan_issue(actor=approver, plan=issued, issued_on=dt.date(2026, 1, 15))

    obligation = ReportingObligation.objects.create(
        plan=issued, title="Báo cáo quý", recipient_unit=org.nvy, period_type="quarterly",
        fixed_deadlines=["15/03", "15/06", "15/09", "15/12"])
    period = Period.objects.create(period_type="quarterly", calendar="nd09", year=2026, index=1,
                                   start=dt.date(2025, 12, 15), end=dt.date(2026, 3, 14), cut_off=dt.date(2026, 3, 14))
    report_request = ReportRequest.objects.create(obligation=obligation, unit=org.cdc, period=period,
                                                  due_date=dt.date(2026, 3, 15))
    document = RenderedDocument.objects.create(
        content_type=ContentType.objects.get_for_model(Plan), object_id=draft.pk, format="pdf", content_hash="0" * 64,
        job_status="done", progress=100, file=ContentFile(b"%PDF-1.7\n", name="ke-hoach.pdf"))

    plan_import = PlanImport.objects.create(created_by=author, text="KẾ HOẠCH\nPhối hợp công tác dân vận năm 2026")

    # the trash: a deleted draft of Phòng NVY and a deleted consolidated report of the issued plan
    trashed, *_ = _plan_with_content(author, "Kế hoạch nháp đã xoá năm 2026")
    services.plan_delete(actor=author, plan=trashed)
    trashed_report = ConsolidatedReport.objects.create(obligation=obligation, period=period, job_status="done")
    reporting_services.consolidated_delete(actor=approver, report=trashed_report, now=timezone.now())

    refreshed = {name: type(obj).objects.get(pk=obj.pk) for name, obj in {
        "draft": draft, "section": section, "item": item, "item2": item2, "child": child, "basis": basis,
        "duty": duty, "recipient": recipient, "submitted": submitted, "approved": approved, "issued": issued,
    }.items()}
    base = SimpleNamespace(**refreshed, report_request=report_request, document=document, obligation=obligation,
                           period=period, plan_import=plan_import, trashed=Plan.all_objects.get(pk=trashed.pk),
                           trashed_report=trashed_report)
    for extension in EXTENSIONS:
        if hasattr(extension, "world"):
            for name, obj in extension.world(base, org, users).items():
                assert not hasattr(base, name), f"{extension.__name__}: world attribute {name!r} exists already"
                setattr(base, name, obj)
    return base


def state() -> tuple:
    """Everything a refused action could have changed."""
    from reporting.models import ConsolidatedReport, RenderedDocument

    return (
        list(Plan.all_objects.order_by("pk").values_list("pk", "status", "version", "number", "title", "deleted_at")),
        list(ConsolidatedReport.all_objects.order_by("pk").values_list("pk", "state", "deleted_at", "content")),
        list(Section.objects.order_by("pk").values_list("pk", "order", "version", "title")),
        list(Item.objects.order_by("pk").values_list("pk", "parent_id", "order", "version", "text")),
        list(LegalBasis.objects.order_by("pk").values_list("pk", "version")),
        list(Responsibility.objects.order_by("pk").values_list("pk", "version")),
        list(Recipient.objects.order_by("pk").values_list("pk", "version")),
        PlanTransition.objects.count(),
        RenderedDocument.objects.count(),
        *(extension.state() for extension in EXTENSIONS if hasattr(extension, "state")),
    )


# --- Checks ----------------------------------------------------------------------------------------------------


def outcome_of(response) -> Any:
    if response.status_code == 200:
        return OK
    if response.status_code in (301, 302, 303):
        return LOGIN if response["Location"].startswith(reverse("login") + "?") else OK
    return response.status_code


def test_every_url_has_an_expectation():
    patterns = url_patterns()
    missing = sorted(set(patterns) - set(RULES))
    assert not missing, f"URLs without an entry in RULES (add who may open them): {missing}"
    stale = sorted(set(RULES) - set(patterns))
    assert not stale, f"RULES entries for URLs that no longer exist: {stale}"
    unknown = sorted({k for pattern in patterns.values() for k in kwarg_names(pattern)} - set(KWARGS))
    assert not unknown, f"Path arguments without a value in KWARGS: {unknown}"


def test_every_rule_names_every_actor(users):
    assert set(vars(users)) == set(USERS), "a user was added to the `users` fixture: add it to USERS and RULES"
    for name, rule in RULES.items():
        assert set(rule.outcomes) == set(ACTORS), name


@pytest.mark.parametrize("actor", ACTORS)
def test_every_url_answers_each_actor_as_expected(actor, world, users, client):
    if actor != ANONYMOUS:
        client.force_login(getattr(users, actor))
    failures = []
    for name, pattern in sorted(url_patterns().items()):
        rule = RULES.get(name)
        if rule is None:
            continue  # reported by test_every_url_has_an_expectation
        expected = rule.outcomes[actor]
        for variant in rule.variants:
            url = url_for(world, name, pattern, rule, variant)
            if rule.post_only:
                got = outcome_of(client.get(url))
                want_get = LOGIN if actor == ANONYMOUS else NOT_ALLOWED
                if got != want_get:
                    failures.append(f"GET {url} ({name}): expected {want_get}, got {got}")
                if expected in (OK,):
                    continue  # allowed actions are exercised by the views' own tests
                before = state()
                data = rule.data(world, variant) if callable(rule.data) else dict(rule.data or {})
                got = outcome_of(client.post(url, data))
                if got != expected:
                    failures.append(f"POST {url} ({name}): expected {expected}, got {got}")
                if state() != before:
                    failures.append(f"POST {url} ({name}) by a refused {actor} changed the data")
            else:
                got = outcome_of(client.get(url))
                if got != expected:
                    failures.append(f"GET {url} ({name}): expected {expected}, got {got}")
    assert not failures, f"{actor}:\n" + "\n".join(failures)
