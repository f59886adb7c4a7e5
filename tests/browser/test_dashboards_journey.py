"""Leadership's overview in a real browser: the director opens it from the menu, follows a late unit to its
missing report and downloads the overview as a PDF (rendered by a real worker); the same at phone width."""

import re

import pytest
from django.urls import reverse

from tests.dashboards.conftest import _fresh_cache, province  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.celery, pytest.mark.xdist_group("browser")]


def _login(browser, base_url, user, password, viewport):
    context = browser.new_context(locale="vi-VN", viewport=viewport, accept_downloads=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(base_url + reverse("login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    from plans.landing import landing_url

    page.wait_for_url(base_url + landing_url(user))  # leadership lands on the overview, unit heads on their inbox
    return context, page


def _pdf_first_page(pdf_path, png_path):
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf_path))
    document[0].render(scale=1.4).to_pil().save(str(png_path))


def test_leadership_follows_a_late_unit_to_its_missing_report_and_downloads_the_pdf(
        celery_worker, browser, live_server, users, province, org, password, screenshots, tmp_path):  # noqa: F811
    context, page = _login(browser, live_server.url, users.approver, password, {"width": 1366, "height": 900})
    page.click("#nav-dashboard")
    page.wait_for_url(re.compile(r"/reporting/dashboard/$"))
    assert page.locator("h1").inner_text().startswith("Tổng quan năm")
    page.locator("#table-compliance").wait_for()
    for _attempt in range(100):  # not wait_for_function: its string predicate is an eval, which the CSP refuses
        if page.evaluate("() => !!(window.Chart && Chart.getChart('chart-trend'))"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the trend chart was not drawn")
    page.screenshot(path=str(screenshots / "dashboard-overview.png"), full_page=True)

    cdc_row = page.locator("#table-compliance tbody tr", has_text="CDC")
    cdc_row.locator("a.dash-missing").first.click()
    page.wait_for_url(re.compile(r"/reporting/dashboard/reports/\?.*state=missing"))
    assert page.locator("#report-list .badge").first.inner_text() == "Chưa gửi"
    page.locator("#report-list a.report-link").first.click()
    page.wait_for_url(re.compile(rf"/reporting/review/{province.cdc_q2.pk}/"))

    page.goto(live_server.url + reverse("reporting:dashboard"))
    page.locator(f"#dashboard-{users.approver.pk}-documents button", has_text="PDF").click()
    link = page.locator(".document-status a", has_text="PDF")
    link.wait_for(timeout=60_000)
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "tong-quan.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert download_info.value.suggested_filename.startswith("bao-cao-tong-quan-syt-")
    _pdf_first_page(target, screenshots / "dashboard-pdf.png")
    context.close()

    context, page = _login(browser, live_server.url, users.approver, password, {"width": 390, "height": 844})
    page.goto(live_server.url + reverse("reporting:dashboard"))
    page.locator("#table-compliance").wait_for()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the phone"
    page.screenshot(path=str(screenshots / "dashboard-phone.png"), full_page=True)
    page.locator("#table-compliance tbody tr", has_text="CDC").locator("a.dash-unit").click()
    page.wait_for_url(re.compile(rf"/reporting/dashboard/units/{org.cdc.pk}/"))
    assert page.locator("#unit-reports .badge", has_text="Chưa gửi").count() >= 1
    context.close()
