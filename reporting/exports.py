"""The reporting lists as Excel sheets (``plans.exports``): the same selectors as the pages."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.exports import Column, xlsx_response

# The states of a compliance cell (reporting.selectors.request_timeliness)
TIMELINESS = {"on_time": gettext_lazy("On time"), "late": gettext_lazy("Late"), "missing": gettext_lazy("Missing"),
              "pending": gettext_lazy("Not due yet")}


def requests_xlsx(requests, *, filename: str, title, today):
    return xlsx_response(filename=filename, title=title, rows=requests, columns=[
        Column(_("Unit"), lambda r: r.unit.display_short),
        Column(_("Report"), lambda r: r.obligation.title),
        Column(_("Plan"), lambda r: str(r.obligation.plan)),
        Column(_("Period"), lambda r: str(r.period)),
        Column(_("Reports to"), lambda r: r.obligation.recipient_unit.display_short),
        Column(_("Deadline"), lambda r: r.due_date),
        Column(_("Status"), lambda r: r.get_status_display()),
        Column(_("Overdue"), lambda r: r.overdue_on(today)),
        Column(_("Submitted at"), lambda r: r.submitted_at),
    ])


def _shown(value):
    """A cell's state in words; a rate (a number) as it is."""
    return str(TIMELINESS[value]) if value in TIMELINESS else value


def compliance_xlsx(obligation, table):
    """One row per unit, one column per period (on time / late / missing / not due yet), then the rates."""
    rows = [(unit.display_short, [cell[0] if cell else None for cell in cells]) for unit, cells in table["rows"]]
    rows += [(_("Reporting rate (%)"), [r["reporting_rate"] for r in table["rates"]]),
             (_("On-time rate (%)"), [r["on_time_rate"] for r in table["rates"]])]
    columns = [Column(_("Unit"), lambda row: row[0])] + [
        Column(str(period), lambda row, i=i: _shown(row[1][i])) for i, period in enumerate(table["periods"])
    ]
    return xlsx_response(filename=f"tinh-hinh-bao-cao-{obligation.pk}", title=_("Reporting compliance"), rows=rows,
                         columns=columns)
