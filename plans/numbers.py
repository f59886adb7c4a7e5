"""Numbers typed and shown the way the reader writes them: "1.250" and "72,5" in Vietnamese, "1,250" and
"72.5" in English. One parser for every form of the portal (report figures, targets, results)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext_lazy as _

_GROUPED = r"\d{{1,3}}(?:{sep}\d{{3}})+"


def parse_number(text: str) -> Decimal:
    """The number ``text`` means in the active language; ``ValueError`` when it is not one.

    The thousands separator is accepted only between groups of three digits, so "1.250" is
    1250 in Vietnamese while "2.5" is refused (a decimal is written "2,5").
    """
    value = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    decimal_sep, thousand_sep = get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")
    sign = ""
    if value[:1] in "+-":
        sign, value = value[:1].replace("+", ""), value[1:]
    whole, _sep, fraction = value.partition(decimal_sep)
    if thousand_sep and thousand_sep in whole:
        if not re.fullmatch(_GROUPED.format(sep=re.escape(thousand_sep)), whole):
            raise ValueError("bad grouping")
        whole = whole.replace(thousand_sep, "")
    if not re.fullmatch(r"\d+", whole or "") or (fraction and not re.fullmatch(r"\d+", fraction)):
        raise ValueError("not a number")
    try:
        number = Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation as error:
        raise ValueError("not a number") from error
    return number


def show_number(value) -> str:
    """``value`` written for the active language, without trailing zeros ("72,5", "1.250")."""
    if value in (None, ""):
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(number.normalize(), "f")
    places = len(text.split(".", 1)[1]) if "." in text else 0
    return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


class LocalizedDecimalField(forms.DecimalField):
    """A DecimalField that reads and shows numbers in the user's language (see ``parse_number``)."""

    default_error_messages = {
        "invalid": _("Enter a number, e.g. 1.250 or 72,5."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(*args, **kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            number = parse_number(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value):
        """A number (the initial value) in the user's language; what the user typed (text) as typed."""
        if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
            return show_number(value)
        return value
