"""The attainment rule of each direction, the sector aggregation, computed targets and who enters what."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from emulation import selectors, services
from emulation.models import Movement, Result
from emulation.rules import figure_attainment, unit_met_q
from plans.choices import UnitKind
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("direction", "extra", "value", "met"), [
    ("at_least", {"value": 95}, "95", True),
    ("at_least", {"value": 95}, "94.9", False),
    ("at_most", {"value": "8.5"}, "8.5", True),
    ("at_most", {"value": "8.5"}, "8.6", False),
    ("exactly", {"value": "0.86"}, "0.86", True),
    ("exactly", {"value": "0.86"}, "0.87", False),
    ("range", {"value": "2.8", "value_high": "3.5"}, "3.5", True),
    ("range", {"value": "2.8", "value_high": "3.5"}, "2.79", False),
    ("count_above", {"value": 16, "threshold": 3, "measure": "count"}, "3.01", True),
    ("count_above", {"value": 16, "threshold": 3, "measure": "count"}, "3", False),
])
def test_each_direction_decides_a_units_attainment_the_same_in_the_database_and_in_python(
        emu, org, direction, extra, value, met):
    target = emu.target(direction=direction, **extra)
    emu.result(target, org.cdc, value)
    in_database = Result.objects.filter(unit_met_q(), target=target).exists()
    assert in_database is met
    assert figure_attainment(target, Decimal(value), sector=False) == ("met" if met else "not_met")


def test_the_sector_scorecard_aggregates_units_with_trend_and_the_units_that_miss(emu, org):
    target = emu.target(value=95, baseline=90, baseline_year=2025)
    emu.result(target, org.cdc, "98")
    emu.result(target, org.bvdk, "90")
    (row, second) = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk))
    assert (row.actual, row.attainment, row.met, row.reported, row.in_scope) == (Decimal("94"), "not_met", 1, 2, 2)
    assert row.missing == ["BVĐK tỉnh"]
    assert (row.trend, row.improving) == (Decimal(4), True)
    assert (second.phase, second.attainment, second.actual) == (emu.second, "no_data", None)


def test_a_lower_is_better_target_improves_when_it_falls(emu, org):
    target = emu.target(name="Suy dinh dưỡng thể nhẹ cân", direction="at_most", value="8.5", baseline="8.9",
                        baseline_year=2025)
    emu.result(target, org.cdc, "8.1")
    row = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk), phases=[emu.first])[0]
    assert (row.attainment, row.improving, row.trend) == ("met", True, Decimal("-0.8"))


def test_a_count_of_units_above_a_threshold_is_met_when_enough_units_exceed_it(emu, org):
    target = emu.target(name="Bệnh viện trên 3,00", direction="count_above", value=2, threshold=3, measure="count")
    emu.result(target, org.cdc, "3.2")
    emu.result(target, org.bvdk, "2.9")
    row = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk), phases=[emu.first])[0]
    assert (row.actual, row.attainment, row.missing) == (Decimal(1), "not_met", ["BVĐK tỉnh"])
    emu.result(target, org.bvdk, "3.01")
    row = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk), phases=[emu.first])[0]
    assert (row.actual, row.attainment) == (Decimal(2), "met")


def _counts():
    from reporting.models import Indicator

    return (Indicator.objects.create(code="so_bac_si", name="Số bác sĩ"),
            Indicator.objects.create(code="dan_so", name="Dân số"))


def test_a_computed_target_divides_two_counts_per_unit_and_sums_them_for_the_sector(emu, org):
    doctors, population = _counts()
    target = emu.target(name="Bác sĩ/10.000 dân", measure="per_10000", value="10.8", source="computed",
                        numerator=doctors, denominator=population, factor=10000)
    cdc = emu.result(target, org.cdc, numerator=40, denominator=40000)
    emu.result(target, org.bvdk, numerator=180, denominator=150000)
    assert cdc.value == Decimal(10)
    row = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk), phases=[emu.first])[0]
    assert row.actual == Decimal("11.58")  # 220 / 190.000 × 10.000, not 11 (the mean of the two rates)
    assert (row.attainment, row.missing) == ("met", ["CDC"])


def test_a_computed_target_refuses_a_zero_denominator(emu, org):
    doctors, population = _counts()
    target = emu.target(name="Bác sĩ/10.000 dân", measure="per_10000", value="10.8", source="computed",
                        numerator=doctors, denominator=population, factor=10000)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        emu.result(target, org.cdc, numerator=40, denominator=0)
    assert error.value.messages == ["Bác sĩ/10.000 dân: hãy nhập cả hai số; mẫu số không được bằng 0."]


def test_a_computed_target_needs_its_two_counts(emu, users):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        emu.target(name="Bác sĩ/10.000 dân", source="computed", measure="per_10000", factor=10000)
    assert error.value.message_dict["numerator"] == [
        "Chỉ tiêu tính toán cần hai số được báo cáo: tử số và mẫu số."]


def test_the_sectors_own_figure_wins_over_the_units_average(emu, org):
    target = emu.target(value=95)
    emu.result(target, org.cdc, "90")
    emu.result(target, None, "96")
    row = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk), phases=[emu.first])[0]
    assert (row.actual, row.attainment) == (Decimal(96), "met")


def test_units_without_a_result_count_as_no_data(emu, org):
    target = emu.target(value=95)
    emu.result(target, org.cdc, "99")
    row = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk), phases=[emu.first])[0]
    assert (row.in_scope, row.reported, row.no_data_units) == (2, 1, 1)
    rows = selectors.unit_rows(user=emu.movement.created_by, target=target, phase=emu.first)
    assert {r.unit.code: r.attainment for r in rows} == {"ttkscb": "met", "bvdk": "no_data"}


def test_the_scorecard_costs_the_same_queries_for_many_units(emu, org, django_assert_max_num_queries):
    targets = [emu.target(name=f"Chỉ tiêu {i}", value=50) for i in range(5)]
    units = [UnitFactory(kind=UnitKind.FACILITY, parent=org.syt) for _ in range(30)]
    Result.objects.bulk_create([Result(target=t, phase=emu.first, unit=u, value=Decimal(i % 100), source="excel")
                                for t in targets for i, u in enumerate(units)])
    with django_assert_max_num_queries(6):
        rows = selectors.scorecard(movements=Movement.objects.filter(pk=emu.movement.pk))
    assert len(rows) == 10 and rows[0].reported == 30


def test_a_unit_head_enters_only_their_own_units_result(emu, org, users):
    target = emu.target(value=95)
    services.result_enter(actor=users.unit_head, target=target, phase=emu.first, unit=org.cdc, value=Decimal(97))
    with translation.override("vi"), pytest.raises(PermissionDenied) as error:
        services.result_enter(actor=users.unit_head, target=target, phase=emu.first, unit=org.bvdk,
                              value=Decimal(97))
    assert str(error.value) == "Bạn chỉ được nhập kết quả của đơn vị mình."
    assert list(Result.objects.values_list("unit__code", "value")) == [("ttkscb", Decimal(97))]


def test_only_the_plans_managers_change_targets(emu, users):
    with translation.override("vi"), pytest.raises(PermissionDenied) as error:
        services.target_save(actor=users.other_author, movement=emu.movement,
                             data={"name": "X", "value": Decimal(1)})
    assert str(error.value) == "Chỉ cán bộ quản lý kế hoạch này mới được thay đổi phong trào thi đua."
    with pytest.raises(PermissionDenied):
        services.phase_save(actor=users.unit_head, movement=emu.movement, data={})


def test_a_percentage_above_100_is_refused(emu, org):
    target = emu.target(value=95)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        emu.result(target, org.cdc, "101")
    assert error.value.messages == ["Tỷ lệ tiêm chủng đầy đủ: tỷ lệ phần trăm không được vượt quá 100."]


def test_overlapping_phases_are_refused(emu, users):
    import datetime as dt

    with translation.override("vi"), pytest.raises(ValidationError) as error:
        services.phase_save(actor=users.author, movement=emu.movement,
                            data={"name": "Quý 2", "start": dt.date(2026, 4, 1), "end": dt.date(2026, 9, 30)})
    assert error.value.messages == ["Giai đoạn trùng với một giai đoạn khác của phong trào."]
