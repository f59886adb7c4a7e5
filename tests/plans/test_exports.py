"""The one Excel export helper: headers, dates as dates, numbers as numbers, formulas defused."""

import datetime as dt
import io
from decimal import Decimal

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
