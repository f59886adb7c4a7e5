"""What every plan service shares: the permission check, row locks, versioned saves, batches, reindexing."""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from .. import policy
from ..models import Plan
from ..policy import Action
from ..text import fold


class EditConflict(ValidationError):
    """Someone else saved the object after the editor loaded it."""

    def __init__(self):
        super().__init__(
            _(
                "Someone else saved this while you were editing it. Your text has been kept below: "
                "compare it with the current version, then save again."
            ),
            code="edit_conflict",
        )


def require(user, action: str, plan: Plan) -> None:
    if not policy.can(user, action, plan):
        if not policy.can_view_plan(user, plan):
            raise PermissionDenied
        if action in (Action.EDIT, Action.SUBMIT) and not plan.is_editable:
            raise ValidationError(
                _("The plan is “%(status)s” and can no longer be edited.") % {"status": plan.get_status_display()},
                code="not_editable",
            )
        raise PermissionDenied(_("You may not do this to the plan in its current state."))


def lock_plan(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().get(pk=plan.pk)


def set_history_user(obj, actor) -> None:
    obj._history_user = actor


def plan_reindex(plan: Plan) -> None:
    """Recompute the accent-folded search text of ``plan`` (number, title, introduction, place, unit)."""
    text = " ".join([plan.number_display, plan.title, plan.introduction, plan.place, plan.owner_unit.name])
    Plan.objects.filter(pk=plan.pk).update(search_text=fold(text))


def save_versioned(obj, *, expected_version: int | None, changes: dict[str, Any], actor):
    """Lock the row, refuse a stale edit, apply ``changes``, bump the version, save with history."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if expected_version is not None and locked.version != int(expected_version):
        raise EditConflict()
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean(exclude=["plan", "section", "parent", "item"])
    locked.version += 1
    set_history_user(locked, actor)
    locked.save()
    return locked


def next_order(queryset) -> int:
    return (queryset.aggregate(m=Max("order"))["m"] or 0) + 1



_batch: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar("plan_batch", default=None)


@contextmanager
def plan_batch(*, actor, plan: Plan):
    """Make many changes to one plan's content with one version bump and one reindex at the end.

    Used by the importer, the demo loader and other bulk writers: each ``item_create`` …
    inside the block skips its own ``touch``; the plan is touched once when the block ends
    without error. Must run inside a transaction.
    """
    touched: set[int] = set()
    token = _batch.set(touched)
    try:
        yield
    finally:
        _batch.reset(token)
    if touched:
        touch(plan, actor)


def touch(plan: Plan, actor) -> None:
    """A child changed: bump the plan's version so that stale header forms are refused, and reindex."""
    batched = _batch.get()
    if batched is not None:
        batched.add(plan.pk)
        return
    locked = lock_plan(plan)
    locked.version += 1
    set_history_user(locked, actor)
    locked.save(update_fields=["version", "updated_at"])
    plan_reindex(locked)
