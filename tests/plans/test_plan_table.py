"""The plan list's rows (``PlanTable.rows_html``, written without django-tables2's cell rendering) are the rows
django-tables2 renders from the same columns: every column, an issued plan and a draft, names to escape, several
issuers, each page, each sorting."""

import datetime as dt
import re

import pytest
from django.test import RequestFactory

from plans.choices import PlanKind, PlanStatus
from plans.selectors import plan_list
from plans.tables import PlanTable
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _rows(html: str) -> list[str]:
    body = html.split("<tbody")[1].split("</tbody>")[0]
    return re.findall(r"<tr.*?</tr>", re.sub(r"\s*<td\s*>", "<td>", re.sub(r">\s+<", "><", body)), re.S)


@pytest.mark.parametrize("query", ["", "?sort=-title", "?page=2", "?sort=owner_unit&page=2"])
def test_the_rows_are_django_tables2s_rows(query, org, users):
    from django_tables2 import RequestConfig

    PlanFactory(title="Kế hoạch <tiêm chủng> & “phòng dịch” năm 2026", owner_unit=org.nvy, issuers=[org.syt, org.bdv],
                status=PlanStatus.ISSUED, number=12, issued_on=dt.date(2026, 2, 3), kind=PlanKind.COORDINATION)
    for n in range(4):
        PlanFactory(title=f"Kế hoạch số {n}", owner_unit=org.tccb if n % 2 else org.nvy, year=2025 + n % 2)
    request = RequestFactory().get("/plans/" + query)
    request.user = users.admin
    rendered = {}
    for template in (None, "django_tables2/bootstrap5.html"):
        table = PlanTable(plan_list(user=users.admin), **({"template_name": template} if template else {}))
        RequestConfig(request, paginate={"per_page": 3}).configure(table)
        rendered[template] = _rows(table.as_html(request))
    ours, theirs = rendered[None], rendered["django_tables2/bootstrap5.html"]
    assert ours == theirs and len(ours) == (3 if "page=2" not in query else 2)
    if not query:  # the issued plan is on the first page: its title escaped, its two issuers, its number and date
        issued = next(row for row in ours if "03/02/2026" in row)
        assert "&lt;tiêm chủng&gt; &amp; “phòng dịch”" in issued and "<br>" in issued and "12/KH-SYT" in issued


def test_no_plan_says_so(users):
    request = RequestFactory().get("/plans/")
    request.user = users.admin
    table = PlanTable(plan_list(user=users.admin).none())
    assert "Không có kế hoạch" in table.as_html(request) or "No plan matches these filters." in table.as_html(request)


def test_the_pager_speaks_vietnamese(org, users):
    from django.utils import translation
    from django_tables2 import RequestConfig

    for n in range(7):
        PlanFactory(title=f"Kế hoạch số {n}", owner_unit=org.nvy)
    request = RequestFactory().get("/plans/?page=2")
    request.user = users.admin
    table = PlanTable(plan_list(user=users.admin))
    RequestConfig(request, paginate={"per_page": 3}).configure(table)
    with translation.override("vi"):
        html = table.as_html(request)
    assert 'rel="prev"><span aria-hidden="true">&laquo;</span> Trang trước</a>' in html
    assert 'rel="next">Trang sau <span aria-hidden="true">&raquo;</span></a>' in html
    assert "previous" not in html.replace('class="previous', "") and ">next" not in html and " next" not in html
