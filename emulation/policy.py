"""Who may do what in emulation — every access check of the app lives here.

The rules, in words (built on ``plans.policy`` and ``reporting.policy``):

* a movement is seen by whoever may see its plan (a partner body only its joint plans);
* it is managed (phases, targets, the department's results, the Excel sheet) by those who
  manage the plan's reporting obligations: authors and approvers of the plan's drafting unit
  or a unit above it, and administrators;
* the results of every unit are followed by those managers and by reviewers of such a unit;
* any other user (a unit head, staff of another room) sees the results of their own unit only,
  and a unit head enters only their own unit's results (through the periodic report);
* administrators may do everything.
"""

from __future__ import annotations

from django.db.models import Q

from plans.policy import is_admin, plan_visibility_q, user_scope
from reporting.policy import can_manage_obligations, is_reviewer, is_unit_head


def movement_visibility_q(user, prefix: str = "") -> Q:
    """A filter on ``Movement`` (or, with a prefix such as ``"movement__"``, on what hangs from one)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_admin(user):
        return Q()
    plans_q = plan_visibility_q(user)
    from plans.models import Plan

    return Q(**{f"{prefix}plan__in": Plan.objects.filter(plans_q).values("pk")})


def can_manage(user, movement) -> bool:
    return can_manage_obligations(user, movement.plan)


def can_follow_all(user, movement) -> bool:
    """May ``user`` see every unit's results of ``movement`` (staff of the drafting unit or above)?"""
    if can_manage(user, movement):
        return True
    return bool(is_reviewer(user) and movement.plan.owner_unit_id in user_scope(user))


def can_enter_result(user, movement, unit) -> bool:
    """May ``user`` write ``unit``'s result (``unit`` None: the sector's figure)?"""
    if can_manage(user, movement):
        return True
    return bool(unit is not None and is_unit_head(user) and user.unit_id == unit.pk)


# --- Registrations and nominations ---------------------------------------------------------------------------


def can_register(user, unit) -> bool:
    """A unit head registers (and nominates) for their own unit and its people."""
    return bool(is_admin(user) or (is_unit_head(user) and unit is not None and user.unit_id == unit.pk))


def can_decide(user, unit) -> bool:
    """Leadership and reviewers over the unit approve its registrations and review its nominations (the council)."""
    return bool(is_admin(user) or (is_reviewer(user) and unit is not None and unit.pk in user_scope(user)))


def registrations_q(user) -> Q:
    """A filter on ``Registration`` or ``Nomination``: the rows ``user`` may see."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_admin(user):
        return Q()
    seen = Q(unit_id=user.unit_id) if user.unit_id else Q(pk__in=[])
    if is_reviewer(user):
        seen |= Q(unit_id__any=user_scope(user))
    return seen
