"""factory_boy factories shared by every app's tests."""

import factory
from django.contrib.auth.models import Group

from plans.choices import ItemStyle, PlanKind, PlanStatus, Role, UnitKind
from plans.models import Item, Plan, PlanIssuer, Recipient, Responsibility, Section, Unit, User

PASSWORD = "Matkhau@2026"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    kind = UnitKind.FACILITY
    code = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"Bệnh viện số {n}")
    short_name = factory.LazyAttribute(lambda o: o.name)
    abbreviation = factory.Sequence(lambda n: f"BV{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Nguyễn"
    last_name = factory.Sequence(lambda n: f"Văn {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@syt.local")
    unit = factory.SubFactory(UnitFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            self.groups.add(Group.objects.get_or_create(name=role)[0])
        self._roles_cache = None


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        skip_postgeneration_save = True

    kind = PlanKind.GENERAL
    status = PlanStatus.DRAFT
    year = 2026
    title = factory.Sequence(lambda n: f"Kế hoạch thử nghiệm số {n} năm 2026")
    place = "Quảng Ngãi"
    owner_unit = factory.SubFactory(UnitFactory)
    symbol = "KH-SYT"

    @factory.post_generation
    def issuers(self, create, extracted, **kwargs):
        units = extracted or [self.owner_unit.parent or self.owner_unit]
        for index, unit in enumerate(units):
            PlanIssuer.objects.create(plan=self, unit=unit, order=index)
        from plans.services import plan_reindex

        plan_reindex(self)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = "Mục đích, yêu cầu"


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    section = factory.SubFactory(SectionFactory)
    plan = factory.LazyAttribute(lambda o: o.section.plan)
    order = factory.Sequence(lambda n: n + 1)
    style = ItemStyle.NUMBER
    text = "Đẩy mạnh công tác tuyên truyền."


class ResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responsibility

    item = factory.SubFactory(ItemFactory)
    plan = factory.LazyAttribute(lambda o: o.item.plan)
    lead_unit = factory.SubFactory(UnitFactory)


class RecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recipient

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Bộ Y tế"
    purpose = "để báo cáo"


__all__ = ["Role", "PASSWORD"]
