"""Report periods of both calendars, deadlines, working days and public holidays."""

import datetime as dt

import pytest

from reporting.models import DeadlineRule, PeriodCalendar, PeriodType, ShiftRule
from reporting.periods import (
    add_working_days,
    due_date,
    is_working_day,
    parse_day_month,
    period_span,
    periods_of_year,
    previous_working_day,
    public_holidays,
    reminder_offset_due,
)

D = dt.date
ND09, CAL = PeriodCalendar.ND09, PeriodCalendar.CALENDAR


@pytest.mark.parametrize(("calendar", "period_type", "index", "start", "end"), [
    (ND09, PeriodType.QUARTERLY, 1, D(2025, 12, 15), D(2026, 3, 14)),
    (ND09, PeriodType.QUARTERLY, 2, D(2026, 3, 15), D(2026, 6, 14)),
    (ND09, PeriodType.QUARTERLY, 3, D(2026, 6, 15), D(2026, 9, 14)),
    (ND09, PeriodType.QUARTERLY, 4, D(2026, 9, 15), D(2026, 12, 14)),
    (ND09, PeriodType.SIX_MONTHLY, 1, D(2025, 12, 15), D(2026, 6, 14)),
    (ND09, PeriodType.NINE_MONTHLY, 1, D(2025, 12, 15), D(2026, 9, 14)),
    (ND09, PeriodType.ANNUAL, 1, D(2025, 12, 15), D(2026, 12, 14)),
    (CAL, PeriodType.QUARTERLY, 1, D(2026, 1, 1), D(2026, 3, 31)),
    (CAL, PeriodType.QUARTERLY, 2, D(2026, 4, 1), D(2026, 6, 30)),
    (CAL, PeriodType.QUARTERLY, 3, D(2026, 7, 1), D(2026, 9, 30)),
    (CAL, PeriodType.QUARTERLY, 4, D(2026, 10, 1), D(2026, 12, 31)),
    (CAL, PeriodType.SIX_MONTHLY, 1, D(2026, 1, 1), D(2026, 6, 30)),
    (CAL, PeriodType.NINE_MONTHLY, 1, D(2026, 1, 1), D(2026, 9, 30)),
    (CAL, PeriodType.ANNUAL, 1, D(2026, 1, 1), D(2026, 12, 31)),
])
def test_period_bounds_of_both_calendars(calendar, period_type, index, start, end):
    span = period_span(calendar, period_type, 2026, index)
    assert (span.start, span.end, span.cut_off) == (start, end, end)


@pytest.mark.parametrize("calendar", [ND09, CAL])
def test_quarters_cover_the_year_without_gap_or_overlap(calendar):
    quarters = periods_of_year(calendar, PeriodType.QUARTERLY, 2024)
    assert [q.index for q in quarters] == [1, 2, 3, 4]
    for before, after in zip(quarters, quarters[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    year = period_span(calendar, PeriodType.ANNUAL, 2024, 1)
    assert (quarters[0].start, quarters[-1].end) == (year.start, year.end)


def test_leap_year_calendar_quarter_and_unknown_period():
    assert period_span(CAL, PeriodType.QUARTERLY, 2024, 1).end == D(2024, 3, 31)
    with pytest.raises(ValueError):
        period_span(CAL, PeriodType.QUARTERLY, 2024, 5)
    with pytest.raises(ValueError):
        period_span(CAL, PeriodType.ONE_OFF, 2024, 1)


def test_working_days_skip_weekends_and_holidays():
    holidays = {d for d, _name in public_holidays(2026)}
    assert is_working_day(D(2026, 6, 5))  # Friday
    assert not is_working_day(D(2026, 6, 6))  # Saturday
    assert not is_working_day(D(2026, 9, 2), holidays)  # Quốc khánh, Wednesday
    assert add_working_days(D(2026, 6, 5), 1) == D(2026, 6, 8)
    # 30/04 (Thu) and 01/05 (Fri) 2026 are holidays: 29/04 + 1 working day = Mon 04/05
    assert add_working_days(D(2026, 4, 29), 1, holidays) == D(2026, 5, 4)
    assert add_working_days(D(2026, 4, 29), 0, holidays) == D(2026, 4, 29)
    assert previous_working_day(D(2026, 6, 7)) == D(2026, 6, 5)
    assert previous_working_day(D(2026, 5, 1), holidays) == D(2026, 4, 29)


def test_public_holidays_hold_tet_and_hung_kings():
    days = dict(public_holidays(2026))
    assert D(2026, 2, 16) in days and D(2026, 2, 20) in days  # 29 Tết … mùng 4
    assert days[D(2026, 4, 26)] == "Giỗ Tổ Hùng Vương"
    assert D(2026, 9, 1) in days and D(2026, 9, 2) in days
    assert D(2024, 9, 1) not in dict(public_holidays(2024))
    assert len({d for y in range(2020, 2028) for d, _n in public_holidays(y)}) >= 8 * 5


@pytest.mark.parametrize(("rule", "fixed", "days", "shift", "span", "expected"), [
    # seed 003: six-monthly before 05/06, annual before 25/11 (2026: Fri 05/06, Wed 25/11)
    (DeadlineRule.FIXED, "05/06", 0, ShiftRule.KEEP, (ND09, PeriodType.SIX_MONTHLY, 1), D(2026, 6, 5)),
    (DeadlineRule.FIXED, "25/11", 0, ShiftRule.KEEP, (ND09, PeriodType.ANNUAL, 1), D(2026, 11, 25)),
    # seed 004: 15/06/2025 is a Sunday → Friday 13/06, or kept
    (DeadlineRule.FIXED, "15/06", 0, ShiftRule.PREVIOUS_WORKING_DAY, (ND09, PeriodType.SIX_MONTHLY, 1),
     D(2025, 6, 13)),
    (DeadlineRule.FIXED, "15/06", 0, ShiftRule.KEEP, (ND09, PeriodType.SIX_MONTHLY, 1), D(2025, 6, 15)),
    # a fixed date before the period's start falls in the next year (Q4 reported in January)
    (DeadlineRule.FIXED, "10/01", 0, ShiftRule.KEEP, (CAL, PeriodType.QUARTERLY, 4), D(2026, 1, 10)),
    # TT 37/2019: 5 working days after a calendar quarter (Q1 2025 ends Mon 31/03; 30/04, 01/05 not involved)
    (DeadlineRule.WORKING_DAYS_AFTER, "", 5, ShiftRule.KEEP, (CAL, PeriodType.QUARTERLY, 1), D(2025, 4, 8)),
    # Q1 2025 ends 31/03; 15 working days skip Hùng Kings (07/04) and 30/04, 01/05
    (DeadlineRule.WORKING_DAYS_AFTER, "", 15, ShiftRule.KEEP, (CAL, PeriodType.QUARTERLY, 1), D(2025, 4, 22)),
    # 10 days after 14/06/2025 = 24/06 (Tuesday)
    (DeadlineRule.DAYS_AFTER, "", 10, ShiftRule.PREVIOUS_WORKING_DAY, (ND09, PeriodType.SIX_MONTHLY, 1),
     D(2025, 6, 24)),
    # 14 days after 14/06/2025 = Saturday 28/06 → Friday 27/06
    (DeadlineRule.DAYS_AFTER, "", 14, ShiftRule.PREVIOUS_WORKING_DAY, (ND09, PeriodType.SIX_MONTHLY, 1),
     D(2025, 6, 27)),
    # ND 09 default: first working day after the cut-off (14/06/2025 is a Saturday → Monday 16/06)
    (DeadlineRule.ND09_DEFAULT, "", 0, ShiftRule.KEEP, (ND09, PeriodType.SIX_MONTHLY, 1), D(2025, 6, 16)),
])
def test_due_dates(rule, fixed, days, shift, span, expected):
    calendar, period_type, index = span
    year = expected.year - 1 if expected.month == 1 else expected.year
    holidays = {d for y in (year, year + 1) for d, _n in public_holidays(y)}
    result = due_date(rule=rule, span=period_span(calendar, period_type, year, index), fixed=fixed, days=days,
                      shift=shift, holidays=holidays)
    assert result == expected


def test_due_date_on_a_holiday_moves_before_it():
    holidays = {d for d, _n in public_holidays(2026)}
    span = period_span(ND09, PeriodType.NINE_MONTHLY, 2026, 1)
    assert due_date(rule=DeadlineRule.FIXED, span=span, fixed="02/09", shift=ShiftRule.PREVIOUS_WORKING_DAY,
                    holidays=holidays) == D(2026, 8, 31)


@pytest.mark.parametrize("value", ["5/6", "05/06", " 25/11 "])
def test_parse_day_month_accepts(value):
    assert parse_day_month(value) in {(5, 6), (25, 11)}


@pytest.mark.parametrize("value", ["31/04", "00/01", "abc", "05-06", ""])
def test_parse_day_month_refuses(value):
    with pytest.raises(ValueError):
        parse_day_month(value)


@pytest.mark.parametrize(("today", "expected"), [
    (D(2026, 5, 28), None), (D(2026, 5, 29), 7), (D(2026, 6, 1), 7), (D(2026, 6, 2), 3),
    (D(2026, 6, 4), 1), (D(2026, 6, 5), 1), (D(2026, 6, 6), None),
])
def test_reminder_offset_of_the_day(today, expected):
    assert reminder_offset_due(due=D(2026, 6, 5), today=today, offsets=[7, 3, 1]) == expected
