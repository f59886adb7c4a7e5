from django import template

from coordination import policy
from coordination.models import Agreement, SteeringCommittee
from plans.choices import PlanKind

register = template.Library()


@register.simple_tag
def coordination_panel(plan, user) -> dict:
    """What the plan page shows of coordination: the agreement of a joint plan, or the button to set it up."""
    if plan.kind == PlanKind.DEMOCRACY and not policy.is_partner(user):
        committees = SteeringCommittee.objects.filter(policy.unit_records_q(user), plan=plan).select_related("unit")
        return {"show": False, "democracy": True, "committees": committees,
                "can_add_committee": bool(user.unit_id) and policy.can_edit_unit_record(user, user.unit_id)}
    if plan.issuer_links.count() < 2:
        return {"show": False}
    agreement = Agreement.objects.filter(plan=plan).first()
    if agreement is not None and not policy.can_view_agreement(user, agreement):
        return {"show": False}
    return {"show": True, "agreement": agreement, "can_set_up": agreement is None and policy.can_set_up(user, plan)}
