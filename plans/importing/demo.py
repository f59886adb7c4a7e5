"""The five seed plans through the importer: as import records for the demo, or as drafts (``import_seeds``)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .models import PlanImport
from .services import plan_import_from_file

SEEDS_DIR = Path(settings.BASE_DIR) / "plans" / "fixtures" / "seeds"
# Seed 002 (276/KH-SYT) has no hand-entered structured plan in plans/demo: its import is its one plan
# (emulation's demo movement hangs from it). The other seeds are kept as import records only.
SAVED_AS_PLAN = ("002_",)


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


def record_seeds(*, actor, stdout=None) -> list[PlanImport]:
    """Keep every seed as an import record awaiting review (the import page lists it with its preview).

    The demo shows each seed once, as its clean structured plan; the OCR'd text is not saved as a
    second, garbled draft. Idempotent: a seed already recorded (same file name, by ``actor``) is
    skipped; a draft saved from a seed by an earlier demo is deleted and its record kept as a preview.
    """
    from ..choices import PlanStatus
    from .readers import read_upload
    from .services import plan_import_save, plan_import_start, source_of

    names = {path.name for path in seed_paths()}
    stale = (PlanImport.objects.filter(source_name__in=names, created_by=actor, plan__isnull=False,
                                       plan__status=PlanStatus.DRAFT).select_related("plan"))
    for record in (r for r in stale if not r.source_name.startswith(SAVED_AS_PLAN)):
        record.plan.delete()  # its import record stays (plan is SET_NULL)
        record.plan, record.status = None, PlanImport.Status.PREVIEW
        record.save(update_fields=["plan", "status", "updated_at"])
    recorded = set(PlanImport.objects.filter(source_name__in=names, created_by=actor)
                   .values_list("source_name", flat=True))
    records = []
    for path in seed_paths():
        if path.name in recorded:
            continue
        data = path.read_bytes()
        text = read_upload(path.name, data)
        record = plan_import_start(actor=actor, text=text, source=source_of(path.name), source_name=path.name,
                                   data=data)
        records.append(record)
        if path.name.startswith(SAVED_AS_PLAN):
            plan = plan_import_save(actor=actor, extracted=record.extracted, import_record=record, text=text,
                                    today=timezone.localdate())
            if stdout:
                stdout.write(f"  {path.name}: plan #{plan.pk} {plan.title[:60]}")
        elif stdout:
            stdout.write(f"  {path.name}: import record #{record.pk}")
    return records
