""""Dân vận khéo" models (02–03 selected a year, replication) and incidents with their timeline."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coordination import services
from coordination.models import DvkModel, Incident
from tests.coordination.builders import TODAY, coordination_world

pytestmark = pytest.mark.django_db


def _propose(org, users, title):
    return services.model_propose(actor=users.author, data={"unit": org.bvdk, "year": 2026, "title": title,
                                                            "field": "treatment", "description": "", "results": ""})


def test_leadership_selects_at_most_three_models_a_year_and_tracks_replication(org, users):
    world = coordination_world(org, users)
    models = [world.dvk_model] + [_propose(org, users, f"Mô hình {n}") for n in range(3)]
    for model in models[:3]:
        services.model_select(actor=users.approver, model=model, selected=True)
    with pytest.raises(ValidationError, match="3"):
        services.model_select(actor=users.approver, model=models[3], selected=True)
    services.replication_add(actor=users.author, model=models[0], unit=org.bvdk, started_on=dt.date(2026, 4, 1))
    with pytest.raises(ValidationError):
        services.replication_add(actor=users.author, model=models[3], unit=org.bvdk, started_on=dt.date(2026, 4, 1))
    assert DvkModel.objects.filter(status="selected", year=2026).count() == 3


def test_a_unit_proposes_its_own_model_and_sees_only_its_own(client, org, users):
    world = coordination_world(org, users)
    _propose(org, users, "Mô hình của Bệnh viện")
    client.force_login(users.unit_head)
    page = client.get(reverse("coordination:models")).content.decode()
    assert world.dvk_model.title in page and "Mô hình của Bệnh viện" not in page
    response = client.post(reverse("coordination:model_create"), {
        "unit": org.bvdk.pk, "year": 2026, "title": "Không phải của tôi", "field": "treatment"})
    assert response.status_code == 400 and not DvkModel.objects.filter(title="Không phải của tôi").exists()
    export = client.get(reverse("coordination:models"), {"format": "xlsx", "year": "2026"})
    assert export.status_code == 200


def test_incidents_have_a_timeline_both_parties_see_and_close(client, org, users):
    world = coordination_world(org, users)
    client.force_login(users.partner)
    url = reverse("coordination:incident", args=[world.incident.pk])
    response = client.post(url, {"date": TODAY.strftime("%d/%m/%Y"), "text": "Đã làm việc với phóng viên.",
                                 "status": "handling", "assignee": users.partner.pk})
    assert response.status_code == 302, response.content.decode()[:500]
    services.incident_act(actor=users.author, incident=world.incident, text="Đã trả lời báo chí.", date=TODAY,
                          status="closed", today=TODAY)
    incident = Incident.objects.get(pk=world.incident.pk)
    assert incident.status == "closed" and incident.closed_on == TODAY and incident.assignee == users.partner
    client.force_login(users.other_head)
    page = client.get(url).content.decode()
    assert "Đã làm việc với phóng viên." in page and "Đã trả lời báo chí." in page
