"""The .xlsx columns of every list of coordination (the pages and their exports share the selector)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from plans.exports import Column


@dataclass(frozen=True)
class Export:
    filename: str
    title: object
    columns: list


def _parties(agreement) -> str:
    return ", ".join(party.unit.name for party in agreement.parties.all())


AGREEMENTS = Export("phoi-hop", _("Coordination agreements"), [
    Column(_("Plan"), lambda a: str(a.plan)),
    Column(_("Year"), lambda a: a.plan.year),
    Column(_("Parties"), _parties),
    Column(_("Duties"), lambda a: a.duty_count),
    Column(_("Duties done"), lambda a: a.done_count),
    Column(_("Meetings"), lambda a: a.meeting_count),
    Column(_("Meetings held"), lambda a: a.held_count),
])

DUTIES = Export("nhiem-vu-phoi-hop", _("Duties"), [
    Column(_("Party"), lambda d: d.party.unit.name),
    Column(_("Duty"), lambda d: d.text, width=80),
    Column(_("Status"), lambda d: d.get_status_display()),
    Column(_("Responsible person"), lambda d: str(d.responsible or "")),
    Column(_("Deadline"), lambda d: d.due_date),
    Column(_("Progress notes"), lambda d: d.note_count),
    Column(_("Evidence files"), lambda d: d.evidence_count),
])

MEETINGS = Export("hoi-nghi", _("Meetings"), [
    Column(_("Date"), lambda m: m.date),
    Column(_("Meeting"), lambda m: m.title),
    Column(_("Kind of meeting"), lambda m: m.get_kind_display()),
    Column(_("Plan"), lambda m: str(m.agreement.plan)),
    Column(_("Organised by"), lambda m: m.host.unit.name),
    Column(_("Place"), lambda m: m.place),
    Column(_("Chair"), lambda m: m.chair),
    Column(_("Status"), lambda m: m.get_status_display()),
])

FOLLOWUPS = Export("viec-sau-hoi-nghi", _("My follow-ups"), [
    Column(_("Decision of the meeting"), lambda f: f.title, width=60),
    Column(_("Meeting"), lambda f: f.meeting.title),
    Column(_("Deadline"), lambda f: f.deadline),
    Column(_("Status"), lambda f: f.get_status_display()),
    Column(_("Done on"), lambda f: f.done_on),
    Column(_("Result"), lambda f: f.result),
])

MODELS = Export("mo-hinh-dan-van-kheo", _("“Dân vận khéo” models"), [
    Column(_("Year"), lambda m: m.year),
    Column(_("Model"), lambda m: m.title, width=50),
    Column(_("Proposing unit"), lambda m: m.unit.name),
    Column(_("Field"), lambda m: m.get_field_display()),
    Column(_("Status"), lambda m: m.get_status_display()),
    Column(_("Replicated in (units)"), lambda m: m.replication_count),
    Column(_("Results"), lambda m: m.results, width=60),
])

INCIDENTS = Export("su-co-vu-viec", _("Incidents"), [
    Column(_("Occurred on"), lambda i: i.occurred_on),
    Column(_("Incident"), lambda i: i.title, width=50),
    Column(_("Kind of incident"), lambda i: i.get_kind_display()),
    Column(_("Plan"), lambda i: str(i.agreement.plan)),
    Column(_("Handled by"), lambda i: str(i.assignee or "")),
    Column(_("Status"), lambda i: i.get_status_display()),
    Column(_("Actions taken"), lambda i: i.action_count),
    Column(_("Closed on"), lambda i: i.closed_on),
])

CHECKLISTS = Export("quy-che-dan-chu", _("Democracy-regulation checklists"), [
    Column(_("Year"), lambda c: c.year),
    Column(_("Unit"), lambda c: c.unit.name),
    Column(_("Items done"), lambda c: c.done_count),
    Column(_("Items in all"), lambda c: c.total),
])

COMMITMENTS = Export("cam-ket", _("Commitments"), [
    Column(_("Year"), lambda c: c.year),
    Column(_("Unit"), lambda c: c.unit.name),
    Column(_("Person"), lambda c: str(c.person or "")),
    Column(_("Commitment"), lambda c: c.text, width=60),
    Column(_("Rating"), lambda c: c.get_rating_display()),
    Column(_("Self-evaluation"), lambda c: c.self_evaluation, width=60),
])
