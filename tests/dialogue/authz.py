"""The dialogue app in the authorization walker and the bad-input test (see tests/test_authorization.py).

The world: an online session of Phòng NVY (planned, with a question awaiting moderation and a minutes entry
whose follow-up the CDC must carry out) and a complaint received by the CDC.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.test_authorization import FORBIDDEN, OK, USERS, action, page

# Department staff organise sessions; the session of Phòng NVY is managed by its room and the leadership.
ORGANISERS = ("author", "reviewer", "approver", "admin", "other_author", "other_reviewer")
NVY_SESSION = ("author", "reviewer", "approver", "admin")
INTERNAL = tuple(user for user in USERS if user != "partner")
# The CDC's follow-up: the CDC's head, the leadership, the administrator and the session's organisers.
FOLLOW_UP = ("author", "reviewer", "approver", "admin", "unit_head")
CDC_PETITION = ("unit_head", "approver", "admin")

SESSION = {"pk": "dialogue_session"}

RULES = {
    "dialogue:sessions": page(ok=ORGANISERS, others=FORBIDDEN),
    "dialogue:session_create": page(ok=ORGANISERS, others=FORBIDDEN),
    "dialogue:session_detail": page(ok=NVY_SESSION, targets=SESSION),
    "dialogue:session_edit": page(ok=NVY_SESSION, targets=SESSION),
    "dialogue:session_held": action(ok=NVY_SESSION, targets=SESSION, data={"attendance": "12"}),
    "dialogue:minutes_approve": action(ok=NVY_SESSION, targets=SESSION, data={"summary": "Kết luận."}),
    "dialogue:entry_create": action(ok=NVY_SESSION, targets=SESSION, data={
        "raised_by": "Ông A", "question": "Câu hỏi?", "answer": "", "answered_by": ""}),
    "dialogue:moderation": page(ok=NVY_SESSION, targets=SESSION),
    "dialogue:question_moderate": action(ok=NVY_SESSION, targets={**SESSION, "question_pk": "dialogue_question"},
                                         data={"action": "publish"}),
    "dialogue:followups": page(ok=INTERNAL, others=FORBIDDEN),
    "dialogue:followup_resolve": action(ok=FOLLOW_UP, targets={"pk": "dialogue_follow_up"},
                                        data={"resolution": "Đã xử lý."}),
    "dialogue:petitions": page(ok=INTERNAL, others=FORBIDDEN),
    "dialogue:petition_create": page(ok=INTERNAL, others=FORBIDDEN),
    "dialogue:petition_detail": page(ok=CDC_PETITION, targets={"pk": "dialogue_petition"}),
    "dialogue:petition_action": action(ok=CDC_PETITION, targets={"pk": "dialogue_petition"},
                                       data={"action": "resolve", "resolution": "Đã giải quyết."}),
    "dialogue:receptions": page(ok=INTERNAL, others=FORBIDDEN),
    # the public page: everyone, without login
    "dialogue:public_home": page(anonymous=OK),
    "dialogue:public_session": page(anonymous=OK, targets=SESSION),
    "dialogue:public_track": page(anonymous=OK),
}
KWARGS = {"question_pk": "dialogue_question"}
FIELDS = ("form", "starts_at", "link", "organising_unit", "chair", "plan", "topics", "new_topics", "delegates",
          "documents", "attendance", "raised_by", "topic", "question", "answer", "answered_by", "needs_action",
          "responsible_unit", "resolution", "name", "contact", "website", "code", "reason", "into", "channel",
          "received_on", "petitioner", "complexity", "remote_area", "citizen", "matter", "outcome", "make_petition",
          "mine", "overdue")


def world(base, org, users) -> dict:
    from dialogue import services
    from dialogue.models import Question

    today = timezone.localdate()
    session = services.session_save(actor=users.author, data={
        "title": "Đối thoại trực tuyến về bảo hiểm y tế", "form": "online",
        "starts_at": timezone.now() + dt.timedelta(days=7), "link": "https://syt.example.vn/doi-thoai",
        "organising_unit": org.nvy})
    question = Question.objects.create(session=session, tracking_code="DT-WALKER1", name="Nguyễn Văn A",
                                       contact="0912000111", text="Khi nào có lịch tiêm?")
    entry = services.minutes_entry_add(actor=users.author, session=session, today=today, data={
        "raised_by": "Bà B", "question": "Trạm y tế thiếu thuốc."},
        follow_up={"action": "Bổ sung thuốc", "responsible_unit": org.cdc, "due_date": today})
    petition = services.petition_register(actor=users.unit_head, today=today, data={
        "unit": org.cdc, "kind": "complaint", "channel": "mailbox", "received_on": today, "petitioner": "Ông C",
        "summary": "Khiếu nại tiền khám."})
    return {"dialogue_session": session, "dialogue_question": question, "dialogue_follow_up": entry.follow_up,
            "dialogue_petition": petition}


def state() -> tuple:
    from dialogue.models import FollowUp, MinutesEntry, Petition, Question, ReceptionEntry, Session

    return (
        list(Session.objects.order_by("pk").values_list("pk", "status", "attendance", "title", "minutes_summary")),
        MinutesEntry.objects.count(),
        list(FollowUp.objects.order_by("pk").values_list("pk", "status", "resolution")),
        list(Question.objects.order_by("pk").values_list("pk", "status", "answer")),
        list(Petition.objects.order_by("pk").values_list("pk", "status", "assigned_unit_id", "due_date")),
        ReceptionEntry.objects.count(),
    )
