"""Results entered by the units in their periodic report (the report-form section)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from emulation.models import Result
from reporting import services as reporting_services
from reporting.choices import DeadlineRule, PeriodType
from reporting.models import Indicator, ReportingObligation, ReportRequest
from tests.reporting.test_inbox import OPEN_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(emu, org):
    doctors = Indicator.objects.create(code="so_bac_si", name="Số bác sĩ")
    population = Indicator.objects.create(code="dan_so", name="Dân số")
    vaccination = emu.target(value=95)
    ratio = emu.target(name="Bác sĩ/10.000 dân", measure="per_10000", value="10.8", source="computed",
                       numerator=doctors, denominator=population, factor=10000)
    emu.target(name="Giường bệnh/10.000 dân", measure="per_10000", value="26.2", scope="sector", source="department")
    ReportingObligation.objects.create(
        plan=emu.plan, title="Báo cáo 6 tháng", recipient_unit=org.nvy, period_type=PeriodType.SIX_MONTHLY,
        deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["05/06"])
    reporting_services.reporting_tick(today=OPEN_DAY)
    return vaccination, ratio, doctors, population, ReportRequest.objects.get(unit=org.cdc)


def test_the_report_asks_the_units_figures_and_submitting_it_writes_the_phases_results(client, emu, users, report):
    vaccination, ratio, doctors, population, request = report
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[request.pk])
    with translation.override("vi"):
        page = client.get(url).content.decode()
    assert "Tỷ lệ tiêm chủng đầy đủ (chỉ tiêu: ≥ 95 %)" in page and "Số bác sĩ" in page and "Dân số" in page
    assert "Giường bệnh" not in page  # entered by the department, not asked of the units
    response = client.post(url, {f"x_emulation_i{vaccination.indicator_id}": "96,5",
                                 f"x_emulation_i{doctors.pk}": "40", f"x_emulation_i{population.pk}": "40.000",
                                 "narrative_results": "Đã tiêm chủng đầy đủ.", "submit": "1"},
                           HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302
    results = {r.target_id: r for r in Result.objects.filter(phase=emu.first, unit=users.unit_head.unit)}
    assert results[vaccination.pk].value == Decimal("96.5") and results[vaccination.pk].source == "report"
    assert (results[ratio.pk].numerator, results[ratio.pk].denominator, results[ratio.pk].value) == (
        Decimal(40), Decimal(40000), Decimal(10))


def test_a_draft_writes_no_result_and_the_report_shows_the_stored_figures(client, emu, users, report):
    vaccination, _ratio, _d, _p, request = report
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[request.pk])
    client.post(url, {f"x_emulation_i{vaccination.indicator_id}": "96,5"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert not Result.objects.exists()
    emu.result(vaccination, users.unit_head.unit, "91.25")
    request.submissions.all().delete()
    with translation.override("vi"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'value="91,25"' in page


def test_a_percentage_above_100_in_the_report_is_refused_with_the_form(client, emu, users, report):
    vaccination, _ratio, _d, _p, request = report
    client.force_login(users.unit_head)
    response = client.post(reverse("reporting:report", args=[request.pk]),
                           {f"x_emulation_i{vaccination.indicator_id}": "120", "narrative_results": "Kết quả",
                            "submit": "1"},
                           HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200 and not Result.objects.exists()


def test_the_section_comes_and_goes_with_the_plans_reported_targets_though_it_is_cached(client, emu, users, report):
    vaccination, ratio, _d, _p, request = report
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[request.pk])
    assert 'id="section-emulation"' in client.get(url).content.decode()
    vaccination.delete()
    ratio.delete()  # what is left is entered by the department
    assert 'id="section-emulation"' not in client.get(url).content.decode()
    emu.target(name="Tỷ lệ hài lòng", value=90)
    assert 'id="section-emulation"' in client.get(url).content.decode()


def test_the_form_asks_nothing_more_of_the_cache_and_results_reported_leave_the_targets_generation(
        client, emu, users, report, monkeypatch):
    """Which plans' reports carry the section is kept with the unit's request to fill (``applies_generations``):
    the form reads no key of its own for it, and a report that writes results moves the app's generation, not its
    targets' (the other units' kept requests stay as they are)."""
    from django.core.cache import cache

    from plans.caching import generation

    vaccination, _ratio, _doctors, _population, request = report
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[request.pk])
    client.get(url)  # cached
    keys = []
    for name in ("get", "get_many"):
        method = getattr(cache, name)
        monkeypatch.setattr(cache, name, lambda key, *a, _m=method, **k: keys.append(str(key)) or _m(key, *a, **k))
    assert 'id="section-emulation"' in client.get(url).content.decode()
    assert keys and not [key for key in keys if "emulation:reported" in key]  # (emulation._applies' own key)
    monkeypatch.undo()
    before = generation("emulation"), generation("emulation-targets")
    assert client.post(url, {f"x_emulation_i{vaccination.indicator_id}": "96", "narrative_results": "Đã làm.",
                             "submit": "1"}).status_code == 302
    assert Result.objects.filter(target=vaccination).exists()
    assert generation("emulation") != before[0] and generation("emulation-targets") == before[1]
