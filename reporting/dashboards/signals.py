"""The overview's cache is dropped whenever what it counts changes (a plan issued, a report submitted or reviewed…).

A unit's draft changes nothing it counts (a task is done by a submitted report; a request not started and one
in draft are owed alike): on deadline day hundreds of drafts are saved an hour, and leadership's overview stays
cached meanwhile. The daily job's bulk inserts call ``invalidate`` themselves
(``reporting.selectors.requests_opened``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from plans.models import Plan, PlanIssuer, Responsibility

from ..models import ReportRequest, RequestStatus, Review, Submission
from .selectors import invalidate

WATCHED = (Plan, PlanIssuer, Responsibility, ReportRequest, Submission, Review)


def _saved(sender, instance=None, **kwargs) -> None:
    if sender is Submission and instance.submitted_at is None:
        return  # a draft
    if sender is ReportRequest and instance.status == RequestStatus.DRAFT:
        return  # a first draft: owed as before
    invalidate()


def connect() -> None:
    for model in WATCHED:
        post_save.connect(_saved, sender=model, dispatch_uid=f"dashboards-save-{model._meta.label_lower}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"dashboards-delete-{model._meta.label_lower}")
    m2m_changed.connect(invalidate, sender=Responsibility.supporting_units.through, dispatch_uid="dashboards-m2m")
