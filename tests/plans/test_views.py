"""The plans pages: list, create and edit header, detail, workflow buttons, the htmx editor, languages."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse

from plans import services
from plans.choices import ItemStyle, PlanStatus
from plans.models import Item, LegalBasis, Plan, Recipient, Responsibility, Section
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def plan(org, users):
    plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Phối hợp công tác dân vận năm 2026",
                                                          "place": "Quảng Ngãi"})
    section = services.section_create(actor=users.author, plan=plan, title="Mục đích, yêu cầu")
    services.item_create(actor=users.author, section=section, text="Đẩy mạnh tuyên truyền.", style=ItemStyle.NUMBER)
    services.item_create(actor=users.author, section=section, text="Tăng cường dân vận.", style=ItemStyle.NUMBER)
    plan.refresh_from_db()
    return plan


def items_of(plan):
    return list(Item.objects.filter(plan=plan).order_by("order", "id"))


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def in_english(client):
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})


# --- list --------------------------------------------------------------------------------------


def test_list_needs_login(client):
    response = client.get(url("list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_list_shows_plans_with_badges_number_and_issuers_in_vietnamese(client, plan, users):
    client.force_login(users.author)
    response = client.get(url("list"))
    body = text_of(response)
    assert response.status_code == 200
    assert "Phối hợp công tác dân vận năm 2026" in body
    assert 'badge text-bg-secondary">Bản nháp<' in body
    assert "/KH-SYT" not in body  # no "/KH-SYT" before the plan is issued: "—"
    assert [row.get_cell("number") for row in response.context["table"].rows] == ["—"]
    assert "Sở Y tế" in body and "Phòng Nghiệp vụ Y" in body
    assert "Kế hoạch" in body and 'id="new-plan"' in body and "Kế hoạch mới" in body


def test_list_in_english_when_the_language_is_switched(client, plan, users):
    client.force_login(users.author)
    in_english(client)
    body = text_of(client.get(url("list")))
    assert ">Draft<" in body and "New plan" in body and "Bản nháp" not in body


def test_list_hides_the_new_button_from_a_reviewer_and_other_rooms_drafts(client, plan, users):
    client.force_login(users.other_reviewer)
    body = text_of(client.get(url("list")))
    assert 'id="new-plan"' not in body
    assert "Phối hợp công tác dân vận" not in body


def test_list_query_count_is_bounded_with_many_plans(client, org, users, django_assert_max_num_queries):
    for index in range(35):
        PlanFactory(owner_unit=org.nvy, issuers=[org.syt, org.bdv] if index % 2 else [org.syt],
                    status=PlanStatus.ISSUED if index % 3 else PlanStatus.DRAFT)
    client.force_login(users.author)
    with django_assert_max_num_queries(12):
        response = client.get(url("list"))
    assert response.status_code == 200
    assert len(response.context["table"].page.object_list) == 25
    with django_assert_max_num_queries(12):
        response = client.get(url("list"), {"page": 2, "status": "issued", "sort": "-number"})
    assert response.status_code == 200


def test_list_filters_by_accentless_search_and_status(client, plan, org, users):
    PlanFactory(owner_unit=org.nvy, title="Kế hoạch khám sức khỏe", status=PlanStatus.ISSUED)
    services.plan_reindex(Plan.objects.get(title="Kế hoạch khám sức khỏe"))
    client.force_login(users.author)
    body = text_of(client.get(url("list"), {"q": "dan van"}))
    assert "Phối hợp công tác dân vận" in body and "khám sức khỏe" not in body
    body = text_of(client.get(url("list"), {"status": "issued"}))
    assert "khám sức khỏe" in body and "Phối hợp công tác dân vận" not in body


def test_list_with_bad_filters_shows_errors_not_500(client, plan, users):
    client.force_login(users.author)
    response = client.get(url("list"), {"year": "abc", "unit": "999999", "page": "x"})
    assert response.status_code in (200, 404)
    response = client.get(url("list"), {"year": "abc", "unit": "999999"})
    assert response.status_code == 200
    assert "Nhập một số" in text_of(response) or "số nguyên" in text_of(response)


# --- create and edit the header ----------------------------------------------------------------------


def header_data(**overrides):
    data = {"kind": "general", "year": "2026", "doc_type": "KH", "place": "Quảng Ngãi",
            "title": "Kế hoạch truyền thông năm 2026", "introduction": "Sở Y tế xây dựng kế hoạch như sau:",
            "header_style": "state", "issuer_1": "", "issuer_2": "", "signer_authority": "KT.",
            "signer_position": "Phó Giám đốc", "signer_name": "Nguyễn Văn A"}
    data.update(overrides)
    return data


def test_author_creates_a_plan_and_lands_in_the_editor(client, org, users):
    client.force_login(users.author)
    assert client.get(url("create")).status_code == 200
    response = client.post(url("create"), header_data())
    plan = Plan.objects.get(title="Kế hoạch truyền thông năm 2026")
    assert response.status_code == 302 and response["Location"] == url("editor", plan.pk)
    assert plan.owner_unit == org.nvy and plan.symbol == "KH-SYT" and plan.signer_name == "Nguyễn Văn A"


def test_joint_plan_has_two_issuers_in_order(client, org, users):
    client.force_login(users.author)
    client.post(url("create"), header_data(issuer_1=org.bdv.pk, issuer_2=org.syt.pk, kind="coordination",
                                           header_style="joint"))
    plan = Plan.objects.get(title="Kế hoạch truyền thông năm 2026")
    assert [link.unit for link in plan.issuer_links.all()] == [org.bdv, org.syt]
    assert plan.symbol == "KH-BDVTU-SYT"


@pytest.mark.parametrize("user", ["reviewer", "approver", "unit_head"])
def test_create_is_refused_to_non_authors(client, users, user):
    client.force_login(getattr(users, user))
    assert client.get(url("create")).status_code == 403
    assert client.post(url("create"), header_data()).status_code == 403
    assert not Plan.objects.exists()


def test_create_with_empty_title_and_unknown_unit_shows_translated_errors_and_keeps_data(client, users):
    client.force_login(users.author)
    response = client.post(url("create"), header_data(title="", issuer_1="999999", introduction="Giữ nguyên đoạn này"))
    body = text_of(response)
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in body
    assert "Hãy chọn một lựa chọn hợp lệ" in body or "lựa chọn hợp lệ" in body
    assert "Giữ nguyên đoạn này" in body
    assert not Plan.objects.exists()


def test_edit_header_saves_with_the_version(client, plan, users):
    client.force_login(users.author)
    response = client.get(url("edit", plan.pk))
    assert response.status_code == 200 and f'name="version" value="{plan.version}"' in text_of(response)
    response = client.post(url("edit", plan.pk), header_data(title="Tên mới", version=plan.version))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Tên mới"


def test_edit_header_conflict_keeps_typed_text_and_shows_saved_values(client, plan, users):
    stale = plan.version
    services.plan_update(actor=users.author, plan=plan, expected_version=stale, data={"title": "Đã lưu bởi người khác"})
    client.force_login(users.author)
    response = client.post(url("edit", plan.pk), header_data(title="Tên tôi đang gõ", version=stale))
    body = text_of(response)
    assert response.status_code == 200
    assert "Người khác đã lưu" in body  # the translated EditConflict
    assert "Tên tôi đang gõ" in body and "Đã lưu bởi người khác" in body
    current = Plan.objects.get(pk=plan.pk)
    assert f'name="version" value="{current.version}"' in body
    assert current.title == "Đã lưu bởi người khác"


def test_edit_header_with_non_numeric_version_is_an_error_not_500(client, plan, users):
    client.force_login(users.author)
    response = client.post(url("edit", plan.pk), header_data(version="abc"))
    assert response.status_code == 200
    assert "Biểu mẫu đã cũ" in text_of(response)


def test_edit_header_refused_to_reviewer_and_hidden_from_other_rooms(client, plan, users):
    client.force_login(users.reviewer)
    assert client.get(url("edit", plan.pk)).status_code == 403
    client.force_login(users.other_author)
    assert client.get(url("edit", plan.pk)).status_code == 404


# --- detail ---------------------------------------------------------------------------------------


def test_detail_reads_like_the_official_document(client, plan, org, users):
    services.legal_basis_save(actor=users.author, plan=plan, data={"doc_type": "Kế hoạch", "number": "15/KH-UBND",
                                                                   "date": dt.date(2021, 1, 20),
                                                                   "issuer": "UBND tỉnh"})
    item = items_of(plan)[0]
    services.responsibility_save(actor=users.author, plan=plan, data={"item": item, "lead_unit": org.cdc,
                                                                      "due_date": dt.date(2026, 6, 30)},
                                 supporting_units=[org.bvdk])
    services.recipient_save(actor=users.author, plan=plan, data={"text": "Bộ Y tế", "purpose": "để báo cáo"})
    client.force_login(users.author)
    body = text_of(client.get(url("detail", plan.pk)))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body and "SỞ Y TẾ" in body
    assert "Số: " in body and "/KH-SYT" in body
    assert "Căn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2021 của UBND tỉnh." in body
    assert "I. MỤC ĐÍCH, YÊU CẦU" in body and "1. Đẩy mạnh tuyên truyền." in body and "2. Tăng cường" in body
    assert "Trung tâm Kiểm soát bệnh tật" in body and "30/06/2026" in body and "BVĐK tỉnh" in body
    assert "Nơi nhận:" in body and "- Bộ Y tế (để báo cáo);" in body and "- Lưu: VT, " in body
    assert 'id="action-submit"' in body and "Trình duyệt" in body
    assert 'id="action-approve"' not in body


@pytest.mark.parametrize("user", ["other_author", "other_head", "partner", "unit_head"])
def test_detail_of_a_draft_is_404_for_users_who_may_not_see_it(client, plan, users, user):
    client.force_login(getattr(users, user))
    assert client.get(url("detail", plan.pk)).status_code == 404


def test_detail_needs_login(client, plan):
    response = client.get(url("detail", plan.pk))
    assert response.status_code == 302 and reverse("login") in response["Location"]


# --- workflow ---------------------------------------------------------------------------------------


def test_full_journey_through_the_buttons(client, plan, users):
    client.force_login(users.author)
    response = client.post(url("submit", plan.pk), {"comment": ""})
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED

    client.force_login(users.reviewer)
    body = text_of(client.get(url("detail", plan.pk)))
    assert 'id="action-return"' in body and 'id="action-approve"' not in body
    response = client.post(url("return", plan.pk), {"comment": "Bổ sung mục II."}, follow=True)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.RETURNED

    client.force_login(users.author)
    body = text_of(client.get(url("detail", plan.pk)))
    assert 'id="return-comment-shown"' in body and "Bổ sung mục II." in body
    client.post(url("submit", plan.pk))

    client.force_login(users.approver)
    client.post(url("approve", plan.pk))
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED
    body = text_of(client.get(url("detail", plan.pk)))
    assert 'id="action-issue"' in body and 'id="issue-date"' in body
    response = client.post(url("issue", plan.pk), {"issued_on": "02/03/2026", "number": "1"}, follow=True)
    issued = Plan.objects.get(pk=plan.pk)
    assert issued.status == PlanStatus.ISSUED and issued.issued_on == dt.date(2026, 3, 2)
    body = text_of(response)
    assert "Số: 01/KH-SYT" in body and "Quảng Ngãi, ngày 02 tháng 3 năm 2026" in body  # Decree 30: "tháng 3"

    client.force_login(users.author)
    client.post(url("start", plan.pk))
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_IMPLEMENTATION
    response = client.post(url("copy", plan.pk))
    copy = Plan.objects.get(copied_from=plan)
    assert response["Location"] == url("detail", copy.pk)
    assert copy.status == PlanStatus.DRAFT and copy.year == 2027
    client.force_login(users.approver)
    client.post(url("close", plan.pk))
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.CLOSED


def test_return_without_comment_shows_a_translated_error(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    client.force_login(users.reviewer)
    response = client.post(url("return", plan.pk), {"comment": "   "}, follow=True)
    assert "Hãy ghi rõ những điểm tác giả cần sửa." in text_of(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED


def test_issue_with_a_bad_date_shows_an_error(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_approve(actor=users.approver, plan=plan)
    client.force_login(users.approver)
    response = client.post(url("issue", plan.pk), {"issued_on": "31/02/2026", "number": "1"}, follow=True)
    assert "dd/mm/yyyy" in text_of(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED


def test_submit_of_an_empty_plan_is_a_message(client, users, org):
    empty = services.plan_create(actor=users.author, data={"year": 2026, "title": "Trống"})
    client.force_login(users.author)
    response = client.post(url("submit", empty.pk), follow=True)
    assert "Hãy thêm ít nhất một phần" in text_of(response)


def test_workflow_refusals(client, plan, users):
    client.force_login(users.author)
    assert client.get(url("submit", plan.pk)).status_code == 405
    assert client.post(url("approve", plan.pk)).status_code == 403
    client.force_login(users.other_author)
    assert client.post(url("submit", plan.pk)).status_code == 404
    client.force_login(users.reviewer)
    assert client.post(url("submit", plan.pk)).status_code == 403
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT


# --- editor -----------------------------------------------------------------------------------------


def test_editor_page_for_the_author_shows_numbering_and_forms(client, plan, users):
    client.force_login(users.author)
    response = client.get(url("editor", plan.pk))
    body = text_of(response)
    section = plan.sections.get()
    assert response.status_code == 200
    assert 'id="add-section-form"' in body and f'id="add-item-form-{section.pk}"' in body
    assert ">I.</span> MỤC ĐÍCH, YÊU CẦU" in body and '"item-label">1.<' in body and '"item-label">2.<' in body
    assert "Thêm phần" in body


@pytest.mark.parametrize("user,status", [("reviewer", 403), ("approver", 403), ("other_author", 404)])
def test_editor_refused(client, plan, users, user, status):
    client.force_login(getattr(users, user))
    assert client.get(url("editor", plan.pk)).status_code == status


def test_editor_of_a_submitted_plan_sends_the_author_back_to_the_document(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    client.force_login(users.author)
    response = client.get(url("editor", plan.pk))
    assert response.status_code == 302 and response["Location"] == url("detail", plan.pk)


def test_add_section_with_htmx_returns_the_editor_partial(client, plan, users):
    client.force_login(users.author)
    response = client.post(url("section_create", plan.pk), {"title": "Nội dung phối hợp", "intro": ""}, **HTMX)
    body = text_of(response)
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="plan-editor"') and "<html" not in body
    assert "II.</span> NỘI DUNG PHỐI HỢP" in body


def test_add_section_without_javascript_redirects(client, plan, users):
    client.force_login(users.author)
    response = client.post(url("section_create", plan.pk), {"title": "Tổ chức thực hiện"})
    assert response.status_code == 302 and response["Location"].startswith(url("editor", plan.pk))
    assert plan.sections.filter(title="Tổ chức thực hiện").exists()


def test_add_section_with_empty_title_keeps_the_form_open_with_an_error(client, plan, users):
    client.force_login(users.author)
    response = client.post(url("section_create", plan.pk), {"title": "", "intro": "Đoạn mở đầu đã gõ"}, **HTMX)
    body = text_of(response)
    assert "Trường này là bắt buộc." in body and "Đoạn mở đầu đã gõ" in body
    assert plan.sections.count() == 1


def test_add_item_and_sub_item(client, plan, users):
    client.force_login(users.author)
    section = plan.sections.get()
    response = client.post(url("item_create", plan.pk, section.pk), {"style": "number", "text": "Mục ba"}, **HTMX)
    assert '"item-label">3.<' in text_of(response)
    first = items_of(plan)[0]
    response = client.post(url("item_create", plan.pk, section.pk),
                           {"style": "letter", "text": "Ý con", "parent": first.pk}, **HTMX)
    assert '"item-label">a)<' in text_of(response)
    assert Item.objects.get(text="Ý con").parent == first


def test_add_item_with_foreign_parent_or_no_text_is_an_error(client, plan, users, org):
    other = PlanFactory(owner_unit=org.nvy)
    foreign = Item.objects.create(plan=other, section=Section.objects.create(plan=other, title="X"), text="ngoài")
    client.force_login(users.author)
    section = plan.sections.get()
    response = client.post(url("item_create", plan.pk, section.pk), {"style": "number", "text": "x",
                                                                     "parent": foreign.pk})
    assert response.status_code == 200 and "không còn tồn tại" in text_of(response)
    response = client.post(url("item_create", plan.pk, section.pk), {"style": "number", "text": " "})
    assert "Hãy nhập nội dung" in text_of(response)
    assert plan.items.count() == 2


def test_edit_item_conflict_keeps_the_typed_text(client, plan, users):
    item = items_of(plan)[0]
    stale = item.version
    services.item_update(actor=users.author, item=item, expected_version=stale, text="Bản của đồng nghiệp",
                         style=ItemStyle.NUMBER)
    client.force_login(users.author)
    response = client.post(url("item_update", plan.pk, item.pk),
                           {"style": "number", "heading": "", "text": "Bản tôi đang gõ", "version": stale}, **HTMX)
    body = text_of(response)
    assert response.status_code == 200
    assert "Người khác đã lưu" in body and "Bản tôi đang gõ" in body and "Bản của đồng nghiệp" in body
    assert 'id="edit-item-form"' in body
    assert Item.objects.get(pk=item.pk).text == "Bản của đồng nghiệp"


def test_edit_item_saves_and_bad_version_is_an_error(client, plan, users):
    item = items_of(plan)[0]
    client.force_login(users.author)
    assert client.get(url("editor", plan.pk), {"edit": f"item-{item.pk}"}, **HTMX).status_code == 200
    response = client.post(url("item_update", plan.pk, item.pk),
                           {"style": "dash", "text": "Sửa lại", "version": "xyz"})
    assert "Biểu mẫu đã cũ" in text_of(response)
    response = client.post(url("item_update", plan.pk, item.pk),
                           {"style": "dash", "text": "Sửa lại", "version": item.version})
    assert response.status_code == 302
    assert Item.objects.get(pk=item.pk).text == "Sửa lại"


def test_move_indent_outdent_and_delete_items(client, plan, users):
    first, second = items_of(plan)
    client.force_login(users.author)
    client.post(url("item_move", plan.pk, second.pk), {"direction": "-1"}, **HTMX)
    assert [i.pk for i in items_of(plan)] == [second.pk, first.pk]
    response = client.post(url("item_indent", plan.pk, first.pk), **HTMX)
    assert Item.objects.get(pk=first.pk).parent_id == second.pk
    assert '"item-label">1.1.<' in text_of(response)
    client.post(url("item_outdent", plan.pk, first.pk), **HTMX)
    assert Item.objects.get(pk=first.pk).parent_id is None
    response = client.post(url("item_delete", plan.pk, second.pk))
    assert response.status_code == 302
    assert [i.pk for i in items_of(plan)] == [first.pk]


def test_indenting_the_first_item_is_a_translated_message(client, plan, users):
    first = items_of(plan)[0]
    client.force_login(users.author)
    response = client.post(url("item_indent", plan.pk, first.pk), **HTMX)
    assert "Không thể lùi vào mục đầu tiên" in text_of(response)
    response = client.post(url("item_move", plan.pk, first.pk), {"direction": "7"}, **HTMX)
    assert response.status_code == 200 and "lên hoặc xuống" in text_of(response)


def test_sections_move_update_delete(client, plan, users):
    client.force_login(users.author)
    first = plan.sections.get()
    second = services.section_create(actor=users.author, plan=plan, title="Nội dung")
    client.post(url("section_move", plan.pk, second.pk), {"direction": "-1"}, **HTMX)
    assert list(plan.sections.order_by("order").values_list("pk", flat=True)) == [second.pk, first.pk]
    response = client.post(url("section_update", plan.pk, second.pk),
                           {"title": "Nội dung phối hợp", "intro": "", "version": Section.objects.get(
                               pk=second.pk).version}, **HTMX)
    assert "NỘI DUNG PHỐI HỢP" in text_of(response)
    client.post(url("section_delete", plan.pk, first.pk), **HTMX)
    assert list(plan.sections.values_list("pk", flat=True)) == [second.pk]


def test_legal_basis_add_with_bad_date_then_good_then_delete(client, plan, users):
    client.force_login(users.author)
    data = {"lead_in": "Căn cứ", "doc_type": "Kế hoạch", "number": "15/KH-UBND", "date": "32/01/2021",
            "issuer": "UBND tỉnh", "summary": "về công tác dân vận"}
    response = client.post(url("child_create", plan.pk, "legal-bases"), data, **HTMX)
    body = text_of(response)
    assert "Nhập ngày theo dạng dd/mm/yyyy" in body and "về công tác dân vận" in body
    assert not LegalBasis.objects.exists()
    data["date"] = "20/01/2021"
    client.post(url("child_create", plan.pk, "legal-bases"), data, **HTMX)
    basis = LegalBasis.objects.get()
    assert basis.date == dt.date(2021, 1, 20)
    client.post(url("child_delete", plan.pk, "legal-bases", basis.pk), **HTMX)
    assert not LegalBasis.objects.exists()


def test_responsibility_add_edit_and_unknown_unit(client, plan, org, users):
    item = items_of(plan)[0]
    client.force_login(users.author)
    response = client.get(url("editor", plan.pk), {"edit": f"newresponsibility-{item.pk}"})
    assert 'id="add-responsibility-form"' in text_of(response)
    data = {"item": item.pk, "lead_unit": "999999", "lead_text": "", "supporting_units": [org.bvdk.pk],
            "due_date": "30/06/2026", "recurrence": "quarterly", "expected_output": "Báo cáo quý"}
    response = client.post(url("child_create", plan.pk, "responsibilities"), data, **HTMX)
    assert "lựa chọn hợp lệ" in text_of(response) and "Báo cáo quý" in text_of(response)
    data["lead_unit"] = ""
    response = client.post(url("child_create", plan.pk, "responsibilities"), data, **HTMX)
    assert "Hãy chọn đơn vị chủ trì hoặc ghi rõ ai chủ trì." in text_of(response)
    data["lead_unit"] = org.cdc.pk
    client.post(url("child_create", plan.pk, "responsibilities"), data, **HTMX)
    responsibility = Responsibility.objects.get()
    assert responsibility.item == item and responsibility.due_date == dt.date(2026, 6, 30)
    assert list(responsibility.supporting_units.all()) == [org.bvdk]
    data.update(lead_unit="", lead_text="UBND các huyện", version=responsibility.version, supporting_units=[])
    response = client.post(url("child_update", plan.pk, "responsibilities", responsibility.pk), data)
    assert response.status_code == 302
    responsibility.refresh_from_db()
    assert responsibility.lead_text == "UBND các huyện" and not responsibility.supporting_units.exists()


def test_recipient_add_edit_conflict_and_delete(client, plan, users):
    client.force_login(users.author)
    client.post(url("child_create", plan.pk, "recipients"), {"text": "Bộ Y tế", "purpose": "để báo cáo"}, **HTMX)
    recipient = Recipient.objects.get()
    stale = recipient.version
    services.recipient_save(actor=users.author, plan=plan, recipient=recipient, expected_version=stale,
                            data={"text": "UBND tỉnh"})
    response = client.post(url("child_update", plan.pk, "recipients", recipient.pk),
                           {"text": "Bộ Y tế (Vụ Pháp chế)", "purpose": "", "version": stale}, **HTMX)
    body = text_of(response)
    assert "Người khác đã lưu" in body and "Bộ Y tế (Vụ Pháp chế)" in body and "UBND tỉnh" in body
    client.post(url("child_delete", plan.pk, "recipients", recipient.pk), **HTMX)
    assert not Recipient.objects.exists()


def test_editor_actions_refused_to_others(client, plan, users):
    section = plan.sections.get()
    item = items_of(plan)[0]
    client.force_login(users.reviewer)
    assert client.post(url("section_create", plan.pk), {"title": "X"}).status_code == 403
    assert client.post(url("item_delete", plan.pk, item.pk)).status_code == 403
    client.force_login(users.other_author)
    assert client.post(url("item_create", plan.pk, section.pk), {"style": "number", "text": "X"}).status_code == 404
    assert client.post(url("child_create", plan.pk, "nonsense"), {}).status_code == 404
    assert plan.items.count() == 2


def test_editor_actions_on_a_submitted_plan_are_messages(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    item = items_of(plan)[0]
    client.force_login(users.author)
    response = client.post(url("item_delete", plan.pk, item.pk), **HTMX)
    assert response.status_code == 200 and "không thể sửa nữa" in text_of(response)
    assert Item.objects.filter(pk=item.pk).exists()


def test_editor_in_english(client, plan, users):
    client.force_login(users.author)
    in_english(client)
    body = text_of(client.get(url("editor", plan.pk)))
    assert "Add a section" in body and "Legal bases" in body


def test_editor_query_count_is_bounded(client, plan, users, org, django_assert_max_num_queries):
    section = plan.sections.get()
    for index in range(20):
        item = services.item_create(actor=users.author, section=section, text=f"Mục {index}", style="number")
        services.responsibility_save(actor=users.author, plan=plan, data={"item": item, "lead_unit": org.cdc},
                                     supporting_units=[org.bvdk])
    client.force_login(users.author)
    with django_assert_max_num_queries(30):
        assert client.get(url("editor", plan.pk)).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(url("detail", plan.pk)).status_code == 200


def test_a_reviewer_cannot_return_an_approved_plan_but_the_approver_can(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_approve(actor=users.approver, plan=plan)
    client.force_login(users.reviewer)
    assert 'id="action-return"' not in text_of(client.get(url("detail", plan.pk)))
    assert client.post(url("return", plan.pk), {"comment": "Xem lại"}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED and not plan.transitions.filter(to_status="returned").exists()

    client.force_login(users.approver)
    assert 'id="action-return"' in text_of(client.get(url("detail", plan.pk)))
    client.post(url("return", plan.pk), {"comment": "Xem lại mục II."})
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.RETURNED


def test_the_reviewer_forwards_from_the_plan_page_and_the_opinion_is_in_the_workflow_steps(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    client.force_login(users.reviewer)
    body = text_of(client.get(url("detail", plan.pk)))
    assert 'id="action-forward"' in body and "Trình lãnh đạo" in body
    response = client.post(url("forward", plan.pk), {"comment": ""}, follow=True)
    assert "Hãy ghi ý kiến của bạn để trình lãnh đạo." in text_of(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED
    response = client.post(url("forward", plan.pk), {"comment": "Đồng ý, kính trình Giám đốc."}, follow=True)
    body = text_of(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.FORWARDED
    assert "Đã trình lãnh đạo" in body and "Đồng ý, kính trình Giám đốc." in body
    assert 'id="action-forward"' not in body and 'id="action-return"' not in body
    assert client.post(url("return", plan.pk), {"comment": "Rút lại"}).status_code == 403

    client.force_login(users.approver)
    body = text_of(client.get(url("detail", plan.pk)))
    assert 'id="action-approve"' in body and 'id="action-return"' in body and 'id="action-forward"' not in body
    assert client.post(url("forward", plan.pk), {"comment": "Đồng ý"}).status_code == 403
    client.post(url("approve", plan.pk))
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED


def test_issuing_shows_the_number_to_confirm_and_takes_it_only_on_confirmation(client, plan, users, org):
    from plans.models import DocumentNumber
    from plans.selectors import next_document_number

    services.plan_submit(actor=users.author, plan=plan)
    services.plan_approve(actor=users.approver, plan=plan)
    DocumentNumber.objects.create(year=2026, doc_type="KH", issuer=org.syt, last_number=4)
    assert next_document_number(plan) == 5
    client.force_login(users.approver)
    response = client.get(url("issue_confirm", plan.pk), {"issued_on": "02/03/2026", "comment": ""})
    body = text_of(response)
    assert response.status_code == 200
    assert re.search(r"Số sẽ cấp:.*05/KH-SYT", body) and 'id="action-issue-confirm"' in body
    assert re.search(r'id="issue-signer">.*' + re.escape(str(users.approver)), body)  # the approver signs
    assert DocumentNumber.objects.get(year=2026, issuer=org.syt).last_number == 4  # only a peek
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED

    # without the confirmation page's number, nothing is issued
    response = client.post(url("issue", plan.pk), {"issued_on": "02/03/2026"}, follow=True)
    assert "Hãy xác nhận số văn bản ở trang xác nhận trước." in text_of(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED

    # another document took 05 meanwhile: refused, number given back, the new number to confirm
    DocumentNumber.objects.filter(year=2026, issuer=org.syt).update(last_number=5)
    response = client.post(url("issue", plan.pk), {"issued_on": "02/03/2026", "number": "5"}, follow=True)
    assert "kế hoạch sẽ nhận số 6" in text_of(response)
    assert Plan.objects.get(pk=plan.pk).number is None
    assert DocumentNumber.objects.get(year=2026, issuer=org.syt).last_number == 5

    client.post(url("issue", plan.pk), {"issued_on": "02/03/2026", "number": "6"})
    issued = Plan.objects.get(pk=plan.pk)
    assert (issued.status, issued.number_display) == (PlanStatus.ISSUED, "06/KH-SYT")


def test_the_issue_confirmation_with_a_bad_date_goes_back_with_an_error(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_approve(actor=users.approver, plan=plan)
    client.force_login(users.approver)
    response = client.get(url("issue_confirm", plan.pk), {"issued_on": "31/02/2026"}, follow=True)
    assert response.redirect_chain[-1][0] == url("detail", plan.pk)
    assert "dd/mm/yyyy" in text_of(response)
