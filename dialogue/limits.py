"""Statutory time limits of petitions (FORMAT.md §5), counted in working days from acceptance.

* complaint (Luật Khiếu nại 2011, Điều 28): 30 days, 45 if complex; remote areas 45 and 60;
* denunciation (Luật Tố cáo 2018, Điều 30): 30 days, extended once by 30 days if complex, twice
  if especially complex, each extension decided in writing;
* proposal and feedback: the department's own rule (``PetitionTimeLimit`` rows, editable in the admin).

Weekends and the public holidays (``reporting.models.Holiday``) are skipped.
"""

from __future__ import annotations

import datetime as dt

from .choices import Complexity, PetitionKind

# kind -> (days, complex, remote, remote and complex, days per extension): the rows the migration seeds.
DEFAULT_LIMITS = {
    PetitionKind.PROPOSAL: (15, 15, 15, 15, 0),
    PetitionKind.FEEDBACK: (15, 15, 15, 15, 0),
    PetitionKind.COMPLAINT: (30, 45, 45, 60, 0),
    PetitionKind.DENUNCIATION: (30, 30, 30, 30, 30),
}
MAX_EXTENSIONS = {Complexity.NORMAL: 0, Complexity.COMPLEX: 1, Complexity.ESPECIALLY_COMPLEX: 2}


def limit_for(kind: str):
    """The ``PetitionTimeLimit`` of ``kind`` (the seeded default when an administrator deleted it)."""
    from .models import PetitionTimeLimit

    row = PetitionTimeLimit.objects.filter(kind=kind).first()
    if row is None:
        days, complex_days, remote, remote_complex, extension = DEFAULT_LIMITS[kind]
        row = PetitionTimeLimit(kind=kind, days=days, complex_days=complex_days, remote_days=remote,
                                remote_complex_days=remote_complex, extension_days=extension)
    return row


def allowed_extensions(limit, complexity: str) -> int:
    return MAX_EXTENSIONS.get(complexity, 0) if limit.extension_days else 0


def limit_days(limit, *, complexity: str, remote_area: bool, extensions: int = 0) -> int:
    complex_case = complexity != Complexity.NORMAL
    if remote_area:
        days = limit.remote_complex_days if complex_case else limit.remote_days
    else:
        days = limit.complex_days if complex_case else limit.days
    return days + min(extensions, allowed_extensions(limit, complexity)) * limit.extension_days


def holidays_between(start: dt.date, end: dt.date) -> frozenset[dt.date]:
    from reporting.models import Holiday

    return frozenset(Holiday.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True))


def due_date(*, kind: str, received_on: dt.date, complexity: str = Complexity.NORMAL, remote_area: bool = False,
             extensions: int = 0) -> dt.date:
    """The last day to resolve a petition: ``days`` working days after ``received_on`` (one query for the holidays)."""
    from reporting.periods import add_working_days

    days = limit_days(limit_for(kind), complexity=complexity, remote_area=remote_area, extensions=extensions)
    holidays = holidays_between(received_on, received_on + dt.timedelta(days=days * 2 + 30))
    return add_working_days(received_on, days, holidays)
