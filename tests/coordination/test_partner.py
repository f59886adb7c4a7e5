"""A partner body's user sees their body's joint plans and nothing else of the department.

Against another joint plan (Sở Y tế with the Công đoàn ngành Y tế), the department's own plans and a
unit's report, every coordination page and the plans/reporting pages answer 404 (or 403 for a list
the partner has no business in).
"""

import pytest
from django.urls import reverse

from coordination import services
from plans.choices import UnitKind
from tests.coordination.builders import coordination_world, joint_plan
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_the_partner_sees_only_their_bodys_agreement(client, org, users):
    world = coordination_world(org, users)
    union = UnitFactory(code="cdyt", name="Công đoàn ngành Y tế", kind=UnitKind.PARTNER, abbreviation="CĐYT")
    other = services.agreement_create(actor=users.author, plan=joint_plan(
        org, users, title="Phối hợp với Công đoàn năm 2026", issuers=[union, org.syt]))
    services.meetings_generate(actor=users.author, agreement=other, year=2026)
    other_duty, other_meeting = other.duties.first(), other.meetings.first()
    client.force_login(users.partner)

    listing = client.get(reverse("coordination:index")).content.decode()
    assert world.coord_plan.title in listing and "Phối hợp với Công đoàn" not in listing
    meetings = client.get(reverse("coordination:meetings")).content.decode()
    assert world.meeting.title in meetings and other_meeting.get_absolute_url() not in meetings
    refused = [
        reverse("coordination:agreement", args=[other.pk]),
        reverse("coordination:duty", args=[other_duty.pk]),
        reverse("coordination:meeting", args=[other_meeting.pk]),
        reverse("coordination:incident_create", args=[other.pk]),
        reverse("coordination:model", args=[world.dvk_model.pk]),
        other.plan.get_absolute_url(),
    ]
    for url in refused:
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("coordination:models")).status_code == 403
    assert client.post(reverse("coordination:meetings_generate", args=[other.pk])).status_code == 404


def test_the_partner_sees_no_other_plan_and_no_units_report(client, org, users):
    from reporting.models import Period, ReportingObligation, ReportRequest
    from tests.test_authorization import _plan_with_content

    coordination_world(org, users)
    plan, *_ = _plan_with_content(users.author, "Kế hoạch riêng của Sở Y tế năm 2026")
    obligation = ReportingObligation.objects.create(plan=plan, title="Báo cáo quý", recipient_unit=org.nvy,
                                                    period_type="quarterly", fixed_deadlines=["15/03"])
    period = Period.objects.create(period_type="quarterly", calendar="nd09", year=2026, index=1,
                                   start="2025-12-15", end="2026-03-14", cut_off="2026-03-14")
    request = ReportRequest.objects.create(obligation=obligation, unit=org.cdc, period=period, due_date="2026-03-15")
    client.force_login(users.partner)
    assert plan.title not in client.get(reverse("plans:list")).content.decode()
    for url in (plan.get_absolute_url(), reverse("reporting:report", args=[request.pk]),
                reverse("reporting:review", args=[request.pk]), reverse("reporting:compliance", args=[obligation.pk])):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("reporting:inbox")).status_code == 403
