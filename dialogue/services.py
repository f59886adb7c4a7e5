"""Every state change of the dialogue app: keyword-only, actor passed in, one transaction, permission checked here.

``today``/``now`` come from the caller (views, tasks, the demo), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from plans.selectors import users_with_role

from . import abuse, limits, policy
from .choices import FollowUpStatus, PetitionStatus, QuestionStatus, SessionStatus
from .models import FollowUp, MinutesEntry, Petition, Question, ReceptionEntry, Reminder, Session, Topic

SESSION_FIELDS = ("plan", "title", "form", "starts_at", "place", "link", "chair", "organising_unit", "delegates",
                  "attendance", "documents")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not do this."))


def topics_with_new(names: str) -> list[Topic]:
    """Topics named one per line in ``names``: existing ones found, new ones added (the list is extensible)."""
    topics = []
    for name in (line.strip() for line in (names or "").splitlines()):
        if name:
            topics.append(Topic.objects.get_or_create(name=name[:200], defaults={"order": 100})[0])
    return topics


# --- Sessions and minutes ------------------------------------------------------------------------


@transaction.atomic
def session_save(*, actor, data: dict, session: Session | None = None) -> Session:
    """Create or change a session; ``data["topics"]`` (Topics) and ``data["new_topics"]`` (names, one a line)."""
    unit = data["organising_unit"]
    _require(policy.is_organiser(actor) and (session is None or policy.can_manage_session(actor, session))
             and policy.can_manage_session(actor, Session(organising_unit=unit)))
    if data.get("form") == "online" and not data.get("link"):
        raise ValidationError({"link": _("An online session needs its link.")})
    if data.get("form") == "in_person" and not data.get("place"):
        raise ValidationError({"place": _("A session in person needs its place.")})
    session = session or Session(created_by=actor)
    for name in SESSION_FIELDS:
        if name in data:
            setattr(session, name, data[name])
    session.save()
    session.topics.set([*data.get("topics", []), *topics_with_new(data.get("new_topics", ""))])
    return session


@transaction.atomic
def session_mark_held(*, actor, session: Session, attendance: int | None) -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    _require(policy.can_manage_session(actor, session))
    if session.status != SessionStatus.PLANNED:
        raise ValidationError(_("The session is already marked as held."))
    session.status = SessionStatus.HELD
    if attendance is not None:
        session.attendance = attendance
    session.save(update_fields=["status", "attendance", "updated_at"])
    return session


@transaction.atomic
def minutes_entry_add(*, actor, session: Session, data: dict, follow_up: dict | None = None,
                      today: dt.date) -> MinutesEntry:
    """Record a question raised; with ``follow_up`` (action, responsible_unit, due_date) it becomes a follow-up."""
    _require(policy.can_manage_session(actor, session))
    if session.status == SessionStatus.MINUTES_APPROVED:
        raise ValidationError(_("The minutes are approved: they can no longer be changed."))
    entry = MinutesEntry.objects.create(session=session, order=session.entries.count() + 1, **{
        k: data.get(k) or ("" if k != "topic" else None) for k in ("raised_by", "topic", "question", "answer",
                                                                    "answered_by")})
    if follow_up:
        if follow_up["due_date"] < today:
            raise ValidationError({"due_date": _("The deadline cannot be in the past.")})
        created = FollowUp.objects.create(entry=entry, action=follow_up["action"],
                                          responsible_unit=follow_up["responsible_unit"],
                                          due_date=follow_up["due_date"])
        _notify_unit(created.responsible_unit_id, kind="dialogue_follow_up_assigned",
                     params={"title": created.action[:120], "due": created.due_date.isoformat()},
                     url=created.get_absolute_url())
    return entry


@transaction.atomic
def minutes_approve(*, actor, session: Session, summary: str, now) -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    _require(policy.can_manage_session(actor, session))
    if session.status != SessionStatus.HELD:
        raise ValidationError(_("Only the minutes of a session held can be approved."))
    session.minutes_summary = summary
    session.status = SessionStatus.MINUTES_APPROVED
    session.minutes_approved_at, session.minutes_approved_by = now, actor
    session.save()
    return session


@transaction.atomic
def follow_up_resolve(*, actor, follow_up: FollowUp, resolution: str, today: dt.date) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update().select_related("entry__session").get(pk=follow_up.pk)
    _require(policy.can_resolve_follow_up(actor, follow_up))
    if follow_up.status == FollowUpStatus.RESOLVED:
        raise ValidationError(_("This follow-up is already resolved."))
    if not (resolution or "").strip():
        raise ValidationError({"resolution": _("Describe how the issue was resolved.")})
    follow_up.status, follow_up.resolution = FollowUpStatus.RESOLVED, resolution.strip()
    follow_up.resolved_on, follow_up.resolved_by = today, actor
    follow_up.save()
    return follow_up


# --- Public questions --------------------------------------------------------------------------------

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class RateLimited(ValidationError):
    """Too many submissions from one address (the page answers 429, keeping what was typed)."""


def _new_code() -> str:
    return "DT-" + "".join(secrets.choice(_CODE_ALPHABET) for _i in range(8))


def question_submit(*, session: Session, data: dict, address: str) -> Question:
    """A citizen's question (no actor: the public page). Refused beyond the address's limit or honeypot filled."""
    if data.get(abuse.HONEYPOT_FIELD):
        raise ValidationError(_("Your question could not be accepted. Please try again later."))
    if not session.accepts_questions:
        raise ValidationError(_("This session no longer accepts questions."))
    if not abuse.take(address):
        raise RateLimited(_("Too many questions were sent from your connection. Please try again later."))
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Question.objects.create(session=session, tracking_code=_new_code(), name=data["name"],
                                               contact=data["contact"], topic=data.get("topic"), text=data["text"])
        except IntegrityError:  # a tracking code drawn twice: draw again
            continue
    raise ValidationError(_("Your question could not be accepted. Please try again later."))


def _moderated(actor, question: Question) -> Question:
    question = Question.objects.select_for_update().select_related("session").get(pk=question.pk)
    _require(policy.can_manage_session(actor, question.session))
    return question


@transaction.atomic
def question_publish(*, actor, question: Question) -> Question:
    question = _moderated(actor, question)
    question.status, question.moderated_by, question.reject_reason, question.merged_into = (
        QuestionStatus.PUBLISHED, actor, "", None)
    question.save()
    return question


@transaction.atomic
def question_reject(*, actor, question: Question, reason: str) -> Question:
    question = _moderated(actor, question)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for the rejection.")})
    question.status, question.reject_reason, question.moderated_by = QuestionStatus.REJECTED, reason.strip(), actor
    question.save()
    return question


@transaction.atomic
def question_merge(*, actor, question: Question, into: Question) -> Question:
    """``question`` duplicates ``into`` (published or pending, same session): its citizen reads ``into``'s answer."""
    question = _moderated(actor, question)
    if into.pk == question.pk or into.session_id != question.session_id or into.status in (
            QuestionStatus.MERGED, QuestionStatus.REJECTED):
        raise ValidationError({"into": _("Choose another question of the same session, published or awaiting.")})
    question.status, question.merged_into, question.moderated_by = QuestionStatus.MERGED, into, actor
    question.save()
    return question


@transaction.atomic
def question_answer(*, actor, question: Question, answer: str, answered_by: str) -> Question:
    question = _moderated(actor, question)
    if question.status != QuestionStatus.PUBLISHED:
        raise ValidationError(_("Only a published question is answered."))
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Write the answer.")})
    question.answer, question.answered_by = answer.strip(), (answered_by or "").strip()
    question.save()
    return question


# --- Petitions and reception ---------------------------------------------------------------------------

PETITION_FIELDS = ("unit", "kind", "channel", "received_on", "petitioner", "contact", "summary", "complexity",
                   "remote_area")


def _petition_due(petition: Petition) -> dt.date:
    return limits.due_date(kind=petition.kind, received_on=petition.received_on, complexity=petition.complexity,
                           remote_area=petition.remote_area, extensions=petition.extensions)


@transaction.atomic
def petition_register(*, actor, data: dict, today: dt.date) -> Petition:
    _require(policy.can_register(actor) and policy.can_handle_petition(actor, Petition(unit=data["unit"])))
    if data["received_on"] > today:
        raise ValidationError({"received_on": _("The received date cannot be in the future.")})
    petition = Petition(created_by=actor, **{k: data[k] for k in PETITION_FIELDS if k in data})
    petition.due_date = _petition_due(petition)
    petition.save()
    return petition


def _locked_petition(petition: Petition) -> Petition:
    return Petition.objects.select_for_update().get(pk=petition.pk)


@transaction.atomic
def petition_assign(*, actor, petition: Petition, unit) -> Petition:
    petition = _locked_petition(petition)
    _require(policy.can_handle_petition(actor, petition))
    if not petition.is_open:
        raise ValidationError(_("This petition is no longer open."))
    petition.assigned_unit, petition.status = unit, PetitionStatus.ASSIGNED
    petition.save()
    _notify_unit(unit.pk, kind="dialogue_petition_assigned",
                 params={"title": str(petition), "due": petition.due_date.isoformat()}, url=petition.get_absolute_url())
    return petition


@transaction.atomic
def petition_extend(*, actor, petition: Petition, complexity: str) -> Petition:
    """An extension decided in writing (denunciations): once if complex, twice if especially complex."""
    petition = _locked_petition(petition)
    _require(policy.can_handle_petition(actor, petition))
    limit = limits.limit_for(petition.kind)
    if not petition.is_open or petition.extensions >= limits.allowed_extensions(limit, complexity):
        raise ValidationError(_("The time limit of this petition cannot be extended again."))
    petition.complexity, petition.extensions = complexity, petition.extensions + 1
    petition.due_date = _petition_due(petition)
    petition.save()
    return petition


@transaction.atomic
def petition_resolve(*, actor, petition: Petition, resolution: str, today: dt.date) -> Petition:
    petition = _locked_petition(petition)
    _require(policy.can_resolve_petition(actor, petition))
    if not petition.is_open:
        raise ValidationError(_("This petition is no longer open."))
    if not (resolution or "").strip():
        raise ValidationError({"resolution": _("Describe how the petition was resolved.")})
    petition.status, petition.resolution, petition.resolved_on = PetitionStatus.RESOLVED, resolution.strip(), today
    petition.save()
    return petition


@transaction.atomic
def petition_close(*, actor, petition: Petition, today: dt.date) -> Petition:
    petition = _locked_petition(petition)
    _require(policy.can_handle_petition(actor, petition))
    if petition.status != PetitionStatus.RESOLVED:
        raise ValidationError(_("Only a resolved petition is closed."))
    petition.status, petition.closed_on = PetitionStatus.CLOSED, today
    petition.save()
    return petition


@transaction.atomic
def reception_record(*, actor, data: dict, petition_data: dict | None = None, today: dt.date) -> ReceptionEntry:
    """A citizen received by ``data["unit"]``; with ``petition_data`` the matter is entered as a petition too."""
    _require(policy.can_register(actor) and policy.can_handle_petition(actor, Petition(unit=data["unit"])))
    if data["date"] > today:
        raise ValidationError({"date": _("The date cannot be in the future.")})
    petition = None
    if petition_data:
        petition = petition_register(actor=actor, today=today, data={
            **petition_data, "unit": data["unit"], "received_on": data["date"], "petitioner": data["citizen"],
            "summary": data["matter"]})
    return ReceptionEntry.objects.create(unit=data["unit"], date=data["date"], officer=actor, citizen=data["citizen"],
                                         matter=data["matter"], outcome=data.get("outcome", ""), petition=petition)


# --- Reminders (the daily beat task) ----------------------------------------------------------------------

DUE_SOON_DAYS = 3
FOLLOW_UP_ROLES = ("unit_head", "reviewer", "approver")


def _unit_heads(unit_id: int):
    return list(users_with_role(FOLLOW_UP_ROLES, unit_ids=[unit_id]))


def _notify_unit(unit_id: int, *, kind: str, params: dict, url: str, key: str | None = None) -> int:
    """A notice and an e-mail (reporting's machinery) to the heads of ``unit_id``."""
    from reporting.notifications import notify
    from reporting.services import email_queue

    heads = _unit_heads(unit_id)
    notify(heads, kind=kind, params=params, url=url)
    for user in heads:
        email_queue(users=[user], subject=_("Dialogue with citizens"), kind=kind, params=params, url=url,
                    key=f"{key}:{user.pk}" if key else None)
    return len(heads)


@transaction.atomic
def dialogue_reminders(*, today: dt.date) -> dict:
    """Due-soon and overdue follow-ups, overdue petitions: each told once to the responsible unit's heads."""
    counts = {"follow_ups_due": 0, "follow_ups_overdue": 0, "petitions_overdue": 0}
    open_follow_ups = FollowUp.objects.open().filter(due_date__lte=today + dt.timedelta(days=DUE_SOON_DAYS))
    for follow_up in open_follow_ups.select_related("responsible_unit"):
        overdue = follow_up.overdue_on(today)
        kind = "overdue" if overdue else "due_soon"
        if not Reminder.objects.filter(follow_up=follow_up, kind=kind).exists():
            Reminder.objects.create(follow_up=follow_up, kind=kind, sent_on=today)
            _notify_unit(follow_up.responsible_unit_id,
                         kind="dialogue_follow_up_overdue" if overdue else "dialogue_follow_up_due",
                         params={"title": follow_up.action[:120], "due": follow_up.due_date.isoformat()},
                         url=follow_up.get_absolute_url(), key=f"dialogue-follow-up:{follow_up.pk}:{kind}")
            counts["follow_ups_overdue" if overdue else "follow_ups_due"] += 1
    for petition in Petition.objects.overdue(today):
        if not Reminder.objects.filter(petition=petition, kind="overdue").exists():
            Reminder.objects.create(petition=petition, kind="overdue", sent_on=today)
            params = {"title": str(petition), "due": petition.due_date.isoformat()}
            for unit_id in {petition.unit_id, petition.assigned_unit_id} - {None}:
                _notify_unit(unit_id, kind="dialogue_petition_overdue", params=params, url=petition.get_absolute_url(),
                             key=f"dialogue-petition:{petition.pk}:overdue")
            counts["petitions_overdue"] += 1
    return counts
