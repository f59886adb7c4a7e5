"""Writes of the importer: the upload record, and saving a (corrected) extraction as a draft plan.

``plan_import_save`` creates the plan only through the services of ``plans.services``,
in one transaction: any error leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from plans import policy
from plans import services as plan_services
from plans.choices import HeaderStyle, ItemStyle, PlanKind, RecipientPurpose, SignerAuthority, UnitKind
from plans.models import Item, Plan, Unit
from plans.text import fold

from . import extract as ex
from . import ocr
from .models import PlanImport
from .readers import read_upload

_STYLES = {choice.value for choice in ItemStyle}
_PURPOSES = {choice.value for choice in RecipientPurpose}
_AUTHORITIES = {choice.value for choice in SignerAuthority}


def unit_refs() -> list[ex.UnitRef]:
    return [ex.UnitRef(id=u.pk, name=u.name, short_name=u.short_name, abbreviation=u.abbreviation)
            for u in Unit.objects.filter(is_active=True).only("pk", "name", "short_name", "abbreviation")]


def proposals_of(extracted: dict) -> dict:
    """Reporting obligations, schedules and targets proposed for the user to confirm."""
    return {
        "report_deadlines": [dict(d, status="proposed") for d in extracted.get("report_deadlines") or []],
        "targets": [dict(t, status="proposed") for t in extracted.get("targets") or []],
    }


@transaction.atomic
def plan_import_start(*, actor, text: str, source: str, source_name: str = "",
                      data: bytes | None = None) -> PlanImport:
    """Extract the structure of ``text`` and keep it, with the uploaded file, for review."""
    if not policy.can_create_plan(actor):
        raise PermissionDenied
    extracted = ex.extract(text, units=unit_refs())
    record = PlanImport(status=PlanImport.Status.PREVIEW, source=source, source_name=source_name[:255],
                        text=text, extracted=extracted, proposals=proposals_of(extracted),
                        imported_from_ocr=bool(extracted.get("ocr")), created_by=actor)
    if data is not None:
        record.source_file.save(source_name or "import.txt", ContentFile(data), save=False)
    else:
        record.source_file.save("pasted.txt", ContentFile(text.encode("utf-8")), save=False)
    record.save()
    return record


def _plan_kind(title: str, issuers: list[Unit]) -> str:
    key = fold(title)
    if len(issuers) == 2:
        return PlanKind.COORDINATION
    if "thi dua" in key:
        return PlanKind.EMULATION
    if "doi thoai" in key or "tiep xuc" in key:
        return PlanKind.DIALOGUE
    if "dan chu" in key:
        return PlanKind.DEMOCRACY
    return PlanKind.GENERAL


def _header_style(issuers: list[Unit]) -> str:
    if len(issuers) == 2 and any(u.is_party_body for u in issuers):
        return HeaderStyle.JOINT
    if issuers and all(u.is_party_body for u in issuers):
        return HeaderStyle.PARTY
    return HeaderStyle.STATE


def _year(extracted: dict, today: dt.date) -> int:
    date = extracted.get("date") or {}
    if date.get("year"):
        return int(date["year"])
    m = re.search(r"(?<!\d)(20\d\d)(?!\d)", extracted.get("title") or "")
    if m:
        return int(m.group(1))
    return today.year


def _issuer_units(extracted: dict) -> list[Unit]:
    units: list[Unit] = []
    refs = unit_refs()
    for issuer in extracted.get("issuers") or []:
        unit_id = issuer.get("unit_id")
        if not unit_id and issuer.get("name"):
            # Only a unit whose name is the issuer's (never one merely similar): an unknown issuer stays out.
            found, score = ex.unit_match(issuer["name"], refs)
            unit_id = found.id if found and score >= ex.ISSUER_THRESHOLD else None
        if unit_id:
            unit = Unit.objects.filter(pk=unit_id).first()
            if unit and unit not in units:
                units.append(unit)
    return units[:2]


def _unit_name(written: str) -> str:
    """ "BỆNH VIỆN PHỔI" → "Bệnh viện phổi": a header's capitals as a unit list writes names."""
    written = re.sub(r"\s+", " ", written).strip(" -–")
    return written[:1].upper() + written[1:].lower() if written.isupper() else written


@transaction.atomic
def import_unit_create(*, actor, name: str, governing_body: str = "") -> Unit:
    """Create the partner unit an imported plan's issuer names (administrators only), or return the
    unit of that exact name if one exists."""
    if not policy.is_admin(actor):
        raise PermissionDenied(_("Only an administrator may add a unit."))
    name = _unit_name(name)
    if len(ocr.skeleton(name)) < 3:
        raise ValidationError(_("The unit needs a name."), code="no_name")
    existing = Unit.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    base = slugify(fold(name))[:34] or "unit"
    code, n = base, 1
    while Unit.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    is_party = bool(re.match(r"(?:dang|ban\s+(?:dan\s+van|tuyen\s+giao|to\s+chuc|can\s+su)|tinh\s+uy|chi\s+bo)\b",
                             fold(name)))
    return Unit.objects.create(code=code, name=name[:255], kind=UnitKind.PARTNER, is_party_body=is_party,
                               governing_body=governing_body[:255])


def _parse_iso(value) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _create_items(*, actor, section, items: list[dict], parent: Item | None, made: list[tuple[dict, Item]]):
    for data in items:
        style = data.get("style") if data.get("style") in _STYLES else ItemStyle.PARAGRAPH
        text = (data.get("text") or "").strip()
        heading = (data.get("heading") or "").strip()[:500]
        if not text and not heading and not data.get("items"):
            continue
        item = plan_services.item_create(actor=actor, section=section, text=text, style=style, heading=heading,
                                         parent=parent)
        made.append((data, item))
        _create_items(actor=actor, section=section, items=data.get("items") or [], parent=item, made=made)


def _find_item(lead_text: str, section_label: str, made: list[tuple[dict, Item, str]]) -> Item | None:
    target = fold(lead_text)
    if not target:
        return None
    candidates = [(item, label) for _data, item, label in made
                  if fold(item.heading or item.text).startswith(target)]
    for item, label in candidates:
        if label == section_label:
            return item
    return candidates[0][0] if candidates else None


@transaction.atomic
def plan_import_save(*, actor, extracted: dict[str, Any], source_file: File | str | None = None,
                     import_record: PlanImport | None = None, source_name: str = "", text: str = "",
                     imported_from_ocr: bool | None = None, owner_unit: Unit | None = None,
                     create_units: list[str] | tuple = (), today: dt.date) -> Plan:
    """Create a DRAFT plan from an extraction (as corrected by the user), in one transaction.

    The plan gets its header, issuers, legal bases, sections and items, responsibilities,
    recipients and signer through ``plans.services``; its source file is attached and
    ``imported_from_ocr`` set. The import record keeps the proposals (deadlines, targets).
    """
    if not policy.can_create_plan(actor):
        raise PermissionDenied
    title = (extracted.get("title") or "").strip()
    if not title:
        raise ValidationError(_("The plan needs a title."), code="no_title")
    sections = [s for s in extracted.get("sections") or [] if (s.get("title") or "").strip()]
    if not sections:
        raise ValidationError(_("The plan needs at least one section."), code="no_sections")
    if import_record is not None and import_record.plan_id:
        raise ValidationError(_("This import has already been saved as a plan."), code="already_saved")

    if create_units:
        created = [import_unit_create(actor=actor, name=name, governing_body=extracted.get("governing_body") or "")
                   for name in create_units]
        extracted = {**extracted, "issuers": [*(extracted.get("issuers") or []),
                                              *({"name": u.name, "unit_id": u.pk, "unit": u.name} for u in created)]}
    issuers = _issuer_units(extracted)
    owner_unit = owner_unit or actor.unit or (issuers[0] if issuers else None)
    signer = extracted.get("signer") or {}
    ocr_flag = bool(extracted.get("ocr")) if imported_from_ocr is None else imported_from_ocr
    if source_file is None and import_record is not None and import_record.source_file:
        source_file = import_record.source_file.name  # the stored upload, shared (not copied)
    data = {
        "kind": _plan_kind(title, issuers),
        "year": _year(extracted, today),
        "doc_type": extracted.get("doc_type") or "KH",
        "place": (extracted.get("place") or "")[:80],
        "title": title[:500],
        "introduction": extracted.get("introduction") or "",
        "header_style": _header_style(issuers),
        "governing_body": (extracted.get("governing_body") or "").strip()[:255],
        "signer_authority": signer.get("authority") if signer.get("authority") in _AUTHORITIES else "",
        "signer_position": (signer.get("position") or "")[:120],
        "signer_name": (signer.get("name") or "")[:120],
        "imported_from_ocr": ocr_flag,
    }
    if source_file is not None:
        data["source_file"] = source_file
    plan = plan_services.plan_create(actor=actor, data=data, issuers=issuers or None, owner_unit=owner_unit)

    with plan_services.plan_batch(actor=actor, plan=plan):
        _save_content(actor=actor, plan=plan, extracted=extracted, sections=sections)

    record = import_record or PlanImport(source=PlanImport.Source.TXT, source_name=source_name[:255], text=text,
                                         created_by=actor)
    if import_record is None and plan.source_file:
        record.source_file.name = plan.source_file.name
    record.extracted = extracted
    if import_record is None:
        record.proposals = proposals_of(extracted)
    record.imported_from_ocr = ocr_flag
    record.plan = plan
    record.status = PlanImport.Status.SAVED
    record.save()
    plan.refresh_from_db()
    return plan


def _save_content(*, actor, plan: Plan, extracted: dict[str, Any], sections: list[dict]) -> None:
    # The document's own number, symbol and date, as it was issued.
    number = extracted.get("number")
    symbol = (extracted.get("symbol") or "").strip()[:60]
    issued_on = _parse_iso(ex.date_to_iso(extracted.get("date")))
    if number or symbol or issued_on:
        plan.number = int(number) if number else None
        plan.symbol = symbol or plan.symbol
        plan.issued_on = issued_on
        plan.validate_constraints()
        plan._history_user = actor
        plan.save(update_fields=["number", "symbol", "issued_on"])

    for basis in extracted.get("legal_bases") or []:
        plan_services.legal_basis_save(actor=actor, plan=plan, data={
            "lead_in": (basis.get("lead_in") or "Căn cứ")[:40],
            "doc_type": (basis.get("doc_type") or "")[:60],
            "number": (basis.get("number") or "")[:80],
            "date": _parse_iso(basis.get("date")),
            "issuer": (basis.get("issuer") or "")[:255],
            "summary": basis.get("summary") or "",
        })

    made: list[tuple[dict, Item, str]] = []
    for section_data in sections:
        section = plan_services.section_create(actor=actor, plan=plan, title=section_data["title"].strip()[:500],
                                               intro=section_data.get("intro") or "")
        created: list[tuple[dict, Item]] = []
        _create_items(actor=actor, section=section, items=section_data.get("items") or [], parent=None,
                      made=created)
        made.extend((d, item, section_data.get("label", "")) for d, item in created)

    units_by_id = {u.pk: u for u in Unit.objects.filter(
        pk__in=[r.get("unit_id") for r in extracted.get("responsibilities") or [] if r.get("unit_id")])}
    for responsibility in extracted.get("responsibilities") or []:
        lead_unit = units_by_id.get(responsibility.get("unit_id"))
        lead_text = (responsibility.get("lead_text") or "").strip()[:255]
        if lead_unit is None and not lead_text:
            continue
        plan_services.responsibility_save(actor=actor, plan=plan, data={
            "item": _find_item(lead_text, responsibility.get("section", ""), made),
            "lead_unit": lead_unit,
            "lead_text": lead_text,
        })

    refs = unit_refs()
    for recipient in extracted.get("recipients") or []:
        text_ = (recipient.get("text") or "").strip()
        if not text_:
            continue
        purpose = recipient.get("purpose") if recipient.get("purpose") in _PURPOSES else ""
        unit = ex.match_unit(text_, refs, threshold=0.9)
        plan_services.recipient_save(actor=actor, plan=plan, data={
            "text": text_[:255], "purpose": purpose, "unit_id": unit.id if unit else None,
        })


_SOURCES = {"docx": PlanImport.Source.DOCX, "pdf": PlanImport.Source.PDF}


def source_of(name: str) -> str:
    """The import source recorded for a file name (.docx, .pdf, anything else text)."""
    return _SOURCES.get(name.lower().rsplit(".", 1)[-1], PlanImport.Source.TXT)


def plan_import_from_file(*, actor, name: str, data: bytes, today: dt.date,
                          save: bool = True) -> tuple[dict, Plan | None]:
    """Read a file and extract its structure; with ``save``, keep it as a draft plan in one transaction.

    Used by ``manage.py import_plan`` and the demo loader. Returns (extracted, plan or None).
    """
    text = read_upload(name, data)
    if not save:
        return ex.extract(text, units=unit_refs()), None
    with transaction.atomic():
        record = plan_import_start(actor=actor, text=text, source=source_of(name), source_name=name, data=data)
        plan = plan_import_save(actor=actor, extracted=record.extracted, import_record=record, text=text,
                                today=today)
    return record.extracted, plan


PROPOSAL_STATUSES = ("proposed", "confirmed", "dismissed")


@transaction.atomic
def import_proposals_mark(*, actor, plan, kind: str, indexes: list[int], status: str) -> dict:
    """Mark proposals of ``plan``'s import (``kind``: targets or report_deadlines) as confirmed or dismissed.

    Emulation calls it when it confirms targets from them, reporting when it creates obligations;
    the plan page then stops showing them as proposals. Returns the updated proposals.
    """
    if not (policy.can_view_plan(actor, plan) and policy.can_create_plan(actor)):
        raise PermissionDenied
    if kind not in ("targets", "report_deadlines") or status not in PROPOSAL_STATUSES:
        raise ValidationError(_("Unknown kind or status of a proposal."), code="bad_proposal")
    record = (PlanImport.objects.select_for_update().filter(plan=plan, status=PlanImport.Status.SAVED)
              .order_by("-created_at", "-id").first())
    if record is None:
        raise ValidationError(_("This plan was not imported."), code="not_imported")
    entries = list((record.proposals or {}).get(kind) or [])
    for index in indexes:
        if not 0 <= index < len(entries):
            raise ValidationError(_("There is no such proposal."), code="bad_proposal")
        entries[index] = {**entries[index], "status": status}
    record.proposals = {**(record.proposals or {}), kind: entries}
    record.save(update_fields=["proposals", "updated_at"])
    return record.proposals
