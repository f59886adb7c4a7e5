"""Which objects and users the benchmark's pages use on a ``seed_scale`` province (picked the same way at every
scale: the largest of its kind, so that a query count that grows with the data shows)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q

from plans.choices import PlanStatus, Role
from plans.models import Plan, Responsibility, User
from reporting.models import ReportingObligation, ReportRequest, RequestStatus

PREFIX = "s-"


@dataclass
class Page:
    name: str
    url: str
    user: User
    data: dict | None = None  # a POST
    expect: tuple[int, ...] = (200,)
    cold_cache: bool = False  # the whole cache emptied before each request (a Redis restarted)
    before: Callable[[], None] | None = None  # run before each request, its writes rolled back
    size_note: str = ""


@dataclass
class Chosen:
    director: User
    author: User
    head: User
    plan: Plan
    draft: Plan
    request: ReportRequest
    obligation: ReportingObligation
    period_id: int
    dashboard_url: str = "/reporting/dashboard/"
    notes: dict = field(default_factory=dict)

    def pages(self) -> list[Page]:
        r = self.request
        draft = {"save": "1", "narrative_results": "Kết quả đạt được trong kỳ báo cáo."}
        submit = {"submit": "1", "narrative_results": "Kết quả đạt được trong kỳ báo cáo."}
        return [
            Page("bare view", "/bench/bare/", self.head),
            Page("plan list", "/plans/", self.director, size_note=f"{Plan.objects.count()} plans"),
            Page("plan detail", self.plan.get_absolute_url(), self.director,
                 size_note=f"{self.plan.items.count()} items"),
            Page("plan editor", f"/plans/{self.draft.pk}/edit/structure/", self.author,
                 size_note=f"{self.draft.items.count()} items"),
            Page("plan history", f"/plans/{self.plan.pk}/history/", self.director),
            Page("unit head inbox", "/reporting/inbox/", self.head),
            Page("report form", f"/reporting/requests/{r.pk}/", self.head, size_note=self.notes.get("tasks", "")),
            Page("draft save", f"/reporting/requests/{r.pk}/", self.head, data=draft, expect=(302,)),
            Page("submission", f"/reporting/requests/{r.pk}/", self.head, data=submit, expect=(302,)),
            Page("review queue", "/reporting/review/", self.director),
            Page("consolidated report", f"/reporting/obligations/{self.obligation.pk}/periods/{self.period_id}/",
                 self.director, size_note=self.notes.get("units", "")),
            Page("compliance", f"/reporting/obligations/{self.obligation.pk}/compliance/", self.director),
            Page("dashboard overview (cold cache)", self.dashboard_url, self.director, cold_cache=True),
            Page("dashboard overview (after a report)", self.dashboard_url, self.director,
                 before=self.report_came_in),
            Page("dashboard overview", self.dashboard_url, self.director),
            Page("search", "/search/?q=tiem+chung", self.director),
            Page("API list", "/api/v1/plans/", self.director),
        ]

    def report_came_in(self) -> None:
        """What a unit head's submission does to what leadership reads: the latest report of this year saved again
        (the signals of a submission run: the overview's generations move, the task progress is kept)."""
        from django.utils import timezone

        from reporting.models import Submission

        (Submission.objects.filter(submitted_at__isnull=False, request__period__year=timezone.localdate().year)
         .latest("submitted_at", "pk").save())

    def load_sessions(self, n: int) -> list[dict]:
        """``n`` logged-in unit heads (sessions made directly: the load measures pages, not password hashing),
        each with an open report request of their unit."""
        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.utils.module_loading import import_string

        store_class = import_string(settings.SESSION_ENGINE + ".SessionStore")
        open_requests = (ReportRequest.objects.filter(status__in=RequestStatus.open(), unit__code__startswith=PREFIX,
                                                      unit__users__groups__name=Role.UNIT_HEAD)
                         .order_by("unit_id", "-due_date").distinct())
        by_unit = {}
        for request in open_requests:
            by_unit.setdefault(request.unit_id, request.pk)
        heads = {u.unit_id: u for u in User.objects.filter(groups__name=Role.UNIT_HEAD, unit_id__in=by_unit)}
        pairs = [(heads[unit_id], pk) for unit_id, pk in by_unit.items() if unit_id in heads]
        sessions = []
        for i in range(n):
            user, pk = pairs[i % len(pairs)]
            store = store_class()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[1]
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store["_portal_seen"] = int(time.time())
            store.create()
            sessions.append({"session": store.session_key, "request": pk})
        return sessions


def pick() -> Chosen:
    director = User.objects.get(username=f"{PREFIX}giamdoc")
    plan = (Plan.objects.filter(status__in=PlanStatus.published()).annotate(n=Count("items"))
            .order_by("-n", "pk").first())
    draft = (Plan.objects.filter(status=PlanStatus.DRAFT, owner_unit__users__groups__name=Role.AUTHOR)
             .annotate(n=Count("items", distinct=True)).order_by("-n", "pk").first())
    author = User.objects.filter(unit=draft.owner_unit, groups__name=Role.AUTHOR).order_by("username").first()
    # the open request whose unit has the most tasks in the plan, among units with a head
    open_requests = ReportRequest.objects.filter(status__in=RequestStatus.open(), obligation__include_tasks=True,
                                                 unit__users__groups__name=Role.UNIT_HEAD).select_related("obligation")
    best, best_tasks = None, -1
    for request in open_requests.order_by("-due_date", "pk")[:300]:
        tasks = Responsibility.objects.filter(plan_id=request.obligation.plan_id).filter(
            Q(lead_unit_id=request.unit_id) | Q(supporting_units=request.unit_id)).distinct().count()
        if tasks > best_tasks:
            best, best_tasks = request, tasks
    head = User.objects.filter(unit_id=best.unit_id, groups__name=Role.UNIT_HEAD).order_by("username").first()
    obligation = (ReportingObligation.objects.annotate(n=Count("requests")).order_by("-n", "pk").first())
    period_id = (obligation.requests.filter(status=RequestStatus.ACCEPTED).order_by("-period__start")
                 .values_list("period_id", flat=True).first())
    units = obligation.requests.filter(period_id=period_id).count()
    return Chosen(director=director, author=author, head=head, plan=plan, draft=draft, request=best,
                  obligation=obligation, period_id=period_id,
                  notes={"tasks": f"{best_tasks} tasks", "units": f"{units} units"})
