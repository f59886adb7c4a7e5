"""The overview, the unit page and the lists read a fixed number of queries whatever the data size; the
overview is cached until a report, a review or a plan changes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.choices import UnitKind
from plans.models import Responsibility, Unit
from reporting.models import ReportRequest, RequestStatus, Review, Submission

from .conftest import TODAY, at

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)


def _grow(province, org, n: int):
    """``n`` more facilities, each with a duty and three reports (on time, late, missing)."""
    units = Unit.objects.bulk_create([Unit(code=f"more-{i}", name=f"Trạm Y tế {i}", kind=UnitKind.FACILITY,
                                           parent=org.syt) for i in range(n)])
    Responsibility.objects.bulk_create([Responsibility(plan=province.p1, lead_unit=u, due_date=dt.date(2026, 5, 1))
                                        for u in units])
    requests = ReportRequest.objects.bulk_create(
        [ReportRequest(obligation=province.obligation, unit=u, period=province.q1, due_date=dt.date(2026, 3, 15),
                       status=RequestStatus.ACCEPTED, submitted_at=at(dt.date(2026, 3, 1))) for u in units]
        + [ReportRequest(obligation=province.obligation, unit=u, period=province.q2, due_date=dt.date(2026, 6, 15),
                         status=RequestStatus.SUBMITTED, submitted_at=at(dt.date(2026, 6, 20))) for u in units]
        + [ReportRequest(obligation=province.obligation, unit=u, period=province.q3, due_date=dt.date(2026, 6, 20))
           for u in units])
    Submission.objects.bulk_create([Submission(request=r, submitted_at=r.submitted_at) for r in requests
                                    if r.submitted_at])


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/reporting/dashboard/", "/reporting/dashboard/reports/?year=2026",
                                 "/reporting/dashboard/tasks/?year=2026"])
def test_the_query_count_does_not_grow_with_the_data(url, province, users, org, client, django_assert_max_num_queries):
    from django.core.cache import cache

    client.force_login(users.approver)
    cache.clear()  # both requests cold: the overview's cache and the cached session (cached_db)
    small = _count(client, url)
    _grow(province, org, 40)
    cache.clear()
    with django_assert_max_num_queries(small):
        client.get(url)
    assert small <= 30


def test_the_unit_page_query_count_is_bounded(province, users, org, client):
    client.force_login(users.approver)
    client.get("/plans/")  # the user's cached state (session, roles, header) warm for both counts
    url = f"/reporting/dashboard/units/{org.cdc.pk}/"
    small = _count(client, url)
    for n in range(3):
        Responsibility.objects.create(plan=province.p1, lead_unit=org.cdc, due_date=dt.date(2026, 4, n + 1))
    assert _count(client, url) == small


def test_the_overview_is_cached_and_dropped_when_a_report_changes(province, users, client):
    client.force_login(users.approver)
    client.get("/plans/")  # the user's cached state (session, roles, header) warm: only the overview's cache differs
    first = _count(client, "/reporting/dashboard/")
    second = _count(client, "/reporting/dashboard/")
    assert second <= first - 7  # the seven aggregations (selectors.compute_overview) are not run again
    assert "75%" in client.get("/reporting/dashboard/").content.decode()
    request = province.cdc_q2  # the missing report comes in, on 20 June (late)
    request.status, request.submitted_at = RequestStatus.SUBMITTED, at(dt.date(2026, 6, 20))
    request.save()
    submission = Submission.objects.create(request=request, submitted_at=request.submitted_at)
    page = client.get("/reporting/dashboard/").content.decode()
    assert "100%" in page  # every report due is now in: the reporting rate is 100 %
    Review.objects.create(submission=submission, reviewer=users.reviewer, decision="accept")
    assert second < _count(client, "/reporting/dashboard/") <= first


def test_a_units_draft_leaves_the_overview_cached_and_its_submission_drops_it(province, users, client):
    client.force_login(users.approver)
    client.get("/plans/")
    cold = _count(client, "/reporting/dashboard/")
    warm = _count(client, "/reporting/dashboard/")
    request = province.cdc_q2  # the missing report: a draft first (on deadline day, hundreds an hour)
    request.status = RequestStatus.DRAFT
    request.save()
    Submission.objects.create(request=request, narrative={"results": "Đang tổng hợp."})
    assert _count(client, "/reporting/dashboard/") == warm  # still cached: a draft changes no figure
    request.status, request.submitted_at = RequestStatus.SUBMITTED, at(dt.date(2026, 6, 20))
    request.save()
    assert warm < _count(client, "/reporting/dashboard/") <= cold
    assert "100%" in client.get("/reporting/dashboard/").content.decode()


def _overview_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/reporting/dashboard/").status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_a_report_of_this_year_counts_this_years_rows_again_and_leaves_the_rest_cached(province, users, client):
    """After a report of this year's period on this year's plan, the overview counts again this year's figures;
    the trend of the earlier years (``PAST``) and the apps' panels (``PLANS``) stay cached. A report of an earlier
    year's period moves the earlier years; a duty moves the panels."""
    from reporting.dashboards import selectors

    client.force_login(users.approver)
    client.get("/plans/")
    cold = _overview_queries(client)
    earlier = [sql for sql in cold if '"reporting_period"."year" < 2026' in sql or '"plans_plan"."year" < 2026' in sql]
    assert len(earlier) == 2  # the earlier years' requests and tasks, counted by year
    assert any("coordination_agreement" in sql for sql in cold)  # an app's panel
    Submission.objects.create(request=province.bvdk_q1, version=2, submitted_at=at(dt.date(2026, 6, 30)))
    after = _overview_queries(client)
    assert not set(earlier) & set(after)
    assert not any("coordination_agreement" in sql for sql in after)
    assert any('"reporting_period"."year" >= 2026' in sql for sql in after)
    scope = selectors.scope_for(users.approver)
    assert selectors.overview(scope, year=2026, today=TODAY)["trend"] == selectors.trend(scope, today=TODAY)

    request = province.cdc_2025  # the 2025 report returned: the earlier years are counted again, and right
    request.status = RequestStatus.RETURNED
    request.save()
    again = _overview_queries(client)
    assert set(earlier) <= set(again)
    assert selectors.overview(scope, year=2026, today=TODAY)["trend"] == selectors.trend(scope, today=TODAY)
    assert selectors.trend(scope, today=TODAY)[0]["missing"] == 1

    Responsibility.objects.create(plan=province.p1, lead_unit=province.cdc_q1.unit, due_date=dt.date(2026, 8, 1))
    assert any("coordination_agreement" in sql for sql in _overview_queries(client))


def test_a_request_of_next_year_shows_its_year_and_counts_in_the_trend_and_its_matrix(province, users, org, client):
    """A request of a later year's period, saved alone (not by the daily job), moves the years kept and the
    trend (``PAST``); the overview of that year shows its matrix, and its trend is the one counted apart."""
    from reporting.dashboards import selectors

    from .conftest import _period

    q1_2027 = _period(2027, 1, dt.date(2026, 12, 15), dt.date(2027, 3, 14))
    client.force_login(users.approver)
    assert '<option value="2027"' not in client.get("/reporting/dashboard/").content.decode()  # cached now
    ReportRequest.objects.create(obligation=province.obligation, unit=org.cdc, period=q1_2027,
                                 due_date=dt.date(2027, 3, 15))
    assert '<option value="2027"' in client.get("/reporting/dashboard/").content.decode()
    scope = selectors.scope_for(users.approver)
    expected = selectors.trend(scope, today=TODAY)
    assert [row["year"] for row in expected] == [2025, 2026, 2027]
    for year in (2025, 2026, 2027):
        assert selectors.overview(scope, year=year, today=TODAY)["trend"] == expected
    matrix = selectors.overview(scope, year=2027, today=TODAY)["compliance"]
    assert [p["id"] for p in matrix["periods"]] == [q1_2027.pk]
    assert matrix["total"]["requests"] == 1 and matrix["total"]["pending"] == 1
    assert selectors.overview(scope, year=2026, today=TODAY)["compliance"] == selectors.compliance_matrix(
        scope, year=2026, today=TODAY)
