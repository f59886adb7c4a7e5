"""The lines of an official document (Decree 30/2020, Guidance 36-HD/VPTW), built once.

Pure builders shared by the plan page (``plans.templatetags.plans_tags``), the plan's
history text (``plans.history``) and the official renderer (``reporting.documents``):
document-type titles, the number line, the place-and-date line, the signer lines, the
recipients with their punctuation and the single "Lưu:" line, the governing body of
an issuer. Nothing here queries the database beyond the relations it is handed.
"""

from __future__ import annotations

from django.conf import settings

from plans.choices import HeaderStyle
from plans.text import fold

BLANK = "\u00a0" * 6  # room left for a day, a month or a number written by hand

DOC_TYPE_TITLES = {
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
# Guidance 36-HD/VPTW writes the signing prefixes with a slash.
_PARTY_AUTHORITY = {"KT.": "K/T", "TM.": "T/M", "TL.": "T/L"}
_DEFAULT_HEAD = "GIÁM ĐỐC"
ARCHIVE_PURPOSE = "lưu"  # a recipient stored without its "Lưu:" prefix


def upper(text: str) -> str:
    return (text or "").strip().upper()


def doc_type_title(code: str, fallback: str = "") -> str:
    """``KẾ HOẠCH`` for ``KH`` (always Vietnamese: it is the document's text)."""
    return DOC_TYPE_TITLES.get(code, upper(fallback) or code)


def date_parts(value) -> tuple[str, str, str]:
    """Day and month as Decree 30 writes them: days below 10 and months 1–2 with a leading zero."""
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return day, month, str(value.year)


def plan_date_parts(plan) -> tuple[str, str, str]:
    """The plan's issue date, or blank day and month in its year before it is issued."""
    return date_parts(plan.issued_on) if plan.issued_on else ("", "", str(plan.year))


def plan_place(plan) -> str:
    """The place of the date line: the plan's, else the portal's province."""
    return plan.place or settings.PORTAL_PROVINCE


def place_date_line(place: str, day: str, month: str, year: str) -> str:
    """``Hà Tĩnh, ngày 29 tháng 01 năm 2021``; a missing day or month stays blank."""
    date = f"ngày {day or BLANK} tháng {month or BLANK} năm {year}"
    return f"{place}, {date}" if place else date


def number_line(display: str, *, numbered: bool, party: bool) -> str:
    """``Số: 01/KH-SYT`` (state), ``Số 10-KH/BDVTU`` (Party); a blank number before issue."""
    if party:
        return f"Số {display}" if numbered else f"Số{BLANK}{display}"
    return f"Số: {display}" if numbered else f"Số:{BLANK}{display}"


def plan_number_line(plan) -> str:
    return number_line(plan.number_display, numbered=bool(plan.number),
                       party=plan.header_style == HeaderStyle.PARTY)


def signature_lines(authority: str, position: str, *, body: str, party: bool) -> tuple[str, ...]:
    """``("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")`` from ``KT.`` and ``Phó Giám đốc``; ``TM.`` signs for ``body``."""
    position = upper(position)
    if not authority:
        return (position,) if position else ()
    prefix = _PARTY_AUTHORITY.get(authority, authority) if party else authority
    if authority == "Q.":
        return (f"{prefix} {position}",)
    if authority == "TM.":
        return (f"{prefix} {upper(body)}", position) if position else (f"{prefix} {upper(body)}",)
    head = position.removeprefix("PHÓ ").strip() if position.startswith("PHÓ ") else _DEFAULT_HEAD
    return (f"{prefix} {head}", position) if position else (f"{prefix} {head}",)


def own_authority(position: str) -> str:
    """The authority of a person signing in their own position: a deputy ("Phó …") signs "KT." for the head."""
    return "KT." if upper(position).startswith("PHÓ ") else ""


def signing_position(position: str, *, body: str) -> str:
    """A person's position as the signature writes it: ``Phó Giám đốc`` from ``Phó Giám đốc Sở Y tế``.

    The document's header already names the body, so a trailing name of ``body`` is dropped.
    """
    position = " ".join((position or "").split())
    body = " ".join((body or "").split())
    if body and position.casefold().endswith(" " + body.casefold()):
        return position[: -len(body)].strip()
    return position


def signer_lines(position: str, *, body: str) -> tuple[str, ...]:
    """The lines of a person signing in their own position: a deputy ("Phó …") signs "KT." for the head."""
    position = signing_position(position, body=body)
    return signature_lines(own_authority(position), position, body=body, party=False)


def plan_signature_lines(plan, issuers) -> tuple[str, ...]:
    """The plan's signer lines; ``TM.`` signs for the first issuer (the owner unit when there is none).

    A deputy chosen without an authority signs "KT." for the head.
    """
    first = issuers[0] if issuers else plan.owner_unit
    authority = plan.signer_authority or own_authority(plan.signer_position)
    return signature_lines(authority, plan.signer_position, body=first.name,
                           party=plan.header_style == HeaderStyle.PARTY)


def with_final_punctuation(lines: list[str], *, each: str, last: str) -> tuple[str, ...]:
    """Strip a line's own closing ``; , .`` and end each with ``each``, the last with ``last``."""
    cleaned = [line.strip().rstrip(";,.").rstrip() for line in lines if line and line.strip()]
    return tuple(f"{line}{last if index == len(cleaned) - 1 else each}" for index, line in enumerate(cleaned))


def recipient_text(recipient) -> tuple[str, bool]:
    """One recipient as written (without "- " and punctuation) and whether it is an archive line.

    An archive line ("Lưu: VT, NVY", or stored with purpose "lưu" and no prefix) is returned without "Lưu:".
    """
    text = recipient.text.strip().lstrip("-").strip().rstrip(";,.").rstrip()
    if not text:
        return "", False
    if fold(text).startswith("luu"):
        return text[3:].lstrip(" :").strip(), True
    if recipient.purpose == ARCHIVE_PURPOSE:
        return text, True
    if recipient.purpose:
        return f"{text} ({recipient.purpose})", False
    return text, False


def archive_room(unit) -> str:
    return (unit.abbreviation or unit.display_short) if unit is not None else ""


def closing_lines(lines, archive=(), *, room: str | None) -> tuple[str, ...]:
    """``- …;`` each, the last ``.``: one "Lưu:" line at the end holding every archive entry.

    Without an archive entry the line is ``Lưu: VT, <room>``; ``room=None`` adds none (a text that only
    lists what is stored).
    """
    parts: list[str] = []
    for entry in archive:
        parts.extend(part.strip() for part in entry.split(",") if part.strip() and part.strip() not in parts)
    if not parts and room is not None:
        parts = ["VT", room] if room else ["VT"]
    closing = [*lines, f"Lưu: {', '.join(parts)}"] if parts else list(lines)
    return tuple(f"- {line}" for line in with_final_punctuation(closing, each=";", last="."))


def recipient_lines(recipients, *, room: str | None) -> tuple[str, ...]:
    """The stored recipients under "Nơi nhận:", the archive merged into one last line (``closing_lines``)."""
    lines, archive = [], []
    for recipient in recipients:
        text, is_archive = recipient_text(recipient)
        if text:
            (archive if is_archive else lines).append(text)
    return closing_lines(lines, archive, room=room)


def plan_recipient_lines(plan, recipients) -> tuple[str, ...]:
    return recipient_lines(recipients, room=archive_room(plan.owner_unit))


def governing_body(unit, plan_governing: str = "") -> str:
    """A state issuer prints the plan's own governing body when set, else its unit's, else its parent's."""
    own = plan_governing if plan_governing and not unit.is_party_body else ""
    return upper(own or unit.governing_body or (unit.parent.governing_body if unit.parent_id else ""))
