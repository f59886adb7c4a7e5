"""Time to compile a consolidated report from 300 accepted unit submissions (run by `make bench`; prints only)."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from plans.choices import PlanStatus, UnitKind
from plans.models import Responsibility, Unit
from reporting.models import (
    ConsolidatedReport,
    Period,
    ReportingObligation,
    ReportRequest,
    RequestStatus,
    Submission,
)
from reporting.services import consolidated_compile
from tests.factories import ItemFactory, PlanFactory, SectionFactory

UNITS = 300
TASKS = 5
INDICATORS = [{"code": f"ct{i}", "label": f"Chỉ tiêu {i}", "unit": "lượt", "type": "integer", "min": "0"}
              for i in range(8)]


@pytest.mark.django_db
def test_compile_300_submissions(record):
    department = Unit.objects.create(code="bench-syt", name="Sở Y tế (bench)", kind=UnitKind.DEPARTMENT)
    plan = PlanFactory(owner_unit=department, status=PlanStatus.IN_IMPLEMENTATION, title="Kế hoạch đo hiệu năng")
    section = SectionFactory(plan=plan, title="Nhiệm vụ")
    units = Unit.objects.bulk_create([
        Unit(code=f"bench-{n}", name=f"Trạm Y tế xã số {n}", short_name=f"TYT {n}", kind=UnitKind.FACILITY,
             parent=department, order=n) for n in range(UNITS)])
    items = [ItemFactory(section=section, text=f"Nhiệm vụ {t}") for t in range(TASKS)]
    tasks = Responsibility.objects.bulk_create([
        Responsibility(plan=plan, item=items[t], lead_unit=unit) for unit in units for t in range(TASKS)])
    by_unit = {}
    for task in tasks:
        by_unit.setdefault(task.lead_unit_id, []).append(task)
    obligation = ReportingObligation.objects.create(
        plan=plan, title="Báo cáo quý", recipient_unit=department, period_type="quarterly",
        fixed_deadlines=["15/03", "15/06", "15/09", "15/12"], indicators=INDICATORS)
    period = Period.objects.create(period_type="quarterly", calendar="nd09", year=2026, index=1,
                                   start=dt.date(2025, 12, 15), end=dt.date(2026, 3, 14), cut_off=dt.date(2026, 3, 14))
    now = timezone.now()
    requests = ReportRequest.objects.bulk_create([
        ReportRequest(obligation=obligation, unit=unit, period=period, due_date=dt.date(2026, 3, 15),
                      status=RequestStatus.ACCEPTED, submitted_at=now) for unit in units])
    narrative = {key: f"Nội dung phần {key} của đơn vị. " * 20
                 for key in ("results", "shortcomings", "causes", "next_steps", "proposals")}
    Submission.objects.bulk_create([
        Submission(request=request, version=1, submitted_at=now, narrative=narrative,
                   task_updates={str(t.pk): {"status": "in_progress", "note": "Đang triển khai"}
                                 for t in by_unit[request.unit_id]},
                   indicator_values={i["code"]: str(n * 3 + k) for k, i in enumerate(INDICATORS)})
        for n, request in enumerate(requests)])
    report = ConsolidatedReport.objects.create(obligation=obligation, period=period)

    started = time.perf_counter()
    consolidated_compile(report_id=report.pk)
    elapsed = time.perf_counter() - started
    report.refresh_from_db()
    assert report.content["accepted"] == UNITS
    print(f"\nconsolidated_compile: {UNITS} submissions, {TASKS} tasks per unit, {len(INDICATORS)} indicators: "
          f"{elapsed * 1000:.0f} ms ({len(report.content['tasks'])} task rows)")
    record("consolidate 300 submissions", elapsed, tasks=len(report.content["tasks"]))
