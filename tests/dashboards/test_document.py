"""The overview as an official BÁO CÁO: its lines, who may ask for it, and its rendering by a real worker."""

import pytest
from django.urls import reverse

from reporting.dashboards.documents import dashboard_document
from reporting.models import JobStatus, RenderedDocument
from tests.reporting.test_documents import _wait_done

from .conftest import TODAY


@pytest.fixture
def _today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)


def _texts(document) -> list[str]:
    return [block.text for block in document.blocks]


@pytest.mark.django_db
def test_the_report_holds_the_tables_as_lines(province, users, _today):
    document = dashboard_document(users.approver)
    assert document.doc_type == "BÁO CÁO"
    assert document.title == "Tình hình thực hiện kế hoạch và chế độ báo cáo năm 2026"
    assert document.issuers[0].name == "SỞ Y TẾ"
    texts = _texts(document)
    assert "Tổng số kế hoạch trong năm: 3." in texts
    assert "BDVTU: 1 nhiệm vụ; hoàn thành 0, đang thực hiện 0, quá hạn 1." in texts
    assert ("CDC: 2 báo cáo đến hạn; đúng hạn 1, trễ hạn 0, chưa nộp 1; tỷ lệ đúng hạn 50%, "
            "tỷ lệ đã nộp 50%.") in texts
    assert any(t.startswith("Toàn bộ: 4 báo cáo đến hạn; đúng hạn 2, trễ hạn 1, chưa nộp 1;") for t in texts)
    assert any(t.startswith("Năm 2025: tỷ lệ báo cáo đúng hạn 0%") for t in texts)


@pytest.mark.django_db
def test_a_unit_heads_report_is_their_units(province, users, _today):
    document = dashboard_document(users.unit_head)
    assert document.issuers[0].name == "TRUNG TÂM KIỂM SOÁT BỆNH TẬT"
    assert not any("BVĐK" in t for t in _texts(document))


@pytest.mark.django_db
def test_only_the_user_asks_for_their_own_overview(province, users, client):
    client.force_login(users.approver)
    assert client.post(reverse("reporting:document_request", args=["dashboard", users.reviewer.pk, "pdf"])
                       ).status_code == 404
    client.force_login(users.author)  # no dashboard, no document
    assert client.post(reverse("reporting:document_request", args=["dashboard", users.author.pk, "pdf"])
                       ).status_code == 404


@pytest.mark.celery
def test_the_pdf_is_rendered_in_the_background(celery_worker, province, users, client):
    client.force_login(users.approver)
    response = client.post(reverse("reporting:document_request", args=["dashboard", users.approver.pk, "pdf"]),
                           headers={"HX-Request": "true"})
    assert response.status_code == 200 and b"document-status" in response.content
    document = _wait_done(RenderedDocument.objects.get().pk)
    assert document.job_status == JobStatus.DONE, document.error_detail
    assert document.progress == 100
    download = client.get(reverse("reporting:document_download", args=[document.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["Content-Disposition"].startswith('attachment; filename="bao-cao-tong-quan-syt-')
