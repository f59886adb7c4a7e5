"""Every state change of coordination: keyword-only, actor passed in, one transaction, access checked here.

"Today" is passed in (views and tasks read the clock, services never do).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plans.uploads import clean_name
from reporting.attachments import check_upload
from reporting.notifications import notify
from reporting.services import email_queue

from . import democracy, policy, schedule
from .choices import DutyStatus, FollowUpStatus, IncidentStatus, MeetingKind, MeetingStatus, ModelStatus
from .models import (
    Agreement,
    Attendee,
    Checklist,
    ChecklistEntry,
    Commitment,
    CommitteeMember,
    Duty,
    DutyNote,
    DvkModel,
    Evidence,
    FollowUp,
    Incident,
    IncidentAction,
    Meeting,
    Minutes,
    Party,
    Replication,
    SteeringCommittee,
)

MAX_SELECTED_MODELS = 3


def _require(allowed: bool, message=None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def _store_files(*, actor, files, **owner) -> list[Evidence]:
    stored = []
    for upload in files or ():
        check_upload(upload)
        stored.append(Evidence.objects.create(file=upload, name=clean_name(upload.name), uploaded_by=actor, **owner))
    return stored


# --- The agreement ----------------------------------------------------------------------------------------


@transaction.atomic
def agreement_create(*, actor, plan) -> Agreement:
    """The agreement of a joint plan: one party per co-signing body, duties from the plan's responsibilities."""
    _require(policy.can_set_up(actor, plan))
    if Agreement.objects.filter(plan=plan).exists():
        raise ValidationError(_("This plan already has its coordination agreement."))
    issuers = list(plan.issuer_links.select_related("unit"))
    if len(issuers) < 2:
        raise ValidationError(_("Only a plan issued jointly by two bodies has a coordination agreement."))
    agreement = Agreement.objects.create(plan=plan, created_by=actor)
    parties = {}
    for index, link in enumerate(issuers):
        parties[link.unit_id] = Party.objects.create(agreement=agreement, unit=link.unit, order=index)
    with_duty = set(plan.responsibilities.exclude(item=None).values_list("item_id", flat=True))
    children: dict[int, list] = {}
    for item in plan.items.exclude(parent=None).order_by("order", "id"):
        children.setdefault(item.parent_id, []).append(item)
    order = 0
    for duty in plan.responsibilities.select_related("item").order_by("item__section__order", "item__order", "id"):
        party = parties.get(duty.lead_unit_id)
        if party is None or duty.item is None:
            continue
        # A heading that leads its sub-items ("1. Ban Dân vận Tỉnh ủy" over its dashes): one duty per sub-item
        texts = [duty.item.text] if duty.item.text.strip() else [
            child.text for child in children.get(duty.item_id, []) if child.pk not in with_duty]
        for text in texts:
            order += 1
            Duty.objects.create(agreement=agreement, party=party, order=order, due_date=duty.due_date,
                                text=text.strip() or str(duty))
    return agreement


@transaction.atomic
def party_update(*, actor, party: Party, standing_body: str) -> Party:
    _require(policy.can_manage(actor, party.agreement))
    party.standing_body = standing_body.strip()
    party.save(update_fields=["standing_body"])
    return party


@transaction.atomic
def duty_create(*, actor, agreement: Agreement, party: Party, text: str, responsible=None,
                due_date: dt.date | None = None) -> Duty:
    _require(policy.can_manage(actor, agreement))
    if party.agreement_id != agreement.pk:
        raise ValidationError(_("Choose one of the agreement's parties."))
    order = (agreement.duties.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return Duty.objects.create(agreement=agreement, party=party, text=text.strip(), responsible=responsible,
                               due_date=due_date, order=order)


@transaction.atomic
def duty_update(*, actor, duty: Duty, status: str, note: str, date: dt.date, files=(), responsible=None,
                today: dt.date) -> Duty:
    """A progress note (dated, not in the future), the status it sets, evidence files; managers also assign."""
    _require(policy.can_update_duty(actor, duty))
    if status not in DutyStatus.values:
        raise ValidationError(_("Choose a status."))
    if not note.strip():
        raise ValidationError(_("Write what was done."))
    if date > today:
        raise ValidationError(_("A progress note cannot be dated in the future."))
    duty = Duty.objects.select_for_update().get(pk=duty.pk)
    DutyNote.objects.create(duty=duty, date=date, text=note.strip(), status=status, author=actor)
    _store_files(actor=actor, files=files, duty=duty)
    duty.status = status
    fields = ["status", "updated_at"]
    if responsible is not None and policy.can_manage(actor, duty.agreement):
        duty.responsible = responsible
        fields.append("responsible")
    duty.save(update_fields=fields)
    return duty


# --- Meetings ----------------------------------------------------------------------------------------------


def _default_host(agreement: Agreement, kind: str) -> Party:
    """The year-end review is hosted by the first signatory (the board); briefings by the drafting side."""
    parties = list(agreement.parties.all())
    if kind == MeetingKind.YEAR_END:
        return parties[0]
    owner = agreement.plan.owner_unit
    for party in parties:
        if party.unit_id in (owner.pk, owner.parent_id):
            return party
    return parties[-1]


@transaction.atomic
def meetings_generate(*, actor, agreement: Agreement, year: int) -> list[Meeting]:
    """The year's scheduled briefings and year-end review (idempotent: those already there are kept)."""
    _require(policy.can_manage(actor, agreement))
    created = []
    for slot in schedule.year_slots(year):
        meeting, was_created = Meeting.objects.get_or_create(
            agreement=agreement, kind=slot.kind, year=year, index=slot.index,
            defaults={"title": slot.title, "date": slot.date, "host": _default_host(agreement, slot.kind)})
        if was_created:
            created.append(meeting)
    return created


def _check_host(agreement: Agreement, host: Party) -> None:
    if host.agreement_id != agreement.pk:
        raise ValidationError(_("Choose one of the agreement's parties."))


@transaction.atomic
def meeting_create(*, actor, agreement: Agreement, data: dict) -> Meeting:
    """A thematic conference or survey mission organised by one party (or an extra briefing)."""
    _require(policy.can_manage(actor, agreement))
    _check_host(agreement, data["host"])
    if data["kind"] in MeetingKind.scheduled():
        index = (agreement.meetings.filter(kind=data["kind"], year=data["date"].year)
                 .order_by("-index").values_list("index", flat=True).first() or 0) + 1
    else:
        index = 0
    return Meeting.objects.create(agreement=agreement, year=data["date"].year, index=index, **data)


@transaction.atomic
def meeting_update(*, actor, meeting: Meeting, data: dict) -> Meeting:
    _require(policy.can_manage(actor, meeting.agreement))
    _check_host(meeting.agreement, data["host"])
    for name, value in data.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


@transaction.atomic
def attendee_add(*, actor, meeting: Meeting, party: Party, name: str, position: str = "") -> Attendee:
    """An attendee of ``party``; a partner body's user nominates their own body's ("cử cán bộ tham dự")."""
    if party.agreement_id != meeting.agreement_id:
        raise ValidationError(_("Choose one of the agreement's parties."))
    _require(policy.can_nominate(actor, meeting, party))
    return Attendee.objects.create(meeting=meeting, party=party, name=name.strip(), position=position.strip(),
                                   nominated=not policy.can_manage(actor, meeting.agreement))


@transaction.atomic
def minutes_record(*, actor, meeting: Meeting, text: str, secretary: str = "", today: dt.date) -> Minutes:
    """The minutes of a held meeting (it is then held); recorded again, they are replaced."""
    _require(policy.can_manage(actor, meeting.agreement))
    if meeting.date > today:
        raise ValidationError(_("The minutes of a meeting are recorded once it has taken place."))
    if not text.strip():
        raise ValidationError(_("Write the minutes."))
    minutes, _created = Minutes.objects.update_or_create(
        meeting=meeting, defaults={"text": text.strip(), "secretary": secretary.strip(), "recorded_by": actor})
    if meeting.status != MeetingStatus.HELD:
        meeting.status = MeetingStatus.HELD
        meeting.save(update_fields=["status", "updated_at"])
    return minutes


def _followup_params(followup: FollowUp) -> dict:
    return {"title": followup.title[:200], "meeting": followup.meeting.title, "due": followup.deadline.isoformat()}


@transaction.atomic
def followup_add(*, actor, meeting: Meeting, title: str, owner, deadline: dt.date, today: dt.date) -> FollowUp:
    """A decision of the minutes becomes a follow-up of ``owner``, told at once (notice and e-mail)."""
    _require(policy.can_manage(actor, meeting.agreement))
    if not Minutes.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("Record the minutes before their decisions."))
    if deadline < today:
        raise ValidationError(_("The deadline cannot be in the past."))
    followup = FollowUp.objects.create(meeting=meeting, title=title.strip(), owner=owner, deadline=deadline)
    params = _followup_params(followup)
    notify([owner], kind="coordination_followup_assigned", params=params, url=followup.get_absolute_url())
    email_queue(users=[owner], subject=_("A follow-up was assigned to you"), kind="coordination_followup_assigned",
                params=params, url=followup.get_absolute_url(), key=f"coordination-followup:{followup.pk}:assigned")
    return followup


@transaction.atomic
def followup_close(*, actor, followup: FollowUp, result: str, today: dt.date) -> FollowUp:
    _require(policy.can_close_followup(actor, followup))
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    if followup.status == FollowUpStatus.DONE:
        raise ValidationError(_("This follow-up is already done."))
    if not result.strip():
        raise ValidationError(_("Write what was done."))
    followup.status, followup.result, followup.done_on = FollowUpStatus.DONE, result.strip(), today
    followup.save(update_fields=["status", "result", "done_on", "updated_at"])
    return followup


REMIND_DAYS_BEFORE = 3


@transaction.atomic
def followups_remind(*, today: dt.date) -> dict:
    """The daily reminders: each open follow-up is recalled once 3 days before its deadline and told once overdue.

    Idempotent: the dates stored on the row (and the e-mails' unique keys) keep a second run silent.
    """
    reminded = overdue = 0
    soon = today + dt.timedelta(days=REMIND_DAYS_BEFORE)
    open_ = FollowUp.objects.select_for_update().select_related("owner", "meeting").filter(status=FollowUpStatus.OPEN)
    for followup in open_.filter(deadline__gte=today, deadline__lte=soon, reminded_on=None):
        params = _followup_params(followup)
        notify([followup.owner], kind="coordination_followup_due", params=params, url=followup.get_absolute_url())
        email_queue(users=[followup.owner], subject=_("Follow-up due soon"), kind="coordination_followup_due",
                    params=params, url=followup.get_absolute_url(), key=f"coordination-followup:{followup.pk}:due")
        followup.reminded_on = today
        followup.save(update_fields=["reminded_on"])
        reminded += 1
    for followup in open_.filter(deadline__lt=today, overdue_notified_on=None):
        params = _followup_params(followup)
        notify([followup.owner], kind="coordination_followup_overdue", params=params,
               url=followup.get_absolute_url())
        email_queue(users=[followup.owner], subject=_("Follow-up overdue"), kind="coordination_followup_overdue",
                    params=params, url=followup.get_absolute_url(),
                    key=f"coordination-followup:{followup.pk}:overdue")
        followup.overdue_notified_on = today
        followup.save(update_fields=["overdue_notified_on"])
        overdue += 1
    return {"reminded": reminded, "overdue": overdue}


# --- "Dân vận khéo" models --------------------------------------------------------------------------------


@transaction.atomic
def model_propose(*, actor, data: dict, files=()) -> DvkModel:
    _require(policy.can_propose_model(actor, data["unit"]))
    model = DvkModel.objects.create(proposed_by=actor, **data)
    _store_files(actor=actor, files=files, model=model)
    return model


@transaction.atomic
def model_select(*, actor, model: DvkModel, selected: bool) -> DvkModel:
    """Leadership selects (at most 3 a year) or sets aside a proposed model."""
    _require(policy.can_select_model(actor))
    if selected and model.status != ModelStatus.SELECTED:
        count = DvkModel.objects.select_for_update().filter(year=model.year, status=ModelStatus.SELECTED).count()
        if count >= MAX_SELECTED_MODELS:
            raise ValidationError(_("%(count)d models are already selected for %(year)d: the plan asks for 02–03.")
                                  % {"count": count, "year": model.year})
    model.status = ModelStatus.SELECTED if selected else ModelStatus.NOT_SELECTED
    model.save(update_fields=["status", "updated_at"])
    return model


@transaction.atomic
def replication_add(*, actor, model: DvkModel, unit, started_on: dt.date, note: str = "") -> Replication:
    _require(policy.can_record_replication(actor))
    if model.status != ModelStatus.SELECTED:
        raise ValidationError(_("Only a selected model is replicated."))
    if Replication.objects.filter(model=model, unit=unit).exists():
        raise ValidationError(_("This unit already replicates the model."))
    return Replication.objects.create(model=model, unit=unit, started_on=started_on, note=note.strip())


# --- Incidents ------------------------------------------------------------------------------------------------


@transaction.atomic
def incident_create(*, actor, agreement: Agreement, data: dict, today: dt.date) -> Incident:
    _require(policy.can_handle_incidents(actor, agreement))
    if data["occurred_on"] > today:
        raise ValidationError(_("An incident cannot have occurred in the future."))
    incident = Incident.objects.create(agreement=agreement, **data)
    IncidentAction.objects.create(incident=incident, date=data["occurred_on"], author=actor,
                                  text=_("Incident logged."))
    return incident


@transaction.atomic
def incident_act(*, actor, incident: Incident, text: str, date: dt.date, status: str, assignee=None,
                 today: dt.date) -> IncidentAction:
    """One step of the timeline; it may assign the incident, start handling it or close it."""
    _require(policy.can_handle_incidents(actor, incident.agreement))
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.status == IncidentStatus.CLOSED:
        raise ValidationError(_("This incident is closed."))
    if status not in IncidentStatus.values:
        raise ValidationError(_("Choose a status."))
    if date > today or date < incident.occurred_on:
        raise ValidationError(_("The date must be between the incident and today."))
    if not text.strip():
        raise ValidationError(_("Write what was done."))
    action = IncidentAction.objects.create(incident=incident, date=date, text=text.strip(), author=actor)
    incident.status = status
    incident.closed_on = date if status == IncidentStatus.CLOSED else None
    if assignee is not None:
        incident.assignee = assignee
    incident.save()
    return action


# --- Democracy regulation -------------------------------------------------------------------------------------


@transaction.atomic
def checklist_open(*, actor, unit, year: int) -> Checklist:
    """The unit's checklist of ``year`` with every item of Thông tư 05/2021/TT-BYT (idempotent)."""
    _require(policy.can_edit_unit_record(actor, unit.pk))
    checklist, _created = Checklist.objects.get_or_create(unit=unit, year=year)
    ChecklistEntry.objects.bulk_create([ChecklistEntry(checklist=checklist, code=code) for code, *_ in democracy.ITEMS],
                                       ignore_conflicts=True)
    return checklist


@transaction.atomic
def checklist_save(*, actor, checklist: Checklist, entries: dict, today: dt.date) -> Checklist:
    """``entries``: {code: (done, evidence)}; an item marked done needs its evidence and is dated today."""
    _require(policy.can_edit_unit_record(actor, checklist.unit_id))
    missing = [democracy.LABELS[code] for code, (done, evidence) in entries.items() if done and not evidence.strip()]
    if missing:
        raise ValidationError(_("Say where each item marked done is shown: %(items)s.") % {"items": "; ".join(missing)})
    for entry in checklist.entries.select_for_update():
        if entry.code not in entries:
            continue
        done, evidence = entries[entry.code]
        entry.done_on = (entry.done_on or today) if done else None
        entry.done, entry.evidence = done, evidence.strip()
        entry.save(update_fields=["done", "evidence", "done_on"])
    return checklist


@transaction.atomic
def committee_create(*, actor, plan, unit, name: str, decided_on=None, working_rules=None) -> SteeringCommittee:
    _require(policy.can_edit_unit_record(actor, unit.pk))
    if SteeringCommittee.objects.filter(plan=plan, unit=unit).exists():
        raise ValidationError(_("This unit already has its steering committee under this plan."))
    if working_rules:
        check_upload(working_rules)
    return SteeringCommittee.objects.create(plan=plan, unit=unit, name=name.strip(), decided_on=decided_on,
                                            working_rules=working_rules or "")


@transaction.atomic
def member_add(*, actor, committee: SteeringCommittee, name: str, position: str = "", role: str = "member",
               duties: str = "") -> CommitteeMember:
    _require(policy.can_edit_unit_record(actor, committee.unit_id))
    return CommitteeMember.objects.create(committee=committee, name=name.strip(), position=position.strip(),
                                          role=role, duties=duties.strip())


# --- Commitments --------------------------------------------------------------------------------------------


def _can_write_commitment(actor, unit_id, person) -> bool:
    if person is not None:
        return bool(actor.is_authenticated and person.pk == actor.pk and actor.unit_id == unit_id
                    and not policy.is_partner(actor))
    return policy.can_edit_unit_record(actor, unit_id)


@transaction.atomic
def commitment_save(*, actor, unit, person, year: int, text: str) -> Commitment:
    """The yearly commitment of ``person`` (themselves) or of ``unit`` (its head or the department's staff)."""
    _require(_can_write_commitment(actor, unit.pk, person))
    if not text.strip():
        raise ValidationError(_("Write the commitment."))
    commitment, _created = Commitment.objects.update_or_create(unit=unit, person=person, year=year,
                                                               defaults={"text": text.strip()})
    return commitment


@transaction.atomic
def commitment_evaluate(*, actor, commitment: Commitment, self_evaluation: str, rating: str,
                        today: dt.date) -> Commitment:
    """The year-end self-evaluation against the commitment: from 1 November of its year."""
    _require(_can_write_commitment(actor, commitment.unit_id, commitment.person))
    if today < dt.date(commitment.year, 11, 1):
        raise ValidationError(_("The self-evaluation is made at the end of the year, from 01/11/%(year)d.")
                              % {"year": commitment.year})
    if rating not in dict(Commitment.RATINGS) or not self_evaluation.strip():
        raise ValidationError(_("Write the self-evaluation and choose a rating."))
    commitment.self_evaluation, commitment.rating, commitment.evaluated_on = self_evaluation.strip(), rating, today
    commitment.save(update_fields=["self_evaluation", "rating", "evaluated_on", "updated_at"])
    return commitment
