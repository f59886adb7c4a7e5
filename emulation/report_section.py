"""The emulation block of a unit's periodic report (``reporting.extensions.report_sections``).

A report of an obligation on a plan with a movement asks, for the phase that holds the report's
period end, the figure of each target the unit reports (source "report") or the two counts of a
computed target. When the report is submitted, ``results_from_submission`` turns the figures
into the unit's results (``on_submit``: reporting calls it when the report is submitted).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.numbers import LocalizedDecimalField
from reporting.extensions import ReportSection

from .choices import Measure, ResultSource, Source
from .models import Phase, Result, Target
from .selectors import applies_to_unit, target_text

KEY = "emulation"
REPORTED = (Source.REPORT, Source.COMPUTED)


class StoredDecimalField(LocalizedDecimalField):
    """A figure pre-filled from the stored text ("12.5", as the report keeps it) shown the reader's way."""

    @property
    def initial(self):
        return self._initial

    @initial.setter
    def initial(self, value):
        if isinstance(value, str) and value:
            try:
                value = Decimal(value)
            except InvalidOperation:
                pass
        self._initial = value


def phase_of(report_request) -> Phase | None:
    end = report_request.period.end
    return (Phase.objects.filter(movement__plan_id=report_request.obligation.plan_id, start__lte=end, end__gte=end)
            .order_by("start").first())


def targets_of(report_request, phase=None) -> tuple[Phase | None, list[Target]]:
    phase = phase or phase_of(report_request)
    if phase is None:
        return None, []
    targets = (Target.objects.filter(movement_id=phase.movement_id, source__in=REPORTED)
               .select_related("numerator", "denominator").order_by("order", "id"))
    return phase, [t for t in targets if applies_to_unit(t, report_request.unit)]


def asked_figures(targets) -> dict[int, tuple[str, bool]]:
    """{indicator pk: (label, is a percentage)} of the figures the targets need, each asked once.

    A plain target needs its indicator's value; a computed one the two counts it divides. Targets on the
    same indicator (a hospital's quality score against 2,80, "16 above 3,00" and "5 above 3,50") share it.
    """
    asked: dict[int, tuple[str, bool]] = {}
    for t in targets:
        if t.is_computed:
            for indicator in (t.numerator, t.denominator):
                asked.setdefault(indicator.pk, (indicator.name, False))
        elif t.indicator_id not in asked:
            asked[t.indicator_id] = (f"{t.name} ({_('target')}: {target_text(t)})", t.measure == Measure.PERCENT)
    return asked


def _fields(report_request) -> list:
    _phase, targets = targets_of(report_request)
    return [(f"i{pk}", StoredDecimalField(label=label, required=False, min_value=0,
                                          **({"max_value": 100} if percent else {})))
            for pk, (label, percent) in asked_figures(targets).items()]


GENERATION = "emulation"  # of the app's rows (plans.caching; moved on by any save or delete: emulation.apps)
# of the movements and targets alone (emulation.apps): what ``_applies`` reads; a result reported leaves it
TARGETS = "emulation-targets"


def _applies(obligation) -> bool:
    """Whether the plan has a target reported through the unit's report (cached per plan; reporting keeps the answer
    with the request to fill too, ``applies_generations``)."""
    from plans.caching import read_through_at

    return read_through_at([TARGETS], f"emulation:reported:{obligation.plan_id}", 3600, lambda: (
        Target.objects.filter(movement__plan_id=obligation.plan_id, source__in=REPORTED).exists()))


def _initial(report_request) -> dict:
    phase, targets = targets_of(report_request)
    if phase is None:
        return {}
    initial = {}
    by_pk = {t.pk: t for t in targets}
    for r in Result.objects.filter(phase=phase, unit=report_request.unit, target__in=targets):
        t = by_pk[r.target_id]
        if t.is_computed:
            initial[f"i{t.numerator_id}"], initial[f"i{t.denominator_id}"] = r.numerator, r.denominator
        else:
            initial[f"i{t.indicator_id}"] = r.value
    return initial


def _number(text):
    if text in (None, ""):
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return None


@transaction.atomic
def results_from_submission(*, submission) -> int:
    """The unit's results of the phase from a submitted report's figures (their unit and phase only)."""
    from reporting.policy import can_fill

    from .services import _store

    values = (submission.section_values or {}).get(KEY)
    report_request = submission.request
    if not values or not can_fill(submission.submitted_by, report_request):
        return 0
    phase, targets = targets_of(report_request)
    written = 0
    for t in targets:
        if t.is_computed:
            figures = {"numerator": _number(values.get(f"i{t.numerator_id}")),
                       "denominator": _number(values.get(f"i{t.denominator_id}"))}
        else:
            figures = {"value": _number(values.get(f"i{t.indicator_id}"))}
        if all(v is None for v in figures.values()) and not Result.objects.filter(
                target=t, phase=phase, unit=report_request.unit).exists():
            continue
        _store(actor=submission.submitted_by, target=t, phase=phase, unit=report_request.unit,
               source=ResultSource.REPORT, submission=submission, **figures)
        written += 1
    return written


def _on_submit(submission) -> None:
    """Called by reporting's ``report_submit`` in its transaction: the figures become the unit's results."""
    results_from_submission(submission=submission)


SECTION = ReportSection(key=KEY, title=gettext_lazy("Emulation targets"), fields=_fields, applies_to=_applies,
                        applies_generations=(TARGETS,), initial=_initial, order=30, on_submit=_on_submit)
