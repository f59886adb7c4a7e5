"""The democracy-regulation block of a unit's periodic report (``reporting.extensions.report_sections``).

It belongs to the reports of a democracy-regulation plan (seed 004) and is pre-filled with the unit's
checklist progress of the report's year.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.choices import PlanKind
from reporting.extensions import ReportSection

from .selectors import unit_checklist_progress


def _applies(obligation) -> bool:
    return obligation.plan.kind == PlanKind.DEMOCRACY


def _fields(report_request):
    return [
        ("items_done", forms.IntegerField(label=_("Checklist items done (Thông tư 05/2021/TT-BYT)"), min_value=0,
                                          max_value=1000, required=False)),
        ("items_total", forms.IntegerField(label=_("Checklist items in all"), min_value=0, max_value=1000,
                                           required=False)),
        ("note", forms.CharField(label=_("What remains to be done"), max_length=2000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))),
    ]


def _initial(report_request) -> dict:
    progress = unit_checklist_progress(report_request.unit_id, report_request.period.year)
    return {"items_done": progress["done"], "items_total": progress["total"]}


SECTION = ReportSection(key="democracy_checklist", title=_("Democracy regulation at the unit"), fields=_fields,
                        applies_to=_applies, initial=_initial, order=60)
