"""``manage.py import_plan`` and the seed loader."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from plans.choices import HeaderStyle, PlanKind, PlanStatus
from plans.importing.demo import import_seeds, seed_paths
from plans.importing.extract import JSON_KEYS
from plans.importing.models import PlanImport
from plans.models import Plan

from .accuracy import SEEDS_DIR

pytestmark = pytest.mark.django_db

SEED_001 = SEEDS_DIR / "001_0f583aed0a9f887b.txt"


def _run(*args):
    out = io.StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def test_json_prints_exactly_the_structure(org):
    data = json.loads(_run(str(SEED_001), "--json", "--dry-run"))
    assert set(data) == set(JSON_KEYS) == {
        "number", "symbol", "issuers", "place", "date", "title", "legal_bases", "sections", "responsibilities",
        "report_deadlines", "recipients", "signer", "targets"}
    assert set(data["signer"]) == {"authority", "position", "name"}
    assert {"label", "title", "items"} <= set(data["sections"][0])
    assert data["sections"][2]["items"][0]["heading"] == "Ban Dân vận Tỉnh ủy"
    assert data["responsibilities"][0]["unit_id"] == org.bdv.pk
    assert not Plan.objects.exists()


def test_command_saves_a_joint_draft_plan(users, org):
    out = _run(str(SEED_001), "--user", users.admin.username)
    assert "Draft plan" in out
    plan = Plan.objects.get()
    assert plan.status == PlanStatus.DRAFT and plan.created_by == users.admin
    assert [link.unit for link in plan.issuer_links.all()] == [org.bdv, org.syt]
    assert plan.header_style == HeaderStyle.JOINT and plan.kind == PlanKind.COORDINATION
    assert plan.sections.count() == 4 and plan.items.count() == 24
    assert [d.lead_unit for d in plan.responsibilities.all()] == [org.bdv, org.syt]
    assert plan.legal_bases.get().number == "10-KH/BDVTU-BCSDUBND"
    assert plan.source_file.read() == SEED_001.read_bytes()
    assert PlanImport.objects.get().proposals["report_deadlines"][0]["status"] == "proposed"


def test_command_errors(tmp_path, users):
    with pytest.raises(CommandError):
        _run(str(tmp_path / "missing.txt"), "--dry-run")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="empty|trống"):
        _run(str(empty), "--dry-run")
    with pytest.raises(CommandError):
        _run(str(SEED_001), "--user", users.reviewer.username)
    assert not Plan.objects.exists()


def test_import_seeds_is_idempotent(users):
    out = io.StringIO()
    plans = import_seeds(actor=users.admin, stdout=out)
    assert len(plans) == len(seed_paths()) == 5
    assert Plan.objects.filter(status=PlanStatus.DRAFT).count() == 5
    assert Plan.objects.filter(imported_from_ocr=True).count() == 2
    assert Plan.objects.get(number=276).issued_on.isoformat() == "2021-01-29"
    assert import_seeds(actor=users.admin) == []
    assert Plan.objects.count() == 5


def test_proposals_are_readable_for_the_reporting_app(users):
    from plans.importing.selectors import import_proposals

    import_seeds(actor=users.admin)
    emulation = Plan.objects.get(number=276)
    proposals = import_proposals(plan=emulation)
    assert [(d["kind"], d["start"], d["end"]) for d in proposals["report_deadlines"]] == [
        ("phase", "2021-01-01", "2021-06-30"), ("phase", "2021-07-01", "2021-12-31")]
    assert len(proposals["targets"]) == 23 and proposals["targets"][0]["status"] == "proposed"
    assert emulation.kind == PlanKind.EMULATION
    dialogue = Plan.objects.get(title__startswith="Tiếp xúc")
    assert [(d["recurrence"], d["day"], d["month"]) for d in import_proposals(plan=dialogue)["report_deadlines"]] \
        == [("six_monthly", 5, 6), ("annual", 25, 11)]
    other = Plan.objects.create(year=2026, title="Không nhập", owner_unit=users.admin.unit)
    assert import_proposals(plan=other) == {"report_deadlines": [], "targets": []}
