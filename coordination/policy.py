"""Who may do what in coordination — every access check of the app lives here.

The rules, in words (built on plans.policy and reporting.policy):

* an agreement is seen by whoever may see its joint plan — but a partner body's users only see
  the agreements of the plans their body co-signed (is a party of);
* the plan's managers (authors of its drafting unit or above, leadership approvers, administrators:
  ``reporting.policy.can_manage_obligations``) set up the agreement, edit every duty, schedule
  meetings, record minutes and decisions;
* a partner body's users update their own party's duties and nominate their party's attendees;
  the rest of the agreement (the other party's duties, the meetings, the minutes) they read only;
* a duty's responsible person updates it;
* a follow-up is closed by its owner or by the agreement's managers;
* "Dân vận khéo" models are the department's: a unit's staff propose their unit's, the department's
  rooms and leadership see all of them, leadership (approvers) select them; partner bodies see none;
* incidents are seen by both parties and logged, handled and closed by the managers and the partner's users.
"""

from __future__ import annotations

from django.db.models import Q

from plans.choices import Role, UnitKind
from plans.policy import is_admin, plan_visibility_q, user_scope
from reporting.policy import can_manage_obligations

_NOTHING = Q(pk__in=[])
STAFF_ROLES = (Role.AUTHOR, Role.REVIEWER, Role.APPROVER)


def is_partner(user) -> bool:
    return bool(user.is_authenticated and user.unit_id and user.unit.kind == UnitKind.PARTNER)


def is_department_staff(user) -> bool:
    """The department's own rooms and leadership (not a facility, not a partner body)."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    return bool(user.unit_id and user.unit.kind in (UnitKind.DEPARTMENT, UnitKind.ROOM)
                and any(user.has_role(role) for role in STAFF_ROLES))


def is_leadership(user) -> bool:
    return bool(is_admin(user) or (is_department_staff(user) and user.has_role(Role.APPROVER)))


# --- Agreements ----------------------------------------------------------------------------------


def agreements_q(user, prefix: str = "") -> Q:
    """A filter on ``Agreement`` (or, with ``prefix="agreement__"``, on what hangs from one)."""
    if not user.is_authenticated:
        return _NOTHING
    if is_admin(user):
        return Q()
    from plans.models import Plan

    plans = Plan.objects.filter(plan_visibility_q(user)).values("pk")
    q = Q(**{f"{prefix}plan__in": plans})
    if is_partner(user):
        q &= Q(**{f"{prefix}parties__unit_id": user.unit_id})
    return q


def can_view_agreement(user, agreement) -> bool:
    from .models import Agreement

    return bool(user.is_authenticated and Agreement.objects.filter(agreements_q(user), pk=agreement.pk).exists())


def can_manage(user, agreement) -> bool:
    """May ``user`` run the agreement (duties of every party, meetings, minutes, decisions)?"""
    return can_manage_obligations(user, agreement.plan)


def can_set_up(user, plan) -> bool:
    return can_manage_obligations(user, plan)


def is_party_member(user, party) -> bool:
    """A partner body's user acting for their own body."""
    return bool(is_partner(user) and user.unit_id == party.unit_id)


def can_update_duty(user, duty) -> bool:
    if not can_view_agreement(user, duty.agreement):
        return False
    return bool(can_manage(user, duty.agreement) or is_party_member(user, duty.party)
                or (duty.responsible_id and duty.responsible_id == user.pk))


def can_nominate(user, meeting, party) -> bool:
    return can_manage(user, meeting.agreement) or is_party_member(user, party)


# --- Meetings and follow-ups -----------------------------------------------------------------------


def can_view_meeting(user, meeting) -> bool:
    return can_view_agreement(user, meeting.agreement)


def can_view_minutes(user, minutes) -> bool:
    return can_view_meeting(user, minutes.meeting)


def can_close_followup(user, followup) -> bool:
    if not user.is_authenticated:
        return False
    return followup.owner_id == user.pk or can_manage(user, followup.meeting.agreement)


# --- "Dân vận khéo" models ---------------------------------------------------------------------------


def models_q(user) -> Q:
    """A filter on ``DvkModel``: the department's staff see all; a facility, its own; a partner body, none."""
    if not user.is_authenticated or is_partner(user) or not user.unit_id and not is_admin(user):
        return _NOTHING
    if is_department_staff(user):
        return Q()
    return Q(unit_id__any=user_scope(user))


def can_propose_model(user, unit) -> bool:
    if is_department_staff(user):
        return True
    return bool(user.is_authenticated and not is_partner(user) and user.unit_id == getattr(unit, "pk", unit)
                and (user.has_role(Role.UNIT_HEAD) or user.has_role(Role.AUTHOR)))


def can_edit_model(user, model) -> bool:
    return can_propose_model(user, model.unit)


def can_select_model(user) -> bool:
    return is_leadership(user)


def can_record_replication(user) -> bool:
    return is_department_staff(user)


# --- Incidents --------------------------------------------------------------------------------------------


def can_handle_incidents(user, agreement) -> bool:
    return bool(can_manage(user, agreement)
                or (is_partner(user) and agreement.parties.filter(unit_id=user.unit_id).exists()))


def can_view_evidence(user, evidence) -> bool:
    if evidence.duty_id:
        return can_view_agreement(user, evidence.duty.agreement)
    from .models import DvkModel

    return DvkModel.objects.filter(models_q(user), pk=evidence.model_id).exists()


# --- Democracy regulation: checklists and steering committees (a unit's own; the department sees all) -------


def unit_records_q(user, field: str = "unit_id") -> Q:
    """A filter on a unit's records (checklists, committees): the department's staff see all, a unit its own."""
    if not user.is_authenticated or is_partner(user):
        return _NOTHING
    if is_department_staff(user):
        return Q(**{f"{field}__isnull": False})  # every row (not ``Q()``: OR-ed with another filter it would vanish)
    return Q(**{f"{field}__any": user_scope(user)}) if user.unit_id else _NOTHING


def can_edit_unit_record(user, unit_id) -> bool:
    if is_department_staff(user):
        return True
    return bool(user.is_authenticated and not is_partner(user) and user.unit_id == unit_id
                and (user.has_role(Role.UNIT_HEAD) or user.has_role(Role.AUTHOR)))
