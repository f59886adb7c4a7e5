"""HTML (preview) and PDF (WeasyPrint) of a ``Document``: one template, one stylesheet.

WeasyPrint fetches nothing but the project's own static files: ``StaticOnlyFetcher``
serves the bundled fonts and refuses every other URL (network, file system, data).
User text reaches the template as variables, so Django's autoescape keeps it text.

A document costs a process (``manage.py render_plan``, a worker's first rendering) little beyond
the rendering itself: WeasyPrint is imported on first use (``_import_weasyprint``), without the work
its import does for nothing here, and the template goes through its own small engine (``_engine``).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import functools
import importlib.util
import logging
import mimetypes
import posixpath
import ssl
import sys
import threading
import types
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Engine
from django.templatetags.static import static

from plans import startup

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


def _trusting_nothing() -> ssl.SSLContext:
    """A client TLS context that verifies certificates and hostnames and trusts no certificate authority: any
    HTTPS connection made with it fails. Made in microseconds, where Python's default context reads the system's
    CA bundle (~30 ms) — for fetchers that never connect anywhere."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


@contextlib.contextmanager
def _lean_import():
    """While WeasyPrint is imported, skip two kinds of work its import does for nothing here (~250 ms a process).

    * Finding its C libraries: it tries each under several names (Windows', macOS', Linux's) through cffi, which
      asks ``ctypes.util.find_library`` about every name the dynamic loader does not know — on Linux ldconfig,
      gcc and ld as subprocesses, some twenty of them. On Linux ``find_library`` answers "not found" meanwhile,
      so the names that work are the sonames in WeasyPrint's own list (``libpango-1.0.so.0`` …), which cffi
      hands to the dynamic loader as it would anyway. Should that ever fail, the import is tried again as usual.
    * CA certificates: each user-agent stylesheet it parses at import builds a URL fetcher whose HTTPS handler
      reads the system's CA bundle; nothing is fetched. The default HTTPS context is ``_trusting_nothing``
      meanwhile (fail closed).
    * fontTools' subsetter (~70 ms to import): WeasyPrint imports it for its fallback, used only when HarfBuzz
      cannot subset a font. It is imported lazily (``_lazy_module``): loaded at its first use, if ever.
    * fontTools' instancer of variable fonts (~60 ms with ``fontTools.varLib``), for a variable font only (the
      documents' Liberation Serif is not one): WeasyPrint gets a stand-in of its function that imports it at the
      first call (``_deferred_function``).
    """
    find_library, https_context = ctypes.util.find_library, ssl._create_default_https_context
    if sys.platform.startswith("linux"):
        ctypes.util.find_library = lambda name: None
    ssl._create_default_https_context = _trusting_nothing
    _lazy_module("fontTools.subset")
    try:
        with _deferred_function("fontTools.varLib.instancer", "instantiateVariableFont"):
            yield
    finally:
        ctypes.util.find_library, ssl._create_default_https_context = find_library, https_context


@contextlib.contextmanager
def _deferred_function(module_name: str, name: str):
    """Meanwhile, ``from <module_name> import <name>`` gives a function that imports the module at its first call
    and calls the real one; the module itself is not imported (a stand-in is in ``sys.modules`` meanwhile only: an
    import after this finds the real module)."""
    if module_name in sys.modules:
        yield
        return

    def deferred(*args, **kwargs):
        return getattr(importlib.import_module(module_name), name)(*args, **kwargs)

    deferred.__name__ = deferred.__qualname__ = name
    stand_in = types.ModuleType(module_name)
    setattr(stand_in, name, deferred)
    sys.modules[module_name] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(module_name) is stand_in:
            del sys.modules[module_name]


def _lazy_module(name: str) -> None:
    """Module ``name`` made importable without running it: the standard library's ``LazyLoader`` runs it at the
    first attribute read (a ``from package import name`` finds it on its package and reads none)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


_import_lock = threading.Lock()


@functools.cache
def _import_weasyprint() -> None:
    """Import WeasyPrint, on first use: it takes most of a second, which every ``manage.py`` command and every
    worker paid at start-up when this module imported it at load time."""
    # The patches of _lean_import are process-wide: one import at a time, restored after. The modules live as
    # long as the process: the garbage collector skips them (plans/startup.py).
    with _import_lock, startup.long_lived():
        try:
            with _lean_import():
                import weasyprint  # noqa: F401
        except OSError:  # a C library not found by its soname: WeasyPrint's own search, subprocesses and all
            import weasyprint  # noqa: F401


@functools.cache
def _fetcher_class():
    """``StaticOnlyFetcher``, made on first use (it subclasses WeasyPrint's fetcher)."""
    _import_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """A WeasyPrint URL fetcher that serves only the project's static files."""

        def __init__(self):
            super().__init__(allowed_protocols=("https",), allow_redirects=False, fail_on_errors=False,
                             ssl_context=_trusting_nothing())

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


@functools.cache
def _engine() -> Engine:
    """The documents' template engine: the pages' template folders, Django's built-in tags and ``i18n``. The pages'
    engine first imports the template tags of every installed app (the API's pull in an HTTP client: ~0.1 s), none
    of which a document uses. Cached loaders with DEBUG off; with DEBUG on none, since runserver's reloader only
    refreshes the pages' engines, and an edited document template shows at the next preview."""
    pages = next(engine for engine in settings.TEMPLATES if engine["BACKEND"].endswith(".DjangoTemplates"))
    loaders = ["django.template.loaders.filesystem.Loader"]
    if pages.get("APP_DIRS"):
        loaders.append("django.template.loaders.app_directories.Loader")
    if not settings.DEBUG:
        loaders = [("django.template.loaders.cached.Loader", loaders)]
    return Engine(dirs=pages.get("DIRS", []), loaders=loaders, debug=settings.DEBUG,
                  libraries={"i18n": "django.templatetags.i18n"})


def render_html(document: Document, *, preview: bool = False) -> str:
    context = {"doc": document, "fonts": font_urls(preview=preview), "preview": preview}
    return _engine().render_to_string(TEMPLATE, context)


def render_pdf(document: Document, *, url_fetcher=None) -> bytes:
    """The PDF of ``document``; ``url_fetcher``: a ``StaticOnlyFetcher`` (default: a new one)."""
    _import_weasyprint()
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_html(document)
    fetcher = url_fetcher or _fetcher_class()()
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(font_config=FontConfiguration())
