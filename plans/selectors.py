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


def visible_plans(user) -> QuerySet:
    """``plan_base_queryset()`` kept to the plans ``user`` may see: a semi-join on the ids (the visibility rule
    joins issuers and responsibilities), so neither the rows nor the list's count need a DISTINCT of every column."""
    from .models import Plan
    from .policy import plan_visibility_q

    rule = plan_visibility_q(user)
    if not rule:  # an administrator: every plan
        return plan_base_queryset()
    return plan_base_queryset().filter(pk__in=Plan.objects.filter(rule).values("pk"))


def plan_list(*, user, filters=None) -> QuerySet:
    """The plans ``user`` may see, filtered by ``filters`` (a dict or QueryDict of the list's filter form)."""
    from .filters import PlanFilterSet

    return PlanFilterSet(filters or {}, queryset=visible_plans(user), user=user).qs


def plan_get(*, user, pk: int):
    """The plan if ``user`` may see it; 404 otherwise (its existence is not revealed).

    The plan remembers who it was read for, so that ``policy.can_view_plan`` asks the database no second time."""
    plan = get_object_or_404(visible_plans(user), pk=pk)
    plan._visible_to = user.pk
    return plan


def unit_choices() -> list[tuple[int, str]]:
    """``(id, name)`` of every unit for the filter forms' selects, from the Django cache (shared by the web
    processes; dropped when a unit is saved or deleted, ``plans.signals``); read from the database when the cache
    does not answer."""
    from .caching import read_through
    from .models import Unit

    return read_through(UNIT_CHOICES_KEY, 3600, lambda: [(unit.pk, str(unit)) for unit in Unit.objects.all()])


UNIT_CHOICES_KEY = "plans:unit-choices:v1"


def unit_choices_forget(**kwargs) -> None:
    """Drop the cached unit choices (connected to ``Unit``'s saves and deletes in ``PlansConfig.ready``)."""
    from .caching import forget

    forget([UNIT_CHOICES_KEY])


ROLES_KEY = "plans:group-names:v1:{}"
ROLES_SECONDS = 300


def group_names(user) -> frozenset[str]:
    """The names of ``user``'s groups, from the Django cache (shared by the web processes; dropped when the user's
    groups or a group of theirs change, ``roles_forget_*``); from the database when the cache does not answer."""
    from .caching import read_through
    from .extensions import user_cache_keys

    return read_through(ROLES_KEY.format(user.pk), ROLES_SECONDS,
                        lambda: frozenset(user.groups.values_list("name", flat=True)),
                        holder=user, along=_along(user, user_cache_keys))  # one round trip for all


def _along(user, functions) -> list[str]:
    keys = []
    for function in functions:
        found = function(user)
        keys += [found] if isinstance(found, str) else list(found)
    return keys


def roles_forget(user_ids) -> None:
    from .caching import forget

    forget(ROLES_KEY.format(pk) for pk in user_ids)


def roles_forget_memberships(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """``m2m_changed`` of ``User.groups``, from either side (``user.groups.add`` or ``group.user_set.add``)."""
    if not action.startswith(("post_", "pre_clear")):
        return
    if not reverse:
        roles_forget([instance.pk])
    elif action == "pre_clear":
        roles_forget(instance.user_set.values_list("pk", flat=True))
    else:
        roles_forget(pk_set or ())


def roles_forget_group(sender, instance, **kwargs) -> None:
    """A group renamed or about to be deleted: its members' roles change."""
    if instance.pk:
        roles_forget(instance.user_set.values_list("pk", flat=True))


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
