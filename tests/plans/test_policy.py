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


def test_forward_is_for_the_room_s_reviewer_and_a_forwarded_plan_waits_on_leadership(org, users):
    from plans.policy import Action, allowed_actions

    submitted = PlanFactory(owner_unit=org.nvy, status=PlanStatus.SUBMITTED, issuers=[org.syt])
    forwarded = PlanFactory(owner_unit=org.nvy, status=PlanStatus.FORWARDED, issuers=[org.syt])
    assert allowed_actions(users.reviewer, submitted) == {Action.FORWARD, Action.RETURN}
    assert allowed_actions(users.other_reviewer, submitted) == set()
    assert allowed_actions(users.approver, submitted) == {Action.APPROVE, Action.RETURN}
    assert allowed_actions(users.reviewer, forwarded) == set()
    assert allowed_actions(users.approver, forwarded) == {Action.APPROVE, Action.RETURN}


def test_plans_waiting_for_each_role_oldest_first(org, users, django_assert_max_num_queries):
    import datetime as dt

    from django.utils import timezone

    from plans.models import PlanTransition
    from plans.selectors import plans_waiting_for

    def plan(title, status, owner, days_ago):
        p = PlanFactory(title=title, owner_unit=owner, status=status, issuers=[org.syt])
        step = PlanTransition.objects.create(plan=p, from_status=PlanStatus.DRAFT, to_status=status)
        PlanTransition.objects.filter(pk=step.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
        return p

    plan("trình NVY", PlanStatus.SUBMITTED, org.nvy, 3)
    plan("trình TCCB", PlanStatus.SUBMITTED, org.tccb, 5)
    plan("đã trình lãnh đạo", PlanStatus.FORWARDED, org.nvy, 2)
    plan("đã duyệt", PlanStatus.APPROVED, org.nvy, 9)
    plan("nháp", PlanStatus.DRAFT, org.nvy, 1)
    plan("đã ban hành", PlanStatus.ISSUED, org.nvy, 20)

    def titles(user):
        return [p.title for p in plans_waiting_for(user=user)]

    assert titles(users.reviewer) == ["trình NVY"]
    assert titles(users.other_reviewer) == ["trình TCCB"]
    assert titles(users.approver) == ["đã duyệt", "trình TCCB", "trình NVY", "đã trình lãnh đạo"]
    assert titles(users.admin) == titles(users.approver)
    assert titles(users.author) == [] and titles(users.unit_head) == []
    for _ in range(20):
        plan("thêm", PlanStatus.SUBMITTED, org.nvy, 1)
    waiting = plans_waiting_for(user=users.approver)
    with django_assert_max_num_queries(3):
        rows = [(p.number_display, p.owner_unit.name, p.created_by, [u.unit.name for u in p.issuer_links.all()],
                 p.waiting_since) for p in waiting]
    assert len(rows) == 24 and rows[0][4] < rows[-1][4]
