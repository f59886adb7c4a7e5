"""Every page carries a Content-Security-Policy that allows no inline script, and no template has one."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("name,who", [("login", None), ("plans:list", "author"), ("admin:index", "admin"),
                                      ("api-docs", "author"), ("reporting:inbox", "unit_head")])
def test_pages_forbid_inline_scripts(client, users, name, who):
    if who:
        client.force_login(getattr(users, who))
    response = client.get(reverse(name))
    assert response.status_code == 200
    rules = policy(response)
    assert rules["script-src"] == ["'self'"] and rules["object-src"] == ["'none'"]
    assert rules["frame-ancestors"] == ["'self'"] and rules["base-uri"] == ["'self'"]
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html)
    assert not INLINE_HANDLER.search(html) and "javascript:" not in html


def test_no_template_of_the_portal_has_an_inline_script_or_handler():
    offenders = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        text = template.read_text()
        if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text) or "javascript:" in text:
            offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_an_error_page_carries_the_policy_too(client, users):
    client.force_login(users.author)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404 and "script-src 'self'" in response["Content-Security-Policy"]
