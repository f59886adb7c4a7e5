"""Notifications keep their parameters and are put into words in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from reporting import services
from reporting.models import Notification, ReportRequest
from tests.reporting.test_inbox import make_obligation

pytestmark = pytest.mark.django_db


def test_a_notice_triggered_in_english_reads_in_vietnamese_and_the_other_way_round(client, org, users):
    make_obligation(org)
    report_request = ReportRequest.objects.get(unit=users.unit_head.unit)
    with translation.override("en"):  # the unit head works in English
        services.report_submit(actor=users.unit_head, report_request=report_request, data={}, now=timezone.now())
    notice = Notification.objects.get(user=users.reviewer)
    assert notice.kind == "report_submitted" and notice.params["unit"] == "CDC"
    with translation.override("vi"):
        assert str(notice) == "CDC đã gửi báo cáo “Báo cáo 6 tháng PCTN” (6 tháng đầu năm 2026)."
    with translation.override("en"):
        assert str(notice) == "CDC submitted “Báo cáo 6 tháng PCTN” (First six months of 2026)."
    client.force_login(users.reviewer)  # the reviewer reads the portal in Vietnamese (its default)
    page = client.get(reverse("reporting:notifications")).content.decode()
    assert "CDC đã gửi báo cáo “Báo cáo 6 tháng PCTN” (6 tháng đầu năm 2026)." in page


def test_an_unknown_kind_or_broken_parameters_show_the_stored_text():
    assert str(Notification(kind="gone", text="Văn bản cũ")) == "Văn bản cũ"
    assert str(Notification(kind="report_reminder", params={"title": "x"}, text="Dự phòng")) == "Dự phòng"


def test_policy_filters_and_object_checks_agree(org, users):
    """The inbox and the review queue filter with reporting.policy's querysets; the object checks say the same."""
    from reporting import policy

    make_obligation(org)
    everyone = list(vars(users).values())
    for user in everyone:
        fillable = set(ReportRequest.objects.filter(policy.fillable_requests_q(user)))
        reviewable = set(ReportRequest.objects.filter(policy.reviewable_requests_q(user)))
        for report_request in ReportRequest.objects.select_related("obligation"):
            assert (report_request in fillable) == policy.can_fill(user, report_request), user
            assert (report_request in reviewable) == policy.can_review(user, report_request), user
    assert {r.unit for r in ReportRequest.objects.filter(policy.fillable_requests_q(users.unit_head))} == {org.cdc}
    assert not ReportRequest.objects.filter(policy.reviewable_requests_q(users.other_reviewer)).exists()
