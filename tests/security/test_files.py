"""Uploaded and generated files: never served from MEDIA_URL, stored under names no one can guess,
downloaded only through views that check access (a reviewer reads a report once it is submitted)."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from plans.uploads import RandomPath
from reporting import services
from reporting.models import ReportRequest, SubmissionAttachment
from tests.reporting.test_attachments import PDF, post
from tests.reporting.test_attachments import setup as setup  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [False, True])
def test_no_url_serves_the_media_folder_in_any_setting(settings, debug):
    import config.urls

    with override_settings(DEBUG=debug):
        urls = importlib.reload(config.urls)
        try:
            for path in ("/media/reports/1/bao-cao.pdf", "/media/documents/2026/12/ke-hoach-1.pdf"):
                with pytest.raises(Resolver404):
                    resolve(path, urlconf=urls)
        finally:
            importlib.reload(config.urls)


def test_the_media_folder_answers_404_to_anyone(client, users, setup):  # noqa: F811
    client.force_login(users.unit_head)
    post(client, users, files=[SimpleUploadedFile("bao-cao.pdf", PDF)])
    stored = SubmissionAttachment.objects.get().file.name
    for who in (None, users.unit_head, users.admin):
        client.logout() if who is None else client.force_login(who)
        assert client.get(f"/media/{stored}").status_code == 404


def test_files_are_stored_under_a_random_folder_keeping_a_clean_name():
    upload_to = RandomPath("documents/%Y/%m")
    first, second = upload_to(None, "ke-hoach-1.pdf"), upload_to(None, "../../etc/ke hoạch 1.pdf")
    folder, token, name = first.rsplit("/", 2)
    assert folder == timezone.now().strftime("documents/%Y/%m") and len(token) == 32 and name == "ke-hoach-1.pdf"
    assert second.rsplit("/", 1)[-1] == "ke_hoạch_1.pdf" and ".." not in second
    assert first.rsplit("/", 2)[1] != second.rsplit("/", 2)[1]


def test_an_attachment_lands_under_a_name_its_id_does_not_give_away(client, users, setup):  # noqa: F811
    client.force_login(users.unit_head)
    post(client, users, files=[SimpleUploadedFile("bao-cao.pdf", PDF)])
    item = SubmissionAttachment.objects.get()
    assert f"/{item.submission.request_id}/" not in item.file.name and len(item.file.name.split("/")[-2]) == 32


def test_a_file_stored_under_its_former_name_still_downloads(client, users, setup):  # noqa: F811
    client.force_login(users.unit_head)
    post(client, users, files=[SimpleUploadedFile("bao-cao.pdf", PDF)])
    item = SubmissionAttachment.objects.get()
    old_name = f"reports/{item.submission.request_id}/bao-cao.pdf"  # as files were stored before
    item.file.storage.save(old_name, ContentFile(PDF))
    SubmissionAttachment.objects.filter(pk=item.pk).update(file=old_name)
    response = client.get(reverse("reporting:attachment", args=[item.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_a_reviewer_cannot_download_the_attachments_of_a_draft_report(client, users, setup):  # noqa: F811
    client.force_login(users.unit_head)
    post(client, users, files=[SimpleUploadedFile("bao-cao.pdf", PDF)])
    url = reverse("reporting:attachment", args=[SubmissionAttachment.objects.get().pk])
    for reviewer in (users.reviewer, users.approver, users.admin):
        client.force_login(reviewer)
        assert client.get(url).status_code == 404
    client.force_login(users.unit_head)
    assert client.get(url).status_code == 200  # the unit's own draft
    report_request = ReportRequest.objects.get(unit=users.unit_head.unit)
    services.report_submit(actor=users.unit_head, report_request=report_request, now=timezone.now(),
                           data={"narrative": {"results": "Đã công khai."}, "indicator_values": {"so_vu": "2"}})
    for reviewer in (users.reviewer, users.approver, users.admin):
        client.force_login(reviewer)
        assert client.get(url).status_code == 200
