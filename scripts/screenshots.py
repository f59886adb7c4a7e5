"""Screenshots of the portal with the demo data, for the documentation (docs/screenshots/).

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]

Builds a throw-away SQLite database (var/screenshots.sqlite3) with ``load_demo`` — or, when
``DATABASE_URL`` names a PostgreSQL database (an empty one of your own: it is migrated and filled,
not dropped), uses it and ``REDIS_URL`` as they are — starts
``runserver`` on a free port, logs in as the demo author and saves:
plan-list.png, plan-editor.png (the demo draft), plan-history.png (the demo plan in
implementation: submitted, approved, issued, started) and plan-detail.png (seed 001, the
joint plan); and each role's landing page right after login, at desktop (1366×900) and phone
(390×844) width: ``landing-<role>-desktop.png`` / ``landing-<role>-phone.png`` (author: the plan
list, reviewer and approver: "Việc chờ tôi xử lý", unit head: "Báo cáo phải nộp", leadership: the
overview), and the report form at phone width (``reporting-form-phone.png``, issue 17). Then stops the server.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# role -> (demo user, page to open after login; None: the page the user lands on)
LANDINGS = {
    "author": ("nvy.chuyenvien", None),
    "reviewer": ("nvy.truongphong", None),
    "approver": ("giamdoc", "/reporting/waiting/"),
    "unit-head": ("cdc.giamdoc", None),
    "leadership": ("giamdoc", None),  # the overview (reporting:dashboard)
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer at {url}")


def emulation_shots() -> dict[str, dict[str, str]]:
    """Emulation's pages (docs/emulation.md): the demo movement of seed 002, after ``django.setup()``."""
    from emulation.demo import TITLE
    from emulation.models import Movement

    movement = Movement.objects.get(title=TITLE)
    second = movement.phases.order_by("start").last()
    target = movement.targets.order_by("order").first()
    return {"nvy.chuyenvien": {
        "emulation-movements.png": "/emulation/",
        "emulation-demo-scorecard.png": f"/emulation/{movement.pk}/?phase={second.pk}",
        "emulation-demo-target.png": f"/emulation/targets/{target.pk}/?phase={second.pk}",
        "emulation-target-form.png": f"/emulation/{movement.pk}/targets/new/?proposal=3",
    }, "giamdoc": {
        "emulation-registrations.png": "/emulation/registrations/",
        "emulation-nominations.png": "/emulation/nominations/",
    }}


def dialogue_shots() -> dict[str, dict[str, str]]:
    """The dialogue app's pages (docs/dialogue.md): the organiser's, a unit head's, and the public page."""
    from dialogue.models import Session

    held = Session.objects.filter(form="online").exclude(status="planned").order_by("starts_at").first()
    upcoming = Session.objects.filter(form="online", status="planned").order_by("starts_at").first()
    in_person = Session.objects.filter(form="in_person").order_by("starts_at").first()
    return {
        "ttra.chanhthanhtra": {
            "dialogue-sessions.png": "/dialogue/",
            "dialogue-session.png": f"/dialogue/sessions/{in_person.pk}/",
            "dialogue-moderation.png": f"/dialogue/sessions/{held.pk}/questions/",
            "dialogue-reception.png": "/dialogue/reception/",
            "dialogue-public.png": "/dialogue/public/",
            "dialogue-public-session.png": f"/dialogue/public/sessions/{upcoming.pk}/",
        },
        "bvdk.giamdoc": {"dialogue-followups.png": "/dialogue/follow-ups/?mine=1"},
        "giamdoc": {"dialogue-petitions.png": "/dialogue/petitions/"},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "true"}
    database = None
    if not env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        database = ROOT / "var" / "screenshots.sqlite3"
        database.parent.mkdir(exist_ok=True)
        database.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{database}"
        env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput", "-v", "0"], ["load_demo", "-v", "0"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)

    sys.path.insert(0, str(ROOT))
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    import django

    django.setup()
    from plans.demo import extra, loader, org
    from plans.models import Plan

    def pk_of(demo) -> int:
        return Plan.objects.get(title=demo.title, year=demo.year).pk

    demo_plans = {p.key: p for p in extra.PLANS}
    draft, issued = pk_of(demo_plans["demo-draft"]), pk_of(demo_plans["demo-implementation"])
    seed_001 = pk_of(loader.SEED_PLANS["001"])
    from plans.importing.models import PlanImport
    from reporting.models import ReportRequest

    import_002 = PlanImport.objects.get(source_name__startswith="002_").pk  # kept by load_demo as a preview
    request = ReportRequest.objects.filter(unit__code="ttkscb").order_by("due_date").last()
    request_pk, obligation_pk = request.pk, request.obligation_id
    app_shots = emulation_shots()
    for username, shots in dialogue_shots().items():  # read before Playwright's event loop starts
        app_shots.setdefault(username, {}).update(shots)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([PY, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"{base}/accounts/login/")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=options.chromium, args=ARGS)
            shots_by_user = {
                "nvy.chuyenvien": {
                    "plan-list.png": "/plans/",
                    "plan-editor.png": f"/plans/{draft}/edit/structure/",
                    "plan-history.png": f"/plans/{issued}/history/",
                    "plan-detail.png": f"/plans/{seed_001}/",
                    "import-upload.png": "/plans/import/",
                    "import-preview.png": f"/plans/import/{import_002}/",
                },
                "cdc.giamdoc": {
                    "reporting-inbox.png": "/reporting/inbox/",
                    "reporting-form.png": f"/reporting/requests/{request_pk}/",
                },
                "giamdoc": {
                    "reporting-compliance.png": f"/reporting/obligations/{obligation_pk}/compliance/",
                },
            }
            for username, shots in app_shots.items():
                shots_by_user.setdefault(username, {}).update(shots)

            def log_in(username, viewport):
                context = browser.new_context(locale="vi-VN", viewport=viewport, is_mobile=viewport["width"] < 600)
                page = context.new_page()
                page.goto(f"{base}/accounts/login/")
                page.fill("#id_username", username)
                page.fill("#id_password", org.PASSWORD)
                page.locator("form button[type=submit]").first.click()
                page.wait_for_load_state("networkidle")
                return context, page

            def shoot(page, name, viewport):
                # A long page is cut at 2,400 px: enough for the closing note, small enough to read.
                height = min(page.evaluate("document.documentElement.scrollHeight"), 2400)
                page.screenshot(path=str(out / name), full_page=True,
                                clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
                print(f"saved {out / name}")

            phone_shots = {"cdc.giamdoc": {"reporting-form-phone.png": f"/reporting/requests/{request_pk}/"}}
            for viewport, shots_of in ((DESKTOP, shots_by_user), (PHONE, phone_shots)):
                for username, shots in shots_of.items():
                    context, page = log_in(username, viewport)
                    for name, path in shots.items():
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                        shoot(page, name, viewport)
                    context.close()
            for role, (username, path) in LANDINGS.items():
                for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                    context, page = log_in(username, viewport)
                    if path:
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                    shoot(page, f"landing-{role}-{width}.png", viewport)
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        if database is not None:
            database.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
