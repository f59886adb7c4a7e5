"""Coordination's panel of the leadership dashboard and its section of a unit's page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from reporting.extensions import DashboardPanel, UnitSection

from . import policy, selectors


def _visible(user) -> bool:
    """Leadership (the department's approvers) and administrators."""
    return policy.is_leadership(user)


def panel_context(user, year: int) -> dict:
    return selectors.dashboard_summary(user=user, year=year)


def unit_context(user, unit, year: int) -> dict:
    models = list(selectors.model_list(user=user, year=year).filter(unit=unit)[:20])
    return {"models": models} if models else {}


PANEL = DashboardPanel(
    key="coordination", title=_("Coordination with partner bodies"), order=60, generations=("coordination",),
    template_name="coordination/_panel.html", is_visible=_visible, context=panel_context,
    unit_section=UnitSection(template_name="coordination/_unit_section.html", context=unit_context),
)
