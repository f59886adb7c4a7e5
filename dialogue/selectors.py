"""Reads of the dialogue app: each list applies the user's visibility (``policy``) and is bounded in queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from plans.selectors import unit_scope_ids

from . import policy
from .choices import FollowUpStatus, PetitionKind, PetitionStatus, QuestionStatus, SessionForm, SessionStatus
from .models import FollowUp, Minutes, MinutesEntry, Petition, Question, ReceptionEntry, Session, Topic


def session_list(*, user, filters: dict | None = None) -> QuerySet:
    filters = filters or {}
    sessions = (Session.objects.filter(policy.session_visibility_q(user))
                .select_related("organising_unit", "chair").prefetch_related("topics")
                .annotate(entry_count=Count("entries", distinct=True),
                          pending_questions=Count("questions", filter=Q(questions__status=QuestionStatus.PENDING),
                                                  distinct=True))
                .order_by("-starts_at", "-pk"))
    if filters.get("status") in SessionStatus.values:
        sessions = sessions.filter(status=filters["status"])
    if filters.get("form") in SessionForm.values:
        sessions = sessions.filter(form=filters["form"])
    year = str(filters.get("year") or "")
    if year.isdigit() and len(year) == 4:
        sessions = sessions.filter(starts_at__year=int(year))
    return sessions


def session_get(*, user, pk: int) -> Session:
    session = (Session.objects.filter(policy.session_visibility_q(user), pk=pk)
               .select_related("organising_unit__parent", "chair", "plan", "minutes_approved_by").first())
    if session is None:
        raise Http404
    return session


def session_entries(session: Session) -> list[MinutesEntry]:
    return list(session.entries.select_related("topic", "follow_up__responsible_unit"))


def minutes_get(*, user, pk: int) -> Minutes:
    minutes = Minutes.objects.filter(pk=pk).select_related("session").first()
    if minutes is None or not policy.can_manage_session(user, minutes.session):
        raise Http404
    return minutes


def can_view_session(user, session) -> bool:
    return policy.can_manage_session(user, session)


def can_view_minutes(user, minutes) -> bool:
    return policy.can_manage_session(user, minutes.session)


def moderation_questions(session: Session) -> QuerySet:
    return session.questions.select_related("topic", "merged_into").order_by("status", "created_at", "pk")


def follow_up_list(*, user, filters: dict | None = None, today: dt.date) -> QuerySet:
    filters = filters or {}
    follow_ups = (FollowUp.objects.filter(policy.follow_up_visibility_q(user))
                  .select_related("responsible_unit", "entry__session", "entry__topic", "resolved_by"))
    if filters.get("mine") and user.unit_id:
        follow_ups = follow_ups.filter(responsible_unit_id__any=unit_scope_ids(user.unit_id))
    if filters.get("status") in FollowUpStatus.values:
        follow_ups = follow_ups.filter(status=filters["status"])
    if filters.get("overdue"):
        follow_ups = follow_ups.overdue(today)
    return follow_ups.order_by("status", "due_date", "pk")


def follow_up_get(*, user, pk: int) -> FollowUp:
    follow_up = (FollowUp.objects.filter(policy.follow_up_visibility_q(user), pk=pk)
                 .select_related("entry__session", "responsible_unit").first())
    if follow_up is None:
        raise Http404
    return follow_up


def petition_list(*, user, filters: dict | None = None, today: dt.date) -> QuerySet:
    filters = filters or {}
    petitions = (Petition.objects.filter(policy.petition_visibility_q(user)).with_overdue(today)
                 .select_related("unit", "assigned_unit"))
    if filters.get("kind") in PetitionKind.values:
        petitions = petitions.filter(kind=filters["kind"])
    if filters.get("status") in PetitionStatus.values:
        petitions = petitions.filter(status=filters["status"])
    if filters.get("overdue"):
        petitions = petitions.overdue(today)
    return petitions


def petition_get(*, user, pk: int, today: dt.date) -> Petition:
    petition = (Petition.objects.filter(policy.petition_visibility_q(user), pk=pk).with_overdue(today)
                .select_related("unit", "assigned_unit", "created_by").first())
    if petition is None:
        raise Http404
    return petition


def reception_list(*, user) -> QuerySet:
    return (ReceptionEntry.objects.filter(policy.reception_visibility_q(user))
            .select_related("unit", "officer", "petition"))


# --- The public page (no login) ---------------------------------------------------------------------------


def public_sessions(*, now) -> QuerySet:
    """Online sessions still to come or under way today (they accept questions)."""
    start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return (Session.objects.filter(form=SessionForm.ONLINE, status=SessionStatus.PLANNED, starts_at__gte=start_of_day)
            .prefetch_related("topics").order_by("starts_at"))


def public_past_sessions() -> QuerySet:
    return (Session.objects.filter(form=SessionForm.ONLINE).exclude(status=SessionStatus.PLANNED)
            .order_by("-starts_at")[:10])


def public_session(pk: int) -> Session:
    session = Session.objects.filter(form=SessionForm.ONLINE, pk=pk).prefetch_related("topics").first()
    if session is None:
        raise Http404
    return session


def published_questions(session: Session) -> QuerySet:
    """Only published questions, never a contact (the template reads name, topic, text and answer)."""
    return (session.questions.filter(status=QuestionStatus.PUBLISHED).select_related("topic")
            .only("pk", "name", "text", "answer", "answered_by", "topic__name", "created_at", "session_id")
            .order_by("created_at", "pk"))


def question_by_code(code: str) -> Question | None:
    code = (code or "").strip().upper()[:20]
    if not code:
        return None
    return Question.objects.filter(tracking_code=code).select_related("session", "merged_into", "topic").first()


def active_topics() -> QuerySet:
    return Topic.objects.filter(is_active=True)


# --- Figures for the report section and the dashboard --------------------------------------------------------


def figures(*, unit_ids=None, start: dt.date, end: dt.date, today: dt.date) -> dict:
    """Sessions, issues and petitions of the units ``unit_ids`` (None: all) between ``start`` and ``end``.

    Four queries; petitions are counted by their received date, issues by their session's date.
    """
    sessions = Session.objects.filter(starts_at__date__gte=start, starts_at__date__lte=end)
    petitions = Petition.objects.filter(received_on__gte=start, received_on__lte=end)
    follow_ups = FollowUp.objects.filter(entry__session__starts_at__date__gte=start,
                                         entry__session__starts_at__date__lte=end)
    entries = MinutesEntry.objects.filter(session__starts_at__date__gte=start, session__starts_at__date__lte=end)
    if unit_ids is not None:
        sessions = sessions.filter(organising_unit_id__any=unit_ids)
        entries = entries.filter(session__organising_unit_id__any=unit_ids)
        follow_ups = follow_ups.filter(responsible_unit_id__any=unit_ids)
        petitions = petitions.filter(unit_id__any=unit_ids)
    held = ~Q(status=SessionStatus.PLANNED)
    result = sessions.aggregate(sessions_planned=Count("id"), sessions_held=Count("id", filter=held))
    result["issues_raised"] = entries.count()
    result.update(follow_ups.aggregate(follow_ups=Count("id"),
                                       follow_ups_resolved=Count("id", filter=Q(status=FollowUpStatus.RESOLVED)),
                                       follow_ups_overdue=Count("id", filter=Q(status=FollowUpStatus.OPEN,
                                                                               due_date__lt=today))))
    counts = {kind: {"received": 0, "resolved": 0, "open": 0, "overdue": 0} for kind in PetitionKind.values}
    rows = petitions.values("kind").annotate(
        received=Count("id"), resolved=Count("id", filter=Q(status__in=(PetitionStatus.RESOLVED,
                                                                          PetitionStatus.CLOSED))),
        open=Count("id", filter=Q(status__in=PetitionStatus.open())),
        overdue=Count("id", filter=Q(status__in=PetitionStatus.open(), due_date__lt=today)))
    for row in rows:
        counts[row["kind"]] = {k: row[k] for k in ("received", "resolved", "open", "overdue")}
    result["petitions"] = counts
    return result


AGE_BUCKETS = ((1, 15), (16, 30), (31, None))


def overdue_by_age(*, unit_ids=None, today: dt.date) -> list[tuple[str, int]]:
    """Open petitions past their due date by days late: 1–15, 16–30, more than 30 (one query)."""
    petitions = Petition.objects.overdue(today)
    if unit_ids is not None:
        petitions = petitions.filter(unit_id__any=unit_ids)
    filters = {}
    for low, high in AGE_BUCKETS:
        q = Q(due_date__lte=today - dt.timedelta(days=low))
        if high is not None:
            q &= Q(due_date__gte=today - dt.timedelta(days=high))
        filters[f"{low}-{high or ''}"] = Count("id", filter=q)
    counts = petitions.aggregate(**filters)
    return [(key, counts[key]) for key in filters]


def open_petitions(*, unit_ids=None) -> int:
    petitions = Petition.objects.open()
    return (petitions.filter(unit_id__any=unit_ids) if unit_ids is not None else petitions).count()


