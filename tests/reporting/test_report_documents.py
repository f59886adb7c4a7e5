"""BÁO CÁO: a unit's submitted report and the consolidated report as official documents; edit and issue."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting import services
from reporting.documents.registry import describe
from reporting.models import ConsolidatedReport, RenderedDocument, ReportRequest
from tests.reporting.test_inbox import make_obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, org, users):
    obligation, task = make_obligation(org)
    obligation.indicators = [{"code": "so_vu", "label": "Số vụ việc phát hiện", "unit": "vụ", "type": "integer"}]
    obligation.save()
    request = ReportRequest.objects.get(unit=users.unit_head.unit)
    users.unit_head.position = "Giám đốc"
    users.unit_head.save()
    client.force_login(users.unit_head)
    client.post(reverse("reporting:report", args=[request.pk]), {
        "narrative_results": "Đã công khai 12 thủ tục.", "narrative_proposals": "Đề nghị tập huấn.",
        f"task_{task.pk}_status": "done", f"task_{task.pk}_note": "Đăng trên cổng thông tin",
        "indicator_so_vu": "3", "submit": "1"})
    client.logout()
    request.refresh_from_db()
    return request


def test_report_description(submitted, org, users):
    submission = submitted.submissions.get()
    doc = describe(submission)
    assert doc.doc_type == "BÁO CÁO"
    assert doc.issuers[0].name == org.cdc.name.upper()
    assert doc.addressees == (org.nvy.name,)
    assert doc.title.startswith("Kết quả thực hiện Kế hoạch phòng, chống tham nhũng")
    assert doc.title.endswith(str(submitted.period).lower())
    texts = [b.text for b in doc.blocks] + [b.heading for b in doc.blocks]
    assert "Đã công khai 12 thủ tục." in texts and "Đề nghị tập huấn." in texts
    assert "Công khai, minh bạch" in texts
    assert any("Số vụ việc phát hiện: 3 vụ." == t for t in texts)
    assert doc.signature.lines == ("GIÁM ĐỐC",) and doc.signature.name == str(users.unit_head)


def test_report_buttons_and_rendering_request(client, users, submitted):
    submission = submitted.submissions.get()
    client.force_login(users.unit_head)
    page = client.get(reverse("reporting:report", args=[submitted.pk])).content.decode()
    url = reverse("reporting:document_request", args=["report", submission.pk, "pdf"])
    assert url in page
    assert client.post(url).status_code == 302
    assert RenderedDocument.objects.filter(object_id=submission.pk, format="pdf").exists()
    client.force_login(users.reviewer)
    assert url in client.get(reverse("reporting:review", args=[submitted.pk])).content.decode()
    preview = client.get(reverse("reporting:document_preview", args=["report", submission.pk]))
    assert preview.status_code == 200 and "BÁO CÁO" in preview.content.decode()


def test_report_documents_refused_to_others(client, users, submitted):
    submission = submitted.submissions.get()
    for user in (users.other_head, users.other_reviewer, users.author):
        client.force_login(user)
        assert client.get(reverse("reporting:document_preview", args=["report", submission.pk])).status_code == 404
        assert client.post(reverse("reporting:document_request",
                                   args=["report", submission.pk, "docx"])).status_code == 404
    assert not RenderedDocument.objects.exists()


def test_a_draft_is_not_an_official_report(client, users, submitted):
    from reporting.models import Submission

    draft = Submission.objects.create(request=submitted, version=2)
    client.force_login(users.unit_head)
    assert client.get(reverse("reporting:document_preview", args=["report", draft.pk])).status_code == 404


@pytest.fixture
def compiled(users, submitted):
    services.report_accept(actor=users.reviewer, report_request=submitted)
    report = services.consolidated_request(actor=users.reviewer, obligation=submitted.obligation,
                                           period=submitted.period,
                                  now=timezone.now())
    return services.consolidated_compile(report_id=report.pk)


def test_compile_tasks_averages_and_missing(compiled):
    content = compiled.content
    assert compiled.progress == 100
    assert content["missing"] == ["BVĐK tỉnh"]
    (task,) = content["tasks"]
    assert task["task"] == "Công khai, minh bạch"
    ((unit_row),) = task["units"]
    assert (unit_row["unit"], unit_row["status"], unit_row["note"]) == ("CDC", "done", "Đăng trên cổng thông tin")
    assert task["counts"] == {"done": 1}
    (indicator,) = content["indicators"]
    assert (indicator["total"], indicator["average"], indicator["units"], indicator["unit"]) == ("3", "3", 1, "vụ")


def test_staff_edit_then_issue(client, users, submitted, compiled, django_assert_max_num_queries):
    url = reverse("reporting:consolidated", args=[submitted.obligation_id, submitted.period_id])
    client.force_login(users.reviewer)
    with django_assert_max_num_queries(15):
        page = client.get(url)
    assert page.status_code == 200
    assert reverse("reporting:document_request", args=["consolidated", compiled.pk, "pdf"]) in page.content.decode()
    client.post(url, {"action": "save", "summary": "Mở đầu", "section_results": "Văn bản đã biên tập"})
    compiled.refresh_from_db()
    results = next(s for s in compiled.content["sections"] if s["key"] == "results")
    assert results["text"] == "Văn bản đã biên tập" and compiled.content["summary"] == "Mở đầu"
    doc = describe(ConsolidatedReport.objects.get(pk=compiled.pk))
    assert doc.doc_type == "BÁO CÁO" and doc.issuers[0].name == submitted.obligation.recipient_unit.name.upper()
    assert "Văn bản đã biên tập" in [b.text for b in doc.blocks]
    client.post(url, {"action": "issue", "summary": "Mở đầu", "section_results": "Bản cuối"})
    compiled.refresh_from_db()
    assert compiled.state == "issued" and compiled.issued_by == users.reviewer
    # issued: neither compiled again nor edited
    client.post(url, {"action": "compile"})
    client.post(url, {"action": "save", "section_results": "Sửa sau ban hành"})
    compiled.refresh_from_db()
    assert compiled.job_status == "done" and "Sửa sau ban hành" not in str(compiled.content)


def test_progress_partial_for_htmx(client, users, submitted):
    services.report_accept(actor=users.reviewer, report_request=submitted)
    services.consolidated_request(actor=users.reviewer, obligation=submitted.obligation, period=submitted.period,
                                  now=timezone.now())
    client.force_login(users.reviewer)
    url = reverse("reporting:consolidated", args=[submitted.obligation_id, submitted.period_id])
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'hx-trigger="every 2s"' in response.content.decode()


def test_consolidated_edit_refused_to_others(client, users, submitted, compiled):
    url = reverse("reporting:consolidated", args=[submitted.obligation_id, submitted.period_id])
    for user in (users.other_reviewer, users.unit_head, users.author):
        client.force_login(user)
        assert client.post(url, {"action": "issue"}).status_code == 404
        assert client.get(reverse("reporting:document_preview", args=["consolidated", compiled.pk])).status_code == 404
    compiled.refresh_from_db()
    assert compiled.state == "draft"


def test_both_reports_render_as_pdf_and_docx(users, submitted, compiled):
    from reporting.documents import render

    for source in (submitted.submissions.get(), ConsolidatedReport.objects.get(pk=compiled.pk)):
        doc = describe(source)
        assert render(doc, "pdf").startswith(b"%PDF")
        assert render(doc, "docx").startswith(b"PK")
    first, last = describe(submitted.submissions.get()).recipients
    assert first == "- Như trên;" and last.startswith("- Lưu: VT, ") and last.endswith(".")


def test_consolidated_report_issued_by_a_deputy_signs_kt(client, users, submitted, compiled):
    """Decree 30: a deputy signs "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"; dated on the local day of issue."""
    from django.utils import timezone

    from plans.document_lines import date_parts

    users.reviewer.position = "Phó Giám đốc"
    users.reviewer.save()
    url = reverse("reporting:consolidated", args=[submitted.obligation_id, submitted.period_id])
    client.force_login(users.reviewer)
    client.post(url, {"action": "issue", "summary": "Mở đầu", "section_results": "Bản cuối"})
    report = ConsolidatedReport.objects.get(pk=compiled.pk)
    assert report.state == "issued"
    doc = describe(report)
    assert doc.signature.lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert doc.signature.name == str(users.reviewer)
    assert (doc.day, doc.month, doc.year) == date_parts(timezone.localdate(report.issued_at))
    assert doc.recipients[-1].startswith("- Lưu: VT")


def test_unit_report_by_a_deputy_signs_kt(submitted, users):
    submission = submitted.submissions.get()
    submission.submitted_by.position = "Phó Giám đốc"
    doc = describe(submission)
    assert doc.signature.lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    unit = users.unit_head.unit
    assert doc.recipients == ("- Như trên;", f"- Lưu: VT, {unit.abbreviation or unit.display_short}.")
