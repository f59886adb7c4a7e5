"""axe-core on every page the browser tests visit, at the test's width and at a phone's (issue 17).

The ``browser`` fixture hands the tests an :class:`AuditedBrowser`: each context it opens loads axe-core
(vendored for the tests only, ``vendor/axe-core-<version>/``) as an init script — a DevTools script, which
the portal's Content-Security-Policy does not refuse — and audits each page when its ``load`` event fires.
A page seen at desktop width is opened again, with the same session cookies, in a sibling 390 × 844 phone
context and audited there too. An audit records axe's WCAG 2.1 A/AA and best-practice violations, the
number of ``h1`` and, at phone width, how much wider than the screen the page is.

The test fails (``conftest.pytest_runtest_call``) with a readable list when a page has a serious or critical
violation, a violation of a structure rule named in issue 17 whatever axe's impact, not exactly one ``h1``,
or is wider than the phone. ``PORTAL_AXE_REPORT=<file>`` appends every audit as a JSON line;
``python -m tests.browser.axe <file>`` summarises them (pages audited, violations by impact, widest page).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
PHONE_MAX_WIDTH = 600
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
# Issue 17 names these: they fail the test whatever impact axe gives them.
STRUCTURE_RULES = {"page-has-heading-one", "empty-table-header", "aria-allowed-role", "label", "button-name",
                   "link-name", "select-name"}
IMPACTS = ("critical", "serious", "moderate", "minor")
# Pages whose markup is a third party's: drf-spectacular's Swagger UI (the API's docs, for developers).
NOT_AUDITED = re.compile(r"/api/docs/")

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return {
    violations: result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => {
        const data = (n.any[0] || {}).data || {};  // color-contrast: the colours and the ratio it measured
        const colours = data.contrastRatio ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : "";
        return n.target.join(" ") + colours;
      })})),
    h1: document.querySelectorAll("h1").length,
    scrollWidth: document.documentElement.scrollWidth,
  };
}"""

# The document as the desktop page has it now, with the address and load state it has in the same instant.
SNAPSHOT = """() => ({href: location.href, state: document.readyState,
  html: (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : "")
        + document.documentElement.outerHTML})"""


@dataclass
class PageAudit:
    url: str
    width: int
    violations: list[dict] = field(default_factory=list)
    h1: int = 1
    scroll_width: int = 0

    @property
    def path(self) -> str:
        return re.sub(r"^https?://[^/]+", "", self.url)

    def problems(self) -> list[str]:
        found = []
        for violation in self.violations:
            if violation["impact"] in FAILING_IMPACTS or violation["id"] in STRUCTURE_RULES:
                nodes = violation["nodes"]
                more = f" … (+{len(nodes) - 3})" if len(nodes) > 3 else ""
                found.append(f"{violation['id']} ({violation['impact']}, {len(nodes)}×): {violation['help']}"
                             f" — {', '.join(nodes[:3])}{more}")
        if self.h1 != 1:
            found.append(f"{self.h1} h1 elements (one per page)")
        if self.width <= PHONE_MAX_WIDTH and self.scroll_width > self.width:
            found.append(f"{self.scroll_width} px wide on a {self.width} px screen")
        return found


class Auditor:
    """Audits each page of the contexts it watches; ``problems()`` lists what fails, ``settle()`` waits for the
    audits still running (they run in Playwright's event greenlet, beside the test's own calls)."""

    def __init__(self, browser, test_name: str = ""):
        self.browser, self.test_name = browser, test_name
        self.audits: list[PageAudit] = []
        self.skipped: list[tuple[str, str]] = []
        self._running = 0
        self._phones = {}  # desktop context -> (phone context, page)
        self._clock = None

    def watch(self, context) -> None:
        context.add_init_script(path=str(AXE))
        context.on("page", lambda page: page.on("load", lambda: self._loaded(page)))

    def _phone_page(self, context):
        """The phone sibling of ``context``: its documents are the desktop page's DOM (served by a route, so the
        server sees no second request, which could take a flash message or a lock), its other requests go out
        with the desktop context's cookies."""
        if context not in self._phones:
            phone = self.browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True)
            phone.add_init_script(path=str(AXE))
            page, html = phone.new_page(), {}

            def serve(route):
                if route.request.resource_type == "document" and "body" in html:
                    route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html.pop("body"))
                else:
                    route.continue_()

            page.route("**/*", serve)
            self._phones[context] = (phone, page, html)
        phone, page, html = self._phones[context]
        phone.clear_cookies()
        phone.add_cookies(context.cookies())
        return page, html

    def _loaded(self, page) -> None:
        from playwright.sync_api import Error

        url = page.url
        if not url.startswith("http") or NOT_AUDITED.search(url):
            return
        self._running += 1
        try:
            width = page.viewport_size["width"]
            # The DOM the phone will see is taken now, in one evaluation with its address: the audit below yields
            # to the test, which may click on; a copy taken afterwards could be the next page half loaded.
            snapshot = page.evaluate(SNAPSHOT) if width > PHONE_MAX_WIDTH else None
            self._record(self._audit(page, url, width))
            if snapshot is not None:
                if snapshot["href"] != url or snapshot["state"] != "complete":
                    self.skipped.append((url, f"phone copy skipped: the page was {snapshot['href']} "
                                              f"({snapshot['state']})"))
                    return
                phone, html = self._phone_page(page.context)
                html["body"] = snapshot["html"]
                phone.goto(url)
                self._record(self._audit(phone, phone.url, PHONE["width"]))
        except Error as error:  # the test moved on (navigated, closed the page) before axe finished
            self.skipped.append((url, str(error).splitlines()[0]))
        finally:
            self._running -= 1

    def _audit(self, page, url, width) -> PageAudit:
        result = page.evaluate(RUN, TAGS)
        return PageAudit(url=url, width=width, violations=result["violations"], h1=result["h1"],
                         scroll_width=result["scrollWidth"])

    def _record(self, audit: PageAudit) -> None:
        self.audits.append(audit)
        report = os.environ.get("PORTAL_AXE_REPORT")
        if report:
            with open(report, "a", encoding="utf-8") as out:
                out.write(json.dumps({"test": self.test_name, **asdict(audit)}, ensure_ascii=False) + "\n")

    def settle(self, timeout_ms: int = 30_000) -> None:
        if not self._running:
            return
        if self._clock is None:
            self._clock = self.browser.new_context().new_page()
        for _ in range(timeout_ms // 50):
            if not self._running:
                return
            self._clock.wait_for_timeout(50)

    def release(self, context) -> None:
        phone = self._phones.pop(context, None)
        if phone is not None:
            phone[0].close()

    def problems(self) -> list[str]:
        lines = []
        for audit in self.audits:
            lines += [f"{audit.path} at {audit.width} px: {problem}" for problem in audit.problems()]
        return list(dict.fromkeys(lines))


class AuditedContext:
    """A browser context whose ``close()`` first lets the running audits finish."""

    def __init__(self, context, auditor: Auditor):
        self._context, self._auditor = context, auditor

    def close(self, **kwargs):
        self._auditor.settle()
        self._auditor.release(self._context)
        return self._context.close(**kwargs)

    def __getattr__(self, name):
        return getattr(self._context, name)


class AuditedBrowser:
    """The Playwright browser, with every new context watched by the auditor."""

    def __init__(self, browser, auditor: Auditor):
        self._browser, self.auditor = browser, auditor

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        self.auditor.watch(context)
        return AuditedContext(context, self.auditor)

    def __getattr__(self, name):
        return getattr(self._browser, name)


def summary(lines: list[dict]) -> str:
    """Pages audited, violations by impact (elements, and pages with one), the widest page at phone width."""
    def pattern(url):
        return re.sub(r"/\d+(?=/|$)", "/<id>", re.sub(r"^https?://[^/]+", "", url).split("?")[0])

    out = []
    for label, rows in (("desktop", [r for r in lines if r["width"] > PHONE_MAX_WIDTH]),
                        ("phone", [r for r in lines if r["width"] <= PHONE_MAX_WIDTH])):
        if not rows:
            continue
        elements, pages, rules = Counter(), {impact: set() for impact in IMPACTS}, Counter()
        for row in rows:
            for violation in row["violations"]:
                elements[violation["impact"]] += len(violation["nodes"])
                pages[violation["impact"]].add(pattern(row["url"]))
                rules[(violation["impact"], violation["id"])] += len(violation["nodes"])
        distinct = {pattern(r["url"]) for r in rows}
        out.append(f"{label}: {len(rows)} audits of {len(distinct)} distinct pages")
        for impact in IMPACTS:
            out.append(f"  {impact}: {elements[impact]} elements on {len(pages[impact])} pages")
        for (impact, rule), count in sorted(rules.items(), key=lambda kv: (IMPACTS.index(kv[0][0]), -kv[1])):
            out.append(f"    {impact:9} {rule}: {count}")
        no_h1 = sorted({pattern(r["url"]) for r in rows if r["h1"] != 1})
        out.append(f"  pages without exactly one h1: {len(no_h1)} {no_h1[:8]}")
        if label == "phone":
            widest = max(rows, key=lambda r: r["scroll_width"])
            wide = sorted({pattern(r["url"]) for r in rows if r["scroll_width"] > r["width"]})
            out.append(f"  widest page: {widest['scroll_width']} px ({pattern(widest['url'])}); "
                       f"{len(wide)} of {len(distinct)} pages wider than {widest['width']} px")
    return "\n".join(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as report:
        print(summary([json.loads(line) for line in report if line.strip()]))
