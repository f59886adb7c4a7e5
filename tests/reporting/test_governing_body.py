"""The governing body printed above the issuing body: the document's own when it names one."""

import pytest
from django.utils import timezone

from plans.choices import HeaderStyle
from plans.importing.services import plan_import_from_file
from reporting.documents.plans import plan_document
from reporting.documents.samples import seed_path
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_an_imported_plan_keeps_the_governing_body_of_its_document(users, org):
    path = seed_path(2)  # Hà Tĩnh, OCR'd: "UBND TINH HA TINH"
    _extracted, plan = plan_import_from_file(actor=users.author, name=path.name, data=path.read_bytes(),
                                             today=timezone.localdate())
    assert plan.governing_body == "UBND TINH HA TINH"
    assert plan_document(plan).issuers[0].governing == "UBND TINH HA TINH"


def test_without_one_the_issuing_units_governing_body_is_printed(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt])
    assert plan_document(plan).issuers[0].governing == "UBND TỈNH QUẢNG NGÃI"


def test_a_party_co_issuer_keeps_its_own_governing_body(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.bdv, org.syt], header_style=HeaderStyle.JOINT,
                       governing_body="UBND tỉnh Quảng Ngãi")
    party, state = plan_document(plan).issuers
    assert (party.governing, state.governing) == ("TỈNH ỦY QUẢNG NGÃI", "UBND TỈNH QUẢNG NGÃI")
