"""``plans.prepared.PreparedQuery``: the ORM's SQL made once, run with other values, gives what the ORM gives."""

import pytest
from django.db.models import Count

from plans.models import Item, Plan
from plans.prepared import PreparedQuery
from tests.factories import ItemFactory, PlanFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_the_instances_and_annotations_are_the_orms_for_each_value(org):
    plans = [PlanFactory(owner_unit=org.syt), PlanFactory(owner_unit=org.syt), PlanFactory(owner_unit=org.syt)]
    for plan, n in zip(plans, (0, 1, 3), strict=True):
        section = SectionFactory(plan=plan)
        for _ in range(n):
            ItemFactory(section=section)
    built = []

    def build(pk):
        built.append(pk)
        return Plan.objects.filter(pk=pk).annotate(n_items=Count("sections__items"))

    prepared = PreparedQuery(build)
    for plan in [*plans, *plans]:
        (found,) = prepared.objects(plan.pk)
        expected = build(plan.pk).get()
        assert (found.pk, found.title, found.created_at, found.n_items) == (
            expected.pk, expected.title, expected.created_at, expected.n_items)
    assert len(built) == 1 + 6  # once with the stand-in values; the rest are this test's own ORM reads
    assert prepared.objects(-1) == []


def test_two_values_each_in_its_place(org):
    plan = PlanFactory(owner_unit=org.syt)
    section = SectionFactory(plan=plan)
    items = [ItemFactory(section=section) for _ in range(3)]
    prepared = PreparedQuery(lambda section_id, above: Item.objects.filter(section_id=section_id, pk__gt=above)
                             .order_by("pk"))
    assert [i.pk for i in prepared.objects(section.pk, items[0].pk)] == [items[1].pk, items[2].pk]
    assert [i.pk for i in prepared.objects(section.pk, items[1].pk)] == [items[2].pk]


def test_a_value_used_twice_is_refused():
    prepared = PreparedQuery(lambda pk: Plan.objects.filter(pk=pk) | Plan.objects.filter(owner_unit_id=pk))
    with pytest.raises(ValueError, match="each value must appear once"):
        prepared.objects(1)
