"""The petitions register and the citizen-reception log through their pages."""

import datetime as dt
import html
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dialogue import services
from dialogue.models import Petition, ReceptionEntry

pytestmark = pytest.mark.django_db


def test_a_petition_is_entered_and_its_due_date_shown(client, org, users):
    client.force_login(users.unit_head)
    data = {"unit": org.cdc.pk, "kind": "complaint", "channel": "hotline", "received_on": "06/02/2026",
            "petitioner": "Ông Lê Văn Hạnh", "summary": "Khiếu nại tiền khám.", "complexity": "normal"}
    refused = client.post(reverse("dialogue:petition_create"), {**data, "received_on": "31/02/2026"})
    assert refused.status_code == 400 and "Khiếu nại tiền khám." in refused.content.decode()
    response = client.post(reverse("dialogue:petition_create"), data)
    petition = Petition.objects.get()
    assert response.status_code == 302 and petition.due_date == dt.date(2026, 3, 27)
    assert "27/03/2026" in client.get(petition.get_absolute_url()).content.decode()


def test_assignment_resolution_and_closing(client, org, users, petition_for):
    petition = petition_for()
    client.force_login(users.unit_head)
    url = reverse("dialogue:petition_action", args=[petition.pk])
    assert client.post(url, {"action": "assign", "unit": org.bvdk.pk}).status_code == 302
    client.force_login(users.other_head)  # the assigned unit sees it and records the resolution
    assert client.get(petition.get_absolute_url()).status_code == 200
    assert client.post(url, {"action": "close"}).status_code == 403
    assert client.post(url, {"action": "resolve", "resolution": ""}).status_code == 400
    assert client.post(url, {"action": "resolve", "resolution": "Đã hoàn tiền."}).status_code == 302
    client.force_login(users.unit_head)
    assert client.post(url, {"action": "close"}).status_code == 302
    petition.refresh_from_db()
    assert (petition.status, petition.assigned_unit, petition.resolution) == ("closed", org.bvdk, "Đã hoàn tiền.")


def test_the_petition_list_flags_overdue_bounded_queries_and_exports(client, org, users, petition_for,
                                                                     django_assert_max_num_queries):
    for n in range(40):
        petition_for(petitioner=f"Người {n}", received_on=dt.date(2026, 1, 5) + dt.timedelta(days=n))
    client.force_login(users.unit_head)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("dialogue:petitions"), {"overdue": "1"})
    assert response.status_code == 200 and response.content.decode().count('class="table-danger"') == 40
    export = client.get(reverse("dialogue:petitions"), {"format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(users.other_head)
    assert "Người 1" not in client.get(reverse("dialogue:petitions")).content.decode()


def test_paging_a_filtered_petition_list_keeps_the_filter(client, org, users, petition_for):
    for n in range(52):  # more than a page (50) of complaints, and proposals the filter must keep out
        petition_for(petitioner=f"Người khiếu nại {n}", kind="complaint")
    for n in range(3):
        petition_for(petitioner=f"Người kiến nghị {n}", kind="proposal")
    client.force_login(users.unit_head)
    url = reverse("dialogue:petitions")
    # ``note`` stands for any other parameter: it must come back as sent, & and diacritics included
    first = client.get(url, {"kind": "complaint", "note": "Lê & Hạnh"}).content.decode()
    next_href = re.search(r'href="([^"]*)" rel="next"', first).group(1)
    assert "&amp;" in next_href  # the query string is escaped inside the attribute
    second = client.get(url + html.unescape(next_href))
    assert second.wsgi_request.GET.dict() == {"kind": "complaint", "note": "Lê & Hạnh", "page": "2"}
    both = first + second.content.decode()
    assert len(set(re.findall(r"Người khiếu nại \d+", both))) == 52 and "Người kiến nghị" not in both
    prev_href = re.search(r'href="([^"]*)" rel="prev"', second.content.decode()).group(1)
    back = client.get(url + html.unescape(prev_href))
    assert back.wsgi_request.GET.dict() == {"kind": "complaint", "note": "Lê & Hạnh", "page": "1"}
    # the export keeps the filter too, once, and exports every page of it
    export_href = re.search(r'href="([^"]*format=xlsx[^"]*)"', second.content.decode()).group(1)
    export = client.get(url + html.unescape(export_href))
    assert export.wsgi_request.GET.dict() == {"kind": "complaint", "note": "Lê & Hạnh", "format": "xlsx"}
    sheet = load_workbook(io.BytesIO(export.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert len({c for c in cells if c.startswith("Người khiếu nại")}) == 52
    assert not any(c.startswith("Người kiến nghị") for c in cells)


def test_a_reception_creates_its_petition_and_links_it(client, org, users, django_assert_max_num_queries):
    client.force_login(users.unit_head)
    today = timezone.localdate()
    response = client.post(reverse("dialogue:receptions"), {
        "unit": org.cdc.pk, "date": f"{today:%d/%m/%Y}", "citizen": "Bà Lò Thị Mai", "matter": "Phản ánh thái độ.",
        "outcome": "Ghi nhận.", "make_petition": "on", "kind": "feedback", "complexity": "normal"})
    assert response.status_code == 302
    reception = ReceptionEntry.objects.get()
    assert reception.officer == users.unit_head and reception.petition.kind == "feedback"
    assert reception.petition.channel == "in_person" and reception.petition.petitioner == "Bà Lò Thị Mai"
    for n in range(30):
        services.reception_record(actor=users.unit_head, today=today, data={
            "unit": org.cdc, "date": today, "citizen": f"Công dân {n}", "matter": "Hỏi thủ tục."})
    with django_assert_max_num_queries(10):
        assert client.get(reverse("dialogue:receptions")).status_code == 200
    client.force_login(users.other_head)
    assert "Bà Lò Thị Mai" not in client.get(reverse("dialogue:receptions")).content.decode()
