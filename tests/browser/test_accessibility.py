"""What the axe audit does not see by itself (issue 17): tables become labelled cards on a phone and stay tables on a
desktop; the keyboard's first stop skips to the content; focus is visible. (Every page these tests load is also
audited by axe-core, tests/browser/axe.py.)"""

import pytest

from plans import services
from tests.browser.portal import DESKTOP, PHONE, Portal

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def plan(users):
    return services.plan_create(actor=users.author, data={"year": 2026, "title": "Kế hoạch tiêm chủng mở rộng",
                                                          "place": "Quảng Ngãi"})


def test_on_a_phone_the_plan_list_is_a_stack_of_cards_whose_cells_name_their_column(browser, live_server, users,
                                                                                     password, plan):
    portal = Portal(browser, live_server.url, password, viewport=PHONE)
    try:
        page = portal.as_user(users.author)
        row = page.locator("#plan-table tbody tr").first
        title = row.locator("td", has_text="Kế hoạch tiêm chủng mở rộng")
        assert title.get_attribute("data-label") == "Tên kế hoạch"
        assert page.evaluate("getComputedStyle(document.querySelector('#plan-table tbody tr')).display") == "block"
        assert page.locator("#plan-table thead").bounding_box()["height"] <= 1  # visually hidden, still read out
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    finally:
        portal.close()


def test_on_a_desktop_the_plan_list_keeps_its_columns(browser, live_server, users, password, plan):
    portal = Portal(browser, live_server.url, password, viewport=DESKTOP)
    try:
        page = portal.as_user(users.author)
        assert page.locator("#plan-table thead th").first.is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('#plan-table tbody tr')).display") == "table-row"
    finally:
        portal.close()


def test_the_first_tab_offers_to_skip_to_the_content_and_focus_is_outlined(browser, live_server, users, password):
    portal = Portal(browser, live_server.url, password, viewport=DESKTOP)
    try:
        page = portal.as_user(users.author)
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert focused.inner_text().strip() == "Chuyển đến nội dung chính"
        assert focused.is_visible()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineWidth") == "3px"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "content"
        page.keyboard.press("Tab")  # the next stop is inside the content, not back in the menu
        assert page.evaluate("!!document.activeElement.closest('main')")
    finally:
        portal.close()
