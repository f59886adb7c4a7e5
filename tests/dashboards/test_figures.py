"""Each figure of the overview against the hand-computed expectation of the fixture (see conftest.py)."""

import pytest

from reporting.dashboards import selectors
from reporting.models import RequestStatus

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _tasks(user, year=2026):
    rows = selectors.tasks_by_unit(selectors.scope_for(user), year=year, today=TODAY)
    return {row["unit_name"]: (row["done"], row["in_progress"], row["overdue"], row["total"]) for row in rows}


def _matrix(user, year=2026):
    return selectors.compliance_matrix(selectors.scope_for(user), year=year, today=TODAY)


def test_plans_by_status_and_kind(province, users):
    plans = selectors.plans_by_status_kind(selectors.scope_for(users.approver), year=2026)
    assert plans["total"] == 3
    by_status = {s["value"]: s["count"] for s in plans["statuses"]}
    assert by_status["issued"] == 2 and by_status["draft"] == 1 and sum(by_status.values()) == 3
    by_kind = {k["value"]: k["count"] for k in plans["kinds"]}
    assert by_kind == {**{k: 0 for k in by_kind}, "general": 1, "coordination": 2}
    issued = next(s for s in plans["statuses"] if s["value"] == "issued")
    assert issued["cells"][:2] == [1, 1]  # general, coordination
    assert selectors.plans_by_status_kind(selectors.scope_for(users.approver), year=2025)["total"] == 1


def test_tasks_by_lead_unit_done_in_progress_overdue(province, users):
    # CDC: r1 done, r2 in progress (due at the end of the year); BVĐK: r3 done in its last report, r4 no deadline;
    # the Ban Dân vận: r5 never reported and past its deadline.
    assert _tasks(users.approver) == {"CDC": (1, 1, 0, 2), "BVĐK tỉnh": (1, 1, 0, 2), "BDVTU": (0, 0, 1, 1)}
    rows = selectors.tasks_by_unit(selectors.scope_for(users.approver), year=2026, today=TODAY)
    assert rows[0]["unit_name"] == "BDVTU"  # most overdue first


def test_compliance_matrix_rates_and_worst_units_first(province, users, org):
    matrix = _matrix(users.approver)
    assert [p["id"] for p in matrix["periods"]] == [province.q1.pk, province.q2.pk, province.q3.pk]
    cdc, bvdk = matrix["units"]
    assert cdc["unit_id"] == org.cdc.pk  # 50 % on time and one missing: worse than BVĐK's 50 % with none missing
    assert (cdc["expected"], cdc["on_time"], cdc["late"], cdc["missing"], cdc["pending"]) == (2, 1, 0, 1, 1)
    assert (cdc["on_time_rate"], cdc["reporting_rate"]) == (50, 50)
    assert (bvdk["expected"], bvdk["on_time"], bvdk["late"], bvdk["missing"]) == (2, 1, 1, 0)
    assert (bvdk["on_time_rate"], bvdk["reporting_rate"]) == (50, 100)
    assert [period for period, _cell in cdc["cells"]] == [province.q1.pk, province.q2.pk, province.q3.pk]
    q1, q2, q3 = (cell for _period, cell in cdc["cells"])
    assert (q1["on_time"], q2["missing"], q3["pending"]) == (1, 1, 1)
    b1, b2, b3 = (cell for _period, cell in bvdk["cells"])
    assert (b1["late"], b2["on_time"], b3) == (1, 1, None)
    total = matrix["total"]
    assert (total["expected"], total["on_time"], total["late"], total["missing"], total["pending"]) == (4, 2, 1, 1, 1)
    assert (total["on_time_rate"], total["reporting_rate"]) == (50, 75)
    (obligation,) = matrix["obligations"]
    assert (obligation["obligation_id"], obligation["on_time_rate"], obligation["reporting_rate"]) == (
        province.obligation.pk, 50, 75)


def test_timeliness_in_sql_agrees_with_request_timeliness(province, users):
    from reporting.selectors import request_timeliness

    scope = selectors.scope_for(users.approver)
    for state in selectors.TIMELINESS_STATES:
        for row in selectors.request_list(scope, today=TODAY, state=state):
            assert request_timeliness(row, today=TODAY) == state
    assert selectors.request_list(scope, today=TODAY).count() == 6


def test_a_report_submitted_without_a_date_counts_as_late(province, users):
    province.cdc_q2.status = RequestStatus.SUBMITTED
    province.cdc_q2.save()
    cdc = _matrix(users.approver)["units"][0]
    assert (cdc["on_time"], cdc["late"], cdc["missing"]) == (1, 1, 0)


def test_trend_year_by_year(province, users):
    trend = selectors.trend(selectors.scope_for(users.approver), today=TODAY)
    assert [(r["year"], r["on_time_rate"], r["reporting_rate"], r["overdue_tasks"]) for r in trend] == [
        (2025, 0, 100, 0), (2026, 50, 75, 1)]


def test_the_page_shows_the_figures_and_links_them(province, users, client, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)
    client.force_login(users.approver)
    page = client.get("/reporting/dashboard/").content.decode()
    assert 'id="table-compliance"' in page and "50%" in page and "75%" in page
    assert f"unit={province.cdc_q2.unit_id}&amp;period={province.q2.pk}&amp;state=missing" in page
    assert f'href="/reporting/dashboard/units/{province.cdc_q2.unit_id}/?year=2026"' in page
    assert "?year=2026&amp;status=issued" in page
    assert 'id="dashboard-data"' in page and "chartjs-4.6.1/chart.umd.min.js" in page
    assert 'id="panel-reporting_compliance"' in page  # the registered panels follow


def test_a_panel_without_data_says_so(users, client):
    client.force_login(users.approver)
    page = client.get("/reporting/dashboard/?year=2030").content.decode()
    assert "Chưa có dữ liệu." in page or "No data yet." in page
    assert "No report was requested this year." in page or "Chưa có yêu cầu báo cáo trong năm." in page


def test_the_unit_tables_show_the_worst_units_and_all_on_demand(province, users, client, monkeypatch):
    monkeypatch.setattr("reporting.dashboards.views.SHOWN_UNITS", 1)
    client.force_login(users.approver)
    page = client.get("/reporting/dashboard/?year=2026").content.decode()
    matrix = page.split('id="table-compliance"')[1].split("</table>")[0]
    assert matrix.count('class="dash-unit"') == 1 and "CDC" in matrix  # the worst one
    assert 'id="all-units"' in page
    page = client.get("/reporting/dashboard/?year=2026&units=all").content.decode()
    assert page.split('id="table-compliance"')[1].split("</table>")[0].count('class="dash-unit"') == 2


def test_the_tables_rows_link_each_figure_to_the_rows_behind_it(province, users, org, client, monkeypatch):
    """The tasks, matrix and obligations rows (written by ``reporting_tags``, not by the template language): each
    number links to its list; a task led by a body outside the portal is counted, not linked."""
    import re

    from plans.models import Responsibility

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)
    Responsibility.objects.create(plan=province.p1, lead_text="Công an tỉnh <Phòng PC03>", due_date=TODAY)
    client.force_login(users.approver)
    page = client.get("/reporting/dashboard/?year=2026").content.decode()

    def table(name):
        return re.sub(r">\s+<", "><", page.split(f'id="{name}"')[1].split("</table>")[0])

    tasks, cdc = table("table-tasks"), org.cdc.pk
    assert (f'<a href="/reporting/dashboard/units/{cdc}/?year=2026">{org.cdc.display_short}</a></th>'
            f'<td><a href="/reporting/dashboard/tasks/?year=2026&amp;unit={cdc}&amp;state=done">1</a></td>'
            f'<td><a href="/reporting/dashboard/tasks/?year=2026&amp;unit={cdc}&amp;state=in_progress">1</a></td>'
            f"<td>0</td>"
            f'<td><a href="/reporting/dashboard/tasks/?year=2026&amp;unit={cdc}">2</a></td></tr>') in tasks
    assert ('<th class="text-start fw-normal" scope="row">(không phải đơn vị trên cổng)</th>'
            "<td>0</td><td>1</td><td>0</td><td>1</td></tr>") in tasks
    matrix = table("table-compliance")
    assert (f'<a href="/reporting/dashboard/units/{cdc}/?year=2026" class="dash-unit">{org.cdc.display_short}</a>'
            in matrix)
    assert re.search(rf'unit={cdc}&amp;period={province.q2.pk}&amp;state=missing">1</a>', matrix)
    obligations, pk = table("table-obligations"), province.obligation.pk
    assert f'<a href="/reporting/obligations/{pk}/compliance/">Báo cáo quý</a></th><td>4</td>' in obligations
    assert (f'<a class="text-danger fw-semibold" href="/reporting/dashboard/reports/?year=2026&amp;obligation={pk}'
            f'&amp;state=missing">1</a>') in obligations
    assert (f'state=on_time">2</a></td><td><a href="/reporting/dashboard/reports/?year=2026&amp;obligation={pk}'
            f'&amp;state=late">1</a></td>') in obligations
    assert "<td>50%</td><td>75%</td></tr>" in obligations
