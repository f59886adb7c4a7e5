"""Which objects can be rendered as official documents, and how.

A source is named in URLs by a short key (``plan``); for each: the model, the adapter
that describes an object as a ``Document``, the loader that fetches an object the user
may see (404 otherwise) and the visibility check. Each app registers its own sources
from its ``AppConfig.ready()`` (reporting registers ``plan``, ``report`` and
``consolidated`` in ``reporting/apps.py``); a feature app does the same::

    from reporting.documents.registry import Source, register
    register("minutes", Source(model="coordination.meeting", adapter="coordination.documents.minutes",
                               loader="coordination.selectors.meeting_get",
                               can_view="coordination.policy.can_view_meeting"))

Dotted paths are imported when used, so ``ready()`` imports no model module.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Source:
    model: str  # "app_label.model_name"
    adapter: str  # dotted path: obj -> Document
    loader: str  # dotted path: (*, user, pk) -> obj, raising Http404 when the user may not see it
    can_view: str  # dotted path: (user, obj) -> bool


_sources: dict[str, Source] = {}


def register(key: str, source: Source) -> None:
    """Add ``source`` under ``key``; a key (or a model) registered twice is a programming error."""
    if key in _sources:
        raise ImproperlyConfigured(f"Document source {key!r} is already registered")
    if any(s.model == source.model for s in _sources.values()):
        raise ImproperlyConfigured(f"Model {source.model!r} already has a document source")
    _sources[key] = source


def unregister(key: str) -> None:
    """Remove a source (tests that register their own)."""
    _sources.pop(key, None)


def registered() -> dict[str, Source]:
    """{key: source} in registration order."""
    return dict(_sources)


def source_for_key(key: str) -> Source | None:
    return _sources.get(key)


def source_for_object(obj) -> Source:
    label = obj._meta.label_lower
    for source in _sources.values():
        if source.model == label:
            return source
    raise LookupError(f"No document adapter for {label}")


def describe(obj):
    """The ``Document`` describing ``obj``."""
    return import_string(source_for_object(obj).adapter)(obj)


def can_view(user, obj) -> bool:
    return bool(obj is not None and import_string(source_for_object(obj).can_view)(user, obj))


def load(key: str, *, user, pk: int):
    return import_string(_sources[key].loader)(user=user, pk=pk)
