"""The registries that let feature apps add to pages of plans/ and reporting/ without editing them."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from plans.choices import PlanStatus
from reporting import extensions
from reporting.documents import registry as documents
from reporting.extensions import DashboardPanel, UnitSection, dashboard_panels, render_panels
from reporting.models import (
    DeadlineRule,
    PeriodType,
    ReportingObligation,
    ReportRequest,
    RequestStatus,
)
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_reporting_registers_its_three_document_sources_from_ready():
    assert {"plan", "report", "consolidated"} <= set(documents.registered())
    assert documents.source_for_key("report").model == "reporting.submission"


def test_a_document_source_key_registered_twice_is_refused():
    with pytest.raises(ImproperlyConfigured):
        documents.register("plan", documents.Source(model="x.y", adapter="a", loader="b", can_view="c"))


def test_a_feature_app_registers_its_own_document_source():
    source = documents.Source(model="plans.unit", adapter="a", loader="b", can_view="c")
    documents.register("test_unit", source)
    try:
        assert documents.source_for_key("test_unit") is source
    finally:
        documents.unregister("test_unit")
    assert documents.source_for_key("test_unit") is None


# --- Dashboard panels ---------------------------------------------------------------------------

ROLES = ("author", "reviewer", "approver", "unit_head", "admin", "other_author", "other_reviewer", "other_head",
         "partner")


@pytest.fixture
def reports_2026(db, org):
    """A six-monthly obligation to Phòng NVY; the two facilities' June reports: CDC on time, the hospital missing."""
    from reporting import services

    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED)
    obligation = ReportingObligation.objects.create(
        plan=plan, title="Báo cáo 6 tháng", recipient_unit=org.nvy, period_type=PeriodType.SIX_MONTHLY,
        deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["05/06"])
    services.reporting_tick(today=dt.date(2026, 5, 6))
    first = ReportRequest.objects.filter(obligation=obligation, period__index=1)
    first.filter(unit=org.cdc).update(
        status=RequestStatus.SUBMITTED, submitted_at=dt.datetime(2026, 6, 5, 9, tzinfo=dt.UTC))
    return obligation


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def extra_panel():
    """A feature app's panel with a unit section, registered for the test only."""
    panel = DashboardPanel(
        key="test_extra", title="Bảng thử", order=50, template_name="reporting/extensions/_compliance_panel.html",
        context=lambda user, year: {"empty": True},
        unit_section=UnitSection(template_name="reporting/extensions/_compliance_panel.html",
                                 context=lambda user, unit, year: {}))
    dashboard_panels.register(panel)
    yield panel
    dashboard_panels.unregister(panel.key)


def test_reporting_registers_its_compliance_panel():
    assert dashboard_panels.get("reporting_compliance") is extensions.COMPLIANCE_PANEL


def test_a_panel_key_registered_twice_is_refused():
    with pytest.raises(ImproperlyConfigured):
        dashboard_panels.register(extensions.COMPLIANCE_PANEL)


@pytest.mark.parametrize("role", ROLES)
def test_every_registered_panel_renders_for_every_role(users, org, reports_2026, extra_panel, role):
    user = getattr(users, role)
    request = _request(user)
    for year in (2026, 2020):
        html = "".join(render_panels(request, year=year))
        visible = [p for p in dashboard_panels if p.is_visible(user)]
        assert html.count('class="card mb-3"') == len(visible)
        html = "".join(extensions.render_unit_sections(request, unit=org.cdc, year=year))
        assert html.count('class="card mb-3"') == sum(1 for p in visible if p.unit_section)


def test_panels_come_in_their_order(users, extra_panel):
    assert [p.key for p in dashboard_panels][:2] == ["reporting_compliance", "test_extra"]


def test_compliance_panel_counts_the_years_reports_of_the_overseen_obligations(users, reports_2026):
    today = dt.date(2026, 6, 10)
    summary = extensions.compliance_summary(users.reviewer, 2026, today=today)
    assert {k: summary[k] for k in ("obligations", "expected", "completed", "on_time", "reporting_rate")} == {
        "obligations": 1, "expected": 2, "completed": 1, "on_time": 1, "reporting_rate": 50}
    assert extensions.compliance_summary(users.approver, 2026, today=today)["expected"] == 2
    assert extensions.compliance_summary(users.other_reviewer, 2026, today=today) == {}
    assert extensions.compliance_summary(users.unit_head, 2026, today=today) == {}


@pytest.fixture
def only_compliance(monkeypatch):
    """The compliance panel alone (the feature apps' panels are rendered by the test above)."""
    monkeypatch.setattr(dashboard_panels, "_items", {"reporting_compliance": extensions.COMPLIANCE_PANEL})


def test_compliance_panel_shows_figures_or_says_it_has_no_data(users, reports_2026, django_assert_max_num_queries,
                                                               only_compliance):
    from django.utils import translation

    with translation.override("vi"):
        with django_assert_max_num_queries(3):
            (html,) = render_panels(_request(users.reviewer), year=2026)
        assert "Tuân thủ chế độ báo cáo" in html and "Báo cáo phải nộp" in html
        (html,) = render_panels(_request(users.other_reviewer), year=2026)
        assert "Chưa có dữ liệu" in html
    assert render_panels(_request(users.unit_head), year=2026) == []


# --- Report-form sections -----------------------------------------------------------------------


@pytest.fixture
def checklist_section():
    """A feature app's figures in the six-monthly reports, registered for the test only."""
    from django import forms

    from reporting.extensions import ReportSection, report_sections

    def fields(report_request):
        return [("done", forms.IntegerField(label="Số tiêu chí đạt", min_value=0, required=False)),
                ("note", forms.CharField(label="Ghi chú", required=False))]

    section = ReportSection(
        key="checklist", title="Bộ tiêu chí dân vận", order=20, fields=fields,
        applies_to=lambda obligation: obligation.period_type == PeriodType.SIX_MONTHLY,
        initial=lambda report_request: {"done": 7},
    )
    report_sections.register(section)
    yield section
    report_sections.unregister(section.key)


def _own_request(obligation, unit):
    return ReportRequest.objects.get(obligation=obligation, unit=unit, period__index=1)


def test_a_registered_section_adds_its_fields_prefilled_to_the_report_form(client, users, org, reports_2026,
                                                                            checklist_section):
    from django.urls import reverse

    client.force_login(users.other_head)
    page = client.get(reverse("reporting:report", args=[_own_request(reports_2026, org.bvdk).pk]))
    form = page.context["form"]
    assert form["x_checklist_done"].value() == 7 and "x_checklist_note" in form.fields
    assert "Bộ tiêu chí dân vận" in page.content.decode()


def test_a_posted_report_form_does_not_ask_the_sections_initial_values(client, users, org, reports_2026,
                                                                         checklist_section):
    """A section's ``initial`` may count the unit's records (dialogue's figures): only a form to show asks it."""
    from django.urls import reverse

    asked = []  # (the section is this test's own, made by the fixture: its frozen field is set in place)
    object.__setattr__(checklist_section, "initial", lambda report_request: asked.append(1) or {"done": 7})
    client.force_login(users.other_head)
    url = reverse("reporting:report", args=[_own_request(reports_2026, org.bvdk).pk])
    assert client.get(url).status_code == 200 and asked == [1]
    response = client.post(url, {"save": "1", "narrative_results": "Đã làm.", "x_checklist_done": "9"})
    assert response.status_code == 302 and asked == [1]
    page = client.post(url, {"save": "1", "x_checklist_done": "-1"})  # refused: shown again as posted
    assert page.status_code == 200 and page.context["form"]["x_checklist_done"].value() == "-1" and asked == [1]


def test_section_values_go_to_the_submission_data_under_section_values(org, reports_2026, checklist_section):
    from reporting.forms import ReportForm

    report_request = _own_request(reports_2026, org.bvdk)
    form = ReportForm({"x_checklist_done": "9", "x_checklist_note": " tốt "}, report_request=report_request,
                      tasks=[])
    assert form.is_valid(), form.errors
    assert form.to_data()["section_values"] == {"checklist": {"done": 9, "note": "tốt"}}
    bad = ReportForm({"x_checklist_done": "-1"}, report_request=report_request, tasks=[])
    assert not bad.is_valid() and bad.errors["x_checklist_done"]


def test_a_section_that_does_not_apply_adds_nothing(org, reports_2026, checklist_section):
    from reporting.forms import ReportForm

    reports_2026.period_type = PeriodType.QUARTERLY
    report_request = _own_request(reports_2026, org.bvdk)
    report_request.obligation = reports_2026
    form = ReportForm(report_request=report_request, tasks=[])
    assert not [name for name in form.fields if name.startswith("x_")]
    assert form.section_fields() == []


def test_stored_section_values_are_shown_on_the_review_page(client, users, org, reports_2026, checklist_section):
    from django.urls import reverse

    from reporting.models import Submission

    report_request = _own_request(reports_2026, org.cdc)
    Submission.objects.create(request=report_request, submitted_at=report_request.submitted_at,
                              section_values={"checklist": {"done": 9, "note": "Đạt yêu cầu"}})
    client.force_login(users.reviewer)
    page = client.get(reverse("reporting:review", args=[report_request.pk]))
    assert page.context["section_rows"] == [(checklist_section, [("Số tiêu chí đạt", 9), ("Ghi chú", "Đạt yêu cầu")])]
    html = page.content.decode()
    assert "Bộ tiêu chí dân vận" in html and "Đạt yêu cầu" in html


def test_section_figures_are_written_into_the_official_report(org, reports_2026, checklist_section):
    from reporting.documents.registry import describe
    from reporting.models import Submission

    report_request = _own_request(reports_2026, org.cdc)
    submission = Submission.objects.create(request=report_request, submitted_at=report_request.submitted_at,
                                           section_values={"checklist": {"done": 9, "note": ""}})
    texts = [block.text for block in describe(submission).blocks]
    assert "BỘ TIÊU CHÍ DÂN VẬN" in texts and "Số tiêu chí đạt: 9." in texts and "Ghi chú: —." in texts


def test_a_sections_on_submit_runs_once_when_the_report_is_submitted_not_on_a_draft(users, org, reports_2026,
                                                                                    checklist_section):
    import dataclasses

    from django.utils import timezone

    from reporting import services
    from reporting.extensions import report_sections

    seen = []
    report_sections.unregister(checklist_section.key)
    report_sections.register(dataclasses.replace(checklist_section, on_submit=lambda s: seen.append(
        (s.pk, s.section_values, s.submitted_at is not None))))
    report_request = _own_request(reports_2026, org.bvdk)
    data = {"section_values": {"checklist": {"done": 9, "note": ""}}}
    services.report_save_draft(actor=users.other_head, report_request=report_request, data=data)
    assert seen == []
    submission = services.report_submit(actor=users.other_head, report_request=report_request, data=data,
                                        now=timezone.now())
    assert seen == [(submission.pk, {"checklist": {"done": 9, "note": ""}}, True)]
