"""The importer's report-deadline proposals of a plan, as initial data of the obligation form.

``plans.importing.selectors.import_proposals`` keeps, for an imported plan, items like
``{kind: report|meeting|review|phase, recurrence, day, month, year, start, end, text}``.
Each becomes a pre-filled obligation form when staff click "Confirm"; the obligation
keeps the proposal's key (``proposal_key``) so the proposal then shows as confirmed.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.utils.translation import gettext as _

from .choices import DeadlineRule, PeriodCalendar, PeriodType

USABLE_KINDS = ("report", "meeting", "review")
_TITLES = {
    PeriodType.QUARTERLY: "Báo cáo quý",
    PeriodType.SIX_MONTHLY: "Báo cáo 6 tháng",
    PeriodType.NINE_MONTHLY: "Báo cáo 9 tháng",
    PeriodType.ANNUAL: "Báo cáo năm",
}


def proposal_key(proposal: dict) -> str:
    parts = [proposal.get(k) for k in ("kind", "recurrence", "day", "month", "year")]
    return "|".join("" if p is None else str(p) for p in parts)[:120]


def describe(proposal: dict) -> str:
    """A short line for the panel, e.g. "Six-monthly report, before 05/06"."""
    kind = {"report": _("Report"), "meeting": _("Briefing meeting"), "review": _("Review")}.get(
        proposal.get("kind"), proposal.get("kind") or "")
    recurrence = proposal.get("recurrence") or ""
    labels = dict(PeriodType.choices)
    text = f"{kind} — {labels[recurrence]}" if recurrence in labels else str(kind)
    day, month, year = proposal.get("day"), proposal.get("month"), proposal.get("year")
    if month:
        date = f"{day:02d}/{month:02d}" if day else f"{month:02d}"
        text += " — " + _("before %(date)s") % {"date": f"{date}/{year}" if year else date}
    return text


def initial_for(proposal: dict, plan) -> dict:
    """Initial values of the obligation form for ``proposal`` of ``plan``."""
    recurrence = proposal.get("recurrence") or ""
    day, month = proposal.get("day"), proposal.get("month")
    year = proposal.get("year") or plan.year
    initial = {"proposal_key": proposal_key(proposal), "calendar": PeriodCalendar.ND09,
               "recipient_unit": plan.owner_unit_id}
    if recurrence in (PeriodType.QUARTERLY, PeriodType.SIX_MONTHLY, PeriodType.NINE_MONTHLY, PeriodType.ANNUAL):
        initial["period_type"] = recurrence
        title = _TITLES[recurrence]
        if proposal.get("kind") == "meeting":
            title = f"{title} phục vụ giao ban"
        if day and month:
            initial.update(deadline_rule=DeadlineRule.FIXED, fixed_deadlines=f"{day:02d}/{month:02d}")
        else:
            initial.update(deadline_rule=DeadlineRule.WORKING_DAYS_AFTER, deadline_days=5)
    else:
        initial["period_type"] = PeriodType.ONE_OFF
        title = "Báo cáo tổng kết" if proposal.get("kind") == "review" else "Báo cáo"
        month = month or 12
        last = calendar.monthrange(year, month)[1]
        due = dt.date(year, month, min(day or last, last))
        initial.update(one_off_start=dt.date(year, 1, 1), one_off_end=due, one_off_due=due,
                       deadline_rule=DeadlineRule.FIXED)
    initial["title"] = f"{title} — {plan.title}"[:255]
    return initial


def proposals_of(plan, obligations) -> list[dict]:
    """The plan's usable proposals, each with its index, description and whether an obligation confirms it."""
    from plans.importing.selectors import import_proposals

    confirmed = {o.proposal_key for o in obligations if o.proposal_key}
    rows = []
    for index, proposal in enumerate(import_proposals(plan=plan)["report_deadlines"]):
        if proposal.get("kind") not in USABLE_KINDS:
            continue
        rows.append({"index": index, "proposal": proposal, "label": describe(proposal),
                     "text": proposal.get("text") or "", "confirmed": proposal_key(proposal) in confirmed})
    return rows


def proposal_at(plan, index: int) -> dict | None:
    from plans.importing.selectors import import_proposals

    found = import_proposals(plan=plan)["report_deadlines"]
    return found[index] if 0 <= index < len(found) else None
