"""The one Excel export helper: headers, dates as dates, numbers as numbers, formulas defused."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from plans.exports import Column, xlsx_response


def test_xlsx_response_writes_typed_cells_and_refuses_formulas():
    rows = [{"name": "Trung tâm Kiểm soát bệnh tật", "due": dt.date(2026, 6, 5), "rate": Decimal("72.5")},
            {"name": "=HYPERLINK(\"http://x\")", "due": None, "rate": 3}]
    response = xlsx_response(filename="Báo cáo quá hạn", title="Quá hạn", rows=rows, columns=[
        Column("Đơn vị", lambda r: r["name"]), Column("Hạn", lambda r: r["due"]), Column("Tỷ lệ", lambda r: r["rate"]),
    ])
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="bao-cao-qua-han-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Quá hạn" and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["Đơn vị", "Hạn", "Tỷ lệ"] and sheet["A1"].font.bold
    assert sheet["A2"].value == "Trung tâm Kiểm soát bệnh tật"
    assert sheet["B2"].value == dt.datetime(2026, 6, 5) and sheet["B2"].number_format == "dd/mm/yyyy"
    assert sheet["C2"].value == 72.5
    assert sheet["A3"].value == '=HYPERLINK("http://x")' and sheet["A3"].data_type == "s"  # text, not a formula


@pytest.mark.django_db
def test_the_plan_list_exports_what_the_user_sees_with_its_filters(client, users, django_assert_max_num_queries):
    from django.urls import reverse

    from plans import services

    draft = services.plan_create(actor=users.author, data={"year": 2026, "title": "Kế hoạch dân vận 2026",
                                                           "place": "Quảng Ngãi"})
    services.plan_create(actor=users.other_author, data={"year": 2026, "title": "Kế hoạch của phòng khác",
                                                         "place": "Quảng Ngãi"})
    client.force_login(users.author)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:list"), {"q": "dan van", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:2] == ["Số", "Tên kế hoạch"]
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == [draft.title]  # the other room's draft: unseen
