"""A new draft for next year from a plan: structure, responsibilities and recurrences kept, dates moved a year."""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction
from django.utils.translation import gettext as _

from .. import policy
from ..choices import PlanStatus
from ..models import Item, LegalBasis, Plan, Recipient, Responsibility, Section
from ..policy import Action
from .common import plan_reindex, require, set_history_user
from .content import PLAN_HEADER_FIELDS, plan_set_issuers


def _create(model, *, actor, **fields):
    obj = model(**fields)
    set_history_user(obj, actor)
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
    require(actor, Action.COPY, plan)
    year = plan.year
    header = {name: getattr(plan, name) for name in PLAN_HEADER_FIELDS} | {
        "year": year + 1,
        "title": _replace_year(plan.title, year),
        "introduction": _replace_year(plan.introduction, year),
    }
    copy = Plan(
        **header,
        owner_unit=plan.owner_unit if policy.is_admin(actor) or not actor.unit_id else actor.unit,
        copied_from=plan,
        created_by=actor,
        status=PlanStatus.DRAFT,
        symbol=plan.symbol,
    )
    set_history_user(copy, actor)
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
    for responsibility in plan.responsibilities.prefetch_related("supporting_units"):
        new_responsibility = _create(
            Responsibility,
            actor=actor,
            plan=copy,
            item=item_map.get(responsibility.item_id),
            lead_unit_id=responsibility.lead_unit_id,
            lead_text=responsibility.lead_text,
            due_date=_shift_year(responsibility.due_date),
            recurrence=responsibility.recurrence,
            expected_output=responsibility.expected_output,
        )
        new_responsibility.supporting_units.set(responsibility.supporting_units.all())
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
