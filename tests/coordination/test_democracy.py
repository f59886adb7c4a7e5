"""Democracy-regulation checklists (Thông tư 05/2021/TT-BYT), steering committees, the report-form section."""

import pytest
from django.urls import reverse

from coordination import services
from coordination.democracy import ITEMS
from coordination.models import ChecklistEntry
from coordination.sections import SECTION
from plans.choices import PlanKind
from tests.coordination.builders import coordination_world

pytestmark = pytest.mark.django_db


def test_a_unit_checks_its_items_with_evidence_and_the_department_sees_completion(client, org, users):
    world = coordination_world(org, users)
    assert world.checklist.entries.count() == len(ITEMS) == 10
    client.force_login(users.unit_head)
    url = reverse("coordination:checklist", args=[world.checklist.pk])
    response = client.post(url, {"done_d4": "on", "evidence_d4": "", "done_d6": "on", "evidence_d6": "Biên bản"})
    assert response.status_code == 400
    assert "Hãy ghi nơi thể hiện từng mục đã thực hiện: Điều 4" in response.content.decode()
    response = client.post(url, {"done_d4": "on", "evidence_d4": "Bảng tin đơn vị", "done_d6": "on",
                                 "evidence_d6": "Biên bản hội nghị viên chức"})
    assert response.status_code == 302
    assert ChecklistEntry.objects.filter(checklist=world.checklist, done=True).count() == 2
    client.force_login(users.approver)
    page = client.get(reverse("coordination:democracy")).content.decode()
    assert "Trung tâm Kiểm soát bệnh tật" in page and "2/10" in page
    client.force_login(users.other_head)
    assert client.get(url).status_code == 404


def test_the_report_section_is_prefilled_with_the_units_progress(org, users):
    from types import SimpleNamespace

    world = coordination_world(org, users)
    services.checklist_save(actor=users.unit_head, checklist=world.checklist, today=world.checklist.created_at.date(),
                            entries={"d4": (True, "Bảng tin"), "d10": (True, "Cổng thông tin")})
    request = SimpleNamespace(unit_id=org.cdc.pk, period=SimpleNamespace(year=2026))
    assert SECTION.initial(request) == {"items_done": 2, "items_total": 10}
    democracy_plan = SimpleNamespace(plan=SimpleNamespace(kind=PlanKind.DEMOCRACY))
    assert SECTION.applies_to(democracy_plan) and not SECTION.applies_to(
        SimpleNamespace(plan=SimpleNamespace(kind=PlanKind.GENERAL)))


def test_a_committee_has_members_and_its_working_rules_are_served_to_who_may_see_it(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.unit_head)
    url = reverse("coordination:committee", args=[world.committee.pk])
    client.post(url, {"name": "Nguyễn Văn Phúc", "position": "Giám đốc", "role": "head", "duties": "Chỉ đạo chung"})
    assert world.committee.members.get().role == "head"
    rules = client.get(reverse("coordination:committee_rules", args=[world.committee.pk]))
    assert rules.status_code == 200 and b"".join(rules.streaming_content).startswith(b"%PDF")
    client.force_login(users.partner)
    assert client.get(url).status_code == 404


def test_a_person_commits_and_evaluates_at_the_year_end_only(client, org, users):
    import datetime as dt

    from django.core.exceptions import ValidationError

    coordination_world(org, users)
    client.force_login(users.author)
    response = client.post(reverse("coordination:commitments"), {"whose": "me", "year": "2026",
                                                                 "text": "Không gây phiền hà cho người dân."})
    assert response.status_code == 302
    from coordination.models import Commitment

    commitment = Commitment.objects.get(person=users.author, year=2026)
    with pytest.raises(ValidationError):
        services.commitment_evaluate(actor=users.author, commitment=commitment, self_evaluation="Tốt",
                                     rating="good", today=dt.date(2026, 6, 1))
    services.commitment_evaluate(actor=users.author, commitment=commitment, self_evaluation="Đã thực hiện tốt.",
                                 rating="good", today=dt.date(2026, 12, 1))
    assert Commitment.objects.get(pk=commitment.pk).rating == "good"
    client.force_login(users.reviewer)  # same room, not their commitment: they read, may not evaluate
    assert client.post(reverse("coordination:commitment", args=[commitment.pk]), {
        "self_evaluation": "x", "rating": "excellent"}).status_code == 403


def test_the_leadership_panel_counts_duties_meetings_models_and_incidents(org, users):
    from django.test import RequestFactory

    from coordination.panels import PANEL
    from reporting.extensions import render_panels

    world = coordination_world(org, users)
    services.model_select(actor=users.approver, model=world.dvk_model, selected=True)
    summary = PANEL.context(users.approver, 2026)
    assert summary["meetings"] == {"planned": 4, "held": 1}
    assert summary["models_selected"] == 1 and summary["open_incidents"] == 1
    assert summary["by_party"]["BDVTU"]["in_progress"] == 1
    assert not PANEL.is_visible(users.reviewer) and PANEL.is_visible(users.approver)
    request = RequestFactory().get("/")
    request.user = users.approver
    html = "".join(render_panels(request, year=2026))
    assert "Phối hợp với các cơ quan" in html and "1/4" in html
