"""A joint plan of the Ban Dân vận Tỉnh ủy and Sở Y tế with its agreement, for the coordination tests."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.core.files.base import ContentFile

from coordination import services
from coordination.choices import ModelField
from plans import services as plan_services
from plans.choices import HeaderStyle, ItemStyle, PlanKind

TODAY = dt.date(2026, 5, 20)
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def pdf(name: str = "bien-ban.pdf") -> ContentFile:
    return ContentFile(PDF, name=name)


def joint_plan(org, users, *, title="Phối hợp công tác dân vận năm 2026", issuers=None):
    author, approver = users.author, users.approver
    issuers = issuers or [org.bdv, org.syt]
    plan = plan_services.plan_create(
        actor=author, issuers=issuers,
        data={"year": 2026, "title": title, "place": "Quảng Ngãi", "kind": PlanKind.COORDINATION,
              "header_style": HeaderStyle.JOINT})
    section = plan_services.section_create(actor=author, plan=plan, title="Trách nhiệm của các cơ quan")
    board = plan_services.item_create(actor=author, section=section, style=ItemStyle.DASH,
                                      text="Cử cán bộ tham dự hội nghị chuyên đề do Sở Y tế tổ chức.")
    plan_services.responsibility_save(actor=author, plan=plan, data={"item": board, "lead_unit": issuers[0]})
    dept = plan_services.item_create(actor=author, section=section, style=ItemStyle.DASH,
                                     text="Chủ động chọn từ 02 - 03 mô hình “Dân vận khéo” để nhân rộng.")
    plan_services.responsibility_save(actor=author, plan=plan, data={"item": dept, "lead_unit": org.syt})
    plan_services.plan_submit(actor=author, plan=plan)
    plan_services.plan_approve(actor=approver, plan=plan)
    plan_services.plan_issue(actor=approver, plan=plan, issued_on=dt.date(2026, 1, 20))
    return plan


def coordination_world(org, users, *, today: dt.date = TODAY) -> SimpleNamespace:
    """The agreement (duties of both parties), the year's meetings, minutes with a decision, a model, an incident."""
    author = users.author
    plan = joint_plan(org, users)
    agreement = services.agreement_create(actor=author, plan=plan)
    board, dept = agreement.parties.order_by("order")
    board_duty, dept_duty = agreement.duties.order_by("order")
    services.duty_update(actor=users.partner, duty=board_duty, status="in_progress", note="Đã cử 02 cán bộ.",
                         date=today, files=[pdf("danh-sach.pdf")], today=today)
    meetings = services.meetings_generate(actor=author, agreement=agreement, year=2026)
    meeting = meetings[0]
    services.meeting_update(actor=author, meeting=meeting, data={
        "kind": meeting.kind, "title": meeting.title, "date": meeting.date, "place": "Hội trường Sở Y tế",
        "host": meeting.host, "chair": "Giám đốc Sở Y tế", "agenda": "Đánh giá kết quả quý I."})
    services.attendee_add(actor=author, meeting=meeting, party=dept, name="Trần Văn Hùng",
                          position="Trưởng phòng Nghiệp vụ Y")
    minutes = services.minutes_record(actor=author, meeting=meeting, text="Hội nghị thống nhất các nội dung.",
                                      today=today)
    followup = services.followup_add(actor=author, meeting=meeting, title="Xây dựng kế hoạch hội nghị chuyên đề",
                                     owner=users.reviewer, deadline=today + dt.timedelta(days=10), today=today)
    model = services.model_propose(actor=users.unit_head, data={
        "unit": org.cdc, "year": 2026, "title": "Nụ cười từ trái tim", "field": ModelField.TREATMENT,
        "description": "", "results": ""})
    incident = services.incident_create(actor=author, agreement=agreement, today=today, data={
        "kind": "media", "title": "Bài báo phản ánh thái độ phục vụ", "occurred_on": today, "description": ""})
    checklist = services.checklist_open(actor=users.unit_head, unit=org.cdc, year=2026)
    committee = services.committee_create(actor=users.unit_head, plan=plan, unit=org.cdc, name="Ban Chỉ đạo QCDC",
                                          working_rules=pdf("quy-che.pdf"))
    commitment = services.commitment_save(actor=users.unit_head, unit=org.cdc, person=None, year=2026,
                                          text="Thực hiện đầy đủ Thông tư 05/2021/TT-BYT.")
    return SimpleNamespace(
        checklist=checklist, committee=committee, commitment=commitment,
        coord_plan=plan, agreement=agreement, party=board, dept_party=dept, board_duty=board_duty,
        dept_duty=dept_duty, evidence=board_duty.evidence.get(), meeting=meeting, other_meeting=meetings[1],
        minutes=minutes, followup=followup, dvk_model=model, incident=incident)
