"""Zip bombs and PDF bombs stop before anything is inflated; no request body is larger than the limit."""

import io
import resource
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.importing import readers

pytestmark = pytest.mark.django_db


def docx_with(document_xml: bytes, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_directory_before_python_docx_reads_it(monkeypatch):
    bomb = docx_with(b"<w:document>" + b" " * (200 * 1024 * 1024) + b"</w:document>")  # 200 MB in ~200 KB
    assert len(bomb) < 400 * 1024
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("python-docx was reached"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ValidationError) as error:
        readers.read_upload("ke-hoach.docx", bomb)
    assert error.value.code == "docx_bomb"
    assert error.value.messages == ["Tệp Word giải nén ra quá nhiều dữ liệu so với một kế hoạch; tệp không được đọc."]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 100 * 1024  # KB: nothing was inflated


def test_a_part_compressed_beyond_the_ratio_is_refused_even_when_small():
    with pytest.raises(ValidationError) as error:
        readers.read_upload("ke-hoach.docx", docx_with(b"a" * (5 * 1024 * 1024)))  # 5 MB of one letter
    assert error.value.code == "docx_bomb"


def test_too_many_parts_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for index in range(readers.DOCX_MAX_PARTS + 1):
            package.writestr(f"word/media/p{index}.xml", "")
    with pytest.raises(ValidationError) as error:
        readers.read_upload("ke-hoach.docx", buffer.getvalue())
    assert error.value.code == "docx_bomb"


def test_an_ordinary_docx_is_still_read():
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH Phòng, chống dịch bệnh năm 2026")
    buffer = io.BytesIO()
    document.save(buffer)
    assert "KẾ HOẠCH Phòng, chống dịch bệnh năm 2026" in readers.read_upload("ke-hoach.docx", buffer.getvalue())


def test_a_pdf_with_too_many_pages_is_refused_before_its_text_is_extracted():
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(readers.PDF_MAX_PAGES + 1):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ValidationError) as error:
        readers.read_upload("ke-hoach.pdf", buffer.getvalue())
    assert error.value.code == "too_many_pages"
    assert error.value.messages == ["Tệp PDF có 501 trang; trình nhập chỉ đọc tối đa 500 trang."]


def test_a_pdf_stream_inflating_past_the_limit_is_refused():
    import zlib

    body = zlib.compress(b"0" * (readers.PDF_MAX_STREAM_BYTES + 1024 * 1024), 9)
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
           b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
           b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n"
           b"4 0 obj<</Length " + str(len(body)).encode() + b"/Filter/FlateDecode>>stream\n" + body +
           b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    with pytest.raises(ValidationError) as error:
        readers.read_upload("ke-hoach.pdf", pdf)
    assert error.value.code == "bad_pdf"


@pytest.mark.parametrize("url", ["plans:import_upload", "reporting:inbox", "login", "plans:list"])
def test_a_body_over_the_limit_is_refused_before_it_is_read(client, users, settings, url):
    settings.PORTAL_MAX_REQUEST_BYTES = 1024 * 1024
    client.force_login(users.author)
    big = io.BytesIO(b"x" * (1024 * 1024 + 1))
    big.name = "ke-hoach.txt"
    response = client.post(reverse(url), {"file": big}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 413
    assert response.content.decode() == "Dữ liệu gửi lên quá lớn (1 MB); giới hạn là 1 MB."
