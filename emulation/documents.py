"""The year's decision on emulation titles as an official document (``reporting.documents`` registry, key
``emulation_decision``): QUYẾT ĐỊNH of the department listing, title by title, the collectives and people
whose nominations the council accepted."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from plans import document_lines as doc_lines
from reporting.documents.model import STATE, Block, Document, Issuer, Signature, file_slug

from . import policy
from .choices import NominationStatus, Title
from .models import DecisionList, Nomination


def accepted(decision: DecisionList) -> list[Nomination]:
    return list(Nomination.objects.filter(year=decision.year, status=NominationStatus.ACCEPTED,
                                          unit_id__in=_under(decision.unit)).select_related("unit")
                .order_by("title", "unit__order", "unit__name", "person_name"))


def _under(unit) -> list[int]:
    from plans.selectors import unit_scope_ids

    return list(unit_scope_ids(unit.pk))


def decision_document(decision: DecisionList) -> Document:
    unit, year = decision.unit, decision.year
    rows = accepted(decision)
    blocks = [Block(kind="paragraph", text=(
        f"Điều 1. Công nhận danh hiệu thi đua năm {year} cho {len(rows)} tập thể, cá nhân có thành tích "
        f"trong phong trào thi đua (có danh sách kèm theo)."))]
    order = [value for value, _label in Title.choices]
    by_title: dict[str, list[Nomination]] = {}
    for row in rows:
        by_title.setdefault(row.title, []).append(row)
    for number, title in enumerate(sorted(by_title, key=order.index), start=1):
        blocks.append(Block(kind="item", label=f"{number}.", heading=f"Danh hiệu “{Title(title).label}”",
                            emphasis="bold"))
        for row in by_title[title]:
            who = f"{row.person_name}, {row.unit.name}" if row.person_name else row.unit.name
            blocks.append(Block(kind="item", label="-", depth=1, text=f"{who};"))
    blocks.append(Block(kind="paragraph", text="Điều 2. Quyết định này có hiệu lực kể từ ngày ký."))
    blocks.append(Block(kind="paragraph", text=(
        "Điều 3. Chánh Văn phòng Sở, Trưởng các phòng chức năng, Thủ trưởng các đơn vị và các tập thể, "
        "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")))
    return Document(
        style=STATE,
        issuers=(Issuer(name=doc_lines.upper(unit.name), governing=doc_lines.governing_body(unit)),),
        number=doc_lines.number_line(f"/QĐ-{unit.abbreviation}" if unit.abbreviation else "/QĐ", numbered=False,
                                     party=False),
        place=settings.PORTAL_PROVINCE, day="", month="", year=str(year),
        doc_type="QUYẾT ĐỊNH",
        title=f"Về việc công nhận danh hiệu thi đua năm {year}",
        blocks=tuple(blocks),
        recipients=doc_lines.closing_lines(["Như Điều 3"], room=doc_lines.archive_room(unit)),
        signature=Signature(lines=doc_lines.signer_lines("GIÁM ĐỐC", body=unit.name), name=""),
        filename=file_slug(f"quyet dinh danh hieu thi dua {year}", default="quyet-dinh"),
    )


def can_view_decision(user, decision: DecisionList) -> bool:
    return policy.can_decide(user, decision.unit)


def load_decision(*, user, pk: int) -> DecisionList:
    decision = DecisionList.objects.select_related("unit__parent").filter(pk=pk).first()
    if decision is None or not can_view_decision(user, decision):
        raise Http404
    return decision
