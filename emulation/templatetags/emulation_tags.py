from django import template

from plans.numbers import show_number

register = template.Library()


@register.filter
def number(value) -> str:
    """A figure written the reader's way ("72,5", "1.250")."""
    return show_number(value)


@register.simple_tag
def target_text(target) -> str:
    from emulation.selectors import target_text as text

    return text(target)


@register.simple_tag
def plan_movements(plan, user) -> dict:
    """The plan page's emulation panel: its movements and whether ``user`` may create one."""
    from emulation import policy, selectors
    from emulation.models import Movement

    return {"movements": selectors.movements_of_plan(plan=plan),
            "can_manage": policy.can_manage(user, Movement(plan=plan))}
