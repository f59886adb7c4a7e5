"""Reads of the importer, for the apps above ``plans`` (reporting, emulation)."""

from __future__ import annotations

from .models import PlanImport


def import_proposals(*, plan) -> dict:
    """The proposals kept when ``plan`` was imported: ``{"report_deadlines": [...], "targets": [...]}``.

    A report deadline is ``{kind: report|meeting|review|phase, recurrence: "" or a
    ``plans.choices.Recurrence`` value, day, month, year, start, end (ISO dates of a phase),
    text, status: "proposed"}``; a target is ``{value, unit, direction: ">"|"<"|"=", text,
    status}``. Empty lists for a plan that was not imported.
    """
    record = (PlanImport.objects.filter(plan=plan, status=PlanImport.Status.SAVED)
              .order_by("-created_at", "-id").only("proposals").first())
    proposals = record.proposals if record else {}
    return {"report_deadlines": list(proposals.get("report_deadlines") or []),
            "targets": list(proposals.get("targets") or [])}


PROPOSED = "proposed"


def pending_import_proposals(*, plan) -> dict:
    """The proposals of ``import_proposals`` still ``proposed`` (not yet confirmed or dismissed by reporting
    or emulation), each with its ``index`` in that list: what the plan page shows as proposals."""
    proposals = import_proposals(plan=plan)
    return {kind: [{**entry, "index": index} for index, entry in enumerate(entries)
                   if entry.get("status", PROPOSED) == PROPOSED]
            for kind, entries in proposals.items()}
