"""Obligations by hand and from the importer's proposals: policy, service errors, pages, the plan panel."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from plans.choices import PlanStatus
from plans.importing.models import PlanImport
from reporting import policy, services
from reporting.indicators import spec_of
from reporting.models import DeadlineRule, PeriodType, ReportingObligation, UnitsRule
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title="Tiếp xúc, đối thoại năm 2026", year=2026)


def valid_data(org, **extra):
    data = {"title": "Báo cáo 6 tháng", "units_rule": UnitsRule.ALL_FACILITIES, "recipient_unit": org.nvy,
            "period_type": PeriodType.SIX_MONTHLY, "calendar": "nd09", "deadline_rule": DeadlineRule.FIXED,
            "fixed_deadlines": ["05/06"], "reminder_offsets": [7, 3, 1], "sections": ["results"],
            "indicators": [{"code": "so_cuoc", "label": "Số cuộc", "unit": "cuộc", "type": "integer"}]}
    data.update(extra)
    return data


def post_data(org, **extra):
    data = {"title": "Báo cáo năm", "units_rule": "all_facilities", "unit_kind": "", "recipient_unit": org.nvy.pk,
            "period_type": "annual", "calendar": "nd09", "deadline_rule": "fixed", "fixed_deadlines": "25/11",
            "deadline_days": "0", "shift_rule": "previous_working_day", "open_days_before": "30",
            "reminder_offsets": "7, 3, 1", "sections": ["results", "proposals"], "include_tasks": "on",
            "indicators": "so_cuoc | Số cuộc tiếp xúc | cuộc | integer | 0 |\nty_le | Tỷ lệ giải quyết | % | percent"}
    data.update(extra)
    return data


def test_who_may_manage_obligations(org, users, plan):
    allowed = {u.username for u in vars(users).values() if policy.can_manage_obligations(u, plan)}
    assert allowed == {users.author.username, users.approver.username, users.admin.username}


def test_access_checks_live_in_policy_only():
    import reporting.selectors as selectors

    for name in ("can_fill", "can_review", "is_unit_head", "can_oversee", "fillable_requests_q",
                 "reviewable_requests_q"):
        assert getattr(selectors, name) is getattr(policy, name)  # imported, not defined there
    assert "def can_" not in open(selectors.__file__, encoding="utf-8").read()


def test_service_creates_and_changes_an_obligation(org, users, plan):
    obligation = services.obligation_save(actor=users.author, plan=plan, data=valid_data(org))
    assert obligation.plan == plan and obligation.fixed_deadlines == ["05/06"]
    services.obligation_save(actor=users.approver, plan=plan, obligation=obligation,
                             data=valid_data(org, units_rule=UnitsRule.NAMED, units=[org.cdc]))
    obligation.refresh_from_db()
    assert obligation.units_rule == "named" and list(obligation.units.all()) == [org.cdc]


def test_service_raises_the_model_errors_translated(org, users, plan):
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        services.obligation_save(actor=users.author, plan=plan,
                                 data=valid_data(org, fixed_deadlines=["05/06", "25/11"]))
    assert "Nhập đúng 1 ngày" in " ".join(caught.value.message_dict["fixed_deadlines"])
    with pytest.raises(ValidationError) as caught:
        services.obligation_save(actor=users.author, plan=plan, data=valid_data(org, units_rule=UnitsRule.NAMED))
    assert "units" in caught.value.message_dict
    assert not ReportingObligation.objects.exists()


def test_service_refuses_others(org, users, plan):
    for user in (users.reviewer, users.unit_head, users.other_author):
        with pytest.raises(PermissionDenied):
            services.obligation_save(actor=user, plan=plan, data=valid_data(org))
    obligation = services.obligation_save(actor=users.author, plan=plan, data=valid_data(org))
    with pytest.raises(PermissionDenied):
        services.obligation_deactivate(actor=users.reviewer, obligation=obligation)
    services.obligation_deactivate(actor=users.admin, obligation=obligation)
    obligation.refresh_from_db()
    assert not obligation.is_active


def test_create_page_saves_an_obligation(client, org, users, plan):
    client.force_login(users.author)
    response = client.post(reverse("reporting:obligation_create", args=[plan.pk]), post_data(org))
    assert response.status_code == 302
    obligation = ReportingObligation.objects.get()
    assert obligation.fixed_deadlines == ["25/11"] and obligation.sections == ["results", "proposals"]
    assert [spec_of(i) for i in obligation.indicators] == [
        {"code": "so_cuoc", "label": "Số cuộc tiếp xúc", "unit": "cuộc", "type": "integer", "min": "0"},
        {"code": "ty_le", "label": "Tỷ lệ giải quyết", "unit": "%", "type": "percent"},
    ]


def test_bad_input_shows_translated_errors_and_keeps_typed_data(client, org, users, plan):
    client.force_login(users.author)
    url = reverse("reporting:obligation_create", args=[plan.pk])
    response = client.post(url, post_data(org, fixed_deadlines="32/13", title="Tiêu đề đã gõ"),
                           HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert response.context["form"].errors["fixed_deadlines"]
    assert "Tiêu đề đã gõ" in response.content.decode()
    response = client.post(url, post_data(org, indicators="a | A | | fraction"))
    assert response.context["form"].errors["indicators"]
    response = client.post(url, post_data(org, reminder_offsets="7, ba"))
    assert response.context["form"].errors["reminder_offsets"]
    response = client.post(url, post_data(org, units_rule="named"))
    assert response.context["form"].errors["units"]
    assert not ReportingObligation.objects.exists()


def test_edit_page_and_stop(client, org, users, plan):
    obligation = services.obligation_save(actor=users.author, plan=plan, data=valid_data(org))
    client.force_login(users.approver)
    url = reverse("reporting:obligation_update", args=[obligation.pk])
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"].initial["fixed_deadlines"] == "05/06"
    assert "so_cuoc | Số cuộc | cuộc | integer" in page.context["form"].initial["indicators"]
    client.post(url, post_data(org, title="Báo cáo năm (sửa)"))
    obligation.refresh_from_db()
    assert obligation.title == "Báo cáo năm (sửa)" and obligation.period_type == "annual"
    client.post(reverse("reporting:obligation_deactivate", args=[obligation.pk]))
    obligation.refresh_from_db()
    assert not obligation.is_active


def test_refused_users(client, org, users, plan):
    obligation = services.obligation_save(actor=users.author, plan=plan, data=valid_data(org))
    for user in (users.reviewer, users.unit_head, users.other_author):
        client.force_login(user)
        assert client.get(reverse("reporting:obligation_create", args=[plan.pk])).status_code == 403
        assert client.post(reverse("reporting:obligation_update", args=[obligation.pk]),
                           post_data(org, title="X")).status_code == 403
        assert client.post(reverse("reporting:obligation_deactivate", args=[obligation.pk])).status_code == 403
    obligation.refresh_from_db()
    assert obligation.title == "Báo cáo 6 tháng" and obligation.is_active


def _import(plan, users, deadlines):
    return PlanImport.objects.create(created_by=users.author, text="x", plan=plan, status=PlanImport.Status.SAVED,
                                     proposals={"report_deadlines": deadlines, "targets": []})


SIX = {"kind": "report", "recurrence": "six_monthly", "day": 5, "month": 6, "year": None, "start": None,
       "end": None, "text": "Báo cáo 6 tháng đầu năm trước ngày 05/6", "status": "proposed"}
REVIEW = {"kind": "review", "recurrence": "", "day": None, "month": 12, "year": 2026, "start": None, "end": None,
          "text": "Tổng kết vào tháng 12/2026", "status": "proposed"}


def test_confirm_a_proposal_prefills_the_form(client, org, users, plan):
    _import(plan, users, [SIX, {"kind": "phase", "recurrence": "", "text": "Giai đoạn 1"}, REVIEW])
    client.force_login(users.author)
    page = client.get(reverse("reporting:obligation_create", args=[plan.pk]) + "?proposal=0")
    initial = page.context["form"].initial
    assert (initial["period_type"], initial["fixed_deadlines"]) == ("six_monthly", "05/06")
    review = client.get(reverse("reporting:obligation_create", args=[plan.pk]) + "?proposal=2").context["form"]
    assert review.initial["period_type"] == "one_off" and review.initial["one_off_due"].isoformat() == "2026-12-31"
    # saving it confirms the proposal: the panel no longer offers it
    client.post(reverse("reporting:obligation_create", args=[plan.pk]),
                post_data(org, period_type="six_monthly", fixed_deadlines="05/06",
                          proposal_key=initial["proposal_key"]))
    assert ReportingObligation.objects.get().proposal_key == "report|six_monthly|5|6|"
    listing = client.get(reverse("reporting:obligations", args=[plan.pk]))
    rows = listing.context["proposals"]
    assert [(r["index"], r["confirmed"]) for r in rows] == [(0, True), (2, False)]


def test_panel_on_the_plan_page(client, org, users, plan, django_assert_max_num_queries):
    _import(plan, users, [SIX])
    for n in range(3):
        services.obligation_save(actor=users.author, plan=plan, data=valid_data(
            org, title=f"Báo cáo {n}", units_rule=UnitsRule.NAMED, units=[org.cdc, org.bvdk]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users.author)
    client.get(reverse("plans:list"))  # the user's cached state (session, roles, header) warm for both counts
    with django_assert_max_num_queries(40), CaptureQueriesContext(connection) as few:
        page = client.get(plan.get_absolute_url()).content.decode()
    assert "Báo cáo 2" in page and reverse("reporting:obligation_create", args=[plan.pk]) + "?proposal=0" in page
    with django_assert_max_num_queries(20):
        listing = client.get(reverse("reporting:obligations", args=[plan.pk]))
    assert len(listing.context["rows"]) == 3
    # the query count does not grow with the obligations
    for n in range(3, 10):
        services.obligation_save(actor=users.author, plan=plan, data=valid_data(
            org, title=f"Báo cáo {n}", units_rule=UnitsRule.NAMED, units=[org.cdc]))
    with CaptureQueriesContext(connection) as many:
        client.get(plan.get_absolute_url())
    assert len(many) == len(few)
    client.force_login(users.unit_head)  # sees the issued plan, not the buttons
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Báo cáo 2" in page and "?proposal=0" not in page
    assert reverse("reporting:obligation_create", args=[plan.pk]) not in page
