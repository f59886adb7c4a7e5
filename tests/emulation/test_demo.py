"""The demo: the seed 002 plan has its movement, two phases, its targets and a year of results, some missed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from emulation import demo as emulation_demo
from emulation.models import Movement, Result
from emulation.selectors import scorecard
from tests.plans.test_demo import demo  # noqa: F401  (the module-scoped demo fixture)

pytestmark = pytest.mark.django_db


def test_seed_002_has_its_movement_phases_targets_and_a_year_of_results(demo):  # noqa: F811
    movement = Movement.objects.get(title=emulation_demo.TITLE)
    assert movement.plan == emulation_demo.seed_plan()
    assert [(p.start, p.end) for p in movement.phases.all()] == [
        (dt.date(2021, 1, 1), dt.date(2021, 6, 30)), (dt.date(2021, 7, 1), dt.date(2021, 12, 31))]
    targets = {t.name: t for t in movement.targets.all()}
    assert len(targets) == 12
    assert targets["Tỷ lệ bác sĩ/10.000 dân"].source == "computed"
    assert (targets["Số bệnh viện đạt trên mức 3,00"].threshold, targets["Số bệnh viện đạt trên mức 3,00"].value) == (
        Decimal(3), Decimal(16))
    rows = scorecard(movements=Movement.objects.filter(pk=movement.pk))
    assert {r.attainment for r in rows} == {"met", "not_met"}
    assert Result.objects.filter(target__movement=movement).count() > 100


def test_loading_the_demo_again_adds_no_second_movement(demo):  # noqa: F811
    before = Result.objects.count()
    call_command("load_demo", verbosity=0)
    assert Movement.objects.filter(title=emulation_demo.TITLE).count() == 1
    assert Result.objects.count() == before
