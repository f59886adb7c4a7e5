from django.conf import settings

from .extensions import nav_items


def portal(request):
    return {"PORTAL_NAME": settings.PORTAL_NAME, "portal_nav_items": list(nav_items)}
