"""The portal's search page: every registered source, accent-insensitive, only what the user may see."""

import pytest
from django.urls import reverse

from plans.choices import PlanStatus
from plans.extensions import SearchSource, search_sources
from plans.search import PLANS_SOURCE, search
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(org):
    return {
        "issued": PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED,
                              title="Kế hoạch công tác dân vận năm 2026"),
        "draft": PlanFactory(owner_unit=org.tccb, status=PlanStatus.DRAFT,
                             title="Dự thảo kế hoạch dân vận chính quyền"),
        "other": PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title="Kế hoạch tiêm chủng"),
    }


@pytest.fixture
def unit_source():
    """A feature app's source (units here), registered for the test only."""
    from plans.models import Unit

    source = SearchSource(key="test_units", label="Đơn vị", order=50, text_field="code",
                          queryset=lambda user: Unit.objects.all(), title=lambda unit: unit.name,
                          url=lambda unit: f"/units/{unit.pk}/")
    search_sources.register(source)
    yield source
    search_sources.unregister(source.key)


def test_plans_register_their_search_source():
    assert search_sources.get("plans") is PLANS_SOURCE


def test_dan_van_finds_dan_van_with_accents(client, users, plans):
    client.force_login(users.author)
    response = client.get(reverse("search"), {"q": "dan van"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    (result,) = [r for r in response.context["results"] if r.source.key == "plans"]
    assert [h.title for h in result.hits] == ["Kế hoạch công tác dân vận năm 2026"]
    html = response.content.decode()
    assert plans["issued"].get_absolute_url() in html and "tiêm chủng" not in html


def test_search_shows_only_what_the_user_may_see(users, plans):
    def titles(user):
        return sorted(h.title for r in search(user=user, query="DÂN VẬN") for h in r.hits)

    assert titles(users.other_author) == ["Dự thảo kế hoạch dân vận chính quyền",
                                          "Kế hoạch công tác dân vận năm 2026"]
    assert titles(users.author) == ["Kế hoạch công tác dân vận năm 2026"]  # another room's draft is hidden
    assert titles(users.partner) == []  # a partner body sees only plans that involve it


def test_hits_are_listed_per_source_in_a_bounded_number_of_queries(client, users, org, plans, unit_source,
                                                                   django_assert_max_num_queries):
    for n in range(30):
        PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title=f"Kế hoạch dân vận số {n}")
    client.force_login(users.author)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("search"), {"q": "dan van"})
    results = {r.source.key: r for r in response.context["results"]}
    assert list(results)[:2] == ["plans", "test_units"]
    assert len(results["plans"].hits) == PLANS_SOURCE.limit and results["plans"].more
    with django_assert_max_num_queries(8):
        response = client.get(reverse("search"), {"q": "ttkscb"})
    assert [h.title for h in {r.source.key: r for r in response.context["results"]}["test_units"].hits] == [
        "Trung tâm Kiểm soát bệnh tật"]


def test_an_empty_query_searches_nothing_and_says_nothing_found_otherwise(client, users, plans):
    client.force_login(users.author)
    assert client.get(reverse("search"), {"q": "  "}).context["results"] == []
    response = client.get(reverse("search"), {"q": "không có gì"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert "Không tìm thấy kết quả nào cho “không có gì”." in response.content.decode()


def test_the_navigation_has_a_search_box(client, users):
    client.force_login(users.unit_head)
    html = client.get(reverse("reporting:inbox")).content.decode()
    assert f'action="{reverse("search")}"' in html


def test_search_needs_a_login(client):
    response = client.get(reverse("search"), {"q": "dan van"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
