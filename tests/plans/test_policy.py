import pytest

from plans.choices import PlanStatus
from plans.models import Plan
from plans.policy import plan_visibility_q
from tests.factories import ItemFactory, PlanFactory, ResponsibilityFactory, SectionFactory

pytestmark = pytest.mark.django_db


def visible(user):
    return set(Plan.objects.filter(plan_visibility_q(user)).distinct().values_list("title", flat=True))


@pytest.fixture
def plans(org):
    PlanFactory(title="nháp NVY", owner_unit=org.nvy, issuers=[org.syt])
    PlanFactory(title="nháp TCCB", owner_unit=org.tccb, issuers=[org.syt])
    PlanFactory(title="nháp CDC", owner_unit=org.cdc, issuers=[org.cdc])
    PlanFactory(title="đã ban hành", owner_unit=org.nvy, status=PlanStatus.ISSUED, number=1, issuers=[org.syt])
    joint = PlanFactory(title="liên tịch", owner_unit=org.nvy, status=PlanStatus.ISSUED, number=2,
                        issuers=[org.bdv, org.syt])
    SectionFactory(plan=joint)
    PlanFactory(title="nháp liên tịch", owner_unit=org.nvy, issuers=[org.bdv, org.syt])
    other = PlanFactory(title="giao CDC", owner_unit=org.tccb, status=PlanStatus.IN_IMPLEMENTATION, number=3)
    ResponsibilityFactory(item=ItemFactory(section=SectionFactory(plan=other)), lead_unit=org.cdc)


def test_unit_head_sees_own_drafts_and_issued_plans_but_no_other_units_drafts(plans, users):
    assert visible(users.unit_head) == {"nháp CDC", "đã ban hành", "liên tịch", "giao CDC"}
    assert "nháp CDC" not in visible(users.other_head)


def test_room_sees_its_own_drafts_and_leadership_sees_all(plans, users):
    assert visible(users.author) == {"nháp NVY", "đã ban hành", "liên tịch", "nháp liên tịch", "giao CDC"}
    assert visible(users.approver) >= {"nháp NVY", "nháp TCCB", "nháp CDC"}


def test_partner_sees_only_plans_it_co_issues(plans, users):
    assert visible(users.partner) == {"liên tịch", "nháp liên tịch"}


@pytest.mark.parametrize("name, allowed", [("reviewer", False), ("approver", True), ("admin", True),
                                           ("author", False)])
def test_only_leadership_may_return_a_plan_it_approved(org, users, name, allowed):
    from plans.policy import Action, allowed_actions, can

    plan = PlanFactory(owner_unit=org.nvy, status=PlanStatus.APPROVED, issuers=[org.syt])
    user = getattr(users, name)
    assert can(user, Action.RETURN, plan) is allowed
    assert (Action.RETURN in allowed_actions(user, plan)) is allowed
