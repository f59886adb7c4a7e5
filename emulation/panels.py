"""Emulation's panel of leadership's dashboard and its section of a unit's page (``reporting.extensions``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from reporting.extensions import DashboardPanel, UnitSection
from reporting.policy import is_reviewer

from . import policy
from .models import Movement
from .report_section import GENERATION
from .selectors import scorecard, target_text, unit_scorecard


def _visible(user) -> bool:
    return is_reviewer(user)


def panel_context(user, year: int) -> dict:
    """The sector scorecard of the year's movements ``user`` may see: target, actual, attainment, trend, misses."""
    movements = Movement.objects.filter(policy.movement_visibility_q(user), year=year)
    rows = scorecard(movements=movements, missing_limit=5)
    if not rows:
        return {}
    by_target: dict[int, dict] = {}
    for row in rows:
        entry = by_target.setdefault(row.target.pk, {"target": row.target, "text": target_text(row.target),
                                                     "phases": []})
        entry["phases"].append(row)
    return {"targets": list(by_target.values()),
            "met": sum(1 for r in rows if r.attainment == "met"), "total": len(rows)}


def unit_context(user, unit, year: int) -> dict:
    rows = unit_scorecard(user=user, unit=unit, year=year) if unit is not None else []
    return {"rows": rows} if rows else {}


PANEL = DashboardPanel(generations=(GENERATION,), key="emulation", title=_("Emulation targets"), order=60,
                       template_name="emulation/_panel.html", is_visible=_visible, context=panel_context,
                       unit_section=UnitSection(template_name="emulation/_unit_section.html", context=unit_context))
