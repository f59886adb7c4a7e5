"""A plan's journey in a real browser: written, submitted, returned, fixed, approved and issued with a number."""


import pytest
from django.urls import reverse

from plans.models import Plan
from tests.browser.portal import Portal

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TITLE = "Phòng, chống dịch bệnh mùa mưa bão năm 2026"
RETURN_COMMENT = "Bổ sung nhiệm vụ của Trung tâm Kiểm soát bệnh tật."
FORWARD_COMMENT = "Đồng ý nội dung, kính trình Giám đốc xem xét."


def settled(page):
    """Wait until htmx has swapped and settled (a click on content it has not yet processed would be a plain submit)."""
    busy = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"
    page.wait_for_function(f"() => !document.querySelector('{busy}')")


def add_section(page, title):
    count = page.locator(".plan-section").count()
    page.fill("#id_new_section_title", title)
    page.click("#add-section-button")
    page.locator(".plan-section").nth(count).wait_for()
    settled(page)
    return page.locator(".plan-section").nth(count).get_attribute("id").removeprefix("section-")


def add_item(page, section_id, text, style="dash"):
    section = page.locator(f"#section-{section_id}")
    before = section.locator(".outline li").count()
    details = section.locator("details.add-item")
    if details.get_attribute("open") is None:
        page.click(f"#add-item-toggle-{section_id}")
    page.select_option(f"#id_s{section_id}_style", style)
    page.fill(f"#id_s{section_id}_text", text)
    page.click(f"#add-item-button-{section_id}")
    page.locator(f"#section-{section_id} .outline li").nth(before).wait_for()
    settled(page)


def click_and_wait(page, selector):
    with page.expect_navigation():
        page.click(selector)


def act(page, selector, plan, status):
    """Press a workflow button and check the plan's new status in the database."""
    click_and_wait(page, selector)
    plan.refresh_from_db()
    assert plan.status == status


def test_plan_is_written_returned_fixed_approved_and_issued(browser, live_server, users, password, screenshots):
    portal = Portal(browser, live_server.url, password)
    try:
        # The author writes a plan: header, two sections, items; then submits it.
        page = portal.as_user(users.author)
        portal.goto(reverse("plans:create"))
        page.fill("#id_title", TITLE)
        page.fill("#id_place", "Quảng Ngãi")
        click_and_wait(page, "#save-plan")
        plan = Plan.objects.get(title=TITLE)
        assert page.url.endswith(reverse("plans:editor", kwargs={"pk": plan.pk}))
        purposes = add_section(page, "Mục đích, yêu cầu")
        add_item(page, purposes, "Chủ động phòng, chống dịch bệnh trước, trong và sau mùa mưa bão.")
        contents = add_section(page, "Nội dung thực hiện")
        add_item(page, contents, "Kiện toàn đội cơ động phòng, chống dịch.", style="number")
        add_item(page, contents, "Dự trữ hóa chất khử khuẩn nguồn nước.", style="number")
        assert page.locator("#plan-editor").inner_text().count("II.") >= 1
        page.screenshot(path=str(screenshots / "plan-editor.png"), full_page=True)

        portal.open(plan)
        act(page, "#action-submit", plan, "submitted")

        # The reviewer (head of the room) returns it with a comment.
        page = portal.as_user(users.reviewer)
        portal.open(plan)
        assert page.locator("#action-approve").count() == 0  # approving is leadership's
        page.fill("#return-comment", RETURN_COMMENT)
        act(page, "#action-return", plan, "returned")

        # The author sees the comment, fixes the plan and submits it again.
        page = portal.as_user(users.author)
        portal.open(plan)
        assert RETURN_COMMENT in page.locator("#return-comment-shown").inner_text()
        click_and_wait(page, "#open-editor")
        add_item(page, contents, "Trung tâm Kiểm soát bệnh tật giám sát dịch tễ sau mưa bão.", style="number")
        portal.open(plan)
        act(page, "#action-submit", plan, "submitted")

        # The reviewer agrees now and forwards it to leadership with an opinion.
        page = portal.as_user(users.reviewer)
        portal.open(plan)
        page.fill("#forward-comment", FORWARD_COMMENT)
        act(page, "#action-forward", plan, "forwarded")
        assert FORWARD_COMMENT in page.locator("#transition-log").inner_text()
        assert page.locator("#action-return").count() == 0  # leadership's decision now

        # The director approves and issues it: the register gives its number.
        page = portal.as_user(users.approver)
        portal.open(plan)
        act(page, "#action-approve", plan, "approved")
        page.fill("#issue-date", "02/03/2026")
        act(page, "#action-issue", plan, "approved")  # a confirmation first: the number it will take
        assert page.locator("#number-to-give").inner_text().strip() == "01/KH-SYT"
        act(page, "#action-issue-confirm", plan, "issued")
        assert page.locator("#plan-number-display").inner_text().strip() == "01/KH-SYT"
        assert "01/KH-SYT" in page.content()
        plan.refresh_from_db()
        assert (plan.status, plan.number, plan.issued_on.isoformat()) == ("issued", 1, "2026-03-02")
        assert [t.to_status for t in plan.transitions.order_by("id")] == [
            "submitted", "returned", "submitted", "forwarded", "approved", "issued"]

        portal.goto(reverse("plans:list"))
        assert TITLE in page.locator("main").inner_text() or TITLE in page.content()
        page.screenshot(path=str(screenshots / "plan-list.png"), full_page=True)
        portal.open(plan, "plans:history")
        assert RETURN_COMMENT in page.content()
        page.screenshot(path=str(screenshots / "plan-history.png"), full_page=True)
    finally:
        portal.close()
