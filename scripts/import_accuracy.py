#!/usr/bin/env python
"""Print the importer's field accuracy: on the five seeds, and on the corpus per variant.

    .venv/bin/python scripts/import_accuracy.py            # seeds, corpus (development and set-aside parts)
    .venv/bin/python scripts/import_accuracy.py --plans    # also one column per corpus plan

The seeds' structures are written by hand in tests/plans/importing/expected/, the corpus's in
tests/plans/importing/corpus/truth/; the corpus's no-diacritics and noisy-OCR variants are generated
(seeded) by tests/plans/importing/corpus/variants.py. The set-aside part (``HELD_OUT``) was not looked
at while the extractor was changed: its figures are the measure on unseen plans.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from tests.plans.importing.accuracy import ALL_FIELDS, accuracy_table, corpus_table  # noqa: E402
from tests.plans.importing.corpus.variants import HELD_OUT, VARIANTS, development_names  # noqa: E402


def _overall(means: dict[str, float]) -> float:
    return sum(means.values()) / len(means)


def print_table(title: str, columns: dict[str, dict[str, float]]) -> None:
    """One row per field, one column per document set or variant."""
    width = max(len(f) for f in ALL_FIELDS) + 2
    print(f"\n{title}")
    print("field".ljust(width) + "".join(name[:9].rjust(10) for name in columns))
    for field in ALL_FIELDS:
        if not any(field in means for means in columns.values()):
            continue
        print(field.ljust(width) + "".join(
            f"{means[field]:10.2f}" if field in means else " " * 10 for means in columns.values()))
    print("-" * (width + 10 * len(columns)))
    print("all fields".ljust(width) + "".join(f"{_overall(means):10.2f}" for means in columns.values()))


def main() -> None:
    per_seed, seed_means = accuracy_table()
    columns = {seed[:3]: scores for seed, scores in per_seed.items()}
    columns["mean"] = seed_means
    print_table("Seeds (development set of the rules)", columns)
    for label, names in (("Corpus, development part", development_names()), ("Corpus, set-aside part", list(HELD_OUT))):
        by_variant = {}
        for variant in VARIANTS:
            per_plan, means = corpus_table(names, variant)
            by_variant[variant] = means
            if "--plans" in sys.argv:
                print_table(f"{label}, {variant}", {name[:3]: scores for name, scores in per_plan.items()})
        by_variant["all"] = {field: sum(m[field] for m in by_variant.values()) / len(VARIANTS)
                             for field in by_variant["original"]}
        print_table(f"{label} ({len(names)} plans) per variant", by_variant)


if __name__ == "__main__":
    main()
