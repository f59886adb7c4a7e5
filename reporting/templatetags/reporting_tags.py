"""Template tags of the reporting layer (the plan detail panel reads its data here, in 3–4 queries)."""

from django import template

from reporting import policy, proposals, selectors

register = template.Library()


@register.simple_tag
def obligation_panel(plan, user) -> dict:
    rows = list(selectors.plan_obligations(plan))
    return {"rows": rows, "proposals": [p for p in proposals.proposals_of(plan, rows) if not p["confirmed"]],
            "can_manage": policy.can_manage_obligations(user, plan)}


@register.simple_tag(takes_context=True)
def calendar_feed_url(context) -> str:
    """The user's private iCalendar link (deadlines they owe or review)."""
    from django.urls import reverse

    request = context["request"]
    return request.build_absolute_uri(reverse("reporting:calendar", args=[selectors.calendar_token(request.user)]))


@register.filter
def is_unit_head(user) -> bool:
    return policy.is_unit_head(user)


@register.filter
def is_reviewer(user) -> bool:
    return policy.is_reviewer(user)


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """How many notifications the user has not read (``selectors.header_state``: from the cache, else one COUNT)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return 0
    return selectors.header_state(user)["unread"]
