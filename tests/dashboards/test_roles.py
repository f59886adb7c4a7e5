"""Each role's dashboard is restricted to its scope: the unit head's unit, the reviewer's room, the partner's
joint plans; authors have none."""

import pytest

from reporting.dashboards import selectors

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _figures(user):
    scope = selectors.scope_for(user)
    data = selectors.compute_overview(scope, year=2026, today=TODAY)
    return (data["plans"]["total"], {r["unit_name"]: r["total"] for r in data["tasks"]},
            {r["name"]: r["expected"] for r in data["compliance"]["units"]})


def test_leadership_sees_the_whole_province(province, users):
    assert _figures(users.approver) == (3, {"CDC": 2, "BVĐK tỉnh": 2, "BDVTU": 1}, {"CDC": 2, "BVĐK tỉnh": 2})
    assert _figures(users.admin) == _figures(users.approver)


def test_a_unit_head_sees_their_own_unit(province, users):
    assert _figures(users.unit_head) == (1, {"CDC": 2}, {"CDC": 2})
    assert _figures(users.other_head) == (1, {"BVĐK tỉnh": 2}, {"BVĐK tỉnh": 2})


def test_a_reviewer_sees_their_rooms_plans(province, users):
    assert _figures(users.reviewer) == (2, {"CDC": 2, "BVĐK tỉnh": 2}, {"CDC": 2, "BVĐK tỉnh": 2})
    assert _figures(users.other_reviewer) == (0, {}, {})


def test_a_partner_body_sees_its_joint_plans(province, users):
    assert _figures(users.partner) == (1, {"BDVTU": 1}, {})


def test_authors_have_no_dashboard(province, users, client):
    assert selectors.scope_for(users.author) is None
    client.force_login(users.author)
    assert client.get("/reporting/dashboard/").status_code == 403


def test_a_unit_head_opens_only_their_own_unit(province, users, org, client):
    client.force_login(users.unit_head)
    assert client.get(f"/reporting/dashboard/units/{org.cdc.pk}/").status_code == 200
    assert client.get(f"/reporting/dashboard/units/{org.bvdk.pk}/").status_code == 404


def test_lists_keep_to_the_scope(province, users, org, client):
    client.force_login(users.unit_head)
    page = client.get(f"/reporting/dashboard/reports/?unit={org.bvdk.pk}").content.decode()
    assert "BVĐK tỉnh" not in page.split('id="report-list"')[1]
    page = client.get("/reporting/dashboard/tasks/?year=2026").content.decode()
    assert page.count("badge text-bg-") == 2  # r1 and r2 of the CDC only
