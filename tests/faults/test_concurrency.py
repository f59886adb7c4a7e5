"""Concurrency on PostgreSQL, through the pages, with real threads and one database connection each.

Two authors saving the same plan header at the same moment (no lost edit: the second is told, in
Vietnamese, and keeps what they typed), fifty issues at once (no duplicate number, no gap), an
approver's confirmed number taken meanwhile, a unit head double-clicking "submit" (one submission)
and an author double-clicking "send for review" (one transition).
"""

import datetime as dt
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from plans import services as plan_services
from plans.choices import PlanStatus
from plans.models import DocumentNumber, Plan, PlanTransition
from reporting.models import ReportRequest, Submission
from tests.factories import PlanFactory, SectionFactory
from tests.plans.test_views import header_data
from tests.reporting.test_inbox import form_data, make_obligation

pytestmark = [pytest.mark.django_db(transaction=True)]
ISSUE_DAY = dt.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and concurrent transactions need PostgreSQL (make test uses it when it answers)")


def at_once(calls, *, timeout=60):
    """Run every call in its own thread, released together by a barrier; their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        try:
            barrier.wait(timeout=timeout)
            return call()
        finally:
            connections.close_all()  # this thread's connection

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, call) for call in calls]
        return [future.result(timeout=timeout) for future in futures]


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def same_browser(client: Client) -> Client:
    """A second client with the first one's cookies: two requests from one browser (a double click)."""
    twin = Client()
    twin.cookies = client.cookies
    return twin


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_two_authors_saving_one_plan_at_once_lose_no_edit(org, users):
    plan = plan_services.plan_create(actor=users.author, data={"year": 2026, "title": "Kế hoạch ban đầu",
                                                                "place": "Quảng Ngãi"})
    colleague = type(users.author).objects.create_user(username="chuyenvien_b", password="x", unit=org.nvy)
    colleague.groups.set(users.author.groups.all())
    loaded = plan.version  # both opened the editor on this version
    url = reverse("plans:edit", args=[plan.pk])
    first, second = logged_in(users.author), logged_in(colleague)
    titles = {first: "Bản của chuyên viên A", second: "Bản của chuyên viên B"}

    responses = at_once([lambda c=c: c.post(url, header_data(title=titles[c], version=loaded)) for c in titles])

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 302], "one save wins, the other is shown the conflict"
    saved = Plan.objects.get(pk=plan.pk)
    winner = next(c for c, r in zip(titles, responses, strict=True) if r.status_code == 302)
    loser_response = next(r for r in responses if r.status_code == 200)
    assert saved.title == titles[winner] and saved.version == loaded + 1
    body = page_text(loser_response)
    loser_title = next(t for c, t in titles.items() if c is not winner)
    assert "Người khác đã lưu" in body  # the translated EditConflict
    assert loser_title in body, "what the second author typed is kept in the form"
    assert f'name="version" value="{saved.version}"' in body, "their next save compares with the saved version"
    assert saved.history.filter(title=loser_title).count() == 0
    assert saved.history.filter(title=titles[winner]).count() == 1


def test_fifty_plans_issued_at_once_get_fifty_consecutive_numbers(org, users):
    plans = [PlanFactory(owner_unit=org.nvy, status=PlanStatus.APPROVED, issuers=[org.syt]) for _ in range(50)]

    issued = at_once([lambda p=p: plan_services.plan_issue(actor=users.approver, plan=p, issued_on=ISSUE_DAY)
                      for p in plans])

    assert sorted(p.number for p in issued) == list(range(1, 51))
    numbers = Plan.objects.filter(pk__in=[p.pk for p in plans]).values_list("number", flat=True)
    assert sorted(numbers) == list(range(1, 51)), "no duplicate, no gap"
    assert DocumentNumber.objects.get(year=2026, doc_type="KH", issuer=org.syt).last_number == 50
    assert PlanTransition.objects.filter(to_status=PlanStatus.ISSUED).count() == 50


def test_approvers_confirming_the_same_number_at_once_are_told_it_was_taken(org, users):
    plans = [PlanFactory(owner_unit=org.nvy, status=PlanStatus.APPROVED, issuers=[org.syt]) for _ in range(6)]
    clients = [logged_in(users.approver) for _ in plans]
    data = {"issued_on": ISSUE_DAY.strftime("%d/%m/%Y"), "number": "1"}  # every confirmation page showed 1

    responses = at_once([lambda c=c, p=p: c.post(reverse("plans:issue", args=[p.pk]), data, follow=True)
                         for c, p in zip(clients, plans, strict=True)])

    assert all(r.status_code == 200 for r in responses)
    assert Plan.objects.filter(pk__in=[p.pk for p in plans], status=PlanStatus.ISSUED).count() == 1
    assert list(Plan.objects.exclude(number=None).values_list("number", flat=True)) == [1]
    refused = [page_text(r) for r in responses if "vừa được cấp cho văn bản khác" in page_text(r)]
    assert len(refused) == 5, "each of the others reads why, and confirms the new number"
    assert DocumentNumber.objects.get(year=2026, doc_type="KH", issuer=org.syt).last_number == 1  # given back


def test_a_unit_head_double_clicking_submit_makes_one_submission(org, users):
    make_obligation(org)
    report_request = ReportRequest.objects.get(unit=users.unit_head.unit)
    browser = logged_in(users.unit_head)
    url = reverse("reporting:report", args=[report_request.pk])
    clicks = [browser, same_browser(browser)]

    responses = at_once([lambda c=c: c.post(url, form_data(submit="1")) for c in clicks])

    assert sorted(r.status_code for r in responses) in ([200, 302], [302, 302])
    assert Submission.objects.filter(request=report_request).count() == 1
    submission = Submission.objects.get(request=report_request)
    assert submission.submitted_at is not None and submission.narrative["results"] == "Đã công khai 12 thủ tục."


def test_an_author_double_clicking_send_for_review_makes_one_transition(org, users):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.DRAFT, issuers=[org.syt])
    SectionFactory(plan=plan, title="Mục đích, yêu cầu")
    browser = logged_in(users.author)
    url = reverse("plans:submit", args=[plan.pk])

    responses = at_once([lambda c=c: c.post(url, {"comment": ""}) for c in (browser, same_browser(browser))])

    assert [r.status_code for r in responses] == [302, 302]  # both back on the plan page, no error page
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED
    assert PlanTransition.objects.filter(plan=plan, to_status=PlanStatus.SUBMITTED).count() == 1
