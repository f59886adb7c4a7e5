"""The attainment rule of each direction, once as a database expression and once for one figure.

``unit_met_q()`` filters ``Result`` rows (joined to their target) whose value meets the target for the
unit; ``figure_meets(target, value)`` says the same of the sector's figure (for a count of units above a
threshold the sector figure is the number of units above it, compared with the target's value).
Tests check both agree for each direction.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F, Q

from .choices import Attainment, Direction


def unit_met_q(prefix: str = "") -> Q:
    """A filter on ``Result``: the unit's value meets its target (``prefix`` to reach a Result from elsewhere)."""
    v, t = f"{prefix}value", f"{prefix}target__"
    return (
        Q(**{f"{t}direction": Direction.AT_LEAST, f"{v}__gte": F(f"{t}value")})
        | Q(**{f"{t}direction": Direction.AT_MOST, f"{v}__lte": F(f"{t}value")})
        | Q(**{f"{t}direction": Direction.EXACTLY, v: F(f"{t}value")})
        | Q(**{f"{t}direction": Direction.RANGE, f"{v}__gte": F(f"{t}value"), f"{v}__lte": F(f"{t}value_high")})
        | Q(**{f"{t}direction": Direction.COUNT_ABOVE, f"{v}__gt": F(f"{t}threshold")})
    )


def value_meets(direction: str, value: Decimal, *, target: Decimal, high: Decimal | None = None,
                threshold: Decimal | None = None, sector: bool = False) -> bool:
    if direction == Direction.AT_LEAST:
        return value >= target
    if direction == Direction.AT_MOST:
        return value <= target
    if direction == Direction.EXACTLY:
        return value == target
    if direction == Direction.RANGE:
        return high is not None and target <= value <= high
    if direction == Direction.COUNT_ABOVE:
        return value >= target if sector else (threshold is not None and value > threshold)
    raise ValueError(direction)


def figure_attainment(target, value, *, sector: bool = True) -> str:
    """Met / not met / no data of ``value`` (None: no data) against ``target``."""
    if value is None:
        return Attainment.NO_DATA
    met = value_meets(target.direction, Decimal(value), target=target.value, high=target.value_high,
                      threshold=target.threshold, sector=sector)
    return Attainment.MET if met else Attainment.NOT_MET


def improving(target, value) -> bool | None:
    """Has the sector figure moved the right way since the baseline? None when unchanged or unknown."""
    baseline = target.baseline
    if value is None or baseline is None or value == baseline:
        return None
    if target.direction == Direction.AT_MOST:
        return value < baseline
    if target.direction in (Direction.EXACTLY, Direction.RANGE):
        aim = target.value if target.direction == Direction.EXACTLY else (target.value + (target.value_high or
                                                                                           target.value)) / 2
        return abs(value - aim) < abs(baseline - aim)
    return value > baseline
