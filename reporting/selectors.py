"""Reads of the reporting layer. Who may see or do what is decided in ``reporting.policy``."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet

from plans.policy import is_admin
from plans.selectors import unit_scope_ids, unit_tree

from .models import Holiday, ReportRequest, RequestStatus, Review, Submission
from .policy import can_fill, can_oversee, can_review, is_reviewer, is_unit_head


def holidays_between(start: dt.date, end: dt.date) -> frozenset[dt.date]:
    return frozenset(Holiday.objects.filter(date__range=(start, end)).values_list("date", flat=True))


def unit_ancestor_ids(unit_id: int) -> frozenset[int]:
    """The unit and every unit above it."""
    tree = unit_tree()
    found, current = set(), unit_id
    while current is not None and current not in found:
        found.add(current)
        current = tree.get(current)
    return frozenset(found)


# --- Reads -------------------------------------------------------------------


def request_base_queryset() -> QuerySet:
    return ReportRequest.objects.select_related("obligation__plan", "obligation__recipient_unit", "unit", "period")


def inbox(*, user, include_closed: bool = False) -> QuerySet:
    """What the user's unit owes (open first by deadline); empty for a user without a unit."""
    if not user.is_authenticated or not user.unit_id:
        return ReportRequest.objects.none()
    qs = request_base_queryset().filter(unit_id=user.unit_id)
    if not include_closed:
        qs = qs.exclude(status=RequestStatus.ACCEPTED)
    return qs.order_by("due_date", "id")


def review_queue(*, user) -> QuerySet:
    """Submitted reports that ``user`` may review, oldest deadline first."""
    if not is_reviewer(user):
        return ReportRequest.objects.none()
    qs = request_base_queryset().filter(status=RequestStatus.SUBMITTED)
    if not is_admin(user):
        qs = qs.filter(obligation__recipient_unit_id__in=unit_scope_ids(user.unit_id))
    return qs.order_by("due_date", "id")


def request_for_fill(*, user, pk: int) -> ReportRequest | None:
    """The request ``pk`` if ``user`` may fill it in, else ``None`` (the view answers 404)."""
    request = request_base_queryset().filter(pk=pk).first()
    return request if request and can_fill(user, request) else None


def request_for_review(*, user, pk: int) -> ReportRequest | None:
    request = request_base_queryset().prefetch_related(
        Prefetch("submissions", queryset=Submission.objects.select_related("submitted_by")
                 .prefetch_related("reviews__reviewer"))
    ).filter(pk=pk).first()
    return request if request and can_review(user, request) else None


def latest_submission(request: ReportRequest) -> Submission | None:
    return request.submissions.order_by("-version").first()


def last_review(request: ReportRequest) -> Review | None:
    return Review.objects.filter(submission__request=request).select_related("reviewer").first()


def unit_tasks(request: ReportRequest) -> QuerySet:
    """The plan's responsibilities led by the request's unit (the tasks it reports on)."""
    from plans.models import Responsibility

    return (Responsibility.objects.filter(plan_id=request.obligation.plan_id, lead_unit_id=request.unit_id)
            .select_related("item").order_by("item__section__order", "item__order", "id"))


def overdue_requests(*, today: dt.date) -> QuerySet:
    return request_base_queryset().filter(
        Q(status=RequestStatus.OVERDUE) | Q(status__in=RequestStatus.open(), due_date__lt=today)
    ).order_by("due_date", "unit__name")


# --- Compliance (DHIS2: reporting rate and on-time rate) ----------------------


def obligation_for_compliance(*, user, pk: int):
    """The obligation ``pk`` if ``user`` may see its compliance (a reviewer of its recipient unit), else None."""
    from .models import ReportingObligation

    obligation = ReportingObligation.objects.select_related("plan", "recipient_unit").filter(pk=pk).first()
    return obligation if obligation and can_oversee(user, obligation) else None


def compliance(*, obligation, today: dt.date) -> dict:
    """Units × periods of ``obligation``: each cell on time / late / missing / pending, with the rates per period.

    Expected reports are the requests whose deadline has passed; a report counts as
    completed once submitted (and not returned), on time if first submitted by the deadline.
    """
    from django.utils import timezone

    requests = list(ReportRequest.objects.filter(obligation=obligation).select_related("unit", "period")
                    .order_by("period__start", "unit__order", "unit__name"))
    periods, units, cells = [], [], {}
    for req in requests:
        if req.period not in periods:
            periods.append(req.period)
        if req.unit not in units:
            units.append(req.unit)
        done = req.status in (RequestStatus.SUBMITTED, RequestStatus.ACCEPTED)
        if done:
            on_time = timezone.localdate(req.submitted_at) <= req.due_date if req.submitted_at else False
            state = "on_time" if on_time else "late"
        elif req.due_date < today:
            state = "missing"
        else:
            state = "pending"
        cells[(req.unit_id, req.period_id)] = (state, req)
    rates = []
    for period in periods:
        states = [cells[(u.pk, period.pk)][0] for u in units if (u.pk, period.pk) in cells]
        expected = sum(1 for s in states if s != "pending")
        completed = sum(1 for s in states if s in ("on_time", "late"))
        on_time = sum(1 for s in states if s == "on_time")
        rates.append({
            "period": period, "expected": expected, "completed": completed, "on_time": on_time,
            "missing": sum(1 for s in states if s == "missing"),
            "reporting_rate": round(100 * completed / expected) if expected else None,
            "on_time_rate": round(100 * on_time / expected) if expected else None,
        })
    rows = [(unit, [cells.get((unit.pk, p.pk)) for p in periods]) for unit in units]
    return {"periods": periods, "rows": rows, "rates": rates}


def notifications(*, user, limit: int = 50) -> list:
    from .models import Notification

    return list(Notification.objects.filter(user=user)[:limit]) if user.is_authenticated else []


# --- iCalendar feed (private link) ----------------------------------------------

_ICAL_SALT = "reporting.ical"


def _calendar_signature(user) -> str:
    from django.utils.crypto import salted_hmac

    return salted_hmac(_ICAL_SALT, f"{user.pk}.{user.password}", algorithm="sha256").hexdigest()[:32]


def calendar_token(user) -> str:
    """A private token for ``user``'s deadline feed; changing the password revokes it."""
    return f"{user.pk}-{_calendar_signature(user)}"


def user_from_calendar_token(token: str):
    from django.utils.crypto import constant_time_compare

    from plans.models import User

    pk, _sep, signature = token.partition("-")
    if not pk.isdigit():
        return None
    user = User.objects.filter(pk=pk, is_active=True).select_related("unit").first()
    return user if user and constant_time_compare(signature, _calendar_signature(user)) else None


def calendar_requests(*, user) -> QuerySet:
    """Deadlines in the feed: what the user's unit owes (a unit head) or what waits for review (a reviewer)."""
    if is_unit_head(user):
        return inbox(user=user)
    return review_queue(user=user)


def consolidated_for(*, obligation, period_id: int):
    """(period, consolidated report or None) of ``obligation``; (None, None) for a period it never had."""
    from .models import ConsolidatedReport, Period

    period = Period.objects.filter(pk=period_id, requests__obligation=obligation).distinct().first()
    if period is None:
        return None, None
    return period, ConsolidatedReport.objects.filter(obligation=obligation, period=period).first()


def plan_obligations(plan) -> QuerySet:
    """The reporting obligations of ``plan`` with their recipient and named units (2 queries)."""
    from .models import ReportingObligation

    return (ReportingObligation.objects.filter(plan=plan).select_related("recipient_unit")
            .prefetch_related("units").order_by("-is_active", "title", "id"))


def latest_submitted(request: ReportRequest) -> Submission | None:
    return request.submissions.exclude(submitted_at=None).order_by("-version").first()


def indicator_rows(obligation, submission) -> list[tuple[str, str, str]]:
    """(label, value, unit of measure) of each indicator of ``obligation`` in ``submission``."""
    from django.utils.formats import number_format

    from .indicators import normalized

    if submission is None:
        return []
    values = submission.indicator_values or {}
    rows = []
    for indicator in normalized(obligation.indicators):
        raw = values.get(indicator["code"])
        rows.append((indicator["label"], number_format(raw) if raw not in (None, "") else "", indicator["unit"]))
    return rows
