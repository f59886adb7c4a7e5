"""A whole province, deterministically and with bulk inserts: the data the dashboards and benchmarks run on.

    python manage.py seed_scale --units 300 --years 5 [--plans 200] [--seed 13] [--today 2026-12-01]

Units in a hierarchy (the department, its rooms, district health centres and their commune stations,
a few partner bodies), about 3.3 users per unit (leadership, reviewers and authors of the rooms, a head
and staff in every facility; password ``--password``), ``--plans`` plans a year with sections, items and
responsibilities, quarterly reporting obligations (some for every facility, the others for named units),
their requests and the units' submissions with task updates, over ``--years`` years up to ``--today``.
The same arguments give the same data (one ``random.Random(seed)``); every table is written with
``bulk_create``. The codes start with ``s-``: the command refuses to run twice on one database.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from plans.choices import PlanKind, PlanStatus, Role, UnitKind
from plans.models import Item, Plan, PlanIssuer, Responsibility, Section, Unit, User
from plans.text import fold
from reporting import progress
from reporting.models import Period, ReportingObligation, ReportRequest, RequestStatus, Submission

PREFIX = "s-"
ROOMS = ["Văn phòng", "Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược",
         "Phòng Tổ chức cán bộ", "Thanh tra Sở", "Phòng Quản lý hành nghề", "Phòng Y tế dự phòng"]
PARTNERS = ["Ban Dân vận Tỉnh ủy", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn", "Liên đoàn Lao động tỉnh"]
TOPICS = ["phòng, chống dịch bệnh", "tiêm chủng mở rộng", "an toàn thực phẩm", "chuyển đổi số y tế",
          "dân số và phát triển", "khám chữa bệnh bảo hiểm y tế", "công tác dân vận", "cải cách hành chính",
          "phòng, chống HIV/AIDS", "y tế cơ sở", "dinh dưỡng trẻ em", "chăm sóc người cao tuổi"]
# period index -> (start, end) as (month, day) of the ND09 quarter, and the deadline (month, day)
QUARTERS = {1: ((12, 15), (3, 14), (3, 15)), 2: ((3, 15), (6, 14), (6, 15)),
            3: ((6, 15), (9, 14), (9, 15)), 4: ((9, 15), (12, 14), (12, 15))}


def _date(year: int, month_day: tuple[int, int]) -> dt.date:
    return dt.date(year, *month_day)


class Command(BaseCommand):
    help = "Generate a whole province (units, users, plans, obligations, requests, submissions) with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=300)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--plans", type=int, default=200, help="plans a year")
        parser.add_argument("--seed", type=int, default=13)
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--password", default="Matkhau@2026")

    def handle(self, *args, **options):
        if Unit.objects.filter(code__startswith=PREFIX).exists():
            raise CommandError("This database already has a generated province (units coded s-…).")
        started = time.monotonic()
        counts = seed(units=options["units"], years=options["years"], plans_per_year=options["plans"],
                      seed_value=options["seed"], today=options["today"] or timezone.localdate(),
                      password=options["password"])
        summary = ", ".join(f"{name} {n}" for name, n in counts.items())
        self.stdout.write(f"{summary} in {time.monotonic() - started:.1f} s")


def _units(rng, n_units: int) -> dict:
    syt = Unit.objects.create(code=f"{PREFIX}syt", name="Sở Y tế tỉnh", short_name="Sở Y tế",
                              kind=UnitKind.DEPARTMENT, abbreviation="SYT", governing_body="UBND TỈNH")
    rooms = Unit.objects.bulk_create([
        Unit(code=f"{PREFIX}room-{i}", name=name, short_name=name, kind=UnitKind.ROOM, parent=syt,
             abbreviation=f"P{i}", order=i) for i, name in enumerate(ROOMS[:max(2, min(8, n_units // 30))])])
    partners = Unit.objects.bulk_create([
        Unit(code=f"{PREFIX}partner-{i}", name=name, short_name=name, kind=UnitKind.PARTNER, abbreviation=f"DT{i}",
             is_party_body=i == 0, order=i) for i, name in enumerate(PARTNERS[:max(1, min(4, n_units // 75))])])
    left = max(2, n_units - 1 - len(rooms) - len(partners))
    districts = Unit.objects.bulk_create([
        Unit(code=f"{PREFIX}ttyt-{i}", name=f"Trung tâm Y tế huyện số {i + 1}", short_name=f"TTYT H{i + 1}",
             kind=UnitKind.FACILITY, parent=syt, abbreviation=f"TTYT{i + 1}", order=100 + i)
        for i in range(max(1, left // 11))])
    communes = Unit.objects.bulk_create([
        Unit(code=f"{PREFIX}tyt-{i}", name=f"Trạm Y tế xã số {i + 1}", short_name=f"TYT X{i + 1}",
             kind=UnitKind.FACILITY, parent=districts[i % len(districts)], abbreviation=f"TYT{i + 1}",
             order=1000 + i) for i in range(left - len(districts))])
    return {"syt": syt, "rooms": rooms, "partners": partners, "facilities": districts + communes,
            "districts": districts}


def _users(units: dict, password: str) -> dict:
    hashed = make_password(password)
    specs = [("giamdoc", units["syt"], Role.APPROVER), ("phogiamdoc1", units["syt"], Role.APPROVER),
             ("phogiamdoc2", units["syt"], Role.APPROVER), ("quantri", units["syt"], Role.ADMIN)]
    for i, room in enumerate(units["rooms"]):
        specs.append((f"truongphong{i}", room, Role.REVIEWER))
        specs += [(f"chuyenvien{i}-{j}", room, Role.AUTHOR) for j in range(4)]
    for i, unit in enumerate(units["partners"]):
        specs += [(f"doitac{i}-{j}", unit, Role.AUTHOR) for j in range(2)]
    for i, unit in enumerate(units["facilities"]):
        specs.append((f"thutruong{i}", unit, Role.UNIT_HEAD))
        specs += [(f"nhanvien{i}-{j}", unit, Role.AUTHOR) for j in range(2)]
    users = User.objects.bulk_create([
        User(username=f"{PREFIX}{name}", password=hashed, unit=unit, first_name="Cán bộ", last_name=name,
             email=f"{name}@scale.local", position="Phó Giám đốc" if name.startswith("phogiamdoc") else "")
        for name, unit, _role in specs])
    groups = {role: Group.objects.get_or_create(name=role)[0] for role in Role.values}
    User.groups.through.objects.bulk_create([
        User.groups.through(user_id=user.pk, group_id=groups[role].pk)
        for user, (_n, _u, role) in zip(users, specs, strict=True)])
    heads = {unit.pk: user for user, (_n, unit, role) in zip(users, specs, strict=True) if role == Role.UNIT_HEAD}
    return {"all": users, "heads": heads, "author": users[4]}


def _plans(rng, units: dict, users: dict, years: list[int], per_year: int, today: dt.date) -> list[Plan]:
    owners = units["rooms"]
    plans, issuer_pairs = [], []
    for year in years:
        for i in range(per_year):
            kind = rng.choices(PlanKind.values, weights=[60, 15, 10, 10, 5])[0]
            if year < today.year:
                status = rng.choices([PlanStatus.CLOSED, PlanStatus.IN_IMPLEMENTATION], weights=[70, 30])[0]
            else:
                status = rng.choices([PlanStatus.ISSUED, PlanStatus.IN_IMPLEMENTATION, PlanStatus.DRAFT,
                                      PlanStatus.SUBMITTED, PlanStatus.APPROVED], weights=[30, 40, 15, 10, 5])[0]
            issued = status in PlanStatus.published()
            issued_on = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 120)) if issued else None
            title = f"Kế hoạch {TOPICS[i % len(TOPICS)]} (số {i + 1}) năm {year}"
            plans.append(Plan(kind=kind, status=status, year=year, number=i + 1 if issued else None,
                              symbol="KH-SYT", place="Quảng Ngãi", issued_on=issued_on, title=title,
                              owner_unit=owners[i % len(owners)], created_by=users["author"],
                              search_text=fold(title)))
    plans = Plan.objects.bulk_create(plans)
    for plan in plans:
        issuer_pairs.append(PlanIssuer(plan=plan, unit=units["syt"], order=0))
        if plan.kind == PlanKind.COORDINATION and units["partners"]:
            issuer_pairs.append(PlanIssuer(plan=plan, unit=rng.choice(units["partners"]), order=1))
    PlanIssuer.objects.bulk_create(issuer_pairs)
    return plans


def _content(rng, plans: list[Plan], units: dict, today: dt.date) -> dict:
    """Three sections of three items each, a responsibility on each item: {plan id: [responsibilities]}."""
    sections = Section.objects.bulk_create([
        Section(plan=plan, order=order, title=title) for plan in plans
        for order, title in enumerate(["Mục đích, yêu cầu", "Nhiệm vụ, giải pháp", "Tổ chức thực hiện"], start=1)])
    items = Item.objects.bulk_create([
        Item(plan_id=section.plan_id, section=section, order=order, text=f"Nhiệm vụ {section.order}.{order}.")
        for section in sections for order in range(1, 4)])
    plan_year = {plan.pk: plan.year for plan in plans}
    joint = {link.plan_id: link.unit_id for link in PlanIssuer.objects.filter(plan__in=plans, order=1)}
    duties = []
    for item in items:
        year = plan_year[item.plan_id]
        partner = joint.get(item.plan_id)
        lead = partner if partner and rng.random() < 0.3 else rng.choice(units["facilities"]).pk
        due = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(30, 360)) if rng.random() < 0.85 else None
        duties.append(Responsibility(plan_id=item.plan_id, item=item, lead_unit_id=lead, due_date=due))
    duties = Responsibility.objects.bulk_create(duties)
    by_plan: dict[int, list] = {}
    for duty in duties:
        by_plan.setdefault(duty.plan_id, []).append(duty)
    return {"sections": len(sections), "items": len(items), "duties": by_plan}


def _periods(years: list[int]) -> dict:
    periods = {}
    for year in years:
        for index, (start, end, _due) in QUARTERS.items():
            period, _created = Period.objects.get_or_create(
                period_type="quarterly", calendar="nd09", year=year, index=index,
                start=_date(year - 1 if index == 1 else year, start), end=_date(year, end),
                defaults={"cut_off": _date(year, end)})
            periods[(year, index)] = period
    return periods


def _reporting(rng, plans: list[Plan], units: dict, users: dict, duties: dict, years: list[int],
               today: dt.date) -> dict:
    """Obligations on one published plan in ten, their requests per quarter, and the units' submissions."""
    periods = _periods(years)
    facilities = units["facilities"]
    chosen = [plan for plan in plans if plan.status in PlanStatus.published()][::10]
    obligations, named = [], []
    for n, plan in enumerate(chosen):
        obligations.append(ReportingObligation(
            plan=plan, title=f"Báo cáo quý: {plan.title}"[:255], recipient_unit=plan.owner_unit,
            period_type="quarterly", fixed_deadlines=["15/03", "15/06", "15/09", "15/12"],
            units_rule="all_facilities" if n % 4 == 0 else "named"))
    obligations = ReportingObligation.objects.bulk_create(obligations)
    reporters = {}
    for obligation in obligations:
        if obligation.units_rule == "all_facilities":
            reporters[obligation.pk] = facilities
        else:
            leads = {d.lead_unit_id for d in duties.get(obligation.plan_id, [])}
            picked = [u for u in facilities if u.pk in leads] + rng.sample(facilities, min(20, len(facilities)))
            reporters[obligation.pk] = list({u.pk: u for u in picked}.values())
            named += [ReportingObligation.units.through(reportingobligation_id=obligation.pk, unit_id=u.pk)
                      for u in reporters[obligation.pk]]
    ReportingObligation.units.through.objects.bulk_create(named)
    plan_year = {plan.pk: plan.year for plan in plans}
    requests, outcomes = [], []
    for obligation in obligations:
        year = plan_year[obligation.plan_id]
        for index, (_s, _e, due_md) in QUARTERS.items():
            due = _date(year, due_md)
            if due - dt.timedelta(days=30) > today:
                continue  # not opened yet
            for unit in reporters[obligation.pk]:
                roll = rng.random()
                if due >= today:
                    outcome = "submitted_on_time" if roll < 0.4 else "open"
                else:
                    outcome = "on_time" if roll < 0.72 else ("late" if roll < 0.88 else "missing")
                submitted = None
                if outcome in ("on_time", "submitted_on_time"):
                    submitted = due - dt.timedelta(days=rng.randrange(0, 10))
                elif outcome == "late":
                    submitted = due + dt.timedelta(days=rng.randrange(1, 40))
                if submitted and submitted > today:
                    submitted, outcome = None, "open"
                status = (RequestStatus.NOT_STARTED if submitted is None else
                          RequestStatus.ACCEPTED if due < today and rng.random() < 0.8 else RequestStatus.SUBMITTED)
                when = timezone.make_aware(dt.datetime.combine(submitted, dt.time(9))) if submitted else None
                requests.append(ReportRequest(obligation=obligation, unit=unit, period=periods[(year, index)],
                                              due_date=due, status=status, submitted_at=when))
                outcomes.append((obligation.plan_id, unit.pk, index))
    requests = ReportRequest.objects.bulk_create(requests, batch_size=5000)
    task_states = ["not_started", "in_progress", "done", "not_done"]
    submissions = []
    for request, (plan_id, unit_id, index) in zip(requests, outcomes, strict=True):
        if request.submitted_at is None:
            continue
        updates = {str(d.pk): {"status": rng.choices(task_states, weights=[5, 40, 10 + 20 * index, 5])[0],
                               "note": ""} for d in duties.get(plan_id, []) if d.lead_unit_id == unit_id}
        submissions.append(Submission(request=request, version=1, submitted_at=request.submitted_at,
                                      submitted_by=users["heads"].get(unit_id), task_updates=updates,
                                      narrative={"results": "Đã triển khai các nhiệm vụ theo kế hoạch."}))
    Submission.objects.bulk_create(submissions, batch_size=5000)
    progress.refresh_all()  # bulk inserts send no signal
    return {"obligations": len(obligations), "requests": len(requests), "submissions": len(submissions)}


def _invalidate_dashboards():
    from reporting.dashboards.selectors import invalidate
    from reporting.selectors import requests_opened, setup_changed

    transaction.on_commit(invalidate)  # bulk inserts send no signal
    setup_changed()
    requests_opened()


@transaction.atomic
def seed(*, units: int, years: int, plans_per_year: int, seed_value: int, today: dt.date, password: str) -> dict:
    rng = random.Random(seed_value)
    year_list = list(range(today.year - years + 1, today.year + 1))
    unit_map = _units(rng, units)
    user_map = _users(unit_map, password)
    plans = _plans(rng, unit_map, user_map, year_list, plans_per_year, today)
    content = _content(rng, plans, unit_map, today)
    reporting = _reporting(rng, plans, unit_map, user_map, content["duties"], year_list, today)
    _invalidate_dashboards()
    n_units = 1 + sum(len(unit_map[k]) for k in ("rooms", "partners", "facilities"))
    return {"units": n_units, "users": len(user_map["all"]), "plans": len(plans), "sections": content["sections"],
            "items": content["items"], "responsibilities": sum(len(v) for v in content["duties"].values()),
            **reporting}
