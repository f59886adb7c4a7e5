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
