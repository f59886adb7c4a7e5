"""Mixins of the apps' ModelAdmins: the admin is no second write path (see config/admin.py for who gets in).

They live in ``plans`` (the base layer) so that every app may use them; nothing imports ``config``.
"""

from django.core.exceptions import PermissionDenied


class HistoryViewOnlyMixin:
    """simple_history's history pages show old versions; reverting one (a POST) would bypass the services."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyAdminMixin:
    """A register the services keep: visible to administrators, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
