"""Template tags of the reporting layer (the plan detail panel reads its data here, in 3–4 queries)."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

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


# The compliance table's cells: (badge class, label) of each state of ``selectors.request_timeliness``
_CELL_BADGES = {"on_time": ("text-bg-success", _("On time")), "late": ("text-bg-warning", _("Late")),
                "missing": ("text-bg-danger", _("Missing")), "pending": ("text-bg-secondary", _("Not yet due"))}


@register.simple_tag
def compliance_cells(cells) -> str:
    """The ``<td>`` of one unit's row of the compliance table, written here rather than by template tags per cell
    (a province's table has a thousand cells and more; the template language took ~0.1 ms a cell)."""
    from django.urls import reverse
    from django.utils.html import escape

    marker = 2_147_483_647  # one reverse() per row: the URL of the request whose pk is ``marker``, then each pk in it
    url, title = reverse("reporting:review", args=[marker]), escape(_("Open the report"))
    badges = {state: (css, escape(label)) for state, (css, label) in _CELL_BADGES.items()}
    html = []
    for cell in cells:
        if cell is None:
            html.append("<td></td>")
            continue
        state, report_request = cell
        css, label = badges.get(state, badges["pending"])
        html.append(f'<td><a class="compliance-cell text-decoration-none" '
                    f'href="{url.replace(str(marker), str(int(report_request.pk)))}" title="{title}">'
                    f'<span class="badge {css}">{label}</span></a></td>')
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer
