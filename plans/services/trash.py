"""A plan put in the trash and taken out again (``plans.softdelete``); who may do it is ``plans.policy``'s."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import policy
from ..choices import PlanStatus
from ..models import Plan
from ..policy import Action
from ..softdelete import soft_delete, soft_restore
from .common import lock_plan


@transaction.atomic
def plan_delete(*, actor, plan: Plan, now=None) -> Plan:
    """Delete ``plan`` softly: it leaves every list, search, dashboard, API and calendar, and stays restorable."""
    locked = lock_plan(plan)  # a plan issued meanwhile is refused below
    if not policy.can(actor, Action.DELETE, locked):
        if not policy.can_view_plan(actor, locked):
            raise PermissionDenied
        if locked.status in PlanStatus.published():
            raise ValidationError(_("An issued plan is an official document: it cannot be deleted."),
                                  code="issued")
        raise PermissionDenied(_("You may not delete the plan in its current state."))
    return soft_delete(locked, actor=actor, now=now, reason=_("Deleted"))


@transaction.atomic
def plan_restore(*, actor, plan: Plan) -> Plan:
    """Take ``plan`` out of the trash, in the status it had."""
    locked = Plan.all_objects.select_for_update().get(pk=plan.pk)
    if not policy.can_restore_plan(actor, locked):
        if not locked.is_deleted:
            raise ValidationError(_("The plan is not in the trash."), code="not_deleted")
        raise PermissionDenied
    return soft_restore(locked, actor=actor, reason=_("Restored"))
