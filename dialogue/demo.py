"""Demo data of the dialogue app (registered in ``plans.extensions.demo_loaders``), built through the services.

Seed 003 (Lào Cai 2020, Thanh tra Sở): a session in person and an online session, both held, with
their minutes and follow-ups (one resolved, one still open); an upcoming online session that the
public page lists; questions in each moderation state; a handful of petitions, one of them overdue;
two citizen receptions. Idempotent: a session is found by its title, a petition by its petitioner.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from plans.demo import seed_003
from plans.demo.loader import plan_marker

from . import services
from .choices import Channel, Complexity, PetitionKind
from .models import Petition, Session, Topic

IN_PERSON = "Đối thoại với nhân dân về chế độ chính sách bảo hiểm y tế"
ONLINE = "Đối thoại trực tuyến về phòng, chống dịch bệnh và an toàn thực phẩm"
UPCOMING = "Đối thoại trực tuyến về chất lượng khám bệnh, chữa bệnh"


def _at(day: dt.date, hour: int):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _topics(*names):
    return list(Topic.objects.filter(name__in=names))


def _session(actor, units, users, *, title, form, when, plan=None, topics=(), place="", link=""):
    return services.session_save(actor=actor, data={
        "title": title, "form": form, "starts_at": when, "place": place, "link": link, "plan": plan,
        "organising_unit": units["ttra"], "chair": users.get("giamdoc"), "topics": _topics(*topics),
        "delegates": "Đại diện Ban Dân vận Tỉnh ủy\nĐại diện Ủy ban MTTQ tỉnh\nĐại diện Bảo hiểm xã hội tỉnh",
        "documents": "Báo cáo tình hình thực hiện chính sách bảo hiểm y tế\nTổng hợp ý kiến, kiến nghị của cử tri",
    })


def _in_person(actor, units, users, plan) -> None:
    day = dt.date(2020, 6, 18)
    session = _session(actor, units, users, title=IN_PERSON, form="in_person", when=_at(day, 8), plan=plan,
                       place="Hội trường Sở Y tế", topics=("Chế độ chính sách bảo hiểm y tế",
                                                           "Bảo vệ, chăm sóc sức khỏe nhân dân"))
    services.session_mark_held(actor=actor, session=session, attendance=64)
    bhyt = Topic.objects.filter(name="Chế độ chính sách bảo hiểm y tế").first()
    services.minutes_entry_add(actor=actor, session=session, today=day, data={
        "raised_by": "Ông Nguyễn Văn Tư, thôn Làng Mới", "topic": bhyt,
        "question": "Người dân tộc thiểu số vùng khó khăn có được cấp thẻ bảo hiểm y tế miễn phí không?",
        "answer": "Được cấp theo Quyết định của UBND tỉnh; danh sách do UBND xã lập.", "answered_by": "Giám đốc Sở"})
    services.minutes_entry_add(actor=actor, session=session, today=day, data={
        "raised_by": "Bà Lò Thị Mai, xã Bản Lầu", "topic": bhyt,
        "question": "Trạm y tế xã thiếu thuốc bảo hiểm y tế cho người cao tuổi.",
        "answer": "Sở sẽ kiểm tra việc cung ứng thuốc tại trạm.", "answered_by": "Trưởng phòng Nghiệp vụ Dược"},
        follow_up={"action": "Kiểm tra, bảo đảm cung ứng thuốc bảo hiểm y tế tại trạm y tế xã Bản Lầu",
                   "responsible_unit": units["bvdk"], "due_date": dt.date(2020, 7, 31)})
    services.minutes_approve(actor=actor, session=session, now=_at(day, 17),
                             summary="Giao các đơn vị giải quyết dứt điểm các kiến nghị trong tháng 7/2020.")
    follow_up = session.entries.get(order=2).follow_up
    services.follow_up_resolve(actor=users.get("bvdk.giamdoc") or actor, follow_up=follow_up,
                               today=dt.date(2020, 7, 20),
                               resolution="Đã bổ sung cơ số thuốc cho trạm; báo cáo kết quả ngày 20/7/2020.")


def _online(actor, units, users, plan, today) -> None:
    day = dt.date(2020, 10, 15)
    session = _session(actor, units, users, title=ONLINE, form="online", when=_at(day, 14), plan=plan,
                       link="https://syt.example.gov.vn/doi-thoai", topics=("Phòng, chống dịch bệnh",
                                                                            "Vệ sinh an toàn thực phẩm"))
    epidemic = Topic.objects.filter(name="Phòng, chống dịch bệnh").first()
    asked = [services.question_submit(session=session, address=f"demo-{n}", data={
        "name": name, "contact": contact, "topic": epidemic, "text": text})
        for n, (name, contact, text) in enumerate([
            ("Trần Thị Hằng", "0912 345 678", "Khi nào trẻ em được tiêm vắc xin phòng bạch hầu đợt bổ sung?"),
            ("Hoàng Văn Nam", "nam.hv@example.vn", "Lịch tiêm vắc xin bạch hầu cho trẻ em năm nay ra sao?"),
            ("Ẩn danh", "0000", "Quảng cáo thuốc giảm cân, liên hệ ngay!"),
            ("Phạm Quốc Bảo", "0987 654 321", "Cơ sở bán thức ăn đường phố có phải đăng ký an toàn thực phẩm?"),
        ])]
    services.question_publish(actor=actor, question=asked[0])
    services.question_merge(actor=actor, question=asked[1], into=asked[0])
    services.question_reject(actor=actor, question=asked[2], reason="Nội dung quảng cáo, không phải câu hỏi.")
    services.question_publish(actor=actor, question=asked[3])
    services.session_mark_held(actor=actor, session=session, attendance=212)
    services.question_answer(actor=actor, question=asked[0], answered_by="Giám đốc Trung tâm Kiểm soát bệnh tật",
                             answer="Đợt tiêm bổ sung bắt đầu từ ngày 02/11/2020 tại các trạm y tế xã.")
    services.question_answer(actor=actor, question=asked[3], answered_by="Chi cục An toàn vệ sinh thực phẩm",
                             answer="Cơ sở thức ăn đường phố ký cam kết bảo đảm an toàn thực phẩm với UBND xã.")
    services.minutes_entry_add(actor=actor, session=session, today=day, data={
        "raised_by": "Trần Thị Hằng (câu hỏi trực tuyến)", "topic": epidemic,
        "question": asked[0].text, "answer": "Đợt tiêm bổ sung bắt đầu từ ngày 02/11/2020.",
        "answered_by": "Giám đốc Trung tâm Kiểm soát bệnh tật"},
        follow_up={"action": "Thông báo lịch tiêm bổ sung vắc xin bạch hầu đến từng thôn, bản",
                   "responsible_unit": units["ttkscb"], "due_date": today + dt.timedelta(days=2)})


def _upcoming(actor, units, users, today) -> None:
    session = _session(actor, units, users, title=UPCOMING, form="online", when=_at(today + dt.timedelta(days=14), 9),
                       link="https://syt.example.gov.vn/doi-thoai", topics=("Bảo vệ, chăm sóc sức khỏe nhân dân",))
    waiting = services.question_submit(session=session, address="demo-upcoming-1", data={
        "name": "Đinh Văn Lực", "contact": "0905 111 222", "topic": None,
        "text": "Bệnh viện tỉnh có khám ngoài giờ vào thứ bảy không?"})
    published = services.question_submit(session=session, address="demo-upcoming-2", data={
        "name": "Ngô Thị Thu", "contact": "thu.nt@example.vn", "topic": None,
        "text": "Thủ tục chuyển tuyến bảo hiểm y tế khi đi làm ăn xa như thế nào?"})
    services.question_publish(actor=actor, question=published)
    del waiting  # stays awaiting moderation


PETITIONS = [
    # kind, channel, days ago, petitioner, summary, complexity, remote, unit, assigned, state
    (PetitionKind.COMPLAINT, Channel.MAILBOX, 75, "Ông Lê Văn Hạnh", "Khiếu nại việc thu tiền dịch vụ khám bệnh "
     "ngoài danh mục.", Complexity.NORMAL, False, "bvdk", None, "open"),
    (PetitionKind.FEEDBACK, Channel.HOTLINE, 6, "Bà Nguyễn Thị Hoa", "Phản ánh thái độ phục vụ tại khoa Cấp cứu.",
     Complexity.NORMAL, False, "bvdk", None, "open"),
    (PetitionKind.PROPOSAL, Channel.PORTAL, 20, "Ông Trần Minh", "Kiến nghị mở thêm quầy thu phí buổi sáng.",
     Complexity.NORMAL, False, "ttra", "bvdk", "assigned"),
    (PetitionKind.DENUNCIATION, Channel.FORWARDED, 30, "Người tố cáo (giữ bí mật)", "Tố cáo việc kê đơn thuốc "
     "không đúng quy định tại trạm y tế.", Complexity.COMPLEX, True, "ttra", None, "open"),
    (PetitionKind.COMPLAINT, Channel.IN_PERSON, 50, "Bà Phạm Thị Lan", "Khiếu nại kết quả giám định tỷ lệ thương tật.",
     Complexity.NORMAL, False, "ttra", None, "closed"),
]


def _petitions(actor, units, users, today) -> None:
    for kind, channel, ago, who, summary, complexity, remote, unit, assigned, state in PETITIONS:
        if Petition.objects.filter(petitioner=who, unit=units[unit]).exists():
            continue
        received = today - dt.timedelta(days=ago)
        clerk = actor if unit == "ttra" else users.get(f"{unit}.giamdoc", actor)  # each unit enters its own
        petition = services.petition_register(actor=clerk, today=today, data={
            "unit": units[unit], "kind": kind, "channel": channel, "received_on": received, "petitioner": who,
            "contact": "", "summary": summary, "complexity": complexity, "remote_area": remote})
        if assigned:
            services.petition_assign(actor=clerk, petition=petition, unit=units[assigned])
        if state == "closed":
            services.petition_resolve(actor=clerk, petition=petition, today=today - dt.timedelta(days=10),
                                      resolution="Giữ nguyên kết quả giám định; đã trả lời bằng văn bản.")
            services.petition_close(actor=clerk, petition=petition, today=today - dt.timedelta(days=5))
    if not services.ReceptionEntry.objects.exists():
        services.reception_record(actor=actor, today=today, data={
            "unit": units["ttra"], "date": today - dt.timedelta(days=50), "citizen": "Bà Phạm Thị Lan",
            "matter": "Khiếu nại kết quả giám định tỷ lệ thương tật.", "outcome": "Hướng dẫn gửi đơn khiếu nại."})
        services.reception_record(actor=actor, today=today, data={
            "unit": units["ttra"], "date": today - dt.timedelta(days=3), "citizen": "Ông Vũ Đức Anh",
            "matter": "Hỏi về thủ tục cấp lại chứng chỉ hành nghề.", "outcome": "Đã hướng dẫn trực tiếp."})


def load_demo(*, units: dict, users: dict, log, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()  # the demo's entry point reads the clock
    actor = users.get("ttra.chanhthanhtra") or users.get("quantri")
    if actor is None or "ttra" not in units:
        log("Dialogue: demo users or units not found, skipped.")
        return 0
    plan = plan_marker(seed_003.PLAN, units).first()
    created = 0
    with transaction.atomic():
        if not Session.objects.filter(title=IN_PERSON).exists():
            _in_person(actor, units, users, plan)
            created += 1
        if not Session.objects.filter(title=ONLINE).exists():
            _online(actor, units, users, plan, today)
            created += 1
        if not Session.objects.filter(title=UPCOMING).exists():
            _upcoming(actor, units, users, today)
            created += 1
        _petitions(actor, units, users, today)
    log(f"Dialogue: {created} sessions, {Petition.objects.count()} petitions.")
    return created
