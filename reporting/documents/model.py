"""The generic description of an official document (Decree 30/2020, Guidance 36-HD/VPTW).

Adapters (``reporting.documents.plans`` for plans, later one for reports) fill a
``Document``; the renderers (``pdf.py``, ``docx.py``) draw it. Nothing here knows
about a model of the portal, so every app's documents look the same.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

# The lines themselves are built in plans.document_lines (shared with the plan page).
from plans.document_lines import BLANK, date_parts, place_date_line, with_final_punctuation
from plans.text import fold

__all__ = ["BLANK", "JOINT", "LAYOUT_VERSION", "PARTY", "STATE", "Block", "Document", "Issuer", "Signature",
           "date_parts", "file_slug", "paragraphs", "with_final_punctuation"]

# Bump when the layout changes: every stored file is then rendered anew.
# 2: reports sign "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" and are dated on the local day.
LAYOUT_VERSION = "2"

STATE = "state"
PARTY = "party"
JOINT = "joint"

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Issuer:
    """One issuing body of the header: ``governing`` above (upright), ``name`` (bold) with a rule."""

    name: str
    governing: str = ""
    party: bool = False  # a Party body: an asterisk follows its name


@dataclass(frozen=True)
class Block:
    """One paragraph of the body.

    ``kind``: ``heading`` (section heading, bold capitals), ``item`` (a marked item:
    ``label`` then ``heading`` then ``text``), ``paragraph`` (plain text).
    ``depth`` is the nesting level of an item (0 = directly under a section).
    ``emphasis`` of an item's label and heading: ``bold``, ``italic``, ``bold-italic`` or ``""``.
    """

    kind: str
    text: str = ""
    label: str = ""
    heading: str = ""
    depth: int = 0
    emphasis: str = ""

    @property
    def emphasis_class(self) -> str:
        return {"bold": "b", "italic": "i", "bold-italic": "bi"}.get(self.emphasis, "")


@dataclass(frozen=True)
class Signature:
    """``lines``: authority and position, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]; ``name`` without titles."""

    lines: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Document:
    style: str  # STATE, PARTY or JOINT
    issuers: tuple[Issuer, ...]
    number: str  # as shown: "Số: 276/KH-SYT", "Số 10-KH/BDVTU"
    place: str
    day: str  # "29", "" (left blank)
    month: str  # "01", "3", ""
    year: str
    doc_type: str  # "KẾ HOẠCH", "BÁO CÁO"
    title: str  # the summary (trích yếu)
    addressees: tuple[str, ...] = ()  # "Kính gửi: …"
    legal_bases: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    recipients: tuple[str, ...] = ()
    signature: Signature = field(default_factory=Signature)
    filename: str = "document"  # without extension

    @property
    def is_party(self) -> bool:
        return self.style == PARTY

    @property
    def date_line(self) -> str:
        """``Hà Tĩnh, ngày 29 tháng 01 năm 2021``; a missing day or month stays blank."""
        return place_date_line(self.place, self.day, self.month, self.year)

    @property
    def national_title(self) -> str:
        return PARTY_TITLE if self.is_party else NATIONAL_TITLE

    @property
    def motto(self) -> str:
        return "" if self.is_party else NATIONAL_MOTTO

    def content_hash(self) -> str:
        """SHA-256 of the description and the layout version: equal hashes, equal files."""
        payload = json.dumps({"layout": LAYOUT_VERSION, "doc": asdict(self)}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()



def paragraphs(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def file_slug(text: str, *, default: str) -> str:
    """``ke-hoach-01-kh-syt``: an ASCII file name (without extension) from ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or default
