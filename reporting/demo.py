"""Demo reporting obligations on the demo plans (registered in ``plans.extensions.demo_loaders``).

Each structured demo plan carries the obligations its text sets out, in the year of the plan:

* seed 003 (Thanh tra Sở, 2020): six-monthly report before 05/06 and annual report before 25/11;
* seed 004 (Phòng TCCB, 2023): six-monthly report before 15/06 and annual report before 15/12;
* seed 001 (Phòng NVY with the Ban Dân vận Tỉnh ủy, 2021): quarterly and six-monthly briefing
  reports and the one-off review in December;
* the 2026 plan in implementation (health communication): a quarterly report of every facility
  to Phòng NVY, so that the unit heads' inboxes hold requests today.

Idempotent: an obligation is found by its plan and title; the daily tick is run for today.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from plans.demo import extra, seed_001, seed_003, seed_004
from plans.demo.loader import plan_marker

from .choices import DeadlineRule, PeriodCalendar, PeriodType, UnitsRule
from .models import ReportingObligation

_TWICE = [
    {"code": "so_cuoc", "label": "Số cuộc tiếp xúc, đối thoại", "unit": "cuộc", "type": "integer", "min": "0"},
    {"code": "so_kien_nghi", "label": "Số ý kiến, kiến nghị tiếp nhận", "unit": "ý kiến", "type": "integer",
     "min": "0"},
    {"code": "ty_le_giai_quyet", "label": "Tỷ lệ kiến nghị đã giải quyết", "unit": "%", "type": "percent"},
]
_TCCB = [
    {"code": "so_chuyen_de", "label": "Số chuyên đề đã học tập", "unit": "chuyên đề", "type": "integer", "min": "0"},
    {"code": "ty_le_tham_gia", "label": "Tỷ lệ cán bộ, đảng viên tham gia", "unit": "%", "type": "percent"},
]
_HEALTH = [
    {"code": "so_buoi", "label": "Số buổi truyền thông trực tiếp", "unit": "buổi", "type": "integer", "min": "0"},
    {"code": "so_luot", "label": "Số lượt người được truyền thông", "unit": "lượt người", "type": "integer",
     "min": "0"},
    {"code": "ty_le_xa", "label": "Tỷ lệ xã có hoạt động truyền thông", "unit": "%", "type": "percent"},
]


def _year(year: int) -> dict:
    """In force for the plan's year only (no ``active_from``: past periods are not opened as overdue today)."""
    return {"active_until": dt.date(year, 12, 31)}


def _specs(units) -> list[tuple[object, str, dict, list[str]]]:
    """(demo plan, title, fields, named unit codes) of every demo obligation."""
    facilities = {"units_rule": UnitsRule.ALL_FACILITIES, "calendar": PeriodCalendar.ND09,
                  "deadline_rule": DeadlineRule.FIXED}
    briefing = {"units_rule": UnitsRule.NAMED, "recipient_unit": units["bdvtu"], "calendar": PeriodCalendar.ND09,
                "deadline_rule": DeadlineRule.WORKING_DAYS_AFTER, "deadline_days": 5, "include_tasks": True,
                **_year(2021)}
    health = next((p for p in extra.PLANS if p.key == "demo-implementation"), None)
    specs = [
        (seed_003.PLAN, "Báo cáo 6 tháng đầu năm kết quả tiếp xúc, đối thoại với nhân dân",
         {**facilities, "recipient_unit": units["ttra"], "period_type": PeriodType.SIX_MONTHLY,
          "fixed_deadlines": ["05/06"], "indicators": _TWICE, **_year(2020)}, []),
        (seed_003.PLAN, "Báo cáo năm kết quả tiếp xúc, đối thoại với nhân dân",
         {**facilities, "recipient_unit": units["ttra"], "period_type": PeriodType.ANNUAL,
          "fixed_deadlines": ["25/11"], "indicators": _TWICE, **_year(2020)}, []),
        (seed_004.PLAN, "Báo cáo sơ kết 6 tháng học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
         {**facilities, "recipient_unit": units["tccb"], "period_type": PeriodType.SIX_MONTHLY,
          "fixed_deadlines": ["15/06"], "indicators": _TCCB, **_year(2023)}, []),
        (seed_004.PLAN, "Báo cáo tổng kết năm học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
         {**facilities, "recipient_unit": units["tccb"], "period_type": PeriodType.ANNUAL,
          "fixed_deadlines": ["15/12"], "indicators": _TCCB, **_year(2023)}, []),
        (seed_001.PLAN, "Báo cáo phục vụ giao ban hàng quý công tác dân vận",
         {**briefing, "period_type": PeriodType.QUARTERLY}, ["syt"]),
        (seed_001.PLAN, "Báo cáo phục vụ giao ban 6 tháng công tác dân vận",
         {**briefing, "period_type": PeriodType.SIX_MONTHLY}, ["syt"]),
        (seed_001.PLAN, "Báo cáo tổng kết Kế hoạch phối hợp công tác dân vận năm 2021",
         {**briefing, "period_type": PeriodType.ONE_OFF, "deadline_rule": DeadlineRule.FIXED,
          "one_off_start": dt.date(2021, 1, 1), "one_off_end": dt.date(2021, 12, 14),
          "one_off_due": dt.date(2021, 12, 20)}, ["syt"]),
    ]
    if health is not None:
        specs.append((health, "Báo cáo quý kết quả truyền thông, giáo dục sức khỏe",
                      {**facilities, "recipient_unit": units["nvy"], "period_type": PeriodType.QUARTERLY,
                       "fixed_deadlines": ["15/03", "15/06", "15/09", "15/12"], "indicators": _HEALTH,
                       "active_from": dt.date(2026, 9, 1), "active_until": dt.date(2026, 12, 31)}, []))
    return specs


def load_obligations(*, units: dict, users: dict, log, today: dt.date | None = None) -> int:
    """Create the demo obligations that are missing, then open today's requests; returns how many were created."""
    from .services import reporting_tick

    created = 0
    with transaction.atomic():
        for demo, title, fields, named in _specs(units):
            plan = plan_marker(demo, units).first()
            if plan is None:
                log(f"Reporting: demo plan not found, skipped: {demo.title} ({demo.year})")
                continue
            obligation, was_created = ReportingObligation.objects.get_or_create(plan=plan, title=title,
                                                                                defaults=fields)
            if was_created:
                obligation.full_clean()
                obligation.units.set([units[code] for code in named])
                created += 1
                log(f"Reporting: {title} ({plan.year})")
    summary = reporting_tick(today=today or timezone.localdate())  # the demo's entry point reads the clock
    log(f"Reporting: {len(summary.created)} requests opened, {len(summary.overdue)} marked overdue.")
    return created
