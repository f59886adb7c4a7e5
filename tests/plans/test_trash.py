"""Soft deletion with restore (``plans.softdelete``): plans and consolidated reports.

A deleted plan leaves every list, search, dashboard and API answer and its own pages, but stays in the
database with its history; administrators and approvers see it in the trash and restore it. An issued plan
is never deleted. A draft consolidated report is deleted the same way and restored while its period is free.
"""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from plans import services
from plans.choices import PlanStatus
from plans.models import Plan
from reporting import services as reporting_services
from reporting.models import ConsolidatedReport
from tests.factories import PlanFactory
from tests.reporting.test_inbox import make_obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(users):
    return services.plan_create(actor=users.author, data={
        "year": 2026, "title": "Kế hoạch truyền thông phòng chống sốt xuất huyết", "place": "Quảng Ngãi"})


def _visible_everywhere(client, plan) -> dict[str, bool]:
    listed = plan.pk in [row.record.pk for row in client.get(reverse("plans:list")).context["table"].page.object_list]
    found = plan.title in client.get(reverse("search"), {"q": "sot xuat huyet"}).content.decode()
    api = plan.pk in [row["id"] for row in client.get(reverse("plans_api:plan-list")).json()["results"]]
    return {"list": listed, "search": found, "api": api,
            "page": client.get(plan.get_absolute_url()).status_code == 200,
            "api_detail": client.get(reverse("plans_api:plan-detail", args=[plan.pk])).status_code == 200}


def test_the_author_deletes_a_draft_it_disappears_is_kept_and_the_approver_restores_it(client, users, draft):
    client.force_login(users.author)
    assert all(_visible_everywhere(client, draft).values())
    page = client.get(reverse("plans:delete", args=[draft.pk]))
    assert page.status_code == 200 and b'data-confirm="' in page.content
    response = client.post(reverse("plans:delete", args=[draft.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("plans:list")
    for user in (users.author, users.approver, users.admin):
        client.force_login(user)
        assert not any(_visible_everywhere(client, draft).values()), user
    kept = Plan.all_objects.get(pk=draft.pk)
    assert kept.deleted_by == users.author and kept.status == PlanStatus.DRAFT
    assert not Plan.objects.filter(pk=draft.pk).exists()

    client.force_login(users.author)  # the author has no trash; the approver has
    assert client.get(reverse("plans:trash")).status_code == 403
    assert client.post(reverse("plans:restore", args=[draft.pk])).status_code == 404
    client.force_login(users.approver)
    trash = client.get(reverse("plans:trash"))
    assert draft.title in trash.content.decode()
    assert ">Thao tác</th>" in trash.content.decode()  # the row actions, not coordination's "Số bước xử lý"
    sheet = load_workbook(io.BytesIO(client.get(reverse("plans:trash"), {"format": "xlsx"}).content)).active
    assert [c.value for c in sheet[2]][:2] == [draft.title, 2026]
    response = client.post(reverse("plans:restore", args=[draft.pk]))
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    assert all(_visible_everywhere(client, draft).values())
    # every change is in the history: created, deleted (by the author), restored (by the approver)
    history = list(Plan.history.filter(id=draft.pk).order_by("history_date"))
    assert [(h.deleted_at is not None, h.history_user) for h in history[-2:]] == [
        (True, users.author), (False, users.approver)]


def test_the_other_units_approver_does_not_see_the_trash_of_a_room_outside_their_scope(client, org, users):
    other = services.plan_create(actor=users.other_author, data={"year": 2026, "title": "Nháp TCCB"})
    services.plan_delete(actor=users.other_author, plan=other)
    client.force_login(users.approver)  # the department's leadership sees every room's trash
    assert "Nháp TCCB" in client.get(reverse("plans:trash")).content.decode()
    for user in (users.reviewer, users.other_reviewer, users.unit_head, users.partner):
        client.force_login(user)
        assert client.get(reverse("plans:trash")).status_code == 403
        assert client.post(reverse("plans:restore", args=[other.pk])).status_code == 404
    assert Plan.all_objects.get(pk=other.pk).is_deleted


def test_who_may_delete_follows_the_status(users, org):
    submitted = services.plan_create(actor=users.author, data={"year": 2026, "title": "Đã trình"})
    services.section_create(actor=users.author, plan=submitted, title="Mục đích")
    services.plan_submit(actor=users.author, plan=submitted)
    with pytest.raises(PermissionDenied):  # in the reviewers' hands: no longer the author's to delete
        services.plan_delete(actor=users.author, plan=submitted)
    with pytest.raises(PermissionDenied):
        services.plan_delete(actor=users.reviewer, plan=submitted)
    services.plan_delete(actor=users.admin, plan=submitted)  # an administrator may, until it is issued
    issued = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=7, issuers=[org.syt])
    for user in (users.admin, users.approver, users.author):
        with pytest.raises(ValidationError, match="văn bản chính thức"):
            services.plan_delete(actor=user, plan=issued)
    assert not Plan.all_objects.get(pk=issued.pk).is_deleted


def test_an_issued_plan_offers_no_delete_and_refuses_the_post(client, org, users):
    issued = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=8, issuers=[org.syt])
    client.force_login(users.admin)
    assert b"action-delete" not in client.get(issued.get_absolute_url()).content
    assert client.post(reverse("plans:delete", args=[issued.pk])).status_code == 403
    assert not Plan.all_objects.get(pk=issued.pk).is_deleted


def test_a_refused_delete_changes_nothing(client, users, draft):
    for user in (users.reviewer, users.approver):  # they see the draft but may not delete it
        client.force_login(user)
        assert client.get(draft.get_absolute_url()).status_code == 200
        assert b"action-delete" not in client.get(draft.get_absolute_url()).content
        assert client.post(reverse("plans:delete", args=[draft.pk])).status_code == 403
    for user in (users.unit_head, users.other_author, users.partner):
        client.force_login(user)
        assert client.post(reverse("plans:delete", args=[draft.pk])).status_code == 404
    assert not Plan.all_objects.get(pk=draft.pk).is_deleted


def test_the_trash_lists_in_bounded_queries(client, users, django_assert_max_num_queries):
    for n in range(30):
        plan = services.plan_create(actor=users.author, data={"year": 2026, "title": f"Nháp {n}"})
        services.plan_delete(actor=users.author, plan=plan)
    client.force_login(users.approver)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("plans:trash"))
    assert response.status_code == 200 and response.context["page"].paginator.count == 30


def test_the_children_of_a_deleted_plan_still_reach_it(users, draft):
    section = services.section_create(actor=users.author, plan=draft, title="Mục đích")
    services.plan_delete(actor=users.author, plan=draft)
    assert type(section).objects.get(pk=section.pk).plan.pk == draft.pk  # forward keys: the base manager


# --- Consolidated reports ----------------------------------------------------------------------------


@pytest.fixture
def consolidated(org, users):
    obligation, _task = make_obligation(org)
    period = obligation.requests.first().period
    report = reporting_services.consolidated_request(actor=users.reviewer, obligation=obligation, period=period,
                                                     now=timezone.now())
    reporting_services.consolidated_compile(report_id=report.pk)
    return ConsolidatedReport.objects.get(pk=report.pk)


def test_a_draft_consolidated_report_is_deleted_compiled_anew_and_restored_once_free(client, users, consolidated):
    url = reverse("reporting:consolidated", args=[consolidated.obligation_id, consolidated.period_id])
    client.force_login(users.reviewer)
    assert b'id="consolidated-delete"' in client.get(url).content
    assert client.post(url, {"action": "delete"}).status_code == 302
    assert client.get(url).context["report"] is None  # the period can be compiled again
    assert ConsolidatedReport.all_objects.get(pk=consolidated.pk).deleted_by == users.reviewer
    assert client.get(reverse("reporting:consolidated_trash")).status_code == 403  # reviewers have no trash

    client.force_login(users.approver)
    trash = client.get(reverse("reporting:consolidated_trash"))
    assert consolidated.obligation.title in trash.content.decode()
    assert client.get(reverse("reporting:consolidated_trash"), {"format": "xlsx"}).status_code == 200
    again = reporting_services.consolidated_request(actor=users.approver, obligation=consolidated.obligation,
                                                    period=consolidated.period, now=timezone.now())
    assert again.pk != consolidated.pk
    response = client.post(reverse("reporting:consolidated_restore", args=[consolidated.pk]), follow=True)
    assert "compiled again" in response.content.decode() or "tổng hợp lại" in response.content.decode()
    assert ConsolidatedReport.all_objects.get(pk=consolidated.pk).is_deleted
    reporting_services.consolidated_delete(actor=users.approver, report=again, now=timezone.now())
    assert client.post(reverse("reporting:consolidated_restore", args=[consolidated.pk])).status_code == 302
    assert ConsolidatedReport.objects.get().pk == consolidated.pk
    history = list(consolidated.history.order_by("history_date"))
    assert [h.deleted_at is not None for h in history[-2:]] == [True, False]


def test_an_issued_consolidated_report_cannot_be_deleted_and_others_may_not_delete_a_draft(users, consolidated):
    for user in (users.other_reviewer, users.unit_head, users.author):
        with pytest.raises(PermissionDenied):
            reporting_services.consolidated_delete(actor=user, report=consolidated, now=timezone.now())
    reporting_services.consolidated_issue(actor=users.approver, report=consolidated, now=timezone.now())
    with pytest.raises(ValidationError):
        reporting_services.consolidated_delete(actor=users.admin, report=consolidated, now=timezone.now())
    assert not ConsolidatedReport.all_objects.get(pk=consolidated.pk).is_deleted
