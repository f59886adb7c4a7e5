"""The overview's cache is dropped whenever what it counts changes (a plan issued, a report submitted or reviewed…)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from plans.models import Plan, PlanIssuer, Responsibility

from ..models import ReportRequest, Review, Submission
from .selectors import invalidate

WATCHED = (Plan, PlanIssuer, Responsibility, ReportRequest, Submission, Review)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"dashboards-save-{model._meta.label_lower}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"dashboards-delete-{model._meta.label_lower}")
    m2m_changed.connect(invalidate, sender=Responsibility.supporting_units.through, dispatch_uid="dashboards-m2m")
