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


def _pk_url(name: str):
    """``pk -> reverse(name, args=[pk])`` with one ``reverse()`` for all the pks of a table: the URL of the pk
    ``marker``, then each pk put in its place."""
    from django.urls import reverse

    marker = 2_147_483_647
    before, after = reverse(name, args=[marker]).split(str(marker))
    return lambda pk: f"{before}{int(pk)}{after}"


def _rate(value) -> str:
    return "—" if value is None else f"{int(value)}%"


# The compliance table's cells: (badge class, label) of each state of ``selectors.request_timeliness``
_CELL_BADGES = {"on_time": ("text-bg-success", _("On time")), "late": ("text-bg-warning", _("Late")),
                "missing": ("text-bg-danger", _("Missing")), "pending": ("text-bg-secondary", _("Not yet due"))}


@register.simple_tag
def compliance_rows(rows) -> str:
    """The ``<tr>`` of the compliance table (``selectors.compliance``: a unit and its cells), written here rather
    than by template tags per cell: a province's table has a thousand cells and more, the template language took
    ~0.1 ms a cell, and the labels are translated once for the whole table."""
    from django.utils.html import escape

    review_url, title = _pk_url("reporting:review"), escape(_("Open the report"))
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
            html.append(f'<td><a class="compliance-cell text-decoration-none" href="{review_url(pk)}'
                        f'{badges.get(state, badges["pending"])}')
        html.append("</tr>\n")
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer


# The overview's unit × period matrix: each cell "on time / late / missing" (links to the reports behind them)
_MATRIX_PARTS = (("on_time", "text-success", "text-success"),
                 ("late", "text-warning-emphasis", "text-warning-emphasis"),
                 ("missing", "text-danger", "text-danger fw-bold dash-missing"))  # (state, span's class, link's class)


@register.simple_tag
def dashboard_matrix_rows(rows, year, reports_url) -> str:
    """The ``<tr>`` of the overview's matrix (``dashboards.selectors.compliance_matrix``: a unit, its cells, its
    rates), written here rather than by the template language: a province's fifty worst units have hundreds of
    cells."""
    from django.utils.html import escape

    unit_url, html = _pk_url("reporting:dashboard_unit"), []
    for row in rows:
        rate = row["on_time_rate"]
        danger = " text-danger" if rate is not None and rate < 50 else ""
        html.append(f'<tr><th class="text-start fw-normal" scope="row"><a href="{unit_url(row["unit_id"])}'
                    f'?year={int(year)}" class="dash-unit">{escape(row["name"])}</a></th>'
                    f'{_matrix_cells(row, year, reports_url)}<td class="fw-semibold{danger}">{_rate(rate)}</td>'
                    f'<td>{_rate(row["reporting_rate"])}</td></tr>')
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer


def _matrix_cells(row, year, reports_url) -> str:
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
    return "".join(html)


_TASK_LINK_CLASS = {"overdue": ' class="text-danger fw-semibold"'}


@register.simple_tag
def dashboard_task_rows(rows, year, tasks_url) -> str:
    """The ``<tr>`` of the overview's tasks table (``dashboards.selectors.tasks_by_unit``): a lead unit, its tasks
    by state (each a link to them) and in all."""
    from django.utils.html import escape

    unit_url, outside, html = _pk_url("reporting:dashboard_unit"), escape(_("(not a unit of the portal)")), []
    for row in rows:
        unit_id = row["lead_unit_id"]
        if not unit_id:
            cells = "".join(f"<td>{int(n)}</td>" for _state, n in row["counts"])
            html.append(f'<tr><th class="text-start fw-normal" scope="row">{outside}</th>{cells}'
                        f'<td>{int(row["total"])}</td></tr>')
            continue
        link = f"{escape(tasks_url)}?year={int(year)}&amp;unit={int(unit_id)}"
        cells = "".join(
            f'<td><a{_TASK_LINK_CLASS.get(state, "")} href="{link}&amp;state={escape(state)}">{int(n)}</a></td>'
            if n else f"<td>{int(n)}</td>" for state, n in row["counts"])
        html.append(f'<tr><th class="text-start fw-normal" scope="row"><a href="{unit_url(unit_id)}?year={int(year)}">'
                    f'{escape(row["unit_name"])}</a></th>{cells}<td><a href="{link}">{int(row["total"])}</a></td></tr>')
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer


@register.simple_tag
def dashboard_obligation_rows(rows, year, reports_url) -> str:
    """The ``<tr>`` of the overview's obligations table (``dashboards.selectors.compliance_matrix``): each
    obligation's reports due, on time, late and missing (links to them) and its rates."""
    from django.utils.html import escape

    compliance_url, html = _pk_url("reporting:compliance"), []
    for row in rows:
        link = f"{escape(reports_url)}?year={int(year)}&amp;obligation={int(row['obligation_id'])}&amp;state="
        missing = "text-danger fw-semibold" if row["missing"] else ""
        html.append(f'<tr><th class="text-start fw-normal" scope="row"><a href="{compliance_url(row["obligation_id"])}'
                    f'">{escape(row["name"])}</a></th><td>{int(row["expected"])}</td>'
                    f'<td><a href="{link}on_time">{int(row["on_time"])}</a></td>'
                    f'<td><a href="{link}late">{int(row["late"])}</a></td>'
                    f'<td><a class="{missing}" href="{link}missing">{int(row["missing"])}</a></td>'
                    f'<td>{_rate(row["on_time_rate"])}</td><td>{_rate(row["reporting_rate"])}</td></tr>')
    return mark_safe("".join(html))  # noqa: S308 - every part is escaped or an integer


def _status_badges(status: str, is_overdue: bool) -> str:
    from django.utils.html import escape

    from reporting.models import RequestStatus

    html = f'<span class="badge text-bg-{RequestStatus.color_of(status)}">{escape(RequestStatus(status).label)}</span>'
    return html + (f' <span class="badge text-bg-danger">{escape(_("Overdue"))}</span>' if is_overdue else "")


@register.simple_tag
def status_badges(req) -> str:
    """The badges of a report request's state: its status, and "overdue" when ``req.is_overdue``."""
    return mark_safe(_status_badges(req.status, getattr(req, "is_overdue", False)))  # noqa: S308 - escaped


@register.simple_tag
def inbox_rows(rows, today) -> str:
    """The ``<tr>`` of the inbox (``selectors.InboxRow``), written here rather than by template tags per cell: a
    unit owes dozens of reports and the inbox is the page of deadline day (~0.2 ms a row in the template language)."""
    from django.urls import reverse
    from django.utils.html import escape
    from django.utils.translation import ngettext

    marker = 2_147_483_647  # one reverse() for all rows, as in compliance_cells
    url = reverse("reporting:report", args=[marker])
    write, view = escape(_("Write the report")), escape(_("View"))
    html = []
    for row in rows:
        span = f"{row.start:%d/%m/%Y} – {row.end:%d/%m/%Y}"
        days_left = (row.due_date - today).days
        if not row.is_open:
            days = "—"
        elif days_left < 0:
            late = ngettext("%(n)s day late", "%(n)s days late", -days_left) % {"n": -days_left}
            days = f'<span class="text-danger">{escape(late)}</span>'
        else:
            days = str(days_left)
        html.append(
            f"<tr>\n<td>{escape(row.title)}</td>\n<td class=\"small\">{escape(row.plan)}</td>\n"
            f'<td><span title="{span}">{escape(row.period)}</span>\n'
            f'<div class="small text-body-secondary">{span}</div></td>\n'
            f'<td class="small">{escape(row.recipient)}</td>\n<td>{row.due_date:%d/%m/%Y}</td>\n<td>{days}</td>\n'
            f"<td>{_status_badges(row.status, row.is_overdue)}</td>\n"
            f'<td><a class="btn btn-sm btn-primary" href="{url.replace(str(marker), str(int(row.pk)))}">'
            f"{write if row.is_open else view}</a></td>\n</tr>")
    return mark_safe("\n".join(html))  # noqa: S308 - every part is escaped, a date or an integer


@register.simple_tag
def report_field(field) -> str:
    """One field of the report form (``reporting.forms``: its ``report_kind``): its label for its control, what the
    user typed, its error beside it with ``aria-describedby``. Written here, not by templates: the form has a field
    per task and per figure, and the template language took ~0.1 ms a field."""
    from django.utils.html import format_html, format_html_join

    messages = format_html(
        "{}{}",
        format_html('<div class="invalid-feedback d-block" id="{}_error">{}</div>', field.auto_id,
                    " ".join(str(e) for e in field.errors)) if field.errors else "",
        format_html('<div class="form-text" id="{}_helptext">{}</div>', field.auto_id, field.help_text)
        if field.help_text else "")
    kind = getattr(field.field, "report_kind", "control")
    if kind == "check":
        return format_html('<div class="mb-3 form-check">{}<label class="form-check-label" for="{}">{}</label>{}</div>',
                           field.as_widget(), field.auto_id, field.label, messages)
    if kind == "choices":  # several checkboxes or radios: a fieldset whose legend is the label, each option labelled
        described = " ".join(([f"{field.auto_id}_helptext"] if field.help_text else [])
                             + ([f"{field.auto_id}_error"] if field.errors else []))
        options = format_html_join(
            "", '<div class="form-check">{}<label class="form-check-label" for="{}">{}</label></div>',
            ((option.tag(), option.id_for_label, option.choice_label) for option in field))
        return format_html('<fieldset class="mb-3"{}><legend class="form-label fs-6">{}</legend>{}{}</fieldset>',
                           format_html(' aria-describedby="{}"', described) if described else "", field.label, options,
                           messages)
    return format_html('<div class="mb-3"><label class="form-label" for="{}">{}</label>{}{}</div>', field.auto_id,
                       field.label, field.as_widget(), messages)
