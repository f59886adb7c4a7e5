"""No input produces a 500: every URL of the portal, fed garbage by users who may use it.

Reuses the URL walk and the world of ``tests/test_authorization.py``. For each URL, GET with
nonsense query parameters and, for every URL, POST with empty, oversized, malformed and
NUL-containing values for every field name the portal's forms use. Each answer must be
below 500 (a translated error, a redirect, 403/404/405); a crash fails with its URL.
"""

from __future__ import annotations

import pytest

from tests.test_authorization import EXTENSIONS, RULES, url_for, url_patterns, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

FIELDS = (
    "title", "text", "heading", "intro", "introduction", "summary", "place", "comment", "style", "version", "direction",
    "kind", "year", "doc_type", "header_style", "governing_body", "issuer_1", "issuer_2", "signer_authority",
    "signer_position", "signer_name", "issued_on", "date", "due_date", "lead_in", "number", "issuer",
    "linked_plan", "item", "lead_unit", "lead_text", "supporting_units", "recurrence", "expected_output",
    "purpose", "unit", "a", "b", "q", "status", "page", "sort", "decision", "units_rule", "unit_kind",
    "units", "recipient_unit", "period_type", "calendar", "deadline_rule", "fixed_deadlines", "deadline_days",
    "shift_rule", "reminder_offsets", "indicators", "sections", "one_off_start", "one_off_end", "one_off_due",
    "active_from", "active_until", "open_days_before", "include_tasks", "action", "results", "shortcomings",
    "causes", "next_steps", "proposals", "text_input", "proposal", "form-TOTAL-FORMS", "form-INITIAL-FORMS",
    "keep", "recipients", "legal_bases", "structure", "day", "month",
    *(name for extension in EXTENSIONS for name in getattr(extension, "FIELDS", ())),
)
PAYLOADS = {
    "empty": {},
    "blank": {name: "" for name in FIELDS},
    "words": {name: "không phải số <script>alert(1)</script>" for name in FIELDS},
    "numbers": {name: "-99999999999999999999" for name in FIELDS},
    "dates": {name: "31/02/2026" for name in FIELDS},
    "nul": {name: "Kế hoạch\x00năm 2026" for name in FIELDS},
    "huge": {name: "Đ" * 20000 for name in FIELDS},
    "lists": {name: ["1", "abc", "999999"] for name in FIELDS},
}
QUERIES = {"page": "abc", "year": "năm", "status": "zzz", "kind": "\x00", "unit": "-99999999999999999999",
           "q": "dân\x00vận", "sort": "-nonexistent", "all": "maybe", "a": "x", "b": "-1"}


@pytest.mark.parametrize("actor", ["author", "reviewer", "approver", "unit_head", "admin"])
def test_no_input_crashes_a_page(actor, world, users, client):  # noqa: F811  (world is a fixture)
    client.raise_request_exception = True
    crashes = []
    for name, pattern in sorted(url_patterns().items()):
        if name == "logout":
            continue
        client.force_login(getattr(users, actor))  # a garbage password change may have ended the session
        rule = RULES[name]
        url = url_for(world, name, pattern, rule, rule.variants[0])
        attempts = [("GET", QUERIES)] + [("POST", payload) for payload in PAYLOADS.values()]
        for method, data in attempts:
            try:
                response = client.get(url, data) if method == "GET" else client.post(url, data)
                status = response.status_code
            except Exception as error:  # noqa: BLE001 - every crash is reported with its URL
                status = f"{type(error).__name__}: {error}"[:200]
            if not isinstance(status, int) or status >= 500:
                crashes.append(f"{method} {url} ({name}) {list(data)[:3]}: {status}")
    assert not crashes, "\n".join(crashes)
