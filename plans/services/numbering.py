"""Document numbers and symbols: ``05/KH-SYT`` and the register each number is taken from."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ..choices import UnitKind
from ..models import DocumentNumber, Plan, Unit


def symbol_for(doc_type: str, issuers: list[Unit]) -> str:
    """``KH-SYT``: the type, then the issuers' abbreviations joined by ``-``."""
    return "-".join([doc_type, *(unit.abbreviation or unit.code.upper() for unit in issuers)])


def plan_symbol(plan: Plan) -> str:
    return symbol_for(plan.doc_type, [link.unit for link in plan.issuer_links.select_related("unit")])


def register_issuer(plan: Plan) -> Unit:
    """The issuer whose register numbers the plan: the first one that is not a partner body."""
    links = list(plan.issuer_links.select_related("unit"))
    for link in links:
        if link.unit.kind != UnitKind.PARTNER:
            return link.unit
    if links:
        return links[0].unit
    return plan.owner_unit



def document_number_take(*, year: int, doc_type: str, issuer: Unit) -> int:
    """Take the next number of the register (year, type, issuer). Call inside the issuing transaction.

    The register row is locked with ``SELECT … FOR UPDATE`` until the transaction ends,
    so two issuers at the same moment get consecutive numbers, and a rolled-back issue
    gives its number back: no duplicates, no gaps.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("document_number_take must run inside the issuing transaction")
    try:
        with transaction.atomic():
            DocumentNumber.objects.get_or_create(year=year, doc_type=doc_type, issuer=issuer)
    except IntegrityError:
        pass  # created concurrently by another transaction: lock it below
    register = DocumentNumber.objects.select_for_update().get(year=year, doc_type=doc_type, issuer=issuer)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    return register.last_number
