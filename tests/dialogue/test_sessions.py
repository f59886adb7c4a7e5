"""Sessions, minutes, follow-ups (to a recorded resolution, reminded once), moderation and the official documents."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from dialogue import services
from dialogue.documents import invitation_document, minutes_document
from dialogue.models import FollowUp, Minutes, Question, Reminder, Session
from reporting.documents.pdf import render_html
from reporting.models import Notification, OutgoingEmail

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)


def _entry(session, users, org, *, due=dt.date(2026, 12, 10), unit=None):
    return services.minutes_entry_add(actor=users.author, session=session, today=TODAY, data={
        "raised_by": "Bà Lò Thị Mai", "question": "Trạm y tế thiếu thuốc bảo hiểm y tế.", "answer": "Sẽ kiểm tra.",
        "answered_by": "Giám đốc Sở"},
        follow_up={"action": "Bổ sung thuốc cho trạm", "responsible_unit": unit or org.cdc, "due_date": due})


def test_a_session_is_created_with_new_topics_and_its_form_keeps_what_was_typed(client, org, users):
    client.force_login(users.author)
    data = {"title": "Đối thoại trực tiếp", "form": "in_person", "starts_at": "10/12/2026 08:00", "place": "",
            "organising_unit": org.nvy.pk, "new_topics": "Giá dịch vụ y tế", "delegates": "Ban Dân vận"}
    refused = client.post(reverse("dialogue:session_create"), data)
    assert refused.status_code == 200 and "Buổi đối thoại trực tiếp cần có địa điểm." in refused.content.decode()
    assert "Ban Dân vận" in refused.content.decode() and not Session.objects.exists()
    response = client.post(reverse("dialogue:session_create"), {**data, "place": "Hội trường Sở"})
    session = Session.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert [t.name for t in session.topics.all()] == ["Giá dịch vụ y tế"]
    assert timezone.localtime(session.starts_at).strftime("%d/%m/%Y %H:%M") == "10/12/2026 08:00"


def test_a_room_organises_only_for_its_own_unit(org, users):
    with pytest.raises(PermissionDenied):
        services.session_save(actor=users.other_author, data={
            "title": "X", "form": "in_person", "starts_at": timezone.now(), "place": "Y", "organising_unit": org.nvy})
    with pytest.raises(PermissionDenied):
        services.session_save(actor=users.unit_head, data={
            "title": "X", "form": "in_person", "starts_at": timezone.now(), "place": "Y", "organising_unit": org.cdc})


def test_the_follow_up_flow_to_a_recorded_resolution(client, online_session, org, users):
    entry = _entry(online_session, users, org)
    follow_up = entry.follow_up
    head = users.unit_head
    assert Notification.objects.filter(user=head, kind="dialogue_follow_up_assigned").count() == 1
    client.force_login(head)
    inbox = client.get(reverse("dialogue:followups"), {"mine": "1"}).content.decode()
    assert "Bổ sung thuốc cho trạm" in inbox and 'id="nav-followups"' in inbox
    client.force_login(users.other_head)
    assert "Bổ sung thuốc cho trạm" not in client.get(reverse("dialogue:followups")).content.decode()
    assert client.post(reverse("dialogue:followup_resolve", args=[follow_up.pk]),
                       {"resolution": "x"}).status_code == 404
    client.force_login(head)
    empty = client.post(reverse("dialogue:followup_resolve", args=[follow_up.pk]), {"resolution": ""})
    assert empty.status_code == 400
    done = client.post(reverse("dialogue:followup_resolve", args=[follow_up.pk]),
                       {"resolution": "Đã bổ sung cơ số thuốc."})
    assert done.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.resolution, follow_up.resolved_by) == ("resolved", "Đã bổ sung cơ số thuốc.",
                                                                               head)
    with pytest.raises(ValidationError):
        services.follow_up_resolve(actor=head, follow_up=follow_up, resolution="again", today=TODAY)


def test_a_follow_up_needs_its_unit_and_deadline(client, online_session, users):
    client.force_login(users.author)
    response = client.post(reverse("dialogue:entry_create", args=[online_session.pk]), {
        "raised_by": "Ông Tư", "question": "Câu hỏi", "needs_action": "on", "action": "Làm gì đó"})
    assert response.status_code == 400
    assert "Bắt buộc khi cần theo dõi xử lý." in response.content.decode()
    assert "Làm gì đó" in response.content.decode() and not FollowUp.objects.exists()


def test_reminders_are_sent_once_before_the_deadline_and_once_when_overdue(online_session, org, users):
    follow_up = _entry(online_session, users, org, due=dt.date(2026, 12, 3)).follow_up
    Notification.objects.all().delete()
    assert services.dialogue_reminders(today=dt.date(2026, 11, 25))["follow_ups_due"] == 0
    assert services.dialogue_reminders(today=TODAY)["follow_ups_due"] == 1
    assert services.dialogue_reminders(today=dt.date(2026, 12, 2))["follow_ups_due"] == 0  # told once
    assert services.dialogue_reminders(today=dt.date(2026, 12, 4))["follow_ups_overdue"] == 1
    assert services.dialogue_reminders(today=dt.date(2026, 12, 5))["follow_ups_overdue"] == 0
    kinds = list(Notification.objects.filter(user=users.unit_head).values_list("kind", flat=True).order_by("pk"))
    assert kinds == ["dialogue_follow_up_due", "dialogue_follow_up_overdue"]
    assert str(Notification.objects.filter(kind="dialogue_follow_up_overdue").get()) == (
        "Quá hạn: việc “Bổ sung thuốc cho trạm” phải hoàn thành trước ngày 03/12/2026.")
    assert OutgoingEmail.objects.filter(user=users.unit_head).count() == 3  # assigned, due soon, overdue
    assert Reminder.objects.filter(follow_up=follow_up).count() == 2


def test_overdue_petitions_are_reminded_to_the_receiving_unit(petition_for, users):
    petition = petition_for()
    counts = services.dialogue_reminders(today=petition.due_date + dt.timedelta(days=1))
    assert counts["petitions_overdue"] == 1
    assert Notification.objects.filter(user=users.unit_head, kind="dialogue_petition_overdue").count() == 1
    assert services.dialogue_reminders(today=petition.due_date + dt.timedelta(days=2))["petitions_overdue"] == 0


def test_the_migration_schedules_the_daily_reminders():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.select_related("crontab").get(name="dialogue: follow-up and petition reminders")
    assert task.task == "dialogue.tasks.dialogue_reminders_task" and task.enabled
    assert (task.crontab.hour, task.crontab.minute, str(task.crontab.timezone)) == ("7", "10", "Asia/Ho_Chi_Minh")


def test_a_real_worker_runs_the_reminder_task(celery_worker, online_session, org, users):
    from dialogue.tasks import dialogue_reminders_task

    _entry(online_session, users, org, due=dt.date(2026, 12, 2))
    result = dialogue_reminders_task.delay(TODAY.isoformat()).get(timeout=30)
    assert result["follow_ups_due"] == 1
    assert OutgoingEmail.objects.filter(user=users.unit_head, key__startswith="dialogue-follow-up:").exists()


def test_moderation_publish_reject_merge_and_answer(client, online_session, users):
    first, second, third = (services.question_submit(session=online_session, address=f"m{n}", data={
        "name": f"N{n}", "contact": "0", "text": f"Câu hỏi {n} về tiêm chủng", "topic": None}) for n in range(3))
    client.force_login(users.reviewer)
    url = lambda q: reverse("dialogue:question_moderate", args=[online_session.pk, q.pk])  # noqa: E731
    assert client.post(url(first), {"action": "publish"}).status_code == 302
    refused = client.post(url(third), {"action": "reject", "reason": ""})
    assert refused.status_code == 400 and "Nêu lý do từ chối." in refused.content.decode()
    assert client.post(url(third), {"action": "reject", "reason": "Quảng cáo"}).status_code == 302
    assert client.post(url(second), {"action": "merge", "into": third.pk}).status_code == 400  # rejected target
    assert client.post(url(second), {"action": "merge", "into": first.pk}).status_code == 302
    assert client.post(url(first), {"action": "answer", "answer": "Từ 02/11.", "answered_by": "CDC"}).status_code == 302
    states = dict(Question.objects.values_list("pk", "status"))
    assert states == {first.pk: "published", second.pk: "merged", third.pk: "rejected"}
    assert Question.objects.get(pk=third.pk).reject_reason == "Quảng cáo"
    second.refresh_from_db()
    assert second.shown_answer == "Từ 02/11."
    client.force_login(users.other_author)  # another room: the session is not theirs
    assert client.post(url(first), {"action": "reject", "reason": "x"}).status_code == 404


def test_session_held_then_minutes_approved_then_locked(online_session, org, users):
    _entry(online_session, users, org)
    with pytest.raises(ValidationError):
        services.minutes_approve(actor=users.author, session=online_session, summary="x", now=timezone.now())
    services.session_mark_held(actor=users.author, session=online_session, attendance=120)
    session = services.minutes_approve(actor=users.approver, session=online_session, summary="Kết luận.",
                                       now=timezone.now())
    assert session.status == "minutes_approved" and session.minutes_approved_by == users.approver
    with pytest.raises(ValidationError):
        _entry(session, users, org)


def test_invitation_and_minutes_are_official_documents_with_markup_escaped(online_session, org, users):
    services.minutes_entry_add(actor=users.author, session=online_session, today=TODAY, data={
        "raised_by": "<script>alert(1)</script>", "question": "<img src=x onerror=alert(1)>", "answer": "Có."})
    online_session.chair = users.approver
    online_session.save()
    invitation = invitation_document(online_session)
    assert (invitation.doc_type, invitation.number) == ("GIẤY MỜI", invitation.number)
    assert any("https://syt.example.vn/doi-thoai" in b.text for b in invitation.blocks)
    minutes = Minutes.objects.get_or_create(session=online_session)[0]
    document = minutes_document(minutes)
    assert document.doc_type == "BIÊN BẢN"
    html = render_html(document)
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_the_document_registry_renders_the_session_for_its_organisers_only(client, online_session, users):
    minutes = Minutes.objects.get_or_create(session=online_session)[0]
    client.force_login(users.author)
    for source, pk in (("dialogue_invitation", online_session.pk), ("dialogue_minutes", minutes.pk)):
        assert client.get(reverse("reporting:document_preview", args=[source, pk])).status_code == 200
    client.force_login(users.other_author)
    assert client.get(reverse("reporting:document_preview", args=["dialogue_minutes", minutes.pk])).status_code == 404


def test_the_session_list_has_a_bounded_query_count_and_exports(client, org, users, django_assert_max_num_queries):
    for n in range(30):
        session = services.session_save(actor=users.author, data={
            "title": f"Buổi {n}", "form": "online", "starts_at": timezone.now(), "link": "https://x.vn",
            "organising_unit": org.nvy})
        _entry(session, users, org)
    client.force_login(users.approver)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("dialogue:sessions"))
    assert response.status_code == 200 and "Buổi 29" in response.content.decode()
    with django_assert_max_num_queries(12):
        assert client.get(reverse("dialogue:followups")).status_code == 200
    export = client.get(reverse("dialogue:sessions"), {"format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(users.unit_head)
    assert client.get(reverse("dialogue:sessions")).status_code == 403
