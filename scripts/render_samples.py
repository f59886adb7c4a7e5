#!/usr/bin/env python
"""Render the five seed plans as PDFs into docs/samples/ (seed-00N.pdf) with a PNG of each first page.

    .venv/bin/python scripts/render_samples.py [--from-seeds]

Each PDF is rendered from the plan the importer made of the seed (``load_demo`` imports
all five); when the seed is not in the database, or with ``--from-seeds``, it is imported
now inside a transaction that is rolled back, so the database is left as it was.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")


def main() -> int:
    import django

    django.setup()
    from django.db import transaction

    from reporting.documents import render
    from reporting.documents.plans import plan_document
    from reporting.documents.samples import SEEDS, build_seed_plan, find_seed_plan

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-seeds", action="store_true", help="build every plan from its seed text")
    parser.add_argument("--out", default=str(BASE_DIR / "docs" / "samples"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for index in SEEDS:
        with transaction.atomic():
            plan = None if args.from_seeds else find_seed_plan(index)
            origin = "imported plan in the database" if plan else "seed imported now (rolled back)"
            plan = plan or build_seed_plan(index)
            data = render(plan_document(plan), "pdf")
            transaction.set_rollback(True)
        pdf = out / f"seed-{index:03d}.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(out / f"seed-{index:03d}-p1")], check=True)
        print(f"{pdf.relative_to(BASE_DIR)} ({origin}, plan {plan.pk}): {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
