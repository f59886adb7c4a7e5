"""Registries through which higher layers show things on the plans pages.

``plans`` imports no other app. An app above it (reporting, the feature apps)
registers what it adds in its ``AppConfig.ready()``:

    from plans.extensions import plan_detail_panels
    plan_detail_panels.register("reporting/documents/_plan_buttons.html")

Each registered template is included in the plan detail page with ``plan`` and
``request`` in its context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class TemplateRegistry:
    def __init__(self):
        self._templates: list[str] = []

    def register(self, template_name: str) -> None:
        if template_name not in self._templates:
            self._templates.append(template_name)

    def __iter__(self):
        return iter(list(self._templates))


plan_detail_panels = TemplateRegistry()
# The menu's items (in ``templates/base.html``), rendered once per user and kept (``plans.context_processors``):
# an item may show what the user, their unit, their roles, the language and the host make; anything else it shows
# must be given by a function of ``nav_vary`` (a count that changes all day belongs in ``header_items``).
nav_items = TemplateRegistry()
# Shown in the header beside the menu toggler, at every width (e.g. the unread notifications' bell).
header_items = TemplateRegistry()


class CallableRegistry:
    """Functions registered by higher apps, called in registration order.

    A function may be registered by its dotted path ("app.module.function"), imported when the registry is
    first read: an app's ``ready()`` then does not import a module (e.g. its demo, which imports the importer
    and the services) that every command and worker would load at start-up and few use.
    """

    def __init__(self):
        self._functions: list = []

    def register(self, function) -> None:
        if function not in self._functions:
            self._functions.append(function)

    def __iter__(self):
        from django.utils.module_loading import import_string

        return iter([import_string(f) if isinstance(f, str) else f for f in self._functions])


# Functions ``(request) -> str`` of what else the menu's items show (e.g. the user's private calendar link): the kept
# menu is rendered again when one of their values changes.
nav_vary = CallableRegistry()

# Functions ``(user) -> str | list[str]``: keys of the Django cache that nearly every page reads for the logged-in user
# (e.g. the page header's state), read in the round trip that reads their roles (``plans.selectors.group_names``);
# the app reads the value with ``plans.caching.read_through(key, …, holder=user)`` (``generations(…, holder=user)``
# for generations).
user_cache_keys = CallableRegistry()

# ``load_demo`` calls each with ``units`` ({code: Unit}), ``users`` ({username: User}) and ``log``
# after the plans are loaded; each must be idempotent (e.g. reporting's demo obligations).
demo_loaders = CallableRegistry()


class KeyedRegistry:
    """Contributions (dataclasses with ``key`` and ``order``) registered by higher apps, iterated in order.

    A key registered twice is a programming error (two apps would silently shadow each other).
    ``reporting`` uses the same class for its dashboard panels and report-form sections.
    """

    def __init__(self, name: str):
        self.name = name
        self._items: dict[str, object] = {}

    def register(self, item):
        from django.core.exceptions import ImproperlyConfigured

        if item.key in self._items:
            raise ImproperlyConfigured(f"{self.name}: {item.key!r} is already registered")
        self._items[item.key] = item
        return item

    def unregister(self, key: str) -> None:
        """Remove a contribution (tests that register their own)."""
        self._items.pop(key, None)

    def get(self, key: str):
        return self._items.get(key)

    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda item: (item.order, item.key)))

    def __len__(self) -> int:
        return len(self._items)


# --- Search sources --------------------------------------------------------------------------------


def _absolute_url(obj) -> str:
    return obj.get_absolute_url()


@dataclass(frozen=True)
class SearchSource:
    """Objects of one kind found by the portal's search page (``/search/?q=``).

    ``queryset(user)`` returns only what ``user`` may see. ``text_field`` names a column
    holding the object's text folded by ``plans.text.fold`` (lower case, no diacritics),
    kept up to date by the app's services (as ``Plan.search_text`` is); every word of the
    query, folded the same way, must occur in it. ``title(obj)``, ``url(obj)`` and the
    optional ``detail(obj)`` (a short second line) show a hit.
    """

    key: str
    label: str
    queryset: Callable[[Any], Any]
    text_field: str = "search_text"
    title: Callable[[Any], str] = str
    url: Callable[[Any], str] = _absolute_url
    detail: Callable[[Any], str] | None = None
    order: int = 100
    limit: int = 20


# ``plans`` registers its plans in ``PlansConfig.ready()``; a feature app registers its own::
#     from plans.extensions import SearchSource, search_sources
#     search_sources.register(SearchSource(key="meetings", label=_("Meetings"), queryset=visible_meetings))
search_sources = KeyedRegistry("search sources")
