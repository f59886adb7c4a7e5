"""The dashboards' URLs in the authorization walker and the bad-input test (tests/test_authorization.py).

Leadership (approver, administrator), reviewers, unit heads and partner bodies have a dashboard (each
restricted to its scope); authors of a room have none (403). A unit head opens only their own unit's page.
"""

from tests.test_authorization import FORBIDDEN, page

HAS_DASHBOARD = ("reviewer", "approver", "unit_head", "admin", "other_reviewer", "other_head", "partner")
NO_DASHBOARD = ("author", "other_author")

RULES = {
    "reporting:dashboard": page(ok=HAS_DASHBOARD, forbidden=NO_DASHBOARD),
    "reporting:dashboard_tasks": page(ok=HAS_DASHBOARD, forbidden=NO_DASHBOARD),
    "reporting:dashboard_reports": page(ok=HAS_DASHBOARD, forbidden=NO_DASHBOARD),
    # the CDC's page: its head sees it, the head of another facility does not (404)
    "reporting:dashboard_unit": page(ok=("reviewer", "approver", "unit_head", "admin", "other_reviewer", "partner"),
                                     forbidden=NO_DASHBOARD, targets={"pk": "dashboard_unit"}),
}
FIELDS = ("period", "obligation", "plan", "state")
assert FORBIDDEN == 403


def world(base, org, users) -> dict:
    return {"dashboard_unit": org.cdc}
