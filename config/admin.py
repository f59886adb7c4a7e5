"""The Django admin of the portal: for administrators only, and no second write path.

Administrators are the active users who are superusers or hold ``Role.ADMIN`` (``plans.policy.is_admin``);
``is_staff`` alone opens nothing. ``AdministratorBackend`` gives the holders of ``Role.ADMIN`` the model
permissions a superuser has, so that the admin's own checks (view/change per model) answer for them too;
each ``ModelAdmin`` then narrows what may be written (see ``plans/admin.py``, ``reporting/admin.py``).
"""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import BaseBackend
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def _is_admin(user) -> bool:
    from plans.policy import is_admin  # the app registry is not ready when the settings import this module

    return bool(user.is_active and is_admin(user))


class AdministratorBackend(BaseBackend):
    """Every model permission for an active holder of ``Role.ADMIN`` (superusers have them already)."""

    def has_perm(self, user_obj, perm, obj=None):
        return _is_admin(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return _is_admin(user_obj)


class AdministratorLoginForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct %(username)s and password of an administrator account. "
            "Note that both fields may be case-sensitive."
        ),
    }

    def confirm_login_allowed(self, user):
        super(AdminAuthenticationForm, self).confirm_login_allowed(user)  # active, not is_staff
        if not _is_admin(user):
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                  params={"username": self.username_field.verbose_name})


class PortalAdminSite(admin.AdminSite):
    site_header = _("Portal administration")
    site_title = _("Portal administration")
    index_title = _("Administration")
    login_form = AdministratorLoginForm

    def has_permission(self, request):
        return _is_admin(request.user)
