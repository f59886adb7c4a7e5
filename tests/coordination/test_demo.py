"""The demo: seed 001's agreement, meetings, minutes and models; seed 004's committee and checklists."""

import pytest
from django.core.management import call_command

from coordination.models import Agreement, Checklist, DvkModel, FollowUp, Meeting, Minutes, SteeringCommittee

pytestmark = pytest.mark.django_db


def test_the_demo_loads_coordination_once(db):
    call_command("load_demo", verbosity=0)
    agreement = Agreement.objects.get(plan__title="Phối hợp công tác dân vận năm 2021")
    assert {p.unit.code: p.standing_body for p in agreement.parties.all()} == {
        "bdvtu": "Phòng Dân vận Chính quyền và Đoàn thể", "syt": "Phòng Nghiệp vụ Y"}
    assert set(agreement.duties.values_list("party__unit__code", flat=True)) == {"bdvtu", "syt"}
    assert Meeting.objects.filter(agreement=agreement).count() == 4
    assert Minutes.objects.filter(meeting__agreement=agreement).count() == 1
    assert FollowUp.objects.filter(owner__username="bdv.chuyenvien", status="open").count() == 1
    assert DvkModel.objects.filter(year=2021, status="selected").count() == 2
    assert SteeringCommittee.objects.get().members.count() == 4
    assert sorted(Checklist.objects.values_list("unit__code", flat=True)) == ["bvdk", "ttkscb"]
    call_command("load_demo", verbosity=0)
    assert Agreement.objects.count() == 1 and DvkModel.objects.count() == 2 and Checklist.objects.count() == 2
