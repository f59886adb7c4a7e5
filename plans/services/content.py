"""The content of a draft: the header and its issuers, sections, items, legal bases, recipients, responsibilities."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .. import policy
from ..choices import PlanStatus, UnitKind
from ..models import Item, LegalBasis, Plan, PlanIssuer, Recipient, Responsibility, Section, Unit
from ..policy import Action
from .common import next_order, plan_reindex, require, save_versioned, set_history_user, touch
from .numbering import symbol_for

PLAN_HEADER_FIELDS = (
    "kind",
    "year",
    "doc_type",
    "place",
    "title",
    "introduction",
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
    set_history_user(plan, actor)
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
            set_history_user(link, actor)
            link.delete()
    for unit_id, order in wanted.items():
        link = current.get(unit_id) or PlanIssuer(plan=plan, unit_id=unit_id)
        if link.pk is None or link.order != order:
            link.order = order
            set_history_user(link, actor)
            link.save()


@transaction.atomic
def plan_update(
    *, actor, plan: Plan, expected_version: int | None, data: dict[str, Any], issuers: list[Unit] | None = None
) -> Plan:
    require(actor, Action.EDIT, plan)
    changes = {k: v for k, v in data.items() if k in PLAN_HEADER_FIELDS}
    plan = save_versioned(plan, expected_version=expected_version, changes=changes, actor=actor)
    if issuers is not None:
        plan_set_issuers(plan=plan, issuers=issuers, actor=actor)
        if plan.symbol != symbol_for(plan.doc_type, issuers):
            plan.symbol = symbol_for(plan.doc_type, issuers)
            set_history_user(plan, actor)
            plan._change_reason = _("Issuing units changed")
            plan.save(update_fields=["symbol"])
    plan_reindex(plan)
    return plan



@transaction.atomic
def section_create(*, actor, plan: Plan, title: str, intro: str = "") -> Section:
    require(actor, Action.EDIT, plan)
    section = Section(plan=plan, title=title, intro=intro, order=next_order(plan.sections))
    section.full_clean(exclude=["plan"])
    set_history_user(section, actor)
    section.save()
    touch(plan, actor)
    return section


@transaction.atomic
def section_update(*, actor, section: Section, expected_version: int | None, title: str, intro: str = "") -> Section:
    require(actor, Action.EDIT, section.plan)
    section = save_versioned(
        section, expected_version=expected_version, changes={"title": title, "intro": intro}, actor=actor
    )
    touch(section.plan, actor)
    return section


@transaction.atomic
def section_delete(*, actor, section: Section) -> None:
    plan = section.plan
    require(actor, Action.EDIT, plan)
    set_history_user(section, actor)
    section.delete()
    _renumber(plan.sections.all())
    touch(plan, actor)


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
    require(actor, Action.EDIT, section.plan)
    _move_in(section.plan.sections.all(), section, direction)
    touch(section.plan, actor)


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
    require(actor, Action.EDIT, plan)
    if parent is not None and parent.section_id != section.pk:
        raise ValidationError(_("The parent item belongs to another section."), code="bad_parent")
    siblings = Item.objects.filter(section=section, parent=parent)
    if after is not None:
        order = after.order + 1
        siblings.filter(order__gte=order).update(order=F("order") + 1)
    else:
        order = next_order(siblings)
    item = Item(plan=plan, section=section, parent=parent, order=order, text=text, style=style, heading=heading)
    item.full_clean(exclude=["plan", "section", "parent"])
    set_history_user(item, actor)
    item.save()
    touch(plan, actor)
    return item


@transaction.atomic
def item_update(*, actor, item: Item, expected_version: int | None, text: str, style: str, heading: str = "") -> Item:
    require(actor, Action.EDIT, item.plan)
    item = save_versioned(
        item, expected_version=expected_version, changes={"text": text, "style": style, "heading": heading}, actor=actor
    )
    touch(item.plan, actor)
    return item


@transaction.atomic
def item_delete(*, actor, item: Item) -> None:
    plan = item.plan
    require(actor, Action.EDIT, plan)
    siblings = _siblings(item)
    set_history_user(item, actor)
    item.delete()
    _renumber(siblings)
    touch(plan, actor)


@transaction.atomic
def item_move(*, actor, item: Item, direction: int) -> None:
    """Move an item up (-1) or down (+1) among its siblings."""
    require(actor, Action.EDIT, item.plan)
    _move_in(_siblings(item), item, direction)
    touch(item.plan, actor)


@transaction.atomic
def item_indent(*, actor, item: Item) -> Item:
    """Make the item the last child of the sibling above it."""
    require(actor, Action.EDIT, item.plan)
    above = _siblings(item).filter(order__lt=item.order).order_by("-order", "-id").first()
    if above is None:
        raise ValidationError(_("The first item of a level cannot be indented."), code="cannot_indent")
    old_siblings = _siblings(item)
    item.parent = above
    item.order = next_order(Item.objects.filter(parent=above))
    set_history_user(item, actor)
    item.version += 1
    item.save()
    _renumber(old_siblings)
    touch(item.plan, actor)
    return item


@transaction.atomic
def item_outdent(*, actor, item: Item) -> Item:
    """Move the item one level up, just after its former parent."""
    require(actor, Action.EDIT, item.plan)
    parent = item.parent
    if parent is None:
        raise ValidationError(_("The item is already at the top level."), code="cannot_outdent")
    old_siblings = _siblings(item)
    new_siblings = Item.objects.filter(section_id=item.section_id, parent_id=parent.parent_id)
    new_siblings.filter(order__gt=parent.order).update(order=F("order") + 1)
    item.parent_id = parent.parent_id
    item.order = parent.order + 1
    set_history_user(item, actor)
    item.version += 1
    item.save()
    _renumber(old_siblings)
    touch(item.plan, actor)
    return item


def _save_child(obj, *, actor, plan: Plan, expected_version: int | None, changes: dict[str, Any], m2m=None):
    """Create (no pk) or update a legal basis, responsibility or recipient of ``plan``."""
    require(actor, Action.EDIT, plan)
    if obj.pk is None:
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.plan = plan
        if hasattr(obj, "order") and not obj.order:
            obj.order = next_order(type(obj).objects.filter(plan=plan))
        obj.full_clean(exclude=["plan", "item"])
        set_history_user(obj, actor)
        obj.save()
    else:
        obj = save_versioned(obj, expected_version=expected_version, changes=changes, actor=actor)
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    touch(plan, actor)
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
    require(actor, Action.EDIT, plan)
    set_history_user(obj, actor)
    obj.delete()
    touch(plan, actor)
