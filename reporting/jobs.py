"""One pattern for every long job: queued → running → done or failed, never stuck.

A job is a database row (a model built on ``Job``): official-document renderings,
consolidated-report compilations, e-mails, and the feature apps' imports. The row is
the truth; the Celery task only carries its id.

* ``job_queue(job, now=)`` — called by the service that asks for the work, inside its
  transaction with the row locked: a job that is done is left alone; a failed one, one
  that no worker picked up within ``PORTAL_JOB_QUEUE_TIMEOUT`` or whose worker died
  (running without a heartbeat for ``PORTAL_JOB_RUN_TIMEOUT``) is queued again; a fresh
  queued or running job is not queued twice.
* ``job_execute(Model, pk, work)`` — called by the task: marks the job running, calls
  ``work(job)``, then marks it done with the fields ``work`` returns, or failed with an
  error code whose message is translated when shown (``job.error_message``), so the
  user reads it in their own language. Transient errors (database, network) are raised
  again so that the task retries them with backoff; ``job_task_failed`` marks the job
  failed once the retries are spent.
* ``jobs_requeue_stale(now=)`` — the periodic sweep (Celery beat) that queues again what
  was lost, for every registered job model, without waiting for a user to ask.

A model registers itself with ``register(Model)``; it defines ``enqueue()`` (queue its
Celery task with ``self.pk``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from celery import Task
from django.conf import settings
from django.db import InterfaceError, OperationalError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans.choices import ColoredChoices

from . import background

logger = logging.getLogger(__name__)

# Errors worth another try (the task retries them); anything else marks the job failed.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class JobStatus(ColoredChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


JobStatus._colors = {"queued": "secondary", "running": "info", "done": "success", "failed": "danger"}


class JobError(models.TextChoices):
    """Why a job failed; the label is the message the user reads (translated when shown)."""

    SOURCE_MISSING = "source_missing", _("What this job was working on no longer exists.")
    UNEXPECTED = "unexpected", _("An unexpected error stopped the work. Try again; if it fails again, tell the "
                                 "portal's administrator.")
    RETRIES_EXHAUSTED = "retries_exhausted", _("A temporary error (database, network or mail server) kept "
                                               "recurring. Try again later.")
    REFUSED = "refused", _("The work was refused; see the detail.")


class JobFailure(Exception):
    """Raised by a job's work to fail it with a given code (and a detail for administrators)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code, self.detail = code, detail


class Job(models.Model):
    """The fields of a long job. Concrete jobs add what they work on and define ``enqueue()``."""

    job_status = models.CharField(_("job status"), max_length=10, choices=JobStatus.choices,
                                  default=JobStatus.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error_code = models.CharField(_("error"), max_length=24, choices=JobError.choices, blank=True)
    error_detail = models.TextField(_("error detail"), blank=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of work"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    def enqueue(self) -> None:  # pragma: no cover - every concrete job defines it
        raise NotImplementedError

    @property
    def is_finished(self) -> bool:
        return self.job_status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def is_done(self) -> bool:
        return self.job_status == JobStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.job_status == JobStatus.FAILED

    @property
    def error_message(self) -> str:
        """The reason of a failure in the reader's language ('' when the job did not fail)."""
        if self.job_status != JobStatus.FAILED:
            return ""
        return str(JobError(self.error_code).label if self.error_code in JobError.values
                   else JobError.UNEXPECTED.label)

    @property
    def status_color(self) -> str:
        return JobStatus.color_of(self.job_status)


_JOB_MODELS: list[type[Job]] = []


def register(model: type[Job]) -> type[Job]:
    """Register a job model with the periodic sweep (usable as a class decorator)."""
    if model not in _JOB_MODELS:
        _JOB_MODELS.append(model)
    return model


def job_models() -> list[type[Job]]:
    return list(_JOB_MODELS)


def queue_timeout() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "PORTAL_JOB_QUEUE_TIMEOUT", 120))


def run_timeout() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "PORTAL_JOB_RUN_TIMEOUT", 600))


def is_stale(job: Job, *, now: dt.datetime) -> bool:
    """Queued and never picked up, or running without a sign of life: the work was lost."""
    if job.job_status == JobStatus.QUEUED:
        return (job.queued_at or now) < now - queue_timeout()
    if job.job_status == JobStatus.RUNNING:
        return (job.heartbeat_at or job.queued_at or now) < now - run_timeout()
    return False


def job_send(job: Job) -> None:
    """Hand the job to the broker; a broker that is down leaves it queued for the sweep."""
    try:
        job.enqueue()
    except Exception:  # the row stays queued; jobs_requeue_stale queues it again later
        logger.exception("Could not queue %s #%s; the sweep will queue it again", type(job).__name__, job.pk)
        background.publish_failed()  # the page tells the user that the work is delayed


def job_queue(job: Job, *, now: dt.datetime, again: bool = False) -> bool:
    """Queue ``job`` if it needs it (call it with the row locked, in the caller's transaction).

    Returns whether the job was queued. ``again``: queue even a finished job (a new compilation).
    A job still queued or running, and not stale, is never queued twice.
    """
    if job.job_status == JobStatus.DONE and not again:
        return False
    if job.job_status in (JobStatus.QUEUED, JobStatus.RUNNING) and job.pk and not is_stale(job, now=now):
        return False
    job.job_status, job.progress, job.error_code, job.error_detail = JobStatus.QUEUED, 0, "", ""
    job.queued_at, job.heartbeat_at, job.finished_at = now, None, None
    job.save()
    transaction.on_commit(lambda: job_send(job))
    return True


def job_progress(job: Job, progress: int) -> None:
    """Record progress (and a heartbeat) outside the work's transaction, so the page can show it."""
    type(job).objects.filter(pk=job.pk).update(progress=progress, heartbeat_at=timezone.now())
    job.progress = progress


def job_execute(model: type[Job], pk: int, work: Callable[[Job], dict | None], *,
                transient: tuple[type[BaseException], ...] = TRANSIENT_ERRORS, retry_in: float = 0) -> Job:
    """Run ``work`` for the job ``pk`` of ``model``; idempotent: a done job is returned as it is.

    ``work(job)`` returns the fields to save with the job once done (or None). It raises
    ``JobFailure`` to fail the job with a code. A ``transient`` error puts the job back in the
    queue, due in ``retry_in`` seconds (the sweep leaves it alone until then), and is raised
    again for the task to retry.
    """
    with transaction.atomic():
        job = model.objects.select_for_update().filter(pk=pk).first()
        if job is None or job.job_status == JobStatus.DONE:
            return job
        now = timezone.now()
        job.job_status, job.heartbeat_at, job.attempts = JobStatus.RUNNING, now, job.attempts + 1
        job.progress = max(job.progress, 5)
        model.objects.filter(pk=pk).update(job_status=job.job_status, heartbeat_at=now, attempts=job.attempts,
                                           progress=job.progress)
    try:
        fields = work(job) or {}
    except transient as exc:
        model.objects.filter(pk=pk).exclude(job_status=JobStatus.DONE).update(
            job_status=JobStatus.QUEUED, queued_at=timezone.now() + dt.timedelta(seconds=retry_in),
            heartbeat_at=None, error_detail=f"{type(exc).__name__}: {exc}"[:4000],
        )
        raise
    except JobFailure as failure:
        job_mark_failed(model, pk, code=failure.code, detail=failure.detail)
    except Exception as exc:  # a bug or broken data: keep the reason for administrators, do not retry
        logger.exception("%s #%s failed", model.__name__, pk)
        job_mark_failed(model, pk, code=JobError.UNEXPECTED, detail=f"{type(exc).__name__}: {exc}")
    else:
        model.objects.filter(pk=pk).update(job_status=JobStatus.DONE, progress=100, error_code="", error_detail="",
                                           finished_at=timezone.now(), heartbeat_at=timezone.now(), **fields)
    job.refresh_from_db()
    return job


def job_mark_failed(model: type[Job], pk: int, *, code: str, detail: str = "") -> None:
    model.objects.filter(pk=pk).exclude(job_status=JobStatus.DONE).update(
        job_status=JobStatus.FAILED, error_code=code, error_detail=(detail or "")[:4000], finished_at=timezone.now(),
    )


def job_task_failed(model: type[Job], pk: int, exc: BaseException) -> None:
    """A task's ``on_failure``: its retries are spent (or it raised past ``job_execute``)."""
    code = JobError.RETRIES_EXHAUSTED if isinstance(exc, TRANSIENT_ERRORS) else JobError.UNEXPECTED
    job_mark_failed(model, pk, code=code, detail=f"{type(exc).__name__}: {exc}")


def retry_delays() -> list[float]:
    """Seconds before each retry of a job's task (``PORTAL_JOB_RETRY_DELAYS``); their count is the retry limit."""
    return list(getattr(settings, "PORTAL_JOB_RETRY_DELAYS", [10, 60, 300, 900, 3600]))


def run_job_task(task, service: Callable[..., Job], pk: int, *,
                 transient: tuple[type[BaseException], ...] = TRANSIENT_ERRORS) -> Job:
    """The body of every job task: call ``service(pk, retry_in=…)``; retry transient errors with backoff.

    Once the retries are spent the task fails, and its ``on_failure`` (``JobTask``) marks the job failed.
    """
    delays = retry_delays()
    delay = delays[min(task.request.retries, len(delays) - 1)]
    try:
        return service(pk, retry_in=delay)
    except transient as exc:
        raise task.retry(exc=exc, countdown=delay, max_retries=len(delays)) from exc


class JobTask(Task):
    """Base of job tasks: acknowledged late (a task lost with its worker goes to another worker) and, on
    final failure, the job is marked failed so the user sees why instead of a job that never ends."""

    acks_late = True
    reject_on_worker_lost = True
    job_model: str = ""  # "app_label.ModelName"

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        from django.apps import apps

        pk = args[0] if args else next(iter(kwargs.values()), None)
        if pk is not None and self.job_model:
            job_task_failed(apps.get_model(self.job_model), pk, exc)


def jobs_requeue_stale(*, now: dt.datetime) -> int:
    """Queue again every registered job that was lost (never picked up, or its worker died)."""
    count = 0
    for model in job_models():
        candidates = model.objects.filter(
            models.Q(job_status=JobStatus.QUEUED, queued_at__lt=now - queue_timeout())
            | models.Q(job_status=JobStatus.RUNNING, heartbeat_at__lt=now - run_timeout())
        ).values_list("pk", flat=True)[:500]
        for pk in list(candidates):
            with transaction.atomic():
                job = model.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
                if job is not None and job_queue(job, now=now):
                    count += 1
    return count
