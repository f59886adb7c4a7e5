"""Adapters: a session's invitation (GIẤY MỜI) and its minutes (BIÊN BẢN) as official documents.

Both are described as ``reporting.documents.model.Document`` and drawn by the one renderer
(registered in ``DialogueConfig.ready()``); the citizens' and staff's text goes into the blocks as
plain text, which the renderer escapes.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from plans import document_lines as doc_lines
from reporting.documents.model import STATE, Block, Document, Issuer, Signature, file_slug, paragraphs

from .choices import SessionForm
from .models import Minutes, Session


def _department(session: Session):
    unit = session.organising_unit
    return unit.parent if unit.parent_id and unit.kind == "room" else unit


def _issuer(session: Session) -> Issuer:
    body = _department(session)
    return Issuer(name=doc_lines.upper(body.name), governing=doc_lines.governing_body(body))


def _when(session: Session) -> str:
    local = timezone.localtime(session.starts_at)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d/%m/%Y}"


def _where(session: Session) -> str:
    if session.form == SessionForm.ONLINE:
        return f"trực tuyến qua Cổng thông tin điện tử Sở ({session.link})"
    return session.place


def _signature(session: Session) -> Signature:
    chair = session.chair
    position = (chair.position if chair and chair.position else "") or "GIÁM ĐỐC"
    return Signature(lines=doc_lines.signer_lines(position, body=_department(session).name),
                     name=str(chair) if chair else "")


def _number(session: Session, symbol: str) -> str:
    abbreviation = _department(session).abbreviation
    return doc_lines.number_line(f"/{symbol}-{abbreviation}" if abbreviation else f"/{symbol}", numbered=False,
                                 party=False)


def _attendance(session: Session) -> str:
    return "…" if session.attendance is None else str(session.attendance)


def _topics(session: Session) -> str:
    return "; ".join(topic.name for topic in session.topics.all())


def invitation_document(session: Session) -> Document:
    blocks = [
        Block(kind="paragraph", text=f"{_department(session).name} trân trọng kính mời:"),
        *(Block(kind="item", label="-", text=line, depth=1) for line in paragraphs(session.delegates)),
        Block(kind="paragraph", text=f"Dự buổi tiếp xúc, đối thoại trực tiếp với nhân dân: {session.title}."),
        Block(kind="item", label="-", text=f"Thời gian: {_when(session)}.", depth=1),
        Block(kind="item", label="-", text=f"Địa điểm: {_where(session)}.", depth=1),
    ]
    if topics := _topics(session):
        blocks.append(Block(kind="item", label="-", text=f"Nội dung: {topics}.", depth=1))
    if session.chair_id:
        blocks.append(Block(kind="item", label="-", text=f"Chủ trì: {session.chair}.", depth=1))
    if documents := paragraphs(session.documents):
        blocks.append(Block(kind="paragraph", text="Tài liệu chuẩn bị:"))
        blocks.extend(Block(kind="item", label="-", text=line, depth=1) for line in documents)
    blocks.append(Block(kind="paragraph", text="Rất mong đại biểu đến dự đúng thời gian./."))
    day, month, year = doc_lines.date_parts(timezone.localdate(session.created_at or timezone.now()))
    return Document(style=STATE, issuers=(_issuer(session),), number=_number(session, "GM"),
                    place=settings.PORTAL_PROVINCE, day=day, month=month, year=year, doc_type="GIẤY MỜI",
                    title=f"Dự buổi tiếp xúc, đối thoại trực tiếp với nhân dân: {session.title}",
                    blocks=tuple(blocks),
                    recipients=doc_lines.closing_lines(["Như trên"],
                                                       room=session.organising_unit.abbreviation or ""),
                    signature=_signature(session),
                    filename=file_slug(f"giay moi {session.title}", default="giay-moi"))


def minutes_document(minutes: Minutes) -> Document:
    session = minutes.session
    blocks = [
        Block(kind="paragraph", text=f"Thời gian: {_when(session)}."),
        Block(kind="paragraph", text=f"Địa điểm: {_where(session)}."),
        Block(kind="paragraph", text=f"Chủ trì: {session.chair or '…'}."
                                     + (f" Thư ký: {minutes.secretary}." if minutes.secretary else "")),
        Block(kind="paragraph", text=f"Số người tham dự: {_attendance(session)}."),
        Block(kind="heading", label="I.", text="CÁC Ý KIẾN, KIẾN NGHỊ VÀ TRẢ LỜI"),
    ]
    entries = list(session.entries.select_related("topic", "follow_up__responsible_unit"))
    for number, entry in enumerate(entries, start=1):
        topic = f" ({entry.topic.name})" if entry.topic_id else ""
        blocks.append(Block(kind="item", label=f"{number}.", heading=f"Ý kiến của {entry.raised_by}{topic}",
                            emphasis="bold", text=entry.question))
        if entry.answer:
            by = f" {entry.answered_by}" if entry.answered_by else ""
            blocks.append(Block(kind="item", label="-", depth=1, text=f"Trả lời{by}: {entry.answer}"))
        follow_up = getattr(entry, "follow_up", None)
        if follow_up is not None:
            blocks.append(Block(kind="item", label="-", depth=1, text=(
                f"Giao {follow_up.responsible_unit.name} {follow_up.action.rstrip('.')}, "
                f"hoàn thành trước ngày {follow_up.due_date:%d/%m/%Y}.")))
    if not entries:
        blocks.append(Block(kind="paragraph", text="Không có ý kiến."))
    blocks.append(Block(kind="heading", label="II.", text="KẾT LUẬN"))
    blocks.extend(Block(kind="paragraph", text=line) for line in paragraphs(session.minutes_summary) or ["…"])
    day, month, year = doc_lines.date_parts(timezone.localdate(session.starts_at))
    return Document(style=STATE, issuers=(_issuer(session),), number=_number(session, "BB"),
                    place=settings.PORTAL_PROVINCE, day=day, month=month, year=year, doc_type="BIÊN BẢN",
                    title=f"Buổi tiếp xúc, đối thoại trực tiếp với nhân dân: {session.title}",
                    blocks=tuple(blocks), recipients=doc_lines.closing_lines([], room=""),
                    signature=_signature(session),
                    filename=file_slug(f"bien ban {session.title}", default="bien-ban"))
