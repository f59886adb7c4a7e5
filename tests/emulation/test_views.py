"""The pages: lists with bounded queries and their .xlsx, the scorecard, confirming the importer's proposals,
entering results."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from emulation import services
from emulation.models import Movement, Result, Target
from plans.importing.models import PlanImport
from tests.emulation.conftest import issued_plan

pytestmark = pytest.mark.django_db


def test_the_movement_list_has_bounded_queries_and_exports_xlsx(client, emu, users, django_assert_max_num_queries):
    for i in range(15):
        services.movement_create(actor=users.author, plan=emu.plan, data={"title": f"Phong trào {i}", "year": 2026})
    client.force_login(users.unit_head)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("emulation:movements"))
    assert len(response.context["rows"]) == 16
    response = client.get(reverse("emulation:movements") + "?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_partners_see_no_movement_of_a_plan_they_are_not_in(client, emu, users):
    client.force_login(users.partner)
    assert list(client.get(reverse("emulation:movements")).context["rows"]) == []
    assert client.get(reverse("emulation:movement", args=[emu.movement.pk])).status_code == 404


def test_staff_see_the_scorecard_colour_coded_with_the_units_that_miss(client, emu, org, users,
                                                                       django_assert_max_num_queries):
    target = emu.target(value=95, baseline=90, baseline_year=2025)
    emu.result(target, org.cdc, "98")
    emu.result(target, org.bvdk, "90")
    client.force_login(users.approver)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("emulation:movement", args=[emu.movement.pk]), HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert 'class="table-danger"' in html and "Không đạt" in html and "BVĐK tỉnh" in html and "94" in html
    assert client.get(reverse("emulation:movement", args=[emu.movement.pk]) + "?format=xlsx").status_code == 200


def test_a_unit_head_sees_only_their_own_units_result(client, emu, org, users):
    target = emu.target(value=95)
    emu.result(target, org.cdc, "98")
    emu.result(target, org.bvdk, "90")
    client.force_login(users.unit_head)
    response = client.get(reverse("emulation:target", args=[target.pk]))
    assert [r.unit for r in response.context["rows"]] == [org.cdc]
    assert response.context["score"] is None  # the sector scorecard is for the staff


def test_a_unit_head_enters_the_result_of_their_unit_on_the_results_page(client, emu, org, users):
    target = emu.target(value=95)
    client.force_login(users.unit_head)
    url = reverse("emulation:results", args=[target.pk, emu.first.pk])
    form = client.get(url).context["form"]
    assert set(form.fields) == {f"u{org.cdc.pk}"}
    client.post(url, {f"u{org.cdc.pk}": "97,5", f"u{org.bvdk.pk}": "10"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert list(Result.objects.values_list("unit__code", "value", "source")) == [
        ("ttkscb", Decimal("97.5"), "department")]


def test_staff_enter_every_units_result_and_bad_input_keeps_what_was_typed(client, emu, org, users):
    target = emu.target(value=95)
    client.force_login(users.author)
    url = reverse("emulation:results", args=[target.pk, emu.first.pk])
    response = client.post(url, {f"u{org.cdc.pk}": "chín", f"u{org.bvdk.pk}": "91"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200 and "chín" in response.content.decode()
    assert "Nhập một số, ví dụ 1.250 hoặc 72,5." in response.content.decode()
    assert not Result.objects.exists()
    client.post(url, {f"u{org.cdc.pk}": "96", f"u{org.bvdk.pk}": "91", "sector": "95,5"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert sorted((r.unit_id or 0, r.value) for r in Result.objects.all()) == sorted(
        [(org.cdc.pk, Decimal(96)), (org.bvdk.pk, Decimal(91)), (0, Decimal("95.5"))])


def test_confirming_an_importer_proposal_creates_a_pre_filled_target(client, emu, users):
    PlanImport.objects.create(created_by=users.author, plan=emu.plan, status=PlanImport.Status.SAVED, proposals={
        "targets": [{"value": 26.2, "unit": "giuong benh/10.000 dan", "direction": ">", "text": "Đạt 26,2 giường"},
                    {"value": 8.5, "unit": "%", "direction": "<", "text": "Suy dinh dưỡng dưới 8,5%"}]})
    client.force_login(users.author)
    page = client.get(reverse("emulation:movement", args=[emu.movement.pk]))
    assert [p["confirmed"] for p in page.context["proposals"]] == [False, False]
    url = reverse("emulation:target_create", args=[emu.movement.pk]) + "?proposal=1"
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").context["form"]
    assert {k: form.initial[k] for k in ("name", "measure", "direction", "value")} == {
        "name": "Suy dinh dưỡng dưới 8,5%", "measure": "percent", "direction": "at_most", "value": Decimal("8.5")}
    data = {"name": "Tỷ lệ suy dinh dưỡng thể nhẹ cân", "measure": "percent", "direction": "at_most",
            "value": "8,5", "baseline": "8,9", "baseline_year": "2025", "scope": "each_unit", "source": "report",
            "factor": "1", "order": "1", "proposal_key": form.initial["proposal_key"]}
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="vi")
    target = Target.objects.get()
    assert response.status_code == 302
    assert (target.direction, target.value, target.baseline, target.indicator.name) == (
        "at_most", Decimal("8.5"), Decimal("8.9"), "Tỷ lệ suy dinh dưỡng thể nhẹ cân")
    page = client.get(reverse("emulation:movement", args=[emu.movement.pk]))
    assert [p["confirmed"] for p in page.context["proposals"]] == [False, True]
    # and the plan page no longer shows it as a proposal of the importer
    record = PlanImport.objects.get(plan=emu.plan)
    assert [p.get("status", "proposed") for p in record.proposals["targets"]] == ["proposed", "confirmed"]


def test_the_target_form_keeps_what_was_typed_with_a_translated_error(client, emu, users):
    client.force_login(users.author)
    response = client.post(reverse("emulation:target_create", args=[emu.movement.pk]), {
        "name": "Bệnh viện trên 3,00", "measure": "count", "direction": "count_above", "value": "16",
        "scope": "each_unit", "source": "report"}, HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert response.status_code == 200 and "Hãy nhập ngưỡng mà các đơn vị phải vượt." in html
    assert "Bệnh viện trên 3,00" in html and not Target.objects.exists()


def test_the_plan_page_shows_its_movements(client, emu, users):
    client.force_login(users.author)
    html = client.get(emu.plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Phong trào thi đua năm 2026" in html and reverse("emulation:movement_create", args=[emu.plan.pk]) in html


def test_creating_a_movement_with_its_two_half_year_phases(client, emu, users):
    client.force_login(users.author)
    response = client.post(reverse("emulation:movement_create", args=[emu.plan.pk]),
                           {"title": "Phong trào mới", "year": "2027", "two_halves": "on"})
    movement = emu.plan.emulation_movements.get(title="Phong trào mới")
    assert response.status_code == 302
    assert [(p.start.isoformat(), p.end.isoformat()) for p in movement.phases.all()] == [
        ("2027-01-01", "2027-06-30"), ("2027-07-01", "2027-12-31")]


@pytest.mark.parametrize("year", ["0", "99999", "1899"])
def test_a_movement_for_an_impossible_year_is_refused_with_the_text_kept(client, users, year):
    """Found by tests/test_fuzz_forms.py: year 0 made the phases' dates and the page answered 500."""
    plan = issued_plan(users)
    client.force_login(users.author)
    response = client.post(reverse("emulation:movement_create", args=[plan.pk]),
                           {"title": "Phong trào thi đua năm nay", "year": year, "two_halves": "on"})
    assert response.status_code == 200 and response.context["form"].errors["year"]
    assert "Phong trào thi đua năm nay" in response.content.decode()
    assert not Movement.objects.exists()
