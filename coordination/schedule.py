"""The meetings a joint plan schedules for its year (seed 001, IV.3: "Định kỳ hàng quý, 6 tháng tổ chức
Hội nghị giao ban và tổng kết kết quả thực hiện Kế hoạch phối hợp vào tháng 12").

The quarterly briefings close quarters I and III, the six-monthly one closes the first half (it also
covers quarter II), and the year-end review is held in December. Each falls on the 25th of the
quarter's last month (the review on 15 December), moved back to the Friday before when that day is a
weekend.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .choices import MeetingKind


@dataclass(frozen=True)
class Slot:
    kind: str
    index: int
    date: dt.date
    title: str


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def year_slots(year: int) -> list[Slot]:
    return [
        Slot(MeetingKind.QUARTERLY, 1, _weekday(dt.date(year, 3, 25)), f"Hội nghị giao ban quý I năm {year}"),
        Slot(MeetingKind.SIX_MONTHLY, 1, _weekday(dt.date(year, 6, 25)),
             f"Hội nghị giao ban 6 tháng đầu năm {year}"),
        Slot(MeetingKind.QUARTERLY, 2, _weekday(dt.date(year, 9, 25)), f"Hội nghị giao ban quý III năm {year}"),
        Slot(MeetingKind.YEAR_END, 1, _weekday(dt.date(year, 12, 15)),
             f"Hội nghị tổng kết Kế hoạch phối hợp năm {year}"),
    ]
