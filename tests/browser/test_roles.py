"""Each role's first hour in a real browser, at desktop and phone width (issue 9).

Each test logs in as one role, checks that it lands where its work is, saves a screenshot of that
landing page (``<role>-landing-<width>.png``, see scripts/screenshots.py) and walks the role's points:
the menu reaches every page it may use, the unread notifications are counted in the header, the
compliance figures open the lists behind them, and error pages are the portal's own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import services
from plans.choices import ItemStyle
from reporting.models import Notification, ReportRequest, RequestStatus
from tests.browser.portal import DESKTOP, PHONE, Portal
from tests.factories import ItemFactory, PlanFactory, ResponsibilityFactory, SectionFactory
from tests.reporting.test_inbox import make_obligation

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def portal(browser, live_server, password, width):
    portal = Portal(browser, live_server.url, password, viewport=WIDTHS[width])
    yield portal
    portal.close()


@pytest.fixture
def scene(org, users):
    """A draft with two items, a plan submitted 4 days ago, one approved, an issued plan where CDC supports a duty;
    a six-monthly report that CDC submitted and BVĐK has not; unread notifications."""
    author = users.author
    draft = services.plan_create(actor=author, data={"year": 2026, "title": "Kế hoạch nháp tiêm chủng",
                                                     "place": "Quảng Ngãi"})
    section = services.section_create(actor=author, plan=draft, title="Mục đích")
    services.item_create(actor=author, section=section, text="Tiêm chủng đầy đủ.", style=ItemStyle.NUMBER)
    other = services.section_create(actor=author, plan=draft, title="Nội dung")
    edited = services.item_create(actor=author, section=other, text="Rà soát đối tượng.", style=ItemStyle.NUMBER)

    def submitted_plan(title):
        plan = services.plan_create(actor=author, data={"year": 2026, "title": title, "place": "Quảng Ngãi"})
        services.item_create(actor=author, section=services.section_create(actor=author, plan=plan, title="Mục"),
                             text="Việc.", style=ItemStyle.NUMBER)
        plan.refresh_from_db()
        return services.plan_submit(actor=author, plan=plan)

    submitted = submitted_plan("Kế hoạch chờ thẩm định")
    submitted.transitions.update(created_at=timezone.now() - dt.timedelta(days=4))
    approved = services.plan_approve(actor=users.approver, plan=submitted_plan("Kế hoạch chờ cấp số"))
    supported = PlanFactory(owner_unit=org.nvy, status="issued", number=9, title="Kế hoạch CDC phối hợp")
    duty = ResponsibilityFactory(item=ItemFactory(section=SectionFactory(plan=supported)), plan=supported,
                                 lead_unit=org.bvdk)
    duty.supporting_units.set([org.cdc])
    obligation, _task = make_obligation(org)
    cdc = ReportRequest.objects.get(unit=org.cdc)
    cdc.status, cdc.submitted_at = RequestStatus.SUBMITTED, timezone.now() - dt.timedelta(days=2)
    cdc.save()
    for user, count in ((users.reviewer, 2), (users.unit_head, 1), (users.approver, 1)):
        for index in range(count):
            Notification.objects.create(user=user, text=f"Thông báo {index + 1}", url=reverse("reporting:inbox"))
    return {"draft": draft, "edited": edited, "submitted": submitted, "approved": approved, "supported": supported,
            "obligation": obligation, "cdc": cdc, "bvdk": ReportRequest.objects.get(unit=org.bvdk)}


def open_menu(page):
    """On a phone the menu is folded behind the toggler: unfold it (no-op at desktop width)."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible() and not page.locator("#mainnav").is_visible():
        toggler.click()
        page.locator("#mainnav.show").wait_for()


def menu_click(page, selector):
    open_menu(page)
    with page.expect_navigation():
        page.click(selector)


def landing_shot(page, screenshots, role, width):
    page.screenshot(path=str(screenshots / f"{role}-landing-{width}.png"), full_page=True)


def unread_badge(page) -> str:
    open_menu(page)
    return page.locator("#unread-count").inner_text().split()[0]


def test_author_lands_on_the_plan_list_filters_by_duty_and_saves_an_edited_item(portal, users, org, scene,
                                                                              screenshots, width):
    page = portal.as_user(users.author)
    assert page.url.endswith(reverse("plans:list"))
    landing_shot(page, screenshots, "author", width)
    rows = page.locator("#plan-table tbody tr")
    draft_row = rows.filter(has_text="Kế hoạch nháp tiêm chủng")
    assert draft_row.locator("td").first.inner_text().strip() == "—"
    assert "/KH-SYT" not in draft_row.inner_text()
    page.select_option("#id_unit", str(org.cdc.pk))
    with page.expect_navigation():
        page.click("#plan-filter-form button[type=submit]")
    assert "Kế hoạch CDC phối hợp" in page.locator("#plan-table").inner_text()
    assert rows.filter(has_text="Kế hoạch CDC phối hợp").count() == 1
    portal.goto(reverse("plans:editor", args=[scene["draft"].pk]) + f"?edit=item-{scene['edited'].pk}")
    assert page.locator("#edit-item-form button[type=submit]").inner_text().strip() == "Lưu"
    page.fill("#edit-item-form textarea[name=text]", "Rà soát đối tượng tiêm chủng.")
    page.click("#edit-item-form button[type=submit]")
    page.locator("#edit-item-form").wait_for(state="detached")
    scene["edited"].refresh_from_db()
    assert scene["edited"].text == "Rà soát đối tượng tiêm chủng."
    menu_click(page, "#nav-notifications")
    assert page.url.endswith(reverse("reporting:notifications"))


def test_reviewer_lands_on_what_waits_for_them_and_reaches_the_queue_and_notifications(portal, users, scene,
                                                                                     screenshots, width):
    page = portal.as_user(users.reviewer)
    assert page.url.endswith(reverse("reporting:worklist"))
    landing_shot(page, screenshots, "reviewer", width)
    plans = page.locator("#waiting-plans tbody tr")
    assert plans.count() == 1 and "Kế hoạch chờ thẩm định" in plans.inner_text() and "4 ngày" in plans.inner_text()
    reports = page.locator("#waiting-reports tbody tr")
    assert reports.count() == 1 and "2 ngày" in reports.inner_text()
    assert unread_badge(page) == "2"
    menu_click(page, "#nav-review")
    assert page.url.endswith(reverse("reporting:review_queue"))
    menu_click(page, "#nav-notifications")
    page.click("form button.btn-outline-secondary")  # mark all as read
    page.wait_for_load_state()
    open_menu(page)
    assert page.locator("#unread-count").count() == 0
    menu_click(page, "#nav-worklist")
    with page.expect_navigation():
        page.locator("#waiting-plans tbody tr a.btn").first.click()
    assert page.url.endswith(reverse("plans:detail", args=[scene["submitted"].pk]))


def test_approver_sees_plans_to_approve_and_to_issue_and_a_vietnamese_404(portal, users, scene, screenshots, width):
    page = portal.as_user(users.approver)
    assert page.url.endswith(reverse("reporting:dashboard"))  # leadership lands on the overview
    landing_shot(page, screenshots, "leadership", width)
    menu_click(page, "#nav-worklist")
    assert page.url.endswith(reverse("reporting:worklist"))
    landing_shot(page, screenshots, "approver", width)
    text = page.locator("#waiting-plans").inner_text()
    assert "Kế hoạch chờ thẩm định" in text and "Kế hoạch chờ cấp số" in text and "Cấp số, ban hành" in text
    assert unread_badge(page) == "1"
    portal.goto("/ke-hoach/go-nham/")
    assert "Không tìm thấy trang" in page.locator("#error-page").inner_text()
    open_menu(page)
    assert page.locator("#nav-worklist").is_visible()  # the header and its menu are there
    with page.expect_navigation():
        page.click("#error-home")
    page.wait_for_url(portal.base_url + reverse("reporting:dashboard"))


def test_unit_head_lands_on_reports_due_and_is_refused_others_pages_in_vietnamese(portal, users, scene,
                                                                                screenshots, width):
    page = portal.as_user(users.unit_head)
    assert page.url.endswith(reverse("reporting:inbox"))
    landing_shot(page, screenshots, "unit-head", width)
    assert "Kế hoạch phòng, chống tham nhũng" in page.locator("main").inner_text()
    assert unread_badge(page) == "1"
    open_menu(page)
    assert page.locator("#nav-inbox").is_visible() and page.locator("#nav-worklist").count() == 0
    portal.goto(reverse("reporting:worklist"))
    assert "Không được phép truy cập" in page.locator("#error-page").inner_text()
    with page.expect_navigation():
        page.click("#error-home")
    page.wait_for_url(portal.base_url + reverse("reporting:inbox"))


def test_leadership_opens_compliance_from_the_menu_and_each_figure_opens_its_list(portal, users, org, scene,
                                                                                screenshots, width):
    page = portal.as_user(users.approver)
    menu_click(page, "#nav-oversight")
    assert page.url.endswith(reverse("reporting:oversight"))
    landing_shot(page, screenshots, "leadership-oversight", width)
    with page.expect_navigation():
        page.locator("#oversight-table a", has_text="Báo cáo 6 tháng PCTN").first.click()
    assert page.url.endswith(reverse("reporting:compliance", args=[scene["obligation"].pk]))
    with page.expect_navigation():
        page.locator("a.missing-units").first.click()
    assert "state=missing" in page.url
    units = page.locator("#compliance-units tbody tr")
    assert units.count() == 1 and "BVĐK tỉnh" in units.inner_text()
    with page.expect_navigation():
        units.locator("a").first.click()
    assert page.url.endswith(reverse("reporting:review", args=[scene["bvdk"].pk]))
    page.go_back()
    page.go_back()
    with page.expect_navigation():
        page.locator("a.compliance-cell").first.click()
    assert "/reporting/review/" in page.url
