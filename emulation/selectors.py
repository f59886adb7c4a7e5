"""Reads of the emulation app: movements a user may see, the scorecard and each unit's attainment.

Attainment is derived, never stored. ``scorecard`` costs a fixed number of queries whatever the
number of units and targets: one aggregate over the results grouped by (target, phase), one for
the sector figures, one for the units that miss, one counting the units in each scope.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, Q, Sum

from plans.choices import UnitKind
from plans.models import Unit
from plans.numbers import show_number

from . import policy
from .choices import Attainment, Direction, Measure, Scope, Source
from .models import Movement, Phase, Result, Target
from .rules import figure_attainment, improving, unit_met_q

FOUR_PLACES = Decimal("0.0001")
SHOWN_PLACES = Decimal("0.01")  # a sector figure derived from the units' is shown to two decimals


def movement_list(*, user, year: int | None = None):
    movements = (Movement.objects.filter(policy.movement_visibility_q(user)).select_related("plan")
                 .annotate(target_count=Count("targets", distinct=True), phase_count=Count("phases", distinct=True)))
    if year:
        movements = movements.filter(year=year)
    return movements.order_by("-year", "title", "id")


def movement_get(*, user, pk) -> Movement | None:
    return (Movement.objects.filter(policy.movement_visibility_q(user), pk=pk)
            .select_related("plan", "plan__owner_unit").first())


def target_get(*, user, pk) -> Target | None:
    return (Target.objects.filter(policy.movement_visibility_q(user, prefix="movement__"), pk=pk)
            .select_related("movement", "movement__plan", "indicator", "numerator", "denominator").first())


def movements_of_plan(*, plan):
    return list(Movement.objects.filter(plan=plan).annotate(target_count=Count("targets")).order_by("year", "id"))


def scope_units_q(target) -> Q:
    """A filter on ``Unit``: the units a target applies to (none for a sector-wide target)."""
    if target.scope == Scope.SECTOR:
        return Q(pk__in=[])
    kind = target.unit_kind if target.scope == Scope.UNIT_KIND else UnitKind.FACILITY
    return Q(is_active=True, kind=kind)


def scope_units(target):
    return Unit.objects.filter(scope_units_q(target)).order_by("order", "name")


def applies_to_unit(target, unit) -> bool:
    if target.scope == Scope.SECTOR:
        return False
    kind = target.unit_kind if target.scope == Scope.UNIT_KIND else UnitKind.FACILITY
    return unit.is_active and unit.kind == kind


def target_text(target) -> str:
    """The target as one reads it: "≥ 95 %", "≤ 8,5 %", "2,8–3", "16 đơn vị > 3"."""
    from django.utils.translation import gettext as _

    unit = measure_suffix(target.measure)
    value = show_number(target.value)
    if target.direction == Direction.COUNT_ABOVE:
        return _("%(count)s units above %(threshold)s") % {"count": value,
                                                            "threshold": show_number(target.threshold)}
    if target.direction == Direction.RANGE:
        return f"{value}–{show_number(target.value_high)}{unit}"
    sign = {Direction.AT_LEAST: "≥ ", Direction.AT_MOST: "≤ ", Direction.EXACTLY: "= "}[target.direction]
    return f"{sign}{value}{unit}"


def measure_suffix(measure: str) -> str:
    from django.utils.translation import gettext as _

    return {Measure.PERCENT: " %", Measure.PERMILLE: " ‰", Measure.PER_10000: _("per 10.000")}.get(measure, "")


def computed_value(target, numerator, denominator) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator) * target.factor).quantize(FOUR_PLACES)


@dataclass
class ScoreRow:
    target: Target
    phase: Phase
    actual: Decimal | None = None
    attainment: str = Attainment.NO_DATA
    trend: Decimal | None = None
    improving: bool | None = None
    reported: int = 0
    met: int = 0
    in_scope: int = 0
    missing: list = field(default_factory=list)  # unit names that miss the target

    @property
    def attainment_label(self) -> str:
        return Attainment(self.attainment).label

    @property
    def color(self) -> str:
        return Attainment.color_of(self.attainment)

    @property
    def no_data_units(self) -> int:
        return max(self.in_scope - self.reported, 0)


def _scope_counts() -> dict[str, int]:
    counted = Unit.objects.filter(is_active=True).values("kind").annotate(n=Count("id"))
    return {row["kind"]: row["n"] for row in counted}


def _scope_count(target, counts) -> int:
    if target.scope == Scope.SECTOR:
        return 0
    return counts.get(target.unit_kind if target.scope == Scope.UNIT_KIND else UnitKind.FACILITY, 0)


def sector_figure(target, *, sector_value, avg, num, den, above):
    """The sector's actual figure from its own entry or, failing that, from the units' results."""
    if sector_value is not None:
        return sector_value
    if target.direction == Direction.COUNT_ABOVE:
        return Decimal(above) if above is not None else None
    if target.source == Source.COMPUTED:
        value = computed_value(target, num, den)
        return value.quantize(SHOWN_PLACES) if value is not None else None
    return avg.quantize(SHOWN_PLACES) if avg is not None else None


def scorecard(*, movements, phases=None, missing_limit: int = 10) -> list[ScoreRow]:
    """One row per target and phase of ``movements`` (a queryset), attainment aggregated in the database."""
    targets = list(Target.objects.filter(movement__in=movements).select_related("movement", "indicator")
                   .order_by("movement", "order", "id"))
    if not targets:
        return []
    phase_list = list(phases if phases is not None else Phase.objects.filter(movement__in=movements))
    results = Result.objects.filter(target__in=[t.pk for t in targets], phase__in=[p.pk for p in phase_list])
    groups = {(g["target_id"], g["phase_id"]): g for g in results.filter(unit__isnull=False).values(
        "target_id", "phase_id").annotate(
        n=Count("id"), avg=Avg("value"), num=Sum("numerator"), den=Sum("denominator"),
        met=Count("id", filter=unit_met_q()), above=Count("id", filter=Q(value__gt=F("target__threshold"))))}
    sector = {(t, p): v for t, p, v in results.filter(unit__isnull=True).values_list("target_id", "phase_id", "value")}
    missing = defaultdict(list)
    for t, p, name, short in (results.filter(unit__isnull=False).exclude(unit_met_q())
                              .order_by("target_id", "phase_id", "unit__order", "unit__name")
                              .values_list("target_id", "phase_id", "unit__name", "unit__short_name")):
        missing[(t, p)].append(short or name)
    counts = _scope_counts()
    rows = []
    by_movement = defaultdict(list)
    for phase in phase_list:
        by_movement[phase.movement_id].append(phase)
    for target in targets:
        for phase in by_movement[target.movement_id]:
            g = groups.get((target.pk, phase.pk), {})
            actual = sector_figure(target, sector_value=sector.get((target.pk, phase.pk)), avg=g.get("avg"),
                                   num=g.get("num"), den=g.get("den"), above=g.get("above"))
            row = ScoreRow(target=target, phase=phase, actual=actual, attainment=figure_attainment(target, actual),
                           reported=g.get("n", 0), met=g.get("met", 0), in_scope=_scope_count(target, counts),
                           missing=missing.get((target.pk, phase.pk), [])[:missing_limit])
            if actual is not None and target.baseline is not None:
                row.trend = actual - target.baseline
                row.improving = improving(target, actual)
            rows.append(row)
    return rows


@dataclass
class UnitRow:
    unit: Unit
    result: Result | None
    attainment: str

    @property
    def color(self) -> str:
        return Attainment.color_of(self.attainment)

    @property
    def attainment_label(self) -> str:
        return Attainment(self.attainment).label


def unit_rows(*, user, target, phase) -> list[UnitRow]:
    """Each unit in the target's scope that ``user`` may follow, with its result and attainment (two queries)."""
    units = scope_units(target)
    if not policy.can_follow_all(user, target.movement):
        units = units.filter(pk=user.unit_id)
    units = list(units)
    results = {r.unit_id: r for r in Result.objects.filter(target=target, phase=phase, unit__in=units)}
    return [UnitRow(unit=u, result=results.get(u.pk),
                    attainment=figure_attainment(target, results[u.pk].value if u.pk in results else None,
                                                 sector=False)) for u in units]


def sector_result(*, target, phase) -> Result | None:
    return Result.objects.filter(target=target, phase=phase, unit__isnull=True).first()


def unit_scorecard(*, user, unit, year: int) -> list[dict]:
    """The attainment of ``unit`` for each target of the year's movements ``user`` may see (two queries)."""
    if not (policy.is_admin(user) or user.unit_id == unit.pk or _follows_any(user)):
        return []
    targets = [t for t in Target.objects.filter(policy.movement_visibility_q(user, prefix="movement__"),
                                               movement__year=year).select_related("movement").order_by("order", "id")
               if applies_to_unit(t, unit)]
    results = Result.objects.filter(target__in=targets, unit=unit).select_related("phase").order_by("phase__start")
    by_target = defaultdict(list)
    for result in results:
        by_target[result.target_id].append(result)
    return [{"target": t, "text": target_text(t), "results": [
        {"phase": r.phase, "value": r.value, "attainment": figure_attainment(t, r.value, sector=False),
         "color": Attainment.color_of(figure_attainment(t, r.value, sector=False))} for r in by_target[t.pk]]}
        for t in targets]


def _follows_any(user) -> bool:
    from reporting.policy import is_reviewer

    return is_reviewer(user)


def proposals_of(*, movement) -> list[dict]:
    """The importer's target proposals of the movement's plan, each with its index and whether a target confirms it."""
    from plans.importing.selectors import import_proposals

    from .proposals import proposal_key

    confirmed = set(movement.targets.exclude(proposal_key="").values_list("proposal_key", flat=True))
    rows = []
    for index, proposal in enumerate(import_proposals(plan=movement.plan)["targets"]):
        key = proposal_key(index, proposal)
        rows.append({"index": index, "proposal": proposal, "key": key, "confirmed": key in confirmed})
    return rows
