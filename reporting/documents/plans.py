"""Adapter: a ``plans.models.Plan`` as an official-document description.

Everything is read through ``plans.selectors.plan_document_parts`` (numbering from
``plans.outline``); nothing here numbers, filters or decides access.
"""

from __future__ import annotations

import re

from django.conf import settings

from plans.choices import HeaderStyle, ItemStyle
from plans.selectors import plan_document_parts
from plans.text import fold

from .model import BLANK, JOINT, PARTY, STATE, Block, Document, Issuer, Signature, date_parts, with_final_punctuation

DOC_TYPE_NAMES = {
    "KH": "KẾ HOẠCH",
    "BC": "BÁO CÁO",
    "QĐ": "QUYẾT ĐỊNH",
    "CT": "CHỈ THỊ",
    "TB": "THÔNG BÁO",
    "HD": "HƯỚNG DẪN",
    "CTr": "CHƯƠNG TRÌNH",
    "BB": "BIÊN BẢN",
    "TTr": "TỜ TRÌNH",
    "GM": "GIẤY MỜI",
    "QC": "QUY CHẾ",
}
_STYLES = {HeaderStyle.STATE: STATE, HeaderStyle.PARTY: PARTY, HeaderStyle.JOINT: JOINT}
# Guidance 36-HD/VPTW writes the signing prefixes with a slash.
_PARTY_AUTHORITY = {"KT.": "K/T", "TM.": "T/M", "TL.": "T/L"}
_DEFAULT_HEAD = "GIÁM ĐỐC"


def _upper(text: str) -> str:
    return (text or "").strip().upper()


def _issuer(unit, style: str, plan_governing: str = "") -> Issuer:
    """A state issuer prints the plan's own governing body when it has one (an imported document's)."""
    governing = (plan_governing if plan_governing and not unit.is_party_body else "") or unit.governing_body or (
        unit.parent.governing_body if unit.parent_id else "")
    return Issuer(name=_upper(unit.name), governing=_upper(governing), party=unit.is_party_body and style != STATE)


def signature_lines(authority: str, position: str, *, body: str, party: bool) -> tuple[str, ...]:
    """``("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")`` from ``KT.`` and ``Phó Giám đốc``; ``TM.`` signs for ``body``."""
    position = _upper(position)
    if not authority:
        return (position,) if position else ()
    prefix = _PARTY_AUTHORITY.get(authority, authority) if party else authority
    if authority == "Q.":
        return (f"{prefix} {position}",)
    if authority == "TM.":
        return (f"{prefix} {_upper(body)}", position) if position else (f"{prefix} {_upper(body)}",)
    head = position.removeprefix("PHÓ ").strip() if position.startswith("PHÓ ") else _DEFAULT_HEAD
    return (f"{prefix} {head}", position) if position else (f"{prefix} {head}",)


def _number(plan, style: str) -> str:
    display = plan.number_display
    if style == PARTY:
        return f"Số {display}" if plan.number else f"Số{BLANK}{display}"
    return f"Số: {display}" if plan.number else f"Số:{BLANK}{display}"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _emphasis(node) -> str:
    style = node.item.style
    if style == ItemStyle.NUMBER:
        return "bold" if node.depth == 0 else "bold-italic"
    if style == ItemStyle.LETTER:
        return "italic"
    return ""


def _blocks(plan, outline) -> list[Block]:
    blocks = [Block(kind="paragraph", text=line) for line in _paragraphs(plan.summary)]
    for section_node in outline:
        blocks.append(Block(kind="heading", label=f"{section_node.label}.", text=_upper(section_node.section.title)))
        blocks.extend(Block(kind="paragraph", text=line) for line in _paragraphs(section_node.section.intro))
        for node in section_node.walk():
            lines = _paragraphs(node.item.text)
            heading = (node.item.heading or "").strip()
            first = "" if heading else (lines.pop(0) if lines else "")
            blocks.append(Block(kind="item", label=node.label, heading=heading, text=first, depth=node.depth,
                                emphasis=_emphasis(node) if heading else ""))
            blocks.extend(Block(kind="paragraph", text=line, depth=node.depth) for line in lines)
    return blocks


def _recipients(plan, recipients) -> tuple[str, ...]:
    lines, archive = [], []
    for recipient in recipients:
        text = recipient.text.strip().lstrip("-").strip()
        if not text:
            continue
        if fold(text).startswith("luu"):
            archive.append(text)
        elif recipient.purpose == "lưu":  # the archive line, stored without its "Lưu:" prefix
            archive.append(f"Lưu: {text}")
        elif recipient.purpose and recipient.purpose != "lưu":
            lines.append(f"{text.rstrip(';,.')} ({recipient.purpose})")
        else:
            lines.append(text)
    if not archive:
        room = plan.owner_unit.abbreviation or plan.owner_unit.display_short
        archive.append(f"Lưu: VT, {room}" if room else "Lưu: VT")
    return tuple(f"- {line}" for line in with_final_punctuation(lines + archive, each=";", last="."))


def _filename(plan) -> str:
    base = fold(plan.number_display) if plan.number else f"ke hoach {plan.pk}"
    return re.sub(r"[^a-z0-9]+", "-", base).strip("-") or "document"


def plan_document(plan) -> Document:
    """The official-document description of ``plan`` (a handful of queries)."""
    parts = plan_document_parts(plan)
    style = _STYLES.get(plan.header_style, STATE)
    units = parts["issuers"] or [plan.owner_unit]
    if plan.issued_on:
        day, month, year = date_parts(plan.issued_on)
    else:
        day, month, year = "", "", str(plan.year)
    bases = [f"{basis.lead_in} {basis}".strip() for basis in parts["legal_bases"]]
    return Document(
        style=style,
        issuers=tuple(_issuer(unit, style, plan.governing_body) for unit in units),
        number=_number(plan, style),
        place=plan.place or settings.PORTAL_PROVINCE,
        day=day,
        month=month,
        year=year,
        doc_type=DOC_TYPE_NAMES.get(plan.doc_type, _upper(plan.get_doc_type_display())),
        title=plan.title.strip(),
        legal_bases=with_final_punctuation(bases, each=";", last="."),
        blocks=tuple(_blocks(plan, parts["outline"])),
        recipients=_recipients(plan, parts["recipients"]),
        signature=Signature(
            lines=signature_lines(plan.signer_authority, plan.signer_position, body=units[0].name,
                                  party=style == PARTY),
            name=plan.signer_name.strip(),
        ),
        filename=_filename(plan),
    )
