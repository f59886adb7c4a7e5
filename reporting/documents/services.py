"""Requesting and rendering official documents; the files are kept in ``RenderedDocument``.

A request looks for a stored rendering with the same content hash (the description
of the object plus the layout version): an unchanged object reuses its file, a changed
one is rendered anew by the Celery task ``reporting.documents.tasks.render_document``.
A rendering is a job (``reporting.jobs``): a failed or lost one is queued again by the
next request, by the retry button, or by the periodic sweep.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from reporting import jobs
from reporting.models import RenderedDocument, RenderFormat

from . import render
from .registry import can_view, describe


def _describe(source):
    """An official document is in Vietnamese whoever asks for it (and so has one content hash)."""
    with translation.override(settings.LANGUAGE_CODE):
        return describe(source)


@transaction.atomic
def document_request(*, source, fmt: str, actor, now: dt.datetime) -> RenderedDocument:
    """The rendering of ``source`` as ``fmt``: the stored one if unchanged, else a new one queued for the worker."""
    if fmt not in RenderFormat.values:
        raise ValueError(f"Unknown document format: {fmt}")
    if not can_view(actor, source):
        raise PermissionDenied(_("You may not see this document."))
    description = _describe(source)
    document, created = RenderedDocument.objects.select_for_update().get_or_create(
        content_type=ContentType.objects.get_for_model(source),
        object_id=source.pk,
        format=fmt,
        content_hash=description.content_hash(),
        defaults={"requested_by": actor if getattr(actor, "pk", None) else None, "queued_at": now},
    )
    if created:
        transaction.on_commit(lambda: jobs.job_send(document))
    else:
        jobs.job_queue(document, now=now)  # failed, or lost on its way: queued again; else left alone
    return document


@transaction.atomic
def document_retry(*, document: RenderedDocument, actor, now: dt.datetime) -> RenderedDocument:
    """The retry button of a failed rendering."""
    document = RenderedDocument.objects.select_for_update().get(pk=document.pk)
    source = document.source
    if source is None or not can_view(actor, source):
        raise PermissionDenied(_("You may not see this document."))
    jobs.job_queue(document, now=now)
    return document


def _render(document: RenderedDocument) -> dict:
    source = document.source
    if source is None:
        raise jobs.JobFailure(jobs.JobError.SOURCE_MISSING, "The object of this document no longer exists.")
    description = _describe(source)
    jobs.job_progress(document, 40)
    data = render(description, document.format)
    jobs.job_progress(document, 90)
    if document.file:
        document.file.delete(save=False)
    document.file.save(f"{description.filename}.{document.format}", ContentFile(data), save=False)
    return {"file": document.file.name}


def document_render(*, rendered_document_id: int, retry_in: float = 0) -> RenderedDocument:
    """Render one requested document and store its file. Idempotent: a finished one is left as it is."""
    return jobs.job_execute(RenderedDocument, rendered_document_id, _render, retry_in=retry_in)
