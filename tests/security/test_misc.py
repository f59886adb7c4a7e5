"""load_demo's guard, `make run`'s binding, the iCalendar feed (escaping, folding, rotation), the API docs."""

import re
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from reporting.models import ReportingObligation
from reporting.selectors import calendar_token
from tests.reporting.test_inbox import setup as setup  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_load_demo_refuses_without_debug_or_the_flag(settings):
    from plans.models import User

    settings.DEBUG, settings.PORTAL_DEMO_ALLOWED = False, False
    with pytest.raises(CommandError, match="DEBUG on, or with --force"):
        call_command("load_demo", verbosity=0)
    assert not User.objects.exists()


def test_make_run_listens_on_loopback_unless_told_otherwise():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import run
    finally:
        sys.path.pop(0)
    assert run.commands(8000, False, False)["web"][3] == "127.0.0.1:8000"
    assert run.commands(8000, False, False, host="0.0.0.0")["web"][3] == "0.0.0.0:8000"
    assert "HOST  ?= 127.0.0.1" in (ROOT / "Makefile").read_text()


def feed(client, user) -> str:
    response = client.get(reverse("reporting:calendar", args=[calendar_token(user)]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_carriage_return_in_a_title_is_escaped_and_long_lines_are_folded(client, users, setup):  # noqa: F811
    title = "Báo cáo\rBEGIN:VEVENT\r\nSUMMARY:giả mạo; thêm, rất dài " + "Đ" * 80
    ReportingObligation.objects.update(title=title)
    body = feed(client, users.unit_head)
    lines = body.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1 and not any(line.startswith("SUMMARY:giả") for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "\r" not in body.replace("\r\n", "") and "\n" not in body.replace("\r\n", "")
    summary = "".join(line[1:] if line.startswith(" ") else "\n" + line for line in lines).split("\nSUMMARY:")[1]
    summary = summary.split("\n")[0]
    assert summary.startswith("Báo cáo\\nBEGIN:VEVENT\\nSUMMARY:giả mạo\\; thêm\\, rất dài " + "Đ" * 80)


def test_a_user_rotates_the_feed_link_and_the_old_one_stops_working(client, users, setup):  # noqa: F811
    old = reverse("reporting:calendar", args=[calendar_token(users.unit_head)])
    client.force_login(users.unit_head)
    inbox = client.get(reverse("reporting:inbox")).content.decode()
    assert 'id="calendar-rotate"' in inbox and old.split("/")[-1] in inbox
    response = client.post(reverse("reporting:calendar_rotate"), {"next": reverse("reporting:inbox")},
                           HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert response.redirect_chain[-1][0] == reverse("reporting:inbox")
    page = response.content.decode()
    assert "Đã đổi liên kết lịch" in page
    new = re.search(r'<code class="user-select-all">([^<]+)</code>', page).group(1)
    assert not new.endswith(old)
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    # an outside address in `next` is not followed
    client.force_login(users.unit_head)
    assert client.post(reverse("reporting:calendar_rotate"), {"next": "https://evil.example/"}).url == "/"


@pytest.mark.parametrize("name", ["api-schema", "api-docs"])
def test_the_api_schema_and_docs_require_login(client, users, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(users.partner)
    assert client.get(reverse(name)).status_code == 200
