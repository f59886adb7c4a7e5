"""Indicators (``reporting.models.Indicator``): which an obligation asks, and the checks of their values.

An obligation's indicators are linked through ``ObligationIndicator`` (ordered);
``ReportingObligation.indicators`` reads them in order and accepts, on assignment, a list of
``Indicator`` objects, codes of existing indicators or *specs*: ``{"code", "label", "unit"
(of measure), "type": integer|decimal|percent, "min", "max"}`` (only ``code`` is required).
A spec defines its indicator (created, or updated where it differs); a bare code links the existing
indicator unchanged (what the obligation form sends for a code already in the catalogue).
A percentage lies between 0 and 100 unless its own bounds say otherwise (``Indicator.low`` /
``Indicator.high``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .choices import IndicatorType


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def trimmed(value: Decimal | None) -> Decimal | None:
    """``value`` without trailing zeros and without an exponent (``100.0000`` → ``100``, ``12.50`` → ``12.5``)."""
    if value is None:
        return None
    value = value if isinstance(value, Decimal) else Decimal(str(value))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def spec_fields(raw) -> dict | None:
    """The ``Indicator`` fields of a spec; None for a spec without a code."""
    if not isinstance(raw, dict) or not str(raw.get("code") or "").strip():
        return None
    code = str(raw["code"]).strip()
    kind = raw.get("type") if raw.get("type") in IndicatorType.values else IndicatorType.DECIMAL
    return {"code": code, "name": str(raw.get("label") or code).strip(), "unit_of_measure":
            str(raw.get("unit") or "").strip(), "type": kind, "min_value": _decimal(raw.get("min")),
            "max_value": _decimal(raw.get("max")), "description": str(raw.get("description") or "").strip()}


def spec_of(indicator) -> dict:
    """The spec of an ``Indicator`` (the inverse of ``spec_fields``)."""
    spec = {"code": indicator.code, "label": indicator.name, "unit": indicator.unit_of_measure,
            "type": indicator.type}
    for key, bound in (("min", indicator.min_value), ("max", indicator.max_value)):
        if bound is not None:
            spec[key] = str(trimmed(bound))
    return spec


def resolve(items, *, create: bool = True) -> list:
    """The ``Indicator`` of each item (an Indicator, a code or a spec), duplicates dropped, in order.

    Existing codes are read in one query. A spec defines its indicator: a new code is created, an existing
    one updated where the spec differs (with ``create``; otherwise the objects are returned unsaved).
    A bare code (or an Indicator) links the indicator as it is; a code that names no indicator is skipped.
    """
    from .models import Indicator

    wanted = []
    for item in items or []:
        if isinstance(item, Indicator):
            wanted.append((item.code, item))
        elif isinstance(item, str) and item.strip():
            wanted.append((item.strip(), None))
        elif fields := spec_fields(item):
            wanted.append((fields["code"], fields))
    lookup = [code for code, item in wanted if not isinstance(item, Indicator)]
    known = {i.code: i for i in Indicator.objects.filter(code__in=lookup)} if lookup else {}
    new, changed = {}, []
    found, seen = [], set()
    for code, item in wanted:
        if code in seen:
            continue
        indicator = item if isinstance(item, Indicator) else known.get(code)
        if indicator is None and isinstance(item, dict):
            indicator = new[code] = Indicator(**item)
        elif isinstance(item, dict) and any(getattr(indicator, k) != v for k, v in item.items()):
            for name, value in item.items():
                setattr(indicator, name, value)
            changed.append(indicator)
        if indicator is not None:
            seen.add(code)
            found.append(indicator)
    if create and changed:
        Indicator.objects.bulk_update(changed, [f for f in spec_fields({"code": "x"}) if f != "code"])
    if create and new:  # a code created meanwhile by another obligation is linked, not duplicated
        Indicator.objects.bulk_create(new.values(), ignore_conflicts=True)
        saved = {i.code: i for i in Indicator.objects.filter(code__in=list(new))}
        found = [saved.get(i.code, i) if i.pk is None else i for i in found]
    if create and (changed or new):
        from .selectors import setup_changed

        setup_changed()  # bulk writes send no signal
    return found


def link_indicators(obligation, items) -> list:
    """Make ``items`` (see ``resolve``) the indicators of the saved ``obligation``, in this order."""
    from .models import ObligationIndicator

    indicators = resolve(items)
    obligation.indicator_links.all().delete()
    ObligationIndicator.objects.bulk_create([
        ObligationIndicator(obligation=obligation, indicator=indicator, order=order)
        for order, indicator in enumerate(indicators)
    ])
    getattr(obligation, "_prefetched_objects_cache", {}).pop("indicator_links", None)
    from .selectors import setup_changed

    setup_changed()  # bulk writes send no signal
    return indicators


def obligation_indicators(obligation) -> list:
    """The indicators of ``obligation`` in their order: one query the first time, kept on the object as
    ``indicator_links`` prefetched (the report form and the service that saves it read them once)."""
    from django.db.models import Prefetch, prefetch_related_objects

    from .models import ObligationIndicator

    pending = obligation.__dict__.get("_pending_indicators")
    if pending is not None:
        return resolve(pending, create=False)
    if obligation.pk is None:
        return []
    if "indicator_links" not in getattr(obligation, "_prefetched_objects_cache", {}):
        prefetch_related_objects([obligation], Prefetch(
            "indicator_links", queryset=ObligationIndicator.objects.select_related("indicator")))
    return [link.indicator for link in obligation._prefetched_objects_cache["indicator_links"]]


def value_error(indicator, value) -> str | None:
    """A translated message if ``value`` (a Decimal, or None when left empty) breaks ``indicator``'s rules."""
    if value is None:
        return None
    if indicator.type == IndicatorType.INTEGER and value != value.to_integral_value():
        return _("Enter a whole number.")
    low, high = indicator.low, indicator.high
    if low is not None and value < low:
        return _("The value must be at least %(min)s.") % {"min": number_format(low)}
    if high is not None and value > high:
        return _("The value must be at most %(max)s.") % {"max": number_format(high)}
    return None


def values_errors(indicators, values: dict) -> dict[str, str]:
    """{code: message} for every value of ``values`` that breaks its indicator (``indicators``: Indicator objects)."""
    errors = {}
    for indicator in indicators:
        raw = values.get(indicator.code)
        number = _decimal(raw)
        if raw not in (None, "") and number is None:
            errors[indicator.code] = _("Enter a number.")
        elif message := value_error(indicator, number):
            errors[indicator.code] = message
    return errors
