"""Variants of a corpus plan: without diacritics, and as noisy OCR output (seeded, reproducible).

    .venv/bin/python -m tests.plans.importing.corpus.variants c01_bvdk_chat_luong noisy   # print one

The noise model imitates what scans of Vietnamese plans look like (see seed 002):

* **broken diacritics**: a marked vowel loses its mark or gets a look-alike one (ế → é, ư → u,
  ơ → o, ạ → a, đ → d), as OCR engines trained on other languages read them;
* **character confusions** inside numbers and symbols: 0 ↔ O, 1 ↔ l, 5 ↔ S, 8 ↔ B
  ("2O24", "KH-5YT", "1l2/KH-8VĐK");
* **split words**: a stray space inside a word ("thự c hiện");
* **joined lines**: the two columns of the header read as one line ("UBND TỈNH X CỘNG HÒA XÃ HỘI…"),
  and a few wrapped body lines run into the next.

Every confusion keeps the OCR skeleton (``plans.importing.ocr.skeleton``) of the text, so the scorer
compares the variants' text fields on skeletons; numbers, dates and kinds are compared exactly.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
import zlib
from pathlib import Path

CORPUS_DIR = Path(__file__).parent
PLANS_DIR = CORPUS_DIR / "plans"
TRUTH_DIR = CORPUS_DIR / "truth"

VARIANTS = ("original", "nodiac", "noisy")

# Set aside before the extractor was changed: measured, never looked at while changing the code.
HELD_OUT = ("c09_bv_y_hoc_co_truyen", "c10_dang_uy_syt", "c11_ttyt_thanh_pho_hiv", "c12_syt_chuyen_doi_so")


def plan_names() -> list[str]:
    return sorted(p.stem for p in PLANS_DIR.glob("*.txt"))


def development_names() -> list[str]:
    return [name for name in plan_names() if name not in HELD_OUT]


def strip_diacritics(text: str) -> str:
    """Every Vietnamese mark removed, case and layout kept."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        out.append("".join(c for c in decomposed if unicodedata.category(c) != "Mn"))
    return "".join(out)


# Look-alikes an OCR engine gives for a marked vowel (the base letter keeps its skeleton).
_BROKEN = {"ế": "é", "ề": "è", "ệ": "é", "ể": "e", "ễ": "e", "ư": "u", "ừ": "ù", "ứ": "ú", "ự": "u", "ữ": "u",
           "ơ": "o", "ờ": "ò", "ớ": "ó", "ợ": "o", "ở": "o", "ạ": "a", "ả": "a", "ậ": "â", "ầ": "â", "ấ": "á",
           "ặ": "a", "ắ": "á", "ộ": "ô", "ố": "ó", "ồ": "ò", "ổ": "o", "ọ": "o", "ị": "i", "ỉ": "i", "ụ": "u",
           "ủ": "u", "đ": "d", "Đ": "D", "Ế": "É", "Ư": "U", "Ơ": "O", "Ộ": "Ô", "Ố": "Ó", "Ạ": "A", "Ậ": "Â"}
_DIGIT_CONFUSION = {"0": "O", "1": "l", "5": "S", "8": "B"}
_LETTER_CONFUSION = {"O": "0", "S": "5", "B": "8", "l": "1"}
_NATIONAL = re.compile(r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$")
_MARKER = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+])\s")


def _rng(name: str) -> random.Random:
    return random.Random(zlib.crc32(name.encode()))


def _confuse_token(token: str, rng: random.Random) -> str:
    """A digit read as a letter in a number or year, a letter as a digit in a symbol."""
    if re.fullmatch(r"\d{2,4}", token) and rng.random() < 0.35:
        index = rng.randrange(len(token))
        ch = token[index]
        return token[:index] + _DIGIT_CONFUSION.get(ch, ch) + token[index + 1:]
    if re.fullmatch(r"[A-ZĐ]{2,}(?:-[A-ZĐ]{2,})*", token) and rng.random() < 0.35:
        positions = [i for i, ch in enumerate(token) if ch in _LETTER_CONFUSION]
        if positions:
            index = rng.choice(positions)
            return token[:index] + _LETTER_CONFUSION[token[index]] + token[index + 1:]
    return token


def _noisy_line(line: str, rng: random.Random) -> str:
    out = []
    for piece in re.split(r"(\s+|/)", line):
        if not piece or piece.isspace() or piece == "/":
            out.append(piece)
            continue
        piece = _confuse_token(piece, rng)
        if len(piece) >= 6 and piece.isalpha() and rng.random() < 0.03:
            cut = rng.randrange(2, len(piece) - 1)
            piece = f"{piece[:cut]} {piece[cut:]}"  # a stray space inside a word
        chars = []
        for ch in piece:
            if ch in _BROKEN and rng.random() < 0.3:
                ch = _BROKEN[ch]
            chars.append(ch)
        out.append("".join(chars))
    return "".join(out)


def noisy_ocr(text: str, name: str = "") -> str:
    """``text`` as a seeded OCR engine would give it back (same output for the same ``name``)."""
    rng = _rng(name or text[:200])
    lines = text.split("\n")
    # The header's two columns: the governing body and the national title share a line.
    for index, line in enumerate(lines[:8]):
        if _NATIONAL.match(line.strip()):
            previous = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
            if previous is not None and previous == 0:
                lines[0] = f"{lines[0]} {line.strip()}"
                lines[index] = ""
            break
    joined: list[str] = []
    for line in lines:
        if (joined and joined[-1].strip() and line.strip() and not _MARKER.match(line)
                and len(joined[-1]) > 60 and rng.random() < 0.15):
            joined[-1] = f"{joined[-1]} {line}"  # a wrapped line run into the previous one
        else:
            joined.append(line)
    return "\n".join(_noisy_line(line, rng) for line in joined)


def variant_text(name: str, variant: str) -> str:
    text = (PLANS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    if variant == "nodiac":
        return strip_diacritics(text)
    if variant == "noisy":
        return noisy_ocr(text, name)
    return text


if __name__ == "__main__":
    sys.stdout.write(variant_text(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "noisy"))
