"""Time to import each seed plan, and the importer's field accuracy (run by `make bench`; prints,
asserts nothing about time).

"read+extract" is what the upload page does before showing the preview; "save" is
``plan_import_save`` creating the draft plan through the services (one transaction).
"""

import time

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from plans.choices import Role, UnitKind
from plans.importing.demo import seed_paths
from plans.importing.extract import extract
from plans.importing.readers import read_upload
from plans.importing.services import plan_import_save, unit_refs
from plans.models import Unit, User


@pytest.fixture
def importer(db):
    syt = Unit.objects.create(code="syt", name="Sở Y tế", kind=UnitKind.DEPARTMENT, abbreviation="SYT")
    Unit.objects.create(code="bdvtu", name="Ban Dân vận Tỉnh ủy", kind=UnitKind.PARTNER, abbreviation="BDVTU",
                        is_party_body=True)
    Unit.objects.create(code="ttkscb", name="Trung tâm Kiểm soát bệnh tật", kind=UnitKind.FACILITY, parent=syt)
    user = User.objects.create(username="bench", unit=syt)
    user.groups.add(Group.objects.get_or_create(name=Role.AUTHOR)[0])
    return user


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_import_seed(path, importer, record):
    data = path.read_bytes()
    units = unit_refs()
    extract(read_upload(path.name, data), units=units)  # warm: regex compilation
    started = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        extracted = extract(read_upload(path.name, data), units=units)
    read_extract = (time.perf_counter() - started) / rounds
    started = time.perf_counter()
    plan = plan_import_save(actor=importer, extracted=extracted, source_name=path.name, today=timezone.localdate())
    save = time.perf_counter() - started
    print(f"\nseed {path.name[:3]}: read+extract {read_extract * 1000:6.1f} ms | save {save * 1000:7.1f} ms "
          f"({plan.items.count()} items) | total {(read_extract + save) * 1000:7.1f} ms")
    record(f"import seed {path.name[:3]}", read_extract + save, read_extract_s=round(read_extract, 3),
           save_s=round(save, 3))


def test_field_accuracy():
    """The tables of ``scripts/import_accuracy.py``: seeds, corpus per variant (set-aside part apart)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "import_accuracy.py"
    spec = importlib.util.spec_from_file_location("import_accuracy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()
