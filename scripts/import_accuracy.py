#!/usr/bin/env python
"""Print the importer's accuracy on the five seeds: field → fraction correct.

    .venv/bin/python scripts/import_accuracy.py

The expected structures are written by hand in tests/plans/importing/expected/.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from tests.plans.importing.accuracy import FIELDS, accuracy_table  # noqa: E402


def main() -> None:
    per_seed, means = accuracy_table()
    seeds = list(per_seed)
    width = max(len(f) for f in FIELDS) + 2
    print("field".ljust(width) + "".join(s[:3].rjust(7) for s in seeds) + "   mean")
    for field in FIELDS:
        row = "".join(f"{per_seed[s][field]:7.2f}" for s in seeds)
        print(field.ljust(width) + row + f"{means[field]:7.2f}")
    overall = sum(means.values()) / len(means)
    print("-" * (width + 7 * len(seeds) + 7))
    print("all fields".ljust(width) + " " * 7 * len(seeds) + f"{overall:7.2f}")


if __name__ == "__main__":
    main()
