from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's site (``config.admin.PortalAdminSite``: administrators only)."""

    default_site = "config.admin.PortalAdminSite"
