from django.utils.deprecation import MiddlewareMixin


class VietnameseByDefaultMiddleware(MiddlewareMixin):
    """The portal speaks Vietnamese unless the user picks another language.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a civil
    servant whose browser is set to English would get English pages. We drop that
    header; the language switcher's cookie (``set_language``) still decides.
    Must run before ``LocaleMiddleware``.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)


class RequestSizeLimitMiddleware:
    """Refuse a request whose body is larger than ``PORTAL_MAX_REQUEST_BYTES`` before anything reads it.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves uploaded files out, so without this any form with a
    file field would accept a body of any size (streamed to a temporary file). The reverse proxy has
    the same limit (``client_max_body_size`` in deploy/nginx.conf). Runs first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.http import HttpResponse
        from django.utils.translation import gettext as _

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.PORTAL_MAX_REQUEST_BYTES
        if length > limit:
            message = _("The upload is too large (%(size)d MB); the limit is %(limit)d MB.") % {
                "size": length // (1024 * 1024), "limit": limit // (1024 * 1024)}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class SessionIdleMiddleware:
    """Sessions expire after ``SESSION_COOKIE_AGE`` seconds of inactivity, not after a fixed 14 days.

    A logged-in user's session is marked modified when it was last extended more than
    ``PORTAL_SESSION_REFRESH_SECONDS`` ago; Django then saves it with a new expiry and sends the
    cookie again. Unlike SESSION_SAVE_EVERY_REQUEST, most requests write nothing.
    """

    KEY = "_portal_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.conf import settings

        session = getattr(request, "session", None)
        if session is not None and getattr(request, "user", None) is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - int(session.get(self.KEY, 0)) >= settings.PORTAL_SESSION_REFRESH_SECONDS:
                session[self.KEY] = now
        return self.get_response(request)


def session_seen_at_login(sender, request, user, **kwargs):
    """A fresh session counts as just extended (saved by the log-in itself)."""
    import time

    if getattr(request, "session", None) is not None:
        request.session[SessionIdleMiddleware.KEY] = int(time.time())
