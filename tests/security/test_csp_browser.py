"""The pages work under the Content-Security-Policy: no violation, and the behaviour moved out of inline
handlers (the language selector, a confirmation, going back) still works in Chromium."""

import pytest
from django.urls import reverse

from tests.browser.conftest import browser  # noqa: F401  (fixture)
from tests.browser.portal import Portal

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_the_portal_works_under_its_policy(browser,  # noqa: F811
                                           live_server, users, password):
    portal = Portal(browser, live_server.url, password)
    violations = []
    page = portal.as_user(users.admin)
    page.context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP ' + e.violatedDirective));")
    page.on("console", lambda message: violations.append(message.text) if "CSP" in message.text
            or "Content Security Policy" in message.text else None)
    for path in (reverse("plans:list"), reverse("admin:index"), reverse("api-docs"), "/khong-co/"):
        portal.goto(path)
        page.wait_for_load_state("networkidle")
    assert page.locator("#error-page").count() == 1
    portal.goto(reverse("plans:list"))
    page.goto(live_server.url + "/khong-co/")
    page.click("[data-history-back]")  # back to the plan list, not the start page
    page.wait_for_url(live_server.url + reverse("plans:list"))
    page.wait_for_load_state("networkidle")
    browser.auditor.settle()  # axe done with the list (its phone copy too) before the language changes the page
    with page.expect_navigation():  # the page it submits to (networkidle alone may come before it starts)
        page.select_option("select[name=language]", "en")  # submits by itself
    assert page.locator("html").get_attribute("lang") == "en"
    portal.goto(reverse("api-docs"))
    page.wait_for_selector(".swagger-ui", timeout=15_000)
    assert violations == []
    portal.close()
