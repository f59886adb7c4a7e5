from django.conf import settings

from .extensions import header_items, nav_items


def portal(request):
    return {"PORTAL_NAME": settings.PORTAL_NAME, "portal_nav_items": list(nav_items),
            "portal_header_items": list(header_items)}
