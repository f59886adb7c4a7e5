"""The lines of an official document are built once (plans.document_lines): the plan page and the
official renderer print the same number, date, signer and recipient lines (Decree 30/2020)."""

import datetime
import html
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

from plans import document_lines as lines
from plans.choices import HeaderStyle, SignerAuthority
from plans.selectors import plan_document_parts
from reporting.documents.plans import plan_document
from tests.factories import PlanFactory, RecipientFactory


def test_date_parts_pad_days_below_ten_and_months_one_and_two_only():
    assert lines.date_parts(datetime.date(2021, 1, 29)) == ("29", "01", "2021")
    assert lines.date_parts(datetime.date(2026, 2, 5)) == ("05", "02", "2026")
    assert lines.date_parts(datetime.date(2026, 3, 2)) == ("02", "3", "2026")
    assert lines.date_parts(datetime.date(2026, 12, 31)) == ("31", "12", "2026")
    assert lines.place_date_line("Hà Tĩnh", "29", "01", "2021") == "Hà Tĩnh, ngày 29 tháng 01 năm 2021"
    assert lines.place_date_line("", "", "", "2020") == f"ngày {lines.BLANK} tháng {lines.BLANK} năm 2020"


def test_number_lines_state_party_and_blank():
    assert lines.number_line("01/KH-SYT", numbered=True, party=False) == "Số: 01/KH-SYT"
    assert lines.number_line("10-KH/BDVTU", numbered=True, party=True) == "Số 10-KH/BDVTU"
    assert lines.number_line("/KH-SYT", numbered=False, party=False) == f"Số:{lines.BLANK}/KH-SYT"


def test_signature_lines():
    assert lines.signature_lines("KT.", "Phó Giám đốc", body="Sở Y tế", party=False) == ("KT. GIÁM ĐỐC",
                                                                                         "PHÓ GIÁM ĐỐC")
    assert lines.signature_lines("TM.", "Chủ tịch", body="Ủy ban nhân dân", party=False) == (
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert lines.signature_lines("KT.", "Phó Trưởng ban", body="Ban Dân vận", party=True) == ("K/T TRƯỞNG BAN",
                                                                                             "PHÓ TRƯỞNG BAN")
    assert lines.signature_lines("", "Giám đốc", body="", party=False) == ("GIÁM ĐỐC",)
    assert lines.signer_lines("Phó Giám đốc", body="Sở Y tế") == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert lines.signer_lines("Giám đốc", body="Sở Y tế") == ("GIÁM ĐỐC",)
    assert lines.signer_lines("Phó Giám đốc Sở Y tế", body="Sở Y tế") == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def test_signing_position_drops_the_body_the_header_names():
    assert lines.signing_position("Phó Giám đốc Sở Y tế", body="Sở Y tế") == "Phó Giám đốc"
    assert lines.signing_position("Giám đốc  sở y tế", body="Sở Y tế") == "Giám đốc"
    assert lines.signing_position("Chánh Thanh tra Sở", body="Sở Y tế") == "Chánh Thanh tra Sở"
    assert lines.own_authority("Phó Giám đốc") == "KT." and lines.own_authority("Giám đốc") == ""


def test_recipient_lines_merge_the_archive_into_one_last_line():
    rows = [SimpleNamespace(text="Bộ Y tế;", purpose="để báo cáo"), SimpleNamespace(text="- Lưu: VT.", purpose=""),
            SimpleNamespace(text="Các đơn vị", purpose="")]
    assert lines.recipient_lines(rows, room="NVY") == ("- Bộ Y tế (để báo cáo);", "- Các đơn vị;", "- Lưu: VT.")
    assert lines.recipient_lines(rows[:1], room="NVY") == ("- Bộ Y tế (để báo cáo);", "- Lưu: VT, NVY.")
    assert lines.recipient_lines([SimpleNamespace(text="VT, TCCB", purpose="lưu")], room="NVY") == (
        "- Lưu: VT, TCCB.",)
    assert lines.recipient_lines(rows[:1], room=None) == ("- Bộ Y tế (để báo cáo).",)
    rows.append(SimpleNamespace(text="Lưu: VT, TCCB", purpose=""))
    assert lines.recipient_lines(rows, room="NVY")[-1] == "- Lưu: VT, TCCB."


def test_governing_body_plan_then_unit_then_parent():
    parent = SimpleNamespace(governing_body="UBND tỉnh Quảng Ngãi")
    unit = SimpleNamespace(is_party_body=False, governing_body="", parent_id=1, parent=parent)
    assert lines.governing_body(unit) == "UBND TỈNH QUẢNG NGÃI"
    assert lines.governing_body(unit, "Bộ Y tế") == "BỘ Y TẾ"
    party = SimpleNamespace(is_party_body=True, governing_body="Tỉnh ủy Quảng Ngãi", parent_id=None)
    assert lines.governing_body(party, "Bộ Y tế") == "TỈNH ỦY QUẢNG NGÃI"


# --- The page and the document agree -------------------------------------------------------


def _page(plan) -> str:
    return html.unescape(render_to_string("plans/_document.html", plan_document_parts(plan)))


def _assert_page_matches_document(plan):
    page, doc = _page(plan), plan_document(plan)
    assert f">{doc.number}<" in page
    assert f">{doc.date_line}<" in page
    assert doc.signature.lines and all(f"<div>{line}</div>" in page for line in doc.signature.lines)
    assert doc.recipients and all(f"<div>{line}</div>" in page for line in doc.recipients)
    for issuer in doc.issuers:
        assert issuer.name in page and (not issuer.governing or f">{issuer.governing}<" in page)
    return page, doc


@pytest.mark.django_db
def test_state_plan_page_and_document_give_the_same_lines(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt], number=1, symbol="KH-SYT", place="Quảng Ngãi",
                       issued_on=datetime.date(2026, 3, 2), year=2026, governing_body="Bộ Y tế",
                       signer_authority=SignerAuthority.KT, signer_position="Phó Giám đốc", signer_name="Trần A")
    RecipientFactory(plan=plan, order=1, text="Bộ Y tế", purpose="để báo cáo")
    RecipientFactory(plan=plan, order=2, text="Các đơn vị trực thuộc", purpose="")
    page, doc = _assert_page_matches_document(plan)
    assert doc.number == "Số: 01/KH-SYT" and "Quảng Ngãi, ngày 02 tháng 3 năm 2026" in page
    assert doc.signature.lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert doc.recipients[-1].startswith("- Lưu: VT, ") and doc.issuers[0].governing == "BỘ Y TẾ"
    assert ">BỘ Y TẾ<" in page


@pytest.mark.django_db
def test_joint_plan_page_and_document_give_the_same_lines(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.bdv, org.syt], header_style=HeaderStyle.JOINT,
                       issued_on=None, year=2026, signer_authority=SignerAuthority.TM, signer_position="Trưởng ban",
                       signer_name="Lê B")
    RecipientFactory(plan=plan, order=1, text="Lưu: VT, BDV", purpose="")
    RecipientFactory(plan=plan, order=2, text="Tỉnh ủy", purpose="để báo cáo")
    RecipientFactory(plan=plan, order=3, text="VP", purpose="lưu")
    page, doc = _assert_page_matches_document(plan)
    assert doc.recipients == ("- Tỉnh ủy (để báo cáo);", "- Lưu: VT, BDV, VP.")
    assert doc.signature.lines[0] == f"TM. {org.bdv.name.upper()}"
    assert "tháng 03" not in page


# --- The signer of an issued plan is the approver who issued it -------------------------------------


@pytest.fixture
def approved(org, users):
    from plans import services
    from plans.choices import ItemStyle

    def make(**header):
        plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Kế hoạch năm 2026", **header})
        section = services.section_create(actor=users.author, plan=plan, title="Mục đích")
        services.item_create(actor=users.author, section=section, text="Tuyên truyền.", style=ItemStyle.DASH)
        services.plan_submit(actor=users.author, plan=plan)
        return services.plan_approve(actor=users.approver, plan=plan)

    return make


@pytest.mark.django_db
def test_the_director_who_issues_signs_in_own_name(approved, users):
    from plans import services

    director = users.approver
    director.first_name, director.last_name, director.position = "Đặng Văn", "Bình", "Giám đốc Sở Y tế"
    plan = services.plan_issue(actor=users.approver, plan=approved(), issued_on=datetime.date(2026, 3, 2))
    assert (plan.signer_authority, plan.signer_position, plan.signer_name) == ("", "Giám đốc", "Đặng Văn Bình")
    page, doc = _assert_page_matches_document(plan)
    assert (doc.signature.lines, doc.signature.name) == (("GIÁM ĐỐC",), "Đặng Văn Bình")
    assert "KT." not in page and "Đặng Văn Bình" in page


@pytest.mark.django_db
def test_a_deputy_director_who_issues_signs_for_the_director(approved, org):
    from plans import services
    from plans.choices import Role
    from tests.factories import UserFactory

    deputy = UserFactory(first_name="Huỳnh Thị", last_name="Mai", unit=org.syt, roles=[Role.APPROVER],
                         position="Phó Giám đốc Sở Y tế")
    plan = services.plan_issue(actor=deputy, plan=approved(), issued_on=datetime.date(2026, 3, 2))
    _page_text, doc = _assert_page_matches_document(plan)
    assert (doc.signature.lines, doc.signature.name) == (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Huỳnh Thị Mai")


@pytest.mark.django_db
def test_the_signer_chosen_in_the_header_is_kept_with_kt_for_a_deputy(approved, users):
    from plans import services

    plan = approved(signer_position="Phó Giám đốc", signer_name="Trần Quang Hào")
    plan = services.plan_issue(actor=users.approver, plan=plan, issued_on=datetime.date(2026, 3, 2))
    _page_text, doc = _assert_page_matches_document(plan)
    assert (doc.signature.lines, doc.signature.name) == (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Trần Quang Hào")
