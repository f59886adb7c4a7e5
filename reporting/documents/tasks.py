"""Celery task: a thin wrapper over ``services.document_render`` (a job: ``reporting.jobs``)."""

from celery import shared_task

from reporting.jobs import JobTask, run_job_task

from .services import document_render


@shared_task(bind=True, base=JobTask, job_model="reporting.RenderedDocument",
             name="reporting.documents.render_document")
def render_document(self, rendered_document_id: int) -> int:
    return run_job_task(self, lambda pk, retry_in: document_render(rendered_document_id=pk, retry_in=retry_in),
                        rendered_document_id).pk
