import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import translation

from plans import services
from plans.choices import ItemStyle, PlanStatus, Recurrence
from plans.models import DocumentNumber, Item, Plan, PlanTransition
from plans.outline import outline_as_text
from plans.selectors import plan_outline
from tests.factories import ItemFactory, PlanFactory, ResponsibilityFactory, SectionFactory

pytestmark = pytest.mark.django_db

ISSUE_DAY = dt.date(2026, 3, 2)


@pytest.fixture
def plan(org, users):
    plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Phối hợp công tác dân vận năm 2026",
                                                          "place": "Quảng Ngãi"})
    section = services.section_create(actor=users.author, plan=plan, title="Mục đích, yêu cầu")
    services.item_create(actor=users.author, section=section, text="Đẩy mạnh tuyên truyền.", style=ItemStyle.DASH)
    plan.refresh_from_db()
    return plan


def test_new_plan_is_a_draft_of_the_authors_room_issued_by_the_department(plan, org, users):
    assert plan.status == PlanStatus.DRAFT
    assert plan.owner_unit == org.nvy
    assert [link.unit for link in plan.issuer_links.all()] == [org.syt]
    assert plan.number_display == "/KH-SYT"


def test_full_workflow_records_each_step_and_issues_a_number(plan, users):
    plan = services.plan_submit(actor=users.author, plan=plan)
    plan = services.plan_return(actor=users.reviewer, plan=plan, comment="Bổ sung mục II.")
    assert plan.status == PlanStatus.RETURNED
    plan = services.plan_submit(actor=users.author, plan=plan)
    plan = services.plan_approve(actor=users.approver, plan=plan)
    plan = services.plan_issue(actor=users.approver, plan=plan, issued_on=ISSUE_DAY)
    assert plan.status == PlanStatus.ISSUED
    assert plan.number == 1 and plan.number_display == "01/KH-SYT"
    assert plan.issued_on == ISSUE_DAY
    plan = services.plan_start_implementation(actor=users.author, plan=plan)
    plan = services.plan_close(actor=users.approver, plan=plan)
    steps = list(PlanTransition.objects.filter(plan=plan).order_by("id").values_list("to_status", "actor__username"))
    assert steps == [
        ("submitted", "chuyenvien"), ("returned", "truongphong"), ("submitted", "chuyenvien"),
        ("approved", "giamdoc"), ("issued", "giamdoc"), ("in_implementation", "chuyenvien"), ("closed", "giamdoc"),
    ]
    assert PlanTransition.objects.get(plan=plan, to_status="returned").comment == "Bổ sung mục II."


def test_return_needs_a_comment(plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    with pytest.raises(ValidationError) as error, translation.override("vi"):
        services.plan_return(actor=users.reviewer, plan=plan, comment="  ")
    assert error.value.messages == ["Hãy ghi rõ những điểm tác giả cần sửa."]
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED


def test_empty_plan_cannot_be_submitted(org, users):
    plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Trống"})
    with pytest.raises(ValidationError):
        services.plan_submit(actor=users.author, plan=plan)


@pytest.mark.parametrize(
    "action, status, allowed, refused",
    [
        ("plan_submit", PlanStatus.DRAFT, ["author", "admin"],
         ["reviewer", "approver", "unit_head", "other_author", "partner"]),
        ("plan_approve", PlanStatus.SUBMITTED, ["approver", "admin"],
         ["author", "reviewer", "unit_head", "other_reviewer", "partner"]),
        ("plan_issue", PlanStatus.APPROVED, ["approver", "admin"],
         ["author", "reviewer", "unit_head", "other_author", "partner"]),
        ("plan_start_implementation", PlanStatus.ISSUED, ["author", "approver", "admin"],
         ["reviewer", "unit_head", "other_author", "partner"]),
        ("plan_close", PlanStatus.IN_IMPLEMENTATION, ["author", "approver", "admin"],
         ["reviewer", "unit_head", "other_author", "partner"]),
    ],
)
def test_each_transition_is_allowed_only_to_its_roles(plan, users, action, status, allowed, refused):
    Plan.objects.filter(pk=plan.pk).update(status=status, number=7 if status != PlanStatus.APPROVED else None)
    kwargs = {"issued_on": ISSUE_DAY} if action == "plan_issue" else {}
    for name in refused:
        plan.refresh_from_db()
        with pytest.raises(PermissionDenied):
            getattr(services, action)(actor=getattr(users, name), plan=plan, **kwargs)
    for name in allowed:
        Plan.objects.filter(pk=plan.pk).update(status=status, number=None)
        plan.refresh_from_db()
        getattr(services, action)(actor=getattr(users, name), plan=plan, **kwargs)


@pytest.mark.parametrize("name, allowed", [("reviewer", True), ("approver", True), ("other_reviewer", False),
                                           ("author", False), ("unit_head", False)])
def test_return_is_for_reviewers_of_the_room_and_leadership(plan, users, name, allowed):
    services.plan_submit(actor=users.author, plan=plan)
    if allowed:
        assert services.plan_return(actor=getattr(users, name), plan=plan, comment="Sửa").status == "returned"
    else:
        with pytest.raises(PermissionDenied):
            services.plan_return(actor=getattr(users, name), plan=plan, comment="Sửa")


def test_a_reviewer_may_not_return_a_plan_the_director_approved(plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_approve(actor=users.approver, plan=plan)
    with pytest.raises(PermissionDenied):
        services.plan_return(actor=users.reviewer, plan=plan, comment="Xem lại")
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED
    assert services.plan_return(actor=users.approver, plan=plan, comment="Xem lại").status == PlanStatus.RETURNED


def test_a_submitted_plan_cannot_be_edited(plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    plan.refresh_from_db()
    with pytest.raises(ValidationError):
        services.section_create(actor=users.author, plan=plan, title="Thêm")


def test_issue_numbers_count_per_year_type_and_issuer(org, users):
    numbers = []
    for year in (2026, 2026, 2027):
        plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.APPROVED, issuers=[org.syt])
        plan = services.plan_issue(actor=users.approver, plan=plan, issued_on=dt.date(year, 5, 1))
        numbers.append((year, plan.number))
    assert numbers == [(2026, 1), (2026, 2), (2027, 1)]


def test_a_failed_issue_gives_its_number_back(org, users):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.APPROVED, issuers=[org.syt])
    with pytest.raises(RuntimeError):
        from django.db import transaction

        with transaction.atomic():
            services.plan_issue(actor=users.approver, plan=plan, issued_on=ISSUE_DAY)
            raise RuntimeError("the printer caught fire")
    plan.refresh_from_db()
    assert plan.number is None
    assert services.plan_issue(actor=users.approver, plan=plan, issued_on=ISSUE_DAY).number == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_get_distinct_consecutive_numbers(org, users):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    plans = [PlanFactory(owner_unit=org.nvy, status=PlanStatus.APPROVED, issuers=[org.syt]) for _ in range(8)]
    barrier = threading.Barrier(len(plans))
    errors = []

    def issue(plan):
        try:
            barrier.wait()
            services.plan_issue(actor=users.approver, plan=plan, issued_on=ISSUE_DAY)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(p,)) for p in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Plan.objects.filter(pk__in=[p.pk for p in plans]).values_list("number", flat=True))
    assert numbers == list(range(1, 9))
    assert DocumentNumber.objects.get(year=2026, doc_type="KH", issuer=org.syt).last_number == 8


def test_stale_edit_is_refused_and_nothing_is_overwritten(plan, users):
    item = Item.objects.get(plan=plan)
    loaded_version = item.version
    services.item_update(actor=users.author, item=item, expected_version=loaded_version, text="Bản của người thứ nhất",
                         style=ItemStyle.DASH)
    with pytest.raises(services.EditConflict):
        services.item_update(actor=users.author, item=item, expected_version=loaded_version,
                             text="Bản của người thứ hai", style=ItemStyle.DASH)
    item.refresh_from_db()
    assert item.text == "Bản của người thứ nhất"


def test_stale_header_edit_is_refused(plan, users):
    version = plan.version
    services.plan_update(actor=users.author, plan=plan, expected_version=version, data={"title": "Tiêu đề A"})
    with pytest.raises(services.EditConflict):
        services.plan_update(actor=users.author, plan=plan, expected_version=version, data={"title": "Tiêu đề B"})
    plan.refresh_from_db()
    assert plan.title == "Tiêu đề A"


def test_every_change_is_in_history_with_its_author(plan, users):
    item = Item.objects.get(plan=plan)
    services.item_update(actor=users.author, item=item, expected_version=item.version, text="Sửa lần 1",
                         style=ItemStyle.DASH)
    records = list(Item.history.filter(id=item.pk).order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert records[-1].history_user == users.author
    assert records[-1].text == "Sửa lần 1"
    assert Plan.history.filter(id=plan.pk).count() >= 3


def test_numbering_follows_order_and_depth(org, users):
    plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Đánh số"})
    s1 = services.section_create(actor=users.author, plan=plan, title="Mục đích, yêu cầu")
    s2 = services.section_create(actor=users.author, plan=plan, title="Nội dung")
    one = services.item_create(actor=users.author, section=s2, text="Một", style=ItemStyle.NUMBER)
    two = services.item_create(actor=users.author, section=s2, text="Hai", style=ItemStyle.NUMBER)
    services.item_create(actor=users.author, section=s2, text="Hai chấm một", style=ItemStyle.NUMBER, parent=two)
    services.item_create(actor=users.author, section=s2, text="gạch", style=ItemStyle.DASH, parent=two)
    services.item_create(actor=users.author, section=s1, text="a", style=ItemStyle.LETTER)
    text = outline_as_text(plan_outline(plan))
    assert text.splitlines() == [
        "I. Mục đích, yêu cầu", "a) a", "II. Nội dung", "1. Một", "2. Hai", "    2.1. Hai chấm một", "    - gạch",
    ]
    services.item_move(actor=users.author, item=two, direction=-1)
    services.item_indent(actor=users.author, item=Item.objects.get(pk=one.pk))
    lines = outline_as_text(plan_outline(plan)).splitlines()
    assert lines[3:] == ["1. Hai", "    1.1. Hai chấm một", "    - gạch", "    1.2. Một"]
    services.item_outdent(actor=users.author, item=Item.objects.get(pk=one.pk))
    assert outline_as_text(plan_outline(plan)).splitlines()[3:] == [
        "1. Hai", "    1.1. Hai chấm một", "    - gạch", "2. Một"]


def test_copy_to_next_year_keeps_structure_and_moves_dates(org, users):
    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, number=5, issued_on=dt.date(2026, 1, 29),
                       title="Kế hoạch dân vận năm 2026", year=2026, issuers=[org.bdv, org.syt],
                       governing_body="UBND TỈNH QUẢNG NGÃI", signer_authority="KT.", signer_name="Trần Văn A")
    section = SectionFactory(plan=plan, title="Nội dung năm 2026")
    parent = ItemFactory(section=section, text="Tổng kết vào tháng 12/2026")
    child = ItemFactory(section=section, parent=parent, style=ItemStyle.DASH)
    responsibility = ResponsibilityFactory(item=child, lead_unit=org.cdc, due_date=dt.date(2026, 2, 28),
                                 recurrence=Recurrence.QUARTERLY)
    responsibility.supporting_units.set([org.bvdk])
    copy = services.plan_copy_to_next_year(actor=users.author, plan=plan)
    assert (copy.status, copy.year, copy.number, copy.issued_on) == (PlanStatus.DRAFT, 2027, None, None)
    assert copy.title == "Kế hoạch dân vận năm 2027"
    assert (copy.governing_body, copy.signer_authority, copy.signer_name) == (
        "UBND TỈNH QUẢNG NGÃI", "KT.", "Trần Văn A")
    assert [link.unit for link in copy.issuer_links.all()] == [org.bdv, org.syt]
    assert copy.copied_from == plan
    new_child = Item.objects.get(plan=copy, parent__isnull=False)
    assert new_child.parent.text == "Tổng kết vào tháng 12/2027"
    new = copy.responsibilities.get()
    assert (new.item, new.lead_unit, new.due_date, new.recurrence) == (
        new_child, org.cdc, dt.date(2027, 2, 28), Recurrence.QUARTERLY)
    assert list(new.supporting_units.all()) == [org.bvdk]
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.ISSUED


def test_draft_cannot_be_copied(plan, users):
    with pytest.raises(PermissionDenied):
        services.plan_copy_to_next_year(actor=users.author, plan=plan)


def test_a_change_of_issuers_is_in_the_history(plan, org, users):
    from plans.history import plan_history

    services.plan_update(actor=users.author, plan=plan, expected_version=plan.version, data={},
                         issuers=[org.bdv, org.syt])
    plan.refresh_from_db()
    assert plan.symbol == "KH-BDVTU-SYT"
    with translation.override("vi"):
        entries = [(e.what, e.label, e.who) for e in plan_history(plan) if e.kind != "workflow"]
    assert ("Cơ quan ban hành", "Ban Dân vận Tỉnh ủy", users.author) in entries
    with pytest.raises(ValidationError):
        services.plan_update(actor=users.author, plan=plan, expected_version=plan.version, data={},
                             issuers=[org.syt, org.syt])


# --- forwarding to leadership ---------------------------------------------------------------------


def test_a_reviewer_forwards_a_submitted_plan_with_an_opinion_and_leadership_approves_it(plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    plan = services.plan_forward(actor=users.reviewer, plan=plan, comment="Đồng ý, kính trình Giám đốc.")
    assert plan.status == PlanStatus.FORWARDED
    step = PlanTransition.objects.filter(plan=plan).first()
    assert (step.from_status, step.to_status, step.actor, step.comment) == (
        PlanStatus.SUBMITTED, PlanStatus.FORWARDED, users.reviewer, "Đồng ý, kính trình Giám đốc.")
    assert services.plan_approve(actor=users.approver, plan=plan).status == PlanStatus.APPROVED


def test_forwarding_needs_an_opinion_and_the_room_s_reviewer(plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    with pytest.raises(ValidationError) as error, translation.override("vi"):
        services.plan_forward(actor=users.reviewer, plan=plan, comment=" ")
    assert error.value.messages == ["Hãy ghi ý kiến của bạn để trình lãnh đạo."]
    for name in ("author", "approver", "other_reviewer", "unit_head"):
        with pytest.raises(PermissionDenied):
            services.plan_forward(actor=getattr(users, name), plan=plan, comment="Đồng ý")
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED


def test_a_forwarded_plan_is_returned_by_leadership_only(plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_forward(actor=users.reviewer, plan=plan, comment="Đồng ý")
    plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.plan_return(actor=users.reviewer, plan=plan, comment="Rút lại")
    with pytest.raises(PermissionDenied):
        services.plan_forward(actor=users.reviewer, plan=plan, comment="Lần nữa")
    assert services.plan_return(actor=users.approver, plan=plan, comment="Sửa mục II").status == PlanStatus.RETURNED
