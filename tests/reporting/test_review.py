"""Review: who may review, accept or return with a comment, resubmit after return."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting.models import ReportRequest, RequestStatus, Review, Submission
from tests.reporting.test_inbox import make_obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, org, users):
    make_obligation(org)
    request = ReportRequest.objects.get(unit=users.unit_head.unit)
    client.force_login(users.unit_head)
    client.post(reverse("reporting:report", args=[request.pk]),
                {"narrative_results": "Kết quả lần 1", "indicator_so_vu": "1", "submit": "1"})
    client.logout()
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED
    return request


def test_queue_shows_submitted_reports_to_the_recipients_reviewers(client, users, submitted,
                                                                   django_assert_max_num_queries):
    for user in (users.reviewer, users.approver):  # the recipient room and the department above it
        client.force_login(user)
        with django_assert_max_num_queries(12):
            response = client.get(reverse("reporting:review_queue"))
        assert [r.pk for r in response.context["rows"]] == [submitted.pk]


def test_reviewers_of_another_room_see_nothing_and_get_404(client, users, submitted):
    client.force_login(users.other_reviewer)
    assert list(client.get(reverse("reporting:review_queue")).context["rows"]) == []
    url = reverse("reporting:review", args=[submitted.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "accept"}).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.SUBMITTED


def test_unit_heads_and_authors_may_not_open_the_queue(client, users, submitted):
    for user in (users.unit_head, users.author):
        client.force_login(user)
        assert client.get(reverse("reporting:review_queue")).status_code == 403
        assert client.get(reverse("reporting:review", args=[submitted.pk])).status_code == 404


def test_return_needs_a_comment(client, users, submitted):
    client.force_login(users.reviewer)
    response = client.post(reverse("reporting:review", args=[submitted.pk]), {"decision": "return", "comment": " "})
    assert response.status_code == 200 and response.context["form"].errors["comment"]
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.SUBMITTED and not Review.objects.exists()


def test_draft_submit_return_resubmit_accept(client, users, submitted):
    url_review = reverse("reporting:review", args=[submitted.pk])
    url_report = reverse("reporting:report", args=[submitted.pk])
    client.force_login(users.reviewer)
    page = client.get(url_review).content.decode()
    assert "Kết quả lần 1" in page
    response = client.post(url_review, {"decision": "return", "comment": "Bổ sung số liệu quý II."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.RETURNED
    assert any("Bổ sung số liệu quý II." in str(n) for n in users.unit_head.notifications.all())

    client.force_login(users.unit_head)
    page = client.get(url_report).content.decode()
    assert "Bổ sung số liệu quý II." in page and "Kết quả lần 1" in page
    client.post(url_report, {"narrative_results": "Kết quả lần 2", "indicator_so_vu": "3", "save": "1"})
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.RETURNED  # a draft after return stays returned until resubmitted
    client.post(url_report, {"narrative_results": "Kết quả lần 2", "indicator_so_vu": "3", "submit": "1"})
    versions = list(Submission.objects.filter(request=submitted).order_by("version")
                    .values_list("version", "narrative__results"))
    assert versions == [(1, "Kết quả lần 1"), (2, "Kết quả lần 2")]

    client.force_login(users.approver)
    response = client.post(url_review, {"decision": "accept", "comment": ""})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.ACCEPTED
    decisions = list(Review.objects.order_by("id").values_list("submission__version", "decision", "reviewer__username"))
    assert decisions == [(1, "return", "truongphong"), (2, "accept", "giamdoc")]
    # an accepted report is read-only for the unit; the inbox shows it with its state, as the year's other periods
    client.force_login(users.unit_head)
    client.post(url_report, {"narrative_results": "Sửa sau khi chấp nhận", "submit": "1"})
    assert Submission.objects.filter(request=submitted).count() == 2
    rows = client.get(reverse("reporting:inbox")).context["rows"]
    this_year = timezone.localdate().year == submitted.due_date.year  # an earlier year's accepted report: hidden
    assert [(r.pk, r.status, r.is_open) for r in rows] == (
        [(submitted.pk, RequestStatus.ACCEPTED, False)] if this_year else [])


def test_an_accepted_report_cannot_be_decided_again(client, users, submitted):
    client.force_login(users.reviewer)
    url = reverse("reporting:review", args=[submitted.pk])
    client.post(url, {"decision": "accept"})
    response = client.post(url, {"decision": "return", "comment": "Muộn"})
    assert response.status_code == 200
    assert Review.objects.count() == 1


def test_compliance_counts_on_time_late_and_missing(client, org, users, submitted, django_assert_max_num_queries):
    import datetime as dt

    from django.utils import timezone

    from reporting.selectors import compliance
    from reporting.services import reporting_tick

    reporting_tick(today=dt.date(2026, 6, 6))  # the other facilities never reported: overdue
    ReportRequest.objects.filter(pk=submitted.pk).update(
        submitted_at=timezone.make_aware(dt.datetime(2026, 6, 5, 16, 0)))  # on the deadline day: on time
    table = compliance(obligation=submitted.obligation, today=dt.date(2026, 6, 6))
    (rate,) = table["rates"]
    assert (rate["expected"], rate["completed"], rate["on_time"], rate["reporting_rate"]) == (2, 1, 1, 50)
    states = {unit.code: cells[0][0] for unit, cells in table["rows"]}
    assert states == {"ttkscb": "on_time", "bvdk": "missing"}
    ReportRequest.objects.filter(pk=submitted.pk).update(
        submitted_at=timezone.make_aware(dt.datetime(2026, 6, 6, 8, 0)))
    assert compliance(obligation=submitted.obligation, today=dt.date(2026, 6, 6))["rates"][0]["on_time"] == 0
    # before the deadline nothing is expected yet
    assert compliance(obligation=submitted.obligation, today=dt.date(2026, 6, 1))["rates"][0]["expected"] == 1

    client.force_login(users.approver)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("reporting:compliance", args=[submitted.obligation_id]))
    assert response.status_code == 200 and "BVĐK tỉnh" in response.content.decode()


def test_compliance_is_refused_outside_the_recipients_branch(client, users, submitted):
    url = reverse("reporting:compliance", args=[submitted.obligation_id])
    for user in (users.other_reviewer, users.unit_head):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_notifications_are_listed_to_their_user_only_and_marked_read(client, users, submitted,
                                                                    django_assert_max_num_queries):
    client.force_login(users.reviewer)
    with django_assert_max_num_queries(7):  # the menu's calendar link reads the user's feed key
        response = client.get(reverse("reporting:notifications"))
    assert [n.user for n in response.context["rows"]] == [users.reviewer]
    client.post(reverse("reporting:notifications"))
    assert not users.reviewer.notifications.filter(read_at__isnull=True).exists()
    client.force_login(users.other_reviewer)
    assert list(client.get(reverse("reporting:notifications")).context["rows"]) == []
    client.logout()
    assert client.get(reverse("reporting:notifications")).status_code == 302


def test_consolidated_report_compiled_by_the_celery_task(client, users, submitted):
    from reporting.models import ConsolidatedReport
    from reporting.services import consolidated_compile

    client.force_login(users.reviewer)
    client.post(reverse("reporting:review", args=[submitted.pk]), {"decision": "accept"})
    url = reverse("reporting:consolidated", args=[submitted.obligation_id, submitted.period_id])
    response = client.post(url)  # the task is queued after commit (never in this test's transaction)
    assert response.status_code == 302
    report = ConsolidatedReport.objects.get()
    assert report.job_status == "queued"
    consolidated_compile(report_id=report.pk)
    report.refresh_from_db()
    assert report.job_status == "done"
    assert report.content["expected"] == 2 and report.content["accepted"] == 1
    assert report.content["missing"] == ["BVĐK tỉnh"]
    results = next(s for s in report.content["sections"] if s["key"] == "results")
    assert results["entries"] == [{"unit": "CDC", "text": "Kết quả lần 1"}]
    assert report.content["indicators"][0]["total"] == "1"
    html = client.get(url).content.decode()
    assert "Kết quả lần 1" in html


def test_consolidated_report_is_refused_to_others(client, users, submitted):
    url = reverse("reporting:consolidated", args=[submitted.obligation_id, submitted.period_id])
    for user in (users.other_reviewer, users.unit_head):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    client.force_login(users.reviewer)
    assert client.get(reverse("reporting:consolidated", args=[submitted.obligation_id, 999999])).status_code == 404


@pytest.mark.celery
def test_consolidated_report_through_the_real_worker(users, submitted, celery_worker):
    import time

    from reporting.models import ConsolidatedReport
    from reporting.services import consolidated_request, report_accept

    report_accept(actor=users.approver, report_request=submitted)
    report = consolidated_request(actor=users.approver, obligation=submitted.obligation, period=submitted.period,
                                  now=timezone.now())
    for _attempt in range(100):
        report.refresh_from_db()
        if report.job_status == "done":
            break
        time.sleep(0.2)
    assert report.job_status == "done" and report.content["accepted"] == 1
    assert ConsolidatedReport.objects.count() == 1


def test_the_queue_shows_a_page_at_a_time(client, users, submitted, monkeypatch):
    monkeypatch.setattr("reporting.views.REVIEW_PAGE_SIZE", 1)  # a province has thousands waiting: 50 a page
    ReportRequest.objects.filter(obligation=submitted.obligation).update(status=RequestStatus.SUBMITTED,
                                                                         submitted_at=timezone.now())
    assert ReportRequest.objects.filter(status=RequestStatus.SUBMITTED).count() >= 2
    client.force_login(users.approver)
    first = client.get(reverse("reporting:review_queue"))
    assert len(first.context["rows"]) == 1 and 'href="?page=2"' in first.content.decode()
    second = client.get(reverse("reporting:review_queue"), {"page": "2"})
    assert [r.pk for r in second.context["rows"]] != [r.pk for r in first.context["rows"]]
    bad = client.get(reverse("reporting:review_queue"), {"page": "abc"})  # bad input: the first page, no 500
    assert bad.status_code == 200 and [r.pk for r in bad.context["rows"]] == [r.pk for r in first.context["rows"]]
