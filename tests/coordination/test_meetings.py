"""Meetings of the year, minutes and their decisions as follow-ups, reminders, official documents."""

import datetime as dt

import pytest
from django.urls import reverse

from coordination import services
from coordination.documents import invitation_document, minutes_document
from coordination.models import FollowUp, Meeting
from reporting.documents.registry import describe
from reporting.models import Notification, OutgoingEmail
from tests.coordination.builders import TODAY, coordination_world

pytestmark = pytest.mark.django_db


def test_the_year_gets_its_briefings_and_the_december_review_once(org, users):
    world = coordination_world(org, users)
    meetings = list(Meeting.objects.filter(agreement=world.agreement).order_by("date"))
    assert [(m.kind, m.date) for m in meetings] == [
        ("quarterly", dt.date(2026, 3, 25)), ("six_monthly", dt.date(2026, 6, 25)),
        ("quarterly", dt.date(2026, 9, 25)), ("year_end", dt.date(2026, 12, 15))]
    assert meetings[-1].host.unit == org.bdv  # the review is hosted by the board
    assert services.meetings_generate(actor=users.author, agreement=world.agreement, year=2026) == []


def test_staff_record_minutes_with_a_decision_and_the_owner_closes_it(client, org, users):
    world = coordination_world(org, users)
    meeting = world.meeting
    client.force_login(users.author)
    response = client.post(reverse("coordination:decision_add", args=[meeting.pk]), {
        "title": "Tổ chức hội nghị chuyên đề về Quy chế dân chủ", "owner": users.partner.pk,
        "deadline": "30/12/2099"})
    assert response.status_code == 302
    followup = FollowUp.objects.get(title="Tổ chức hội nghị chuyên đề về Quy chế dân chủ")
    notice = Notification.objects.get(user=users.partner, kind="coordination_followup_assigned")
    assert "Tổ chức hội nghị chuyên đề về Quy chế dân chủ" in str(notice) and "30/12/2099" in str(notice)
    assert OutgoingEmail.objects.filter(user=users.partner).count() == 1

    client.force_login(users.partner)
    mine = client.get(reverse("coordination:followups")).content.decode()
    assert "Tổ chức hội nghị chuyên đề về Quy chế dân chủ" in mine
    assert "Xây dựng kế hoạch hội nghị chuyên đề" not in mine  # the reviewer's
    client.post(reverse("coordination:followup_close", args=[followup.pk]), {"result": "Đã tổ chức ngày 10/6."})
    followup.refresh_from_db()
    assert followup.status == "done" and followup.result == "Đã tổ chức ngày 10/6."


def test_minutes_wait_for_the_meeting_and_decisions_for_the_minutes(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.author)
    later = world.agreement.meetings.get(kind="year_end")
    response = client.post(reverse("coordination:decision_add", args=[later.pk]), {
        "title": "Việc", "owner": users.reviewer.pk, "deadline": "30/12/2099"})
    assert response.status_code == 400 and "Hãy ghi biên bản trước khi thêm kết luận." in response.content.decode()
    with pytest.raises(Exception, match="diễn ra|taken place"):
        services.minutes_record(actor=users.author, meeting=later, text="x", today=TODAY)


def test_reminders_come_once_before_the_deadline_and_once_when_overdue(org, users):
    world = coordination_world(org, users)
    deadline = world.followup.deadline
    assert services.followups_remind(today=deadline - dt.timedelta(days=5)) == {"reminded": 0, "overdue": 0}
    assert services.followups_remind(today=deadline - dt.timedelta(days=3)) == {"reminded": 1, "overdue": 0}
    assert services.followups_remind(today=deadline - dt.timedelta(days=2)) == {"reminded": 0, "overdue": 0}
    assert services.followups_remind(today=deadline + dt.timedelta(days=1)) == {"reminded": 0, "overdue": 1}
    assert services.followups_remind(today=deadline + dt.timedelta(days=2)) == {"reminded": 0, "overdue": 0}
    kinds = list(Notification.objects.filter(user=users.reviewer).order_by("pk").values_list("kind", flat=True))
    assert kinds == ["coordination_followup_assigned", "coordination_followup_due", "coordination_followup_overdue"]
    assert OutgoingEmail.objects.filter(user=users.reviewer).count() == 3


@pytest.mark.celery
def test_the_reminder_task_runs_in_a_worker(celery_worker, org, users):
    from coordination.tasks import followups_remind_task

    world = coordination_world(org, users)
    today = (world.followup.deadline - dt.timedelta(days=1)).isoformat()
    assert followups_remind_task.delay(today).get(timeout=30) == {"reminded": 1, "overdue": 0}
    assert FollowUp.objects.get(pk=world.followup.pk).reminded_on is not None


def test_the_beat_schedule_holds_the_reminder_task(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(name="coordination: follow-up reminders")
    assert task.task == "coordination.tasks.followups_remind_task" and task.enabled


def test_minutes_and_invitation_are_official_documents_party_header_when_the_board_issues(org, users):
    world = coordination_world(org, users)
    minutes = minutes_document(world.minutes)
    assert minutes.doc_type == "BIÊN BẢN" and minutes.style == "state"  # the department hosts the briefing
    assert any("Xây dựng kế hoạch hội nghị chuyên đề" in block.text for block in minutes.blocks)
    assert any("Trần Văn Hùng" in block.text for block in minutes.blocks)
    review = world.agreement.meetings.get(kind="year_end")
    invitation = describe(review)
    assert invitation.doc_type == "GIẤY MỜI" and invitation.style == "party"
    assert invitation.number.startswith("Số") and "-GM/BDVTU" in invitation.number
    assert invitation_document(review).national_title == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_the_document_preview_of_the_minutes_is_access_checked(client, org, users):
    world = coordination_world(org, users)
    url = reverse("reporting:document_preview", args=["minutes", world.minutes.pk])
    client.force_login(users.partner)
    assert client.get(url).status_code == 200
    client.force_login(users.unit_head)
    assert client.get(url).status_code == 200  # an issued plan is seen by every internal unit


def test_lists_have_bounded_queries_and_export(client, org, users, django_assert_max_num_queries):
    world = coordination_world(org, users)
    for index in range(25):
        meeting = services.meeting_create(actor=users.author, agreement=world.agreement, data={
            "kind": "conference", "title": f"Hội nghị chuyên đề {index}", "date": dt.date(2026, 4, 1),
            "place": "", "host": world.party, "chair": "", "agenda": ""})
        services.minutes_record(actor=users.author, meeting=meeting, text="Nội dung", today=TODAY)
        services.followup_add(actor=users.author, meeting=meeting, title=f"Việc {index}", owner=users.reviewer,
                              deadline=TODAY, today=TODAY)
    client.force_login(users.reviewer)
    for name in ("coordination:index", "coordination:meetings", "coordination:followups",
                 "coordination:incidents", "coordination:models"):
        with django_assert_max_num_queries(15):
            response = client.get(reverse(name))
        assert response.status_code == 200, name
        export = client.get(reverse(name), {"format": "xlsx"})
        assert export["Content-Type"].startswith("application/vnd.openxmlformats"), name
    assert "Việc 24" in client.get(reverse("coordination:followups")).content.decode()


def test_the_years_meetings_are_in_the_private_calendar_feed_of_those_who_see_the_joint_plan(client, org, users):
    from reporting.extensions import calendar_events
    from reporting.selectors import calendar_token

    world = coordination_world(org, users)
    events = calendar_events(users.partner, dt.date(2026, 3, 1))
    assert [(e.day, e.uid) for e in events] == [(m.date, f"coordination-meeting-{m.pk}") for m in
                                                 Meeting.objects.filter(agreement=world.agreement).order_by("date")]
    from django.utils import timezone

    soon = timezone.localdate() + dt.timedelta(days=10)  # the feed itself is read at today's date
    Meeting.objects.filter(pk=world.meeting.pk).update(date=soon)
    feed = client.get(reverse("reporting:calendar", args=[calendar_token(users.reviewer)])).content.decode()
    assert f"UID:coordination-meeting-{world.meeting.pk}@" in feed and f"DTSTART;VALUE=DATE:{soon:%Y%m%d}" in feed
    from plans.choices import Role, UnitKind
    from tests.factories import UnitFactory, UserFactory

    union = UnitFactory(code="cdn", name="Công đoàn ngành Y tế", kind=UnitKind.PARTNER)
    outsider = UserFactory(username="congdoan", unit=union, roles=[Role.AUTHOR])
    assert calendar_events(outsider, dt.date(2026, 3, 1)) == []  # another partner body: not a party
    assert calendar_events(users.partner, dt.date(2027, 3, 1)) == []  # the window: a month back, a year ahead
