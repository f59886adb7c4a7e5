"""Report periods, deadlines and working days: pure functions (no database, no clock).

Two calendars (FORMAT.md §3):

* ``nd09`` — the data cut-off of Decree 09/2019/NĐ-CP, Art. 12: a quarter runs from
  the 15th of the month before it to the 14th of its last month (Q1 = 15/12 of the
  previous year – 14/03); six months 15/12 – 14/06; nine months 15/12 – 14/09;
  the year 15/12 – 14/12.
* ``calendar`` — calendar periods of Circular 37/2019/TT-BYT: Q1 = 01/01 – 31/03,
  six months to 30/06, nine months to 30/09, the year to 31/12.

A period's ``cut_off`` is its last day of data (= ``end``).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import DeadlineRule, PeriodCalendar, PeriodType, ShiftRule

_PER_YEAR = {
    PeriodType.QUARTERLY: 4,
    PeriodType.SIX_MONTHLY: 1,
    PeriodType.NINE_MONTHLY: 1,
    PeriodType.ANNUAL: 1,
    PeriodType.ONE_OFF: 1,
}
# last month of each period of the year
_LAST_MONTHS = {
    PeriodType.QUARTERLY: (3, 6, 9, 12),
    PeriodType.SIX_MONTHLY: (6,),
    PeriodType.NINE_MONTHLY: (9,),
    PeriodType.ANNUAL: (12,),
}


@dataclass(frozen=True)
class PeriodSpan:
    period_type: str
    calendar: str
    year: int
    index: int
    start: dt.date
    end: dt.date

    @property
    def cut_off(self) -> dt.date:
        return self.end


def periods_per_year(period_type: str) -> int:
    return _PER_YEAR[period_type]


def period_span(calendar: str, period_type: str, year: int, index: int) -> PeriodSpan:
    """The ``index``-th period (1-based) of ``period_type`` in ``year``."""
    if period_type == PeriodType.ONE_OFF:
        raise ValueError("a one-off period has the dates of its obligation")
    last_months = _LAST_MONTHS[period_type]
    if not 1 <= index <= len(last_months):
        raise ValueError(f"{period_type} has no period {index}")
    last_month = last_months[index - 1]
    first_month = 1 if period_type != PeriodType.QUARTERLY else last_month - 2
    if calendar == PeriodCalendar.CALENDAR:
        start = dt.date(year, first_month, 1)
        end = dt.date(year, last_month, _calendar.monthrange(year, last_month)[1])
    elif calendar == PeriodCalendar.ND09:
        start = dt.date(year - 1, 12, 15) if first_month == 1 else dt.date(year, first_month - 1, 15)
        end = dt.date(year, last_month, 14)
    else:
        raise ValueError(f"unknown calendar {calendar}")
    return PeriodSpan(period_type, calendar, year, index, start, end)


def periods_of_year(calendar: str, period_type: str, year: int) -> list[PeriodSpan]:
    return [period_span(calendar, period_type, year, i) for i in range(1, periods_per_year(period_type) + 1)]


def period_label(period_type: str, year: int, index: int, start: dt.date | None = None,
                 end: dt.date | None = None) -> str:
    if period_type == PeriodType.QUARTERLY:
        from plans.text import roman

        return _("Quarter %(roman)s/%(year)d") % {"roman": roman(index), "year": year}
    if period_type == PeriodType.SIX_MONTHLY:
        return _("First six months of %(year)d") % {"year": year}
    if period_type == PeriodType.NINE_MONTHLY:
        return _("Nine months of %(year)d") % {"year": year}
    if period_type == PeriodType.ANNUAL:
        return _("Year %(year)d") % {"year": year}
    if start and end:
        return _("%(start)s – %(end)s") % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
    return str(year)


# --- Working days ------------------------------------------------------------


def is_working_day(day: dt.date, holidays: Iterable[dt.date] = ()) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


def previous_working_day(day: dt.date, holidays: Iterable[dt.date] = ()) -> dt.date:
    """``day`` itself if it is a working day, else the last working day before it."""
    holidays = frozenset(holidays)
    while not is_working_day(day, holidays):
        day -= dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, n: int, holidays: Iterable[dt.date] = ()) -> dt.date:
    """The ``n``-th working day after ``day`` (``n`` = 0: ``day`` itself)."""
    holidays = frozenset(holidays)
    while n > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            n -= 1
    return day


def parse_day_month(value: str) -> tuple[int, int]:
    """``"05/06"`` → ``(5, 6)``; ``ValueError`` on anything else."""
    day_s, _sep, month_s = str(value).strip().partition("/")
    day, month = int(day_s), int(month_s)
    dt.date(2024, month, day)  # a leap year accepts 29/02; raises ValueError for 31/04
    return day, month


def _fixed_date(year: int, day: int, month: int) -> dt.date:
    last = _calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last))


def due_date(*, rule: str, span: PeriodSpan, fixed: str = "", days: int = 0,
             shift: str = ShiftRule.KEEP, holidays: Iterable[dt.date] = ()) -> dt.date:
    """The deadline of ``span`` under ``rule``.

    * ``fixed``: the day and month ``fixed`` (``"dd/mm"``) of the period's year;
      a date before the period's start falls in the following year.
    * ``days_after``: ``days`` calendar days after the period ends.
    * ``working_days_after``: the ``days``-th working day after the period ends.
    * ``nd09_default``: the first working day after the cut-off (the shortest
      time Decree 09/2019 allows; a regime may set a later date with another rule).

    ``shift`` (``fixed`` and ``days_after``) moves a date on a weekend or holiday
    to the previous working day, or keeps it.
    """
    holidays = frozenset(holidays)
    if rule == DeadlineRule.FIXED:
        day, month = parse_day_month(fixed)
        result = _fixed_date(span.year, day, month)
        if result < span.start:
            result = _fixed_date(span.year + 1, day, month)
    elif rule == DeadlineRule.DAYS_AFTER:
        result = span.end + dt.timedelta(days=days)
    elif rule == DeadlineRule.WORKING_DAYS_AFTER:
        return add_working_days(span.end, max(days, 1), holidays)
    elif rule == DeadlineRule.ND09_DEFAULT:
        return add_working_days(span.cut_off, 1, holidays)
    else:
        raise ValueError(f"unknown deadline rule {rule}")
    if shift == ShiftRule.PREVIOUS_WORKING_DAY:
        result = previous_working_day(result, holidays)
    return result


def reminder_offset_due(*, due: dt.date, today: dt.date, offsets: Iterable[int]) -> int | None:
    """The reminder offset to send on ``today``: the smallest offset already reached, if the deadline has not passed.

    Run daily, this sends each offset on its own day (7, 3, 1 days before); a day
    the job missed is caught up on the next run with the nearest offset only.
    """
    if today > due:
        return None
    reached = [o for o in offsets if due - dt.timedelta(days=o) <= today]
    return min(reached) if reached else None


# --- Vietnamese public holidays (Labour Code 2019, Art. 112) -----------------

# Lunar New Year's day (mùng 1 Tết) and the Hùng Kings' day (10/3 lunar) per year.
LUNAR_DATES = {
    2020: (dt.date(2020, 1, 25), dt.date(2020, 4, 2)),
    2021: (dt.date(2021, 2, 12), dt.date(2021, 4, 21)),
    2022: (dt.date(2022, 2, 1), dt.date(2022, 4, 10)),
    2023: (dt.date(2023, 1, 22), dt.date(2023, 4, 29)),
    2024: (dt.date(2024, 2, 10), dt.date(2024, 4, 18)),
    2025: (dt.date(2025, 1, 29), dt.date(2025, 4, 7)),
    2026: (dt.date(2026, 2, 17), dt.date(2026, 4, 26)),
    2027: (dt.date(2027, 2, 6), dt.date(2027, 4, 16)),
    2028: (dt.date(2028, 1, 26), dt.date(2028, 4, 4)),
    2029: (dt.date(2029, 2, 13), dt.date(2029, 4, 23)),
    2030: (dt.date(2030, 2, 3), dt.date(2030, 4, 12)),
}
# The day added to 02/09 (01/09 or 03/09), chosen each year by the Government.
NATIONAL_DAY_EXTRA = {2025: dt.date(2025, 9, 1), 2026: dt.date(2026, 9, 1), 2027: dt.date(2027, 9, 3),
                      2028: dt.date(2028, 9, 1), 2029: dt.date(2029, 9, 1), 2030: dt.date(2030, 9, 1)}


def public_holidays(year: int) -> list[tuple[dt.date, str]]:
    """The public holidays of ``year`` (fixed dates, Tết: the eve and the first four days, Hùng Kings)."""
    days = [
        (dt.date(year, 1, 1), "Tết Dương lịch"),
        (dt.date(year, 4, 30), "Ngày Chiến thắng"),
        (dt.date(year, 5, 1), "Ngày Quốc tế Lao động"),
        (dt.date(year, 9, 2), "Quốc khánh"),
    ]
    if year in NATIONAL_DAY_EXTRA:
        days.append((NATIONAL_DAY_EXTRA[year], "Quốc khánh (ngày nghỉ thêm)"))
    if year in LUNAR_DATES:
        new_year, hung_kings = LUNAR_DATES[year]
        days.append((new_year - dt.timedelta(days=1), "Tết Nguyên đán (ngày cuối năm)"))
        days += [(new_year + dt.timedelta(days=i), f"Tết Nguyên đán (mùng {i + 1})") for i in range(4)]
        days.append((hung_kings, "Giỗ Tổ Hùng Vương"))
    return sorted(days)
