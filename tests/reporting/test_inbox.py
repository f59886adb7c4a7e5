"""The unit head's inbox and report form: own unit only, draft and submit, one submission per submit."""

import datetime as dt
import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from plans.choices import PlanStatus
from reporting import services
from reporting.models import DeadlineRule, PeriodType, ReportingObligation, ReportRequest, RequestStatus, Submission
from tests.factories import ItemFactory, PlanFactory, ResponsibilityFactory, SectionFactory, UnitFactory

pytestmark = pytest.mark.django_db
OPEN_DAY = dt.date(2026, 5, 6)


def make_obligation(org, **extra):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title="Kế hoạch phòng, chống tham nhũng")
    section = SectionFactory(plan=plan, title="Nhiệm vụ")
    task = ResponsibilityFactory(item=ItemFactory(section=section, text="Công khai, minh bạch"), plan=plan,
                                 lead_unit=org.cdc, expected_output="Báo cáo công khai")
    ResponsibilityFactory(item=ItemFactory(section=section, text="Việc của bệnh viện"), plan=plan, lead_unit=org.bvdk)
    obligation = ReportingObligation.objects.create(
        plan=plan, title="Báo cáo 6 tháng PCTN", recipient_unit=org.nvy, period_type=PeriodType.SIX_MONTHLY,
        deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["05/06"],
        indicators=[{"code": "so_vu", "label": "Số vụ việc phát hiện"}], **extra,
    )
    services.reporting_tick(today=OPEN_DAY)
    return obligation, task


@pytest.fixture
def setup(org):
    return make_obligation(org)


def own_request(users):
    return ReportRequest.objects.get(unit=users.unit_head.unit)


def run_together(*functions) -> None:
    """Each function in its own thread (its own database connection), all started, then all waited for."""
    threads = [threading.Thread(target=function) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def form_data(**extra):
    data = {"narrative_results": "Đã công khai 12 thủ tục.", "narrative_shortcomings": "", "narrative_causes": "",
            "narrative_next_steps": "", "narrative_proposals": "", "indicator_so_vu": "2,5"}
    data.update(extra)
    return data


def test_inbox_lists_only_my_units_requests(client, users, setup):
    client.force_login(users.unit_head)
    response = client.get(reverse("reporting:inbox"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [r.pk for r in rows] == [own_request(users).pk]
    html = response.content.decode()
    assert "05/06/2026" in html and "Báo cáo 6 tháng PCTN" in html


def test_inbox_query_count_is_bounded(client, org, users, setup, django_assert_max_num_queries):
    for _n in range(5):
        make_obligation(org)
    client.force_login(users.unit_head)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("reporting:inbox"))
    assert len(response.context["rows"]) == 6


def test_inbox_refuses_users_who_are_not_unit_heads(client, users, setup):
    client.force_login(users.author)
    assert client.get(reverse("reporting:inbox")).status_code == 403
    client.logout()
    assert client.get(reverse("reporting:inbox")).status_code == 302


def test_another_units_request_is_not_found(client, users, setup):
    client.force_login(users.other_head)
    assert client.get(reverse("reporting:report", args=[own_request(users).pk])).status_code == 404
    response = client.post(reverse("reporting:report", args=[own_request(users).pk]), form_data(submit="1"))
    assert response.status_code == 404
    assert not Submission.objects.exists()


def test_the_form_lists_only_the_units_own_tasks(client, users, setup):
    client.force_login(users.unit_head)
    response = client.get(reverse("reporting:report", args=[own_request(users).pk]))
    html = response.content.decode()
    assert "Công khai, minh bạch" in html and "Việc của bệnh viện" not in html


def test_save_draft_then_submit(client, users, setup):
    _obligation, task = setup
    request = own_request(users)
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[request.pk])
    response = client.post(url, form_data(save="1", **{f"task_{task.pk}_status": "in_progress",
                                                       f"task_{task.pk}_note": "Đang thực hiện"}))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.DRAFT
    draft = Submission.objects.get(request=request)
    assert draft.submitted_at is None and draft.narrative["results"] == "Đã công khai 12 thủ tục."
    assert draft.task_updates == {str(task.pk): {"status": "in_progress", "note": "Đang thực hiện"}}
    assert draft.indicator_values == {"so_vu": "2.5"}
    # the draft is shown again, then submitted
    assert "Đang thực hiện" in client.get(url).content.decode()
    response = client.post(url, form_data(submit="1", **{f"task_{task.pk}_status": "done"}))
    assert response.status_code == 302 and response["Location"] == reverse("reporting:inbox")
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED and request.submitted_at
    submission = Submission.objects.get(request=request)
    assert submission.version == 1 and submission.submitted_by == users.unit_head
    assert submission.task_updates[str(task.pk)]["status"] == "done"
    # the reviewer of the recipient room is told
    assert users.reviewer.notifications.filter(url=reverse("reporting:review", args=[request.pk])).exists()


def test_submit_without_results_is_refused_and_keeps_what_was_typed(client, users, setup):
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[own_request(users).pk])
    response = client.post(url, form_data(submit="1", narrative_results=" ", narrative_causes="Thiếu nhân lực"))
    assert response.status_code == 200
    assert "Write the results achieved before submitting." in response.content.decode() or \
        "Nêu kết quả đạt được trước khi gửi báo cáo." in response.content.decode()
    assert "Thiếu nhân lực" in response.content.decode()
    assert own_request(users).status == RequestStatus.NOT_STARTED


def test_a_bad_number_is_a_form_error_not_a_crash(client, users, setup):
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[own_request(users).pk])
    response = client.post(url, form_data(submit="1", indicator_so_vu="hai"))
    assert response.status_code == 200 and response.context["form"].errors["indicator_so_vu"]
    assert not Submission.objects.exists()


def test_a_submitted_report_cannot_be_posted_again(client, users, setup):
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[own_request(users).pk])
    client.post(url, form_data(submit="1"))
    response = client.post(url, form_data(submit="1", narrative_results="Lần hai"))
    assert response.status_code == 200
    assert Submission.objects.count() == 1
    assert Submission.objects.get().narrative["results"] == "Đã công khai 12 thủ tục."
    with pytest.raises(ValidationError):
        services.report_submit(actor=users.unit_head, report_request=own_request(users), data={"narrative": {}},
                               now=timezone.now())


@pytest.fixture
def locked_request(org, users):
    """The unit head's request, for a test of row locks (PostgreSQL's; the test runs in real transactions)."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    make_obligation(org)
    return own_request(users)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_make_one_submission(users, locked_request):
    request = locked_request
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        try:
            barrier.wait()
            services.report_submit(actor=users.unit_head, report_request=request,
                                   data={"narrative": {"results": "Kết quả"}}, now=timezone.now())
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    run_together(submit, submit)
    assert sorted(outcomes) == ["ok", "refused"]
    assert Submission.objects.filter(request=request).count() == 1


def test_a_unit_without_tasks_gets_no_task_table(client, org, users):
    UnitFactory(code="khac", kind="facility", parent=org.syt)
    make_obligation(org, include_tasks=False)
    client.force_login(users.unit_head)
    response = client.get(reverse("reporting:report", args=[own_request(users).pk]))
    assert "Công khai, minh bạch" not in response.content.decode()


def test_inbox_speaks_vietnamese(client, users, setup):
    client.force_login(users.unit_head)
    html = client.get(reverse("reporting:inbox")).content.decode()
    assert "Báo cáo đơn vị phải gửi" in html and "Chưa thực hiện" in html


def test_calendar_feed_by_private_link(client, users, setup):
    client.force_login(users.unit_head)
    page = client.get(reverse("reporting:inbox")).content.decode()
    feed_url = re.search(r'<code class="user-select-all">([^<]+)</code>', page).group(1)  # as the user copies it
    client.logout()
    response = client.get(feed_url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20260605" in body and "Báo cáo 6 tháng PCTN" in body
    # a forged or revoked token finds nothing
    assert client.get(feed_url.replace(".ics", "x.ics")).status_code == 404
    users.unit_head.set_password("MatKhauMoi@2026")
    users.unit_head.save()
    assert client.get(feed_url).status_code == 404


def test_reviewers_find_their_calendar_link_in_the_menu(client, users):
    from reporting.selectors import calendar_token

    client.force_login(users.reviewer)
    page = client.get(reverse("plans:list")).content.decode()
    assert reverse("reporting:calendar", args=[calendar_token(users.reviewer)]) in page
    assert "Lịch hạn báo cáo (iCal)" in page
    client.force_login(users.author)
    assert 'id="nav-calendar"' not in client.get(reverse("plans:list")).content.decode()


def test_the_inbox_shows_the_rest_of_the_year_not_open_yet(client, org, users, setup, django_assert_max_num_queries):
    from reporting import selectors

    obligation, _task = setup
    quarterly = ReportingObligation.objects.create(
        plan=obligation.plan, title="Báo cáo quý", recipient_unit=org.nvy, period_type=PeriodType.QUARTERLY,
        deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["15/03", "15/06", "15/09", "15/12"])
    ReportingObligation.objects.create(  # named units without CDC: not CDC's
        plan=obligation.plan, title="Của bệnh viện", recipient_unit=org.nvy, period_type=PeriodType.QUARTERLY,
        units_rule="named", deadline_rule=DeadlineRule.FIXED, fixed_deadlines=["15/03", "15/06", "15/09", "15/12"],
    ).units.set([org.bvdk])
    with django_assert_max_num_queries(4):
        rows = selectors.inbox_upcoming(user=users.unit_head, today=OPEN_DAY)
    assert [(r.obligation, r.period_label, r.due_date, r.opens_on) for r in rows] == [
        (quarterly, "Quý II/2026", dt.date(2026, 6, 15), dt.date(2026, 5, 16)),
        (quarterly, "Quý III/2026", dt.date(2026, 9, 15), dt.date(2026, 8, 16)),
        (quarterly, "Quý IV/2026", dt.date(2026, 12, 15), dt.date(2026, 11, 15)),
    ]  # the six-monthly report of 05/06 is open already: it is in the inbox itself
    assert selectors.inbox_upcoming(user=users.author, today=OPEN_DAY) == []


def test_the_inbox_review_queue_and_compliance_export_to_excel(client, org, users, setup):
    import io

    from openpyxl import load_workbook

    obligation, _task = setup
    client.force_login(users.unit_head)
    sheet = load_workbook(io.BytesIO(client.get(reverse("reporting:inbox"), {"format": "xlsx"}).content)).active
    assert [c.value for c in sheet[1]][:3] == ["Đơn vị", "Báo cáo", "Kế hoạch"]
    assert [c.value for c in sheet[2]][:2] == ["CDC", "Báo cáo 6 tháng PCTN"] and sheet.max_row == 2
    client.force_login(users.reviewer)
    response = client.get(reverse("reporting:compliance", args=[obligation.pk]), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    column = [c.value for c in sheet["A"]]
    assert column[0] == "Đơn vị" and set(column[1:3]) == {"CDC", "BVĐK tỉnh"}
    assert column[3:] == ["Tỷ lệ đã báo cáo (%)", "Tỷ lệ đúng hạn (%)"]
    response = client.get(reverse("reporting:review_queue"), {"format": "xlsx"})
    assert load_workbook(io.BytesIO(response.content)).active.max_row == 1  # nothing submitted yet
    client.force_login(users.other_reviewer)  # another room: not its obligation
    assert client.get(reverse("reporting:compliance", args=[obligation.pk]), {"format": "xlsx"}).status_code == 404


def test_a_draft_saved_again_is_written_over_without_being_read_again(client, users, setup):
    from django.test.utils import CaptureQueriesContext

    request = own_request(users)
    client.force_login(users.unit_head)
    url = reverse("reporting:report", args=[request.pk])
    client.post(url, form_data(save="1"))
    with CaptureQueriesContext(connection) as captured:
        assert client.post(url, form_data(save="1", narrative_results="Đã công khai 15 thủ tục.")).status_code == 302
    draft = Submission.objects.get(request=request)
    assert draft.version == 1 and draft.narrative["results"] == "Đã công khai 15 thủ tục."
    reads = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    assert sum('FROM "reporting_submission"' in sql for sql in reads) == 1  # the form's
    assert not any(sql.startswith('SELECT "reporting_submissionattachment"') for sql in reads)  # it has none
    # one statement, no transaction: no lock of the request (``services._draft_at_once``)
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
    assert len(writes) == 1 and writes[0].startswith('UPDATE "reporting_submission"'), writes
    assert not any("FOR UPDATE" in q["sql"] for q in captured.captured_queries)


def test_a_draft_read_before_its_submission_is_refused_not_written_over(users, setup):
    from reporting import selectors

    request = own_request(users)
    services.report_save_draft(actor=users.unit_head, report_request=request,
                               data={"narrative": {"results": "Bản nháp"}})
    stale, stale_request = selectors.latest_submission(request), own_request(users)  # a second tab's page
    services.report_submit(actor=users.unit_head, report_request=own_request(users),
                           data={"narrative": {"results": "Bản đã gửi"}}, now=timezone.now())
    with pytest.raises(ValidationError):
        services.report_save_draft(actor=users.unit_head, report_request=stale_request,
                                   data={"narrative": {"results": "Bản cũ"}}, latest=stale)
    assert [(s.narrative["results"], s.submitted_at is not None) for s in Submission.objects.filter(
        request=request)] == [("Bản đã gửi", True)]


@pytest.mark.django_db(transaction=True)
def test_a_draft_save_waiting_on_a_submission_is_refused_once_it_commits(users, locked_request):
    """The draft's one statement waits for the submission's lock on the row, then finds it submitted."""
    from django.db import transaction

    from reporting import selectors

    request = locked_request
    services.report_save_draft(actor=users.unit_head, report_request=request,
                               data={"narrative": {"results": "Bản nháp"}})
    stale, stale_request = selectors.latest_submission(request), own_request(users)
    submitted, outcome = threading.Event(), []

    def submit():
        try:
            with transaction.atomic():
                services.report_submit(actor=users.unit_head, report_request=own_request(users),
                                       data={"narrative": {"results": "Bản đã gửi"}}, now=timezone.now())
                submitted.set()
                threading.Event().wait(0.5)  # the draft's statement is waiting on the row meanwhile
        finally:
            connection.close()

    def save():
        try:
            submitted.wait(10)
            services.report_save_draft(actor=users.unit_head, report_request=stale_request,
                                       data={"narrative": {"results": "Bản cũ"}}, latest=stale)
            outcome.append("written")
        except ValidationError:
            outcome.append("refused")
        finally:
            connection.close()

    run_together(submit, save)
    assert outcome == ["refused"]
    assert [(s.narrative["results"], s.submitted_at is not None) for s in Submission.objects.filter(
        request=request)] == [("Bản đã gửi", True)]


def test_a_draft_read_before_the_report_was_submitted_and_returned_is_not_written_over(users, setup):
    from reporting import selectors

    request = own_request(users)
    services.report_save_draft(actor=users.unit_head, report_request=request,
                               data={"narrative": {"results": "Bản nháp"}})
    stale = selectors.latest_submission(request)  # read by a second tab, which saves later
    services.report_submit(actor=users.unit_head, report_request=own_request(users),
                           data={"narrative": {"results": "Bản đã gửi"}}, now=timezone.now())
    services.report_return(actor=users.reviewer, report_request=own_request(users), comment="Bổ sung số liệu")
    services.report_save_draft(actor=users.unit_head, report_request=own_request(users),
                               data={"narrative": {"results": "Bản sửa"}}, latest=stale)
    versions = {s.version: (s.narrative["results"], s.submitted_at is not None)
                for s in Submission.objects.filter(request=request)}
    assert versions == {1: ("Bản đã gửi", True), 2: ("Bản sửa", False)}
