"""``manage.py load_demo``: idempotent, the seed plans entered faithfully, every demo user can log in."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from plans.choices import HeaderStyle, ItemStyle, PlanStatus, RecipientPurpose, Recurrence, SignerAuthority
from plans.demo import loader, org
from plans.importing.models import PlanImport
from plans.models import (
    DocumentNumber,
    Item,
    LegalBasis,
    Plan,
    PlanTransition,
    Recipient,
    Responsibility,
    Section,
    Unit,
    User,
)
from plans.text import fold

pytestmark = pytest.mark.django_db

COUNTED = (Unit, User, Plan, Section, Item, LegalBasis, Responsibility, Recipient, PlanTransition, DocumentNumber)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """``load_demo`` once for the module (it takes seconds), in a transaction rolled back at the end.

    Each test runs in its own savepoint inside it, so what a test changes is undone before the next one.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def seed_plan(number: str) -> Plan:
    demo_plan = loader.SEED_PLANS[number]
    return Plan.objects.get(title=demo_plan.title, year=demo_plan.year)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


SEEDS = 5  # the five seed files, kept as import records; 002, which has no hand-entered plan, saved as its plan
RECORDS_ONLY = 4


def test_each_seed_is_one_plan_and_the_imports_are_records_with_their_preview(demo, client):
    imported = Plan.objects.exclude(source_file="")  # no garbled second draft of a seed that has its clean plan
    assert [p.imports.get().source_name[:3] for p in imported] == ["002"]
    for number, demo_plan in loader.SEED_PLANS.items():
        assert Plan.objects.filter(title=demo_plan.title, year=demo_plan.year).count() == 1, number
    records = PlanImport.objects.filter(created_by__username=loader.IMPORTING_USER).order_by("source_name")
    assert [r.source_name[:3] for r in records] == ["000", "001", "002", "003", "004"]
    assert [r.status for r in records] == [PlanImport.Status.PREVIEW] * 2 + [PlanImport.Status.SAVED] + [
        PlanImport.Status.PREVIEW] * 2
    assert {r.source_name[:3] for r in records if r.imported_from_ocr} >= {"000", "002"}
    client.force_login(User.objects.get(username=loader.IMPORTING_USER))
    page = client.get(reverse("plans:import_upload")).content.decode()
    for record in records.filter(status=PlanImport.Status.PREVIEW):
        assert reverse("plans:import_preview", args=[record.pk]) in page
    preview = client.get(reverse("plans:import_preview", args=[records[0].pk]), follow=True)
    assert preview.status_code == 200 and "dan van" in fold(preview.content.decode())  # 000, the OCR'd 001
    saved = client.get(reverse("plans:import_preview", args=[records[2].pk]), follow=True)  # 002: its plan
    assert saved.redirect_chain[-1][0] == records[2].plan.get_absolute_url()
    assert "thi dua" in fold(saved.content.decode())


def test_a_draft_saved_from_a_seed_by_an_older_demo_becomes_an_import_record_again(demo):
    from plans.importing.demo import import_seeds

    author = User.objects.get(username=loader.IMPORTING_USER)
    PlanImport.objects.exclude(source_name__startswith="002_").delete()  # 002 stays: its import is its plan
    import_seeds(actor=author)  # what load_demo did before: every other seed saved as a garbled draft
    assert Plan.objects.exclude(source_file="").count() == SEEDS
    call_command("load_demo", verbosity=0)
    left = Plan.objects.filter(imports__created_by=author, status="draft").exclude(source_file="")
    assert [p.imports.get().source_name[:3] for p in left] == ["002"]  # the one seed without its own clean plan
    assert PlanImport.objects.filter(created_by=author, status=PlanImport.Status.PREVIEW).count() == RECORDS_ONLY


def test_running_load_demo_twice_creates_no_duplicates(demo):
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first and PlanImport.objects.count() == SEEDS
    assert first["Plan"] == len(loader.DEMO_PLANS) + 1  # and seed 002's plan, from its import
    assert first["Unit"] == len(org.UNITS)
    assert first["User"] == len(org.USERS)


def test_reset_rebuilds_the_plans_with_the_same_numbers(demo):
    numbers = sorted(Plan.objects.exclude(number=None).values_list("year", "number", "symbol"))
    call_command("load_demo", "--reset", verbosity=0)
    assert Plan.objects.count() == len(loader.DEMO_PLANS) + 1  # and seed 002 through the importer
    assert sorted(Plan.objects.exclude(number=None).values_list("year", "number", "symbol")) == numbers


def test_seed_001_is_a_joint_plan_with_four_sections_and_every_item(demo):
    plan = seed_plan("001")
    assert plan.header_style == HeaderStyle.JOINT
    assert [link.unit.code for link in plan.issuer_links.all()] == ["bdvtu", "syt"]
    assert [s.title for s in plan.sections.all()] == [
        "Mục đích, yêu cầu", "Nội dung phối hợp", "Trách nhiệm của các cơ quan", "Tổ chức thực hiện"]
    # I: 3 dashes; II: 6 numbered; III: 2 headings with 4 dashes each; IV: 3 numbered, 1 continuation, 1 closing
    assert plan.items.count() == 3 + 6 + (2 + 4 + 4) + (3 + 1 + 1) == 24
    heading = plan.items.get(heading="Ban Dân vận Tỉnh ủy")
    assert heading.style == ItemStyle.NUMBER and heading.children.count() == 4
    assert set(heading.children.values_list("style", flat=True)) == {ItemStyle.DASH}
    assert plan.legal_bases.get().number == "10-KH/BDVTU-BCSDUBND"
    recurrences = set(plan.responsibilities.values_list("recurrence", flat=True))
    assert {Recurrence.QUARTERLY, Recurrence.SIX_MONTHLY} <= recurrences
    assert plan.responsibilities.filter(due_date=dt.date(2021, 12, 31), lead_unit__code="syt").exists()
    assert plan.status == PlanStatus.IN_IMPLEMENTATION
    assert plan.number_display == "01/KH-BDVTU-SYT"


def test_seed_003_has_its_recipients_signer_and_report_deadlines(demo):
    plan = seed_plan("003")
    assert plan.place == "Lào Cai"
    assert (plan.signer_authority, plan.signer_position, plan.signer_name) == (
        SignerAuthority.NONE, "GIÁM ĐỐC", "Hoàng Quốc Hương")
    assert list(plan.recipients.values_list("text", "purpose")) == [
        ("Ban Dân vận Tỉnh ủy", ""), ("Thanh tra tỉnh", ""), ("BGD Sở", ""), ("Các đơn vị trực thuộc Sở", ""),
        ("Các phòng thuộc Sở", ""), ("VT, TTr", RecipientPurpose.ARCHIVE)]
    assert plan.owner_unit.code == "ttra"
    assert sorted(plan.responsibilities.exclude(due_date=None).values_list("due_date", flat=True)) == [
        dt.date(2020, 6, 5), dt.date(2020, 11, 25)]
    assert plan.status == PlanStatus.ISSUED
    assert plan.issued_on == dt.date(2020, 3, 10) and plan.number_display == "01/KH-SYT"
    assert [t.to_status for t in plan.transitions.order_by("id")] == [
        PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.ISSUED]


def test_seed_004_divides_the_duties_between_units(demo):
    plan = seed_plan("004")
    assert (plan.signer_authority, plan.signer_position, plan.signer_name) == (
        SignerAuthority.KT, "PHÓ GIÁM ĐỐC", "Trần Quang Hào")
    responsibilities = plan.responsibilities.select_related("lead_unit")
    leads = {d.lead_unit.code for d in responsibilities if d.lead_unit}
    assert {"tccb", "ttkscb", "syt", "ttra", "bvdk"} <= leads
    union = responsibilities.get(lead_unit__code="syt", supporting_units__code="cdyt")
    assert "Công đoàn Y tế Đắk Nông" in union.item.text
    reports = responsibilities.filter(lead_text="Ban Chỉ đạo các cấp").order_by("due_date")
    assert [(d.due_date, d.recurrence) for d in reports] == [
        (dt.date(2023, 6, 15), Recurrence.ANNUAL), (dt.date(2023, 12, 15), Recurrence.ANNUAL)]
    assert plan.legal_bases.count() == 6
    assert plan.sections.count() == 3
    assert plan.items.count() == loader.SEED_PLANS["004"].count_items()
    assert plan.issued_on == dt.date(2023, 2, 16)


def test_every_demo_user_can_log_in(db, client):
    units, _created = loader.load_units()  # the units and users of load_demo, without its plans
    loader.load_users(units)
    for username, *_rest in org.USERS:
        response = client.post(reverse("login"), {"username": username, "password": org.PASSWORD})
        assert response.status_code == 302, username
        assert "_auth_user_id" in client.session
        client.logout()
    admin = User.objects.get(username="quantri")
    assert admin.is_staff and admin.is_superuser
    author = User.objects.get(username="nvy.chuyenvien")
    assert (author.get_full_name(), author.unit.code, author.roles) == ("Nguyễn Thị Lan", "nvy", {"author"})
