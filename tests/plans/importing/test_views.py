"""The upload → preview → save pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.choices import ItemStyle, PlanStatus
from plans.importing.forms import outline_to_text, text_to_outline
from plans.importing.models import PlanImport
from plans.models import Item, Plan

from .accuracy import SEEDS_DIR

pytestmark = pytest.mark.django_db

UPLOAD = reverse("plans:import_upload")
SEED_003 = "003_4e96e23d28f3edad.txt"


def _login(client, user, password):
    assert client.login(username=user.username, password=password)


def _upload(client, name, data):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("role", ["author", "admin"])
def test_importers_see_the_upload_page(client, users, password, role):
    _login(client, getattr(users, role), password)
    response = client.get(UPLOAD)
    assert response.status_code == 200
    assert b'name="file"' in response.content


@pytest.mark.parametrize("role", ["reviewer", "approver", "unit_head"])
def test_others_are_refused(client, users, password, role):
    _login(client, getattr(users, role), password)
    assert client.get(UPLOAD).status_code == 403
    data = (SEEDS_DIR / SEED_003).read_bytes()
    assert _upload(client, SEED_003, data).status_code == 403
    assert not PlanImport.objects.exists()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "login" in response["Location"]


def test_preview_of_another_users_import_is_refused(client, users, password):
    _login(client, users.author, password)
    response = _upload(client, SEED_003, (SEEDS_DIR / SEED_003).read_bytes())
    record = PlanImport.objects.get()
    assert response["Location"] == reverse("plans:import_preview", args=[record.pk])
    client.logout()
    _login(client, users.other_author, password)
    assert client.get(reverse("plans:import_preview", args=[record.pk])).status_code == 403
    _login(client, users.reviewer, password)
    assert client.get(reverse("plans:import_preview", args=[record.pk])).status_code == 403


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "Tệp trống"),
    ("binary.txt", b"\x00\x01\x02" * 500, "dữ liệu nhị phân"),
    ("scan.pdf", None, "không có lớp văn bản"),
    ("letter.txt", "Kính gửi ông Nguyễn Văn A.\nXin cảm ơn.\n".encode(), "không giống một kế hoạch"),
    ("notes.odt", b"PK\x03\x04", "Tải lên tệp .txt, .docx hoặc .pdf"),
])
def test_bad_input_gets_a_translated_message(client, users, password, name, data, message):
    if data is None:
        from weasyprint import HTML

        data = HTML(string='<div style="width:4cm;height:4cm;background:#000"></div>').write_pdf()
    _login(client, users.author, password)
    response = _upload(client, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlanImport.objects.exists() and not Plan.objects.exists()


def test_a_50_mb_upload_is_refused(client, users, password):
    _login(client, users.author, password)
    response = _upload(client, "big.txt", b"a" * (50 * 1024 * 1024))
    assert response.status_code == 200
    assert "quá lớn" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_nothing_chosen(client, users, password):
    _login(client, users.author, password)
    response = client.post(UPLOAD, {"text": "  "})
    assert "Chọn một tệp hoặc dán nội dung kế hoạch" in response.content.decode()


def _preview_post_data(response):
    """The preview form as the browser would send it back (initial values of every field)."""
    form, formset = response.context["form"], response.context["formset"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        if name == "issuers":
            data[name] = [str(v) for v in value]
        elif isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif value is True:
            data[name] = "on"
        else:
            data[name] = str(value)
    data.update({f"responsibility-{k}": v for k, v in formset.management_form.initial.items()})
    for index, responsibility in enumerate(formset.initial or []):
        if responsibility.get("keep"):
            data[f"responsibility-{index}-keep"] = "on"
        data[f"responsibility-{index}-lead_text"] = responsibility.get("lead_text", "")
        data[f"responsibility-{index}-unit"] = str(responsibility.get("unit") or "")
        data[f"responsibility-{index}-section"] = responsibility.get("section", "")
    return data


def test_preview_edit_save_round_trip(client, users, password, org, django_assert_max_num_queries):
    _login(client, users.author, password)
    data = (SEEDS_DIR / SEED_003).read_bytes()
    response = _upload(client, SEED_003, data)
    preview_url = response["Location"]
    with django_assert_max_num_queries(20):
        response = client.get(preview_url)
    assert response.status_code == 200
    post = _preview_post_data(response)
    assert "IV. Tổ chức thực hiện" in post["outline"]
    # The user corrects the title, fixes a unit and drops one deadline proposal.
    post["title"] = "Tiếp xúc, đối thoại trực tiếp với Nhân dân năm 2020"
    post["responsibility-0-unit"] = str(org.nvy.pk)
    post["keep_deadlines"] = ["0"]
    post["outline"] += "\n    - Một dòng staff thêm vào."
    response = client.post(preview_url, post)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    plan = Plan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    assert plan.status == PlanStatus.DRAFT and plan.title.endswith("với Nhân dân năm 2020")
    assert (plan.place, plan.year, plan.number, plan.symbol) == ("Lào Cai", 2020, None, "KH-SYT")
    assert plan.issued_on is None  # the day is blank in the document
    assert plan.source_file.name and plan.source_file.read() == data
    assert not plan.imported_from_ocr
    assert [s.title for s in plan.sections.all()] == ["Mục đích, yêu cầu", "Nội dung thực hiện",
                                                      "Thời gian, địa điểm, hình thức tiếp xúc",
                                                      "Tổ chức thực hiện"]
    assert plan.sections.get(order=2).intro.startswith("Lãnh đạo Sở Y tế tiếp xúc")
    first = Item.objects.get(section__order=1, parent=None, order=1)
    assert first.heading == "Mục đích" and first.style == ItemStyle.NUMBER
    assert [c.style for c in first.children.order_by("order")] == [ItemStyle.DASH, ItemStyle.DASH]
    assert Item.objects.filter(plan=plan).count() == 26 + 1  # the seed's 26 and the added line
    assert Item.objects.filter(plan=plan, text="Một dòng staff thêm vào.").exists()
    responsibilities = list(plan.responsibilities.select_related("lead_unit", "item"))
    assert [(d.lead_text, d.lead_unit) for d in responsibilities] == [
        ("Các phòng thuộc Sở", org.nvy), ("Các đơn vị y tế trong ngành", None),
        ("Trung tâm kiểm soát bệnh tật", org.cdc)]
    assert all(d.item is not None and d.item.heading == d.lead_text for d in responsibilities)
    assert [(r.text, r.purpose) for r in plan.recipients.all()][-1] == ("Lưu: VT, TTr", "lưu")
    assert plan.recipients.count() == 6
    assert plan.legal_bases.get().number == "300-KH/TU"
    assert (plan.signer_position, plan.signer_name) == ("GIÁM ĐỐC", "Hoàng Quốc Hương")
    record = PlanImport.objects.get()
    assert record.plan == plan and record.status == PlanImport.Status.SAVED
    assert [(d["recurrence"], d["day"], d["month"]) for d in record.proposals["report_deadlines"]] == [
        ("six_monthly", 5, 6)]
    # Once saved, the preview sends to the plan.
    assert client.get(preview_url)["Location"] == plan.get_absolute_url()


def test_invalid_outline_keeps_the_typed_data(client, users, password):
    _login(client, users.author, password)
    response = _upload(client, SEED_003, (SEEDS_DIR / SEED_003).read_bytes())
    preview_url = response["Location"]
    post = _preview_post_data(client.get(preview_url))
    post["outline"] = "Không có mục nào ở đây"
    post["title"] = "Tiêu đề đã sửa"
    response = client.post(preview_url, post)
    assert response.status_code == 200
    assert "Dòng 1" in response.content.decode()
    assert "Tiêu đề đã sửa" in response.content.decode()
    assert not Plan.objects.exists()


def test_ocr_import_is_flagged_and_nothing_half_saved_on_duplicate_number(client, users, password):
    _login(client, users.author, password)
    name = "002_92ce8db43b7fd2dc.txt"
    data = (SEEDS_DIR / name).read_bytes()
    first = _upload(client, name, data)["Location"]
    second = _upload(client, name, data)["Location"]
    response = client.post(first, _preview_post_data(client.get(first)))
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.imported_from_ocr and plan.number == 276 and plan.issued_on.isoformat() == "2021-01-29"
    assert plan.governing_body == "UBND TINH HA TINH"  # kept through the preview form
    items_before = Item.objects.count()
    response = client.post(second, _preview_post_data(client.get(second)))
    assert response.status_code == 200
    assert "Số văn bản này đã được sử dụng" in response.content.decode() or \
        "This document number is already used" in response.content.decode()
    assert Plan.objects.count() == 1 and Item.objects.count() == items_before


def test_pasted_text(client, users, password):
    _login(client, users.author, password)
    text = (SEEDS_DIR / "001_0f583aed0a9f887b.txt").read_text()
    response = client.post(UPLOAD, {"text": text})
    record = PlanImport.objects.get()
    assert response["Location"] == reverse("plans:import_preview", args=[record.pk])
    assert record.source == PlanImport.Source.PASTE and record.source_file.name


def test_outline_text_round_trip():
    from .accuracy import extract_seed

    sections = extract_seed("004_d7a92b727d867385")["sections"]
    again = text_to_outline(outline_to_text(sections))

    def strip(nodes):
        return [(n["style"], n["heading"], n["text"].replace("\n", " "), strip(n["items"])) for n in nodes]

    assert [(s["title"], s["intro"], strip(s["items"])) for s in again] == \
        [(s["title"], s["intro"], strip(s["items"])) for s in sections]


def test_upload_page_lists_recent_imports_in_bounded_queries(client, users, password,
                                                             django_assert_max_num_queries):
    _login(client, users.author, password)
    for _ in range(3):
        _upload(client, SEED_003, (SEEDS_DIR / SEED_003).read_bytes())
    PlanImport.objects.create(created_by=users.other_author, source_name="other.txt")
    with django_assert_max_num_queries(8):
        response = client.get(UPLOAD)
    assert response.content.decode().count(SEED_003) == 3
    assert "other.txt" not in response.content.decode()


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS_DIR.glob("*.txt")))
def test_every_seed_survives_the_preview_unchanged(client, users, password, name):
    """Saving the preview as it is shown gives the plan the structure the importer found."""
    from plans.importing.extract import walk_items

    _login(client, users.author, password)
    preview_url = _upload(client, name, (SEEDS_DIR / name).read_bytes())["Location"]
    record = PlanImport.objects.get()
    response = client.post(preview_url, _preview_post_data(client.get(preview_url)))
    assert response.status_code == 302
    plan = Plan.objects.get()
    found = record.extracted
    assert plan.sections.count() == len(found["sections"])
    assert plan.items.count() == sum(1 for _ in walk_items(found["sections"]))
    assert plan.responsibilities.count() == len(found["responsibilities"])
    assert plan.recipients.count() == len(found["recipients"])
    assert plan.legal_bases.count() == len(found["legal_bases"])
    assert plan.imported_from_ocr == found["ocr"]
    headings = {i.heading for i in plan.items.all()}
    assert all(d.item is not None and d.item.heading in headings | {""} for d in plan.responsibilities.all())


def test_the_introduction_migration_renames_the_key_of_stored_extractions(users):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("plans.migrations.0006_plan_introduction")
    record = PlanImport.objects.create(created_by=users.author, text="KẾ HOẠCH",
                                       extracted={"title": "Kế hoạch", "summary": "Sở Y tế xây dựng kế hoạch như sau:"})
    migration.forwards(apps, None)
    record.refresh_from_db()
    assert record.extracted == {"title": "Kế hoạch", "introduction": "Sở Y tế xây dựng kế hoạch như sau:"}
    migration.backwards(apps, None)
    record.refresh_from_db()
    assert record.extracted == {"title": "Kế hoạch", "summary": "Sở Y tế xây dựng kế hoạch như sau:"}
