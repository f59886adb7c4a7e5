"""The overview as an official BÁO CÁO (document source ``dashboard``: the object is the user who asks).

The document holds the overview of the current year as that user sees it (``selectors.scope_for``: the
whole province for leadership, a room's plans, a unit's own duties and reports, a partner's joint plans),
issued in the name of the user's unit. The renderer has paragraphs and items but no tables, so each table
of the overview becomes a list of lines (one per row); the charts are not drawn (every figure is in the lines).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from plans import document_lines as doc_lines
from plans.numbers import show_number

from ..documents.model import STATE, Block, Document, Signature, file_slug
from ..documents.reports import _heading, _issuer, _number
from . import selectors


def _rate(value) -> str:
    return "—" if value is None else f"{show_number(value)}%"


def _item(text: str, depth: int = 1) -> Block:
    return Block(kind="item", label="-", text=text, depth=depth)


def _plan_blocks(plans: dict) -> list[Block]:
    blocks = [Block(kind="paragraph", text=f"Tổng số kế hoạch trong năm: {plans['total']}.")]
    blocks += [_item(f"{s['label']}: {s['count']} kế hoạch.") for s in plans["statuses"] if s["count"]]
    kinds = ", ".join(f"{k['label'].lower()} {k['count']}" for k in plans["kinds"] if k["count"])
    if kinds:
        blocks.append(Block(kind="paragraph", text=f"Theo loại: {kinds}."))
    return blocks


def _task_blocks(rows: list[dict]) -> list[Block]:
    if not rows:
        return [Block(kind="paragraph", text="Chưa có nhiệm vụ trong các kế hoạch của năm.")]
    total = {key: sum(r[key] for r in rows) for key in ("total", *selectors.TASK_STATES)}
    blocks = [Block(kind="paragraph", text=(
        f"Tổng số {total['total']} nhiệm vụ: hoàn thành {total['done']}, đang thực hiện {total['in_progress']}, "
        f"quá hạn {total['overdue']}."))]
    blocks += [_item(f"{r['unit_name'] or 'Đơn vị khác'}: {r['total']} nhiệm vụ; hoàn thành {r['done']}, "
                     f"đang thực hiện {r['in_progress']}, quá hạn {r['overdue']}.") for r in rows]
    return blocks


def _compliance_line(row: dict) -> str:
    return (f"{row['name']}: {row['expected']} báo cáo đến hạn; đúng hạn {row['on_time']}, trễ hạn {row['late']}, "
            f"chưa nộp {row['missing']}; tỷ lệ đúng hạn {_rate(row['on_time_rate'])}, "
            f"tỷ lệ đã nộp {_rate(row['reporting_rate'])}.")


def _compliance_blocks(compliance: dict) -> list[Block]:
    total = compliance["total"]
    if not total["requests"]:
        return [Block(kind="paragraph", text="Chưa có yêu cầu báo cáo trong năm.")]
    blocks = [Block(kind="paragraph", text=(
        f"Toàn bộ: {total['expected']} báo cáo đến hạn; đúng hạn {total['on_time']}, trễ hạn {total['late']}, "
        f"chưa nộp {total['missing']}; {total['pending']} báo cáo chưa đến hạn. Tỷ lệ đúng hạn "
        f"{_rate(total['on_time_rate'])}, tỷ lệ đã nộp {_rate(total['reporting_rate'])}."))]
    blocks.append(Block(kind="paragraph", text="Theo đơn vị (đơn vị có tỷ lệ đúng hạn thấp nhất trước):"))
    blocks += [_item(_compliance_line(row)) for row in compliance["units"]]
    blocks.append(Block(kind="paragraph", text="Theo chế độ báo cáo:"))
    blocks += [_item(_compliance_line(row)) for row in compliance["obligations"]]
    return blocks


def _trend_blocks(rows: list[dict]) -> list[Block]:
    if not rows:
        return [Block(kind="paragraph", text="Chưa có số liệu.")]
    return [_item(f"Năm {r['year']}: tỷ lệ báo cáo đúng hạn {_rate(r['on_time_rate'])}, tỷ lệ đã nộp "
                  f"{_rate(r['reporting_rate'])}, {r['missing']} báo cáo chưa nộp, {r['overdue_tasks']} nhiệm vụ "
                  f"quá hạn.") for r in rows]


def _issuing_unit(user):
    from plans.models import Unit

    if user.unit_id and (selectors.scope_for(user).kind != selectors.LEADERSHIP or user.unit.parent_id is None):
        return user.unit
    return Unit.objects.filter(parent=None, kind="department").order_by("order", "pk").first() or user.unit


def dashboard_document(user) -> Document:
    today = timezone.localdate()
    year = today.year
    data = selectors.compute_overview(selectors.scope_for(user), year=year, today=today)
    parts = [("Tình hình ban hành kế hoạch", _plan_blocks(data["plans"])),
             ("Tiến độ thực hiện nhiệm vụ theo đơn vị chủ trì", _task_blocks(data["tasks"])),
             ("Tình hình chấp hành chế độ báo cáo", _compliance_blocks(data["compliance"])),
             ("Xu hướng qua các năm", _trend_blocks(data["trend"]))]
    blocks = [Block(kind="paragraph", text=f"Số liệu tính đến ngày {today:%d/%m/%Y}.")]
    for index, (title, body) in enumerate(parts):
        blocks.append(_heading(index, title))
        blocks.extend(body)
    unit = _issuing_unit(user)
    day, month, year_text = doc_lines.date_parts(today)
    top = unit.parent_id is None
    return Document(
        style=STATE, issuers=(_issuer(unit),), number=_number(unit), place=settings.PORTAL_PROVINCE,
        day=day, month=month, year=year_text, doc_type="BÁO CÁO",
        title=f"Tình hình thực hiện kế hoạch và chế độ báo cáo năm {year}",
        blocks=tuple(blocks), recipients=doc_lines.closing_lines(["Lãnh đạo Sở"], room=doc_lines.archive_room(unit)),
        signature=Signature(lines=doc_lines.signer_lines("GIÁM ĐỐC" if top else "THỦ TRƯỞNG ĐƠN VỊ",
                                                         body=unit.name)),
        filename=file_slug(f"bao cao tong quan {unit.abbreviation or unit.code} {year}", default="bao-cao"),
    )


def can_view_dashboard(user, owner) -> bool:
    """A user's overview document is theirs alone (another user's figures are another scope)."""
    return bool(user.is_authenticated and owner is not None and owner.pk == user.pk
                and selectors.scope_for(user) is not None)


def load_dashboard(*, user, pk: int):
    if not user.is_authenticated or pk != user.pk or not can_view_dashboard(user, user):
        raise Http404
    return user
