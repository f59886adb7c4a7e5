"""Every change of emulation data: movements, phases, targets and results.

Keyword-only, the actor passed in, one transaction, the permission checked here (``emulation.policy``).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from plans.text import fold
from reporting.models import Indicator, IndicatorType

from . import policy
from .choices import Direction, Measure, ResultSource, Source
from .models import Movement, Phase, Result, Target
from .selectors import applies_to_unit, computed_value

MOVEMENT_FIELDS = ("title", "year", "description")
PHASE_FIELDS = ("name", "start", "end")
TARGET_FIELDS = ("name", "measure", "direction", "value", "value_high", "threshold", "baseline", "baseline_year",
                 "scope", "unit_kind", "source", "numerator", "denominator", "factor", "order", "proposal_key")
_INDICATOR_TYPES = {Measure.PERCENT: IndicatorType.PERCENT, Measure.COUNT: IndicatorType.INTEGER}


def _check_manage(actor, movement) -> None:
    if not policy.can_manage(actor, movement):
        raise PermissionDenied(_("Only the staff who manage this plan may change its emulation movement."))


@transaction.atomic
def movement_create(*, actor, plan, data: dict, phases: list[dict] | tuple = ()) -> Movement:
    movement = Movement(plan=plan, created_by=actor if getattr(actor, "pk", None) else None,
                        **{k: data[k] for k in MOVEMENT_FIELDS if k in data})
    _check_manage(actor, movement)
    movement.full_clean()
    movement.save()
    for phase in phases:
        phase_save(actor=actor, movement=movement, data=phase)
    return movement


@transaction.atomic
def movement_update(*, actor, movement: Movement, data: dict) -> Movement:
    _check_manage(actor, movement)
    for name in MOVEMENT_FIELDS:
        if name in data:
            setattr(movement, name, data[name])
    movement.full_clean()
    movement.save()
    return movement


@transaction.atomic
def phase_save(*, actor, movement: Movement, data: dict, phase: Phase | None = None) -> Phase:
    _check_manage(actor, movement)
    phase = phase or Phase(movement=movement)
    for name in PHASE_FIELDS:
        if name in data:
            setattr(phase, name, data[name])
    phase.full_clean()
    overlapping = movement.phases.exclude(pk=phase.pk).filter(start__lte=phase.end, end__gte=phase.start)
    if overlapping.exists():
        raise ValidationError(_("The phase overlaps another phase of the movement."))
    phase.save()
    return phase


def _indicator_for(target: Target) -> Indicator:
    """A new indicator of the shared catalogue for a target that names none (its code made from the name)."""
    base = "tdua_" + slugify(fold(target.name)).replace("-", "_")[:40].strip("_")
    code, n = base, 1
    while Indicator.objects.filter(code=code).exists():
        n += 1
        code = f"{base}_{n}"
    return Indicator.objects.create(code=code, name=target.name[:255],
                                    unit_of_measure=str(Measure(target.measure).label),
                                    type=_INDICATOR_TYPES.get(target.measure, IndicatorType.DECIMAL),
                                    min_value=None if target.measure != Measure.PER_10000 else Decimal(0))


def _target_errors(target: Target) -> dict:
    errors = {}
    if target.direction == Direction.RANGE and (target.value_high is None or target.value_high < target.value):
        errors["value_high"] = _("Give the upper bound of the range (not below the target value).")
    if target.direction == Direction.COUNT_ABOVE:
        if target.threshold is None:
            errors["threshold"] = _("Give the threshold the units must exceed.")
        if target.value is not None and (target.value < 0 or target.value != target.value.to_integral_value()):
            errors["value"] = _("Give the number of units as a whole number.")
    if target.scope == "unit_kind" and not target.unit_kind:
        errors["unit_kind"] = _("Choose the kind of unit.")
    if target.source == Source.COMPUTED:
        if not target.numerator_id or not target.denominator_id:
            errors["numerator"] = _("A computed target needs the two reported counts: numerator and denominator.")
        elif target.numerator_id == target.denominator_id:
            errors["denominator"] = _("The numerator and the denominator must be different counts.")
        if not target.factor or target.factor <= 0:
            errors["factor"] = _("The multiplier must be above zero.")
    if target.baseline is not None and target.baseline_year is None:
        errors["baseline_year"] = _("Give the year of the baseline.")
    return errors


@transaction.atomic
def target_save(*, actor, movement: Movement, data: dict, target: Target | None = None) -> Target:
    """Create or change a target; without an ``indicator`` one is added to the shared catalogue."""
    _check_manage(actor, movement)
    target = target or Target(movement=movement)
    for name in TARGET_FIELDS:
        if name in data:
            setattr(target, name, data[name] if data[name] is not None or name not in ("factor", "order")
                    else getattr(Target, name).field.default)
    if data.get("indicator") is not None:
        target.indicator = data["indicator"]
    errors = _target_errors(target)
    if errors:
        raise ValidationError(errors)
    if not target.indicator_id:
        target.indicator = _indicator_for(target)
    from_proposal = target.pk is None and bool(target.proposal_key)
    target.full_clean()
    target.save()
    if from_proposal:
        _proposal_confirmed(actor=actor, movement=movement, key=target.proposal_key)
    return target


def _proposal_confirmed(*, actor, movement: Movement, key: str) -> None:
    """The importer's proposal this target confirms stops showing on the plan page as a proposal."""
    from django.core.exceptions import PermissionDenied

    from plans.importing.services import import_proposals_mark

    index = key.split("|", 1)[0]
    if not index.isdigit():
        return
    try:
        import_proposals_mark(actor=actor, plan=movement.plan, kind="targets", indexes=[int(index)],
                              status="confirmed")
    except (PermissionDenied, ValidationError):
        pass  # a plan typed by hand, or proposals the importer no longer lists: the target stands as it is


# --- Results -----------------------------------------------------------------------------------------------


def _check_value(target: Target, value: Decimal) -> None:
    if value < 0:
        raise ValidationError(_("%(target)s: the value cannot be negative.") % {"target": target.name})
    if target.measure == Measure.PERCENT and value > 100:
        raise ValidationError(_("%(target)s: a percentage cannot exceed 100.") % {"target": target.name})


def _store(*, actor, target, phase, unit, value=None, numerator=None, denominator=None, source: str,
           submission=None) -> Result | None:
    """Write (or, when every figure is empty, delete) one result; the permission is the caller's to check."""
    if phase.movement_id != target.movement_id:
        raise ValidationError(_("The phase is not one of this movement's."))
    if unit is not None and not applies_to_unit(target, unit):
        raise ValidationError(_("%(target)s does not apply to %(unit)s.") % {"target": target.name, "unit": unit})
    if target.is_computed and unit is not None:
        if numerator is None and denominator is None:
            value = None
        elif numerator is None or not denominator:
            raise ValidationError(_("%(target)s: give both counts; the denominator cannot be zero.")
                                  % {"target": target.name})
        else:
            _check_value(target, numerator)
            value = computed_value(target, numerator, denominator)
    existing = (Result.objects.filter(target=target, phase=phase, unit=unit).order_by()
                .select_for_update(of=("self",)).first())
    if value is None:
        if existing is not None:
            existing.delete()
        return None
    _check_value(target, value)
    result = existing or Result(target=target, phase=phase, unit=unit)
    result.value, result.source, result.submission = value, source, submission
    result.numerator, result.denominator = (numerator, denominator) if target.is_computed else (None, None)
    result.entered_by = actor if getattr(actor, "pk", None) else None
    result.save()
    return result


@transaction.atomic
def result_enter(*, actor, target: Target, phase: Phase, unit, value=None, numerator=None, denominator=None,
                 source: str = ResultSource.DEPARTMENT) -> Result | None:
    """The department (or a unit head for their own unit) enters one result; empty figures remove it."""
    if not policy.can_enter_result(actor, target.movement, unit):
        raise PermissionDenied(_("You may enter the results of your own unit only."))
    return _store(actor=actor, target=target, phase=phase, unit=unit, value=value, numerator=numerator,
                  denominator=denominator, source=source)


@transaction.atomic
def results_enter(*, actor, target: Target, phase: Phase, rows: list[dict]) -> int:
    """Several results of one target and phase at once (``rows``: {unit, value, numerator, denominator})."""
    for row in rows:
        result_enter(actor=actor, target=target, phase=phase, **row)
    return len(rows)
