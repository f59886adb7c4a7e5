"""Import the five seed plans as drafts (called by the demo loader)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .models import PlanImport
from .services import plan_import_from_file

SEEDS_DIR = Path(settings.BASE_DIR) / "plans" / "fixtures" / "seeds"


def seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


def import_seeds(*, actor, stdout=None) -> list:
    """Import every seed as a draft plan; a seed already imported (same file name) is skipped."""
    plans = []
    for path in seed_paths():
        if PlanImport.objects.filter(source_name=path.name, plan__isnull=False).exists():
            if stdout:
                stdout.write(f"  {path.name}: already imported")
            continue
        _extracted, plan = plan_import_from_file(actor=actor, name=path.name, data=path.read_bytes(),
                                                 today=timezone.localdate())
        plans.append(plan)
        if stdout:
            stdout.write(f"  {path.name}: plan #{plan.pk} {plan.title[:60]}")
    return plans
