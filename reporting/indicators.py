"""The indicators of an obligation's report template, and the checks of their values.

An indicator is ``{"code", "label", "unit" (of measure, shown), "type": integer|decimal|percent,
"min", "max"}`` (only ``code`` is required). A percentage lies between 0 and 100 unless
its own bounds say otherwise.
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


def normalized(indicators) -> list[dict]:
    """The usable indicators of an obligation, each with every key present."""
    found = []
    for raw in indicators or []:
        if not isinstance(raw, dict) or not str(raw.get("code") or "").strip():
            continue
        kind = raw.get("type") if raw.get("type") in IndicatorType.values else IndicatorType.DECIMAL
        low, high = _decimal(raw.get("min")), _decimal(raw.get("max"))
        if kind == IndicatorType.PERCENT:
            low = Decimal(0) if low is None else low
            high = Decimal(100) if high is None else high
        found.append({"code": str(raw["code"]).strip(), "label": str(raw.get("label") or raw["code"]).strip(),
                      "unit": str(raw.get("unit") or "").strip(), "type": kind, "min": low, "max": high})
    return found


def value_error(indicator: dict, value) -> str | None:
    """A translated message if ``value`` (a Decimal, or None when left empty) breaks ``indicator``'s rules."""
    if value is None:
        return None
    if indicator["type"] == IndicatorType.INTEGER and value != value.to_integral_value():
        return _("Enter a whole number.")
    low, high = indicator["min"], indicator["max"]
    if low is not None and value < low:
        return _("The value must be at least %(min)s.") % {"min": number_format(low)}
    if high is not None and value > high:
        return _("The value must be at most %(max)s.") % {"max": number_format(high)}
    return None


def values_errors(indicators, values: dict) -> dict[str, str]:
    """{code: message} for every value of ``values`` that breaks its indicator."""
    errors = {}
    for indicator in normalized(indicators):
        raw = values.get(indicator["code"])
        number = _decimal(raw)
        if raw not in (None, "") and number is None:
            errors[indicator["code"]] = _("Enter a number.")
        elif message := value_error(indicator, number):
            errors[indicator["code"]] = message
    return errors
