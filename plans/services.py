"""Writes. One function per change, keyword-only, the actor passed in explicitly.

Every function checks permission through ``plans.policy`` and the current status,
raises ``PermissionDenied`` or a translated ``ValidationError``, runs in one
transaction and records history (django-simple-history rows and, for the
workflow, a ``PlanTransition``) in that same transaction.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from . import policy
from .choices import PlanStatus, UnitKind
from .models import (
    DocumentNumber,
    Item,
    LegalBasis,
    Plan,
    PlanIssuer,
    PlanTransition,
    Recipient,
    Responsibility,
    Section,
    Unit,
)
from .policy import Action
from .text import fold


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


# --- helpers -----------------------------------------------------------------


def _require(user, action: str, plan: Plan) -> None:
    if not policy.can(user, action, plan):
        if not policy.can_view_plan(user, plan):
            raise PermissionDenied
        if action in (Action.EDIT, Action.SUBMIT) and not plan.is_editable:
            raise ValidationError(
                _("The plan is “%(status)s” and can no longer be edited.") % {"status": plan.get_status_display()},
                code="not_editable",
            )
        raise PermissionDenied(_("You may not do this to the plan in its current state."))


def _lock_plan(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().get(pk=plan.pk)


def _set_history_user(obj, actor) -> None:
    obj._history_user = actor


def plan_reindex(plan: Plan) -> None:
    """Recompute the accent-folded search text of ``plan`` (number, title, introduction, place, unit)."""
    text = " ".join([plan.number_display, plan.title, plan.summary, plan.place, plan.owner_unit.name])
    Plan.objects.filter(pk=plan.pk).update(search_text=fold(text))


def _save_versioned(obj, *, expected_version: int | None, changes: dict[str, Any], actor):
    """Lock the row, refuse a stale edit, apply ``changes``, bump the version, save with history."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if expected_version is not None and locked.version != int(expected_version):
        raise EditConflict()
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean(exclude=["plan", "section", "parent", "item"])
    locked.version += 1
    _set_history_user(locked, actor)
    locked.save()
    return locked


def _next_order(queryset) -> int:
    return (queryset.aggregate(m=Max("order"))["m"] or 0) + 1


def symbol_for(doc_type: str, issuers: list[Unit]) -> str:
    """``KH-SYT``: the type, then the issuers' abbreviations joined by ``-``."""
    return "-".join([doc_type, *(unit.abbreviation or unit.code.upper() for unit in issuers)])


def plan_symbol(plan: Plan) -> str:
    return symbol_for(plan.doc_type, [link.unit for link in plan.issuer_links.select_related("unit")])


def _register_issuer(plan: Plan) -> Unit:
    """The issuer whose register numbers the plan: the first one that is not a partner body."""
    links = list(plan.issuer_links.select_related("unit"))
    for link in links:
        if link.unit.kind != UnitKind.PARTNER:
            return link.unit
    if links:
        return links[0].unit
    return plan.owner_unit


# --- document number register --------------------------------------------------


def document_number_take(*, year: int, doc_type: str, issuer: Unit) -> int:
    """Take the next number of the register (year, type, issuer). Call inside the issuing transaction.

    The register row is locked with ``SELECT … FOR UPDATE`` until the transaction ends,
    so two issuers at the same moment get consecutive numbers, and a rolled-back issue
    gives its number back: no duplicates, no gaps.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("document_number_take must run inside the issuing transaction")
    try:
        with transaction.atomic():
            DocumentNumber.objects.get_or_create(year=year, doc_type=doc_type, issuer=issuer)
    except IntegrityError:
        pass  # created concurrently by another transaction: lock it below
    register = DocumentNumber.objects.select_for_update().get(year=year, doc_type=doc_type, issuer=issuer)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    return register.last_number


# --- plan header ---------------------------------------------------------------


PLAN_HEADER_FIELDS = (
    "kind",
    "year",
    "doc_type",
    "place",
    "title",
    "summary",
    "header_style",
    "governing_body",
    "signer_authority",
    "signer_position",
    "signer_name",
)


@transaction.atomic
def plan_create(
    *, actor, data: dict[str, Any], issuers: list[Unit] | None = None, owner_unit: Unit | None = None
) -> Plan:
    if not policy.can_create_plan(actor):
        raise PermissionDenied
    owner_unit = owner_unit or actor.unit
    if owner_unit is None:
        raise ValidationError(_("Choose the drafting unit."), code="no_owner")
    plan = Plan(
        owner_unit=owner_unit,
        created_by=actor,
        status=PlanStatus.DRAFT,
        **{k: v for k, v in data.items() if k in PLAN_HEADER_FIELDS + ("source_file", "imported_from_ocr")},
    )
    issuers = issuers or [_default_issuer(owner_unit)]
    plan.symbol = symbol_for(plan.doc_type, issuers)
    plan.full_clean(exclude=["owner_unit"])
    _set_history_user(plan, actor)
    plan.save()
    plan_set_issuers(plan=plan, issuers=issuers, actor=actor)
    plan_reindex(plan)
    return plan


def _default_issuer(unit: Unit) -> Unit:
    """A room drafts in the name of its department; a facility or partner in its own."""
    if unit.kind == UnitKind.ROOM and unit.parent_id:
        return unit.parent
    return unit


def plan_set_issuers(*, plan: Plan, issuers: list[Unit], actor=None) -> None:
    """Make ``issuers`` the plan's issuing units, in this order; each change is kept in the history."""
    if not issuers:
        raise ValidationError(_("A plan needs at least one issuing unit."), code="no_issuer")
    if len(issuers) > 2:
        raise ValidationError(_("A plan has one issuing unit, or two for a joint plan."), code="too_many_issuers")
    if len({unit.pk for unit in issuers}) != len(issuers):
        raise ValidationError(_("The two issuing units must be different."), code="same_issuer")
    current = {link.unit_id: link for link in PlanIssuer.objects.filter(plan=plan)}
    wanted = {unit.pk: order for order, unit in enumerate(issuers)}
    for unit_id, link in current.items():
        if unit_id not in wanted:
            _set_history_user(link, actor)
            link.delete()
    for unit_id, order in wanted.items():
        link = current.get(unit_id) or PlanIssuer(plan=plan, unit_id=unit_id)
        if link.pk is None or link.order != order:
            link.order = order
            _set_history_user(link, actor)
            link.save()


@transaction.atomic
def plan_update(
    *, actor, plan: Plan, expected_version: int | None, data: dict[str, Any], issuers: list[Unit] | None = None
) -> Plan:
    _require(actor, Action.EDIT, plan)
    changes = {k: v for k, v in data.items() if k in PLAN_HEADER_FIELDS}
    plan = _save_versioned(plan, expected_version=expected_version, changes=changes, actor=actor)
    if issuers is not None:
        plan_set_issuers(plan=plan, issuers=issuers, actor=actor)
        if plan.symbol != symbol_for(plan.doc_type, issuers):
            plan.symbol = symbol_for(plan.doc_type, issuers)
            _set_history_user(plan, actor)
            plan._change_reason = _("Issuing units changed")
            plan.save(update_fields=["symbol"])
    plan_reindex(plan)
    return plan


@transaction.atomic
def plan_delete(*, actor, plan: Plan) -> None:
    _require(actor, Action.EDIT, plan)
    if plan.transitions.exists():
        raise ValidationError(_("A plan that has been through review cannot be deleted."), code="has_history")
    plan.delete()


_batch: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar("plan_batch", default=None)


@contextmanager
def plan_batch(*, actor, plan: Plan):
    """Make many changes to one plan's content with one version bump and one reindex at the end.

    Used by the importer, the demo loader and other bulk writers: each ``item_create`` …
    inside the block skips its own ``_touch``; the plan is touched once when the block ends
    without error. Must run inside a transaction.
    """
    touched: set[int] = set()
    token = _batch.set(touched)
    try:
        yield
    finally:
        _batch.reset(token)
    if touched:
        _touch(plan, actor)


def _touch(plan: Plan, actor) -> None:
    """A child changed: bump the plan's version so that stale header forms are refused, and reindex."""
    batched = _batch.get()
    if batched is not None:
        batched.add(plan.pk)
        return
    locked = _lock_plan(plan)
    locked.version += 1
    _set_history_user(locked, actor)
    locked.save(update_fields=["version", "updated_at"])
    plan_reindex(locked)


# --- workflow ------------------------------------------------------------------


def _transition(
    *, actor, plan: Plan, action: str, to_status: str, comment: str = "", extra: dict[str, Any] | None = None
) -> Plan:
    locked = _lock_plan(plan)  # two clicks at once: the second sees the new status and is refused
    _require(actor, action, locked)
    from_status = locked.status
    locked.status = to_status
    for name, value in (extra or {}).items():
        setattr(locked, name, value)
    _set_history_user(locked, actor)
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
    _require(actor, Action.RETURN, _lock_plan(plan))  # permission first, then the comment
    if not (comment or "").strip():
        raise ValidationError(_("Write what the author must change."), code="comment_required")
    return _transition(actor=actor, plan=plan, action=Action.RETURN, to_status=PlanStatus.RETURNED, comment=comment)


@transaction.atomic
def plan_approve(*, actor, plan: Plan, comment: str = "") -> Plan:
    return _transition(actor=actor, plan=plan, action=Action.APPROVE, to_status=PlanStatus.APPROVED, comment=comment)


@transaction.atomic
def plan_issue(*, actor, plan: Plan, issued_on: dt.date, comment: str = "") -> Plan:
    """Issue the plan: take its number from the register in this same transaction."""
    locked = _lock_plan(plan)
    _require(actor, Action.ISSUE, locked)
    issuer = _register_issuer(locked)
    number = document_number_take(year=issued_on.year, doc_type=locked.doc_type, issuer=issuer)
    return _transition(
        actor=actor,
        plan=locked,
        action=Action.ISSUE,
        to_status=PlanStatus.ISSUED,
        comment=comment,
        extra={"number": number, "issued_on": issued_on, "symbol": plan_symbol(locked)},
    )


@transaction.atomic
def plan_start_implementation(*, actor, plan: Plan, comment: str = "") -> Plan:
    return _transition(
        actor=actor, plan=plan, action=Action.START, to_status=PlanStatus.IN_IMPLEMENTATION, comment=comment
    )


@transaction.atomic
def plan_close(*, actor, plan: Plan, comment: str = "") -> Plan:
    return _transition(actor=actor, plan=plan, action=Action.CLOSE, to_status=PlanStatus.CLOSED, comment=comment)


# --- sections, items and the rest of the content -----------------------------------


def _require_edit(actor, plan: Plan) -> None:
    _require(actor, Action.EDIT, plan)


@transaction.atomic
def section_create(*, actor, plan: Plan, title: str, intro: str = "") -> Section:
    _require_edit(actor, plan)
    section = Section(plan=plan, title=title, intro=intro, order=_next_order(plan.sections))
    section.full_clean(exclude=["plan"])
    _set_history_user(section, actor)
    section.save()
    _touch(plan, actor)
    return section


@transaction.atomic
def section_update(*, actor, section: Section, expected_version: int | None, title: str, intro: str = "") -> Section:
    _require_edit(actor, section.plan)
    section = _save_versioned(
        section, expected_version=expected_version, changes={"title": title, "intro": intro}, actor=actor
    )
    _touch(section.plan, actor)
    return section


@transaction.atomic
def section_delete(*, actor, section: Section) -> None:
    plan = section.plan
    _require_edit(actor, plan)
    _set_history_user(section, actor)
    section.delete()
    _renumber(plan.sections.all())
    _touch(plan, actor)


def _renumber(queryset) -> None:
    for index, obj in enumerate(queryset.order_by("order", "id"), start=1):
        if obj.order != index:
            type(obj).objects.filter(pk=obj.pk).update(order=index)


def _move_in(queryset, obj, direction: int) -> None:
    siblings = list(queryset.order_by("order", "id"))
    index = next(i for i, s in enumerate(siblings) if s.pk == obj.pk)
    target = index + direction
    if 0 <= target < len(siblings):
        siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.order != position:
            type(sibling).objects.filter(pk=sibling.pk).update(order=position)


@transaction.atomic
def section_move(*, actor, section: Section, direction: int) -> None:
    _require_edit(actor, section.plan)
    _move_in(section.plan.sections.all(), section, direction)
    _touch(section.plan, actor)


def _siblings(item: Item):
    return Item.objects.filter(section_id=item.section_id, parent_id=item.parent_id)


@transaction.atomic
def item_create(
    *,
    actor,
    section: Section,
    text: str,
    style: str,
    heading: str = "",
    parent: Item | None = None,
    after: Item | None = None,
) -> Item:
    plan = section.plan
    _require_edit(actor, plan)
    if parent is not None and parent.section_id != section.pk:
        raise ValidationError(_("The parent item belongs to another section."), code="bad_parent")
    siblings = Item.objects.filter(section=section, parent=parent)
    if after is not None:
        order = after.order + 1
        siblings.filter(order__gte=order).update(order=F("order") + 1)
    else:
        order = _next_order(siblings)
    item = Item(plan=plan, section=section, parent=parent, order=order, text=text, style=style, heading=heading)
    item.full_clean(exclude=["plan", "section", "parent"])
    _set_history_user(item, actor)
    item.save()
    _touch(plan, actor)
    return item


@transaction.atomic
def item_update(*, actor, item: Item, expected_version: int | None, text: str, style: str, heading: str = "") -> Item:
    _require_edit(actor, item.plan)
    item = _save_versioned(
        item, expected_version=expected_version, changes={"text": text, "style": style, "heading": heading}, actor=actor
    )
    _touch(item.plan, actor)
    return item


@transaction.atomic
def item_delete(*, actor, item: Item) -> None:
    plan = item.plan
    _require_edit(actor, plan)
    siblings = _siblings(item)
    _set_history_user(item, actor)
    item.delete()
    _renumber(siblings)
    _touch(plan, actor)


@transaction.atomic
def item_move(*, actor, item: Item, direction: int) -> None:
    """Move an item up (-1) or down (+1) among its siblings."""
    _require_edit(actor, item.plan)
    _move_in(_siblings(item), item, direction)
    _touch(item.plan, actor)


@transaction.atomic
def item_indent(*, actor, item: Item) -> Item:
    """Make the item the last child of the sibling above it."""
    _require_edit(actor, item.plan)
    above = _siblings(item).filter(order__lt=item.order).order_by("-order", "-id").first()
    if above is None:
        raise ValidationError(_("The first item of a level cannot be indented."), code="cannot_indent")
    old_siblings = _siblings(item)
    item.parent = above
    item.order = _next_order(Item.objects.filter(parent=above))
    _set_history_user(item, actor)
    item.version += 1
    item.save()
    _renumber(old_siblings)
    _touch(item.plan, actor)
    return item


@transaction.atomic
def item_outdent(*, actor, item: Item) -> Item:
    """Move the item one level up, just after its former parent."""
    _require_edit(actor, item.plan)
    parent = item.parent
    if parent is None:
        raise ValidationError(_("The item is already at the top level."), code="cannot_outdent")
    old_siblings = _siblings(item)
    new_siblings = Item.objects.filter(section_id=item.section_id, parent_id=parent.parent_id)
    new_siblings.filter(order__gt=parent.order).update(order=F("order") + 1)
    item.parent_id = parent.parent_id
    item.order = parent.order + 1
    _set_history_user(item, actor)
    item.version += 1
    item.save()
    _renumber(old_siblings)
    _touch(item.plan, actor)
    return item


def _save_child(obj, *, actor, plan: Plan, expected_version: int | None, changes: dict[str, Any], m2m=None):
    """Create (no pk) or update a legal basis, responsibility or recipient of ``plan``."""
    _require_edit(actor, plan)
    if obj.pk is None:
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.plan = plan
        if hasattr(obj, "order") and not obj.order:
            obj.order = _next_order(type(obj).objects.filter(plan=plan))
        obj.full_clean(exclude=["plan", "item"])
        _set_history_user(obj, actor)
        obj.save()
    else:
        obj = _save_versioned(obj, expected_version=expected_version, changes=changes, actor=actor)
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    _touch(plan, actor)
    return obj


@transaction.atomic
def legal_basis_save(
    *,
    actor,
    plan: Plan,
    legal_basis: LegalBasis | None = None,
    expected_version: int | None = None,
    data: dict[str, Any],
) -> LegalBasis:
    return _save_child(
        legal_basis or LegalBasis(), actor=actor, plan=plan, expected_version=expected_version, changes=data
    )


@transaction.atomic
def recipient_save(
    *, actor, plan: Plan, recipient: Recipient | None = None, expected_version: int | None = None, data: dict[str, Any]
) -> Recipient:
    return _save_child(
        recipient or Recipient(), actor=actor, plan=plan, expected_version=expected_version, changes=data
    )


@transaction.atomic
def responsibility_save(
    *,
    actor,
    plan: Plan,
    responsibility: Responsibility | None = None,
    expected_version: int | None = None,
    data: dict[str, Any],
    supporting_units: list[Unit] | None = None,
) -> Responsibility:
    if data.get("item") is not None and data["item"].plan_id != plan.pk:
        raise ValidationError(_("The item belongs to another plan."), code="bad_item")
    return _save_child(
        responsibility or Responsibility(),
        actor=actor,
        plan=plan,
        expected_version=expected_version,
        changes=data,
        m2m={"supporting_units": supporting_units} if supporting_units is not None else None,
    )


@transaction.atomic
def child_delete(*, actor, obj) -> None:
    """Delete a legal basis, responsibility or recipient of an editable plan."""
    plan = obj.plan
    _require_edit(actor, plan)
    _set_history_user(obj, actor)
    obj.delete()
    _touch(plan, actor)


# --- copy to next year --------------------------------------------------------------


def _create(model, *, actor, **fields):
    obj = model(**fields)
    _set_history_user(obj, actor)
    obj.save()
    return obj


def _shift_year(value: dt.date | None, years: int = 1) -> dt.date | None:
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def _replace_year(text: str, year: int) -> str:
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + 1), text)


@transaction.atomic
def plan_copy_to_next_year(*, actor, plan: Plan) -> Plan:
    """A new draft for next year: structure, responsibilities and recurrences kept, dates moved one year."""
    _require(actor, Action.COPY, plan)
    year = plan.year
    header = {name: getattr(plan, name) for name in PLAN_HEADER_FIELDS} | {
        "year": year + 1,
        "title": _replace_year(plan.title, year),
        "summary": _replace_year(plan.summary, year),
    }
    copy = Plan(
        **header,
        owner_unit=plan.owner_unit if policy.is_admin(actor) or not actor.unit_id else actor.unit,
        copied_from=plan,
        created_by=actor,
        status=PlanStatus.DRAFT,
        symbol=plan.symbol,
    )
    _set_history_user(copy, actor)
    copy._change_reason = _("Copied from %(plan)s") % {"plan": plan}
    copy.save()
    plan_set_issuers(plan=copy, issuers=[link.unit for link in plan.issuer_links.select_related("unit")],
                     actor=actor)

    for basis in plan.legal_bases.all():
        _create(
            LegalBasis,
            actor=actor,
            plan=copy,
            order=basis.order,
            lead_in=basis.lead_in,
            doc_type=basis.doc_type,
            number=basis.number,
            date=basis.date,
            issuer=basis.issuer,
            summary=basis.summary,
            linked_plan=basis.linked_plan,
        )
    item_map: dict[int, Item] = {}
    for section in plan.sections.all():
        new_section = _create(
            Section,
            actor=actor,
            plan=copy,
            order=section.order,
            title=_replace_year(section.title, year),
            intro=_replace_year(section.intro, year),
        )
        # parents before children: walk by depth
        pending = list(Item.objects.filter(section=section).order_by("order", "id"))
        while pending:
            rest = []
            for item in pending:
                if item.parent_id and item.parent_id not in item_map:
                    rest.append(item)
                    continue
                item_map[item.pk] = _create(
                    Item,
                    actor=actor,
                    plan=copy,
                    section=new_section,
                    parent=item_map[item.parent_id] if item.parent_id else None,
                    order=item.order,
                    style=item.style,
                    heading=item.heading,
                    text=_replace_year(item.text, year),
                )
            if len(rest) == len(pending):  # orphan loop guard
                break
            pending = rest
    for duty in plan.responsibilities.prefetch_related("supporting_units"):
        new_duty = _create(
            Responsibility,
            actor=actor,
            plan=copy,
            item=item_map.get(duty.item_id),
            lead_unit_id=duty.lead_unit_id,
            lead_text=duty.lead_text,
            due_date=_shift_year(duty.due_date),
            recurrence=duty.recurrence,
            expected_output=duty.expected_output,
        )
        new_duty.supporting_units.set(duty.supporting_units.all())
    for recipient in plan.recipients.all():
        _create(
            Recipient,
            actor=actor,
            plan=copy,
            order=recipient.order,
            text=recipient.text,
            purpose=recipient.purpose,
            unit_id=recipient.unit_id,
        )
    plan_reindex(copy)
    return copy
