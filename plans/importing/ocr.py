"""Matching that survives missing diacritics and common OCR confusions.

``key(text)`` folds each character on its own (``plans.text.fold``), so the key has
exactly the length of the text: a regex matched on the key gives the positions of
the same words in the original text, which is what the importer keeps.

The patterns below are written on keys and allow the confusions seen in scanned
plans: ``S6:`` for ``Số:``, ``1ap`` for ``lập``, ``Ké hoach`` / ``K& hoach`` for
``Kế hoạch``, ``ciia`` / ``ctia`` for ``của``, ``P`` or ``b`` for ``Đ``.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from plans.text import fold

_EXTRA = {
    "€": "e", "¢": "e", "£": "e", "§": "s", "¥": "y", "©": "c", "®": "r",
    "—": "-", "–": "-", "‐": "-", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'",
}


@lru_cache(maxsize=8192)
def _key_char(ch: str) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ch.isspace():
        return " "
    folded = fold(ch)
    return folded[0] if folded else " "


# Digits and letters OCR confuses, repaired by their neighbours (one character for one, so the
# key keeps the text's length): "2O24", "1l2", "ngày O8", "1S tháng" are numbers; "8AN", "KH-5YT",
# "KH0A" are words.
_TO_DIGIT = {"o": "0", "l": "1", "i": "1", "s": "5", "b": "8"}
_TO_LETTER = {"0": "o", "1": "l", "5": "s", "8": "b"}
_DIGIT_CONTEXT = re.compile(
    r"(?<=\d)[olisb](?=\d)"              # 2O24, 1l2
    r"|(?<=\b\d)[olis](?=[\s/.,;)-]|$)"    # 1S tháng, 2O/, 3l/12
    r"|(?<=[\s/(-])[ol](?=\d)|^[ol](?=\d)"  # ngày O8, l5/6
)
_LETTER_CONTEXT = re.compile(r"(?<![\d\w])[58](?=[a-z]{2,}\b)|(?<=[a-z])[0158](?=[a-z])")


def key(text: str) -> str:
    """``fold`` character by character: same length as ``text``, so positions carry over.

    OCR's digit-letter confusions are repaired from their context (``_DIGIT_CONTEXT``).
    """
    folded = "".join(map(_key_char, text))
    if not re.search(r"\d", folded):
        return folded
    folded = _DIGIT_CONTEXT.sub(lambda m: _TO_DIGIT[m.group(0)], folded)
    return _LETTER_CONTEXT.sub(lambda m: _TO_LETTER[m.group(0)], folded)


def repairs(text: str) -> int:
    """How many characters of ``text`` its key repaired (digits read as letters and the reverse)."""
    raw = "".join(map(_key_char, text))
    return sum(1 for a, b in zip(raw, key(text), strict=True) if a != b)


def repair(text: str) -> str:
    """``text`` with the characters its key repaired (``2O24`` → ``2024``, ``KH-5YT`` → ``KH-SYT``)."""
    k = key(text)
    out = []
    for index, (ch, folded) in enumerate(zip(text, k, strict=True)):
        if folded.isdigit() and not ch.isdigit():
            out.append(folded)
        elif ch.isdigit() and not folded.isdigit():
            neighbours = text[max(0, index - 1):index] + text[index + 1:index + 2]
            out.append(folded.upper() if any(c.isupper() for c in neighbours) else folded)
        else:
            out.append(ch)
    return "".join(out)


# OCR skeleton for comparing names: characters OCR mixes up are mapped to one.
_SKELETON = str.maketrans({"0": "o", "6": "o", "9": "o", "1": "i", "l": "i", "!": "i", "|": "i",
                           "4": "a", "&": "a", "@": "a", "3": "e", "5": "s", "$": "s", "p": "d", "b": "d",
                           "y": "i"})


def skeleton(text: str) -> str:
    """Letters only, OCR look-alikes merged: ``skeleton("Sd Y te") == skeleton("Sở Y tế")``."""
    return re.sub(r"[^a-z]", "", key(text).translate(_SKELETON))


def similarity(a: str, b: str) -> float:
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return 0.0
    if sa == sb:
        return 1.0
    return difflib.SequenceMatcher(None, sa, sb, autojunk=False).ratio()


# --- patterns on keys --------------------------------------------------------------

SO = r"\bs[o06]\b"                      # số
NGAY = r"\bng[a-z]{1,2}y\b"             # ngày
THANG = r"\bth[a-z]{1,3}g\b"            # tháng
NAM = r"\bn[a-z]{1,3}m\b"               # năm
CUA = r"\bc(?:[^h\W\d][a-z]?)?a\b"      # của: cua, ciia, ctia, cta, cia
VE = r"\bv[e]\b"                         # về
KE_HOACH = r"\bk[a-z&3]?\s*ho[a-z]{0,2}ch\b"
CAN_CU = r"\bc[a-z]n\s+c[a-z]{1,2}\b"
THUC_HIEN = r"\bth[a-z]{1,3}c?\s+h[a-z]{0,3}n\b"
NOI_NHAN = r"\bn[a-z]{1,2}i\s+nh[a-z]{1,2}n\b"
BAO_CAO = r"\bb[a-z]o\s+c[a-z]o\b"
DATE_NUM = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
# "19 tháng 9 năm 2014" (after "ngày"); the same three groups as DATE_NUM
DATE_WORDS = rf"(\d{{1,2}})\s+{THANG}\s+(\d{{1,2}})\s*,?\s+{NAM}\s+(\d{{4}})"

# Document types as legal bases cite them (key pattern, name as written in a clean text).
DOC_TYPES: list[tuple[str, str]] = [
    (KE_HOACH, "Kế hoạch"),
    (r"\bngh[a-z]\s+[dp][a-z]nh\b", "Nghị định"),
    (r"\bngh[a-z]\s+quy[a-z]t\b", "Nghị quyết"),
    (r"\bch[a-z]\s+th[a-z]\b", "Chỉ thị"),
    (r"\bth[o0]ng\s+t[u]\b", "Thông tư"),
    (r"\bquy[a-z]t\s+[dp][a-z]nh\b", "Quyết định"),
    (r"\bch[u][o0a]ng\s+tr[a-z]nh\b", "Chương trình"),
    (r"\blu[a-z]t\b", "Luật"),
    (r"\bc[o0]ng\s+v[a-z]n\b", "Công văn"),
    (r"\bh[u][o0a]ng\s+d[a-z]n\b", "Hướng dẫn"),
    (r"\bquy\s+ch[e]\b", "Quy chế"),
    (r"\bk[e]t\s+lu[a-z]n\b", "Kết luận"),
    (r"\b[dp]e\s+an\b", "Đề án"),
    (r"\bth[o0]ng\s+b[a-z]o\b", "Thông báo"),
    (r"\bquy\s+[dp][a-z]nh\b", "Quy định"),
]
DOC_TYPE_RE = "(?:" + "|".join(p for p, _name in DOC_TYPES) + ")"

# Title words of the document type line (capitals in a header), with their abbreviation.
TYPE_LINES: list[tuple[str, str]] = [
    (KE_HOACH + r"(?:\s+li[e]n\s+t[i]ch\b)?", "KH"),   # "KẾ HOẠCH LIÊN TỊCH" of a joint plan
    (r"\bch[u][o0a]ng\s+tr[a-z]nh\b", "CTr"),
    (r"\bquy[a-z]t\s+[dp][a-z]nh\b", "QĐ"),
    (BAO_CAO, "BC"),
    (r"\bt[o0]\s+tr[a-z]nh\b", "TTr"),
    (r"\bth[o0]ng\s+b[a-z]o\b", "TB"),
    (r"\bh[u][o0a]ng\s+d[a-z]n\b", "HD"),
    (r"\bch[a-z]\s+th[a-z]\b", "CT"),
    (r"\bgi[a-z]y\s+m[o0][a-z]\b", "GM"),
    (r"\bbi[e]n\s+b[a-z]n\b", "BB"),
    (r"\bquy\s+ch[e]\b", "QC"),
]
PLAN_TYPES = ("KH", "CTr")


def doc_type_name(key_text: str) -> str:
    """The clean name (``Kế hoạch``) of the document type at the start of ``key_text``."""
    for pattern, name in DOC_TYPES:
        if re.match(pattern, key_text):
            return name
    return ""
