"""When an obligation asks for which unit's report: its units, its periods, their deadlines (no writes).

The daily job (``reporting.services.reporting_tick``) opens the requests from these; the inbox shows the
periods still to come from them.
"""

from __future__ import annotations

import datetime as dt

from plans.choices import PlanStatus, UnitKind
from plans.models import Unit

from . import periods
from .models import DeadlineRule, PeriodType, ReportingObligation, UnitsRule

# Only the obligations of plans in force open requests.
ACTIVE_PLAN_STATUSES = (PlanStatus.ISSUED, PlanStatus.IN_IMPLEMENTATION)


def obligation_units(obligation: ReportingObligation, active_units: list[Unit]) -> list[Unit]:
    """The units that owe this obligation's report (``active_units``: every active unit, read once by the tick)."""
    if obligation.units_rule == UnitsRule.ALL_FACILITIES:
        return [u for u in active_units if u.kind == UnitKind.FACILITY]
    if obligation.units_rule == UnitsRule.UNIT_KIND:
        return [u for u in active_units if u.kind == obligation.unit_kind]
    return [u for u in obligation.units.all() if u.is_active]


def obligation_spans(obligation: ReportingObligation, years) -> list[periods.PeriodSpan]:
    if obligation.period_type == PeriodType.ONE_OFF:
        if not (obligation.one_off_start and obligation.one_off_end):
            return []
        return [periods.PeriodSpan(PeriodType.ONE_OFF, obligation.calendar, obligation.one_off_end.year, 1,
                                   obligation.one_off_start, obligation.one_off_end)]
    return [span for year in years
            for span in periods.periods_of_year(obligation.calendar, obligation.period_type, year)]


def obligation_due(obligation: ReportingObligation, span: periods.PeriodSpan, holidays) -> dt.date:
    if obligation.period_type == PeriodType.ONE_OFF and obligation.one_off_due:
        return obligation.one_off_due
    fixed = ""
    if obligation.deadline_rule == DeadlineRule.FIXED:
        fixed = (obligation.fixed_deadlines or [])[span.index - 1]
    return periods.due_date(rule=obligation.deadline_rule, span=span, fixed=fixed,
                            days=obligation.deadline_days, shift=obligation.shift_rule, holidays=holidays)


def due_spans(obligation, *, today, holidays):
    """(span, due date) of every period whose request is open on ``today``.

    A request opens ``open_days_before`` the deadline. Without ``active_from`` only
    periods whose deadline has not passed are opened (no backfill); with it, every
    period due since that day.
    """
    first_year = min(today.year - 1, obligation.active_from.year if obligation.active_from else today.year)
    for span in obligation_spans(obligation, range(first_year, today.year + 2)):
        try:
            due = obligation_due(obligation, span, holidays)
        except (ValueError, IndexError):
            continue  # an invalid obligation (admin clean() refuses it) opens nothing
        if due - dt.timedelta(days=obligation.open_days_before) > today:
            continue
        if obligation.active_until and due > obligation.active_until:
            continue
        earliest = obligation.active_from or today
        if due < earliest:
            continue
        yield span, due


def upcoming_spans(obligation, *, today, holidays, through: dt.date):
    """(span, due date, opening day) of the periods of ``obligation`` whose request is not open yet on ``today``
    and whose deadline falls by ``through``."""
    for span in obligation_spans(obligation, range(today.year, through.year + 1)):
        try:
            due = obligation_due(obligation, span, holidays)
        except (ValueError, IndexError):
            continue
        opens = due - dt.timedelta(days=obligation.open_days_before)
        if opens <= today or due > through or (obligation.active_until and due > obligation.active_until):
            continue
        if obligation.active_from and due < obligation.active_from:
            continue
        yield span, due, opens
