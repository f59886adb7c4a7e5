from django.conf import settings
from django.utils.functional import lazy

from .extensions import header_items, nav_items, nav_vary


def nav_key(request) -> str:
    """What the menu's items (``nav_items``) are made of for this request: the user, their unit and roles, the
    language, the host, the search typed, and each ``nav_vary``; the menu is kept rendered under it
    (``templates/base.html``), so that a change to any of them shows at once, in every web process."""
    from django.urls import get_script_prefix
    from django.utils.translation import get_language

    user = request.user
    unit = user.unit if user.unit_id else None
    parts = [user.pk, user.is_superuser, sorted(user.roles), unit and (unit.pk, unit.kind),
             get_language(), request.scheme, request.get_host(), get_script_prefix(), request.GET.get("q", ""),
             *(vary(request) for vary in nav_vary)]
    return repr(parts)


# made once: ``lazy()`` builds a proxy class at each call (about 50 µs, on every page)
_lazy_nav_key = lazy(nav_key, str)


def portal(request):
    return {"PORTAL_NAME": settings.PORTAL_NAME, "portal_nav_items": list(nav_items),
            "portal_header_items": list(header_items), "portal_nav_key": _lazy_nav_key(request)}
