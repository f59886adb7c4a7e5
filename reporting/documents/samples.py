"""Plans built from the five seed texts, for the rendering samples, benchmarks and tests.

The portal's own importer (``plans.importing``) and demo data (``manage.py load_demo``)
are the real way seeds become plans; this module is a small, self-contained stand-in so
that the renderer can be shown and measured on the seeds whatever state those are in.
``find_seed_plan`` looks a seed up in the database first (adjust ``SEEDS[...]["lookup"]``).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from django.conf import settings

from plans.text import fold

SEED_DIR = Path(settings.BASE_DIR) / "plans" / "fixtures" / "seeds"

# What the seed texts say of their header (or, for the OCR copies, what their originals say).
SEEDS = {
    0: {"title": "Phối hợp công tác dân vận năm 2021", "province": "Quảng Ngãi", "style": "joint", "year": 2021,
        "issuers": ["bdvtu", "syt"], "symbol": "KH/BDVTU-SYT", "signer": ("", "", ""),
        "lookup": {"imported_from_ocr": True, "title__icontains": "cong tac dan van"}},
    1: {"title": "Phối hợp công tác dân vận năm 2021", "province": "Quảng Ngãi", "style": "joint", "year": 2021,
        "issuers": ["bdvtu", "syt"], "symbol": "KH/BDVTU-SYT", "signer": ("", "", ""),
        "lookup": {"imported_from_ocr": False, "title__icontains": "công tác dân vận năm 2021"}},
    2: {"title": "Thực hiện các phong trào thi đua yêu nước ngành Y tế Hà Tĩnh năm 2021", "province": "Hà Tĩnh",
        "style": "state", "year": 2021, "number": 276, "issued_on": datetime.date(2021, 1, 29),
        "issuers": ["syt"], "symbol": "KH-SYT", "signer": ("", "GIÁM ĐỐC", ""),
        "lookup": {"number": 276, "symbol": "KH-SYT", "year": 2021}},
    3: {"title": "Tiếp xúc, đối thoại trực tiếp với nhân dân năm 2020", "province": "Lào Cai", "style": "state",
        "year": 2020, "issuers": ["syt"], "symbol": "KH-SYT", "signer": ("", "GIÁM ĐỐC", "Hoàng Quốc Hương"),
        "lookup": {"title__icontains": "đối thoại trực tiếp với nhân dân"}},
    4: {"title": ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, thực hiện công tác dân vận, "
                  "Quy chế dân chủ, Quy tắc ứng xử của cán bộ y tế hướng tới sự hài lòng của người bệnh, "
                  "người dân năm 2023"),
        "province": "Đắk Nông", "style": "state", "year": 2023, "issuers": ["syt"], "symbol": "KH-SYT",
        "signer": ("KT.", "PHÓ GIÁM ĐỐC", "Trần Quang Hào"),
        "lookup": {"title__icontains": "Học tập và làm theo tư tưởng"}},
}

_ROMAN = re.compile(r"^([IVX]+)\.\s*(.*)$")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.*)$")
_LETTER = re.compile(r"^([a-zđ])\)\s*(.*)$")
_DASH = re.compile(r"^[-–]\s*(.*)$")
_PLUS = re.compile(r"^\+\s*(.*)$")


def seed_path(index: int) -> Path:
    return next(SEED_DIR.glob(f"{index:03d}_*.txt"))


def seed_text(index: int) -> str:
    return seed_path(index).read_text(encoding="utf-8")


def _clean(line: str) -> str:
    line = re.sub(r"^#+\s*", "", line.strip())
    return re.sub(r"\*+", "", line).replace("\u00a0", " ").strip()


def _marker(line: str):
    for style, pattern in (("roman", _ROMAN), ("number", _NUMBER), ("letter", _LETTER), ("dash", _DASH),
                           ("plus", _PLUS)):
        match = pattern.match(line)
        if match:
            return style, match
    return None, None


def _paragraphs(lines: list[str]) -> list[str]:
    """Join the hard-wrapped lines of OCR text into paragraphs."""
    paragraphs: list[str] = []
    for raw in lines:
        line = _clean(raw)
        if not line:
            continue
        style, _match = _marker(line)
        if paragraphs and style is None and not re.search(r"[.:;!?]\"?$|\./\.$", paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def parse_seed(index: int) -> dict:
    """Legal bases, introduction, sections (title, intro, items) and recipients of a seed text."""
    lines = seed_text(index).splitlines()
    start = next(i for i, line in enumerate(lines) if fold(_clean(line)).startswith(("can cu", "thuc hien")))
    end = next(i for i, line in enumerate(lines) if fold(_clean(line)).startswith(("noi nhan", "nai nhan")))
    bases, intro, sections = [], [], []
    for paragraph in _paragraphs(lines[start:end]):
        style, match = _marker(paragraph)
        if style == "roman":
            sections.append({"title": match[2].rstrip(". "), "intro": [], "items": []})
        elif not sections:
            (bases if fold(paragraph).startswith(("can cu", "thuc hien")) else intro).append(paragraph)
        elif style is None:
            target = sections[-1]["items"][-1] if sections[-1]["items"] else None
            if target is None:
                sections[-1]["intro"].append(paragraph)
            else:
                target["text"] = f"{target['text']}\n{paragraph}".strip()
        else:
            text = match.groups()[-1]
            depth = match[1].count(".") if style == "number" else 0
            is_heading = style == "number" and len(text) < 90 and not re.search(r"[.;:]$", text)
            sections[-1]["items"].append({"style": style, "depth": depth, "heading": text if is_heading else "",
                                          "text": "" if is_heading else text})
    recipients = []
    for raw in lines[end + 1:]:
        line = _clean(raw)
        if not line:
            continue
        if line == line.upper() or line.startswith("- }"):
            break  # the signature block (or a layout brace of the scan)
        text = re.sub(r"\s+", " ", line.lstrip("- ")).strip()
        if line.startswith("-") or not recipients:
            recipients.append(text)
        else:  # a wrapped recipient line
            recipients[-1] = f"{recipients[-1]} {text}"

    return {"bases": bases, "intro": intro, "sections": sections, "recipients": recipients}


def _units(province: str):
    from plans.choices import UnitKind
    from plans.models import Unit

    slug = re.sub(r"[^a-z0-9]+", "-", fold(province)).strip("-")
    syt, _ = Unit.objects.get_or_create(
        code=f"sample-syt-{slug}",
        defaults={"name": "Sở Y tế", "short_name": "Sở Y tế", "kind": UnitKind.DEPARTMENT, "abbreviation": "SYT",
                  "governing_body": f"UBND TỈNH {province.upper()}"})
    room, _ = Unit.objects.get_or_create(
        code=f"sample-vp-{slug}",
        defaults={"name": "Văn phòng Sở", "kind": UnitKind.ROOM, "parent": syt, "abbreviation": "VP"})
    bdvtu, _ = Unit.objects.get_or_create(
        code=f"sample-bdvtu-{slug}",
        defaults={"name": "Ban Dân vận", "short_name": "Ban Dân vận Tỉnh ủy", "kind": UnitKind.PARTNER,
                  "abbreviation": "BDVTU", "is_party_body": True, "governing_body": f"TỈNH ỦY {province.upper()}"})
    return {"syt": syt, "room": room, "bdvtu": bdvtu}


def build_seed_plan(index: int, **overrides):
    """Create a plan (with its sections, items, legal bases, recipients) from seed ``index``."""
    from plans.choices import ItemStyle, PlanStatus
    from plans.models import Item, LegalBasis, Plan, PlanIssuer, Recipient, Section

    meta = SEEDS[index]
    parsed = parse_seed(index)
    units = _units(meta["province"])
    authority, position, name = meta["signer"]
    plan = Plan.objects.create(**{
        "year": meta["year"], "title": meta["title"], "place": meta["province"], "header_style": meta["style"],
        "symbol": meta["symbol"], "number": meta.get("number"), "issued_on": meta.get("issued_on"),
        "owner_unit": units["room"], "status": PlanStatus.DRAFT, "summary": "\n".join(parsed["intro"]),
        "signer_authority": authority, "signer_position": position, "signer_name": name, **overrides})
    for order, key in enumerate(meta["issuers"]):
        PlanIssuer.objects.create(plan=plan, unit=units[key], order=order)
    for order, basis in enumerate(parsed["bases"]):
        lead, _sep, rest = basis.partition(" ")
        lead2, _sep, rest2 = rest.partition(" ")
        LegalBasis.objects.create(plan=plan, order=order, lead_in=f"{lead} {lead2}", summary=rest2)
    styles = {"number": ItemStyle.NUMBER, "letter": ItemStyle.LETTER, "dash": ItemStyle.DASH, "plus": ItemStyle.PLUS}
    rank = {"letter": (1, 0), "dash": (2, 0), "plus": (3, 0)}
    for s_order, data in enumerate(parsed["sections"], start=1):
        section = Section.objects.create(plan=plan, order=s_order, title=data["title"], intro="\n".join(data["intro"]))
        stack: list[tuple[tuple[int, int], Item]] = []
        for i_order, node in enumerate(data["items"], start=1):
            own = (0, node["depth"]) if node["style"] == "number" else rank[node["style"]]
            while stack and stack[-1][0] >= own:
                stack.pop()
            item = Item.objects.create(plan=plan, section=section, parent=stack[-1][1] if stack else None,
                                       order=i_order, style=styles[node["style"]], heading=node["heading"],
                                       text=node["text"])
            stack.append((own, item))
    for order, text in enumerate(parsed["recipients"]):
        Recipient.objects.create(plan=plan, order=order, text=text)
    return plan


def find_seed_plan(index: int):
    """The plan of seed ``index`` already in the database (imported or demo data), or ``None``."""
    from plans.models import Plan

    return Plan.objects.filter(**SEEDS[index]["lookup"]).order_by("-updated_at").first()
