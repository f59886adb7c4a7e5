"""A meeting's invitation (GIẤY MỜI) and minutes (BIÊN BẢN) as official documents.

Issued by the meeting's host party: the Party header (Guidance 36-HD/VPTW) when the host is a Party
body such as the Ban Dân vận Tỉnh ủy, the state header (Decree 30/2020) otherwise. Rendered by
reporting's one renderer through the document registry (sources ``invitation`` and ``minutes``).
"""

from __future__ import annotations

from django.conf import settings

from plans import document_lines as doc_lines
from reporting.documents.model import PARTY, STATE, Block, Document, Issuer, Signature, file_slug, paragraphs

from .models import Meeting, Minutes


def _issuer(unit) -> Issuer:
    return Issuer(name=doc_lines.upper(unit.name), governing=doc_lines.governing_body(unit),
                  party=unit.is_party_body)


def _number(unit, doc_type: str) -> str:
    party = unit.is_party_body
    abbreviation = unit.abbreviation
    display = (f"-{doc_type}/{abbreviation}" if party else f"/{doc_type}-{abbreviation}") if abbreviation else ""
    return doc_lines.number_line(display, numbered=False, party=party)


def _lines(label: str, text: str) -> list[Block]:
    found = [Block(kind="paragraph", text=label)] if label else []
    return found + [Block(kind="item", label="-", text=line, depth=1) for line in paragraphs(text)]


def _document(meeting: Meeting, *, doc_type: str, code: str, title: str, blocks, day, month, year, signer: str,
              recipients) -> Document:
    unit = meeting.host.unit
    return Document(
        style=PARTY if unit.is_party_body else STATE,
        issuers=(_issuer(unit),),
        number=_number(unit, code),
        place=meeting.agreement.plan.place or settings.PORTAL_PROVINCE,
        day=day, month=month, year=year,
        doc_type=doc_type,
        title=title,
        blocks=tuple(blocks),
        recipients=doc_lines.closing_lines(recipients, room=doc_lines.archive_room(unit)),
        signature=Signature(lines=(doc_lines.upper(signer),) if signer else (), name=""),
        filename=file_slug(f"{doc_type} {meeting.title}", default="hoi-nghi"),
    )


def _attendee_blocks(meeting: Meeting) -> list[Block]:
    blocks = []
    for party in meeting.agreement.parties.select_related("unit"):
        people = [a for a in meeting.attendees.all() if a.party_id == party.pk]
        if not people:
            continue
        blocks.append(Block(kind="paragraph", text=f"{party.unit.name}:"))
        blocks.extend(Block(kind="item", label="-", depth=1,
                            text=f"{a.name}{', ' + a.position if a.position else ''}") for a in people)
    return blocks


def invitation_document(meeting: Meeting) -> Document:
    """GIẤY MỜI: who is invited, when, where, to what (the agenda)."""
    others = [p.unit.name for p in meeting.agreement.parties.select_related("unit") if p.pk != meeting.host_id]
    blocks = [Block(kind="paragraph", text=f"{meeting.host.unit.name} trân trọng kính mời: "
                                           f"{'; '.join(others) or 'các đại biểu'}."),
              Block(kind="paragraph", text=f"Tới dự: {meeting.title}."),
              Block(kind="paragraph", text=f"Thời gian: ngày {meeting.date:%d/%m/%Y}."),
              Block(kind="paragraph", text=f"Địa điểm: {meeting.place or '(sẽ thông báo sau)'}.")]
    if meeting.chair:
        blocks.append(Block(kind="paragraph", text=f"Chủ trì: {meeting.chair}."))
    blocks += _lines("Nội dung:", meeting.agenda)
    blocks.append(Block(kind="paragraph", text="Rất mong các đại biểu đến dự đúng thời gian./."))
    title = f"Dự {meeting.title[:1].lower()}{meeting.title[1:]}"
    return _document(meeting, doc_type="GIẤY MỜI", code="GM", title=title,
                     blocks=blocks, day="", month="", year=str(meeting.date.year),
                     signer=meeting.chair or "", recipients=[*others, "Như thành phần mời"])


def minutes_document(minutes: Minutes) -> Document:
    """BIÊN BẢN: when and where, the chair, the attendees of both parties, the content, the decisions."""
    meeting = minutes.meeting
    day, month, year = doc_lines.date_parts(meeting.date)
    blocks = [Block(kind="paragraph", text=f"Thời gian: ngày {meeting.date:%d/%m/%Y}."),
              Block(kind="paragraph", text=f"Địa điểm: {meeting.place or '—'}."),
              Block(kind="paragraph", text=f"Chủ trì: {meeting.chair or '—'}."),
              Block(kind="paragraph", text=f"Thư ký: {minutes.secretary or '—'}."),
              Block(kind="heading", label="I.", text="THÀNH PHẦN THAM DỰ"), *_attendee_blocks(meeting),
              Block(kind="heading", label="II.", text="NỘI DUNG"),
              *[Block(kind="paragraph", text=line) for line in paragraphs(minutes.text)]]
    decisions = list(meeting.followups.select_related("owner"))
    if decisions:
        blocks.append(Block(kind="heading", label="III.", text="KẾT LUẬN VÀ PHÂN CÔNG"))
        blocks.extend(Block(kind="item", label=f"{n}.", depth=0,
                            text=f"{f.title} (Người thực hiện: {f.owner}; thời hạn: {f.deadline:%d/%m/%Y}).")
                      for n, f in enumerate(decisions, start=1))
    blocks.append(Block(kind="paragraph", text="Biên bản được lập và thông qua tại hội nghị./."))
    return _document(meeting, doc_type="BIÊN BẢN", code="BB", title=meeting.title, blocks=blocks,
                     day=day, month=month, year=year, signer="CHỦ TRÌ", recipients=["Các thành viên dự họp"])
