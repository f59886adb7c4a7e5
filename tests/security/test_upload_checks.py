"""Every upload of the portal is checked by content and size and stored under a clean name.

The check is ``plans.uploads.check_upload`` for every entry point: report attachments, coordination's
evidence and working rules, emulation's Excel import (which openpyxl would otherwise parse whatever it was
given, zip bombs included). Each entry point is tried with a renamed executable, a zip bomb dressed as an
Office file, and a file over its limit: each is refused with a translated message and nothing is stored.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination import services as coordination_services
from coordination.models import Evidence, SteeringCommittee
from emulation.models import Result
from plans import uploads
from tests.coordination.builders import PDF, coordination_world
from tests.emulation.conftest import emu  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def office_bomb(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, b"<x>" + b" " * (80 * 1024 * 1024) + b"</x>")  # 80 MB in ~80 KB
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "code"), [
    ("bao-cao.pdf", EXECUTABLE, "file_content"),  # a renamed executable
    ("bao-cao.exe", EXECUTABLE, "file_type"),
    ("bao-cao.html", b"<script>alert(1)</script>", "file_type"),
    ("bao-cao.docx", office_bomb("word/document.xml"), "file_content"),  # a zip bomb dressed as Word
    ("bao-cao.xlsx", office_bomb("xl/workbook.xml"), "file_content"),
    ("bao-cao.pdf", b"", "file_content"),
])
def test_the_one_check_refuses_by_content_not_by_name(name, content, code):
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(SimpleUploadedFile(name, content), kinds=uploads.KINDS, max_bytes=10 ** 7,
                             refused="%(name)s")
    assert error.value.code == code


def test_the_one_check_refuses_a_file_over_the_limit_and_accepts_a_real_one():
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(SimpleUploadedFile("a.pdf", PDF * 100), kinds=uploads.KINDS, max_bytes=len(PDF),
                             refused="%(name)s")
    assert error.value.code == "file_size"
    assert uploads.check_upload(SimpleUploadedFile("a.pdf", PDF), kinds=uploads.KINDS, max_bytes=10 ** 6,
                                refused="%(name)s") == "pdf"


@pytest.mark.parametrize(("given", "shown"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\cv\\Báo cáo quý I.pdf", "Báo cáo quý I.pdf"),
    ("bao\r\ncao\x00.pdf", "baocao.pdf"),
    ("\u202egpj.exe.pdf", "gpj.exe.pdf"),  # no right-to-left override to disguise the extension
    ("...", "file"),
])
def test_names_are_cleaned_for_showing_and_storing(given, shown):
    assert uploads.clean_name(given) == shown
    stored = uploads.RandomPath("x/%Y")(None, given)
    folder, token, name = stored.rsplit("/", 2)
    assert len(token) == 32 and "/" not in name and "\\" not in name and len(name) <= uploads.STORED_NAME_MAX


def test_evidence_with_a_disguised_executable_is_refused_and_nothing_is_stored(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.partner)
    before = Evidence.objects.count()
    response = client.post(reverse("coordination:duty", args=[world.board_duty.pk]), {
        "status": "done", "date": "15/05/2026", "note": "Kèm minh chứng",
        "evidence": SimpleUploadedFile("minh-chung.pdf", EXECUTABLE)}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400  # the form again, with what was typed and the error
    assert "không phải là tệp PDF hợp lệ" in response.content.decode()
    assert "Kèm minh chứng" in response.content.decode()
    assert Evidence.objects.count() == before


def test_evidence_with_a_strange_name_is_stored_cleanly_and_downloads(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.partner)
    response = client.post(reverse("coordination:duty", args=[world.board_duty.pk]), {
        "status": "done", "date": "15/05/2026", "note": "Kèm minh chứng",
        "evidence": SimpleUploadedFile("kết\tquả\u202e.pdf", PDF)})
    assert response.status_code == 302
    evidence = Evidence.objects.latest("pk")
    assert evidence.name == "kếtquả.pdf"
    download = client.get(reverse("coordination:evidence", args=[evidence.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_working_rules_are_checked_by_content(org, users):
    world = coordination_world(org, users)
    count = SteeringCommittee.objects.count()
    with pytest.raises(ValidationError):
        coordination_services.committee_create(
            actor=users.admin, plan=world.committee.plan, unit=org.bvdk, name="Ban chỉ đạo QCDC",
            working_rules=SimpleUploadedFile("quy-che.docx", office_bomb("word/document.xml")))
    assert SteeringCommittee.objects.count() == count


@pytest.mark.parametrize(("name", "content"), [
    ("ket-qua.xlsx", EXECUTABLE),
    ("ket-qua.csv", b"ttkscb;95"),
    ("ket-qua.xlsx", office_bomb("xl/workbook.xml")),
])
def test_the_emulation_import_refuses_before_openpyxl_reads_anything(client, emu, users, monkeypatch, name,  # noqa: F811
                                                                     content):
    import openpyxl

    emu.target(value=95)
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl was reached"))
    client.force_login(users.author)
    response = client.post(reverse("emulation:results_import", args=[emu.movement.pk]),
                           {"file": SimpleUploadedFile(name, content)}, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "không phải là tệp XLSX hợp lệ" in text or "chỉ nhập được tệp Excel (.xlsx)" in text
    assert not Result.objects.exists()


def test_the_emulation_import_refuses_a_file_over_its_limit(client, emu, users, monkeypatch):  # noqa: F811
    from emulation.forms import ImportForm

    monkeypatch.setattr(ImportForm, "MAX_BYTES", 1000)
    client.force_login(users.author)
    response = client.post(reverse("emulation:results_import", args=[emu.movement.pk]),
                           {"file": SimpleUploadedFile("ket-qua.xlsx", b"PK\x03\x04" + b"\x00" * 2000)},
                           HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert "tối đa" in response.content.decode()
    assert not Result.objects.exists()
