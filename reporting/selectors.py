"""Reads of the reporting layer. Who may see or do what is decided in ``reporting.policy``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When

from plans.choices import UnitKind
from plans.prepared import PreparedQuery
from plans.selectors import unit_tree

from .models import (
    Holiday,
    ReportRequest,
    RequestStatus,
    Review,
    Submission,
    SubmissionAttachment,
    TaskStatus,
    UnitsRule,
)
from .policy import (
    can_fill,
    can_oversee,
    can_review,
    deleted_consolidated_q,
    fillable_requests_q,
    is_unit_head,
    reviewable_requests_q,
)


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


def inbox(*, user, today: dt.date, include_closed: bool = False) -> QuerySet:
    """The user's unit's reports by deadline, each with ``is_overdue``: all of this year's (accepted ones
    included, so every period of the year shows its state) and what is still open from earlier years;
    ``include_closed``: the accepted reports of earlier years too. Empty for one who fills in nothing."""
    qs = request_base_queryset().filter(fillable_requests_q(user)).with_overdue(today)
    if not include_closed:
        qs = qs.exclude(status=RequestStatus.ACCEPTED, due_date__lt=dt.date(today.year, 1, 1))
    return qs.order_by("due_date", "id")


@dataclass(frozen=True, slots=True)
class InboxRow:
    """One report of the inbox as plain values (a unit owes dozens at a time; model objects cost ~0.1 ms each)."""

    pk: int
    title: str
    plan: str
    period: str
    start: dt.date
    end: dt.date
    recipient: str
    due_date: dt.date
    status: str
    is_overdue: bool
    submitted_at: dt.datetime | None

    @property
    def is_open(self) -> bool:
        return self.status in RequestStatus.open()


_INBOX_ROW_FIELDS = (
    "pk", "obligation__title", "obligation__plan__title", "obligation__plan__number", "obligation__plan__symbol",
    "obligation__plan__header_style", "period__period_type", "period__year", "period__index", "period__start",
    "period__end", "obligation__recipient_unit__name", "obligation__recipient_unit__short_name", "due_date",
    "status", "is_overdue", "submitted_at",
)


# --- What the unit heads read on deadline day, cached per unit ---------------------------------------------------
# Keyed by generations (plans.caching.generation): SETUP changes with what the reports are asked by (obligations,
# their indicators, plans and their content, units, periods, holidays), REQUESTS with every request the daily job
# opens, and ``REQUESTS:<unit id>`` with any request of that unit (``unit_requests_changed``). The day and the
# language are in the key too: the rows say "n days late" and the periods are named in the reader's language.

SETUP, REQUESTS = "reporting-setup", "reporting-requests"
UNIT_CACHE_SECONDS = 3600


def _unit_generations(unit_id: int) -> tuple[str, ...]:
    return SETUP, REQUESTS, f"{REQUESTS}:{unit_id}"


def _unit_name(what: str, unit_id: int, *parts) -> str:
    """``what`` of the unit in the reader's language: a cache key for ``read_through_at``, which keeps the unit's
    generations with the value."""
    from django.utils.translation import get_language

    return ":".join(str(p) for p in (f"reporting:{what}", unit_id, get_language(), *parts))


def _unit_key(what: str, unit_id: int, *parts, holder=None) -> str:
    """``_unit_name`` with the unit's generations in it (a key for ``read_through`` and the rendered fragments);
    ``holder``: the logged-in user of that unit, whose generations were read with their roles
    (``unit_generation_keys``)."""
    from plans.caching import generations

    versions = ":".join(str(g) for g in generations(*_unit_generations(unit_id), holder=holder))
    return f"{_unit_name(what, unit_id, *parts)}@{versions}"


def unit_generation_keys(user) -> list[str]:
    """The cache keys of the generations of ``user``'s unit, read with their roles (``plans.extensions.
    user_cache_keys``): the inbox's key is made of them, at every visit of a unit head."""
    from plans.caching import generation_key

    return [generation_key(name) for name in _unit_generations(user.unit_id)] if user.unit_id else []


def setup_changed() -> None:
    """What the reports are asked by changed in a bulk write (its saves and deletes move ``SETUP`` on by themselves:
    ``reporting.apps``)."""
    from plans.caching import next_generation

    next_generation(SETUP)


def unit_requests_changed(sender=None, instance=None, **kwargs) -> None:
    """Signal receiver: a request of ``instance.unit_id`` was saved or deleted."""
    from plans.caching import next_generation

    next_generation(f"{REQUESTS}:{instance.unit_id}")


def requests_opened() -> None:
    """The daily job (or a generator) inserted requests in bulk: no signal was sent (the inboxes and the
    overview count them)."""
    from plans.caching import next_generation

    from .dashboards.selectors import invalidate

    next_generation(REQUESTS)
    invalidate()


def inbox_key(*, user, today: dt.date, include_closed: bool = False, limit: int = 200) -> str:
    """The cache key of what the inbox of ``user``'s unit shows on ``today`` (its rows; the inbox page keeps its
    rendered rows and periods to come under it too): it moves with everything they are read from (``_unit_key``)."""
    return _unit_key("inbox", user.unit_id, f"{today:%Y%m%d}", int(include_closed), limit, holder=user)


def inbox_rows(*, user, today: dt.date, include_closed: bool = False, limit: int = 200) -> list[InboxRow]:
    """The first ``limit`` reports of ``inbox`` as ``InboxRow`` (one query, no model object), cached per unit."""
    from plans.caching import read_through

    if not is_unit_head(user):
        return []
    return read_through(inbox_key(user=user, today=today, include_closed=include_closed, limit=limit),
                        UNIT_CACHE_SECONDS,
                        lambda: _inbox_rows(user=user, today=today, include_closed=include_closed, limit=limit))


def _inbox_rows(*, user, today: dt.date, include_closed: bool, limit: int) -> list[InboxRow]:
    from plans.models import Plan, Unit

    from .periods import period_label

    plans, periods, recipients, rows = {}, {}, {}, []
    for (pk, title, plan_title, number, symbol, header_style, period_type, year, index, start, end, recipient,
         recipient_short, due_date, status, is_overdue, submitted_at) in (
            inbox(user=user, today=today, include_closed=include_closed).values_list(*_INBOX_ROW_FIELDS)[:limit]):
        plan = plans.get((plan_title, number, symbol, header_style))
        if plan is None:  # the same rule as Plan.__str__, once per plan
            plan = plans[(plan_title, number, symbol, header_style)] = str(
                Plan(title=plan_title, number=number, symbol=symbol, header_style=header_style))
        period = periods.get((period_type, year, index, start, end))
        if period is None:
            period = periods[(period_type, year, index, start, end)] = period_label(period_type, year, index,
                                                                                    start, end)
        if (recipient, recipient_short) not in recipients:
            recipients[(recipient, recipient_short)] = Unit(name=recipient, short_name=recipient_short).display_short
        rows.append(InboxRow(pk=pk, title=title, plan=plan, period=period, start=start, end=end,
                             recipient=recipients[(recipient, recipient_short)], due_date=due_date, status=status,
                             is_overdue=is_overdue, submitted_at=submitted_at))
    return rows


@dataclass(frozen=True)
class UpcomingReport:
    """A period of the year whose request is not open yet: what the unit will owe, and from when."""

    obligation: object
    period_label: str
    start: dt.date
    end: dt.date
    due_date: dt.date
    opens_on: dt.date


def inbox_upcoming(*, user, today: dt.date) -> list[UpcomingReport]:
    """The rest of the year for the user's unit: each period of its obligations not opened yet (3 queries, cached
    per unit and day)."""
    from plans.caching import read_through

    if not is_unit_head(user):
        return []
    return read_through(_unit_key("upcoming", user.unit_id, f"{today:%Y%m%d}"), UNIT_CACHE_SECONDS,
                        lambda: _inbox_upcoming(user=user, today=today))


def _inbox_upcoming(*, user, today: dt.date) -> list[UpcomingReport]:
    from . import schedule
    from .models import ReportingObligation
    from .periods import period_label

    unit = user.unit
    through = dt.date(today.year, 12, 31)
    holidays = holidays_between(today, dt.date(today.year + 1, 12, 31))
    rows = []
    if not unit.is_active:
        return []
    # the obligations this unit owes (the rules of schedule.obligation_units, as a filter: no unit list is read)
    # (the named units as a subquery: a join would need DISTINCT over every column read)
    named = ReportingObligation.units.through.objects.filter(unit=unit).values("reportingobligation_id")
    owed = Q(units_rule=UnitsRule.UNIT_KIND, unit_kind=unit.kind) | Q(units_rule=UnitsRule.NAMED, pk__in=named)
    if unit.kind == UnitKind.FACILITY:
        owed |= Q(units_rule=UnitsRule.ALL_FACILITIES)
    obligations = (ReportingObligation.objects.filter(owed, is_active=True,
                                                      plan__status__in=schedule.ACTIVE_PLAN_STATUSES)
                   .select_related("plan"))
    for obligation in obligations:
        for span, due, opens in schedule.upcoming_spans(obligation, today=today, holidays=holidays, through=through):
            rows.append(UpcomingReport(obligation=obligation, due_date=due, opens_on=opens, start=span.start,
                                       end=span.end, period_label=period_label(span.period_type, span.year,
                                                                               span.index, span.start, span.end)))
    return sorted(rows, key=lambda row: (row.due_date, row.obligation.title))


def review_queue(*, user) -> QuerySet:
    """Submitted reports that ``user`` may review, oldest deadline first."""
    return (request_base_queryset().filter(reviewable_requests_q(user), status=RequestStatus.SUBMITTED)
            .order_by("due_date", "id"))


def request_for_fill(*, user, pk: int) -> ReportRequest | None:
    """The request ``pk`` if ``user`` may fill it in, else ``None`` (the view answers 404): with its obligation,
    plan, unit, period, indicators and the apps' sections it has, cached per unit (``_unit_key``, and the sections'
    ``applies_generations``: a change to any of them shows at once)."""
    from plans.caching import read_through_at

    if not is_unit_head(user):
        return None

    from .extensions import keep_sections_applying, section_generations

    def load():
        found = request_base_queryset().filter(pk=pk, unit_id=user.unit_id).first()
        if found is not None:  # read now, kept with it: its indicators (indicators.obligation_indicators), its tasks,
            found.obligation.indicators  # noqa: B018
            found._unit_tasks = _unit_responsibilities(found.obligation.plan_id, found.unit_id)
            keep_sections_applying(found.obligation)  # and the answers of the apps' sections that name generations
        return found

    report_request = read_through_at((*_unit_generations(user.unit_id), *section_generations()),
                                     _unit_name("request", user.unit_id, pk), UNIT_CACHE_SECONDS, load)
    return report_request if report_request and can_fill(user, report_request) else None


def request_for_review(*, user, pk: int) -> ReportRequest | None:
    report_request = request_base_queryset().prefetch_related(
        Prefetch("submissions", queryset=Submission.objects.select_related("submitted_by")
                 .prefetch_related("reviews__reviewer"))
    ).filter(pk=pk).first()
    return report_request if report_request and can_review(user, report_request) else None


def latest_submission(report_request: ReportRequest) -> Submission | None:
    """The request's latest version, with ``has_files`` (has it attachments?): the report form reads them only
    then (most reports have none; one query fewer on every view and save of the form). Its SQL is made once
    (``_LATEST``: at every view and save of the form, compiling it cost more than running it)."""
    found = _LATEST.objects(report_request.pk)
    if not found:
        return None
    found[0].request = report_request  # as the related manager would have it
    return found[0]


# the SQL is made once (``PreparedQuery``), so the ORM's own ``Exists`` costs nothing at each request
_LATEST = PreparedQuery(lambda request_id: Submission.objects.filter(request_id=request_id).annotate(
    has_files=Exists(SubmissionAttachment.objects.filter(submission=OuterRef("pk")))).order_by("-version")[:1])


def last_review(report_request: ReportRequest) -> Review | None:
    return Review.objects.filter(submission__request=report_request).select_related("reviewer").first()


@dataclass(frozen=True)
class ResponsibilityUpdate:
    """What a unit reported on one responsibility of the plan (a "task" of its report): status and note."""

    responsibility: object  # plans.models.Responsibility
    status: str
    status_label: str
    note: str


def responsibility_updates(*, plan_id: int, submissions) -> dict[int, list[ResponsibilityUpdate]]:
    """{submission id: its updates}, in the order the unit wrote them, of the responsibilities of the plan only
    (anything else in the stored JSON is ignored). One query whatever the number of submissions."""
    from plans.models import Responsibility

    submissions = list(submissions)
    wanted = {int(key) for s in submissions for key in (s.task_updates or {}) if str(key).isdigit()}
    responsibilities = {str(r.pk): r for r in Responsibility.objects.filter(plan_id=plan_id, pk__in=wanted)
                        .select_related("item__section")}
    labels = dict(TaskStatus.choices)
    found = {}
    for submission in submissions:
        rows = []
        for key, update in (submission.task_updates or {}).items():
            responsibility = responsibilities.get(str(key))
            if responsibility is None or not isinstance(update, dict):
                continue
            status = update.get("status") if update.get("status") in TaskStatus.values else ""
            rows.append(ResponsibilityUpdate(responsibility=responsibility, status=status,
                                             status_label=str(labels.get(status, "")),
                                             note=str(update.get("note") or "").strip()))
        found[submission.pk] = rows
    return found


def unit_responsibilities(report_request: ReportRequest) -> list:
    """The plan's responsibilities led by the request's unit: the "tasks" (nhiệm vụ) its report covers (cached per
    plan and unit, or with the request by ``request_for_fill``: a plan's content is part of ``SETUP``).

    In reporting, a *task* is what a unit head sees of a ``plans.Responsibility``; the stored
    ``Submission.task_updates`` are keyed by responsibility id (``responsibility_updates`` reads them).
    """
    from plans.caching import generation, read_through

    if "_unit_tasks" in report_request.__dict__:  # read with it (request_for_fill)
        return report_request._unit_tasks
    plan_id, unit_id = report_request.obligation.plan_id, report_request.unit_id
    return read_through(f"reporting:tasks:{generation(SETUP)}:{plan_id}:{unit_id}", UNIT_CACHE_SECONDS,
                        lambda: _unit_responsibilities(plan_id, unit_id))


def _unit_responsibilities(plan_id: int, unit_id: int) -> list:
    from plans.models import Responsibility

    return list(Responsibility.objects.filter(plan_id=plan_id, lead_unit_id=unit_id)
                .select_related("item").order_by("item__section__order", "item__order", "id"))


def overdue_requests(*, today: dt.date, user=None) -> QuerySet:
    """Reports still owed after their deadline (of what ``user`` oversees, when given)."""
    qs = request_base_queryset().overdue(today)
    if user is not None:
        qs = qs.filter(reviewable_requests_q(user))
    return qs.order_by("due_date", "unit__name")


# --- Compliance (DHIS2: reporting rate and on-time rate) ----------------------


def obligation_for_compliance(*, user, pk: int):
    """The obligation ``pk`` if ``user`` may see its compliance (a reviewer of its recipient unit), else None."""
    from .models import ReportingObligation

    obligation = ReportingObligation.objects.select_related("plan", "recipient_unit").filter(pk=pk).first()
    return obligation if obligation and can_oversee(user, obligation) else None


def compliance(*, obligation, today: dt.date) -> dict:
    """Units × periods of ``obligation``: each cell (state, request id), the state on time / late / missing /
    pending, with the rates per period.

    Expected reports are the requests whose deadline has passed; a report counts as
    completed once submitted (and not returned), on time if first submitted by the deadline.
    Three queries: the requests' states (computed in SQL: a province's table has more than a thousand cells), and
    each unit and period once.
    """
    from plans.models import Unit

    from .models import Period

    states = (with_timeliness(ReportRequest.objects.filter(obligation=obligation), today)
              .order_by("period__start", "unit__order", "unit__name").values_list("pk", "unit_id", "period_id",
                                                                                  "timeliness"))
    cells, unit_ids, period_ids = {}, {}, {}  # the units and periods in order of first appearance
    for pk, unit_id, period_id, state in states:
        cells[(unit_id, period_id)] = (state, pk)
        unit_ids.setdefault(unit_id)
        period_ids.setdefault(period_id)
    unit_by_id, period_by_id = Unit.objects.in_bulk(unit_ids), Period.objects.in_bulk(period_ids)
    units, periods = [unit_by_id[pk] for pk in unit_ids], [period_by_id[pk] for pk in period_ids]
    counted = Counter((period_id, cell[0]) for (_unit_id, period_id), cell in cells.items())
    rates = []
    for period in periods:
        on_time, late, missing = (counted[(period.pk, state)] for state in ("on_time", "late", "missing"))
        expected, completed = on_time + late + missing, on_time + late
        rates.append({
            "period": period, "expected": expected, "completed": completed, "on_time": on_time, "missing": missing,
            "reporting_rate": round(100 * completed / expected) if expected else None,
            "on_time_rate": round(100 * on_time / expected) if expected else None,
        })
    rows = [(unit, [cells.get((unit.pk, p.pk)) for p in periods]) for unit in units]
    return {"periods": periods, "rows": rows, "rates": rates}


def compliance_period(*, obligation, pk: int):
    """The period ``pk`` if it is a column of ``obligation``'s compliance table (a report was requested), else None."""
    from .models import Period

    return Period.objects.filter(pk=pk, requests__obligation=obligation).distinct().first()


def compliance_requests(*, obligation, period_id: int, states, today: dt.date) -> list:
    """The requests of one period of ``obligation`` whose state is one of ``states`` (the units behind a figure of
    the compliance table), with their units, in the table's order (one query)."""
    return list(with_timeliness(ReportRequest.objects.filter(obligation=obligation, period_id=period_id), today)
                .filter(timeliness__in=states).select_related("unit").order_by("unit__order", "unit__name"))


def request_timeliness(report_request: ReportRequest, *, today: dt.date) -> str:
    """"on_time" / "late" (submitted, by the deadline or after it), "missing" (overdue) or "pending".

    A report counts as completed once submitted and not returned (DHIS2's reporting rate); ``timeliness_q`` is
    the same rule in SQL.
    """
    if report_request.status in (RequestStatus.SUBMITTED, RequestStatus.ACCEPTED):
        return "on_time" if report_request.submitted_on_time() else "late"
    return "missing" if report_request.overdue_on(today) else "pending"


# The rule of ``request_timeliness`` in SQL, on requests annotated by ``ReportRequest.objects.with_overdue``
TIMELINESS_STATES = ("on_time", "late", "missing", "pending")
COMPLETED_Q = Q(status__in=(RequestStatus.SUBMITTED, RequestStatus.ACCEPTED))
ON_TIME_Q = COMPLETED_Q & Q(submitted_at__day_lte=F("due_date"))  # __date__lte, cheaper (plans.lookups)


def timeliness_q(state: str) -> Q:
    """A filter on requests annotated by ``with_overdue``: those whose ``request_timeliness`` is ``state``."""
    return {
        "on_time": ON_TIME_Q,
        "late": COMPLETED_Q & ~Q(submitted_at__day_lte=F("due_date")),  # never submitted at all counts as late
        "missing": Q(is_overdue=True),
        "pending": ~COMPLETED_Q & Q(is_overdue=False),
    }[state]


def with_timeliness(requests: QuerySet, today: dt.date) -> QuerySet:
    """``requests`` annotated with ``is_overdue`` and ``timeliness`` (``request_timeliness``, in SQL)."""
    return requests.with_overdue(today).annotate(timeliness=Case(
        *(When(timeliness_q(state), then=Value(state)) for state in TIMELINESS_STATES[:-1]),
        default=Value(TIMELINESS_STATES[-1]), output_field=CharField()))


def notifications(*, user, limit: int = 50) -> list:
    from .models import Notification

    return list(Notification.objects.filter(user=user)[:limit]) if user.is_authenticated else []


# --- iCalendar feed (private link) ----------------------------------------------

_ICAL_SALT = "reporting.ical"


def _calendar_key(user) -> str:
    """The user's current feed key ("" until the first rotation), read from the database (the feed's check)."""
    from .models import CalendarKey

    return CalendarKey.objects.filter(user=user).values_list("key", flat=True).first() or ""


def _calendar_signature(user, key: str) -> str:
    from django.utils.crypto import salted_hmac

    value = f"{user.pk}.{user.password}.{key}"
    return salted_hmac(_ICAL_SALT, value, algorithm="sha256").hexdigest()[:32]


def calendar_token(user) -> str:
    """A private token for ``user``'s deadline feed; changing the password or rotating the link revokes it."""
    return f"{user.pk}-{_calendar_signature(user, header_state(user)['calendar_key'])}"


def menu_calendar_token(request) -> str:
    """The token of the calendar link in the menu (``reporting/_nav.html``; ``plans.extensions.nav_vary``)."""
    return calendar_token(request.user)


# --- The page header's per-user state (every page of a logged-in user shows it) ---------------------------------

HEADER_KEY = "reporting:header:v1:{}"
HEADER_SECONDS = 300


def header_state(user) -> dict:
    """``{"unread": n, "calendar_key": key}`` for the header (the bell, the calendar link): read once per request
    (kept on the user object) from the Django cache, shared by the web processes and dropped when a notice or the
    calendar key of the user changes (``header_forget``); from the database when the cache does not answer."""
    found = getattr(user, "_header_state", None)
    if found is None:
        from plans.caching import read_through

        from .models import Notification

        found = user._header_state = read_through(header_key(user), HEADER_SECONDS, lambda: {
            "unread": Notification.objects.filter(user=user, read_at=None).count(),
            "calendar_key": _calendar_key(user)}, holder=user)  # read with the roles (``header_key``)
    return found


def header_key(user) -> str:
    """The cache key of ``user``'s header state: read in the round trip of their roles (``plans.extensions.
    user_cache_keys``), since every page shows the header and asks the roles."""
    return HEADER_KEY.format(user.pk)


def header_forget(user_ids) -> None:
    """Drop the cached header state of ``user_ids`` (``plans.caching.forget``)."""
    from plans.caching import forget

    forget(HEADER_KEY.format(pk) for pk in user_ids)


def header_forget_for(sender=None, instance=None, **kwargs) -> None:
    """Signal receiver: a notice or calendar key of ``instance.user_id`` was saved or deleted."""
    header_forget([instance.user_id])


def user_from_calendar_token(token: str):
    from django.utils.crypto import constant_time_compare

    from plans.models import User

    pk, _sep, signature = token.partition("-")
    if not pk.isdigit():
        return None
    user = User.objects.filter(pk=pk, is_active=True).select_related("unit").first()
    return user if user and constant_time_compare(signature, _calendar_signature(user, _calendar_key(user))) else None


def calendar_requests(*, user, today: dt.date) -> QuerySet:
    """Deadlines in the feed: what the user's unit owes (a unit head) or what waits for review (a reviewer)."""
    if is_unit_head(user):
        return inbox(user=user, today=today)
    return review_queue(user=user)


def consolidated_for(*, obligation, period_id: int):
    """(period, consolidated report or None) of ``obligation``; (None, None) for a period it never had."""
    from .models import ConsolidatedReport, Period

    period = Period.objects.filter(pk=period_id, requests__obligation=obligation).distinct().first()
    if period is None:
        return None, None
    return period, ConsolidatedReport.objects.filter(obligation=obligation, period=period).first()


def deleted_consolidated(*, user) -> QuerySet:
    """The deleted consolidated reports ``user`` may restore, last deleted first (one query)."""
    from .models import ConsolidatedReport

    return (ConsolidatedReport.all_objects.filter(deleted_consolidated_q(user))
            .select_related("obligation__plan", "period", "deleted_by").order_by("-deleted_at", "-pk"))


def plan_obligations(plan) -> QuerySet:
    """The reporting obligations of ``plan`` with their recipient and named units (2 queries)."""
    from .models import ReportingObligation

    return (ReportingObligation.objects.filter(plan=plan).select_related("recipient_unit")
            .prefetch_related("units").order_by("-is_active", "title", "id"))


def latest_submitted(report_request: ReportRequest) -> Submission | None:
    return report_request.submissions.exclude(submitted_at=None).order_by("-version").first()


def indicator_rows(obligation, submission) -> list[tuple[str, str, str]]:
    """(name, value, unit of measure) of each indicator of ``obligation`` in ``submission``."""
    from django.utils.formats import number_format

    if submission is None:
        return []
    values = submission.indicator_values or {}
    rows = []
    for indicator in obligation.indicators:
        raw = values.get(indicator.code)
        rows.append((indicator.name, number_format(raw) if raw not in (None, "") else "", indicator.unit_of_measure))
    return rows
