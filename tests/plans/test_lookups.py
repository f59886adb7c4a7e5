"""``field__any=ids`` (``plans.lookups``) selects what ``field__in=ids`` selects: on a column, a foreign key, a
many-to-many relation, in an exclusion, and for an empty set (nothing)."""

import pytest

from plans.models import Plan, Responsibility, Unit
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(org):
    first = PlanFactory(title="Kế hoạch một", owner_unit=org.nvy, issuers=[org.syt])
    second = PlanFactory(title="Kế hoạch hai", owner_unit=org.tccb, issuers=[org.syt, org.bdv])
    third = PlanFactory(title="Kế hoạch ba", owner_unit=org.nvy, issuers=[org.bdv])
    duty = Responsibility.objects.create(plan=first, lead_unit=org.cdc)
    duty.supporting_units.set([org.bvdk, org.bdv])
    Responsibility.objects.create(plan=second, lead_unit=org.bvdk)
    return first, second, third


def _same(queryset, **lookup):
    (name, ids), = lookup.items()
    chosen = {obj.pk for obj in queryset.filter(**{f"{name}__any": ids})}
    assert chosen == {obj.pk for obj in queryset.filter(**{f"{name}__in": ids})}
    left = {obj.pk for obj in queryset.exclude(**{f"{name}__any": ids})}
    assert left == {obj.pk for obj in queryset.exclude(**{f"{name}__in": ids})}
    return chosen


def test_any_selects_what_in_selects(org, plans):
    first, second, third = plans
    assert _same(Plan.objects.all(), owner_unit=[org.nvy.pk]) == {first.pk, third.pk}
    assert _same(Plan.objects.all(), owner_unit_id=[org.tccb.pk, org.cdc.pk]) == {second.pk}
    assert _same(Plan.objects.all(), pk=[first.pk, third.pk]) == {first.pk, third.pk}
    assert _same(Responsibility.objects.all(), supporting_units=[org.bdv.pk]) == {first.responsibilities.get().pk}
    assert _same(Plan.objects.all(), issuers=[org.bdv.pk]) == {second.pk, third.pk}
    assert _same(Unit.objects.all(), parent_id=[org.syt.pk]) == {org.nvy.pk, org.tccb.pk, org.cdc.pk, org.bvdk.pk}


def test_an_empty_set_selects_nothing(plans):
    assert _same(Plan.objects.all(), owner_unit_id=[]) == set()
    assert Plan.objects.exclude(owner_unit_id__any=[]).count() == 3


def test_ids_are_bound_as_integers(org, plans):
    assert set(Plan.objects.filter(owner_unit_id__any=[str(org.nvy.pk)]).values_list("title", flat=True)) == {
        "Kế hoạch một", "Kế hoạch ba"}
