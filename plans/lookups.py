"""``field__any=ids``: a filter on a long set of ids (a user's units: ``plans.policy.user_scope``) bound as one
array parameter.

``field__in=ids`` prepares, normalises and binds each id on its own, every time a query is built: for leadership,
whose scope is the 300 units of the province, the overview's two dozen filters spent ~20 ms of Python on it.
``field = ANY(%s)`` is what PostgreSQL makes of ``IN (…)`` anyway, so the plan of the query does not change. The
ids must be integers (a unit's, a plan's …); an empty set matches nothing, as ``__in`` does.
"""

from __future__ import annotations

from django.db.models import Field, ForeignObject, Lookup


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
