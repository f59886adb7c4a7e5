"""The daily reporting job replayed over a year: requests, reminders, overdue marks — each once."""

import datetime as dt
import time
from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command

from plans.choices import PlanStatus, Role, UnitKind
from reporting.models import (
    DeadlineRule,
    Holiday,
    Notification,
    PeriodType,
    Reminder,
    ReminderChannel,
    ReportingObligation,
    ReportRequest,
    RequestStatus,
    UnitsRule,
)
from reporting.services import reporting_tick, weekly_digest
from tests.factories import PlanFactory, UnitFactory, UserFactory
from tests.reporting.mail import deliver_queued_emails

pytestmark = pytest.mark.django_db
D = dt.date


def days(first: dt.date, last: dt.date):
    while first <= last:
        yield first
        first += dt.timedelta(days=1)


@pytest.fixture
def obligations(org, users):
    """Seed-like obligations for three facilities: seed 003 (05/06 and 25/11) and seed 004 (15/06 and 15/12)."""
    UnitFactory(code="bvyhct", name="Bệnh viện Y học cổ truyền", kind=UnitKind.FACILITY, parent=org.syt)
    plan_003 = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title="Kế hoạch 003")
    plan_004 = PlanFactory(owner_unit=org.nvy, status=PlanStatus.IN_IMPLEMENTATION, title="Kế hoạch 004")
    made = {}
    for plan, key, period_type, fixed in [
        (plan_003, "003-6m", PeriodType.SIX_MONTHLY, "05/06"), (plan_003, "003-year", PeriodType.ANNUAL, "25/11"),
        (plan_004, "004-6m", PeriodType.SIX_MONTHLY, "15/06"), (plan_004, "004-year", PeriodType.ANNUAL, "15/12"),
    ]:
        made[key] = ReportingObligation.objects.create(
            plan=plan, title=key, units_rule=UnitsRule.ALL_FACILITIES, recipient_unit=org.syt,
            period_type=period_type, deadline_rule=DeadlineRule.FIXED, fixed_deadlines=[fixed],
        )
    return made


def replay(first, last, capture):
    """Run the tick each day (on-commit callbacks executed, as after a real commit)."""
    log = {}
    for day in days(first, last):
        with capture(execute=True):
            summary = reporting_tick(today=day)
        deliver_queued_emails()  # what the worker's e-mail tasks do
        if summary.created or summary.reminded or summary.overdue:
            log[day] = (len(summary.created), len(summary.reminded), len(summary.overdue))
    return log


def test_holidays_and_beat_schedules_are_seeded_by_the_migration():
    from django_celery_beat.models import PeriodicTask

    assert Holiday.objects.filter(date__year=2026).count() >= 9
    assert Holiday.objects.filter(date=D(2026, 9, 2)).exists()
    tasks = {t.task: t for t in PeriodicTask.objects.select_related("crontab")}
    daily, weekly = tasks["reporting.tasks.reporting_tick_task"], tasks["reporting.tasks.weekly_digest_task"]
    assert (daily.crontab.hour, daily.crontab.day_of_week, str(daily.crontab.timezone)) == (
        "6", "*", "Asia/Ho_Chi_Minh")
    assert (weekly.crontab.day_of_week, weekly.enabled) == ("1", True)


def test_a_year_replayed_day_by_day(obligations, users, django_capture_on_commit_callbacks):
    log = replay(D(2026, 1, 1), D(2026, 12, 31), django_capture_on_commit_callbacks)
    # Requests open 30 days before each deadline, for the 3 facilities; reminders 7, 3 and 1 day before,
    # by e-mail and in the portal, to the 2 facilities that have a head; overdue the day after the deadline.
    assert log == {
        D(2026, 5, 6): (3, 0, 0), D(2026, 5, 16): (3, 0, 0),
        D(2026, 5, 29): (0, 4, 0), D(2026, 6, 2): (0, 4, 0), D(2026, 6, 4): (0, 4, 0),
        D(2026, 6, 6): (0, 0, 3),
        D(2026, 6, 8): (0, 4, 0), D(2026, 6, 12): (0, 4, 0), D(2026, 6, 14): (0, 4, 0),
        D(2026, 6, 16): (0, 0, 3),
        D(2026, 10, 26): (3, 0, 0), D(2026, 11, 15): (3, 0, 0),
        D(2026, 11, 18): (0, 4, 0), D(2026, 11, 22): (0, 4, 0), D(2026, 11, 24): (0, 4, 0),
        D(2026, 11, 26): (0, 0, 3),
        D(2026, 12, 8): (0, 4, 0), D(2026, 12, 12): (0, 4, 0), D(2026, 12, 14): (0, 4, 0),
        D(2026, 12, 16): (0, 0, 3),
    }
    assert ReportRequest.objects.count() == 12
    assert ReportRequest.objects.overdue(D(2026, 12, 31)).count() == 12  # overdue is derived, never stored
    assert set(ReportRequest.objects.values_list("status", flat=True)) == {RequestStatus.NOT_STARTED}
    due = dict(ReportRequest.objects.filter(unit__code="ttkscb").values_list("obligation__title", "due_date"))
    assert due == {"003-6m": D(2026, 6, 5), "003-year": D(2026, 11, 25), "004-6m": D(2026, 6, 15),
                   "004-year": D(2026, 12, 15)}
    # 4 obligations × 3 offsets × 2 heads: one e-mail per (request, offset) to the head, one notice each
    reminders = Reminder.objects.exclude(channel=ReminderChannel.ESCALATION)
    assert reminders.count() == 4 * 3 * 2 * 2 and not reminders.filter(delivered_at=None).exists()
    assert len(mail.outbox) == 4 * 3 * 2
    assert Notification.objects.filter(user=users.unit_head, kind="report_reminder").count() == 4 * 3
    assert Counter(reminders.values_list("offset_days", flat=True)) == {7: 16, 3: 16, 1: 16}
    # the day after each deadline, once per overdue request: the unit head and the reviewers are told
    assert Reminder.objects.filter(channel=ReminderChannel.ESCALATION).count() == 12
    assert Notification.objects.filter(user=users.unit_head, kind="report_overdue").count() == 4
    assert Notification.objects.filter(user=users.reviewer, kind="report_overdue").count() == 0  # NVY: not SYT
    assert Notification.objects.filter(user=users.approver, kind="report_overdue").count() == 12
    # a second run over the same year creates, sends and marks nothing
    assert replay(D(2026, 1, 1), D(2026, 12, 31), django_capture_on_commit_callbacks) == {}
    assert ReportRequest.objects.count() == 12 and Reminder.objects.count() == 60 and len(mail.outbox) == 24


def test_reminder_text_and_recipients(obligations, users, django_capture_on_commit_callbacks):
    for day in (D(2026, 5, 6), D(2026, 5, 29)):
        with django_capture_on_commit_callbacks(execute=True):
            reporting_tick(today=day)
    deliver_queued_emails()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([users.unit_head.email, users.other_head.email])
    message = next(m for m in mail.outbox if m.to == [users.unit_head.email])
    assert "05/06/2026" in message.subject
    assert "Nhắc hạn: báo cáo “003-6m” (6 tháng đầu năm 2026) phải gửi trước ngày 05/06/2026" in message.body
    notice = Notification.objects.get(user=users.unit_head)
    assert notice.kind == "report_reminder" and notice.url.startswith("/reporting/")
    assert str(notice) == message.body.split("\n")[0]


def test_a_submitted_or_drafted_request_is_not_reminded_or_marked(obligations, users,
                                                                   django_capture_on_commit_callbacks):
    reporting_tick(today=D(2026, 5, 6))
    ReportRequest.objects.filter(unit=users.unit_head.unit).update(status=RequestStatus.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        reporting_tick(today=D(2026, 5, 29))
    deliver_queued_emails()
    assert [m.to for m in mail.outbox] == [[users.other_head.email]]
    summary = reporting_tick(today=D(2026, 6, 6))
    late = set(ReportRequest.objects.overdue(D(2026, 6, 6)).filter(obligation__title="003-6m")
               .values_list("unit__code", flat=True))
    assert late == {"bvdk", "bvyhct"} and len(summary.overdue) == 2


def test_a_missed_day_is_caught_up_the_next_day_with_the_nearest_offset(obligations, users):
    reporting_tick(today=D(2026, 5, 6))
    summary = reporting_tick(today=D(2026, 6, 3))  # the runs of 29/05 and 02/06 were missed
    assert len(summary.reminded) == 4
    assert set(Reminder.objects.values_list("offset_days", flat=True)) == {3}


def test_draft_plans_and_inactive_obligations_open_nothing(obligations, org):
    ReportingObligation.objects.filter(title="003-6m").update(is_active=False)
    obligations["004-6m"].plan.status = PlanStatus.DRAFT
    obligations["004-6m"].plan.save()
    assert reporting_tick(today=D(2026, 6, 1)).created == []


def test_named_units_and_active_from_backfill(org, users):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED)
    obligation = ReportingObligation.objects.create(
        plan=plan, title="Quý", units_rule=UnitsRule.NAMED, recipient_unit=org.nvy,
        period_type=PeriodType.QUARTERLY, calendar="calendar", deadline_rule=DeadlineRule.WORKING_DAYS_AFTER,
        deadline_days=5, active_from=D(2026, 1, 1),
    )
    obligation.units.set([org.cdc])
    summary = reporting_tick(today=D(2026, 7, 20))
    # Q4 2025 (due 08/01, after the holiday of 01/01), Q1 (07/04) and Q2 (07/07) are backfilled and
    # marked overdue at once; Q3 is not open yet
    assert [r.due_date for r in ReportRequest.objects.order_by("due_date")] == [
        D(2026, 1, 8), D(2026, 4, 7), D(2026, 7, 7)]
    assert len(summary.created) == 3 and len(summary.overdue) == 3


def test_tick_query_count_is_bounded(obligations, django_assert_max_num_queries):
    reporting_tick(today=D(2026, 5, 6))
    reporting_tick(today=D(2026, 5, 29))
    with django_assert_max_num_queries(12):  # a day with nothing new: a few reads, whatever the obligations
        reporting_tick(today=D(2026, 5, 29))
    with django_assert_max_num_queries(12):
        reporting_tick(today=D(2026, 5, 30))


def test_weekly_digest_goes_to_leadership(obligations, users, django_capture_on_commit_callbacks):
    reporting_tick(today=D(2026, 5, 6))
    reporting_tick(today=D(2026, 6, 6))
    with django_capture_on_commit_callbacks(execute=True):
        sent = weekly_digest(today=D(2026, 6, 8))
    assert sent == 1
    deliver_queued_emails()
    assert mail.outbox[0].to == [users.approver.email]
    assert mail.outbox[0].body.count("003-6m") == 3
    # an approver without an e-mail address, and an approver of another branch, get nothing
    UserFactory(username="giamdoc-khac", unit=users.approver.unit, roles=[Role.APPROVER], email="")
    lanhdao = UserFactory(username="bdv-lanhdao", unit=users.partner.unit, roles=[Role.APPROVER])
    # the same week again (the task delivered twice): nothing more; the next week: a new digest
    assert weekly_digest(today=D(2026, 6, 10)) == 0
    assert weekly_digest(today=D(2026, 6, 15)) == 1
    deliver_queued_emails()
    assert [m.to for m in mail.outbox] == [[users.approver.email]] * 2 and lanhdao.email not in str(mail.outbox)


def test_command_replays_a_range(obligations, capsys):
    call_command("reporting_tick", "--today", "2026-05-06", "--through", "2026-06-06")
    out = capsys.readouterr().out
    assert "06/05/2026 created: 003-6m" in out
    assert "29/05/2026 reminded" in out and "06/06/2026 overdue" in out
    assert "6 request(s) created" in out


def test_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Not a date"):
        call_command("reporting_tick", "--today", "2026-13-01")


@pytest.mark.celery
def test_the_tick_runs_through_the_real_celery_worker(obligations, users, celery_worker):
    from reporting.tasks import reporting_tick_task

    first = reporting_tick_task.delay("2026-05-06").get(timeout=30)
    assert len(first["created"]) == 3
    second = reporting_tick_task.delay("2026-05-29").get(timeout=30)
    assert len(second["reminded"]) == 4
    assert reporting_tick_task.delay("2026-05-29").get(timeout=30) == {
        "today": "2026-05-29", "created": [], "reminded": [], "overdue": []}
    assert ReportRequest.objects.filter(obligation=obligations["003-6m"]).count() == 3
    assert Reminder.objects.count() == 4
    for _attempt in range(100):  # each e-mail is delivered by its own task, after the tick's
        if len(mail.outbox) == 2:
            break
        time.sleep(0.1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([users.unit_head.email, users.other_head.email])
    assert not Reminder.objects.filter(delivered_at=None).exists()


def test_obligation_validation_gives_clear_errors(org):
    from django.core.exceptions import ValidationError

    obligation = ReportingObligation(title="x", period_type=PeriodType.QUARTERLY, deadline_rule=DeadlineRule.FIXED,
                                     fixed_deadlines=["05/03"], units_rule=UnitsRule.UNIT_KIND,
                                     reminder_offsets=[7, "ba"])
    with pytest.raises(ValidationError) as error:
        obligation.clean()
    assert set(error.value.message_dict) == {"fixed_deadlines", "unit_kind", "reminder_offsets"}
    obligation.fixed_deadlines = ["05/03", "05/06", "31/09", "05/12"]
    obligation.unit_kind, obligation.reminder_offsets = UnitKind.FACILITY, [7, 3, 1]
    with pytest.raises(ValidationError) as error:
        obligation.clean()
    assert list(error.value.message_dict) == ["fixed_deadlines"]
    obligation.fixed_deadlines[2] = "30/09"
    obligation.clean()


def test_one_off_obligation_opens_one_request(org, users):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED)
    obligation = ReportingObligation.objects.create(
        plan=plan, title="Đột xuất", units_rule=UnitsRule.NAMED, recipient_unit=org.nvy,
        period_type=PeriodType.ONE_OFF, one_off_start=D(2026, 1, 1), one_off_end=D(2026, 8, 31),
        one_off_due=D(2026, 9, 10),
    )
    obligation.units.set([org.cdc, org.bvdk])
    assert reporting_tick(today=D(2026, 8, 10)).created == []
    assert len(reporting_tick(today=D(2026, 8, 11)).created) == 2
    assert reporting_tick(today=D(2026, 8, 12)).created == []
    assert set(ReportRequest.objects.values_list("due_date", flat=True)) == {D(2026, 9, 10)}


def test_a_unit_added_the_same_day_another_leaves_still_gets_its_request(obligations, org):
    reporting_tick(today=D(2026, 5, 6))  # the 05/06 reports open for the three facilities
    opened = set(ReportRequest.objects.filter(obligation=obligations["003-6m"]).values_list("unit__code", flat=True))
    assert opened == {"ttkscb", "bvdk", "bvyhct"}
    org.bvdk.is_active = False
    org.bvdk.save()
    UnitFactory(code="ttyt-moi", name="Trung tâm Y tế huyện mới", kind=UnitKind.FACILITY, parent=org.syt)
    summary = reporting_tick(today=D(2026, 5, 7))
    assert set(ReportRequest.objects.filter(obligation=obligations["003-6m"]).values_list("unit__code", flat=True)) \
        == {"ttkscb", "bvdk", "bvyhct", "ttyt-moi"}
    assert len(summary.created) == 1 and "Trung tâm Y tế huyện mới" in summary.created[0]
    assert reporting_tick(today=D(2026, 5, 7)).created == []
