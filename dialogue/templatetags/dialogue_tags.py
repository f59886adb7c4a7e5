from django import template

from dialogue import policy

register = template.Library()


@register.filter
def dialogue_organiser(user) -> bool:
    return policy.is_organiser(user)


@register.filter
def dialogue_internal(user) -> bool:
    return policy.is_internal(user)
