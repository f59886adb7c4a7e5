"""Reads of leadership's dashboards: every figure is a SQL aggregation within the user's scope.

Who sees what (``scope_for``):

* leadership (approvers) and administrators: everything they may see (``plans.policy.plan_visibility_q``,
  ``reporting.policy.reviewable_requests_q``);
* a reviewer: the plans of their room (and the units below it) and the reports on those plans;
* a unit head: the duties and the reports of their own unit, and the plans in which it has either;
* a partner body: its joint plans (co-issued), their duties and their reports;
* anyone else (an author of a room): no dashboard.

A task (responsibility) is *done* when the last submitted report of its lead unit on its plan says
so (``Submission.task_updates``, kept per task in ``TaskProgress`` by ``reporting.progress``), *overdue*
when it is not done and its deadline has passed, and *in progress* otherwise. A report's timeliness
follows ``reporting.selectors.request_timeliness``: on time, late, missing (``ReportRequest.objects
.with_overdue``) or pending, counted with its SQL filters (``reporting.selectors.timeliness_q``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, TextField, Value, When

from plans.choices import PlanKind, PlanStatus, Role, UnitKind
from plans.models import Plan, PlanIssuer, Responsibility, Unit
from plans.policy import is_admin, plan_visibility_q, user_scope

from ..models import Period, ReportRequest, TaskStatus
from ..policy import reviewable_requests_q
from ..selectors import COMPLETED_Q, ON_TIME_Q, TIMELINESS_STATES, request_timeliness, timeliness_q

LEADERSHIP, ROOM, UNIT, PARTNER = "leadership", "room", "unit", "partner"
TASK_STATES = ("done", "in_progress", "overdue")
CACHE_SECONDS = 600
# The generations (plans.caching) of what the overview counts (moved by ``signals``):
DATA = "dashboards"  # everything it counts: plans, duties, report requests, reports, reviews
PLANS = "dashboards-plans"  # the plans and duties alone (what the apps' panels see of it)
PAST = "dashboards-past"  # what it counts of the years other than this one (a report of such a period, a plan)


# --- Scope ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What one user's dashboard counts: filters on plans, responsibilities and report requests."""

    kind: str
    unit_id: int | None
    plans: Q
    tasks: Q
    requests: Q

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.unit_id or 0}"


def _joint_plan_ids(units) -> QuerySet:
    return PlanIssuer.objects.filter(unit_id__any=units).values("plan_id")


def _scope(kind: str, unit_id: int | None, units, visible: Q) -> Scope:
    """The filters of one kind of scope: ``units`` is the unit and those below it, ``visible`` the plans seen."""
    seen = Plan.objects.filter(visible).values("pk")
    if kind == LEADERSHIP:
        return Scope(kind, unit_id, plans=Q(pk__in=seen), tasks=Q(plan_id__in=seen), requests=Q())
    if kind == PARTNER:
        joint = Plan.objects.filter(visible, pk__in=_joint_plan_ids(units)).values("pk")
        return Scope(kind, unit_id, plans=Q(pk__in=joint), tasks=Q(plan_id__in=joint),
                     requests=Q(obligation__plan_id__in=joint))
    if kind == ROOM:
        own = Plan.objects.filter(visible, owner_unit_id__any=units).values("pk")
        return Scope(kind, unit_id, plans=Q(pk__in=own), tasks=Q(plan_id__in=own),
                     requests=Q(obligation__recipient_unit_id__any=units, obligation__plan_id__in=own))
    involved = (Responsibility.objects.filter(lead_unit_id=unit_id).order_by().values("plan_id").union(
        ReportRequest.objects.filter(unit_id=unit_id).order_by().values("obligation__plan_id")))
    return Scope(UNIT, unit_id, plans=Q(pk__in=seen) & Q(pk__in=involved),
                 tasks=Q(plan_id__in=seen, lead_unit_id=unit_id), requests=Q(unit_id=unit_id))


def scope_for(user) -> Scope | None:
    """The user's dashboard scope, or None for one who has no dashboard."""
    if not user.is_authenticated:
        return None
    if is_admin(user) or (user.unit_id and user.has_role(Role.APPROVER)):
        if is_admin(user):  # everything: the cache key (unit 0) is the administrators'
            return _scope(LEADERSHIP, None, (), Q())
        scope = _scope(LEADERSHIP, user.unit_id, (), plan_visibility_q(user))
        return Scope(LEADERSHIP, user.unit_id, scope.plans, scope.tasks, reviewable_requests_q(user))
    if not user.unit_id:
        return None
    if user.unit.kind == UnitKind.PARTNER:
        return _scope(PARTNER, user.unit_id, user_scope(user), plan_visibility_q(user))
    if user.has_role(Role.REVIEWER):
        return _scope(ROOM, user.unit_id, user_scope(user), plan_visibility_q(user))
    if user.has_role(Role.UNIT_HEAD):
        return _scope(UNIT, user.unit_id, (), plan_visibility_q(user))
    return None


def may_see_unit(scope: Scope, unit) -> bool:
    """A unit head's page is their own unit's; the other scopes open any unit (its figures within the scope)."""
    return scope.kind != UNIT or unit.pk == scope.unit_id


# --- Tasks ----------------------------------------------------------------------------------------


def _task_state(today: dt.date) -> Case:
    """done (its lead unit's last report says so: ``reporting.progress`` keeps it at every submission, one row per
    task joined here), overdue (not done, deadline passed) or in progress, as of ``today``."""
    return Case(When(progress__status=TaskStatus.DONE, then=Value("done")),
                When(due_date__lt=today, then=Value("overdue")),
                default=Value("in_progress"), output_field=TextField())


def tasks(scope: Scope, *, today: dt.date, **lookups) -> QuerySet:
    """The responsibilities of the scope (and of ``lookups``), each with its ``task_state``."""
    chosen = Responsibility.objects.filter(scope.tasks, **lookups)
    return chosen.annotate(task_state=_task_state(today))


def _count_states(rows, key: str) -> dict:
    """{key value: {"total", "done", "in_progress", "overdue"}} from rows grouped by (key, task_state)."""
    found: dict = {}
    for row in rows:
        entry = found.setdefault(row[key], {"total": 0, **dict.fromkeys(TASK_STATES, 0), "row": row})
        entry[row["task_state"]] += row["n"]
        entry["total"] += row["n"]
    return found


def task_counts(scope: Scope, *, today: dt.date, **lookups) -> list[dict]:
    """The scope's tasks counted by plan year, lead unit and state (one query; the overview reads every year at
    once: its table of the year and its trend count the same rows)."""
    return list(tasks(scope, today=today, **lookups)
                .values("plan__year", "lead_unit_id", "lead_unit__name", "lead_unit__short_name", "task_state")
                .annotate(n=Count("id")).order_by())


def tasks_by_unit(scope: Scope, *, year: int, today: dt.date, counts: list[dict] | None = None) -> list[dict]:
    """Per lead unit: total, done, in progress, overdue (from ``counts`` of ``task_counts``, else one query);
    most overdue first."""
    if counts is None:
        counts = task_counts(scope, today=today, plan__year=year)
    grouped = [row for row in counts if row["plan__year"] == year]
    rows = []
    for unit_id, entry in _count_states(grouped, "lead_unit_id").items():
        first = entry.pop("row")
        rows.append({"lead_unit_id": unit_id, **entry,
                     "unit_name": first["lead_unit__short_name"] or first["lead_unit__name"] or "",
                     "counts": [(state, entry[state]) for state in TASK_STATES]})
    rows.sort(key=lambda r: (-r["overdue"], -r["in_progress"], r["unit_name"]))
    return rows


# --- Reports: timeliness (``reporting.selectors.timeliness_q``) ---------------------------------------------

def requests(scope: Scope, *, today: dt.date) -> QuerySet:
    return ReportRequest.objects.filter(scope.requests).with_overdue(today)


def _request_counts() -> dict:
    return {"requests": Count("id"), "completed": Count("id", filter=COMPLETED_Q),
            "on_time": Count("id", filter=ON_TIME_Q), "missing": Count("id", filter=Q(is_overdue=True))}


def _rates(row: dict) -> dict:
    """expected = completed + missing (pending ones are not yet due); late = completed − on time."""
    row["late"] = row["completed"] - row["on_time"]
    row["expected"] = row["completed"] + row["missing"]
    row["pending"] = row["requests"] - row["expected"]
    expected = row["expected"]
    row["reporting_rate"] = round(100 * row["completed"] / expected) if expected else None
    row["on_time_rate"] = round(100 * row["on_time"] / expected) if expected else None
    return row


def _worst_first(row: dict):
    rate = row["on_time_rate"]
    return (rate is None, rate if rate is not None else 0, -row["missing"], row.get("name", ""))


def compliance_matrix(scope: Scope, *, year: int, today: dt.date) -> dict:
    """Units × periods of ``year``: on time / late / missing per cell, rates per unit, obligation and overall.

    Three queries: cells and obligations (each grouped in SQL; a unit's figures are the sums of its cells) and the
    periods' labels.
    """
    return _compliance(scope, year=year, today=today)[0]


def _compliance(scope: Scope, *, year: int, today: dt.date, since: int | None = None) -> tuple[dict, dict]:
    """``compliance_matrix`` and, with ``since`` (a year not after ``year``), the requests of every year from
    ``since`` counted by year ({year: counts}, the trend's rows of those years) from the same query: its cells are
    read for all those years, and the matrix keeps those of ``year``."""
    base = requests(scope, today=today)
    counts = _request_counts()
    years = {"period__year__gte": since} if since is not None else {"period__year": year}
    read = list(base.filter(**years).values("unit_id", "unit__name", "unit__short_name", "period_id")
                .annotate(**counts).order_by())
    periods_read = {p.pk: p for p in Period.objects.filter(pk__in={c["period_id"] for c in read})
                    .order_by("start", "end", "period_type")}
    by_year: dict = {}
    for cell in read:
        entry = by_year.setdefault(periods_read[cell["period_id"]].year, dict.fromkeys(counts, 0))
        for key in counts:
            entry[key] += cell[key]
    cells = [cell for cell in read if periods_read[cell["period_id"]].year == year]
    by_unit: dict = {}
    for cell in cells:  # the unit's names go to its row (the cells are cached with the overview: kept small)
        names = {"unit__name": cell.pop("unit__name"), "unit__short_name": cell.pop("unit__short_name")}
        row = by_unit.setdefault(cell["unit_id"], {"unit_id": cell["unit_id"], **names, **dict.fromkeys(counts, 0)})
        for key in counts:
            row[key] += cell[key]
    units = [_rates(row) for row in by_unit.values()]
    for row in units:
        row["name"] = row["unit__short_name"] or row["unit__name"]
    obligations = [_rates(row) for row in base.filter(period__year=year)
                   .values("obligation_id", "obligation__title", "obligation__plan_id").annotate(**counts).order_by()]
    for row in obligations:
        row["name"] = row["obligation__title"]
    periods = [{"id": p.pk, "label": str(p), "start": p.start} for p in periods_read.values() if p.year == year]
    by_cell = {(c["unit_id"], c["period_id"]): _rates(c) for c in cells}
    units.sort(key=_worst_first)
    obligations.sort(key=_worst_first)
    for row in units:
        row["cells"] = [(p["id"], by_cell.get((row["unit_id"], p["id"]))) for p in periods]
    total = _rates({key: sum(row[key] for row in units) for key in ("requests", "completed", "on_time", "missing")})
    return {"periods": periods, "units": units, "obligations": obligations, "total": total}, by_year


# --- Plans ------------------------------------------------------------------------------------------------


def plans_by_status_kind(scope: Scope, *, year: int) -> dict:
    """Plans of ``year`` counted by status and by kind, and the status × kind table (one query)."""
    rows = list(Plan.objects.filter(scope.plans, year=year).values("status", "kind").annotate(n=Count("id"))
                .order_by())
    table = {(r["status"], r["kind"]): r["n"] for r in rows}
    statuses = [{"value": value, "label": str(label), "color": PlanStatus.color_of(value),
                 "count": sum(n for (s, _k), n in table.items() if s == value),
                 "cells": [table.get((value, kind), 0) for kind in PlanKind.values]}
                for value, label in PlanStatus.choices]
    kinds = [{"value": value, "label": str(label), "count": sum(n for (_s, k), n in table.items() if k == value)}
             for value, label in PlanKind.choices]
    return {"statuses": statuses, "kinds": kinds, "total": sum(table.values())}


# --- Trend ------------------------------------------------------------------------------------------------


def trend(scope: Scope, *, today: dt.date, counts: list[dict] | None = None, since: int | None = None,
          until: int | None = None, reports: dict | None = None) -> list[dict]:
    """Year by year over the years kept (or from ``since``, or before ``until``): the reporting and on-time rates,
    and the overdue tasks (two queries; none for what is given: the ``counts`` of ``task_counts``, the ``reports``
    of ``_compliance`` over those years)."""
    years = {**({"__gte": since} if since is not None else {}), **({"__lt": until} if until is not None else {})}
    if reports is None:
        reports = {row.pop("period__year"): row for row in requests(scope, today=today)
                   .filter(**{f"period__year{op}": value for op, value in years.items()})
                   .values("period__year").annotate(**_request_counts()).order_by()}
    by_year = {year: _rates(dict(row)) for year, row in reports.items()}
    if counts is None:
        counts = (tasks(scope, today=today, **{f"plan__year{op}": value for op, value in years.items()})
                  .values("plan__year", "task_state").annotate(n=Count("id")).order_by())
    overdue = _count_states(counts, "plan__year")
    rows = []
    for year in sorted(set(by_year) | set(overdue)):
        reports = by_year.get(year) or _rates({"requests": 0, "completed": 0, "on_time": 0, "missing": 0})
        duties = overdue.get(year) or {"total": 0, "overdue": 0, "done": 0, "in_progress": 0}
        rows.append({"year": year, "reporting_rate": reports["reporting_rate"], "on_time_rate": reports["on_time_rate"],
                     "expected": reports["expected"], "missing": reports["missing"],
                     "tasks": duties["total"], "overdue_tasks": duties["overdue"]})
    return rows


def _other_years(scope: Scope, *, today: dt.date) -> dict:
    """The trend of the years before ``today``'s and the years kept, cached apart from the overview: a report of
    this year's periods on this year's plans leaves them as they are (``PAST``), so after deadline day's every
    submission the overview counts again this year's rows only."""
    from plans.caching import generations, read_through

    from ..selectors import SETUP

    versions = ":".join(str(g) for g in generations(PAST, SETUP))
    key = f"dashboards:other-years:{versions}:{scope.key}:{today:%Y%m%d}"
    return read_through(key, CACHE_SECONDS, lambda: {"trend": trend(scope, today=today, until=today.year),
                                                     "years": years_kept(scope)})


# --- The overview (cached) ----------------------------------------------------------------------------


def data_version() -> int:
    """Moved on whenever a plan, a duty, a request, a submission or a review is saved or deleted (``signals``)."""
    from plans.caching import generation

    return generation(DATA)


def invalidate(*, plans: bool = True, past: bool = True, **kwargs) -> None:
    """Start a new generation of what the overview counts; ``plans=False``: no plan or duty changed (a report, a
    review), ``past=False``: nothing of the years before this one."""
    from plans.caching import next_generation

    next_generation(DATA)
    if plans:
        next_generation(PLANS)
    if past:
        next_generation(PAST)


def compute_overview(scope: Scope, *, year: int, today: dt.date) -> dict:
    """The overview's figures: this year's and later years' counted now (one query for the tasks of the table of
    the year and of the trend; one for the cells of the matrix of this year or a later one and the trend's
    reports of those years), the earlier years' trend and the years kept from their own cache (``PAST``)."""
    current = today.year
    counts = task_counts(scope, today=today, plan__year__gte=current)
    compliance, reports = _compliance(scope, year=year, today=today, since=current if year >= current else None)
    other = _other_years(scope, today=today)
    return {
        "plans": plans_by_status_kind(scope, year=year),
        "tasks": tasks_by_unit(scope, year=year, today=today, counts=counts if year >= current else None),
        "compliance": compliance,
        "trend": other["trend"] + trend(scope, today=today, counts=counts, since=current,
                                                             reports=reports if year >= current else None),
        "years": other["years"],
    }


def overview_key(scope: Scope, *, year: int, today: dt.date) -> str:
    """The cache key of one scope's overview of ``year`` on ``today`` (its figures and its rendered tables)."""
    from django.utils.translation import get_language

    return f"dashboards:overview:{data_version()}:{scope.key}:{year}:{today:%Y%m%d}:{get_language()}"


def overview(scope: Scope, *, year: int, today: dt.date) -> dict:
    """The figures of the overview, cached per scope, year, day and language until the data changes."""
    key = overview_key(scope, year=year, today=today)
    found = cache.get(key)
    if found is None:
        found = compute_overview(scope, year=year, today=today)
        cache.set(key, found, CACHE_SECONDS)
    return found


CHART_UNITS = 15


def chart_data(data: dict) -> dict:
    """What the charts draw (the same figures as the tables): plans by status, the units with the most
    overdue tasks, the units with the worst on-time rate, and the trend."""
    statuses = [s for s in data["plans"]["statuses"] if s["count"]]
    tasks_rows = data["tasks"][:CHART_UNITS]
    worst = [u for u in data["compliance"]["units"] if u["on_time_rate"] is not None][:CHART_UNITS]
    return {
        "plans": {"labels": [s["label"] for s in statuses], "counts": [s["count"] for s in statuses]},
        "tasks": {"labels": [r["unit_name"] or "—" for r in tasks_rows],
                  **{state: [r[state] for r in tasks_rows] for state in TASK_STATES}},
        "compliance": {"labels": [u["name"] for u in worst], "on_time_rate": [u["on_time_rate"] for u in worst]},
        "trend": {key: [r[name] for r in data["trend"]] for key, name in
                  (("years", "year"), ("on_time_rate", "on_time_rate"), ("overdue_tasks", "overdue_tasks"))},
    }


def years_kept(scope: Scope) -> list[int]:
    """The years that have plans or report periods in the scope, newest first (one query: a period is looked up
    once, not once per request)."""
    plan_years = Plan.objects.filter(scope.plans).order_by().values_list("year", flat=True)
    requested = ReportRequest.objects.filter(scope.requests, period_id=OuterRef("pk"))
    period_years = Period.objects.filter(Exists(requested)).order_by().values_list("year", flat=True)
    return sorted(set(plan_years.union(period_years)), reverse=True)


# --- Drill-down lists and the unit page ---------------------------------------------------------------


def _given(**lookups) -> dict:
    """The lookups whose value was given (a filter left empty filters nothing)."""
    return {name: value for name, value in lookups.items() if value}


def task_list(scope: Scope, *, today: dt.date, year: int | None = None, unit_id: int | None = None,
              state: str = "", plan_id: int | None = None) -> QuerySet:
    """The tasks behind a figure: of a year, a lead unit, a plan, a state (done, in progress, overdue)."""
    qs = tasks(scope, today=today, **_given(plan__year=year, lead_unit_id=unit_id, plan_id=plan_id))
    qs = qs.select_related("plan", "lead_unit", "item")
    qs = qs.filter(**_given(task_state=state if state in TASK_STATES else ""))
    return qs.order_by("due_date", "plan_id", "id")


def request_list(scope: Scope, *, today: dt.date, year: int | None = None, unit_id: int | None = None,
                 period_id: int | None = None, obligation_id: int | None = None, plan_id: int | None = None,
                 state: str = "") -> QuerySet:
    """The reports behind a figure: of a year, unit, period, obligation, plan, timeliness."""
    qs = requests(scope, today=today).select_related("obligation__plan", "unit", "period").filter(**_given(
        period__year=year, unit_id=unit_id, period_id=period_id, obligation_id=obligation_id,
        obligation__plan_id=plan_id))
    if state in TIMELINESS_STATES:
        qs = qs.filter(timeliness_q(state))
    return qs.order_by("due_date", "unit__name", "id")


def with_states(rows, *, today: dt.date) -> list:
    """Each row of a task or request list with its state's key (``state``) for the badge."""
    rows = list(rows)
    for row in rows:
        if isinstance(row, ReportRequest):
            row.state = request_timeliness(row, today=today)
        else:
            row.state = row.task_state
    return rows


def unit_get(pk: int) -> Unit | None:
    return Unit.objects.filter(pk=pk).first()
