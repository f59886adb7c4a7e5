"""Playwright against pytest-django's live server, with Debian's Chromium (no `playwright install`)."""

import os
from pathlib import Path

import pytest
from django.db import connections

from tests.browser.axe import AuditedBrowser, Auditor

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser(live_server, transactional_db, request):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (make system-deps WITH_BROWSER=1)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Every page the test visits is audited by axe-core (tests/browser/axe.py).
            yield AuditedBrowser(browser, Auditor(browser, request.node.nodeid))
        finally:
            browser.close()
            # The test's ORM calls ran in Playwright's greenlet context, which has its own connection: close it,
            # or the test database cannot be dropped at the end of the run.
            connections.close_all()


@pytest.fixture
def screenshots(tmp_path) -> Path:
    """Where the journey saves its screenshots: ``PORTAL_SCREENSHOTS`` (scripts/screenshots.py) or a temp dir."""
    target = Path(os.environ.get("PORTAL_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target
