"""The five seed plans, for the rendering samples, benchmarks and tests.

Seeds become plans only through the portal's importer (``plans.importing``), as in
``manage.py load_demo``: ``find_seed_plan`` finds a seed already imported, and
``build_seed_plan`` imports it (with the demo's units, so that issuers are matched).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import timezone

SEED_DIR = Path(settings.BASE_DIR) / "plans" / "fixtures" / "seeds"
SEEDS = (0, 1, 2, 3, 4)
SAMPLES_USERNAME = "samples.importer"


def seed_path(index: int) -> Path:
    return next(SEED_DIR.glob(f"{index:03d}_*.txt"))


def seed_text(index: int) -> str:
    return seed_path(index).read_text(encoding="utf-8")


def _importer():
    """A superuser of the demo's department (units created as ``load_demo`` creates them)."""
    from plans.demo.loader import load_units
    from plans.models import User

    units, _created = load_units()
    user, _ = User.objects.get_or_create(username=SAMPLES_USERNAME,
                                         defaults={"unit": units["syt"], "is_superuser": True})
    return user


def build_seed_plan(index: int):
    """Import seed ``index`` through the importer, as a draft plan."""
    from plans.importing.services import plan_import_from_file

    path = seed_path(index)
    _extracted, plan = plan_import_from_file(actor=_importer(), name=path.name, data=path.read_bytes(),
                                             today=timezone.localdate())
    return plan


def find_seed_plan(index: int):
    """The plan imported from seed ``index`` (``load_demo`` imports all five), or ``None``."""
    from plans.importing.models import PlanImport

    record = (PlanImport.objects.filter(source_name=seed_path(index).name, plan__isnull=False)
              .select_related("plan").order_by("-created_at").first())
    return record.plan if record else None


def plan_text(plan) -> str:
    """Every piece of text the plan holds (header, legal bases, outline, recipients, signer)."""
    from plans.selectors import plan_document_parts

    parts = plan_document_parts(plan)
    texts = [plan.title, plan.introduction, plan.place, plan.signer_position, plan.signer_name,
             *(str(basis) for basis in parts["legal_bases"]),
             *(recipient.text for recipient in parts["recipients"])]
    for section in parts["outline"]:
        texts += [section.section.title, section.section.intro]
        texts += [node.item.heading + node.item.text for node in section.walk()]
    return "".join(texts)
