"""Hot queries whose SQL the ORM writes once per process, then run with other values.

Compiling a queryset costs more than running it on the deadline-day pages: the report form's latest version
took 0.8 ms through the ORM, 0.35 ms with its SQL made in advance (most of the difference is the compiler:
joins, the annotation, the ordering, worked out again at every request). ``PreparedQuery`` takes a function
that builds the queryset from its values, builds it once per database with stand-in values, keeps the SQL the
ORM wrote and where each stand-in went among its parameters, and afterwards sends that SQL with the real values.
The SQL is still the ORM's own (table and column names, the backend's dialect, ``FOR UPDATE`` where the database
has it), so a change to a model changes it too.

A ``select_for_update()`` queryset is first built inside the transaction that runs it, as the ORM requires.
The values must be integers (primary keys): the stand-ins are integers no row has, found by value among the
compiled parameters; a queryset that uses a value twice, or transforms it, is refused when it is first built.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

# integers no primary key takes (negative), one per value of the query
_STAND_INS = tuple(-(2**31) + 7919 * i for i in range(1, 9))


class PreparedQuery:
    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        self._compiled: dict[str, tuple[QuerySet, str, tuple, tuple[int | None, ...]]] = {}

    def _compile(self, using: str, arity: int):
        key = f"{using}:{arity}"
        if key not in self._compiled:
            stand_ins = _STAND_INS[:arity]
            queryset = self._build(*stand_ins).using(using)
            sql, params = queryset.query.get_compiler(using).as_sql()
            slots = tuple(stand_ins.index(p) if isinstance(p, int) and p in stand_ins else None for p in params)
            found = [slot for slot in slots if slot is not None]
            if sorted(found) != list(range(arity)):
                raise ValueError(f"each value must appear once among the query's parameters: {params!r}")
            self._compiled[key] = (queryset, sql, tuple(params), slots)
        return self._compiled[key]

    def _params(self, params, slots, values) -> list:
        return [values[slot] if slot is not None else param for param, slot in zip(params, slots, strict=True)]

    def objects(self, *values: int, using: str = "default") -> list:
        """The model instances the queryset would give, with its annotations and the database's values converted as
        the ORM converts them (``raw()``); no ``select_related`` (a raw query fills no related object), and the
        queryset must read the primary key (``only()`` for a few fields)."""
        queryset, sql, params, slots = self._compile(using, len(values))
        return list(queryset.model._default_manager.db_manager(using).raw(sql, self._params(params, slots, values)))
