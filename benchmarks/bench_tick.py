"""A year of the daily reporting job (``reporting_tick``) for a province of 300 units (run by `make bench`)."""

import datetime as dt
import time

import pytest

from reporting.management.commands.seed_scale import seed
from reporting.models import ReportRequest
from reporting.services import reporting_tick

TODAY = dt.date(2026, 12, 1)


@pytest.mark.django_db
def test_a_year_of_reporting_tick(record, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)
    seed(units=300, years=1, plans_per_year=200, seed_value=13, today=TODAY, password="Matkhau@2026")
    before = ReportRequest.objects.count()
    day, started = dt.date(2027, 1, 1), time.perf_counter()
    while day.year == 2027:
        reporting_tick(today=day)
        day += dt.timedelta(days=1)
    elapsed = time.perf_counter() - started
    opened = ReportRequest.objects.count() - before
    print(f"\nreporting_tick, 365 days of 2027 for 300 units: {elapsed:.1f} s ({opened} requests opened)")
    record("a year of reporting_tick for 300 units", elapsed, requests_opened=opened)
