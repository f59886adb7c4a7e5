"""Log-in lock-out (django-axes): too many wrong passwords for a username, or from an address.

Settings in ``config/settings/base.py`` (``AXES_*``). Both the portal's log-in page and the admin's
go through ``django.contrib.auth.authenticate``, so ``LockoutBackend`` (first in
AUTHENTICATION_BACKENDS) guards both. A locked-out log-in page answers 429 with the form and a
Vietnamese message; an administrator unlocks in the admin (Axes › Access attempts: delete the row).
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.forms.utils import ErrorDict
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


class LockoutBackend(AxesStandaloneBackend):
    """Axes' guard, for log-ins through a web request only.

    ``authenticate()`` without a request (the test client's ``login()``, a management command) is no
    brute-force channel: it is passed on to the next backend instead of being refused.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind our reverse proxy the address it appended last."""
    if settings.PORTAL_BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def client_username(request, credentials) -> str:
    """The username tried, as one key whatever its case and spaces ("Admin " and "admin" count together)."""
    data = credentials or getattr(request, "POST", {}) or {}
    return str(data.get("username") or "").strip().lower()


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _("Too many failed log-in attempts. Log-in is locked for %(minutes)d minutes; try again later "
             "or ask the administrator to unlock it.") % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The log-in page again, its form carrying the lock-out message, with status 429."""
    message = lockout_message()
    form = getattr(original_response, "context_data", None) and original_response.context_data.get("form")
    if isinstance(original_response, TemplateResponse) and form is not None:
        form._errors = ErrorDict()  # only the lock-out message, not “wrong password”
        form.add_error(None, message)
        original_response.content = original_response.rendered_content
        original_response.status_code = 429
        return original_response
    return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
