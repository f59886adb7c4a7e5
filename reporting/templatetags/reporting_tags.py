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
def compliance_rows(rows) -> str:
    """The ``<tr>`` of the compliance table (``selectors.compliance``: a unit and its cells), written here rather
    than by template tags per cell: a province's table has a thousand cells and more, the template language took
    ~0.1 ms a cell, and the labels are translated once for the whole table."""
    from django.urls import reverse
    from django.utils.html import escape

    marker = 2_147_483_647  # one reverse(): the URL of the request whose pk is ``marker``, then each pk in it
    url, title = reverse("reporting:review", args=[marker]), escape(_("Open the report"))
    before, after = url.split(str(marker))
    badges = {state: f'" title="{title}"><span class="badge {css}">{escape(label)}</span></a></td>'
              for state, (css, label) in _CELL_BADGES.items()}
    html = []
    for unit, cells in rows:
        html.append(f'<tr><th class="text-start fw-normal">{escape(unit.display_short)}</th>')
        for cell in cells:
            if cell is None:
                html.append("<td></td>")
                continue
            state, pk = cell
            html.append(f'<td><a class="compliance-cell text-decoration-none" href="{before}{int(pk)}{after}'
                        f'{badges.get(state, badges["pending"])}')
        html.append("</tr>\n")
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer


# The overview's unit × period matrix: each cell "on time / late / missing" (links to the reports behind them)
_MATRIX_PARTS = (("on_time", "text-success", "text-success"),
                 ("late", "text-warning-emphasis", "text-warning-emphasis"),
                 ("missing", "text-danger", "text-danger fw-bold dash-missing"))  # (state, span's class, link's class)


@register.simple_tag
def dashboard_cells(row, year, reports_url) -> str:
    """The ``<td>`` of one unit's row of the overview's matrix (``dashboards.selectors.compliance_matrix``), written
    here rather than by the template language: a province's fifty worst units have hundreds of cells."""
    from django.utils.html import escape

    base = f"{escape(reports_url)}?year={int(year)}&amp;unit={int(row['unit_id'])}&amp;period="
    html = []
    for period_id, cell in row["cells"]:
        if not cell:
            html.append('<td class="dash-cell"></td>')
            continue
        parts = []
        for state, span, link in _MATRIX_PARTS:
            n = int(cell[state])
            shown = f'<a class="{link}" href="{base}{int(period_id)}&amp;state={state}">{n}</a>' if n else "0"
            parts.append(f'<span class="{span}">{shown}</span>')
        pending = int(cell["pending"])
        more = f' <span class="text-body-secondary small">(+{pending})</span>' if pending else ""
        html.append(f'<td class="dash-cell">{"/".join(parts)}{more}</td>')
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer
