"""Public holidays come from ``manage.py load_holidays``: through 2030, idempotent, respectful of edits."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from reporting import selectors
from reporting.choices import DeadlineRule, PeriodCalendar, PeriodType
from reporting.models import Holiday
from reporting.periods import due_date, period_span, public_holidays

pytestmark = pytest.mark.django_db
D = dt.date


def load(*args) -> str:
    out = StringIO()
    call_command("load_holidays", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_command_loads_the_official_days_through_2030():
    Holiday.objects.all().delete()  # a database the 2027 data migration never filled
    assert load().startswith("Public holidays 2020–2030:")
    for year in range(2026, 2031):
        expected = dict(public_holidays(year))
        assert dict(Holiday.objects.filter(date__year=year).values_list("date", "name")) == expected
    tet_2030 = Holiday.objects.filter(name__startswith="Tết Nguyên đán", date__year=2030).values_list("date", flat=True)
    assert list(tet_2030) == [D(2030, 2, 2), D(2030, 2, 3), D(2030, 2, 4), D(2030, 2, 5), D(2030, 2, 6)]
    days_2030 = dict(Holiday.objects.filter(date__year=2030).values_list("date", "name"))
    assert days_2030[D(2030, 4, 12)] == "Giỗ Tổ Hùng Vương"
    assert days_2030[D(2030, 9, 1)] == "Quốc khánh (ngày nghỉ thêm)"
    assert {D(2030, 1, 1), D(2030, 4, 30), D(2030, 5, 1), D(2030, 9, 2)} <= set(days_2030)
    assert len(days_2030) == 11


def test_the_command_is_idempotent_and_completes_the_migration_s_years():
    migrated = Holiday.objects.filter(date__year__lte=2027).count()
    assert migrated > 0  # the data migration's days (2020–2027) are left as they are
    first = load()
    total = Holiday.objects.count()
    assert Holiday.objects.filter(date__year__lte=2027).count() == migrated
    assert Holiday.objects.filter(date__year__in=[2028, 2029, 2030]).count() == 33
    assert "33 added" in first
    assert "0 added" in load()
    assert Holiday.objects.count() == total


def test_an_edited_day_is_kept_and_a_moved_day_is_not_added_back():
    load()
    renamed = Holiday.objects.get(date=D(2029, 9, 2))
    renamed.name = "Quốc khánh (sửa bởi quản trị)"
    renamed.save()
    moved = Holiday.objects.get(date=D(2029, 9, 1))
    moved.date = D(2029, 9, 3)  # the Government chose the day after
    moved.save()
    deleted_elsewhere = Holiday.objects.get(date=D(2030, 5, 1))
    deleted_elsewhere.delete()

    assert "1 added" in load()
    assert Holiday.objects.get(date=D(2029, 9, 2)).name == "Quốc khánh (sửa bởi quản trị)"
    assert not Holiday.objects.filter(date=D(2029, 9, 1)).exists()
    assert Holiday.objects.get(date=D(2029, 9, 3)).name == "Quốc khánh (ngày nghỉ thêm)"
    assert Holiday.objects.filter(date=D(2030, 5, 1)).exists()  # missing days are added


def test_a_working_days_deadline_skips_tet_2030():
    load()
    span = period_span(PeriodCalendar.CALENDAR, PeriodType.QUARTERLY, 2029, 4)  # ends Mon 31/12/2029
    holidays = selectors.holidays_between(D(2029, 12, 1), D(2030, 3, 31))
    # 01/01 and Tết (Sat 02/02 … Wed 06/02) are no working days: the 25th working day is Fri 08/02, not Tue 05/02
    assert due_date(rule=DeadlineRule.WORKING_DAYS_AFTER, span=span, days=25, holidays=holidays) == D(2030, 2, 8)
    assert due_date(rule=DeadlineRule.WORKING_DAYS_AFTER, span=span, days=23, holidays=holidays) == D(2030, 2, 1)
    assert due_date(rule=DeadlineRule.WORKING_DAYS_AFTER, span=span, days=24, holidays=holidays) == D(2030, 2, 7)
