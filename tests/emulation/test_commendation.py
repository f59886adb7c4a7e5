"""Registrations (states, refusal with a reason, year-end self-evaluation) and nominations checked against the
achievement record, with the council's review."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from emulation import commendation
from emulation.models import Achievement, Nomination, Registration

pytestmark = pytest.mark.django_db


def _register(users, org, **data):
    return commendation.registration_save(actor=users.unit_head, unit=org.cdc, data={
        "year": 2026, "title": "tt_ldxs", "commitments": "Hoàn thành 100 % chỉ tiêu tiêm chủng.", **data})


def test_a_registration_goes_from_not_sent_to_waiting_refused_with_a_reason_and_approved(users, org):
    registration = _register(users, org)
    assert registration.status == "not_sent"
    commendation.registration_send(actor=users.unit_head, registration=registration)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        commendation.registration_decide(actor=users.approver, registration=registration, approve=False)
    assert error.value.messages == [
        "Hãy nêu lý do từ chối: đơn vị hoàn thiện bản đăng ký và gửi lại."]
    refused = commendation.registration_decide(actor=users.approver, registration=registration, approve=False,
                                               reason="Bổ sung cam kết về cải cách hành chính.")
    assert (refused.status, refused.refusal_reason) == ("refused", "Bổ sung cam kết về cải cách hành chính.")
    commendation.registration_save(actor=users.unit_head, unit=org.cdc, registration=refused, data={
        "commitments": "Hoàn thành 100 % chỉ tiêu; đạt loại tốt cải cách hành chính."})
    commendation.registration_send(actor=users.unit_head, registration=refused)
    approved = commendation.registration_decide(actor=users.approver, registration=refused, approve=True)
    assert (approved.status, approved.refusal_reason) == ("approved", "")


def test_only_the_units_head_registers_and_only_leadership_over_it_decides(users, org):
    with translation.override("vi"), pytest.raises(PermissionDenied) as error:
        commendation.registration_save(actor=users.other_head, unit=org.cdc,
                                       data={"year": 2026, "title": "tt_ldtt", "commitments": "x"})
    assert str(error.value) == "Bạn chỉ được đăng ký cho đơn vị của mình."
    registration = _register(users, org)
    commendation.registration_send(actor=users.unit_head, registration=registration)
    with pytest.raises(PermissionDenied):
        commendation.registration_decide(actor=users.other_reviewer, registration=registration, approve=True)
    with pytest.raises(PermissionDenied):
        commendation.registration_decide(actor=users.unit_head, registration=registration, approve=True)


def test_a_person_registers_an_individual_title_and_a_unit_a_collective_one(users, org):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        _register(users, org, title="cstd_cs")
    assert error.value.message_dict["person_name"] == ["Danh hiệu cá nhân cần ghi họ tên người đăng ký."]
    person = _register(users, org, title="cstd_cs", person_name="Nguyễn Thị Hạnh")
    assert person.get_title_display() == "Chiến sĩ thi đua cơ sở"


def test_the_year_end_self_evaluation_opens_in_november_for_an_approved_registration(users, org):
    registration = _register(users, org)
    with pytest.raises(ValidationError):
        commendation.registration_evaluate(actor=users.unit_head, registration=registration, text="Đã đạt.",
                                           today=dt.date(2026, 12, 1))
    commendation.registration_send(actor=users.unit_head, registration=registration)
    commendation.registration_decide(actor=users.approver, registration=registration, approve=True)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        commendation.registration_evaluate(actor=users.unit_head, registration=registration, text="Đã đạt.",
                                           today=dt.date(2026, 6, 30))
    assert error.value.messages == ["Tự đánh giá cuối năm mở từ ngày 01/11/2026."]
    commendation.registration_evaluate(actor=users.unit_head, registration=registration,
                                       text="Cam kết 1: đạt 100 %.", today=dt.date(2026, 11, 20))
    assert Registration.objects.get().self_evaluation == "Cam kết 1: đạt 100 %."


def _nominate(users, org, **data):
    return commendation.nomination_create(actor=users.unit_head, unit=org.cdc, data={
        "year": 2026, "title": "cstd_tinh", "person_name": "Nguyễn Thị Hạnh",
        "evidence": "Sáng kiến cấp cơ sở năm 2025.", **data})


def test_a_title_needing_consecutive_lower_titles_is_checked_against_the_achievement_record(users, org):
    Achievement.objects.create(unit=org.cdc, person_name="Nguyễn Thị Hạnh", title="cstd_cs", year=2023)
    Achievement.objects.create(unit=org.cdc, person_name="Nguyễn Thị Hạnh", title="cstd_cs", year=2025)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        _nominate(users, org)
    assert error.value.message_dict["title"] == [
        "Chiến sĩ thi đua cấp tỉnh cần 3 năm liên tục đạt Chiến sĩ thi đua cơ sở trước năm 2026; "
        "hồ sơ thành tích còn thiếu năm 2024."]
    Achievement.objects.create(unit=org.cdc, person_name="Nguyễn Thị Hạnh", title="cstd_cs", year=2024)
    assert _nominate(users, org).status == "proposed"


def test_the_council_accepts_into_the_record_or_rejects_with_a_reason(users, org):
    nomination = _nominate(users, org, title="cstd_cs")
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        commendation.nomination_review(actor=users.approver, nomination=nomination, accept=False)
    assert error.value.messages == ["Hãy nêu lý do hồ sơ không đạt danh hiệu."]
    with pytest.raises(PermissionDenied):
        commendation.nomination_review(actor=users.unit_head, nomination=nomination, accept=True)
    commendation.nomination_review(actor=users.approver, nomination=nomination, accept=True)
    assert list(Achievement.objects.values_list("person_name", "title", "year")) == [
        ("Nguyễn Thị Hạnh", "cstd_cs", 2026)]
    other = _nominate(users, org, title="ldtt", person_name="Trần Văn Nam")
    rejected = commendation.nomination_review(actor=users.approver, nomination=other, accept=False,
                                              reason="Chưa hoàn thành nhiệm vụ được giao.")
    assert (rejected.status, rejected.review_reason) == ("rejected", "Chưa hoàn thành nhiệm vụ được giao.")
    with pytest.raises(ValidationError):
        commendation.nomination_review(actor=users.approver, nomination=other, accept=True)
    assert Nomination.objects.count() == 2


def test_the_registration_page_lists_the_units_rows_with_bounded_queries_and_exports(
        client, users, org, django_assert_max_num_queries):
    from django.urls import reverse

    for n in range(12):
        _register(users, org, title="cstd_cs", person_name=f"Cán bộ {n}")
    client.force_login(users.unit_head)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("emulation:registrations"))
    assert len(response.context["rows"]) == 12
    assert client.get(reverse("emulation:registrations") + "?format=xlsx").status_code == 200
    client.force_login(users.other_head)
    assert list(client.get(reverse("emulation:registrations")).context["rows"]) == []


def test_registering_and_refusing_through_the_pages(client, users, org):
    from django.urls import reverse

    client.force_login(users.unit_head)
    response = client.post(reverse("emulation:registrations"), {
        "year": "2026", "title": "cstd_cs", "person_name": "", "commitments": "Đạt 100 % chỉ tiêu."},
        HTTP_ACCEPT_LANGUAGE="vi")
    assert "Danh hiệu cá nhân cần ghi họ tên người đăng ký." in response.content.decode()
    assert "Đạt 100 % chỉ tiêu." in response.content.decode()  # what was typed is kept
    client.post(reverse("emulation:registrations"), {"year": "2026", "title": "tt_ldxs", "person_name": "",
                                                     "commitments": "Đạt 100 % chỉ tiêu."})
    registration = Registration.objects.get()
    client.post(reverse("emulation:registration_action", args=[registration.pk]), {"action": "send"})
    client.force_login(users.approver)
    client.post(reverse("emulation:registration_action", args=[registration.pk]),
                {"action": "refuse", "reason": "Bổ sung cam kết."})
    registration.refresh_from_db()
    assert (registration.status, registration.refusal_reason) == ("refused", "Bổ sung cam kết.")


def test_nominating_through_the_page_shows_the_missing_years(client, users, org):
    from django.urls import reverse

    client.force_login(users.unit_head)
    response = client.post(reverse("emulation:nominations"), {
        "year": "2026", "title": "cstd_tq", "person_name": "Nguyễn Thị Hạnh", "evidence": "Đề tài cấp tỉnh."},
        HTTP_ACCEPT_LANGUAGE="vi")
    assert "hồ sơ thành tích còn thiếu năm 2024, 2025" in response.content.decode()
    assert not Nomination.objects.exists()
    assert client.get(reverse("emulation:nominations") + "?format=xlsx").status_code == 200


def test_the_years_decision_lists_the_accepted_titles_as_an_official_document(client, users, org):
    from django.urls import reverse

    accepted = _nominate(users, org, title="cstd_cs")
    commendation.nomination_review(actor=users.approver, nomination=accepted, accept=True)
    rejected = _nominate(users, org, title="ldtt", person_name="Trần Văn Nam")
    commendation.nomination_review(actor=users.approver, nomination=rejected, accept=False, reason="Chưa đạt.")
    client.force_login(users.approver)
    response = client.post(reverse("emulation:decision_create"), {"year": "2026"}, follow=True)
    html = response.content.decode()
    assert "QUYẾT ĐỊNH" in html and "Về việc công nhận danh hiệu thi đua năm 2026" in html
    assert "Nguyễn Thị Hạnh, Trung tâm Kiểm soát bệnh tật" in html and "Trần Văn Nam" not in html
    client.force_login(users.unit_head)
    assert client.post(reverse("emulation:decision_create"), {"year": "2026"}).status_code == 403


def test_a_unit_self_assesses_the_criteria_per_phase_and_staff_see_every_unit(client, emu, users, org):
    from django.urls import reverse

    from emulation.models import SelfAssessment

    client.force_login(users.author)
    response = client.post(reverse("emulation:checklist_create", args=[emu.movement.pk]), {
        "name": "03 xây, 03 chống, 03 biết", "criteria": "Biết lắng nghe\nBiết xin lỗi\n\nChống quan liêu"})
    checklist = emu.movement.checklists.get()
    assert response.status_code == 302 and checklist.criteria.count() == 3
    listen, sorry, _red_tape = checklist.criteria.all()
    client.force_login(users.unit_head)
    url = reverse("emulation:checklist", args=[checklist.pk])
    client.post(url, {"phase": emu.first.pk, f"c{listen.pk}": "on", f"n{listen.pk}": "Hộp thư góp ý",
                      f"c{sorry.pk}": "on"})
    assert sorted(SelfAssessment.objects.values_list("unit__code", "criterion__text", "met")) == [
        ("ttkscb", "Biết lắng nghe", True), ("ttkscb", "Biết xin lỗi", True), ("ttkscb", "Chống quan liêu", False)]
    assert client.get(url + f"?phase={emu.first.pk}").context["summary"] == []  # a unit sees its own answers only
    client.force_login(users.author)
    summary = client.get(url + f"?phase={emu.first.pk}").context["summary"]
    assert summary == [{"unit__name": "Trung tâm Kiểm soát bệnh tật", "met": 2, "answered": 3}]
    client.force_login(users.reviewer)  # a reviewer enters nothing for a unit
    assert client.post(url, {"phase": emu.first.pk}).status_code == 403


def test_a_unit_registers_an_exemplary_person_with_the_story(client, users, org):
    from django.urls import reverse

    from emulation.models import Exemplar

    client.force_login(users.unit_head)
    client.post(reverse("emulation:exemplars"), {"year": "2026", "kind": "person", "name": "Bác sĩ Lê Văn An",
                                                 "story": "Hiến máu cứu người bệnh trong đêm."})
    assert list(Exemplar.objects.values_list("unit__code", "name")) == [("ttkscb", "Bác sĩ Lê Văn An")]
    client.force_login(users.other_head)
    assert list(client.get(reverse("emulation:exemplars")).context["rows"]) == []
    assert client.get(reverse("emulation:exemplars") + "?format=xlsx").status_code == 200


def test_a_step_posted_from_the_lists_is_saved_refused_with_its_reason_or_unknown(client, users, org):
    from django.urls import reverse

    registration, nomination = _register(users, org), _nominate(users, org, title="cstd_cs")
    step = reverse("emulation:registration_action", args=[registration.pk])
    review = reverse("emulation:nomination_review", args=[nomination.pk])

    def post(url, data):
        """The list the step returns to and the one message it shows there."""
        response = client.post(url, data, follow=True, HTTP_ACCEPT_LANGUAGE="vi")
        said = [str(message) for message in response.context["messages"]]
        return response.redirect_chain[-1][0], said

    client.force_login(users.unit_head)  # may register: an unknown action is an error message, not a 403
    assert post(step, {"action": "archive"}) == (reverse("emulation:registrations"), ["Thao tác không hợp lệ."])
    assert post(step, {"action": "send"}) == (reverse("emulation:registrations"), ["Đã lưu."])
    assert Registration.objects.get().status == "waiting"
    assert client.post(review, {"decision": "maybe"}).status_code == 403  # may not decide
    client.force_login(users.approver)
    assert post(review, {"decision": "reject", "reason": ""}) == (
        reverse("emulation:nominations"), ["Hãy nêu lý do hồ sơ không đạt danh hiệu."])
    assert post(review, {"decision": "maybe"}) == (reverse("emulation:nominations"), ["Thao tác không hợp lệ."])
    assert post(review, {"decision": "accept"}) == (reverse("emulation:nominations"), ["Đã lưu."])
    assert Nomination.objects.get().status == "accepted"
    client.force_login(users.other_head)  # another unit's rows are not found
    assert client.post(step, {"action": "send"}).status_code == 404
    assert client.post(review, {"decision": "accept"}).status_code == 404
