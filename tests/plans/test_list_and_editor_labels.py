"""The plan list as staff meet it: the unit filter finds the units' duties, no number before issue; the editor's
save button of an item being edited reads "Lưu"."""

import re

import pytest
from django.urls import reverse

from plans import services
from plans.choices import ItemStyle, PlanStatus
from tests.factories import ItemFactory, PlanFactory, ResponsibilityFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _issued(org, title, **extra):
    return PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=extra.pop("number", None), title=title,
                       **extra)


def test_unit_filter_finds_plans_where_the_unit_leads_or_supports_a_duty_once(client, org, users,
                                                                             django_assert_max_num_queries):
    leads = _issued(org, "CDC chủ trì hai nhiệm vụ", number=3)
    section = SectionFactory(plan=leads)
    for text in ("Giám sát dịch tễ", "Xét nghiệm"):
        ResponsibilityFactory(item=ItemFactory(section=section, text=text), plan=leads, lead_unit=org.cdc)
    supports = _issued(org, "CDC phối hợp", number=4)
    duty = ResponsibilityFactory(item=ItemFactory(section=SectionFactory(plan=supports)), plan=supports,
                                 lead_unit=org.bvdk)
    duty.supporting_units.set([org.cdc, org.tccb])
    other = _issued(org, "Không liên quan đến CDC", number=5)
    ResponsibilityFactory(item=ItemFactory(section=SectionFactory(plan=other)), plan=other, lead_unit=org.bvdk)
    client.force_login(users.author)
    with django_assert_max_num_queries(13):  # the list's 12, and the filter reads the unit
        response = client.get(reverse("plans:list"), {"unit": org.cdc.pk})
    titles = [row.record.title for row in response.context["table"].rows]
    assert sorted(titles) == ["CDC chủ trì hai nhiệm vụ", "CDC phối hợp"]  # each once, not once per duty
    assert "Không liên quan" not in response.content.decode()
    titles = [row.record.title for row in client.get(reverse("plans:list"), {"unit": org.nvy.pk}).context[
        "table"].rows]
    assert len(titles) == 3  # the drafting unit still finds its own plans


def test_plan_list_shows_a_dash_until_the_plan_has_a_number(client, org, users):
    _issued(org, "Đã có số", number=7)
    PlanFactory(owner_unit=org.nvy, title="Còn nháp")
    client.force_login(users.author)
    response = client.get(reverse("plans:list"), {"sort": "title"})
    cells = {row.record.title: row.get_cell("number") for row in response.context["table"].rows}
    assert cells == {"Còn nháp": "—", "Đã có số": "07/KH-SYT"}
    assert ">/KH-SYT<" not in re.sub(r"\s+", "", response.content.decode())


def test_the_item_being_edited_is_saved_with_lu_not_add_item(client, org, users):
    plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Hai mục", "place": "Quảng Ngãi"})
    first = services.section_create(actor=users.author, plan=plan, title="Mục đích")
    second = services.section_create(actor=users.author, plan=plan, title="Nội dung")
    services.item_create(actor=users.author, section=first, text="Việc một.", style=ItemStyle.NUMBER)
    item = services.item_create(actor=users.author, section=second, text="Việc hai.", style=ItemStyle.NUMBER)
    client.force_login(users.author)
    for edit, form_id in ((f"item-{item.pk}", "edit-item-form"), (f"section-{second.pk}", "edit-section-form")):
        body = client.get(reverse("plans:editor", args=[plan.pk]), {"edit": edit}).content.decode()
        form = body[body.index(f'id="{form_id}"'):]
        button = re.search(r'<button type="submit"[^>]*>([^<]*)</button>', form).group(1)
        assert button == "Lưu", edit
