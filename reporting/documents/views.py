"""Views: request a rendering, follow its progress (htmx polling), download it, preview the HTML."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from reporting.models import RenderedDocument, RenderFormat

from . import registry, services
from .pdf import render_html


def _source(key: str, *, user, pk: int):
    if registry.source_for_key(key) is None:
        raise Http404
    return registry.load(key, user=user, pk=pk)


def _visible_document(user, pk: int) -> RenderedDocument:
    document = get_object_or_404(RenderedDocument.objects.select_related("content_type"), pk=pk)
    try:
        source = document.source
    except LookupError:
        source = None
    if source is None or not registry.can_view(user, source):
        raise Http404
    return document


def _status_response(request, document: RenderedDocument):
    context = {"document": document, "finished": document.is_finished}
    if request.htmx:
        return render(request, "reporting/documents/_status.html", context)
    return render(request, "reporting/documents/status.html", context)


@login_required
@require_POST
def document_request(request, source: str, pk: int, fmt: str):
    if fmt not in RenderFormat.values:
        raise Http404
    obj = _source(source, user=request.user, pk=pk)
    return _after_post(request, services.document_request(source=obj, fmt=fmt, actor=request.user,
                                                          now=timezone.now()))


def _after_post(request, document: RenderedDocument):
    """htmx swaps the status in place; without it, the status page."""
    if request.htmx:
        return _status_response(request, document)
    return redirect("reporting:document_status", pk=document.pk)


@login_required
@require_POST
def document_retry(request, pk: int):
    return _after_post(request, services.document_retry(document=_visible_document(request.user, pk),
                                                        actor=request.user, now=timezone.now()))


@login_required
@require_GET
def document_status(request, pk: int):
    return _status_response(request, _visible_document(request.user, pk))


@login_required
@require_GET
def document_download(request, pk: int):
    document = _visible_document(request.user, pk)
    if not document.is_done or not document.file:
        raise Http404
    # Stored as "<filename>.<fmt>" (letters, digits, dashes); storage may add "_<random>" on a clash.
    stem = document.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0].split("_")[0]
    filename = f"{stem}.{document.format}"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=filename)


@login_required
@require_GET
def document_preview(request, source: str, pk: int):
    obj = _source(source, user=request.user, pk=pk)
    response = HttpResponse(render_html(registry.describe(obj), preview=True))
    # The preview is a document, not an application page: no scripts, nothing from elsewhere.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'"
    return response
