"""The demo movement of seed 002 (Kế hoạch 276/KH-SYT, phong trào thi đua ngành Y tế 2021).

Registered in ``plans.extensions.demo_loaders``: the seed is imported as a draft by the demo
(``plans.importing.demo.import_seeds``); this adds its movement, the two phases, the plan's
targets and a year of results of the demo facilities, some met and some missed. Idempotent:
the movement is found by its plan and title.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from django.db import transaction

from plans.importing.models import PlanImport
from reporting.models import Indicator

from . import commendation, services
from .choices import Direction, Measure, ResultSource, Scope, Source
from .models import Movement

TITLE = "Phong trào thi đua yêu nước ngành Y tế năm 2021"
YEAR = 2021
ACTOR = "nvy.chuyenvien"
ADMIN = "quantri"  # enters the demo self-assessments on behalf of the units
COUNTS = {
    "tdua_so_bac_si": ("Số bác sĩ", "người"),
    "tdua_dan_so": ("Dân số", "người"),
}
# name, indicator code, measure, direction, value, extra fields
TARGETS = [
    ("Tỷ lệ bác sĩ/10.000 dân", "tdua_bac_si_10000", Measure.PER_10000, Direction.AT_LEAST, "10.8",
     {"source": Source.COMPUTED, "numerator": "tdua_so_bac_si", "denominator": "tdua_dan_so", "factor": D(10000),
      "baseline": D("10.2")}),
    ("Tỷ lệ giường bệnh/10.000 dân", "tdua_giuong_10000", Measure.PER_10000, Direction.AT_LEAST, "26.2",
     {"scope": Scope.SECTOR, "source": Source.DEPARTMENT, "baseline": D("25.4")}),
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "tdua_tiem_chung", Measure.PERCENT, Direction.AT_LEAST,
     "95", {"baseline": D("94.1")}),
    ("Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi (thể nhẹ cân)", "tdua_sdd_nhe_can", Measure.PERCENT,
     Direction.AT_MOST, "8.5", {"baseline": D("8.9")}),
    ("Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi (thể thấp còi)", "tdua_sdd_thap_coi", Measure.PERCENT,
     Direction.AT_MOST, "14.1", {"baseline": D("14.6")}),
    ("Tỷ lệ xã, phường, thị trấn đạt Bộ tiêu chí quốc gia về y tế", "tdua_xa_btcqg", Measure.PERCENT,
     Direction.AT_LEAST, "100", {"scope": Scope.SECTOR, "source": Source.DEPARTMENT, "baseline": D("97.5")}),
    ("Tỷ lệ tăng dân số tự nhiên", "tdua_tang_dan_so", Measure.PERCENT, Direction.EXACTLY, "0.86",
     {"scope": Scope.SECTOR, "source": Source.DEPARTMENT, "baseline": D("0.9")}),
    ("Tỷ lệ hài lòng của người dân đối với dịch vụ y tế công", "tdua_hai_long", Measure.PERCENT,
     Direction.AT_LEAST, "90", {"baseline": D("88")}),
    ("Bệnh viện đạt mức chất lượng từ 2,80 trở lên", "tdua_diem_chat_luong", Measure.SCORE, Direction.AT_LEAST,
     "2.8", {"baseline": D("2.7")}),
    ("Số bệnh viện đạt trên mức 3,00", "tdua_diem_chat_luong", Measure.COUNT, Direction.COUNT_ABOVE, "16",
     {"threshold": D("3"), "baseline": D("12")}),
    ("Số bệnh viện đạt trên mức 3,50", "tdua_diem_chat_luong", Measure.COUNT, Direction.COUNT_ABOVE, "5",
     {"threshold": D("3.5"), "baseline": D("3")}),
    ("Tỷ lệ người dân được lập hồ sơ sức khỏe điện tử", "tdua_hssk_dien_tu", Measure.PERCENT, Direction.AT_LEAST,
     "95", {"baseline": D("80")}),
]
UNITS = ["ttkscb", "bvdk", "ttyt-binhson", "ttyt-sontinh", "ttyt-lyson", "tyt-binhhiep", "tyt-binhchanh"]
# a facility's figures per phase: (doctors, population, vaccination, underweight, stunting, satisfaction, score, ehr)
FIGURES = {
    "ttkscb": [(40, 40000, 96.2, 7.9, 13.5, 91.0, D("3.1"), 90), (41, 40000, 97.0, 7.6, 13.2, 92.5, D("3.2"), 96)],
    "bvdk": [(180, 150000, 95.5, 8.1, 13.9, 89.0, D("3.6"), 85), (185, 150000, 96.0, 8.0, 13.8, 91.2, D("3.7"), 95)],
    "ttyt-binhson": [(90, 95000, 93.8, 9.2, 15.0, 87.5, D("2.9"), 70),
                     (96, 95000, 95.1, 8.4, 14.0, 90.4, D("3.05"), 93)],
    "ttyt-sontinh": [(60, 70000, 94.0, 8.8, 14.5, 90.5, D("2.75"), 60),
                     (65, 70000, 94.5, 8.6, 14.3, 89.0, D("2.85"), 80)],
    "ttyt-lyson": [(20, 22000, 97.1, 6.5, 12.0, 93.0, D("3.2"), 88), (21, 22000, 98.0, 6.1, 11.8, 94.0, D("3.3"), 97)],
    "tyt-binhhiep": [(2, 8000, 92.0, 9.5, 15.5, 85.0, None, 50), (3, 8000, 95.5, 8.3, 14.0, 91.0, None, 75)],
    "tyt-binhchanh": [(2, 7500, 96.5, 8.0, 13.0, 92.0, None, 65), (2, 7500, 97.5, 7.8, 12.9, 93.5, None, 96)],
}
# The seed names the criteria "03 xây, 03 chống và 03 biết" without listing them: the wording below is the demo's.
CRITERIA = ["Xây dựng tinh thần, thái độ phục vụ người bệnh tận tụy", "Xây dựng tác phong làm việc chuyên nghiệp",
            "Xây dựng môi trường cơ sở y tế xanh - sạch - đẹp", "Chống tiêu cực, gây phiền hà cho người bệnh",
            "Chống quan liêu, thờ ơ, vô cảm", "Chống lãng phí, thiếu trách nhiệm", "Biết lắng nghe",
            "Biết chia sẻ, cảm thông", "Biết xin lỗi, cảm ơn"]
SECTOR = {"tdua_giuong_10000": ("25.9", "26.4"), "tdua_xa_btcqg": ("98.2", "100"), "tdua_tang_dan_so": ("0.9", "0.86")}


def seed_plan():
    record = (PlanImport.objects.filter(source_name__startswith="002_", plan__isnull=False)
              .select_related("plan").order_by("id").first())
    return record.plan if record else None


def _indicator(code: str, name: str, unit: str):
    indicator, _created = Indicator.objects.get_or_create(code=code, defaults={"name": name, "unit_of_measure": unit})
    return indicator


def _unit_figures(code: str, phase_index: int) -> dict:
    doctors, population, vaccination, underweight, stunting, satisfaction, score, ehr = FIGURES[code][phase_index]
    return {"tdua_bac_si_10000": {"numerator": D(doctors), "denominator": D(population)},
            "tdua_tiem_chung": {"value": D(str(vaccination))}, "tdua_sdd_nhe_can": {"value": D(str(underweight))},
            "tdua_sdd_thap_coi": {"value": D(str(stunting))}, "tdua_hai_long": {"value": D(str(satisfaction))},
            "tdua_diem_chat_luong": {"value": score}, "tdua_hssk_dien_tu": {"value": D(ehr)}}


@transaction.atomic
def build(*, plan, units: dict, actor, admin) -> Movement:
    movement = services.movement_create(
        actor=actor, plan=plan, data={"title": TITLE, "year": YEAR, "description": "Kế hoạch số 276/KH-SYT."},
        phases=[{"name": "Giai đoạn 1", "start": dt.date(YEAR, 1, 1), "end": dt.date(YEAR, 6, 30)},
                {"name": "Giai đoạn 2", "start": dt.date(YEAR, 7, 1), "end": dt.date(YEAR, 12, 31)}])
    counts = {code: _indicator(code, name, unit) for code, (name, unit) in COUNTS.items()}
    targets = []
    for order, (name, code, measure, direction, value, extra) in enumerate(TARGETS, start=1):
        extra = dict(extra)
        for key in ("numerator", "denominator"):
            if key in extra:
                extra[key] = counts[extra[key]]
        data = {"name": name, "measure": measure, "direction": direction, "value": D(value), "order": order,
                "baseline_year": YEAR - 1, "indicator": _indicator(code, name, str(Measure(measure).label)), **extra}
        targets.append((code, services.target_save(actor=actor, movement=movement, data=data)))
    for index, phase in enumerate(movement.phases.all()):
        for code, target in targets:
            if code in SECTOR:
                services.result_enter(actor=actor, target=target, phase=phase, unit=None, value=D(SECTOR[code][index]))
                continue
            for unit_code in UNITS:
                figures = _unit_figures(unit_code, index)[code]
                if all(v is None for v in figures.values()):
                    continue
                services.result_enter(actor=actor, target=target, phase=phase, unit=units[unit_code],
                                      source=ResultSource.DEPARTMENT, **figures)
    checklist = commendation.checklist_create(actor=actor, movement=movement, name="03 xây, 03 chống, 03 biết",
                                              criteria=CRITERIA)
    criteria = list(checklist.criteria.all())
    for index, phase in enumerate(movement.phases.all()):
        for n, code in enumerate(UNITS[:4]):
            head = units[code]
            answers = {c.pk: ((k + n + index) % 4 != 0, "") for k, c in enumerate(criteria)}
            commendation.self_assess(actor=admin, checklist=checklist, phase=phase, unit=head,
                                     answers=answers)
    _commendation(units=units, admin=admin)
    return movement


def _commendation(*, units, admin) -> None:
    """Registrations of 2021 (approved, refused, waiting) and nominations (accepted, proposed) of the facilities."""
    from .models import Achievement

    specs = [("bvdk", "", "tt_ldxs", "Hoàn thành vượt mức các chỉ tiêu chuyên môn; 100 % khoa đạt “Xanh - Sạch - Đẹp”.",
              "approve"),
             ("ttyt-binhson", "", "tt_ldxs", "Đạt các chỉ tiêu tiêm chủng và hồ sơ sức khỏe điện tử.", "refuse"),
             ("ttkscb", "Nguyễn Thị Thu", "cstd_cs", "Chủ trì 01 sáng kiến cấp cơ sở về giám sát dịch bệnh.", "")]
    for code, person, title, commitments, decision in specs:
        registration = commendation.registration_save(actor=admin, unit=units[code], data={
            "year": YEAR, "person_name": person, "title": title, "commitments": commitments})
        commendation.registration_send(actor=admin, registration=registration)
        if decision:
            commendation.registration_decide(actor=admin, registration=registration, approve=decision == "approve",
                                             reason="Bổ sung cam kết về cải cách hành chính.")
    for year in (2018, 2019, 2020):
        Achievement.objects.get_or_create(unit=units["bvdk"], person_name="Bùi Quốc Khánh", title="cstd_cs",
                                          year=year)
    accepted = commendation.nomination_create(actor=admin, unit=units["bvdk"], data={
        "year": YEAR, "person_name": "Bùi Quốc Khánh", "title": "cstd_tinh",
        "evidence": "03 năm liên tục đạt Chiến sĩ thi đua cơ sở (2018–2020); đề tài khoa học cấp tỉnh."})
    commendation.nomination_review(actor=admin, nomination=accepted, accept=True)
    Achievement.objects.get_or_create(unit=units["ttyt-lyson"], person_name="", title="tt_ldtt", year=YEAR - 1)
    commendation.nomination_create(actor=admin, unit=units["ttyt-lyson"], data={
        "year": YEAR, "person_name": "", "title": "tt_ldxs",
        "evidence": "Hoàn thành xuất sắc nhiệm vụ; 100 % chỉ tiêu thi đua đạt."})
    commendation.exemplar_save(actor=admin, unit=units["ttyt-lyson"], data={
        "year": YEAR, "kind": "person", "name": "Điều dưỡng Phạm Thị Liên",
        "story": "Vượt biển trong đêm đưa sản phụ nguy kịch vào đất liền cấp cứu an toàn."})


def load_demo(*, units: dict, users: dict, log) -> Movement | None:
    plan = seed_plan()
    if plan is None:
        log("Emulation: the seed 002 plan was not imported, skipped.")
        return None
    existing = Movement.objects.filter(plan=plan, title=TITLE).first()
    if existing is not None:
        log(f"Emulation: exists, skipped: {TITLE}")
        return existing
    movement = build(plan=plan, units=units, actor=users[ACTOR], admin=users[ADMIN])
    log(f"Emulation: {TITLE} — {movement.targets.count()} targets, {movement.phases.count()} phases")
    return movement
