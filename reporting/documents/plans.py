"""Adapter: a ``plans.models.Plan`` as an official-document description.

Everything is read through ``plans.selectors.plan_document_parts`` (numbering from
``plans.outline``); nothing here numbers, filters or decides access.
"""

from __future__ import annotations

from plans import document_lines as doc_lines
from plans.choices import HeaderStyle, ItemStyle
from plans.document_lines import DOC_TYPE_TITLES, signature_lines, upper, with_final_punctuation
from plans.selectors import plan_document_parts

from .model import JOINT, PARTY, STATE, Block, Document, Issuer, Signature, file_slug, paragraphs

__all__ = ["DOC_TYPE_NAMES", "plan_document", "signature_lines"]

DOC_TYPE_NAMES = DOC_TYPE_TITLES  # the former name, kept for importers
_STYLES = {HeaderStyle.STATE: STATE, HeaderStyle.PARTY: PARTY, HeaderStyle.JOINT: JOINT}


def _issuer(unit, style: str, plan_governing: str = "") -> Issuer:
    return Issuer(name=upper(unit.name), governing=doc_lines.governing_body(unit, plan_governing),
                  party=unit.is_party_body and style != STATE)


def _emphasis(node) -> str:
    style = node.item.style
    if style == ItemStyle.NUMBER:
        return "bold" if node.depth == 0 else "bold-italic"
    if style == ItemStyle.LETTER:
        return "italic"
    return ""


def _blocks(plan, outline) -> list[Block]:
    blocks = [Block(kind="paragraph", text=line) for line in paragraphs(plan.introduction)]
    for section_node in outline:
        blocks.append(Block(kind="heading", label=f"{section_node.label}.", text=upper(section_node.section.title)))
        blocks.extend(Block(kind="paragraph", text=line) for line in paragraphs(section_node.section.intro))
        for node in section_node.walk():
            lines = paragraphs(node.item.text)
            heading = (node.item.heading or "").strip()
            first = "" if heading else (lines.pop(0) if lines else "")
            blocks.append(Block(kind="item", label=node.label, heading=heading, text=first, depth=node.depth,
                                emphasis=_emphasis(node) if heading else ""))
            blocks.extend(Block(kind="paragraph", text=line, depth=node.depth) for line in lines)
    return blocks


def _filename(plan) -> str:
    return file_slug(plan.number_display if plan.number else f"ke hoach {plan.pk}", default="document")


def plan_document(plan) -> Document:
    """The official-document description of ``plan`` (a handful of queries)."""
    parts = plan_document_parts(plan)
    style = _STYLES.get(plan.header_style, STATE)
    units = parts["issuers"] or [plan.owner_unit]
    day, month, year = doc_lines.plan_date_parts(plan)
    bases = [f"{basis.lead_in} {basis}".strip() for basis in parts["legal_bases"]]
    return Document(
        style=style,
        issuers=tuple(_issuer(unit, style, plan.governing_body) for unit in units),
        number=doc_lines.plan_number_line(plan),
        place=doc_lines.plan_place(plan),
        day=day,
        month=month,
        year=year,
        doc_type=doc_lines.doc_type_title(plan.doc_type, plan.get_doc_type_display()),
        title=plan.title.strip(),
        legal_bases=with_final_punctuation(bases, each=";", last="."),
        blocks=tuple(_blocks(plan, parts["outline"])),
        recipients=doc_lines.plan_recipient_lines(plan, parts["recipients"]),
        signature=Signature(
            lines=doc_lines.plan_signature_lines(plan, units),
            name=plan.signer_name.strip(),
        ),
        filename=_filename(plan),
    )
