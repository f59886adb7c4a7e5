"""The workflow: submit, forward, return, approve, issue, start and close; each step is one ``PlanTransition``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import document_lines
from ..choices import PlanStatus
from ..models import Plan, PlanTransition
from ..policy import Action
from .common import lock_plan, plan_reindex, require, set_history_user
from .numbering import document_number_take, plan_symbol, register_issuer


def _transition(
    *,
    actor,
    plan: Plan,
    action: str,
    to_status: str,
    comment: str = "",
    extra: dict[str, Any] | None = None,
    comment_required: str = "",
) -> Plan:
    """Move ``plan`` to ``to_status``; ``comment_required``: the message when the step needs a comment and has none."""
    locked = lock_plan(plan)  # two clicks at once: the second sees the new status and is refused
    require(actor, action, locked)  # permission first, then the comment
    comment = (comment or "").strip()
    if comment_required and not comment:
        raise ValidationError(comment_required, code="comment_required")
    from_status = locked.status
    locked.status = to_status
    for name, value in (extra or {}).items():
        setattr(locked, name, value)
    set_history_user(locked, actor)
    if comment:
        locked._change_reason = comment
    locked.save()
    PlanTransition.objects.create(
        plan=locked, from_status=from_status, to_status=to_status, actor=actor, comment=comment
    )
    plan_reindex(locked)
    return locked


@transaction.atomic
def plan_submit(*, actor, plan: Plan, comment: str = "") -> Plan:
    if not plan.sections.exists():
        raise ValidationError(_("Add at least one section before sending the plan for review."), code="empty")
    return _transition(actor=actor, plan=plan, action=Action.SUBMIT, to_status=PlanStatus.SUBMITTED, comment=comment)


@transaction.atomic
def plan_return(*, actor, plan: Plan, comment: str) -> Plan:
    """Send the plan back to its author with what must change (a reviewer, or leadership)."""
    return _transition(actor=actor, plan=plan, action=Action.RETURN, to_status=PlanStatus.RETURNED, comment=comment,
                       comment_required=_("Write what the author must change."))


@transaction.atomic
def plan_forward(*, actor, plan: Plan, comment: str) -> Plan:
    """A reviewer who agrees with a submitted plan forwards it to leadership with their opinion."""
    return _transition(actor=actor, plan=plan, action=Action.FORWARD, to_status=PlanStatus.FORWARDED, comment=comment,
                       comment_required=_("Write your opinion for leadership."))


@transaction.atomic
def plan_approve(*, actor, plan: Plan, comment: str = "") -> Plan:
    return _transition(actor=actor, plan=plan, action=Action.APPROVE, to_status=PlanStatus.APPROVED, comment=comment)


@transaction.atomic
def plan_issue(
    *, actor, plan: Plan, issued_on: dt.date, comment: str = "", expected_number: int | None = None
) -> Plan:
    """Issue the plan: take its number from the register in this same transaction.

    ``expected_number``: the number the approver confirmed; if another document took it meanwhile,
    the issue is refused (and the number given back) so that the approver confirms the new one.
    """
    locked = lock_plan(plan)
    require(actor, Action.ISSUE, locked)
    issuer = register_issuer(locked)
    number = document_number_take(year=issued_on.year, doc_type=locked.doc_type, issuer=issuer)
    if expected_number is not None and number != expected_number:
        raise ValidationError(
            _("Number %(expected)s was taken by another document meanwhile; the plan would get number %(number)s. "
              "Confirm the new number.") % {"expected": expected_number, "number": number},
            code="number_taken",
        )
    return _transition(
        actor=actor,
        plan=locked,
        action=Action.ISSUE,
        to_status=PlanStatus.ISSUED,
        comment=comment,
        extra={"number": number, "issued_on": issued_on, "symbol": plan_symbol(locked),
               **issuing_signer(locked, actor, body=issuer.name)},
    )


def issuing_signer(plan: Plan, actor, *, body: str) -> dict[str, str]:
    """The signer fields an issue records: none when the header chose a signer, else the issuing approver.

    The approver signs in their own position, without the issuing body's name that the header already
    prints: the director as "GIÁM ĐỐC", a deputy as "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".
    """
    if plan.signer_name.strip():
        return {}
    position = document_lines.signing_position(getattr(actor, "position", ""), body=body)
    return {
        "signer_authority": document_lines.own_authority(position),
        "signer_position": position,
        "signer_name": actor.get_full_name() or actor.get_username(),
    }


@transaction.atomic
def plan_start_implementation(*, actor, plan: Plan, comment: str = "") -> Plan:
    return _transition(
        actor=actor, plan=plan, action=Action.START, to_status=PlanStatus.IN_IMPLEMENTATION, comment=comment
    )


@transaction.atomic
def plan_close(*, actor, plan: Plan, comment: str = "") -> Plan:
    return _transition(actor=actor, plan=plan, action=Action.CLOSE, to_status=PlanStatus.CLOSED, comment=comment)

