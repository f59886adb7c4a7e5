"""Coordination in a real browser: the board's user updates a duty with evidence; staff record a meeting's
minutes with a decision; the decision's owner finds it under "My follow-ups" and closes it."""

import pytest
from django.urls import reverse

from coordination.models import Duty, FollowUp, Minutes
from tests.browser.test_plan_journey import Portal
from tests.coordination.builders import PDF, coordination_world

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DECISION = "Tổ chức hội nghị chuyên đề về Quy chế dân chủ ở cơ sở"


def test_duty_minutes_decision_and_follow_up(browser, live_server, org, users, password, screenshots, tmp_path):
    world = coordination_world(org, users)
    evidence = tmp_path / "bao-cao-ket-qua.pdf"
    evidence.write_bytes(PDF)
    portal = Portal(browser, live_server.url, password)
    try:
        # The board's user updates the board's duty with a progress note and an evidence file.
        page = portal.as_user(users.partner)
        portal.goto(reverse("coordination:agreement", args=[world.agreement.pk]))
        page.screenshot(path=str(screenshots / "coordination-agreement.png"), full_page=True)
        page.click(f"#duty-{world.board_duty.pk} a")
        page.select_option("#id_status", "done")
        page.fill("#id_note", "Đã cử 02 cán bộ dự hội nghị chuyên đề của Sở Y tế.")
        page.set_input_files("#id_evidence", str(evidence))
        page.click("#duty-update button[type=submit]")
        page.locator("#evidence a", has_text="bao-cao-ket-qua.pdf").wait_for()
        assert Duty.objects.get(pk=world.board_duty.pk).status == "done"
        page.screenshot(path=str(screenshots / "coordination-duty.png"), full_page=True)

        # Staff record the six-monthly briefing's minutes and a decision for the board's user.
        page = portal.as_user(users.author)
        portal.goto(reverse("coordination:meeting", args=[world.other_meeting.pk]))
        page.fill("#minutes-form #id_text", "Hai bên thống nhất tổ chức hội nghị chuyên đề trong quý III.")
        page.click("#minutes-form button[type=submit]")
        page.locator("#minutes-text").wait_for()
        assert Minutes.objects.filter(meeting=world.other_meeting).exists()
        page.fill("#decision-form #id_title", DECISION)
        page.select_option("#decision-form #id_owner", str(users.partner.pk))
        page.fill("#decision-form #id_deadline", "30/12/2099")
        page.click("#decision-form button[type=submit]")
        page.locator("#followups td", has_text=DECISION).wait_for()
        page.screenshot(path=str(screenshots / "coordination-meeting.png"), full_page=True)

        # The owner finds it under "My follow-ups" (from the navigation) and closes it.
        page = portal.as_user(users.partner)
        page.click("#nav-coordination")
        page.click("#nav-followups")
        followup = FollowUp.objects.get(title=DECISION)
        row = page.locator(f"#followup-{followup.pk}")
        row.wait_for()
        page.screenshot(path=str(screenshots / "coordination-followups.png"), full_page=True)
        row.locator("input[name=result]").fill("Đã cử cán bộ, hội nghị tổ chức ngày 15/9.")
        row.locator("button[type=submit]").click()
        page.locator(".alert", has_text="Việc đã hoàn thành.").wait_for()
        followup.refresh_from_db()
        assert followup.status == "done" and followup.result == "Đã cử cán bộ, hội nghị tổ chức ngày 15/9."
    finally:
        portal.close()
