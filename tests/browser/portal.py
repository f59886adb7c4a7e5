"""The browser tests' driver: one browser context per user and viewport, logged in through the login page."""

from __future__ import annotations

from django.urls import reverse

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


class Portal:
    """One browser context per user; ``as_user`` starts a fresh session and waits for the user's landing page."""

    def __init__(self, browser, base_url, password, viewport=None):
        self.browser, self.base_url, self.password = browser, base_url, password
        self.viewport = viewport or DESKTOP
        self.context = None
        self.page = None

    def as_user(self, user):
        from plans.landing import landing_url

        if self.context is not None:
            self.context.close()
        self.context = self.browser.new_context(locale="vi-VN", viewport=self.viewport,
                                                is_mobile=self.viewport["width"] < 600)
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.goto(reverse("login"))
        self.page.fill("#id_username", user.username)
        self.page.fill("#id_password", self.password)
        self.page.locator("form button[type=submit], form input[type=submit]").first.click()
        self.page.wait_for_url(self.base_url + landing_url(user))
        return self.page

    def goto(self, path):
        self.page.goto(self.base_url + path)

    def open(self, plan, view="plans:detail"):
        self.goto(reverse(view, kwargs={"pk": plan.pk}))

    def close(self):
        if self.context is not None:
            self.context.close()
