"""The report-form section pre-filled with the unit's figures, and the dashboard panel."""

import datetime as dt

import pytest
from django.test import RequestFactory
from django.utils import timezone

from dialogue import services
from dialogue.extensions import DASHBOARD_PANEL, REPORT_SECTION, panel_figures
from plans.choices import PlanKind
from reporting.extensions import render_panels, render_unit_sections, sections_for
from reporting.models import Period, ReportingObligation, ReportRequest
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)


def _at(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(8)))


@pytest.fixture
def figures_world(org, users, petition_for):
    """CDC's first half of 2026: 2 sessions (one held), 3 issues (1 resolved), petitions of each state."""
    def session(day, held):
        s = services.session_save(actor=users.approver, data={
            "title": f"Buổi {day}", "form": "in_person", "starts_at": _at(day), "place": "Hội trường",
            "organising_unit": org.syt})
        if held:
            services.session_mark_held(actor=users.approver, session=s, attendance=50)
        return s

    held = session(dt.date(2026, 3, 10), True)
    session(dt.date(2026, 5, 10), False)
    session(dt.date(2026, 8, 10), True)  # outside the period
    entries = [services.minutes_entry_add(actor=users.approver, session=held, today=dt.date(2026, 3, 10), data={
        "raised_by": f"Người {n}", "question": f"Ý kiến {n}"}, follow_up={
        "action": f"Việc {n}", "responsible_unit": org.cdc, "due_date": dt.date(2026, 4, 1)}) for n in range(3)]
    services.follow_up_resolve(actor=users.unit_head, follow_up=entries[0].follow_up, resolution="Xong",
                               today=dt.date(2026, 3, 20))
    petition_for(kind="complaint")
    resolved = petition_for(kind="complaint", received_on=dt.date(2026, 3, 2))
    services.petition_resolve(actor=users.unit_head, petition=resolved, resolution="Đã trả lời", today=TODAY)
    petition_for(kind="proposal", received_on=dt.date(2026, 4, 1))
    petition_for(kind="denunciation", received_on=dt.date(2026, 7, 1))  # outside the period
    petition_for(unit=org.bvdk, kind="feedback", actor=users.other_head)  # another facility: not the CDC's
    return held


def _request(org, kind=PlanKind.DIALOGUE):
    plan = PlanFactory(kind=kind, owner_unit=org.syt, status="issued", year=2026)
    obligation = ReportingObligation.objects.create(plan=plan, title="Báo cáo 6 tháng", recipient_unit=org.syt,
                                                    period_type="six_monthly", fixed_deadlines=["05/06"])
    period, _created = Period.objects.get_or_create(
        period_type="six_monthly", calendar="calendar", year=2026, index=1, start=dt.date(2026, 1, 1),
        end=dt.date(2026, 6, 30), defaults={"cut_off": dt.date(2026, 6, 30)})
    return ReportRequest.objects.create(obligation=obligation, unit=org.cdc, period=period,
                                        due_date=dt.date(2026, 6, 5))


def test_the_section_applies_to_the_dialogue_plans_reports_only(org):
    assert REPORT_SECTION in sections_for(_request(org).obligation)
    assert REPORT_SECTION not in sections_for(_request(org, kind=PlanKind.GENERAL).obligation)


def test_the_report_is_pre_filled_with_the_units_figures(org, figures_world):
    """The CDC's report: issues counted by the follow-ups it carries; sessions by the units it organises."""
    report_request = _request(org)
    initial = REPORT_SECTION.initial(report_request)
    assert initial["complaint_received"] == 2 and initial["complaint_resolved"] == 1
    assert initial["complaint_open"] == 1 and initial["proposal_received"] == 1
    assert initial["denunciation_received"] == 0 and initial["feedback_received"] == 0
    assert initial["sessions_held"] == 0  # the sessions were the department's, not the CDC's


def test_the_departments_report_counts_its_sessions_and_issues(org, figures_world):
    report_request = _request(org)
    report_request.unit = org.syt
    initial = REPORT_SECTION.initial(report_request)
    assert (initial["sessions_held"], initial["issues_raised"], initial["issues_resolved"]) == (1, 3, 1)
    assert initial["complaint_received"] == 2 and initial["feedback_received"] == 1


def test_the_report_form_shows_the_pre_filled_fields(client, org, users, figures_world):
    report_request = _request(org)
    client.force_login(users.unit_head)
    body = client.get(report_request.get_absolute_url()).content.decode()
    assert 'name="x_dialogue_complaint_received"' in body
    assert "Đơn thư (khiếu nại): tiếp nhận" in body


def test_the_rows_read_in_vietnamese(org):
    rows = REPORT_SECTION.rows({"sessions_held": "2", "complaint_open": "1"})
    assert rows == [("Số buổi tiếp xúc, đối thoại đã tổ chức", "2"), ("Đơn thư (khiếu nại): đang giải quyết", "1")]


def test_the_dashboard_panel_counts_sessions_issues_and_overdue_petitions_by_age(org, users, figures_world):
    data = panel_figures(unit_ids=None, year=2026, today=TODAY)
    assert (data["sessions_held"], data["sessions_planned"]) == (2, 3)
    assert (data["issues_raised"], data["follow_ups_resolved"], data["follow_ups_overdue"]) == (3, 1, 2)
    assert data["open_petitions"] == 4
    assert data["overdue_total"] == 4
    assert [count for _label, count in data["overdue_ages"]] == [0, 0, 4]


def test_the_panel_and_its_unit_section_render(org, users, figures_world):
    request = RequestFactory().get("/")
    request.user = users.approver
    html = "".join(render_panels(request, year=2026))
    assert 'id="panel-dialogue"' in html and 'id="dialogue-sessions">2 / 3<' in html
    unit_html = "".join(render_unit_sections(request, unit=org.bvdk, year=2026))
    assert 'id="dialogue-overdue">1<' in unit_html
    request.user = users.unit_head
    assert DASHBOARD_PANEL.is_visible(users.unit_head) is False


def test_the_cached_panel_shows_a_new_session_at_once(org, users, figures_world, django_assert_max_num_queries):
    request = RequestFactory().get("/")
    request.user = users.approver
    assert 'id="dialogue-sessions">2 / 3<' in "".join(render_panels(request, year=2026))
    with django_assert_max_num_queries(0):  # every panel's context from the cache
        assert 'id="dialogue-sessions">2 / 3<' in "".join(render_panels(request, year=2026))
    services.session_save(actor=users.approver, data={  # a row of the app: its generation moves on
        "title": "Buổi tháng 6", "form": "in_person", "starts_at": _at(dt.date(2026, 6, 10)), "place": "Hội trường",
        "organising_unit": org.syt})
    assert 'id="dialogue-sessions">2 / 4<' in "".join(render_panels(request, year=2026))
