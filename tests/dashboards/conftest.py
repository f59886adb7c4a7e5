"""A small province whose every figure is computed by hand in the tests (today: 1 July 2026).

Plans of 2026: P1 issued (general, Phòng NVY), P2 draft (coordination, Phòng NVY), P3 issued joint plan of
the department and the Ban Dân vận (coordination, owned by the department); P4 issued in 2025.

Duties (2026): on P1 — r1 CDC due 01/03 (reported done), r2 CDC due 31/12 (reported in progress), r3 BVĐK
due 01/02 (in progress in Q1, done in Q2: the last report counts), r4 BVĐK without a deadline; on P3 — r5
the Ban Dân vận, due 10/01, never reported.

Reports of the obligation "Báo cáo quý" (P1, to Phòng NVY): CDC Q1 on time, Q2 missing, Q3 not yet due;
BVĐK Q1 late, Q2 on time (accepted); CDC 2025 Q4 late.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from plans.choices import PlanKind, PlanStatus
from plans.models import Responsibility
from reporting.models import Period, ReportingObligation, ReportRequest, RequestStatus, Submission
from tests.factories import PlanFactory

TODAY = dt.date(2026, 7, 1)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _period(year, index, start, end):
    return Period.objects.create(period_type="quarterly", calendar="nd09", year=year, index=index, start=start,
                                 end=end, cut_off=end)


def _request(obligation, unit, period, due, *, status=RequestStatus.NOT_STARTED, submitted=None, updates=None):
    request = ReportRequest.objects.create(obligation=obligation, unit=unit, period=period, due_date=due,
                                           status=status, submitted_at=at(submitted) if submitted else None)
    if submitted:
        Submission.objects.create(request=request, version=1, submitted_at=at(submitted), task_updates=updates or {})
    return request


@pytest.fixture
def province(org, users):
    p1 = PlanFactory(title="Kế hoạch phòng chống dịch năm 2026", year=2026, status=PlanStatus.ISSUED,
                     owner_unit=org.nvy, issuers=[org.syt])
    p2 = PlanFactory(title="Kế hoạch phối hợp (dự thảo) năm 2026", year=2026, status=PlanStatus.DRAFT,
                     kind=PlanKind.COORDINATION, owner_unit=org.nvy, issuers=[org.syt])
    p3 = PlanFactory(title="Kế hoạch liên tịch dân vận năm 2026", year=2026, status=PlanStatus.ISSUED,
                     kind=PlanKind.COORDINATION, owner_unit=org.syt, issuers=[org.syt, org.bdv])
    p4 = PlanFactory(title="Kế hoạch năm 2025", year=2025, status=PlanStatus.ISSUED, owner_unit=org.nvy,
                     issuers=[org.syt])
    r1 = Responsibility.objects.create(plan=p1, lead_unit=org.cdc, due_date=dt.date(2026, 3, 1))
    r2 = Responsibility.objects.create(plan=p1, lead_unit=org.cdc, due_date=dt.date(2026, 12, 31))
    r3 = Responsibility.objects.create(plan=p1, lead_unit=org.bvdk, due_date=dt.date(2026, 2, 1))
    r4 = Responsibility.objects.create(plan=p1, lead_unit=org.bvdk)
    r5 = Responsibility.objects.create(plan=p3, lead_unit=org.bdv, due_date=dt.date(2026, 1, 10))
    obligation = ReportingObligation.objects.create(
        plan=p1, title="Báo cáo quý", recipient_unit=org.nvy, period_type="quarterly",
        fixed_deadlines=["15/03", "15/06", "15/09", "15/12"])
    q1 = _period(2026, 1, dt.date(2025, 12, 15), dt.date(2026, 3, 14))
    q2 = _period(2026, 2, dt.date(2026, 3, 15), dt.date(2026, 6, 14))
    q3 = _period(2026, 3, dt.date(2026, 6, 15), dt.date(2026, 9, 14))
    q4_2025 = _period(2025, 4, dt.date(2025, 9, 15), dt.date(2025, 12, 14))
    cdc_q1 = _request(obligation, org.cdc, q1, dt.date(2026, 3, 15), status=RequestStatus.SUBMITTED,
                      submitted=dt.date(2026, 3, 10),
                      updates={str(r1.pk): {"status": "done"}, str(r2.pk): {"status": "in_progress"}})
    bvdk_q1 = _request(obligation, org.bvdk, q1, dt.date(2026, 3, 15), status=RequestStatus.SUBMITTED,
                       submitted=dt.date(2026, 3, 20), updates={str(r3.pk): {"status": "in_progress"}})
    cdc_q2 = _request(obligation, org.cdc, q2, dt.date(2026, 6, 15))
    bvdk_q2 = _request(obligation, org.bvdk, q2, dt.date(2026, 6, 15), status=RequestStatus.ACCEPTED,
                       submitted=dt.date(2026, 6, 14), updates={str(r3.pk): {"status": "done"}})
    cdc_q3 = _request(obligation, org.cdc, q3, dt.date(2026, 9, 15))
    cdc_2025 = _request(obligation, org.cdc, q4_2025, dt.date(2025, 12, 15), status=RequestStatus.ACCEPTED,
                        submitted=dt.date(2025, 12, 20))
    return SimpleNamespace(p1=p1, p2=p2, p3=p3, p4=p4, r1=r1, r2=r2, r3=r3, r4=r4, r5=r5, obligation=obligation,
                           q1=q1, q2=q2, q3=q3, q4_2025=q4_2025, cdc_q1=cdc_q1, bvdk_q1=bvdk_q1, cdc_q2=cdc_q2,
                           bvdk_q2=bvdk_q2, cdc_q3=cdc_q3, cdc_2025=cdc_2025)
