"""The overview's task and report figures on a generated province (``seed_scale``) against a plain Python reading
of the rules (the module docstring of ``reporting.dashboards.selectors``), row by row, for every kind of scope.

A few reports are added that the rules must ignore or that decide which report is the last one: a draft that says
"done", a supporting unit's report on a task it does not lead, the lead unit's report on another plan naming the
task, a later report that does not name the task, two reports submitted at the same moment (the later id wins)."""

import datetime as dt
from collections import Counter

import pytest
from django.core.management import call_command

from plans.choices import Role
from plans.models import Responsibility, User
from reporting.dashboards import selectors
from reporting.models import ReportRequest, Submission, TaskStatus
from reporting.selectors import request_timeliness

from .conftest import at

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 7, 1)


def _last_statuses() -> dict:
    """{responsibility id: the status its lead unit last reported on its plan}, read in Python."""
    tasks = {r.pk: r for r in Responsibility.objects.all()}
    last = {}
    for submission in (Submission.objects.filter(submitted_at__isnull=False).select_related("request__obligation")
                       .order_by("submitted_at", "id")):
        request = submission.request
        for key, update in (submission.task_updates or {}).items():
            task = tasks.get(int(key)) if key.isdigit() else None
            status = update.get("status") if isinstance(update, dict) else None
            if (task is not None and status is not None and task.plan_id == request.obligation.plan_id
                    and task.lead_unit_id == request.unit_id):
                last[task.pk] = status
    return last


def _state(task, last: dict) -> str:
    if last.get(task.pk) == TaskStatus.DONE:
        return "done"
    return "overdue" if task.due_date and task.due_date < TODAY else "in_progress"


@pytest.fixture
def province():
    call_command("seed_scale", units=30, years=2, plans=20, seed=7, today=TODAY, verbosity=0)
    _odd_reports()
    return {role: User.objects.filter(username__startswith="s-", groups__name=role).order_by("username").first()
            for role in (Role.APPROVER, Role.REVIEWER, Role.UNIT_HEAD, Role.ADMIN)}


def _odd_reports():
    submitted = (Submission.objects.filter(submitted_at__isnull=False).exclude(task_updates={})
                 .select_related("request__obligation").order_by("id"))
    first = submitted.first()
    task_id = next(iter(first.task_updates))
    task = Responsibility.objects.get(pk=task_id)
    request = first.request
    # a draft saying "done" and a later report of the lead unit that does not name the task
    Submission.objects.create(request=request, version=8, task_updates={task_id: {"status": "done"}})
    Submission.objects.create(request=request, version=9, submitted_at=at(TODAY), task_updates={})
    # two reports at the same moment: the later id is the last one
    moment = at(TODAY - dt.timedelta(days=1))
    second = next(s for s in submitted[1:50] if s.request.unit_id != request.unit_id)
    other_id = next(iter(second.task_updates))
    Submission.objects.create(request=second.request, version=8, submitted_at=moment,
                              task_updates={other_id: {"status": "done"}})
    Submission.objects.create(request=second.request, version=9, submitted_at=moment,
                              task_updates={other_id: {"status": "in_progress"}})
    # another unit's report on the task's plan, and the lead unit's report on another plan, both saying "done"
    stranger = ReportRequest.objects.filter(obligation__plan_id=task.plan_id).exclude(unit_id=task.lead_unit_id).first()
    elsewhere = (ReportRequest.objects.filter(unit_id=task.lead_unit_id).exclude(obligation__plan_id=task.plan_id)
                 .first())
    for other in (stranger, elsewhere):
        if other is not None:
            Submission.objects.create(request=other, version=9, submitted_at=at(TODAY),
                                      task_updates={task_id: {"status": "done"}, "x": "not a task"})


def _scopes(province):
    return [selectors.scope_for(user) for user in province.values() if user is not None]


def test_task_figures_follow_the_rules_in_every_scope(province):
    last = _last_statuses()
    assert Counter(last.values())[TaskStatus.DONE] > 10  # the world has done, in progress and overdue tasks
    for scope in _scopes(province):
        scoped = list(Responsibility.objects.filter(scope.tasks).select_related("plan", "lead_unit"))
        states = {task.pk: _state(task, last) for task in scoped}
        for year in (2025, 2026):
            expected = {}
            for task in (t for t in scoped if t.plan.year == year):
                row = expected.setdefault(task.lead_unit_id, Counter())
                row[states[task.pk]] += 1
            found = {row["lead_unit_id"]: Counter({s: row[s] for s in selectors.TASK_STATES if row[s]})
                     for row in selectors.tasks_by_unit(scope, year=year, today=TODAY)}
            assert found == expected, (scope.kind, year)
            for state in selectors.TASK_STATES:
                listed = {t.pk for t in selectors.task_list(scope, today=TODAY, year=year, state=state)}
                assert listed == {t.pk for t in scoped if t.plan.year == year and states[t.pk] == state}
        trend = {row["year"]: (row["tasks"], row["overdue_tasks"]) for row in selectors.trend(scope, today=TODAY)}
        for year, (total, overdue) in trend.items():
            in_year = [t for t in scoped if t.plan.year == year]
            assert (total, overdue) == (len(in_year), sum(states[t.pk] == "overdue" for t in in_year)), scope.kind


def test_report_figures_follow_request_timeliness_in_every_scope(province):
    for scope in _scopes(province):
        scoped = list(ReportRequest.objects.filter(scope.requests).select_related("period"))
        matrix = selectors.compliance_matrix(scope, year=2026, today=TODAY)
        for row in matrix["units"]:
            states = Counter(request_timeliness(r, today=TODAY) for r in scoped
                             if r.unit_id == row["unit_id"] and r.period.year == 2026)
            assert (row["on_time"], row["late"], row["missing"], row["pending"]) == (
                states["on_time"], states["late"], states["missing"], states["pending"]), scope.kind
        assert matrix["total"]["requests"] == sum(r.period.year == 2026 for r in scoped)
        for row in selectors.trend(scope, today=TODAY):
            states = Counter(request_timeliness(r, today=TODAY) for r in scoped if r.period.year == row["year"])
            assert (row["expected"], row["missing"]) == (
                states["on_time"] + states["late"] + states["missing"], states["missing"])


def test_the_compliance_table_of_every_obligation_follows_request_timeliness(province, client):
    from django.urls import reverse

    from reporting.models import ReportingObligation
    from reporting.selectors import compliance

    client.force_login(province[Role.APPROVER])
    for obligation in ReportingObligation.objects.all():
        requests = list(obligation.requests.select_related("unit", "period").order_by("period__start", "unit__order",
                                                                                        "unit__name", "id"))
        table = compliance(obligation=obligation, today=TODAY)
        assert [p.pk for p in table["periods"]] == list(dict.fromkeys(r.period_id for r in requests))
        assert [u.pk for u, _cells in table["rows"]] == list(dict.fromkeys(r.unit_id for r in requests))
        states = {(r.unit_id, r.period_id): request_timeliness(r, today=TODAY) for r in requests}
        for unit, cells in table["rows"]:
            assert [c and c[0] for c in cells] == [states.get((unit.pk, p.pk)) for p in table["periods"]]
        for period, rate in zip(table["periods"], table["rates"], strict=True):
            counted = Counter(state for (_u, p), state in states.items() if p == period.pk)
            expected = counted["on_time"] + counted["late"] + counted["missing"]
            assert (rate["expected"], rate["on_time"], rate["missing"]) == (
                expected, counted["on_time"], counted["missing"])
        period = table["periods"][-1]
        for state, wanted in (("missing", {"missing"}), ("done", {"on_time", "late"}), ("pending", {"pending"})):
            response = client.get(reverse("reporting:compliance_units", args=[obligation.pk, period.pk]),
                                  {"state": state})
            assert [(u.pk, r.pk) for u, r in response.context["rows"]] == [
                (r.unit_id, r.pk) for r in requests if r.period_id == period.pk and states[(r.unit_id, r.period_id)]
                in wanted]
