"""HTML (preview) and PDF (WeasyPrint) of a ``Document``: one template, one stylesheet.

WeasyPrint fetches nothing but the project's own static files: ``StaticOnlyFetcher``
serves the bundled fonts and refuses every other URL (network, file system, data).
User text reaches the template as variables, so Django's autoescape keeps it text.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static

from .model import Document

# WeasyPrint reports every layout step at INFO; the portal's log needs only its warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

TEMPLATE = "reporting/documents/document.html"
# A host that never resolves: relative URLs of the template are joined to it, and the
# fetcher maps its /static/ paths to files found by Django's staticfiles finders.
BASE_URL = "https://document.invalid/"
FONT_FILES = {
    "regular": "fonts/LiberationSerif-Regular.ttf",
    "bold": "fonts/LiberationSerif-Bold.ttf",
    "italic": "fonts/LiberationSerif-Italic.ttf",
    "bold_italic": "fonts/LiberationSerif-BoldItalic.ttf",
}


class RefusedURL(ValueError):
    """A URL the document renderer will not fetch."""


def _static_prefix() -> str:
    return "/" + settings.STATIC_URL.strip("/") + "/"


def static_path_for(url: str) -> str:
    """The file system path of a project static file addressed by ``url``; ``RefusedURL`` otherwise."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if parts.scheme != base.scheme or parts.netloc != base.netloc or parts.query or parts.fragment:
        raise RefusedURL(f"Refused URL: {url}")
    path = unquote(parts.path)
    prefix = _static_prefix()
    if not path.startswith(prefix):
        raise RefusedURL(f"Refused URL: {url}")
    relative = path[len(prefix):]
    if not relative or "\\" in relative or posixpath.normpath(relative) != relative or relative.startswith(".."):
        raise RefusedURL(f"Refused URL: {url}")
    found = finders.find(relative)
    if not found:
        raise RefusedURL(f"Not a static file: {url}")
    return found


@functools.cache
def _fetcher_class():
    """``StaticOnlyFetcher``, made on first use: importing WeasyPrint costs about a second, which every
    ``manage.py`` command and every worker paid at start-up when this module imported it at load time."""
    try:
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # pragma: no cover - WeasyPrint < 66
        URLFetcher, URLFetcherResponse = object, None

    class StaticOnlyFetcher(URLFetcher):
        """A WeasyPrint URL fetcher that serves only the project's static files."""

        def __init__(self):
            super().__init__(allowed_protocols=("https",), allow_redirects=False, fail_on_errors=False)

        def fetch(self, url, headers=None):
            path = static_path_for(url)
            with open(path, "rb") as handle:
                body = handle.read()
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    StaticOnlyFetcher.__module__ = __name__
    return StaticOnlyFetcher


def __getattr__(name: str):
    if name == "StaticOnlyFetcher":  # ``from reporting.documents.pdf import StaticOnlyFetcher`` imports WeasyPrint
        return _fetcher_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def font_urls(*, preview: bool) -> dict[str, str]:
    """The fonts' URLs: the browser's (``static()``, hashed names under the manifest storage) for the preview;
    for WeasyPrint, the plain ``/static/fonts/…`` path that ``StaticOnlyFetcher`` finds with the staticfiles
    finders (a hashed name is not a source file, and the fetcher would refuse it: the PDF would silently fall
    back to whatever serif font the server has)."""
    if preview:
        return {key: static(path) for key, path in FONT_FILES.items()}
    return {key: _static_prefix() + path for key, path in FONT_FILES.items()}


def render_html(document: Document, *, preview: bool = False) -> str:
    return render_to_string(TEMPLATE, {"doc": document, "fonts": font_urls(preview=preview), "preview": preview})


def render_pdf(document: Document, *, url_fetcher=None) -> bytes:
    """The PDF of ``document``; ``url_fetcher``: a ``StaticOnlyFetcher`` (default: a new one)."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_html(document)
    fetcher = url_fetcher or _fetcher_class()()
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(font_config=FontConfiguration())
