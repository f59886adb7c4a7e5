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
