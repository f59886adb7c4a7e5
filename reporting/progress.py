"""What each task's lead unit last reported of it (``reporting.models.TaskProgress``), kept up to date.

The rule, by which leadership's dashboards count a task *done* (``reporting.dashboards.selectors``): a task
(a ``plans.Responsibility``) has the status given to it by the last submitted report of its lead unit on its plan
(latest ``submitted_at``, then the higher id) among those that name it in ``Submission.task_updates``. Drafts,
another unit's reports and the lead unit's reports on other plans do not count.

It is computed here from the reports once per change instead of at every view of the overview (where it read the
JSON of ~3,000 reports for a province, ~25 ms of every cold overview):

* a report submitted (any ``Submission`` saved with ``submitted_at``): the tasks its unit leads on its plan, in the
  submission's transaction, the tasks' rows locked first (two reports of a unit on one plan submitted at the same
  time are counted one after the other, the second seeing the first);
* a duty saved (its lead unit may have changed): that task;
* an obligation deleted (its reports go with it): the tasks of its plan, once the deletion is committed;
* a table of reports written at once (``seed_scale``, the data migration): ``refresh()`` of the tasks concerned,
  or ``refresh()`` of all.

A deleted report takes its rows with it (``TaskProgress.submission``); so does a deleted task.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Func, QuerySet, TextField, Value, Window
from django.db.models.functions import Cast, FirstValue

from .choices import TaskStatus

_REPORTS = "plan__reporting_obligations__requests"  # a task's plan's requests, then their submissions
_SUBMISSIONS = f"{_REPORTS}__submissions"


class _ReportedStatus(Func):
    """``updates -> <responsibility id> ->> 'status'`` of a submission's task updates (PostgreSQL; SQLite for
    ``make run``)."""

    function = "jsonb_extract_path_text"
    output_field = TextField()

    def __init__(self, updates, responsibility_id):
        super().__init__(updates, Cast(responsibility_id, TextField()), Value("status"))

    def as_sqlite(self, compiler, connection, **extra):
        updates, key = (compiler.compile(expression) for expression in self.source_expressions[:2])
        return f"json_extract({updates[0]}, '$.\"' || {key[0]} || '\".status')", (*updates[1], *key[1])


def last_reported(responsibilities: QuerySet) -> dict[int, tuple[str, int]]:
    """{task id: (its last reported status, that report's id)} of those of ``responsibilities`` ever reported on
    (one query: each task's reports ranked by a window)."""
    newest_first = [F(f"{_SUBMISSIONS}__submitted_at").desc(), F(f"{_SUBMISSIONS}__id").desc()]
    rows = (responsibilities
            .filter(**{f"{_REPORTS}__unit_id": F("lead_unit_id"), f"{_SUBMISSIONS}__submitted_at__isnull": False})
            .annotate(reported=_ReportedStatus(F(f"{_SUBMISSIONS}__task_updates"), F("pk")))
            .filter(reported__isnull=False)
            .annotate(last=Window(FirstValue("reported"), partition_by=F("pk"), order_by=newest_first),
                      last_submission=Window(FirstValue(f"{_SUBMISSIONS}__id"), partition_by=F("pk"),
                                             order_by=newest_first))
            .order_by().values_list("pk", "last", "last_submission"))
    return {pk: (status, submission_id) for pk, status, submission_id in rows}


def refresh(responsibilities: QuerySet, *, models=None) -> None:
    """Recompute the progress of ``responsibilities`` from their reports (``models``: the ``Responsibility`` and
    ``TaskProgress`` classes, for a data migration)."""
    if models is None:
        from plans.models import Responsibility

        from .models import TaskProgress
    else:
        Responsibility, TaskProgress = models
    with transaction.atomic():
        ids = list(responsibilities.order_by().select_for_update().values_list("pk", flat=True))
        if not ids:
            return
        found = last_reported(Responsibility.objects.filter(pk__any=ids))
        TaskProgress.objects.filter(responsibility_id__any=ids).exclude(responsibility_id__any=list(found)).delete()
        TaskProgress.objects.bulk_create(
            [TaskProgress(responsibility_id=pk, status=status if status in TaskStatus.values else "",
                          submission_id=submission_id) for pk, (status, submission_id) in found.items()],
            batch_size=2000, update_conflicts=True, unique_fields=["responsibility"],
            update_fields=["status", "submission"])


def refresh_all() -> None:
    from plans.models import Responsibility

    refresh(Responsibility.objects.all())


# --- Kept by signals (``reporting.apps``): whoever writes a report, a duty or an obligation --------------


def _submission_saved(sender, instance, **kwargs) -> None:
    if instance.submitted_at is None:
        return  # a draft counts for nothing
    from plans.models import Responsibility

    from .models import ReportRequest

    request = ReportRequest.objects.filter(pk=instance.request_id).values("obligation__plan_id", "unit_id")
    refresh(Responsibility.objects.filter(plan_id__in=request.values("obligation__plan_id"),
                                          lead_unit_id__in=request.values("unit_id")))


def _responsibility_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    if created or raw:
        return  # a new task: no report names it yet
    refresh(sender.objects.filter(pk=instance.pk))


def _obligation_deleted(sender, instance, **kwargs) -> None:
    from plans.models import Responsibility

    plan_id = instance.plan_id
    transaction.on_commit(lambda: refresh(Responsibility.objects.filter(plan_id=plan_id)))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from plans.models import Responsibility

    from .models import ReportingObligation, Submission

    post_save.connect(_submission_saved, sender=Submission, dispatch_uid="progress-submission")
    post_save.connect(_responsibility_saved, sender=Responsibility, dispatch_uid="progress-responsibility")
    post_delete.connect(_obligation_deleted, sender=ReportingObligation, dispatch_uid="progress-obligation")
