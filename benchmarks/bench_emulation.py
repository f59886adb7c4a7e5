"""Attainment of 300 units × 60 targets × 2 phases, aggregated in the database (run by `make bench`; prints only)."""

import datetime as dt
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emulation.models import Movement, Phase, Result, Target
from emulation.selectors import scorecard
from plans.choices import PlanStatus, UnitKind
from plans.models import Unit
from reporting.models import Indicator
from tests.factories import PlanFactory

UNITS = 300
TARGETS = 60
DIRECTIONS = ["at_least", "at_most", "exactly", "range", "count_above"]


@pytest.mark.django_db
def test_attainment_300_units_60_targets_2_phases(record):
    department = Unit.objects.create(code="bench-syt", name="Sở Y tế (bench)", kind=UnitKind.DEPARTMENT)
    plan = PlanFactory(owner_unit=department, status=PlanStatus.IN_IMPLEMENTATION, title="Kế hoạch thi đua (bench)")
    units = Unit.objects.bulk_create([
        Unit(code=f"bench-{n}", name=f"Trạm Y tế xã số {n}", short_name=f"TYT {n}", kind=UnitKind.FACILITY,
             parent=department, order=n) for n in range(UNITS)])
    movement = Movement.objects.create(plan=plan, title="Phong trào thi đua (bench)", year=2026)
    phases = Phase.objects.bulk_create([
        Phase(movement=movement, name="Giai đoạn 1", start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30)),
        Phase(movement=movement, name="Giai đoạn 2", start=dt.date(2026, 7, 1), end=dt.date(2026, 12, 31))])
    indicators = Indicator.objects.bulk_create([Indicator(code=f"bench_ct{i}", name=f"Chỉ tiêu {i}")
                                                for i in range(TARGETS)])
    targets = Target.objects.bulk_create([
        Target(movement=movement, indicator=indicators[i], name=f"Chỉ tiêu {i}", measure="percent",
               direction=DIRECTIONS[i % 5], value=Decimal(150 if DIRECTIONS[i % 5] == "count_above" else 50),
               value_high=Decimal(80), threshold=Decimal(60), baseline=Decimal(45), baseline_year=2025, order=i)
        for i in range(TARGETS)])
    Result.objects.bulk_create([
        Result(target=t, phase=p, unit=u, value=Decimal((n * 7 + i * 3 + k * 11) % 100), source="excel")
        for k, p in enumerate(phases) for i, t in enumerate(targets) for n, u in enumerate(units)], batch_size=5000)

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        rows = scorecard(movements=Movement.objects.filter(pk=movement.pk))
    elapsed = time.perf_counter() - started
    assert len(rows) == TARGETS * 2 and all(r.reported == UNITS for r in rows)
    met = sum(r.attainment == "met" for r in rows)
    print(f"\nemulation scorecard: {UNITS} units × {TARGETS} targets × 2 phases ({UNITS * TARGETS * 2} results): "
          f"{elapsed * 1000:.0f} ms, {len(queries)} queries ({met} of {len(rows)} target-phases met)")
    record("emulation scorecard 300 units × 60 targets × 2 phases", elapsed, queries=len(queries))
