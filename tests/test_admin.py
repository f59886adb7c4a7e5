"""The Django admin: administrators only, no second write path, in Vietnamese."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from plans.choices import DocType, PlanStatus, Role
from plans.models import DocumentNumber, Plan, PlanTransition
from tests.factories import PlanFactory, UserFactory

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """The values a browser would send back from the page's ``<form>`` (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox", "file"):
            self.data[name] = attrs.get("value") or ""
        elif tag == "input" and name and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.data[name] = attrs.get("value") or "on"
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_data(response) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(response.content.decode())
    return parser.data


@pytest.fixture
def issued_plan(org, users):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=276, symbol="KH-SYT",
                       issued_on=dt.date(2026, 3, 5))
    PlanTransition.objects.create(plan=plan, from_status=PlanStatus.APPROVED, to_status=PlanStatus.ISSUED,
                                  actor=users.approver)
    return plan


def test_a_staff_user_who_is_no_administrator_is_refused(client, org, users):
    staff_author = UserFactory(username="chuyenvien-staff", unit=org.nvy, roles=[Role.AUTHOR], is_staff=True)
    client.force_login(staff_author)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert client.get(reverse("admin:plans_plan_changelist")).status_code == 302


def test_the_admin_login_refuses_a_staff_author_and_admits_an_administrator(client, org, users, password):
    UserFactory(username="chuyenvien-staff", unit=org.nvy, roles=[Role.AUTHOR], is_staff=True)
    refused = client.post(reverse("admin:login"), {"username": "chuyenvien-staff", "password": password})
    assert refused.status_code == 200
    assert "tài khoản quản trị" in refused.content.decode()
    # an administrator by role, without is_staff, gets in
    UserFactory(username="quantri2", unit=org.syt, roles=[Role.ADMIN], is_staff=False)
    admitted = client.post(reverse("admin:login"), {"username": "quantri2", "password": password})
    assert admitted.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_inactive_superuser_is_refused(client, org):
    root = UserFactory(username="root", unit=org.syt, is_superuser=True, is_staff=True, is_active=False)
    client.force_login(root)
    assert client.get(reverse("admin:index")).status_code == 302


def test_an_administrator_sees_number_and_status_read_only_and_a_post_changes_nothing(client, users,
                                                                                     issued_plan):
    client.force_login(users.admin)
    url = reverse("admin:plans_plan_change", args=[issued_plan.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    for field in ("status", "number", "symbol", "issued_on", "year", "doc_type"):
        assert field not in data, field  # shown as text, not as an input
    html = page.content.decode()
    assert "276" in html and "KH-SYT" in html and "05/03/2026" in html

    data.update(title="Tiêu đề sửa trong trang quản trị", status=PlanStatus.DRAFT, number="1", symbol="KH-XYZ",
                issued_on="01/01/2026", year="2020", doc_type=DocType.KH)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    issued_plan.refresh_from_db()
    assert issued_plan.title == "Tiêu đề sửa trong trang quản trị"  # the form itself works
    assert (issued_plan.status, issued_plan.number, issued_plan.symbol, issued_plan.issued_on, issued_plan.year) == (
        PlanStatus.ISSUED, 276, "KH-SYT", dt.date(2026, 3, 5), 2026)


def test_plans_are_neither_added_nor_deleted_nor_reverted_in_the_admin(client, users, issued_plan):
    client.force_login(users.admin)
    assert client.get(reverse("admin:plans_plan_add")).status_code == 403
    assert client.post(reverse("admin:plans_plan_delete", args=[issued_plan.pk]), {"post": "yes"}).status_code == 403
    old = issued_plan.history.earliest()
    revert = reverse("admin:plans_plan_simple_history", args=[issued_plan.pk, old.history_id])
    assert client.get(revert).status_code == 200
    assert client.post(revert, {"title": "x"}).status_code == 403
    assert Plan.objects.filter(pk=issued_plan.pk, status=PlanStatus.ISSUED).exists()


@pytest.mark.parametrize("model", [DocumentNumber, PlanTransition])
def test_the_number_register_and_the_workflow_rows_are_read_only(client, org, users, issued_plan, model):
    DocumentNumber.objects.create(year=2026, doc_type=DocType.KH, issuer=org.syt, last_number=276)
    row = model.objects.first()
    name = f"admin:plans_{model._meta.model_name}"
    client.force_login(users.admin)
    assert client.get(reverse(f"{name}_changelist")).status_code == 200
    assert client.get(reverse(f"{name}_add")).status_code == 403
    change = client.get(reverse(f"{name}_change", args=[row.pk]))
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    assert client.post(reverse(f"{name}_change", args=[row.pk]), {"last_number": "1"}).status_code == 403
    assert client.post(reverse(f"{name}_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=row.pk).exists()
    assert DocumentNumber.objects.get().last_number == 276


# --- In Vietnamese ---------------------------------------------------------------------------------

def _registered():
    from django.contrib import admin

    return sorted(admin.site._registry, key=lambda m: m._meta.label)


ENGLISH = ["Select ", " to change", "Add ", "Search", "Filter", "Home", "Toggle", "Skip to main content",
           "Periodic", "Crontab", "Interval", "Clocked", "Solar", "History", "Run", "Error", "Action:"]


@pytest.mark.parametrize("model", _registered(), ids=lambda m: m._meta.label)
def test_every_admin_changelist_and_form_speaks_vietnamese(client, users, issued_plan, model):
    from django.utils import translation

    with translation.override("en"):
        english_names = {str(model._meta.verbose_name).capitalize(), str(model._meta.verbose_name_plural).capitalize()}
    client.force_login(users.admin)
    opts = model._meta
    pages = [reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")]
    row = model._default_manager.first()
    if row is not None:
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))
    from django.contrib import admin

    if admin.site._registry[model].has_add_permission(type("R", (), {"user": users.admin})()):
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        visible = _visible_text(html)
        for name in english_names:
            assert name not in visible, (url, name)
        leftovers = [word for word in ENGLISH if word in visible]
        assert not leftovers, (url, leftovers)


def _visible_text(html: str) -> str:
    """The page's text and its buttons' values, without tags, scripts or attributes."""
    import re

    html = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", html)
    # django-celery-beat's "Crontab translation" row (cron_descriptor's English) is hidden by its own script
    html = re.sub(r'(?s)<div class="form-row field-crontab_translation">.*?</div>\s*</div>\s*</div>', " ", html)
    values = " ".join(re.findall(r'<input[^>]+type="submit"[^>]*value="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + values


def test_reporting_rows_are_shown_only_and_holidays_stay_editable(client, users):
    from reporting.models import Holiday

    client.force_login(users.admin)
    for name in ("reportrequest", "submission", "review", "reminder", "consolidatedreport", "rendereddocument",
                 "reportingobligation", "period", "notification"):
        if f"reporting_{name}" in {f"{m._meta.app_label}_{m._meta.model_name}" for m in _registered()}:
            assert client.get(reverse(f"admin:reporting_{name}_add")).status_code == 403, name
    holiday = Holiday.objects.get(date=dt.date(2026, 9, 2))
    response = client.post(reverse("admin:reporting_holiday_change", args=[holiday.pk]),
                           {"date": "02/09/2026", "name": "Quốc khánh (đã sửa)"})
    assert response.status_code == 302
    holiday.refresh_from_db()
    assert holiday.name == "Quốc khánh (đã sửa)"


def test_the_user_form_has_no_staff_flag(client, users):
    client.force_login(users.admin)
    page = client.get(reverse("admin:plans_user_change", args=[users.author.pk]))
    assert page.status_code == 200
    assert "is_superuser" in form_data(page) or 'name="is_superuser"' in page.content.decode()
    assert 'name="is_staff"' not in page.content.decode()


def test_the_index_and_the_history_pages_speak_vietnamese(client, users, issued_plan):
    client.force_login(users.admin)
    version = issued_plan.history.earliest()
    for url in (reverse("admin:index"), reverse("admin:plans_plan_history", args=[issued_plan.pk]),
                reverse("admin:plans_plan_simple_history", args=[issued_plan.pk, version.history_id]),
                reverse("admin:password_change")):
        response = client.get(url)
        assert response.status_code == 200, url
        visible = _visible_text(response.content.decode())
        assert not [word for word in ENGLISH + ["Revert", "Change reason", "Changed by"] if word in visible], url
