"""Text helpers shared by search, import and numbering."""

import re
import unicodedata

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d) and squeeze spaces.

    ``fold("Dân vận")  == fold("dan van") == "dan van"``
    """
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", stripped).strip().lower()


def roman(number: int) -> str:
    result = []
    for value, letters in _ROMAN:
        while number >= value:
            result.append(letters)
            number -= value
    return "".join(result)


def letter(number: int) -> str:
    """1 → a, 2 → b … (Vietnamese documents skip no letters in practice)."""
    alphabet = "abcdefghiklmnopqrstuvxy"
    return alphabet[(number - 1) % len(alphabet)]
