"""The agreement of a joint plan: parties, duties per party, progress with evidence, the partner's share."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination import services
from coordination.models import Agreement, Duty, DutyNote, Evidence
from tests.coordination.builders import PDF, TODAY, coordination_world, joint_plan
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_the_agreement_takes_its_parties_and_each_partys_duties_from_the_plan(org, users):
    plan = joint_plan(org, users)
    agreement = services.agreement_create(actor=users.author, plan=plan)
    assert [p.unit for p in agreement.parties.all()] == [org.bdv, org.syt]
    assert [(d.party.unit.code, d.status) for d in agreement.duties.all()] == [("bdvtu", "not_started"),
                                                                              ("syt", "not_started")]
    assert Duty.objects.filter(text__startswith="Cử cán bộ tham dự", party__unit=org.bdv).exists()


def test_a_plan_of_one_body_has_no_agreement_and_says_why(client, org, users):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt], status="issued")
    client.force_login(users.author)
    response = client.post(reverse("coordination:agreement_create", args=[plan.pk]), follow=True)
    assert "Chỉ kế hoạch do hai cơ quan cùng ban hành mới có phần phối hợp thực hiện." in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_boards_user_updates_the_boards_duty_with_evidence_and_downloads_it(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.partner)
    upload = SimpleUploadedFile("ket-qua.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("coordination:duty", args=[world.board_duty.pk]), {
        "status": "done", "date": "15/05/2026", "note": "Đã cử cán bộ dự hội nghị chuyên đề.", "evidence": upload})
    assert response.status_code == 302
    duty = Duty.objects.get(pk=world.board_duty.pk)
    assert duty.status == "done"
    assert duty.notes.filter(text="Đã cử cán bộ dự hội nghị chuyên đề.", author=users.partner).exists()
    evidence = Evidence.objects.get(duty=duty, name="ket-qua.pdf")
    download = client.get(reverse("coordination:evidence", args=[evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_partner_reads_but_may_not_update_the_departments_duty(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.partner)
    url = reverse("coordination:duty", args=[world.dept_duty.pk])
    page = client.get(url).content.decode()
    assert "Chủ động chọn từ 02 - 03 mô hình" in page and 'id="duty-update"' not in page
    response = client.post(url, {"status": "done", "date": "15/05/2026", "note": "x"})
    assert response.status_code == 403
    assert not DutyNote.objects.filter(duty=world.dept_duty).exists()


def test_a_bad_update_keeps_what_was_typed_and_says_what_is_wrong(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.author)
    future = (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    response = client.post(reverse("coordination:duty", args=[world.dept_duty.pk]), {
        "status": "in_progress", "date": future, "note": "Đã chọn hai mô hình."})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ghi nhận tiến độ không được đề ngày trong tương lai." in page and "Đã chọn hai mô hình." in page
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(reverse("coordination:duty", args=[world.dept_duty.pk]), {
        "status": "in_progress", "date": "15/05/2026", "note": "Có tệp giả.", "evidence": fake})
    assert response.status_code == 400 and "“virus.pdf” is not" not in response.content.decode()
    assert Duty.objects.get(pk=world.dept_duty.pk).status == "not_started"


def test_the_agreement_page_and_its_duties_export(client, org, users, django_assert_max_num_queries):
    world = coordination_world(org, users)
    for index in range(30):
        services.duty_create(actor=users.author, agreement=world.agreement, party=world.dept_party,
                             text=f"Nhiệm vụ số {index}")
    client.force_login(users.partner)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("coordination:agreement", args=[world.agreement.pk]))
    assert "Nhiệm vụ số 29" in page.content.decode()
    export = client.get(reverse("coordination:agreement", args=[world.agreement.pk]), {"format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_plan_page_offers_the_agreement(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.partner)
    page = client.get(world.coord_plan.get_absolute_url()).content.decode()
    assert world.agreement.get_absolute_url() in page


def test_duty_update_refuses_a_future_date_in_the_service(org, users):
    world = coordination_world(org, users)
    with pytest.raises(Exception, match="tương lai|future"):
        services.duty_update(actor=users.author, duty=world.dept_duty, status="done", note="x",
                             date=TODAY + dt.timedelta(days=1), today=TODAY)
