"""Permissions in one place.

Every view, template, selector and API endpoint asks this module two kinds of
question: *which plans may this user see* (``plan_visibility_q``) and *may this
user do this to this plan* (``can``). Nothing else in the code decides access.

The rules, in words:

* administrators may do everything;
* a plan that is not yet issued is seen only by the units above or equal to its
  drafting unit (the room that wrote it, the department's leadership) and by its
  co-issuers — a unit head never sees another unit's drafts;
* an issued plan is seen by every internal unit; a partner body sees only the
  issued plans it co-issued or holds a responsibility in;
* authors edit and submit the drafts of their own unit; reviewers return what
  their unit's authors submitted, or forward it to leadership with their
  opinion; approvers (leadership) approve a submitted or forwarded plan, return
  it and issue it, and only they may return a forwarded or approved plan; authors or approvers
  move an issued plan into implementation and close it;
* a plan is deleted softly (``plans.softdelete``): its author deletes a draft or a returned plan of their
  unit, an administrator any plan not yet issued; an issued plan is an official document with a number in
  the register and is never deleted, not even by an administrator (it is withdrawn by another document).
  Deleted plans are seen by no one but in the trash: administrators see all of it, approvers (leadership)
  what their units drafted, and they restore.
"""

from __future__ import annotations

from django.db.models import Q

from .choices import PlanStatus, Role, UnitKind
from .selectors import unit_scope_ids
from .softdelete import alive_q


class Action:
    VIEW = "view"
    EDIT = "edit"
    SUBMIT = "submit"
    FORWARD = "forward"
    RETURN = "return"
    APPROVE = "approve"
    ISSUE = "issue"
    START = "start"
    CLOSE = "close"
    COPY = "copy"
    HISTORY = "history"
    DELETE = "delete"


# action -> {status in which it is possible: roles that may do it then}
_RULES: dict[str, dict[str, tuple[str, ...]]] = {
    Action.EDIT: dict.fromkeys(PlanStatus.editable(), (Role.AUTHOR,)),
    Action.SUBMIT: dict.fromkeys(PlanStatus.editable(), (Role.AUTHOR,)),
    # a reviewer returns what the room submitted or forwards it to leadership; once it is forwarded or
    # approved, only leadership decides (approves, or takes it back)
    Action.FORWARD: {PlanStatus.SUBMITTED: (Role.REVIEWER,)},
    Action.RETURN: {
        PlanStatus.SUBMITTED: (Role.REVIEWER, Role.APPROVER),
        PlanStatus.FORWARDED: (Role.APPROVER,),
        PlanStatus.APPROVED: (Role.APPROVER,),
    },
    Action.APPROVE: dict.fromkeys(PlanStatus.awaiting_leadership(), (Role.APPROVER,)),
    Action.ISSUE: {PlanStatus.APPROVED: (Role.APPROVER,)},
    Action.START: {PlanStatus.ISSUED: (Role.AUTHOR, Role.APPROVER)},
    Action.CLOSE: dict.fromkeys((PlanStatus.ISSUED, PlanStatus.IN_IMPLEMENTATION), (Role.AUTHOR, Role.APPROVER)),
    Action.COPY: dict.fromkeys(PlanStatus.published(), (Role.AUTHOR,)),
    # the author deletes what is still theirs; once it is in the reviewers' or leadership's hands, only an
    # administrator; an issued plan never (no status of PlanStatus.published() is listed)
    Action.DELETE: {**dict.fromkeys(PlanStatus.editable(), (Role.AUTHOR,)),
                    **dict.fromkeys((*PlanStatus.awaiting_leadership(), PlanStatus.APPROVED), ())},
}


# The steps that wait on a reviewer or on leadership (the "waiting for me" lists); the author's own steps do not.
DECISIONS = (Action.FORWARD, Action.RETURN, Action.APPROVE, Action.ISSUE)


def is_admin(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.has_role(Role.ADMIN)))


def can_create_plan(user) -> bool:
    return bool(user.is_authenticated and (is_admin(user) or (user.unit_id and user.has_role(Role.AUTHOR))))


def can_open_import(user, record) -> bool:
    """An import (its text and preview) is its author's until saved; administrators may open any."""
    return can_create_plan(user) and (record.created_by_id == user.pk or is_admin(user))


def plan_visibility_q(user) -> Q:
    """A filter on ``Plan`` that keeps exactly the plans ``user`` may see."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_admin(user):
        return alive_q()
    published = Q(status__in=PlanStatus.published())
    if not user.unit_id:
        return Q(pk__in=[])
    scope = user_scope(user)
    own = Q(owner_unit_id__any=scope) | Q(issuer_links__unit_id__any=scope)
    if user.unit.kind == UnitKind.PARTNER:
        involved = (
            Q(issuer_links__unit_id__any=scope)
            | Q(responsibilities__lead_unit_id__any=scope)
            | Q(responsibilities__supporting_units__any=scope)
        )
        return alive_q() & (own | (published & involved))
    return alive_q() & (own | published)


def can_see_trash(user) -> bool:
    """Administrators and approvers (leadership) open the trash of deleted plans."""
    return is_admin(user) or bool(user.is_authenticated and user.unit_id and user.has_role(Role.APPROVER))


def deleted_plans_q(user) -> Q:
    """A filter on ``Plan.all_objects`` keeping the deleted plans ``user`` may see in the trash and restore."""
    if is_admin(user):
        return Q(deleted_at__isnull=False)
    if not can_see_trash(user):
        return Q(pk__in=[])
    return Q(deleted_at__isnull=False, owner_unit_id__any=user_scope(user))


def can_restore_plan(user, plan) -> bool:
    return plan.is_deleted and (is_admin(user) or (can_see_trash(user) and _in_scope(user, plan)))


def awaiting_decision_q(user) -> Q:
    """A filter on ``Plan`` that keeps the plans on which ``user`` has a decision to take now (``DECISIONS``).

    Derived from the rules: a reviewer waits on what their units submitted; an approver on what was
    submitted, forwarded or approved in their units; an administrator on all of those.
    """
    if not user.is_authenticated:
        return Q(pk__in=[])
    admin = is_admin(user)
    statuses = {
        status
        for action in DECISIONS
        for status, roles in _RULES[action].items()
        if admin or any(user.has_role(role) for role in roles)
    }
    if admin:
        return Q(status__in=statuses)
    if not statuses or not user.unit_id:
        return Q(pk__in=[])
    return Q(status__in=statuses, owner_unit_id__any=user_scope(user))


def user_scope(user) -> frozenset[int]:
    """The user's unit and the units below it, read once per user object (i.e. per request)."""
    cached = getattr(user, "_unit_scope_cache", None)
    if cached is None or cached[0] != user.unit_id:
        cached = (user.unit_id, unit_scope_ids(user.unit_id) if user.unit_id else frozenset())
        user._unit_scope_cache = cached
    return cached[1]


def _in_scope(user, plan) -> bool:
    return bool(user.unit_id) and plan.owner_unit_id in user_scope(user)


def can_view_plan(user, plan) -> bool:
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    if getattr(plan, "_visible_to", None) == user.pk:  # read through selectors.plan_get, i.e. by this rule
        return True
    from .models import Plan  # local: the model module imports nothing of ours at load time

    return Plan.objects.filter(plan_visibility_q(user), pk=plan.pk).exists()


def can(user, action: str, plan) -> bool:
    """May ``user`` do ``action`` to ``plan`` now (status included)?"""
    if action in (Action.VIEW, Action.HISTORY):
        return can_view_plan(user, plan)
    roles = _RULES[action].get(plan.status)
    if roles is None:
        return False
    if is_admin(user):
        return True
    if not user.is_authenticated or not any(user.has_role(r) for r in roles):
        return False
    if action == Action.COPY:
        return can_view_plan(user, plan)
    return _in_scope(user, plan)


def allowed_actions(user, plan) -> set[str]:
    """All the workflow actions ``user`` may take on ``plan`` now (for buttons in templates)."""
    return {action for action in _RULES if can(user, action, plan)}
