"""Who may do what in the dialogue app — every access check of the app lives here.

The rules, in words (built on ``plans.policy.user_scope``: a user's unit and the units below it):

* the department's staff (authors, reviewers, approvers of a room or of the department) organise
  sessions: they see and manage the sessions of their unit and below, record minutes, moderate the
  citizens' questions; leadership (the department itself) therefore sees every session;
* a follow-up is seen by its responsible unit (and above) and by the organisers of its session;
  either records its resolution;
* petitions and the citizen-reception log belong to the receiving unit: every internal user sees
  those of their unit and below and enters new ones; an assigned unit sees and resolves what it was
  given; partner bodies see nothing of the dialogue app;
* administrators may do everything.
"""

from __future__ import annotations

from django.db.models import Q

from plans.choices import Role, UnitKind
from plans.policy import is_admin, user_scope

STAFF_ROLES = (Role.AUTHOR, Role.REVIEWER, Role.APPROVER)
_NOTHING = Q(pk__in=[])


def is_internal(user) -> bool:
    """A user of the department or one of its facilities (not a partner body)."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    return bool(user.unit_id and user.unit.kind != UnitKind.PARTNER and user.roles)


def is_organiser(user) -> bool:
    """Department staff who organise sessions (rooms and the department, not the facilities)."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    return bool(user.unit_id and user.unit.kind in (UnitKind.DEPARTMENT, UnitKind.ROOM)
                and any(user.has_role(role) for role in STAFF_ROLES))


def _in_scope(user, unit_id) -> bool:
    return is_admin(user) or (bool(user.unit_id) and unit_id in user_scope(user))


# --- Sessions, minutes, questions ----------------------------------------------------------------


def session_visibility_q(user, prefix: str = "") -> Q:
    if not is_organiser(user):
        return _NOTHING
    if is_admin(user):
        return Q()
    return Q(**{f"{prefix}organising_unit_id__any": user_scope(user)})


def can_manage_session(user, session) -> bool:
    return is_organiser(user) and _in_scope(user, session.organising_unit_id)


def organising_units_q(user) -> Q:
    """The units ``user`` may organise a session for."""
    kinds = Q(kind__in=(UnitKind.DEPARTMENT, UnitKind.ROOM))
    if is_admin(user):
        return kinds
    return kinds & Q(pk__any=user_scope(user)) if is_organiser(user) else _NOTHING


# --- Follow-ups ------------------------------------------------------------------------------------


def follow_up_visibility_q(user) -> Q:
    if not is_internal(user):
        return _NOTHING
    if is_admin(user):
        return Q()
    return Q(responsible_unit_id__any=user_scope(user)) | session_visibility_q(user, prefix="entry__session__")


def can_resolve_follow_up(user, follow_up) -> bool:
    if not is_internal(user):
        return False
    return _in_scope(user, follow_up.responsible_unit_id) or can_manage_session(user, follow_up.entry.session)


# --- Petitions and reception -------------------------------------------------------------------------


def petition_visibility_q(user) -> Q:
    if not is_internal(user):
        return _NOTHING
    if is_admin(user):
        return Q()
    scope = user_scope(user)
    return Q(unit_id__any=scope) | Q(assigned_unit_id__any=scope)


def can_register(user) -> bool:
    """May ``user`` enter petitions and receptions (for their unit and below)?"""
    return is_internal(user)


def register_units_q(user) -> Q:
    if is_admin(user):
        return Q(kind__in=(UnitKind.DEPARTMENT, UnitKind.ROOM, UnitKind.FACILITY))
    return Q(pk__any=user_scope(user)) if is_internal(user) else _NOTHING


def can_handle_petition(user, petition) -> bool:
    """Assign, extend and close: the receiving unit (and above)."""
    return is_internal(user) and _in_scope(user, petition.unit_id)


def can_resolve_petition(user, petition) -> bool:
    return can_handle_petition(user, petition) or (
        is_internal(user) and petition.assigned_unit_id is not None and _in_scope(user, petition.assigned_unit_id))


def reception_visibility_q(user) -> Q:
    if not is_internal(user):
        return _NOTHING
    return Q() if is_admin(user) else Q(unit_id__any=user_scope(user))


def sees_dashboard(user) -> bool:
    """The dashboard panel is leadership's: approvers and administrators."""
    return bool(user.is_authenticated and (is_admin(user) or (user.unit_id and user.has_role(Role.APPROVER))))
