"""Reads of coordination: every list applies the user's visibility (``coordination.policy``)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from . import policy
from .choices import DutyStatus, FollowUpStatus, IncidentStatus, MeetingKind, MeetingStatus, ModelStatus
from .models import Agreement, Duty, DvkModel, Evidence, FollowUp, Incident, Meeting, Minutes, Party


def _get(queryset, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def agreement_list(*, user):
    visible = Agreement.objects.filter(pk__in=Agreement.objects.filter(policy.agreements_q(user)).values("pk"))
    return (visible.select_related("plan")
            .prefetch_related(Prefetch("parties", queryset=Party.objects.select_related("unit")))
            .annotate(duty_count=Count("duties", distinct=True),
                      done_count=Count("duties", filter=Q(duties__status=DutyStatus.DONE), distinct=True),
                      meeting_count=Count("meetings", distinct=True),
                      held_count=Count("meetings", filter=Q(meetings__status=MeetingStatus.HELD), distinct=True))
            .order_by("-plan__year", "plan__title"))


def agreement_get(*, user, pk: int) -> Agreement:
    return _get(Agreement.objects.filter(policy.agreements_q(user)).select_related("plan__owner_unit").distinct(), pk)


def agreement_duties(agreement: Agreement):
    return (agreement.duties.select_related("party__unit", "responsible")
            .annotate(note_count=Count("notes", distinct=True), evidence_count=Count("evidence", distinct=True)))


def agreement_meetings(agreement: Agreement):
    return agreement.meetings.select_related("host__unit", "minutes").annotate(
        followup_count=Count("followups"),
        open_count=Count("followups", filter=Q(followups__status=FollowUpStatus.OPEN)))


def duty_get(*, user, pk: int) -> Duty:
    return _get(Duty.objects.filter(policy.agreements_q(user, prefix="agreement__"))
                .select_related("agreement__plan", "party__unit", "responsible").distinct(), pk)


def meeting_get(*, user, pk: int) -> Meeting:
    return _get(Meeting.objects.filter(policy.agreements_q(user, prefix="agreement__"))
                .select_related("agreement__plan__owner_unit", "host__unit").distinct(), pk)


def minutes_get(*, user, pk: int) -> Minutes:
    return _get(Minutes.objects.filter(policy.agreements_q(user, prefix="meeting__agreement__"))
                .select_related("meeting__agreement__plan", "meeting__host__unit").distinct(), pk)


def meeting_list(*, user, year: int | None = None):
    meetings = Meeting.objects.filter(agreement__in=Agreement.objects.filter(policy.agreements_q(user)).values("pk"))
    if year:
        meetings = meetings.filter(year=year)
    return meetings.select_related("agreement__plan", "host__unit").order_by("date", "id")


def followups_of(*, user, include_done: bool = False):
    """The follow-ups ``user`` owns ("my follow-ups")."""
    found = FollowUp.objects.filter(owner=user)
    if not include_done:
        found = found.filter(status=FollowUpStatus.OPEN)
    return found.select_related("meeting__agreement__plan", "owner").order_by("status", "deadline", "id")


def followup_get(*, user, pk: int) -> FollowUp:
    visible = Q(owner=user) | policy.agreements_q(user, prefix="meeting__agreement__")
    return _get(FollowUp.objects.filter(visible).select_related("meeting__agreement__plan").distinct(), pk)


def evidence_get(*, user, pk: int) -> Evidence:
    evidence = _get(Evidence.objects.select_related("duty__agreement"), pk)
    if not policy.can_view_evidence(user, evidence):
        raise Http404
    return evidence


def model_list(*, user, year: int | None = None, status: str = ""):
    models = DvkModel.objects.filter(policy.models_q(user))
    if year:
        models = models.filter(year=year)
    if status in ModelStatus.values:
        models = models.filter(status=status)
    return models.select_related("unit").annotate(replication_count=Count("replications")).order_by(
        "-year", "status", "title")


def model_get(*, user, pk: int) -> DvkModel:
    return _get(DvkModel.objects.filter(policy.models_q(user)).select_related("unit", "proposed_by"), pk)


def incident_list(*, user, open_only: bool = False):
    incidents = Incident.objects.filter(
        agreement__in=Agreement.objects.filter(policy.agreements_q(user)).values("pk"))
    if open_only:
        incidents = incidents.filter(status__in=IncidentStatus.open())
    return incidents.select_related("agreement__plan", "assignee").annotate(action_count=Count("actions"))


def incident_get(*, user, pk: int) -> Incident:
    return _get(Incident.objects.filter(policy.agreements_q(user, prefix="agreement__"))
                .select_related("agreement__plan", "assignee").distinct(), pk)


def dashboard_summary(*, user, year: int) -> dict:
    """Leadership's figures of ``year`` over the agreements ``user`` sees (four queries)."""
    agreements = Agreement.objects.filter(policy.agreements_q(user)).filter(plan__year=year).values("pk")
    duties = (Duty.objects.filter(agreement__in=agreements).values("party__unit__short_name", "party__unit__name",
                                                                   "status")
              .annotate(count=Count("id")).order_by("party__unit__name", "status"))
    by_party: dict[str, dict] = {}
    for row in duties:
        name = row["party__unit__short_name"] or row["party__unit__name"]
        by_party.setdefault(name, {status: 0 for status in DutyStatus.values})[row["status"]] = row["count"]
    meetings = Meeting.objects.filter(agreement__in=agreements, kind__in=MeetingKind.scheduled()).aggregate(
        planned=Count("id"), held=Count("id", filter=Q(status=MeetingStatus.HELD)))
    selected = DvkModel.objects.filter(policy.models_q(user), year=year, status=ModelStatus.SELECTED).count()
    open_incidents = Incident.objects.filter(
        agreement__in=Agreement.objects.filter(policy.agreements_q(user)).values("pk"),
        status__in=IncidentStatus.open()).count()
    if not by_party and not meetings["planned"] and not selected and not open_incidents:
        return {}
    return {"by_party": by_party, "statuses": DutyStatus.choices, "meetings": meetings,
            "models_selected": selected, "open_incidents": open_incidents}


def checklist_overview(*, user, year: int | None = None):
    """Each visible checklist with its items done and in all (one query)."""
    from .models import Checklist

    found = Checklist.objects.filter(policy.unit_records_q(user))
    if year:
        found = found.filter(year=year)
    return found.select_related("unit").annotate(
        done_count=Count("entries", filter=Q(entries__done=True)), total=Count("entries")).order_by("-year",
                                                                                                   "unit__name")


def checklist_get(*, user, pk: int):
    from .models import Checklist

    return _get(Checklist.objects.filter(policy.unit_records_q(user)).select_related("unit"), pk)


def committee_list(*, user):
    from .models import SteeringCommittee

    return (SteeringCommittee.objects.filter(policy.unit_records_q(user)).select_related("unit", "plan")
            .annotate(member_count=Count("members")).order_by("unit__name"))


def committee_get(*, user, pk: int):
    from .models import SteeringCommittee

    return _get(SteeringCommittee.objects.filter(policy.unit_records_q(user)).select_related("unit", "plan"), pk)


def unit_checklist_progress(unit_id: int, year: int) -> dict:
    """``{"done": n, "total": m}`` of the unit's checklist of ``year`` (zeros when it has none)."""
    from .models import ChecklistEntry

    counts = ChecklistEntry.objects.filter(checklist__unit_id=unit_id, checklist__year=year).aggregate(
        done=Count("id", filter=Q(done=True)), total=Count("id"))
    return {"done": counts["done"] or 0, "total": counts["total"] or 0}


def commitment_list(*, user, year: int | None = None):
    """Commitments ``user`` may see: the department's staff all; others their unit's and their own."""
    from .models import Commitment

    found = Commitment.objects.filter(policy.unit_records_q(user) | Q(person=user))
    if year:
        found = found.filter(year=year)
    return found.select_related("unit", "person").order_by("-year", "unit__name", "person__last_name", "id")


def commitment_get(*, user, pk: int):
    from .models import Commitment

    return _get(Commitment.objects.filter(policy.unit_records_q(user) | Q(person=user)).select_related(
        "unit", "person"), pk)


def calendar_meetings(user, today):
    """The meetings of the joint plans ``user`` may see, from a month ago to a year ahead (the private feed)."""
    import datetime as dt

    from reporting.extensions import CalendarEvent

    from .models import Meeting
    from .policy import agreements_q

    window = (today - dt.timedelta(days=31), today + dt.timedelta(days=366))
    meetings = (Meeting.objects.filter(agreements_q(user, prefix="agreement__"), date__range=window)
                .select_related("agreement__plan").order_by("date", "pk")[:200])
    for meeting in meetings:
        where = " — ".join(part for part in (meeting.place, str(meeting.agreement.plan)) if part)
        yield CalendarEvent(uid=f"coordination-meeting-{meeting.pk}", day=meeting.date, summary=str(meeting),
                            url=meeting.get_absolute_url(), description=where)
