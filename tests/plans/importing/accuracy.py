"""Compare an extraction with the structure written by hand in ``expected/<seed>.json``.

Each field gets a score in [0, 1]: 1 for a correct scalar, matched / max(expected, found)
for a list. Used by the tests and by ``scripts/import_accuracy.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError

from plans.importing import ocr
from plans.importing.extract import UnitRef, extract, item_full_text
from plans.text import fold

EXPECTED_DIR = Path(__file__).parent / "expected"
SEEDS_DIR = Path(__file__).resolve().parents[3] / "plans" / "fixtures" / "seeds"

# The org chart of tests/conftest.py ``org``, with unit codes as ids (no database needed).
UNITS = [
    UnitRef(id="syt", name="Sở Y tế", short_name="Sở Y tế", abbreviation="SYT"),
    UnitRef(id="nvy", name="Phòng Nghiệp vụ Y", short_name="Phòng NVY", abbreviation="NVY"),
    UnitRef(id="tccb", name="Phòng Tổ chức cán bộ", short_name="Phòng TCCB", abbreviation="TCCB"),
    UnitRef(id="ttkscb", name="Trung tâm Kiểm soát bệnh tật", short_name="CDC", abbreviation="TTKSBT"),
    UnitRef(id="bvdk", name="Bệnh viện Đa khoa tỉnh", short_name="BVĐK tỉnh", abbreviation="BVĐK"),
    UnitRef(id="bdvtu", name="Ban Dân vận Tỉnh ủy", short_name="BDVTU", abbreviation="BDVTU"),
]

FIELDS = ("number", "symbol", "issuers", "place", "date", "title", "legal_bases", "sections", "items",
          "responsibilities", "report_deadlines", "recipients", "recipient_purposes", "signer", "targets")
# Scored when the expected structure has them (the corpus's ground truths do, the seeds' do not).
OPTIONAL_FIELDS = ("governing_body", "issuer_units")
ALL_FIELDS = FIELDS + OPTIONAL_FIELDS


def seed_names() -> list[str]:
    return sorted(p.stem for p in EXPECTED_DIR.glob("*.json"))


def load_expected(seed: str) -> dict:
    return json.loads((EXPECTED_DIR / f"{seed}.json").read_text(encoding="utf-8"))


def extract_seed(seed: str, units=None) -> dict:
    return extract((SEEDS_DIR / f"{seed}.txt").read_text(encoding="utf-8"), units=UNITS if units is None else units)


class _Text:
    """Text comparisons; ``tolerant`` compares OCR skeletons (for the no-diacritics and noisy variants)."""

    def __init__(self, tolerant: bool = False):
        self.tolerant = tolerant

    def norm(self, text: str) -> str:
        if self.tolerant:
            return ocr.skeleton((text or "").replace("8", "b"))
        return fold(text).strip(" .")

    def same(self, a: str, b: str) -> bool:
        return self.norm(a) == self.norm(b)

    def starts(self, text: str, prefix: str) -> bool:
        return self.norm(text).startswith(self.norm(prefix))

    def ends(self, text: str, suffix: str) -> bool:
        return self.norm(text).endswith(self.norm(suffix))

    def contains(self, text: str, part: str) -> bool:
        return self.norm(part) in self.norm(text)

    def similar(self, a: str, b: str) -> bool:
        return self.starts(a, b) or self.starts(b, a) or ocr.similarity(a, b) >= 0.78


def _ratio(matched: int, expected: int, found: int) -> float:
    total = max(expected, found)
    return 1.0 if total == 0 else matched / total


def _list_score(expected: list, found: list, same) -> float:
    remaining = list(found)
    matched = 0
    for exp in expected:
        for index, got in enumerate(remaining):
            if same(exp, got):
                matched += 1
                del remaining[index]
                break
    return _ratio(matched, len(expected), len(found))


def _flat_expected(items, path=()):
    for index, item in enumerate(items):
        yield path + (index,), item
        yield from _flat_expected(item[3], path + (index,))


def _flat_found(items, path=()):
    for index, item in enumerate(items):
        yield path + (index,), item
        yield from _flat_found(item["items"], path + (index,))


def _item_matches(exp, got, t: _Text | None = None) -> bool:
    t = t or _Text()
    marker, start, end = exp[0], exp[1], exp[2]
    full = item_full_text(got)
    if (marker == "") != (got["marker"] == ""):
        return False
    if marker and marker[0].isdigit() != got["marker"][:1].isdigit():
        return False
    if not t.starts(full, start) or not t.ends(full, end):
        return False
    return len(exp) < 5 or t.contains(full, exp[4])


def score(expected: dict, found: dict, tolerant: bool = False) -> dict[str, float]:
    """Field → score in [0, 1]; ``tolerant`` compares text on OCR skeletons (variants of the corpus)."""
    t = _Text(tolerant)
    s: dict[str, float] = {}
    for name in ("number", "place", "date"):
        s[name] = float(expected[name] == found[name] if name != "place" or not tolerant
                        else t.same(expected[name], found[name]))
    s["symbol"] = float(expected["symbol"] == found["symbol"] if not tolerant
                        else t.same(expected["symbol"], found["symbol"]))
    s["title"] = float(t.same(expected["title"], found["title"]))
    s["issuers"] = _list_score(expected["issuers"], [i["name"] for i in found["issuers"]], t.similar)
    if "governing_body" in expected:
        s["governing_body"] = float(t.same(expected["governing_body"], found.get("governing_body", "")))
    if "issuer_units" in expected:
        got_units = [i["unit_id"] for i in found["issuers"]]
        s["issuer_units"] = float(expected["issuer_units"] == got_units)
    s["legal_bases"] = _list_score(expected["legal_bases"], found["legal_bases"], lambda e, g: (
        e["doc_type"] == g["doc_type"] and t.same(e["number"], g["number"]) and e["date"] == g["date"]
        and (t.similar(e["issuer"], g["issuer"]) if e["issuer"] else not g["issuer"])
        and (t.starts(g["summary"], e["summary"]) if e["summary"] else not g["summary"])))
    s["sections"] = _list_score(
        [(e["label"], e["title"], e["intro"]) for e in expected["sections"]],
        [(g["label"], g["title"], g["intro"]) for g in found["sections"]],
        lambda e, g: e[0] == g[0] and t.same(e[1], g[1]) and t.starts(g[2], e[2]))
    matched = total_expected = total_found = 0
    for position, section in enumerate(expected["sections"]):
        exp_items = dict(_flat_expected(section["items"]))
        got_items = (dict(_flat_found(found["sections"][position]["items"]))
                     if position < len(found["sections"]) else {})
        total_expected += len(exp_items)
        total_found += len(got_items)
        matched += sum(1 for path, exp in exp_items.items() if path in got_items
                       and _item_matches(exp, got_items[path], t))
    total_found += sum(len(dict(_flat_found(g["items"]))) for g in found["sections"][len(expected["sections"]):])
    s["items"] = _ratio(matched, total_expected, total_found)
    s["responsibilities"] = _list_score(expected["responsibilities"], found["responsibilities"], lambda e, g: (
        e[1] == g["unit_id"] and t.similar(e[0], g["lead_text"])))
    s["report_deadlines"] = _multiset_score(
        [tuple(d[k] for k in ("kind", "recurrence", "day", "month", "year", "start", "end"))
         for d in expected["report_deadlines"]],
        [tuple(d[k] for k in ("kind", "recurrence", "day", "month", "year", "start", "end"))
         for d in found["report_deadlines"]])
    s["recipients"] = _list_score([r[0] for r in expected["recipients"]], [r["text"] for r in found["recipients"]],
                                  t.same)
    s["recipient_purposes"] = _list_score(
        [tuple(r) for r in expected["recipients"]], [(r["text"], r["purpose"]) for r in found["recipients"]],
        lambda e, g: t.same(e[0], g[0]) and e[1] == g[1])
    signer_keys = ("authority", "position", "name")
    s["signer"] = sum((expected["signer"][k] == found["signer"][k]) if not tolerant or k == "authority"
                      else t.same(expected["signer"][k], found["signer"][k]) for k in signer_keys) / len(signer_keys)
    s["targets"] = _multiset_score([(round(v, 2), d) for v, d in expected["targets"]],
                                   [(round(t["value"], 2), t["direction"]) for t in found["targets"]])
    return s


def _multiset_score(expected: list, found: list) -> float:
    matched = sum((Counter(expected) & Counter(found)).values())
    return _ratio(matched, len(expected), len(found))


def mean_per_field(per_doc: dict[str, dict[str, float]]) -> dict[str, float]:
    """The mean per field over the documents that have the field."""
    means = {}
    for field in ALL_FIELDS:
        values = [scores[field] for scores in per_doc.values() if field in scores]
        if values:
            means[field] = sum(values) / len(values)
    return means


def accuracy_table() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Scores per seed and field, and the mean per field across the seeds."""
    per_seed = {seed: score(load_expected(seed), extract_seed(seed)) for seed in seed_names()}
    return per_seed, mean_per_field(per_seed)


def corpus_table(names: list[str], variant: str) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Scores per corpus plan and field for one variant (original, nodiac, noisy), and the means."""
    from .corpus.variants import TRUTH_DIR, variant_text

    per_plan = {}
    for name in names:
        expected = json.loads((TRUTH_DIR / f"{name}.json").read_text(encoding="utf-8"))
        try:
            found = extract(variant_text(name, variant), units=UNITS)
        except ValidationError:
            per_plan[name] = {field: 0.0 for field in FIELDS + tuple(f for f in OPTIONAL_FIELDS if f in expected)}
            continue
        per_plan[name] = score(expected, found, tolerant=variant != "original")
    return per_plan, mean_per_field(per_plan)
