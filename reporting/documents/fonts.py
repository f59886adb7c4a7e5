"""The bundled font (Liberation Serif, metric-compatible with Times New Roman) and its metrics."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
FACES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}


def font_path(*, bold: bool = False, italic: bool = False) -> Path:
    return FONT_DIR / FACES[(bold, italic)]


@lru_cache(maxsize=4)
def _metrics(bold: bool, italic: bool):
    from fontTools.ttLib import TTFont

    font = TTFont(font_path(bold=bold, italic=italic), lazy=True)
    return font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm


def text_width_pt(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Advance width of ``text`` at ``size`` pt (Times New Roman has the same widths)."""
    cmap, hmtx, units = _metrics(bold, italic)
    fallback = hmtx[cmap.get(ord("n"), ".notdef")][0]
    total = sum(hmtx[cmap[ord(ch)]][0] if ord(ch) in cmap else fallback for ch in text)
    return total / units * size


def missing_glyphs(text: str, *, bold: bool = False, italic: bool = False) -> set[str]:
    """Characters of ``text`` that the bundled font cannot draw."""
    cmap, _hmtx, _units = _metrics(bold, italic)
    return {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
