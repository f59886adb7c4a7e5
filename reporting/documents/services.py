"""Requesting and rendering official documents; the files are kept in ``RenderedDocument``.

A request looks for a stored rendering with the same content hash (the description
of the object plus the layout version): an unchanged object reuses its file, a changed
one is rendered anew by the Celery task ``reporting.documents.tasks.render_document``.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from reporting.models import RenderedDocument, RenderFormat, RenderStatus

from . import render
from .registry import describe

logger = logging.getLogger(__name__)

# Errors worth another try (the task retries them); anything else marks the rendering failed.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
# A rendering still waiting after this long was never picked up by a worker: the next request re-queues it.
STALE_PENDING = dt.timedelta(minutes=2)


def _set_progress(rendered_document_id: int, progress: int, **fields) -> None:
    RenderedDocument.objects.filter(pk=rendered_document_id).update(progress=progress, **fields)


@transaction.atomic
def document_request(*, source, fmt: str, actor, now=None) -> RenderedDocument:
    """The rendering of ``source`` as ``fmt``: the stored one if unchanged, else a new one queued for the worker.

    ``actor`` must be allowed to see ``source`` (the view checks it through the registry).
    """
    if fmt not in RenderFormat.values:
        raise ValueError(f"Unknown document format: {fmt}")
    description = describe(source)
    document, created = RenderedDocument.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(source),
        object_id=source.pk,
        format=fmt,
        content_hash=description.content_hash(),
        defaults={"requested_by": actor if getattr(actor, "pk", None) else None},
    )
    now = now or timezone.now()
    stale = document.status == RenderStatus.PENDING and document.updated_at < now - STALE_PENDING
    if not created and (document.status == RenderStatus.FAILED or stale):
        # Failed, or queued long ago and never picked up (no worker was running): queue it again.
        # Rendering is idempotent, so a second copy of the task in the queue does no harm.
        document.status, document.progress, document.error = RenderStatus.PENDING, 0, ""
        document.save(update_fields=["status", "progress", "error", "updated_at"])
        created = True
    if created:
        from .tasks import render_document

        transaction.on_commit(lambda: render_document.delay(document.pk))
    return document


def document_render(*, rendered_document_id: int) -> RenderedDocument:
    """Render one requested document and store its file. Idempotent: a finished one is left as it is."""
    with transaction.atomic():
        document = RenderedDocument.objects.select_for_update().get(pk=rendered_document_id)
        if document.status == RenderStatus.DONE and document.file:
            return document
        document.status, document.progress, document.error = RenderStatus.RUNNING, 10, ""
        document.save(update_fields=["status", "progress", "error", "updated_at"])
    try:
        source = document.source
        if source is None:
            raise LookupError("The object of this document no longer exists.")
        description = describe(source)
        _set_progress(document.pk, 40)
        data = render(description, document.format)
        _set_progress(document.pk, 90)
        if document.file:
            document.file.delete(save=False)
        document.file.save(f"{description.filename}.{document.format}", ContentFile(data), save=False)
        document.status, document.progress, document.error = RenderStatus.DONE, 100, ""
        document.save(update_fields=["file", "status", "progress", "error", "updated_at"])
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # a broken description or template: keep the reason, do not retry
        logger.exception("Rendering document %s failed", document.pk)
        document_mark_failed(rendered_document_id=document.pk, error=f"{type(exc).__name__}: {exc}")
        document.refresh_from_db()
    return document


def document_mark_failed(*, rendered_document_id: int, error: str) -> None:
    RenderedDocument.objects.filter(pk=rendered_document_id).update(status=RenderStatus.FAILED, error=error[:2000])
