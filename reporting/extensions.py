"""Registries through which feature apps add to reporting's pages (reporting never imports them).

Two registries, filled from an app's ``AppConfig.ready()`` (``reporting/apps.py`` registers
reporting's own contributions the same way):

``dashboard_panels`` — a ``DashboardPanel`` per panel of leadership's overview::

    from reporting.extensions import DashboardPanel, dashboard_panels
    dashboard_panels.register(DashboardPanel(
        key="emulation", title=_("Emulation movements"), order=30,
        template_name="emulation/_panel.html",
        is_visible=lambda user: ..., context=lambda user, year: {...}))

``render_panels(request, year=)`` renders the panels ``request.user`` may see, in order,
each inside ``reporting/extensions/_panel.html`` (title, and "no data yet" when the
panel's context is empty or says ``"empty": True``). ``unit_section`` (optional) is the
panel's part of a unit's page, rendered by ``render_unit_sections(request, unit=, year=)``.

``report_sections`` — a ``ReportSection`` per block of figures a feature app adds to a
unit's periodic report. ``ReportForm`` adds the fields of every section that applies to
the obligation, named ``x_<key>_<name>``; the values are stored in
``Submission.section_values`` as ``{section key: {name: value}}`` and shown on the review
page through ``section.rows(values)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from plans.extensions import KeyedRegistry

# --- Dashboard panels ----------------------------------------------------------------------------


def _always(*args) -> bool:
    return True


@dataclass(frozen=True)
class UnitSection:
    """A panel's part of a unit's page: ``template_name`` rendered with ``context(user, unit, year)``."""

    template_name: str
    context: Callable[[Any, Any, int], dict]


@dataclass(frozen=True)
class DashboardPanel:
    key: str
    title: str
    template_name: str  # rendered with the context's keys, ``panel``, ``year`` and ``request``
    context: Callable[[Any, int], dict]  # (user, year) -> data; {} or {"empty": True} when there is none
    is_visible: Callable[[Any], bool] = _always  # (user) -> may the user see this panel?
    order: int = 100
    unit_section: UnitSection | None = None
    # The plans.caching generations the context is read from (an app's own, moved by plans.caching.moves_with):
    # given, the context is cached per user, year, day and language under them and under those of what every
    # panel sees (plans and duties: dashboards.selectors.PLANS; units, obligations: selectors.SETUP), instead of
    # being read at every view of the overview. A panel that counts reports names dashboards.selectors.DATA too
    # (a report, a request or a review moves DATA, not PLANS).
    generations: tuple[str, ...] = ()


dashboard_panels = KeyedRegistry("dashboard panels")
PANEL_CACHE_SECONDS = 600

PANEL_FRAME = "reporting/extensions/_panel.html"


def _render_framed(request, panel, template_name: str, data: dict | None, **extra) -> SafeString:
    data = dict(data or {})
    empty = bool(data.pop("empty", not data))
    return render_to_string(PANEL_FRAME, {**data, **extra, "panel": panel, "body_template": template_name,
                                          "empty": empty}, request=request)


def visible_panels(user) -> list[DashboardPanel]:
    return [panel for panel in dashboard_panels if panel.is_visible(user)]


def panel_context(panel: DashboardPanel, user, year: int) -> dict:
    """``panel.context(user, year)``, from the cache when the panel names its ``generations``."""
    if not panel.generations:
        return panel.context(user, year)
    from django.utils import timezone
    from django.utils.translation import get_language

    from plans.caching import generations, read_through

    from .dashboards.selectors import PLANS
    from .selectors import SETUP

    versions = ":".join(str(g) for g in generations(PLANS, SETUP, *panel.generations))
    who = f"{user.pk}:{user.unit_id}:{','.join(sorted(user.roles))}"
    key = f"dashboards:panel:{panel.key}:{versions}:{who}:{year}:{timezone.localdate():%Y%m%d}:{get_language()}"
    return read_through(key, PANEL_CACHE_SECONDS, lambda: panel.context(user, year))


def render_panels(request, *, year: int) -> list[SafeString]:
    """The HTML of every panel ``request.user`` may see, in order."""
    return [_render_framed(request, panel, panel.template_name, panel_context(panel, request.user, year), year=year)
            for panel in visible_panels(request.user)]


def render_unit_sections(request, *, unit, year: int) -> list[SafeString]:
    """The HTML of every visible panel's section of ``unit``'s page, in order."""
    return [_render_framed(request, panel, panel.unit_section.template_name,
                           panel.unit_section.context(request.user, unit, year), year=year, unit=unit)
            for panel in visible_panels(request.user) if panel.unit_section is not None]


# --- Report-form sections -----------------------------------------------------------------------


def _no_initial(report_request) -> dict:
    return {}


@dataclass(frozen=True)
class ReportSection:
    """Figures a feature app adds to a unit's periodic report.

    ``report_request`` is the ``ReportRequest`` being filled (its ``unit``, ``period``, ``obligation``).
    ``rows`` turns the stored values into (label, shown value) pairs; by default each field's label
    and the value as stored.
    """

    key: str
    title: str
    fields: Callable[[Any], list[tuple[str, Any]]]  # (report_request) -> [(name, django form field)]
    applies_to: Callable[[Any], bool] = _always  # (obligation) -> does the section belong in its reports?
    # the generations (plans.caching) of the rows ``applies_to`` reads beyond the obligation and its plan: its answer
    # is then kept with the request to fill (``reporting.selectors.request_for_fill``), asked again when one moves
    applies_generations: tuple[str, ...] = ()
    initial: Callable[[Any], dict] = _no_initial  # (report_request) -> {name: value} pre-filled
    rows: Callable[[dict], list[tuple[str, Any]]] | None = None  # (values) -> [(label, value)]
    order: int = 100
    # (submission) -> None: called by ``report_submit`` in its transaction once the report is submitted, e.g. to
    # write the figures into the app's own records (an app never listens to reporting's model signals)
    on_submit: Callable[[Any], None] | None = None


report_sections = KeyedRegistry("report-form sections")


def sections_submitted(submission) -> None:
    """Tell each section of the submission's obligation that has an ``on_submit`` that the report went in."""
    for section in sections_for(submission.request.obligation):
        if section.on_submit is not None:
            section.on_submit(submission)


def field_name(section: ReportSection, name: str) -> str:
    return f"x_{section.key}_{name}"


# where ``request_for_fill`` keeps, on the obligation, the answers of the sections with ``applies_generations``
APPLYING = "_sections_applying"


def sections_for(obligation) -> list[ReportSection]:
    kept = obligation.__dict__.get(APPLYING, {})
    return [section for section in report_sections
            if (kept[section.key] if section.key in kept else section.applies_to(obligation))]


def keep_sections_applying(obligation) -> None:
    """Keep on ``obligation`` the answers of the sections whose ``applies_to`` names its generations (it is cached
    with them: ``section_generations``)."""
    obligation.__dict__[APPLYING] = {section.key: bool(section.applies_to(obligation))
                                     for section in report_sections if section.applies_generations}


def section_generations() -> tuple[str, ...]:
    """The generations every registered section's ``applies_to`` reads (``applies_generations``)."""
    return tuple(sorted({name for section in report_sections for name in section.applies_generations}))


def section_rows(obligation, submission, report_request=None) -> list[tuple[ReportSection, list]]:
    """(section, [(label, value)]) of each section that applies to ``obligation`` and has values in ``submission``."""
    if submission is None:
        return []
    stored = submission.section_values or {}
    found = []
    for section in sections_for(obligation):
        values = stored.get(section.key)
        if not values:
            continue
        if section.rows is not None:
            rows = section.rows(values)
        else:
            labels = {name: f.label or name for name, f in section.fields(report_request or submission.request)}
            rows = [(labels.get(name, name), value) for name, value in values.items()]
        found.append((section, rows))
    return found


# --- Reporting's own contributions ---------------------------------------------------------------


def _compliance_visible(user) -> bool:
    from .policy import is_reviewer

    return is_reviewer(user)


def compliance_summary(user, year: int, *, today) -> dict:
    """Expected / completed / on-time reports of ``year`` over the obligations ``user`` oversees (one query)."""
    from django.db.models import Count, Q

    from .models import ReportRequest
    from .policy import reviewable_requests_q
    from .selectors import COMPLETED_Q, ON_TIME_Q

    if not _compliance_visible(user):
        return {}
    requests = ReportRequest.objects.filter(reviewable_requests_q(user), period__year=year)
    counts = requests.aggregate(
        requests=Count("id"), obligations=Count("obligation_id", distinct=True),
        expected=Count("id", filter=COMPLETED_Q | Q(due_date__lt=today)), completed=Count("id", filter=COMPLETED_Q),
        on_time=Count("id", filter=ON_TIME_Q),
    )
    if not counts["requests"]:
        return {}
    expected = counts["expected"]
    return {**counts,
            "reporting_rate": round(100 * counts["completed"] / expected) if expected else None,
            "on_time_rate": round(100 * counts["on_time"] / expected) if expected else None}


def _compliance_context(user, year: int) -> dict:
    from django.utils import timezone

    return compliance_summary(user, year, today=timezone.localdate())


COMPLIANCE_PANEL = DashboardPanel(
    key="reporting_compliance", title=_("Reporting compliance"), order=10,
    template_name="reporting/extensions/_compliance_panel.html",
    is_visible=_compliance_visible, context=_compliance_context, generations=("dashboards",),
)


# --- Calendar sources: what a user's private iCalendar feed shows besides report deadlines -----------------


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event of the feed (``day``), with a stable ``uid`` so calendars update it in place."""

    uid: str
    day: Any  # datetime.date
    summary: str
    url: str = ""  # a path on the portal
    description: str = ""


@dataclass(frozen=True)
class CalendarSource:
    """A feature app's events in the private feed: ``events(user, today)`` yields only what ``user`` may see."""

    key: str
    events: Callable[[Any, Any], Any]  # (user, today) -> iterable of CalendarEvent (a bounded, sliced query)
    order: int = 100


calendar_sources = KeyedRegistry("calendar sources")


def calendar_events(user, today) -> list[CalendarEvent]:
    """Every registered source's events for ``user``, source after source."""
    return [event for source in calendar_sources for event in source.events(user, today)]
