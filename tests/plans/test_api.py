import pytest
from django.urls import reverse

from plans.choices import PlanStatus
from tests.factories import ItemFactory, PlanFactory, ResponsibilityFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(org):
    draft = PlanFactory(title="Nháp của Phòng Nghiệp vụ Y", owner_unit=org.nvy, issuers=[org.syt])
    issued = PlanFactory(title="Kế hoạch phối hợp công tác dân vận", owner_unit=org.nvy,
                         status=PlanStatus.ISSUED, number=10, issuers=[org.bdv, org.syt])
    section = SectionFactory(plan=issued, title="Nội dung phối hợp")
    parent = ItemFactory(section=section, text="Triển khai")
    child = ItemFactory(section=section, parent=parent, text="Tuyên truyền")
    ResponsibilityFactory(item=child, lead_unit=org.cdc)
    return draft, issued


def test_api_lists_only_what_the_caller_may_see(client, users, plans):
    client.force_login(users.unit_head)
    titles = [p["title"] for p in client.get(reverse("plans_api:plan-list")).json()["results"]]
    assert titles == ["Kế hoạch phối hợp công tác dân vận"]
    client.force_login(users.author)
    response = client.get(reverse("plans_api:plan-list"), {"q": "dan van"})
    assert [p["title"] for p in response.json()["results"]] == ["Kế hoạch phối hợp công tác dân vận"]


def test_api_detail_gives_numbered_outline_and_hides_drafts_of_other_units(client, users, plans):
    draft, issued = plans
    client.force_login(users.unit_head)
    assert client.get(reverse("plans_api:plan-detail", args=[draft.pk])).status_code == 404
    data = client.get(reverse("plans_api:plan-detail", args=[issued.pk])).json()
    assert data["number_display"] == "10/KH-SYT"
    assert data["sections"][0]["label"] == "I"
    item = data["sections"][0]["items"][0]
    assert (item["label"], item["children"][0]["label"]) == ("1.", "1.1.")
    assert item["children"][0]["responsibilities"][0]["lead_unit"] == "ttkscb"


def test_api_needs_login(client, plans):
    assert client.get(reverse("plans_api:plan-list")).status_code == 403


def test_api_list_query_count_is_bounded(client, users, org, django_assert_max_num_queries):
    for n in range(30):
        PlanFactory(title=f"Kế hoạch {n}", owner_unit=org.nvy, status=PlanStatus.ISSUED, number=n + 1,
                    issuers=[org.syt, org.bdv])
    client.force_login(users.author)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans_api:plan-list"))
    assert response.json()["count"] == 30


def test_openapi_schema_is_served(client, users):
    client.force_login(users.author)
    response = client.get(reverse("api-schema"))
    assert response.status_code == 200
    assert b"/api/v1/plans/" in response.content
