from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's site (``config.admin.PortalAdminSite``: administrators only)."""

    default_site = "config.admin.PortalAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from .middleware import session_seen_at_login

        user_logged_in.connect(session_seen_at_login, dispatch_uid="portal-session-seen")
        # Every app's models are loaded (this app comes first, its ready() first): the garbage collector
        # resumes, skipping what start-up made (plans/startup.py).
        from plans import startup

        startup.end()
