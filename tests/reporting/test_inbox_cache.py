"""The inbox is cached per unit and day (``reporting.selectors._unit_key``): what changes shows at once."""

import pytest
from django.urls import reverse

from plans.choices import PlanStatus
from reporting import services
from reporting.models import DeadlineRule, PeriodType, ReportingObligation
from tests.factories import PlanFactory
from tests.reporting.test_inbox import OPEN_DAY, form_data, make_obligation, own_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(org):
    return make_obligation(org)


def inbox(client) -> str:
    return client.get(reverse("reporting:inbox")).content.decode()


def test_a_cached_inbox_costs_one_query_and_shows_a_submission_at_once(client, users, setup,
                                                                      django_assert_max_num_queries):
    client.force_login(users.unit_head)
    assert "Chưa thực hiện" in inbox(client)  # not started
    with django_assert_max_num_queries(1):  # the user; the rows and the periods to come from the cache
        inbox(client)
    report = reverse("reporting:report", args=[own_request(users).pk])
    assert client.post(report, {**form_data(), "submit": "1"}).status_code == 302
    page = inbox(client)
    assert "Đã gửi" in page and "Chưa thực hiện" not in page  # submitted ("Đã gửi"), straight after


def test_a_renamed_obligation_and_the_daily_jobs_new_requests_show_at_once(client, org, users, setup):
    obligation, _task = setup
    client.force_login(users.unit_head)
    assert "Báo cáo 6 tháng PCTN" in inbox(client)
    obligation.title = "Báo cáo sáu tháng về phòng, chống tham nhũng"
    obligation.save()
    page = inbox(client)
    assert "Báo cáo sáu tháng về phòng, chống tham nhũng" in page and "Báo cáo 6 tháng PCTN" not in page

    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title="Kế hoạch tiêm chủng mở rộng")
    ReportingObligation.objects.create(plan=plan, title="Báo cáo tiêm chủng", recipient_unit=org.nvy,
                                       period_type=PeriodType.SIX_MONTHLY, deadline_rule=DeadlineRule.FIXED,
                                       fixed_deadlines=["05/06"])
    assert "Báo cáo tiêm chủng" not in inbox(client).split("<tbody>")[1].split("</tbody>")[0]  # not opened yet
    services.reporting_tick(today=OPEN_DAY)  # one insert per period: no signal
    assert "Báo cáo tiêm chủng" in inbox(client).split("<tbody>")[1].split("</tbody>")[0]


def test_a_cached_report_form_shows_a_return_a_new_task_and_a_new_indicator_at_once(client, org, users, setup,
                                                                                    django_assert_max_num_queries):
    from plans.models import Item
    from reporting.indicators import link_indicators
    from tests.factories import ResponsibilityFactory

    obligation, task = setup
    report_request = own_request(users)
    url = reverse("reporting:report", args=[report_request.pk])
    client.force_login(users.unit_head)
    assert client.post(url, {**form_data(), "submit": "1"}).status_code == 302
    assert "Số vụ việc phát hiện" in client.get(url).content.decode()
    with django_assert_max_num_queries(4):  # the user, the submission and its files, the last review
        client.get(url)

    services.report_return(actor=users.reviewer, report_request=report_request, comment="Bổ sung số liệu quý.")
    page = client.get(url).content.decode()
    assert "Bổ sung số liệu quý." in page and 'name="narrative_results"' in page  # returned: editable again

    hospitals = Item.objects.get(text="Việc của bệnh viện")  # the hospital's task becomes CDC's too
    assert "Việc của bệnh viện" not in client.get(url).content.decode()
    ResponsibilityFactory(item=hospitals, plan=obligation.plan, lead_unit=org.cdc)
    assert "Việc của bệnh viện" in client.get(url).content.decode()
    link_indicators(obligation, [{"code": "so_nguoi", "label": "Số người được tập huấn"}])
    page = client.get(url).content.decode()
    assert "Số người được tập huấn" in page and "Số vụ việc phát hiện" not in page


def test_the_inbox_table_is_served_rendered_from_the_cache_until_its_rows_change(client, users, setup, monkeypatch):
    from reporting import selectors

    client.force_login(users.unit_head)
    first = inbox(client)
    assert "Báo cáo 6 tháng PCTN" in first

    def unread(**kwargs):
        raise AssertionError("the rows were read although the rendered table was cached")

    monkeypatch.setattr(selectors, "inbox_rows", unread)
    monkeypatch.setattr(selectors, "inbox_upcoming", unread)
    def table(page):
        return page.split("<tbody>")[1].split("</tbody>")[0]

    assert table(inbox(client)) == table(first)  # the same table, from the cache
    monkeypatch.undo()
    report = reverse("reporting:report", args=[own_request(users).pk])
    assert client.post(report, {**form_data(), "submit": "1"}).status_code == 302
    assert "Đã gửi" in inbox(client)  # the request changed: the table is rendered again
