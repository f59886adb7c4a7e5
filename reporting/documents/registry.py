"""Which objects can be rendered as official documents, and how.

A source is named in URLs by a short key (``plan``); for each: the model, the adapter
that describes an object as a ``Document``, the loader that fetches an object the user
may see (404 otherwise) and the visibility check. The reporting issue adds ``report``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Source:
    model: str  # "app_label.model_name"
    adapter: str  # dotted path: obj -> Document
    loader: str  # dotted path: (*, user, pk) -> obj, raising Http404 when the user may not see it
    can_view: str  # dotted path: (user, obj) -> bool


SOURCES: dict[str, Source] = {
    "plan": Source(
        model="plans.plan",
        adapter="reporting.documents.plans.plan_document",
        loader="plans.selectors.plan_get",
        can_view="plans.policy.can_view_plan",
    ),
    "report": Source(
        model="reporting.submission",
        adapter="reporting.documents.reports.report_document",
        loader="reporting.documents.reports.load_report",
        can_view="reporting.documents.reports.can_view_report",
    ),
    "consolidated": Source(
        model="reporting.consolidatedreport",
        adapter="reporting.documents.reports.consolidated_document",
        loader="reporting.documents.reports.load_consolidated",
        can_view="reporting.documents.reports.can_view_consolidated",
    ),
}


def source_for_key(key: str) -> Source | None:
    return SOURCES.get(key)


def source_for_object(obj) -> Source:
    label = obj._meta.label_lower
    for source in SOURCES.values():
        if source.model == label:
            return source
    raise LookupError(f"No document adapter for {label}")


def describe(obj):
    """The ``Document`` describing ``obj``."""
    return import_string(source_for_object(obj).adapter)(obj)


def can_view(user, obj) -> bool:
    return bool(obj is not None and import_string(source_for_object(obj).can_view)(user, obj))


def load(key: str, *, user, pk: int):
    source = SOURCES[key]
    return import_string(source.loader)(user=user, pk=pk)
