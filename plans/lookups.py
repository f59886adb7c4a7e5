"""Two lookups that say what Django's own say, cheaper on the queries leadership runs over a province's rows.

``field__any=ids``: a filter on a long set of ids (a user's units: ``plans.policy.user_scope``) bound as one
array parameter.

``field__in=ids`` prepares, normalises and binds each id on its own, every time a query is built: for leadership,
whose scope is the 300 units of the province, the overview's two dozen filters spent ~20 ms of Python on it.
``field = ANY(%s)`` is what PostgreSQL makes of ``IN (…)`` anyway, so the plan of the query does not change. The
ids must be integers (a unit's, a plan's …); an empty set matches nothing, as ``__in`` does.

``moment__day_lte=date``: the moment (a ``DateTimeField``) falls on ``date`` or before in the current time zone,
as ``moment__date__lte=date`` says. ``__date`` converts every row's moment to the local time zone by its name
(``AT TIME ZONE 'Asia/Ho_Chi_Minh'``), which cost the overview's counts of on-time reports ~0,5 µs a row, a
third of their time over 35.000 requests. Vietnam's time has one offset all year (UTC+7, no summer time), so on
PostgreSQL the moment is compared with the instant the next local day begins (``date`` + 24 h − 7 h, in UTC);
in a time zone that changes its offset, and on SQLite, it is ``__date__lte``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.db.models import DateTimeField, Field, ForeignObject, Lookup
from django.db.models.functions import TruncDate
from django.db.models.lookups import LessThanOrEqual


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)
        if not self.rhs:  # SQLite (``make run``): the ids one by one, as ``__in`` binds them
            return "1 = 0", tuple(lhs_params)
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", (*lhs_params, *self.rhs)


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # a relation's lookups are its own, not those of Field


@lru_cache
def fixed_offset_seconds(zone: dt.tzinfo) -> int | None:
    """The offset from UTC of ``zone`` in seconds if it is the same on every day from 2000 to 2100, else None."""
    offsets = {zone.utcoffset(dt.datetime(year, month, 1, 12)) for year in range(2000, 2101) for month in (1, 4, 7, 10)}
    return int(offsets.pop().total_seconds()) if len(offsets) == 1 else None


class DayOnOrBefore(Lookup):
    lookup_name = "day_lte"
    prepare_rhs = False  # a date (or a date column), not a moment

    def get_db_prep_lookup(self, value, connection):
        return "%s", [value]

    def as_sql(self, compiler, connection):
        from django.utils import timezone

        zone = timezone.get_current_timezone()
        offset = fixed_offset_seconds(zone) if connection.vendor == "postgresql" else None
        if offset is None:
            return LessThanOrEqual(TruncDate(self.lhs, tzinfo=zone), self.rhs).as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        # the next local midnight after the date, as a moment: (date + (24 h − offset)) read as UTC
        return (f"{lhs} < (({rhs})::date + make_interval(secs => %s)) AT TIME ZONE 'UTC'",
                (*lhs_params, *rhs_params, 86400 - offset))


DateTimeField.register_lookup(DayOnOrBefore)
