"""Where each role lands after login: one mapping, read by the ``home`` view.

``plans`` imports no other app, so the pages of higher apps are named here by their
URL names and resolved lazily: a name that is not installed (an app left out) falls
through to the next rule, and finally to the plan list.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from .choices import Role

# (role, URL name), first match wins: a reviewer who also heads a unit sees what waits for them first.
LANDINGS: tuple[tuple[str, str], ...] = (
    (Role.ADMIN, "plans:list"),
    (Role.APPROVER, "reporting:dashboard"),  # leadership: the overview (issue 13)
    (Role.REVIEWER, "reporting:worklist"),
    (Role.UNIT_HEAD, "reporting:inbox"),
    (Role.AUTHOR, "plans:list"),
)
DEFAULT_LANDING = "plans:list"


def landing_url(user) -> str:
    """The address where ``user`` starts: the page of their work (see ``LANDINGS``)."""
    if user.is_authenticated and (user.unit_id or user.has_role(Role.ADMIN)):
        for role, name in LANDINGS:
            if user.has_role(role):
                try:
                    return reverse(name)
                except NoReverseMatch:
                    continue
    return reverse(DEFAULT_LANDING)
