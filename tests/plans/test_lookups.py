"""``field__any=ids`` (``plans.lookups``) selects what ``field__in=ids`` selects: on a column, a foreign key, a
many-to-many relation, in an exclusion, and for an empty set (nothing); ``moment__day_lte`` what
``moment__date__lte`` selects."""

import pytest

from plans.models import Plan, Responsibility, Unit
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(org):
    first = PlanFactory(title="Kế hoạch một", owner_unit=org.nvy, issuers=[org.syt])
    second = PlanFactory(title="Kế hoạch hai", owner_unit=org.tccb, issuers=[org.syt, org.bdv])
    third = PlanFactory(title="Kế hoạch ba", owner_unit=org.nvy, issuers=[org.bdv])
    duty = Responsibility.objects.create(plan=first, lead_unit=org.cdc)
    duty.supporting_units.set([org.bvdk, org.bdv])
    Responsibility.objects.create(plan=second, lead_unit=org.bvdk)
    return first, second, third


def _same(queryset, **lookup):
    (name, ids), = lookup.items()
    chosen = {obj.pk for obj in queryset.filter(**{f"{name}__any": ids})}
    assert chosen == {obj.pk for obj in queryset.filter(**{f"{name}__in": ids})}
    left = {obj.pk for obj in queryset.exclude(**{f"{name}__any": ids})}
    assert left == {obj.pk for obj in queryset.exclude(**{f"{name}__in": ids})}
    return chosen


def test_any_selects_what_in_selects(org, plans):
    first, second, third = plans
    assert _same(Plan.objects.all(), owner_unit=[org.nvy.pk]) == {first.pk, third.pk}
    assert _same(Plan.objects.all(), owner_unit_id=[org.tccb.pk, org.cdc.pk]) == {second.pk}
    assert _same(Plan.objects.all(), pk=[first.pk, third.pk]) == {first.pk, third.pk}
    assert _same(Responsibility.objects.all(), supporting_units=[org.bdv.pk]) == {first.responsibilities.get().pk}
    assert _same(Plan.objects.all(), issuers=[org.bdv.pk]) == {second.pk, third.pk}
    assert _same(Unit.objects.all(), parent_id=[org.syt.pk]) == {org.nvy.pk, org.tccb.pk, org.cdc.pk, org.bvdk.pk}


def test_an_empty_set_selects_nothing(plans):
    assert _same(Plan.objects.all(), owner_unit_id=[]) == set()
    assert Plan.objects.exclude(owner_unit_id__any=[]).count() == 3


def test_ids_are_bound_as_integers(org, plans):
    assert set(Plan.objects.filter(owner_unit_id__any=[str(org.nvy.pk)]).values_list("title", flat=True)) == {
        "Kế hoạch một", "Kế hoạch ba"}


@pytest.mark.parametrize("zone", ["Asia/Ho_Chi_Minh", "Europe/Paris", "America/Bogota"])
def test_day_lte_selects_what_date_lte_selects_at_the_edges_of_the_local_day(zone, org):
    """``moment__day_lte`` (``plans.lookups``): on the deadline's last second in the time zone, and not on the next
    day's first; the same rows as ``__date__lte``, with a column or a date, negated too, in a zone with one offset
    all year (Vietnam's, Colombia's) and in one with summer time (the generic way)."""
    import datetime as dt
    import zoneinfo

    from django.db.models import F
    from django.utils import timezone

    from reporting.models import Period, ReportingObligation, ReportRequest

    local = zoneinfo.ZoneInfo(zone)
    plan = PlanFactory(owner_unit=org.nvy)
    obligation = ReportingObligation.objects.create(plan=plan, title="Báo cáo", recipient_unit=org.nvy,
                                                    period_type="annual", fixed_deadlines=["15/07"])
    end = dt.date(2026, 12, 14)
    period = Period.objects.create(period_type="annual", calendar="nd09", year=2026, index=1,
                                   start=dt.date(2025, 12, 15), end=end, cut_off=end)
    due = {"winter": dt.date(2026, 1, 15), "summer": dt.date(2026, 7, 15)}
    moments = {}
    for season, day in due.items():
        for name, moment in (("last second", dt.datetime.combine(day, dt.time(23, 59, 59), local)),
                             ("next day", dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0), local)),
                             ("early", dt.datetime.combine(day, dt.time(0, 0), local))):
            unit = Unit.objects.create(code=f"{season}-{name}", name=f"{season} {name}", kind="facility",
                                       parent=org.syt)
            moments[f"{season} {name}"] = ReportRequest.objects.create(
                obligation=obligation, unit=unit, period=period, due_date=day, submitted_at=moment).pk
    ReportRequest.objects.create(obligation=obligation, unit=org.cdc, period=period, due_date=due["summer"])
    on_time = {moments[f"{s} {n}"] for s in due for n in ("last second", "early")}
    with timezone.override(zone):
        for lookup in ({"submitted_at__{}": F("due_date")}, {"submitted_at__{}": due["summer"]}):
            (template, value), = lookup.items()
            ours = set(ReportRequest.objects.filter(**{template.format("day_lte"): value}).values_list("pk", flat=True))
            django = set(ReportRequest.objects.filter(**{template.format("date__lte"): value})
                         .values_list("pk", flat=True))
            assert ours == django
            assert set(ReportRequest.objects.exclude(**{template.format("day_lte"): value})
                       .values_list("pk", flat=True)) == set(ReportRequest.objects.exclude(
                           **{template.format("date__lte"): value}).values_list("pk", flat=True))
        assert set(ReportRequest.objects.filter(submitted_at__day_lte=F("due_date")).values_list("pk", flat=True)) \
            == on_time
