"""The production static-files storage: whitenoise's hashed, compressed copies, with each address worked out once.

``{% static %}`` asks the manifest storage for an address on every page (six on each page of the portal, about
13 µs each: the name parsed, looked up in the manifest, joined to ``STATIC_URL`` and parsed again). The manifest
is read once, when the process starts, and never changes under it; so the address of a name does not change
either, and is kept. Only names the manifest holds are kept (a missing one raises, as before), so the memo is
no larger than the manifest. In ``DEBUG`` (the unhashed names) and with ``force`` the storage answers as its
parent does.
"""

from django.conf import settings
from django.contrib.staticfiles import storage as staticfiles
from whitenoise import storage as whitenoise


class KeptUrlsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:  # (a name the manifest lacks raises here, with no KeyError chained to it)
            url = self._urls[name] = super().url(name)
        return url


class CompressedManifestStaticFilesStorage(KeptUrlsMixin, whitenoise.CompressedManifestStaticFilesStorage):
    """The default of ``config.settings.production`` (``PORTAL_STATIC_STORAGE``)."""


class ManifestStaticFilesStorage(KeptUrlsMixin, staticfiles.ManifestStaticFilesStorage):
    """The hashed names without the gzip/brotli copies (a test's production server: they take minutes to make)."""
