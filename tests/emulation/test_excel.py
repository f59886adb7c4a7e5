"""The Excel sheet of results: the template, a good file, bad files, the same file twice."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from emulation import excel
from emulation.models import Result

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(emu):
    emu.target(value=95)
    emu.target(name="Giường bệnh/10.000 dân", measure="per_10000", value="26.2", scope="sector",
               source="department")
    return emu


def _upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("ket-qua-thi-dua.xlsx", data)


def _book(movement):
    return load_workbook(io.BytesIO(excel.template_bytes(movement=movement)))


def _fill(book, values: dict) -> bytes:
    """Fill column H of the template rows keyed by (unit code, target name, phase name)."""
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        key = (row[0].value, row[3].value, row[6].value)
        if key in values:
            row[7].value = values[key]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = {("ttkscb", "Tỷ lệ tiêm chủng đầy đủ", "Giai đoạn 1"): 96.5,
        ("bvdk", "Tỷ lệ tiêm chủng đầy đủ", "Giai đoạn 1"): "93,25",
        ("*", "Giường bệnh/10.000 dân", "Giai đoạn 2"): 26.4}


def test_the_template_lists_every_unit_target_and_phase(sheet):
    with translation.override("vi"):
        rows = list(_book(sheet.movement).active.iter_rows(values_only=True))
    assert rows[0][:8] == ("Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Chỉ tiêu đề ra", "Mã giai đoạn",
                           "Giai đoạn", "Kết quả thực hiện")
    keys = {(r[0], r[3], r[6]) for r in rows[1:]}
    assert len(rows) == 1 + 2 * (2 + 1)  # two phases × (two facilities + the sector figure)
    assert ("*", "Giường bệnh/10.000 dân", "Giai đoạn 1") in keys and ("bvdk", "Tỷ lệ tiêm chủng đầy đủ",
                                                                      "Giai đoạn 2") in keys


def test_a_good_sheet_is_imported_and_the_same_sheet_twice_changes_nothing(client, sheet, users):
    with translation.override("vi"):
        data = _fill(_book(sheet.movement), GOOD)
    client.force_login(users.author)
    url = reverse("emulation:results_import", args=[sheet.movement.pk])
    response = client.post(url, {"file": _upload(data)}, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert "Đã nhập: ghi 3 kết quả, 0 kết quả không đổi." in response.content.decode()
    stored = sorted((r.unit.code if r.unit else "*", r.value, r.source) for r in Result.objects.all())
    assert stored == [("*", Decimal("26.4"), "excel"), ("bvdk", Decimal("93.25"), "excel"),
                      ("ttkscb", Decimal("96.5"), "excel")]
    before = list(Result.objects.order_by("pk").values_list("pk", "value", "updated_at"))
    response = client.post(url, {"file": _upload(data)}, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert "Đã nhập: ghi 0 kết quả, 3 kết quả không đổi." in response.content.decode()
    assert list(Result.objects.order_by("pk").values_list("pk", "value", "updated_at")) == before


def test_a_sheet_with_wrong_cells_saves_nothing_and_names_each_cell(client, sheet, users):
    bad = dict(GOOD)
    bad[("bvdk", "Tỷ lệ tiêm chủng đầy đủ", "Giai đoạn 2")] = "chín mươi"
    bad[("ttkscb", "Tỷ lệ tiêm chủng đầy đủ", "Giai đoạn 2")] = 120
    with translation.override("vi"):
        book = _book(sheet.movement)
        book.active.cell(row=3, column=1, value="khong-co")
        book.active.cell(row=3, column=8, value=90)
        data = _fill(book, bad)
    client.force_login(users.author)
    response = client.post(reverse("emulation:results_import", args=[sheet.movement.pk]),
                           {"file": _upload(data)}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    errors = response.context["errors"]
    assert "Dòng 3: không có đơn vị mang mã “khong-co”." in errors
    assert any(e.endswith("cột H: “chín mươi” không phải là số.") for e in errors)
    assert any(e.endswith("cột H: tỷ lệ phần trăm không được vượt quá 100.") for e in errors)
    assert not Result.objects.exists()


def test_a_file_that_is_not_a_workbook_or_not_the_template_is_refused(sheet, users):
    from openpyxl import Workbook

    with translation.override("vi"):
        with pytest.raises(Exception) as error:
            excel.results_import(actor=users.author, movement=sheet.movement, data=b"not a workbook")
        assert error.value.messages == ["Tệp không phải là bảng tính Excel (.xlsx)."]
        other = Workbook()
        other.active.append(["Họ tên", "Điểm"])
        out = io.BytesIO()
        other.save(out)
        with pytest.raises(Exception) as error:
            excel.results_import(actor=users.author, movement=sheet.movement, data=out.getvalue())
        assert error.value.messages == [
            "Bảng tính không có các cột của biểu mẫu: hãy tải biểu mẫu và điền vào đó."]
    assert not Result.objects.exists()


def test_a_sheet_repeating_a_row_is_refused(sheet, users):
    with translation.override("vi"):
        book = _book(sheet.movement)
        book.active.append(list(next(book.active.iter_rows(min_row=2, max_row=2, values_only=True)))[:7] + [90])
        data = _fill(book, GOOD)
        with pytest.raises(Exception) as error:
            excel.results_import(actor=users.author, movement=sheet.movement, data=data)
    assert any("trùng với dòng 2" in m for m in error.value.messages)
    assert not Result.objects.exists()


def test_only_managers_import(client, sheet, users):
    client.force_login(users.unit_head)
    response = client.post(reverse("emulation:results_import", args=[sheet.movement.pk]), {})
    assert response.status_code == 403
