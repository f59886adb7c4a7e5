"""Indicator values checked against the template; attachments checked by extension, content and size."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reporting.models import ReportRequest, RequestStatus, SubmissionAttachment
from tests.reporting.test_inbox import form_data, make_obligation

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20


def docx_bytes(part="word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<w:document/>")
    return buffer.getvalue()


INDICATORS = [
    {"code": "so_vu", "label": "Số vụ việc", "unit": "vụ", "type": "integer", "min": "0", "max": "1000"},
    {"code": "ty_le", "label": "Tỷ lệ xử lý", "unit": "%", "type": "percent"},
    {"code": "kinh_phi", "label": "Kinh phí", "unit": "triệu đồng", "type": "decimal", "min": "0"},
]


@pytest.fixture
def setup(org):
    obligation, _task = make_obligation(org)
    obligation.indicators = INDICATORS
    obligation.save()
    return obligation


def own_request(users):
    return ReportRequest.objects.get(unit=users.unit_head.unit)


def post(client, users, files=(), **extra):
    data = form_data(**extra)
    data.pop("indicator_so_vu", None)
    data.update({"indicator_so_vu": "2", "indicator_ty_le": "87,5", "indicator_kinh_phi": "12,25"})
    data.update(extra)
    if files:
        data["attachments"] = list(files)
    data.setdefault("save", "1")
    return client.post(reverse("reporting:report", args=[own_request(users).pk]), data, HTTP_ACCEPT_LANGUAGE="vi")


def test_indicator_fields_show_unit_and_rules(client, users, setup):
    client.force_login(users.unit_head)
    page = client.get(reverse("reporting:report", args=[own_request(users).pk]))
    form = page.context["form"]
    assert form.fields["indicator_so_vu"].label == "Số vụ việc (vụ)"
    assert form.fields["indicator_ty_le"].label == "Tỷ lệ xử lý (%)"


@pytest.mark.parametrize("field,value", [("indicator_so_vu", "2,5"), ("indicator_so_vu", "-1"),
                                         ("indicator_so_vu", "1001"), ("indicator_ty_le", "120"),
                                         ("indicator_kinh_phi", "abc")])
def test_bad_indicator_values_are_refused_with_text_kept(client, users, setup, field, value):
    client.force_login(users.unit_head)
    response = post(client, users, **{field: value, "narrative_results": "Nội dung đã gõ"})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "Nội dung đã gõ" in response.content.decode()
    assert own_request(users).status == RequestStatus.NOT_STARTED


def test_good_values_are_stored(client, users, setup):
    client.force_login(users.unit_head)
    assert post(client, users).status_code == 302
    values = own_request(users).submissions.get().indicator_values
    assert values == {"so_vu": "2", "ty_le": "87.5", "kinh_phi": "12.25"}


def test_service_checks_indicator_values_too(users, setup):
    from django.core.exceptions import ValidationError

    from reporting import services

    with pytest.raises(ValidationError):
        services.report_save_draft(actor=users.unit_head, report_request=own_request(users),
                                   data={"narrative": {}, "indicator_values": {"ty_le": "150"}})


def test_attachments_are_stored_and_downloaded_by_those_who_may_see_the_report(client, users, setup):
    client.force_login(users.unit_head)
    response = post(client, users, files=[SimpleUploadedFile("bao-cao.pdf", PDF),
                                          SimpleUploadedFile("so-lieu.docx", docx_bytes()),
                                          SimpleUploadedFile("anh.png", PNG)])
    assert response.status_code == 302
    names = sorted(SubmissionAttachment.objects.values_list("name", flat=True))
    assert names == ["anh.png", "bao-cao.pdf", "so-lieu.docx"]
    pdf = SubmissionAttachment.objects.get(name="bao-cao.pdf")
    url = reverse("reporting:attachment", args=[pdf.pk])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(users.reviewer)  # the recipient room: not while the unit's report is a draft
    assert client.get(url).status_code == 404
    from django.utils import timezone

    from reporting import services

    services.report_submit(actor=users.unit_head, report_request=own_request(users), now=timezone.now(),
                           data={"narrative": {"results": "Đã công khai."}, "indicator_values": {"so_vu": "2"}})
    client.force_login(users.reviewer)  # submitted: the recipient room may read it
    assert client.get(url).status_code == 200
    for user in (users.other_head, users.other_reviewer, users.author):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("name,content", [
    ("virus.exe", b"MZ\x90\x00"),
    ("gia-mao.pdf", b"MZ\x90\x00 not a pdf"),
    ("gia-mao.docx", PDF),
    ("bang.xlsx", docx_bytes()),  # a Word package renamed .xlsx
    ("anh.jpg", PNG),
    ("rong.pdf", b""),
])
def test_wrong_files_are_refused_with_a_translated_error(client, users, setup, name, content):
    client.force_login(users.unit_head)
    response = post(client, users, files=[SimpleUploadedFile(name, content)], narrative_results="Giữ nguyên")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["attachments"])
    assert name in errors or "rỗng" in errors
    assert "Giữ nguyên" in response.content.decode()
    assert not SubmissionAttachment.objects.exists()


def test_size_limit(client, users, setup, settings):
    settings.REPORTING_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(users.unit_head)
    response = post(client, users, files=[SimpleUploadedFile("lon.pdf", PDF + b"0" * 2000)])
    assert response.status_code == 200
    assert "tối đa" in " ".join(response.context["form"].errors["attachments"])
    assert post(client, users, files=[SimpleUploadedFile("nho.pdf", PDF)]).status_code == 302


def test_files_follow_a_returned_report_and_can_be_removed(client, users, setup):
    from reporting import services

    client.force_login(users.unit_head)
    post(client, users, files=[SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)], submit="1")
    request = own_request(users)
    services.report_return(actor=users.reviewer, report_request=request, comment="Bổ sung")
    first = SubmissionAttachment.objects.get(name="a.pdf")
    post(client, users, remove_attachments=[str(first.pk)], submit="1")
    latest = request.submissions.order_by("-version").first()
    assert latest.version == 2 and [a.name for a in latest.attachments.all()] == ["b.pdf"]
    assert sorted(request.submissions.get(version=1).attachments.values_list("name", flat=True)) == ["a.pdf", "b.pdf"]
