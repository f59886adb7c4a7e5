"""A citizen's question in a real browser: asked, published, answered after the session, read by its code."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from dialogue import services
from dialogue.models import Question

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

QUESTION = "Khi nào trẻ em được tiêm vắc xin phòng bạch hầu đợt bổ sung?"
ANSWER = "Đợt tiêm bổ sung bắt đầu từ ngày 02/11 tại các trạm y tế xã."


def _context(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    return context


def test_a_citizen_asks_a_moderator_publishes_and_the_citizen_reads_the_answer(browser, live_server, org, users,
                                                                             password, screenshots):
    session = services.session_save(actor=users.author, data={
        "title": "Đối thoại trực tuyến về phòng, chống dịch bệnh", "form": "online",
        "starts_at": timezone.now() + dt.timedelta(days=3), "link": "https://syt.example.vn/doi-thoai",
        "organising_unit": org.nvy})
    citizen = _context(browser)
    page = citizen.new_page()
    page.goto(live_server.url + reverse("dialogue:public_home"))
    assert page.locator("#mainnav").count() == 0  # the plain public layout
    page.click(f"text={session.title}")
    page.fill("#id_name", "Trần Thị Hằng")
    page.fill("#id_contact", "0912 345 678")
    page.fill("#id_text", QUESTION)
    page.screenshot(path=str(screenshots / "dialogue-public-form.png"), full_page=True)
    page.click("#send-question")
    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"DT-[A-Z0-9]{8}", code)

    staff = _context(browser)
    admin_page = staff.new_page()
    admin_page.goto(live_server.url + reverse("login"))
    admin_page.fill("#id_username", users.author.username)
    admin_page.fill("#id_password", password)
    admin_page.locator("form button[type=submit], form input[type=submit]").first.click()
    admin_page.wait_for_url(re.compile(r"/plans/"))
    admin_page.goto(live_server.url + reverse("dialogue:moderation", args=[session.pk]))
    assert "0912 345 678" in admin_page.content()  # the moderator sees the contact
    admin_page.screenshot(path=str(screenshots / "dialogue-moderation.png"), full_page=True)
    admin_page.locator(".publish").first.click()
    admin_page.wait_for_selector(".answer-form")
    assert Question.objects.get(tracking_code=code).status == "published"

    admin_page.goto(live_server.url + reverse("dialogue:session_detail", args=[session.pk]))
    admin_page.click("#mark-held")
    admin_page.wait_for_selector("#approve-form")
    admin_page.goto(live_server.url + reverse("dialogue:moderation", args=[session.pk]))
    admin_page.fill(".answer-form textarea[name=answer]", ANSWER)
    admin_page.fill(".answer-form input[name=answered_by]", "Giám đốc Trung tâm Kiểm soát bệnh tật")
    admin_page.locator(".answer-form button[type=submit]").click()
    admin_page.wait_for_selector(f"text={ANSWER}")

    page.goto(live_server.url + reverse("dialogue:public_home"))
    page.fill("#id_code", code)
    page.click("#track-form button[type=submit]")
    page.wait_for_selector("#tracked-answer")
    assert ANSWER in page.locator("#tracked-answer").inner_text()
    assert "0912 345 678" not in page.content()
    page.screenshot(path=str(screenshots / "dialogue-public-answer.png"), full_page=True)
    citizen.close()
    staff.close()
