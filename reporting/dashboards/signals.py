"""The overview's cache is dropped whenever what it counts changes (a plan issued, a report submitted or reviewed…).

A unit's draft changes nothing it counts (a task is done by a submitted report; a request not started and one
in draft are owed alike): on deadline day hundreds of drafts are saved an hour, and leadership's overview stays
cached meanwhile. A report, a request or a review moves the overview's generation but not that of the plans
(``selectors.PLANS``: the apps' panels stay cached), nor that of the other years (``selectors.PAST``: the earlier
years' trend, the years kept) unless its period or its plan is of another year than this one. The daily job's
bulk inserts call ``invalidate`` themselves (``reporting.selectors.requests_opened``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from plans.models import Plan, PlanIssuer, Responsibility

from ..models import ReportRequest, RequestStatus, Review, Submission
from .selectors import invalidate

PLAN_SIDE = (Plan, PlanIssuer, Responsibility)
REPORT_SIDE = (ReportRequest, Submission, Review)


def _touches_other_years(sender, instance) -> bool:
    """Is the request a report, a request or a review belongs to of another year's period or plan than this
    year's? (one query; yes when it is gone, as in a deletion)"""
    if sender is Review:
        requests = ReportRequest.objects.filter(submissions__pk=instance.submission_id)
    else:
        requests = ReportRequest.objects.filter(pk=instance.pk if sender is ReportRequest else instance.request_id)
    years = requests.values_list("period__year", "obligation__plan__year").first()
    current = timezone.localdate().year
    return years is None or min(years) < current or max(years) > current


def _changed(sender, instance=None, **kwargs) -> None:
    if sender in PLAN_SIDE:
        invalidate()
    else:
        invalidate(plans=False, past=_touches_other_years(sender, instance))


def _saved(sender, instance=None, **kwargs) -> None:
    if sender is Submission and instance.submitted_at is None:
        return  # a draft
    if sender is ReportRequest and instance.status == RequestStatus.DRAFT:
        return  # a first draft: owed as before
    _changed(sender, instance)


def _m2m_changed(**kwargs) -> None:
    invalidate()


def connect() -> None:
    for model in (*PLAN_SIDE, *REPORT_SIDE):
        post_save.connect(_saved, sender=model, dispatch_uid=f"dashboards-save-{model._meta.label_lower}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"dashboards-delete-{model._meta.label_lower}")
    m2m_changed.connect(_m2m_changed, sender=Responsibility.supporting_units.through, dispatch_uid="dashboards-m2m")
