"""The preview marks what the importer is unsure of; unknown issuers are picked or added; the saved plan
keeps showing the importer's proposals until reporting or emulation confirms them."""

import pytest
from django.core.exceptions import PermissionDenied

from plans.importing.models import PlanImport
from plans.importing.selectors import import_proposals, pending_import_proposals
from plans.importing.services import import_proposals_mark
from plans.models import Plan, Unit

from .test_views import UPLOAD, _login, _preview_post_data

pytestmark = pytest.mark.django_db

PLAN = """SỞ Y TẾ KON TUM
BỆNH VIỆN PHỔI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 31/KH-BVP
Kon Tum, ngày 04 tháng 6 năm 2025

KẾ HOẠCH
Phòng, chống bệnh lao năm 2025

I. MỤC TIÊU
- Tỷ lệ điều trị thành công đạt trên 90%.

II. TỔ CHỨC THỰC HIỆN
1. Khoa Lao
Báo cáo Giám đốc hằng quý trước ngày 20 tháng cuối quý.
2. Phòng Tổ chức cán bộ
Bảo đảm nhân lực.

Trang 2

GIÁM ĐỐC

Y Nhung

Nơi nhận:
- Sở Y tế (để báo cáo);
- Lưu: VT.
"""


def _paste(client, text=PLAN):
    response = client.post(UPLOAD, {"text": text})
    assert response.status_code == 302, response.context["form"].errors
    return response["Location"]


def test_the_preview_marks_what_to_check_and_lists_dropped_lines(client, users, password, org):
    _login(client, users.author, password)
    response = client.get(_paste(client, PLAN.replace("Kon Tum, ngày 04 tháng 6", "Kon Tum, ngày tháng 6")))
    page = response.content.decode()
    checks = {(c["field"], c["reason"]) for c in response.context["checks"]}
    assert ("issuers", "unmatched") in checks and ("date", "incomplete") in checks
    assert 'id="import-checks"' in page
    assert 'data-check="issuers"' in page and 'data-check="date"' in page
    assert 'data-check="title"' not in page
    assert "BỆNH VIỆN PHỔI" in page and 'id="unmatched-issuers"' in page
    assert response.context["dropped"] == ["Trang 2"] and 'id="import-dropped"' in page
    # an author may not add units: the form does not offer it
    assert "create_units" not in response.context["form"].fields


def test_an_unknown_issuer_is_never_matched_on_save(client, users, password, org):
    _login(client, users.author, password)
    preview = _paste(client)
    post = _preview_post_data(client.get(preview))
    assert not post.get("issuers")  # Bệnh viện Phổi is not Bệnh viện Đa khoa tỉnh
    assert client.post(preview, post).status_code == 302
    # no similar unit (Bệnh viện Đa khoa tỉnh) is guessed; the plan keeps the portal's default issuer
    assert org.bvdk not in Plan.objects.get().issuers.all()
    assert not Unit.objects.filter(name__icontains="phổi").exists()


def test_an_administrator_adds_the_unknown_issuer_as_a_unit(client, users, password, org):
    _login(client, users.admin, password)
    preview = _paste(client)
    response = client.get(preview)
    assert response.context["form"].fields["create_units"].choices == [("BỆNH VIỆN PHỔI", "BỆNH VIỆN PHỔI")]
    post = _preview_post_data(response)
    post["create_units"] = ["BỆNH VIỆN PHỔI"]
    assert client.post(preview, post).status_code == 302
    unit = Unit.objects.get(name="Bệnh viện phổi")
    assert (unit.kind, unit.governing_body, unit.is_party_body) == ("partner", "SỞ Y TẾ KON TUM", False)
    plan = Plan.objects.get()
    assert list(plan.issuers.all()) == [unit]


def test_adding_a_unit_is_for_administrators_only(users):
    from plans.importing.services import import_unit_create

    with pytest.raises(PermissionDenied):
        import_unit_create(actor=users.author, name="BỆNH VIỆN PHỔI")


def test_the_saved_plan_shows_the_proposals_until_they_are_confirmed(client, users, password, org):
    _login(client, users.author, password)
    preview = _paste(client)
    assert client.post(preview, _preview_post_data(client.get(preview))).status_code == 302
    plan = Plan.objects.get()
    page = client.get(plan.get_absolute_url()).content.decode()
    assert 'id="import-proposals"' in page and 'data-proposal="target-0"' in page
    assert [t["value"] for t in import_proposals(plan=plan)["targets"]] == [90.0]
    assert [(d["recurrence"], d["day"]) for d in import_proposals(plan=plan)["report_deadlines"]] == [
        ("quarterly", 20)]
    import_proposals_mark(actor=users.author, plan=plan, kind="targets", indexes=[0], status="confirmed")
    assert import_proposals(plan=plan)["targets"][0]["status"] == "confirmed"  # the shape emulation reads
    assert pending_import_proposals(plan=plan)["targets"] == []
    page = client.get(plan.get_absolute_url()).content.decode()
    assert 'id="import-proposals"' not in page  # reporting shows the deadlines with its obligations
    assert PlanImport.objects.get().status == PlanImport.Status.SAVED


def test_marking_proposals_needs_a_reader_of_the_plan(users, org, client, password):
    _login(client, users.author, password)
    preview = _paste(client)
    client.post(preview, _preview_post_data(client.get(preview)))
    with pytest.raises(PermissionDenied):
        import_proposals_mark(actor=users.unit_head, plan=Plan.objects.get(),
                              kind="targets", indexes=[0], status="confirmed")

