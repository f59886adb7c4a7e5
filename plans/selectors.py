"""Reads. Views and the API call these; query counts are bounded here."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from .outline import SectionNode, build_outline


def unit_tree() -> dict[int, int | None]:
    """``{unit_id: parent_id}`` for every unit (one query; a province has a few hundred)."""
    from .models import Unit

    return dict(Unit.objects.values_list("id", "parent_id"))


def unit_scope_ids(unit_id: int) -> frozenset[int]:
    """The unit and all units below it."""
    tree = unit_tree()
    children: dict[int | None, list[int]] = {}
    for uid, parent in tree.items():
        children.setdefault(parent, []).append(uid)
    scope, stack = set(), [unit_id]
    while stack:
        current = stack.pop()
        if current in scope:
            continue
        scope.add(current)
        stack.extend(children.get(current, []))
    return frozenset(scope)


def plan_base_queryset() -> QuerySet:
    from .models import Plan, PlanIssuer

    return Plan.objects.select_related("owner_unit", "created_by").prefetch_related(
        Prefetch("issuer_links", queryset=PlanIssuer.objects.select_related("unit"))
    )


def plan_list(*, user, filters=None) -> QuerySet:
    """The plans ``user`` may see, filtered by ``filters`` (a dict or QueryDict of the list's filter form)."""
    from .filters import PlanFilterSet
    from .policy import plan_visibility_q

    visible = plan_base_queryset().filter(plan_visibility_q(user)).distinct()
    return PlanFilterSet(filters or {}, queryset=visible, user=user).qs


def plan_get(*, user, pk: int):
    """The plan if ``user`` may see it; 404 otherwise (its existence is not revealed)."""
    from .policy import plan_visibility_q

    return get_object_or_404(plan_base_queryset().filter(plan_visibility_q(user)).distinct(), pk=pk)


def deleted_plans(*, user) -> QuerySet:
    """The plans in the trash that ``user`` may restore, last deleted first (``plans.policy.deleted_plans_q``)."""
    from .models import Plan
    from .policy import deleted_plans_q

    return (Plan.all_objects.filter(deleted_plans_q(user)).select_related("owner_unit", "deleted_by")
            .order_by("-deleted_at", "-pk"))


def plans_waiting_for(*, user) -> QuerySet:
    """The plans on which ``user`` has a workflow decision to take now, oldest first.

    Each carries ``waiting_since``: the time of its last workflow step. Listing them costs a fixed
    number of queries (the plans with their units and author, and their issuers).
    """
    from .models import PlanTransition
    from .policy import awaiting_decision_q

    last_step = PlanTransition.objects.filter(plan=OuterRef("pk")).order_by("-created_at", "-id").values("created_at")
    return (
        plan_base_queryset()
        .filter(awaiting_decision_q(user))
        .annotate(waiting_since=Coalesce(Subquery(last_step[:1]), "updated_at"))
        .order_by("waiting_since", "pk")
    )


def next_document_number(plan, *, year: int | None = None) -> int:
    """The number that issuing ``plan`` in ``year`` (default: the plan's year) would take now.

    A peek at the register: nothing is locked or taken (``plans.services.plan_issue`` takes the
    number under a row lock), so another issue may take it first.
    """
    from .models import DocumentNumber
    from .services.numbering import register_issuer

    last = (
        DocumentNumber.objects.filter(year=year or plan.year, doc_type=plan.doc_type, issuer=register_issuer(plan))
        .values_list("last_number", flat=True)
        .first()
    )
    return (last or 0) + 1


def issue_preview(plan, *, issued_on) -> str:
    """``05/KH-SYT``: the number and symbol that issuing ``plan`` on ``issued_on`` would give it now."""
    from .services.numbering import plan_symbol

    return plan.format_number(next_document_number(plan, year=issued_on.year), plan_symbol(plan))


def issue_signature(plan, *, actor) -> tuple[tuple[str, ...], str]:
    """The signature lines and name that issuing ``plan`` by ``actor`` would print (for the confirmation)."""
    from copy import copy

    from .document_lines import plan_signature_lines
    from .services.numbering import register_issuer
    from .services.workflow import issuing_signer

    preview = copy(plan)
    for name, value in issuing_signer(plan, actor, body=register_issuer(plan).name).items():
        setattr(preview, name, value)
    return plan_signature_lines(preview, [link.unit for link in plan.issuer_links.all()]), preview.signer_name


def plan_outline(plan) -> list[SectionNode]:
    """Numbered sections and items of ``plan`` with their responsibilities (4 queries)."""
    from .models import Item, Responsibility

    sections = list(plan.sections.all())
    items = list(
        Item.objects.filter(plan=plan).prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("lead_unit").prefetch_related("supporting_units"),
            )
        )
    )
    return build_outline(sections, items)


def plan_document_parts(plan) -> dict:
    """Everything a reader of the plan sees, in document order (for preview and rendering)."""
    return {
        "plan": plan,
        "issuers": [link.unit for link in plan.issuer_links.all()],
        "legal_bases": list(plan.legal_bases.select_related("linked_plan")),
        "outline": plan_outline(plan),
        "recipients": list(plan.recipients.all()),
        "responsibilities": list(
            plan.responsibilities.filter(item__isnull=True).select_related("lead_unit").prefetch_related(
                "supporting_units")
        ),
    }


def users_with_role(roles, unit_ids=None) -> QuerySet:
    """The active users holding one of ``roles`` (a role or a list) in one of the units ``unit_ids``
    (``None``: in any unit; a user without a unit is never included)."""
    from .models import User

    roles = [roles] if isinstance(roles, str) else list(roles)
    users = User.objects.filter(is_active=True, unit__isnull=False, groups__name__in=roles)
    if unit_ids is not None:
        users = users.filter(unit_id__in=list(unit_ids))
    return users.distinct().order_by("unit_id", "username")
