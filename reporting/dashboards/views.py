"""Thin views of leadership's dashboards: the overview, the unit page and the lists behind every figure."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.exports import Column, wants_xlsx, xlsx_response

from ..extensions import render_panels, render_unit_sections
from ..policy import can_fill, can_review
from . import selectors
from .forms import TASK_STATE_LABELS, TIMELINESS_LABELS, DashboardFilterForm

LIST_LIMIT = 500
SHOWN_UNITS = 50  # the overview's unit tables show the 50 worst units; ?units=all shows every one


def _scope_or_403(user):
    scope = selectors.scope_for(user)
    if scope is None:
        raise PermissionDenied
    return scope


def _filters(request, *, default_year):
    form = DashboardFilterForm(request.GET)
    values = form.values(default_year=default_year)
    for field, errors in form.errors.items():
        messages.error(request, f"{form.fields[field].label}: {' '.join(errors)}")
    return form, values


@login_required
def dashboard(request):
    scope = _scope_or_403(request.user)
    today = timezone.localdate()
    _form, values = _filters(request, default_year=today.year)
    year = values["year"]
    all_units = request.GET.get("units") == "all"
    data = selectors.overview(scope, year=year, today=today)
    years = sorted(set(data["years"]) | {today.year, year}, reverse=True)
    return render(request, "reporting/dashboards/overview.html", {
        **data, "year": year, "years": years, "scope": scope, "today": today,
        "chart_data": selectors.chart_data(data), "fragment_key": selectors.overview_key(scope, year=year, today=today),
        "cache_seconds": selectors.CACHE_SECONDS, "all_units": all_units, "shown_units": SHOWN_UNITS,
        "unit_limit": ":" if all_units else f":{SHOWN_UNITS}",
        "panels": render_panels(request, year=year),
        "pdf_owner_id": request.user.pk,
    })


def _report_url(user, report_request) -> str:
    from django.urls import reverse

    if can_review(user, report_request):
        return reverse("reporting:review", kwargs={"pk": report_request.pk})
    if can_fill(user, report_request):
        return reverse("reporting:report", kwargs={"pk": report_request.pk})
    return ""


TASK_COLUMNS = [
    Column(gettext_lazy("Plan"), lambda r: str(r.plan)),
    Column(gettext_lazy("Year"), lambda r: r.plan.year),
    Column(gettext_lazy("Task"), lambda r: str(r.item or "")),
    Column(gettext_lazy("Lead unit"), lambda r: r.lead_unit.display_short if r.lead_unit else r.lead_text),
    Column(gettext_lazy("Deadline"), lambda r: r.due_date),
    Column(gettext_lazy("Status"), lambda r: str(TASK_STATE_LABELS[r.state])),
]

REPORT_COLUMNS = [
    Column(gettext_lazy("Obligation"), lambda r: r.obligation.title),
    Column(gettext_lazy("Plan"), lambda r: str(r.obligation.plan)),
    Column(gettext_lazy("Unit"), lambda r: r.unit.display_short),
    Column(gettext_lazy("Period"), lambda r: str(r.period)),
    Column(gettext_lazy("Deadline"), lambda r: r.due_date),
    Column(gettext_lazy("First submitted at"), lambda r: r.submitted_at),
    Column(gettext_lazy("Timeliness"), lambda r: str(TIMELINESS_LABELS[r.state])),
]


def _list_context(request, scope, values):
    unit = selectors.unit_get(values["unit"]) if values.get("unit") else None
    return {"values": values, "unit": unit, "scope": scope, "query": request.GET.urlencode()}


def _list_page(request, *, rows_for, columns, filename, title, template, labels, linked=False):
    """A drill-down list: the page (500 rows) or, with ``?format=xlsx``, every row, from the same selector."""
    scope = _scope_or_403(request.user)
    today = timezone.localdate()
    _form, values = _filters(request, default_year=None)
    qs = rows_for(scope, today, values)
    if wants_xlsx(request):
        return xlsx_response(filename=filename, title=title, columns=columns,
                             rows=selectors.with_states(qs, today=today))
    rows = selectors.with_states(qs[:LIST_LIMIT + 1], today=today)
    for row in rows if linked else ():
        row.url = _report_url(request.user, row)
    return render(request, template, {
        **_list_context(request, scope, values), "rows": rows[:LIST_LIMIT], "more": len(rows) > LIST_LIMIT,
        "state_labels": labels})


@login_required
def task_list(request):
    return _list_page(request, rows_for=lambda scope, today, v: selectors.task_list(
        scope, today=today, year=v["year"], unit_id=v["unit"], state=v["state"], plan_id=v["plan"]),
        columns=TASK_COLUMNS, filename="nhiem-vu", title=_("Tasks"), template="reporting/dashboards/tasks.html",
        labels=TASK_STATE_LABELS)


@login_required
def request_list(request):
    return _list_page(request, rows_for=lambda scope, today, v: selectors.request_list(
        scope, today=today, year=v["year"], unit_id=v["unit"], period_id=v["period"], obligation_id=v["obligation"],
        plan_id=v["plan"], state=v["state"]),
        columns=REPORT_COLUMNS, filename="bao-cao", title=_("Reports"), template="reporting/dashboards/reports.html",
        labels=TIMELINESS_LABELS, linked=True)


@login_required
def unit_page(request, pk: int):
    scope = _scope_or_403(request.user)
    unit = selectors.unit_get(pk)
    if unit is None or not selectors.may_see_unit(scope, unit):
        raise Http404
    today = timezone.localdate()
    _form, values = _filters(request, default_year=today.year)
    year = values["year"]
    duties = selectors.with_states(selectors.task_list(scope, today=today, year=year, unit_id=unit.pk)[:LIST_LIMIT],
                                   today=today)
    reports = selectors.with_states(
        selectors.request_list(scope, today=today, year=year, unit_id=unit.pk)[:LIST_LIMIT], today=today)
    for row in reports:
        row.url = _report_url(request.user, row)
    return render(request, "reporting/dashboards/unit.html", {
        "unit": unit, "year": year, "duties": duties, "reports": reports, "scope": scope,
        "task_labels": TASK_STATE_LABELS, "timeliness_labels": TIMELINESS_LABELS,
        "sections": render_unit_sections(request, unit=unit, year=year)})
