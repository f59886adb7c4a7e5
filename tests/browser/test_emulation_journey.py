"""Emulation in a real browser: a unit head enters phase results in the report, staff see attainment change."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from emulation import services
from emulation.models import Result
from reporting import services as reporting_services
from reporting.choices import DeadlineRule, PeriodType
from reporting.models import ReportingObligation, ReportRequest
from tests.browser.test_plan_journey import Portal, click_and_wait
from tests.emulation.conftest import issued_plan
from tests.reporting.test_inbox import OPEN_DAY

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_a_unit_head_reports_phase_results_and_staff_see_attainment_change(browser, live_server, org, users,
                                                                          password, screenshots):
    plan = issued_plan(users, title="Kế hoạch thực hiện phong trào thi đua năm 2026")
    movement = services.movement_create(
        actor=users.author, plan=plan, data={"title": "Phong trào thi đua yêu nước năm 2026", "year": 2026},
        phases=[{"name": "Giai đoạn 1", "start": dt.date(2026, 1, 1), "end": dt.date(2026, 6, 30)},
                {"name": "Giai đoạn 2", "start": dt.date(2026, 7, 1), "end": dt.date(2026, 12, 31)}])
    target = services.target_save(actor=users.author, movement=movement, data={
        "name": "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "measure": "percent", "direction": "at_least",
        "value": Decimal(95), "baseline": Decimal("94.1"), "baseline_year": 2025})
    services.result_enter(actor=users.author, target=target, phase=movement.phases.first(), unit=org.bvdk,
                          value=Decimal("96"))
    ReportingObligation.objects.create(
        plan=plan, title="Báo cáo 6 tháng thi đua", recipient_unit=org.nvy, period_type=PeriodType.SIX_MONTHLY,
        deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["05/06"])
    reporting_services.reporting_tick(today=OPEN_DAY)
    request = ReportRequest.objects.get(unit=org.cdc)
    movement_url = reverse("emulation:movement", args=[movement.pk])
    portal = Portal(browser, live_server.url, password)
    try:
        # Staff first: CDC has no figure yet, so the sector average of 96 meets the target and CDC has no data.
        page = portal.as_user(users.author)
        portal.goto(movement_url)
        row = page.locator(f"#scorecard tr[data-target='{target.pk}']")
        assert "96" in row.locator(".actual").inner_text() and "1/2" in row.inner_text()
        assert "1 chưa có số liệu" in row.inner_text()

        # The unit head of CDC enters the phase's figure in the six-monthly report and submits it.
        page = portal.as_user(users.unit_head)
        portal.goto(reverse("reporting:report", args=[request.pk]))
        field = page.locator(f"#id_x_emulation_i{target.indicator_id}")
        field.fill("90,5")
        page.fill("#id_narrative_results", "Đã tiêm chủng cho 1.250 trẻ.")
        page.screenshot(path=str(screenshots / "emulation-report.png"), full_page=True)
        click_and_wait(page, "button[name=submit]")
        assert Result.objects.get(unit=org.cdc).value == Decimal("90.5")

        # Staff see the attainment change: the average falls to 93,25, below 95; CDC misses the target.
        page = portal.as_user(users.author)
        portal.goto(movement_url)
        row = page.locator(f"#scorecard tr[data-target='{target.pk}']")
        assert "93,25" in row.locator(".actual").inner_text()
        assert row.locator(".attainment").inner_text().strip() == "Không đạt"
        assert "CDC" in row.inner_text()
        page.screenshot(path=str(screenshots / "emulation-scorecard.png"), full_page=True)
    finally:
        portal.close()
