"""What the dialogue app adds to reporting's pages: a report-form section and a dashboard panel."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans.choices import PlanKind
from plans.selectors import unit_scope_ids
from reporting.extensions import DashboardPanel, ReportSection, UnitSection

from . import policy, selectors
from .choices import PetitionKind

# --- The report-form section (seed 003: six-monthly before 05/6, annual before 25/11, to the Inspectorate) ----

_FIGURES = [
    ("sessions_held", _("Dialogue sessions held")),
    ("issues_raised", _("Questions and issues raised")),
    ("issues_resolved", _("Follow-ups resolved")),
]
_PETITION_STATES = [("received", _("received")), ("resolved", _("resolved")), ("open", _("being resolved"))]


def _field_specs() -> list[tuple[str, object]]:
    specs = list(_FIGURES)
    for kind, kind_label in PetitionKind.choices:
        for state, state_label in _PETITION_STATES:
            specs.append((f"{kind}_{state}", _LabelPair(kind_label, state_label)))
    return specs


class _LabelPair:
    """"Complaints: received", translated when shown."""

    def __init__(self, kind, state):
        self.kind, self.state = kind, state

    def __str__(self) -> str:
        return _("Petitions (%(kind)s): %(state)s") % {"kind": str(self.kind).lower(), "state": self.state}


def _fields(report_request) -> list[tuple[str, forms.Field]]:
    return [(name, forms.IntegerField(label=str(label), min_value=0, max_value=1_000_000, required=False))
            for name, label in _field_specs()]


def _applies(obligation) -> bool:
    return obligation.plan.kind == PlanKind.DIALOGUE


def report_initial(report_request, *, today: dt.date | None = None) -> dict:
    """The unit's figures over the report's period (its own unit and the units below it)."""
    period = report_request.period
    today = today or timezone.localdate()
    data = selectors.figures(unit_ids=unit_scope_ids(report_request.unit_id), start=period.start, end=period.end,
                             today=today)
    initial = {"sessions_held": data["sessions_held"], "issues_raised": data["issues_raised"],
               "issues_resolved": data["follow_ups_resolved"]}
    for kind, counts in data["petitions"].items():
        for state, _label in _PETITION_STATES:
            initial[f"{kind}_{state}"] = counts[state]
    return initial


def _rows(values: dict) -> list[tuple[str, object]]:
    return [(str(label), values.get(name, "")) for name, label in _field_specs() if name in values]


REPORT_SECTION = ReportSection(key="dialogue", title=_("Dialogue with citizens and petitions"), fields=_fields,
                               applies_to=_applies, initial=report_initial, rows=_rows, order=50)


# --- The dashboard panel ----------------------------------------------------------------------------------


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def panel_figures(*, unit_ids, year: int, today: dt.date) -> dict:
    start, end = _year_span(year)
    data = selectors.figures(unit_ids=unit_ids, start=start, end=end, today=today)
    open_count = selectors.open_petitions(unit_ids=unit_ids)
    if not (data["sessions_planned"] or data["issues_raised"] or open_count
            or any(c["received"] for c in data["petitions"].values())):
        return {}
    ages = selectors.overdue_by_age(unit_ids=unit_ids, today=today)
    labels = {"1-15": _("1–15 days late"), "16-30": _("16–30 days late"), "31-": _("more than 30 days late")}
    return {**data, "open_petitions": open_count, "overdue_ages": [(labels[k], n) for k, n in ages],
            "overdue_total": sum(n for _k, n in ages)}


def _panel_context(user, year: int) -> dict:
    return panel_figures(unit_ids=None, year=year, today=timezone.localdate())


def _unit_context(user, unit, year: int) -> dict:
    return panel_figures(unit_ids=unit_scope_ids(unit.pk), year=year, today=timezone.localdate())


DASHBOARD_PANEL = DashboardPanel(
    key="dialogue", title=_("Dialogue with citizens"), order=140, template_name="dialogue/_panel.html",
    generations=("dialogue",),
    is_visible=policy.sees_dashboard, context=_panel_context,
    unit_section=UnitSection(template_name="dialogue/_panel.html", context=_unit_context))
