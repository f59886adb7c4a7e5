"""Demo data of coordination (registered in ``plans.extensions.demo_loaders``; idempotent).

* Seed 001 (Ban Dân vận Tỉnh ủy and Sở Y tế, 2021): the agreement with both standing bodies and both
  parties' duties (a responsible person each, progress on two), the year's four meetings, the first
  briefing held with its attendees, minutes and two decisions (one done, one still open for the board's
  user), two "Dân vận khéo" models selected for replication, one media incident being handled.
* Seed 004 (Phòng TCCB, 2023): a steering committee at the CDC and checklists of Thông tư 05/2021/TT-BYT
  for the CDC and the provincial hospital.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from plans.demo import seed_001, seed_004
from plans.demo.loader import plan_marker

from . import services
from .choices import DutyStatus, MeetingKind
from .models import Agreement, Checklist, DvkModel, SteeringCommittee

STANDING = {"bdvtu": "Phòng Dân vận Chính quyền và Đoàn thể", "syt": "Phòng Nghiệp vụ Y"}
RESPONSIBLE = {"bdvtu": "bdv.chuyenvien", "syt": "nvy.chuyenvien"}


def _agreement_001(units, users, log) -> None:
    plan = plan_marker(seed_001.PLAN, units).first()
    if plan is None or Agreement.objects.filter(plan=plan).exists():
        return
    staff, board_user = users["nvy.chuyenvien"], users["bdv.chuyenvien"]
    agreement = services.agreement_create(actor=staff, plan=plan)
    for party in agreement.parties.select_related("unit"):
        services.party_update(actor=staff, party=party, standing_body=STANDING.get(party.unit.code, ""))
    for duty in agreement.duties.select_related("party__unit"):
        duty.responsible = users[RESPONSIBLE[duty.party.unit.code]]
        duty.save(update_fields=["responsible"])
    board_duty = agreement.duties.filter(party__unit__code="bdvtu").first()
    dept_duty = agreement.duties.filter(party__unit__code="syt", text__contains="Dân vận khéo").first()
    if board_duty:
        services.duty_update(actor=board_user, duty=board_duty, status=DutyStatus.IN_PROGRESS,
                             note="Đã hướng dẫn Mặt trận Tổ quốc tỉnh giám sát việc thực hiện chương trình sức khỏe.",
                             date=dt.date(2021, 5, 10), today=dt.date(2021, 5, 10))
    if dept_duty:
        services.duty_update(actor=staff, duty=dept_duty, status=DutyStatus.DONE,
                             note="Đã chọn 02 mô hình “Dân vận khéo” để nhân rộng.", date=dt.date(2021, 6, 20),
                             today=dt.date(2021, 6, 20))
    meetings = services.meetings_generate(actor=staff, agreement=agreement, year=plan.year)
    first = next(m for m in meetings if m.kind == MeetingKind.QUARTERLY)
    board, dept = agreement.parties.order_by("order")
    services.meeting_update(actor=staff, meeting=first, data={
        "kind": first.kind, "title": first.title, "date": first.date, "host": first.host,
        "place": "Hội trường Sở Y tế, 15 Lê Trung Đình, TP. Quảng Ngãi", "chair": "Đồng chí Giám đốc Sở Y tế",
        "agenda": "Đánh giá kết quả phối hợp quý I năm 2021.\nThống nhất nhiệm vụ quý II."})
    for party, name, position in ((board, "Phan Thị Nga", "Chuyên viên Phòng Dân vận Chính quyền và Đoàn thể"),
                                  (dept, "Trần Văn Hùng", "Trưởng phòng Nghiệp vụ Y"),
                                  (dept, "Nguyễn Thị Lan", "Chuyên viên Phòng Nghiệp vụ Y")):
        services.attendee_add(actor=staff, meeting=first, party=party, name=name, position=position)
    services.minutes_record(actor=staff, meeting=first, today=first.date, secretary="Nguyễn Thị Lan", text=(
        "Hai bên đánh giá kết quả phối hợp quý I: đã quán triệt chủ đề công tác dân vận năm 2021.\n"
        "Hội nghị thống nhất tổ chức hội nghị chuyên đề về Quy chế dân chủ ở cơ sở trong quý II."))
    done = services.followup_add(actor=staff, meeting=first, owner=users["nvy.truongphong"], today=first.date,
                                  title="Tham mưu kế hoạch hội nghị chuyên đề về Quy chế dân chủ ở cơ sở",
                                  deadline=dt.date(2021, 4, 30))
    services.followup_close(actor=users["nvy.truongphong"], followup=done, today=dt.date(2021, 4, 28),
                            result="Đã trình Lãnh đạo Sở kế hoạch hội nghị.")
    services.followup_add(actor=staff, meeting=first, owner=board_user, today=first.date,
                          title="Cử cán bộ Ban Dân vận Tỉnh ủy tham dự hội nghị chuyên đề",
                          deadline=dt.date(2021, 5, 31))
    services.incident_create(actor=staff, agreement=agreement, today=dt.date(2021, 8, 3), data={
        "kind": "media", "title": "Mạng xã hội phản ánh thời gian chờ khám tại Bệnh viện Đa khoa tỉnh",
        "occurred_on": dt.date(2021, 8, 2), "description": "Bài đăng được chia sẻ nhiều lần."})
    log(f"Coordination: agreement, duties and meetings of {plan}")


MODELS = [
    ("bvdk", "Nụ cười từ trái tim", "treatment",
     "Đón tiếp, hướng dẫn người bệnh niềm nở; đường dây nóng do Lãnh đạo Bệnh viện trực.",
     "Tỷ lệ hài lòng của người bệnh ngoại trú tăng so với năm 2020."),
    ("ttkscb", "Tình nguyện viên tiếp sức người bệnh", "treatment",
     "Đoàn viên thanh niên hướng dẫn người bệnh làm thủ tục, đưa người bệnh khó khăn đến khoa khám.",
     "Giảm thời gian chờ làm thủ tục khám bệnh."),
]


def _models_001(units, users, log) -> None:
    approver = users["giamdoc"]
    for code, title, field, description, results in MODELS:
        if DvkModel.objects.filter(title=title, year=2021).exists():
            continue
        model = services.model_propose(actor=users["nvy.chuyenvien"], data={
            "unit": units[code], "year": 2021, "title": title, "field": field, "description": description,
            "results": results})
        services.model_select(actor=approver, model=model, selected=True)
        services.replication_add(actor=users["nvy.chuyenvien"], model=model, unit=units["ttyt-binhson"],
                                 started_on=dt.date(2021, 9, 1), note="Nhân rộng tại tuyến huyện.")
        log(f"Coordination: model “{title}”")


def _democracy_004(units, users, log) -> None:
    plan = plan_marker(seed_004.PLAN, units).first()
    if plan is None:
        return
    staff = users["tccb.chuyenvien"]
    if not SteeringCommittee.objects.filter(plan=plan, unit=units["ttkscb"]).exists():
        committee = services.committee_create(actor=staff, plan=plan, unit=units["ttkscb"],
                                              name="Ban Chỉ đạo thực hiện Quy chế dân chủ cơ sở năm 2023",
                                              decided_on=dt.date(2023, 3, 1))
        for name, position, role, duties in (
                ("Nguyễn Văn Phúc", "Giám đốc Trung tâm", "head", "Chỉ đạo chung; ký ban hành quy chế."),
                ("Lê Văn Tâm", "Phó Giám đốc Trung tâm", "deputy", "Theo dõi việc công khai theo Điều 4."),
                ("Trần Thị Thu", "Chủ tịch Công đoàn", "member", "Giám sát việc lấy ý kiến viên chức."),
                ("Võ Minh Hải", "Trưởng phòng Tổ chức - Hành chính", "secretary", "Tổng hợp, báo cáo 15/6 và 15/12.")):
            services.member_add(actor=staff, committee=committee, name=name, position=position, role=role,
                                duties=duties)
        log("Coordination: steering committee of the CDC (seed 004)")
    for code, done in (("ttkscb", {"d4": "Bảng tin và cổng thông tin Trung tâm", "d6": "Hội nghị viên chức 01/2023",
                                   "d10": "Bảng công khai giá dịch vụ tại khu khám"}),
                       ("bvdk", {"d4": "Cổng thông tin Bệnh viện", "d12": "Hòm thư góp ý, đường dây nóng"})):
        if Checklist.objects.filter(unit=units[code], year=2023).exists():
            continue
        checklist = services.checklist_open(actor=staff, unit=units[code], year=2023)
        services.checklist_save(actor=staff, checklist=checklist, today=dt.date(2023, 6, 10),
                                entries={item: (True, evidence) for item, evidence in done.items()})
        log(f"Coordination: checklist of {units[code]} (2023)")


def load_demo(*, units: dict, users: dict, log) -> None:
    with transaction.atomic():
        _agreement_001(units, users, log)
        _models_001(units, users, log)
        _democracy_004(units, users, log)
