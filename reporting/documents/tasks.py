"""Celery task: a thin wrapper over ``services.document_render``."""

from celery import Task, shared_task

from .services import TRANSIENT_ERRORS, document_mark_failed, document_render


class _RenderTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """After the last retry the user sees why, instead of a rendering that never ends."""
        if args:
            document_mark_failed(rendered_document_id=args[0], error=f"{type(exc).__name__}: {exc}")


@shared_task(
    base=_RenderTask,
    name="reporting.documents.render_document",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=3,
)
def render_document(rendered_document_id: int) -> int:
    return document_render(rendered_document_id=rendered_document_id).pk
