"""Find the structure of a plan in plain text: header, legal bases, sections and items,
responsibilities, report deadlines, recipients, signer and numeric targets.

Pure functions over text (regexes and accent folding, no model calls): ``extract(text,
units=...)`` returns a JSON-ready ``dict``. Units are passed in as ``UnitRef`` so that
unit matching needs no database here.

Matching is done on ``ocr.key(text)`` (folded, same length as the text), so the
extracted strings are slices of the original: the importer keeps what the document
says, OCR mistakes included, and only *recognises* through them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from plans.choices import ItemStyle, RecipientPurpose

from . import ocr
from .ocr import key

# Keys of the structure printed by ``import_plan --json`` (the extraction holds a few more).
JSON_KEYS = ("number", "symbol", "issuers", "place", "date", "title", "legal_bases", "sections",
             "responsibilities", "report_deadlines", "recipients", "signer", "targets")


MAX_TEXT_CHARS = 1_000_000  # a plan is some 10–50 thousand characters


@dataclass(frozen=True)
class UnitRef:
    id: int
    name: str
    short_name: str = ""
    abbreviation: str = ""


# --- lines -----------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^#{1,6}\s*")
_MD_EMPH = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_SIGNATURE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|chung thuc so|da ky len van ban|ky boi:|signature valid")


def _clean_line(raw: str) -> str:
    s = raw.strip()
    s = _MD_HEADING.sub("", s)
    s = s.replace("**", "").replace("__", "")
    s = _MD_EMPH.sub(r"\1", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s in ("*", "#"):
        return ""
    return s


def prepare_lines(text: str, dropped: list[str] | None = None) -> list[str]:
    """Normalised lines: markdown marks, page numbers, running headers and signature stamps removed
    (and appended to ``dropped``, once each)."""
    dropped = dropped if dropped is not None else []
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\xa0", " ")
    text = text.replace("\t", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [_clean_line(raw) for raw in text.split("\n")]
    # Digital-signature stamps at the end ("2023-02-16T08:06:36+0700", "… đã ký lên văn bản này!").
    for index, line in enumerate(lines):
        if index > len(lines) * 0.5 and _SIGNATURE.search(key(line)):
            dropped.extend(dict.fromkeys(stamp for stamp in lines[index:] if stamp))
            lines = lines[:index]
            break
    # Running headers and footers: the same short line three times or more.
    counts = Counter(line for line in lines if line and len(line) <= 80 and not re.match(r"[-+•–]", line))
    repeated = {line for line, n in counts.items() if n >= 3 and not re.match(r"^[-+]", line)}
    out = []
    for line in lines:
        if _PAGE_NUMBER.match(key(line)) or line in repeated:
            if line not in dropped:
                dropped.append(line)
            continue
        out.append(line)
    return out


# --- markers ------------------------------------------------------------------------------

_ROMAN_RE = re.compile(r"^(?P<m>[IVX][IVXl1]{0,4})\s*[.):]\s*(?P<t>\S.*)$")
_NUMBER_RE = re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})*)[.)](?=\s|[^\W\d_])\s*(?P<t>\S.*)$")
_LETTER_RE = re.compile(r"^(?P<m>[a-zđ])\)\s*(?P<t>\S.*)$")
_DASH_RE = re.compile(r"^[-–—•·▪●]\s*(?P<t>\S.*)$")
_PLUS_RE = re.compile(r"^\+\s*(?P<t>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(mark: str) -> int | None:
    mark = mark.replace("l", "I").replace("1", "I")
    total, previous = 0, 0
    for ch in reversed(mark):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


@dataclass
class Marker:
    kind: str          # roman, number, letter, dash, plus
    mark: str          # as written: "II", "1.2", "a", "-", "+"
    text: str

    @property
    def style(self) -> str:
        return {"number": ItemStyle.NUMBER, "letter": ItemStyle.LETTER, "dash": ItemStyle.DASH,
                "plus": ItemStyle.PLUS}.get(self.kind, ItemStyle.PARAGRAPH)

    @property
    def level(self) -> tuple:
        if self.kind == "number":
            return ("number", self.mark.count(".") + 1)
        return (self.kind,)

    @property
    def label(self) -> str:
        if self.kind == "number":
            return f"{self.mark}."
        if self.kind == "letter":
            return f"{self.mark})"
        return {"dash": "-", "plus": "+"}.get(self.kind, self.mark)


def parse_marker(line: str) -> Marker | None:
    m = _ROMAN_RE.match(line)
    if m and roman_value(m["m"]) and len(m["t"]) <= 200:
        return Marker("roman", m["m"], m["t"])
    m = _NUMBER_RE.match(line)
    if m:
        return Marker("number", m["m"], m["t"])
    m = _LETTER_RE.match(line)
    if m:
        return Marker("letter", m["m"], m["t"])
    m = _PLUS_RE.match(line)
    if m:
        return Marker("plus", "+", m["t"])
    m = _DASH_RE.match(line)
    if m and m["t"][0] not in "-}":
        return Marker("dash", "-", m["t"])
    return None


# --- paragraphs ---------------------------------------------------------------------------

_TERMINAL = re.compile(r"""[.;:!?][)"'”’»]*$|\./\.$""")
_FORCED_START = re.compile(rf"^(?:{ocr.CAN_CU}|{ocr.NOI_NHAN}\s*:)")


def _starts_upper(line: str) -> bool:
    for ch in line:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit() or ch in "\"“'‘(":
            return True
    return False


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when line breaks cut paragraphs (a scan or a PDF), false for one paragraph per line."""
    long_lines = [line for line in lines if len(line) >= 40]
    if not long_lines:
        return False
    open_ended = sum(1 for line in long_lines if not _TERMINAL.search(line))
    return open_ended / len(long_lines) > 0.4


def build_paragraphs(lines: list[str], wrapped: bool) -> list[str]:
    """Join the lines of each paragraph; a marker or a new sentence after a full stop starts a new one.

    In hard-wrapped text a sentence that ends at the right margin does not end the paragraph
    unless a blank line follows it: the next line just continues.
    """
    widths = sorted(len(line) for line in lines if len(line) >= 40)
    full_width = widths[int(len(widths) * 0.6)] * 0.85 if widths else 0
    paragraphs: list[str] = []
    blank_before = False
    last_line = ""
    for line in lines:
        if not line:
            blank_before = True
            continue
        marker = parse_marker(line)
        starts_new = not paragraphs or marker is not None or bool(_FORCED_START.match(key(line)))
        if not starts_new:
            previous = paragraphs[-1]
            if wrapped:
                starts_new = _starts_upper(line) and (
                    (bool(_TERMINAL.search(previous)) and (blank_before or len(last_line) < full_width))
                    # a short line, a blank, a capital: a heading or a list line without a full stop
                    or (blank_before and previous == last_line and len(last_line) < full_width * 0.6
                        and not previous.endswith(","))
                )
            else:
                starts_new = _starts_upper(line)
            previous_marker = parse_marker(previous)
            if previous_marker and previous_marker.kind == "roman":
                starts_new = True
            # "2. Nội dung trọng tâm" alone on its line, its text on the next: a heading, not a wrap.
            elif (previous_marker and previous == last_line and _starts_upper(line)
                  and len(last_line) < full_width * 0.6 and not previous.endswith((",", "-"))):
                starts_new = True
        if starts_new:
            paragraphs.append(line)
        elif paragraphs[-1].endswith("-") and not paragraphs[-1].endswith(" -"):
            paragraphs[-1] = paragraphs[-1] + line  # a word cut by a hyphen at the line end
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        blank_before = False
        last_line = line
    return paragraphs


# --- header -------------------------------------------------------------------------------

# The words a body's name starts with (on keys): "Ban …", "Sở …", "Phòng …" (not "phong trào", "phòng, chống").
_BODY_WORDS = (r"(?:ban|so|phong(?!\s+trao|\s*,?\s*chong)|trung\s+tam|benh\s+vien|van\s+phong|thanh\s+tra|"
               r"cong\s+doan|ubnd|uy\s+ban|dang\s+uy|dang\s+bo|tinh\s+uy|huyen\s+uy|thanh\s+uy|chi\s+cuc|"
               r"cuc|tram|don\s+vi|doan|hoi|co\s+quan|khoa|bo\s+phan|mat\s+tran|chi\s+bo|bao\s+hiem)")

_NATIONAL = re.compile(r"c[o0]ng\s*h[o0]a\s*x[a-z]\s*h[o0][a-z]{0,2}\s*ch[u]\s*ngh[a-z]a\s*vi[e3]t\s*nam"
                       r"|[dp][a-z]ng\s*c[o0]ng\s*s[a-z]n\s*vi[e3]t\s*nam")
_MOTTO = re.compile(r"[dp][o0]c\s*[l1i][a-z0-9]{1,2}p\s*[-–—]?\s*t[a-z]{1,2}\s*d[o0]\s*[-–—]?\s*h[a-z]nh\s*ph[a-z]c")
_NUMBER_LINE = re.compile(rf"{ocr.SO}\s*:?\s*(?P<num>\d+)?\s*(?P<sep>[/-])\s*(?P<sym>[a-z0-9]+(?:\s*[-/]\s*[a-z0-9]+)*)"
                          r"|\bs[o06](?=\d)(?P<num2>\d+)\s*(?P<sep2>[/-])\s*(?P<sym2>[a-z0-9]+(?:\s*[-/]\s*[a-z0-9]+)*)")
_SO_ALONE = re.compile(rf"^\s*{ocr.SO}\s*:")
_PLACE_DATE = re.compile(
    rf"(?P<place>[a-z][a-z ]{{1,40}}?)\s*,\s*{ocr.NGAY}\s*(?P<d>\d{{1,2}})?\s*{ocr.THANG}\s*(?P<m>\d{{1,2}})?"
    rf"\s*{ocr.NAM}\s*(?P<y>\d{{4}})"
)
_GOVERNING = re.compile(r"^(?:ubnd|uy ban|tinh uy|thanh uy|huyen uy|bo\b|dang bo|hdnd|so\s+y\s+te\s+\S)")


def _date_or_none(day, month, year) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


class _Document:
    def __init__(self, text: str, units: list[UnitRef]):
        self.units = units
        self.dropped: list[str] = []   # lines not read into any field, shown in the preview
        self.lines = prepare_lines(text, self.dropped)
        self.wrapped = is_hard_wrapped(self.lines)
        self.warnings: list[str] = []

    # region boundaries -----------------------------------------------------------------
    def find_type_line(self) -> tuple[int | None, str, str]:
        """(index, type abbreviation, rest of the line) of the capitalised document type line."""
        seen = 0
        for index, line in enumerate(self.lines):
            if not line:
                continue
            seen += 1
            if seen > 30:
                break
            k = key(line)
            for pattern, abbreviation in ocr.TYPE_LINES:
                m = re.match(pattern, k)
                if m and line[: m.end()].upper() == line[: m.end()]:
                    return index, abbreviation, line[m.end():].strip()
        return None, "", ""


def _is_legal_lead(paragraph: str) -> bool:
    k = key(paragraph)
    if re.match(ocr.CAN_CU, k):
        return True
    return bool(re.match(rf"{ocr.THUC_HIEN}\s*:?\s*(?:[a-z]+\s+){{0,3}}?{ocr.DOC_TYPE_RE}", k))


_INTRO_SUBJECT = re.compile(
    r"(?:^|[.;,:]\s*)(?P<subject>[^.;,:]{3,120}?)\s+(?:ban\s+h[a-z]{1,2}nh|x[a-z]{1,2}y\s+d[a-z]{1,3}g)\s+"
    + ocr.KE_HOACH
)


def extract(text: str, *, units: list[UnitRef] | None = None) -> dict:
    """The structure of the plan in ``text``; raises ``ValidationError`` when it is not a plan."""
    if not text or not text.strip():
        raise ValidationError(_("The document is empty."), code="empty")
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(
            _("The text is too long for a plan (%(n)d characters; at most %(max)d).")
            % {"n": len(text), "max": MAX_TEXT_CHARS}, code="too_long")
    doc = _Document(text, list(units or []))
    lines = doc.lines
    type_index, doc_type, type_rest = doc.find_type_line()
    if doc_type and doc_type not in ocr.PLAN_TYPES:
        raise ValidationError(
            _("This document is not a plan (its type is “%(type)s”). Upload a plan (Kế hoạch).")
            % {"type": lines[type_index][:40]},
            code="not_a_plan",
        )

    # Body starts at the first Roman-numbered section.
    section_start = None
    expected = 1
    for index, line in enumerate(lines):
        marker = parse_marker(line)
        if marker and marker.kind == "roman" and roman_value(marker.mark) == expected:
            section_start = index
            break
    if section_start is None:
        raise ValidationError(
            _("No sections (I., II., …) were found: this does not look like a plan. "
              "Check the text, or paste it with its section headings."),
            code="not_a_plan",
        )

    # Header lines: before the type line, or the first lines before the title.
    header_end = type_index if type_index is not None else 0
    header_lines = [line for line in lines[:header_end] if line]

    # Title: after the type word, until the legal bases, the introduction or the first section.
    title_parts: list[str] = [type_rest] if type_rest else []
    cursor = (type_index + 1) if type_index is not None else 0
    preamble_start = cursor
    for index in range(cursor, section_start):
        line = lines[index]
        if not line:
            if title_parts and not doc.wrapped and type_index is None:
                preamble_start = index + 1
                break
            continue
        k = key(line)
        if _is_legal_lead(line) or _INTRO_SUBJECT.search(k) or len(title_parts) >= 6 or (
            title_parts and title_parts[-1].endswith((".", ":", ";"))
        ) or re.match(ocr.SO + r"\s*:", k) or _PLACE_DATE.search(k):
            if type_index is None and not title_parts and (re.match(ocr.SO + r"\s*:", k) or _PLACE_DATE.search(k)):
                header_lines.append(line)
                continue
            preamble_start = index
            break
        title_parts.append(line)
        preamble_start = index + 1
    title = re.sub(r"\s+", " ", " ".join(title_parts)).strip(" .")
    if not doc_type and not re.search(ocr.KE_HOACH, key(" ".join(lines[:section_start + 20]))):
        raise ValidationError(_("This document does not look like a plan (no “Kế hoạch” in it)."), code="not_a_plan")

    number, symbol, place, date = _header_fields(header_lines + lines[:preamble_start])
    preamble = build_paragraphs(lines[preamble_start:section_start], doc.wrapped)
    legal_bases, intro = _legal_bases(preamble)

    # Tail: "Nơi nhận" and the signer.
    tail_start = len(lines)
    for index in range(section_start, len(lines)):
        if re.match(rf"{ocr.NOI_NHAN}\s*:?", key(lines[index])) and len(lines[index]) < 40:
            tail_start = index
            break
    body_lines = lines[section_start:tail_start]
    tail_lines = lines[tail_start:]
    # The signature block above "Nơi nhận" (two-column layouts extract it first), or at the very end.
    body_lines, signer_lines = _split_signer_from_body(body_lines)
    tail_lines, annex_lines = _split_annex(tail_lines)
    tail_lines = signer_lines + tail_lines
    doc.dropped.extend(line for line in annex_lines if line)

    sections = _sections(build_paragraphs(body_lines, doc.wrapped))
    recipients, signer = _recipients_and_signer(tail_lines, doc.dropped)
    issuers = _issuers(header_lines, intro or " ".join(preamble), doc.units)
    governing = _governing_body(header_lines)
    responsibilities = _responsibilities(sections, doc.units)
    deadlines = report_deadlines(sections)
    targets = numeric_targets(sections)
    ocr_flag = looks_ocr(text)
    return {
        "doc_type": doc_type or "KH",
        "number": number,
        "symbol": symbol,
        "issuers": issuers,
        "governing_body": governing,
        "place": place,
        "date": date,
        "title": title,
        "introduction": intro,
        "legal_bases": legal_bases,
        "sections": sections,
        "responsibilities": responsibilities,
        "report_deadlines": deadlines,
        "recipients": recipients,
        "signer": signer,
        "targets": targets,
        "ocr": ocr_flag,
        "warnings": doc.warnings,
        "dropped": doc.dropped,
        "checks": confidence_checks(
            number=number, symbol=symbol, place=place, date=date, title=title, governing=governing,
            issuers=issuers, legal_bases=legal_bases, responsibilities=responsibilities,
            recipients=recipients, signer=signer, wrapped=doc.wrapped, ocr_text=ocr_flag,
            repaired=ocr.repairs(text[:30000]) > 0),
    }


# Reasons a field is marked for staff to check first in the preview.
CHECK_MISSING = "missing"          # not found in the document
CHECK_UNMATCHED = "unmatched"      # a body that is not a unit of the portal
CHECK_LOOSE = "loose"              # matched to a unit by similarity only
CHECK_INCOMPLETE = "incomplete"    # found, but without some of its parts (a basis without number and date)
CHECK_REPAIRED = "repaired"        # digits and letters the OCR confused were repaired
CHECK_REFLOWED = "reflowed"        # hard-wrapped lines joined into paragraphs: item boundaries are guesses
CHECK_OCR = "ocr"                  # read from OCR text: check the numbers and names


def confidence_checks(*, number, symbol, place, date, title, governing, issuers, legal_bases, responsibilities,
                      recipients, signer, wrapped, ocr_text, repaired) -> list[dict]:
    """``[{field, reason, detail}]``: what the extractor guessed, could not read or matched loosely."""
    checks: list[dict] = []

    def add(field, reason, detail=""):
        checks.append({"field": field, "reason": reason, "detail": detail})

    if not title:
        add("title", CHECK_MISSING)
    if number is None and not symbol:
        add("number", CHECK_MISSING)
    if repaired and (number is not None or symbol):
        add("number", CHECK_REPAIRED)
    if not date:
        add("date", CHECK_MISSING)
    elif not date.get("day") or not date.get("month"):
        add("date", CHECK_INCOMPLETE)
    if not place:
        add("place", CHECK_MISSING)
    if not governing:
        add("governing_body", CHECK_MISSING)
    if not issuers:
        add("issuers", CHECK_MISSING)
    for issuer in issuers:
        if issuer.get("match") == "none":
            add("issuers", CHECK_UNMATCHED, issuer["name"])
        elif issuer.get("match") == "loose":
            add("issuers", CHECK_LOOSE, f"{issuer['name']} → {issuer['unit']}")
    for basis in legal_bases:
        if not basis.get("number") and not basis.get("date"):
            add("legal_bases", CHECK_INCOMPLETE, f"{basis.get('doc_type', '')} {basis.get('summary', '')}".strip())
    if ocr_text and legal_bases:
        add("legal_bases", CHECK_OCR)
    if wrapped:
        add("outline", CHECK_REFLOWED)
    for responsibility in responsibilities:
        if responsibility.get("match") == "loose":
            add("responsibilities", CHECK_LOOSE, f"{responsibility['lead_text']} → {responsibility['unit']}")
    if not recipients:
        add("recipients", CHECK_MISSING)
    for part in ("position", "name"):
        if not signer.get(part):
            add(f"signer_{part}", CHECK_MISSING)
    return checks


def as_json_structure(extracted: dict) -> dict:
    """Exactly the keys ``import_plan --json`` prints."""
    return {name: extracted.get(name) for name in JSON_KEYS}


# --- header fields ------------------------------------------------------------------------


def _header_fields(lines: list[str]):
    number = None
    symbol = ""
    place = ""
    date = None
    lines = [line for line in lines[:40] if line]
    for index, line in enumerate(lines):
        if (re.search(ocr.NGAY, key(line)) and not re.search(rf"{ocr.NAM}\s*\d{{4}}", key(line))
                and index + 1 < len(lines)):
            line = f"{line} {lines[index + 1]}"  # "Đắk Nông, ngày" | "tháng 02 năm 2023" cut by a line break
        k = key(line)
        if not symbol and number is None:
            m = _NUMBER_LINE.search(k)
            if m and (m.start() < 5 or _SO_ALONE.match(k) or m["num2"]):
                raw_num = m["num"] or m["num2"]
                sym_span = m.span("sym") if m["sym"] else m.span("sym2")
                sep = m["sep"] or m["sep2"]
                raw_symbol = re.sub(r"\s+", "", ocr.repair(line[sym_span[0]:sym_span[1]])).upper()
                if sep == "-" and "/" in raw_symbol:  # Party style: 10-KH/BDVTU
                    raw_symbol = raw_symbol.replace("/", "-", 1)
                number = int(raw_num) if raw_num else None
                symbol = raw_symbol
                line_rest = k[m.end():]
                k_offset = m.end()
            else:
                line_rest, k_offset = k, 0
        else:
            line_rest, k_offset = k, 0
        if date is None:
            m = _PLACE_DATE.search(line_rest)
            if m:
                start = k_offset + m.start("place")
                end = k_offset + m.end("place")
                place = line[start:end].strip(" ,:")
                place = re.sub(r"^(?:s[o06]\s*:?\s*)", "", place, flags=re.I).strip()
                day = int(m["d"]) if m["d"] else None
                month = int(m["m"]) if m["m"] else None
                date = {"day": day, "month": month, "year": int(m["y"])}
        if date is not None and (symbol or number is not None):
            break
    return number, symbol, place, date


def date_to_iso(date: dict | None) -> str | None:
    if not date:
        return None
    return _date_or_none(date.get("day"), date.get("month"), date.get("year"))


# --- legal bases ---------------------------------------------------------------------------

# A word of a cited document's name ("Luật Khám bệnh, chữa bệnh số …"): not "của", "ngày", "số" or a type.
_NAME_WORD = rf"(?:\s*,?\s+(?!(?:cua|ngay|so|va)\b)(?!{ocr.DOC_TYPE_RE})[a-z0-9()/&-]+)"
_REF = re.compile(
    rf"(?P<type>{ocr.DOC_TYPE_RE})(?P<mid>{_NAME_WORD}{{0,25}}?)\s*(?:(?:{ocr.SO})\s*:?\s*|\bs[o06](?=\d)|\s)"
    r"(?P<num>\d+[0-9a-z]*(?:\s*[/-]\s*[0-9a-z]+)+)"
)
# A document cited by name alone, at the head of a basis: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022".
_REF_NAMED = re.compile(
    rf"(?:^|;\s*|\b(?:{ocr.CAN_CU}|{ocr.THUC_HIEN})\s+)(?P<type>{ocr.DOC_TYPE_RE})(?P<mid>{_NAME_WORD}{{1,25}}?)"
    rf"(?=\s*,?\s*(?:{ocr.NGAY}|{ocr.CUA})\s)"
)
_REF_DATE = re.compile(rf"^\s*,?\s*{ocr.NGAY}\s*[.:]?\s*(?:{ocr.DATE_NUM}|{ocr.DATE_WORDS})")
_ISSUER_END = (r"\s+(?:huong\s+dan|ban\s+hanh|phe\s+duyet|quy\s+dinh|thuc\s+hien|trien\s+khai|sua\s+doi|"
               r"tiep\s+tuc|tang\s+cuong|day\s+manh)\b")
_REF_ISSUER = re.compile(rf"^\s*,?\s*(?:{ocr.CUA})\s+(?P<issuer>[^,;]+?)(?=\s+{ocr.VE}\s|\s*[,;]|\s*$|{_ISSUER_END})")
_INTRO_CLAUSE = re.compile(
    r",\s*(?P<subject>[^,;]{3,120}?)\s+(?:ban\s+h[a-z]{1,2}nh|x[a-z]{1,2}y\s+d[a-z]{1,3}g)\s+" + ocr.KE_HOACH
)


def parse_references(paragraph: str, lead_in: str = "") -> list[dict]:
    """Each document cited in ``paragraph``: type, number, date, issuer, summary."""
    k = key(paragraph)
    matches = _reference_matches(k)
    refs = []
    for position, m in enumerate(matches):
        end = matches[position + 1].start("type") if position + 1 < len(matches) else len(paragraph)
        doc_type = ocr.doc_type_name(m["type"]) or paragraph[m.start("type"):m.end("type")]
        numbered = m.re is _REF
        number = (re.sub(r"\s+", "", ocr.repair(paragraph[m.start("num"):m.end("num")])).rstrip(".,;")
                  if numbered else "")
        name = paragraph[m.start("mid"):m.end("mid")].strip(" ,")
        cursor = m.end()
        date = None
        dm = _REF_DATE.match(k[cursor:end])
        if dm:
            groups = dm.groups()
            day, month, year = groups[:3] if groups[0] else groups[3:6]
            date = _date_or_none(day, month, year)
            cursor += dm.end()
        issuer = ""
        im = _REF_ISSUER.match(k[cursor:end])
        if im is None and re.match(rf"\s*,?\s*{ocr.NGAY}", k[cursor:end]):  # a date OCR garbled
            garbled = re.search(rf"\s(?={ocr.CUA})", k[cursor:min(end, cursor + 30)])
            if garbled:
                cursor += garbled.start()
                im = _REF_ISSUER.match(k[cursor:end])
        if im:
            issuer = paragraph[cursor + im.start("issuer"):cursor + im.end("issuer")].strip()
            cursor += im.end()
        rest = paragraph[cursor:end]
        rest_key = k[cursor:end]
        cut = len(rest)
        for pattern in (r";", r"\.\s", r"\.$"):
            found = re.search(pattern, rest_key)
            if found:
                cut = min(cut, found.start())
        clause = _INTRO_CLAUSE.search(rest_key)
        if clause:
            cut = min(cut, clause.start())
        summary = rest[:cut].strip(" ,;.")
        lead_ve = re.match(ocr.VE + r"\s+", key(summary))
        if lead_ve:
            summary = summary[lead_ve.end():]
        summary = summary.strip(" \"“”")
        cited_by_name = name and (not numbered or len(name.split()) >= 2)
        if not summary and cited_by_name and not re.fullmatch(r"ph[o0][i1]\s+h[o0a]p", key(name)):
            summary = name  # cited by name: "Luật Khám bệnh, chữa bệnh số 15/2023/QH15"
        refs.append({"lead_in": lead_in, "doc_type": doc_type, "number": number, "date": date,
                     "issuer": issuer, "summary": summary})
    return refs


def _reference_matches(k: str) -> list[re.Match]:
    """Numbered citations, and citations by name alone that no numbered one overlaps, in order."""
    matches = list(_REF.finditer(k))
    for named in _REF_NAMED.finditer(k):
        if not any(m.start("type") <= named.start("type") < m.end() for m in matches):
            matches.append(named)
    return sorted(matches, key=lambda m: m.start("type"))


def _lead_in(paragraph: str) -> str:
    k = key(paragraph)
    if re.match(ocr.CAN_CU, k):
        return "Căn cứ"
    if re.match(ocr.THUC_HIEN, k):
        return "Thực hiện"
    return ""


def _legal_bases(preamble: list[str]) -> tuple[list[dict], str]:
    """Legal bases of the opening paragraphs, and the introduction that follows them."""
    bases: list[dict] = []
    intro_parts: list[str] = []
    for paragraph in preamble:
        lead = _lead_in(paragraph)
        if lead and _is_legal_lead(paragraph):
            refs = parse_references(paragraph, lead)
            bases.extend(refs)
            k = key(paragraph)
            # What follows the last reference (", Sở Y tế ban hành Kế hoạch … như sau:") is the introduction.
            last = _reference_matches(k)
            tail_from = last[-1].end() if last else 0
            clause = _INTRO_CLAUSE.search(k, tail_from)
            semicolon = k.find(";", tail_from)
            if clause and (semicolon == -1 or clause.start() < semicolon):
                intro_parts.append(paragraph[clause.start("subject"):].strip())
            elif semicolon != -1 and paragraph[semicolon + 1:].strip():
                intro_parts.append(paragraph[semicolon + 1:].strip())
        else:
            intro_parts.append(paragraph)
    return bases, "\n".join(p for p in intro_parts if p)


# --- sections and items -----------------------------------------------------------------------


def _new_item(marker: Marker | None, text: str) -> dict:
    if marker is None:
        return {"marker": "", "style": ItemStyle.PARAGRAPH.value, "heading": "", "text": text, "items": []}
    return {"marker": marker.label, "style": marker.style.value, "heading": "", "text": text, "items": []}


def _sections(paragraphs: list[str]) -> list[dict]:
    sections: list[dict] = []
    stack: list[tuple[tuple, dict]] = []          # (level, item) of the open items
    last_number: dict[tuple, int] = {}
    for paragraph in paragraphs:
        marker = parse_marker(paragraph)
        if marker and marker.kind == "roman":
            value = roman_value(marker.mark)
            if value and (not sections or len(sections) < value <= len(sections) + 2):
                sections.append({"label": marker.mark.replace("l", "I").replace("1", "I"),
                                 "title": marker.text.strip().rstrip("."), "intro": "", "items": []})
                stack.clear()
                last_number.clear()
                continue
            marker = None
        if not sections:
            continue
        section = sections[-1]
        if marker and marker.kind == "number":
            parts = [int(p) for p in marker.mark.split(".")]
            level = marker.level
            previous = last_number.get(level, 0)
            if not (parts[-1] == 1 or parts[-1] <= previous + 2) or parts[-1] == 0:
                marker = None
            else:
                last_number[level] = parts[-1]
                for deeper in [lv for lv in last_number if lv[0] == "number" and lv[1] > level[1]]:
                    last_number.pop(deeper)
        if marker is None:
            text = _end_mark(paragraph)
            owner = next((item for level, item in reversed(stack) if level[0] in ("number", "letter")), None)
            if owner is None and stack and ":" in stack[-1][1]["text"][-40:]:
                owner = stack[-1][1]  # "- Hình thức tiếp xúc: 02 hình thức" and its paragraphs
            if owner is not None:
                owner["items"].append(_new_item(None, text))
            elif section["items"]:
                section["items"].append(_new_item(None, text))
            else:
                section["intro"] = f"{section['intro']}\n{text}".strip()
            continue
        item = _new_item(marker, _end_mark(marker.text))
        level = marker.level
        position = next((i for i, (lv, _item) in enumerate(stack) if lv == level), None)
        if position is not None:
            del stack[position:]
        parent = stack[-1][1] if stack else None
        (parent["items"] if parent else section["items"]).append(item)
        stack.append((level, item))
    for section in sections:
        for item in _walk(section["items"]):
            _split_heading(item)
    return sections


def _end_mark(text: str) -> str:
    return re.sub(r"\./\.$", ".", text.strip())


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item["items"])


def _split_heading(item: dict) -> None:
    """A short title-like first line of an item with content under it is its heading."""
    if item["style"] not in (ItemStyle.NUMBER, ItemStyle.LETTER) or not item["items"]:
        return
    text = item["text"]
    if len(text) <= 160 and not text.endswith((":", ";", ",")) and text.count(". ") == 0:
        item["heading"], item["text"] = text.rstrip("."), ""


def walk_items(sections: list[dict]):
    """(section, item, depth) for every item, in document order."""
    def visit(section, items, depth):
        for item in items:
            yield section, item, depth
            yield from visit(section, item["items"], depth + 1)

    for section in sections:
        yield from visit(section, section["items"], 0)


def item_full_text(item: dict) -> str:
    return " ".join(part for part in (item.get("heading", ""), item.get("text", "")) if part)


# --- responsibilities ----------------------------------------------------------------------------

_BODY_START = re.compile(r"^(?:cac\s+)?" + _BODY_WORDS + r"\b")
_RESPONSIBILITY_SECTION = re.compile(r"tr[a-z]{1,2}ch\s+nhi[a-z]{0,2}m|t[o0]\s+ch[a-z]{1,3}c\s+th[a-z]{1,3}c?\s+h")


def match_unit(name: str, units: list[UnitRef], threshold: float = 0.78) -> UnitRef | None:
    """The portal unit ``name`` designates, accent-insensitively and through OCR look-alikes."""
    unit, score = unit_match(name, units)
    return unit if score >= threshold else None


def _is_sub_body(name: str, candidate: str) -> bool:
    """ "Văn phòng Ban Dân vận Tỉnh ủy", "Đảng ủy Sở Y tế": a body *of* the candidate, not the candidate."""
    name_key, candidate_key = ocr.skeleton(name), ocr.skeleton(candidate)
    return len(name_key) >= len(candidate_key) + 4 and name_key.endswith(candidate_key)


def unit_match(name: str, units: list[UnitRef]) -> tuple[UnitRef | None, float]:
    """The most similar portal unit and the similarity (0 when the name is too short to say)."""
    if not name or not units or len(ocr.skeleton(name)) < 3:
        return None, 0.0
    best, best_score = None, 0.0
    for unit in units:
        for candidate in (unit.name, unit.short_name, unit.abbreviation):
            if not candidate:
                continue
            score = ocr.similarity(name, candidate)
            if candidate is unit.abbreviation and score < 1.0:
                continue
            if score < 1.0 and _is_sub_body(name, candidate):
                continue
            if score > best_score:
                best, best_score = unit, score
    return best, best_score


def _unit_fields(lead_text: str, units: list[UnitRef]) -> dict:
    """The portal unit a responsibility names (``match`` as for issuers: exact, loose or none)."""
    unit, score = unit_match(lead_text, units)
    if score < RESPONSIBILITY_THRESHOLD and " - " in lead_text:
        unit, score = unit_match(lead_text.split(" - ")[0], units)
    if score < RESPONSIBILITY_THRESHOLD:
        return {"unit_id": None, "unit": "", "match": "none"}
    return {"unit_id": unit.id, "unit": unit.name, "match": "exact" if score >= 0.97 else "loose"}


_REQUEST = re.compile(r"^(?:[dp][e]\s+ngh[i]|giao\s+cho|giao|y[e]u\s+c[a]u|[dp][e]\s+xu[a]t)\s+")
_SUBJECT_VERB = re.compile(
    r"\s+(?:la|lam|can\s+cu|co\s+trach\s+nhiem|chiu\s+trach\s+nhiem|chu\s+tri|phoi\s+hop|to\s+chuc|bao\s+cao|"
    r"chu\s+dong|trien\s+khai|thuc\s+hien|huong\s+dan|tham\s+muu|xay\s+dung|theo\s+doi|kiem\s+tra|chi\s+dao|"
    r"tiep\s+tuc|lap|bao\s+dam|dam\s+bao|tham\s+gia|van\s+dong|tong\s+hop|gui|ra\s+soat|don\s+doc|phan\s+cong|"
    r"quan\s+ly|cung\s+cap|bo\s+tri|nam\s+bat)\b"
)


def _sentence_subject(text: str) -> str:
    """The body a responsibility sentence starts with: "- Phòng Tài chính - Kế toán bảo đảm kinh phí …",
    "Đề nghị Hội Cựu chiến binh … phối hợp …" (the request word is not part of the name)."""
    k = key(text)
    request = _REQUEST.match(k)
    offset = request.end() if request else 0
    if not _starts_upper(text[offset:]) or not _SUBJECT_START.match(k[offset:]):
        return ""
    two_words = re.match(r"\S+\s+\S+", k[offset:])
    verb = _SUBJECT_VERB.search(k, offset + (two_words.end() if two_words else 0))
    if verb is None or len(k[offset:verb.start()].split()) > 16:
        return ""
    return text[offset:verb.start()].strip(" ,:-")


_SUBJECT_START = re.compile(
    r"^(?:cac\s+)?(?:" + _BODY_WORDS + r"|tram\s+truong|thu\s+truong|giam\s+doc|lanh\s+dao|nhan\s+vien|can\s+bo|"
    r"truong\s+(?:phong|khoa|ban|tram)|chanh\s+van\s+phong|nguoi\s+dung\s+dau|chi\s+bo|huyen\s+uy|dang\s+uy)\b"
)


def _responsibilities(sections: list[dict], units: list[UnitRef]) -> list[dict]:
    """Responsibilities given to a body: numbered headings that name one ("1. Phòng Quản lý chất lượng"),
    else the subjects of the items of the "Tổ chức thực hiện / Trách nhiệm" section when they start
    with a body or a post ("- Phòng Tài chính - Kế toán bảo đảm …", "Đề nghị Hội … phối hợp …")."""
    found: list[dict] = []
    for section in sections:
        for item in section["items"]:
            heading = item.get("heading", "")
            if not heading or item["style"] not in (ItemStyle.NUMBER, ItemStyle.LETTER):
                continue
            if _SUBJECT_START.match(key(heading)) or match_unit(heading, units):
                found.append({"lead_text": heading, "section": section["label"], "item": item["marker"],
                              **_unit_fields(heading, units)})
    if found:
        return found
    for section in sections:
        if not _RESPONSIBILITY_SECTION.search(key(section["title"])):
            continue
        items = section["items"]
        numbered = [item for item in items if item["style"] in (ItemStyle.NUMBER, ItemStyle.LETTER)]
        for item in numbered or [item for item in items if item["style"] == ItemStyle.DASH]:
            lead = _sentence_subject(item_full_text(item))
            if lead:
                found.append({"lead_text": lead, "section": section["label"], "item": item["marker"],
                              **_unit_fields(lead, units)})
    return found


# --- report deadlines, meetings, phases ---------------------------------------------------------

_PERIOD = re.compile(r"\b(?:6|sau)\s+th[a-z]{1,3}g\b|\b(?:9|chin)\s+th[a-z]{1,3}g\b|\bqu[yi]\b|"
                     r"\bh[a-z]{1,2}ng\s+th[a-z]{1,3}g\b|\b(?:mot\s+|hang\s+|ca\s+)?n[a-z]{1,2}m\b(?!\s*\d)")
_BEFORE = re.compile(rf"\btr[a-z]{{1,2}}c\s+{ocr.NGAY}\s*")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})\s*(?:/\s*(\d{{1,2}})|\s+{ocr.THANG}\s+(\d{{1,2}}))(?:\s*/\s*(\d{{4}}))?")
_CADENCE = re.compile(r"\b[dbp][i1l]nh\s+k[yi]\s+(?P<list>(?:(?:hang\s+)?(?:qu[yi]|th[a-z]{1,3}g|n[a-z]{1,2}m|"
                      r"(?:6|sau|9)\s+th[a-z]{1,3}g)\s*(?:,|va)?\s*)+)")
_MEETING = re.compile(r"h[o0]i\s+ngh[a-z]|giao\s+ban|(?<!tong\s)(?<!phoi\s)(?<!ket\s)(?<!thich\s)(?<!tich\s)"
                      r"(?<!phu\s)\bh[o0]p\b|\bs[o0]\s+k[e]t|t[o0]ng\s+k[e]t")
_REVIEW = re.compile(r"t[o0]ng\s+k[a-z]t[^.;]{0,160}?v[a-z]o\s+th[a-z]{1,3}g\s*(?:(\d{1,2})\s*/\s*(\d{4}))?")
_PHASE = re.compile(rf"(?:(?:\b[dbp][o0]t|giai\s+[dp][o0][a-z]n)\s*(?P<n>\d+)\s*:?\s*)?\bt[a-z]{{1,2}}\s+{ocr.NGAY}\s*"
                    rf"{ocr.DATE_NUM}\s*[,]?\s*[dp][a-z]{{1,2}}n\s+{ocr.NGAY}\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}})")


def _period_of(token: str) -> str:
    token = token.strip()
    if re.match(r"(?:6|sau)\s", token):
        return "six_monthly"
    if re.match(r"(?:9|chin)\s", token):
        return "nine_monthly"
    if re.match(r"qu", token):
        return "quarterly"
    if re.match(r"h[a-z]{1,2}ng\s+th", token) or re.match(r"th", token):
        return "monthly"
    return "annual"


def _sentences(text: str) -> list[tuple[str, str]]:
    """(sentence, key) pairs; a full stop before a capital or the end splits."""
    out = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[^\W\d_a-z])|\n", text):
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return [(s.strip(), key(s.strip())) for s in out if s.strip()]


def body_texts(sections: list[dict]) -> list[str]:
    """Every paragraph of the body: sections' introductions and items' texts, in order."""
    texts: list[str] = []
    for section in sections:
        if section["intro"]:
            texts.extend(section["intro"].split("\n"))
        for _section, item, _depth in walk_items([section]):
            texts.append(item_full_text(item))
    return texts


def report_deadlines(sections: list[dict]) -> list[dict]:
    found: list[dict] = []
    for text in body_texts(sections):
        for sentence, k in _sentences(text):
            found.extend(_deadlines_in(sentence, k))
    return found


_SUBMIT = re.compile(r"\bg[u][i1]\s+(?:[a-z]+\s+){0,2}?(?:d[a-z]ng\s+k[yi]|h[o0]\s+s[o0]|k[e]t\s+qu[a]|danh\s+s[a-z]ch)"
                     r"|\bd[a-z]ng\s+k[yi]\b")
_QUARTER_DAY = re.compile(r"(\d{1,2})\s+(?:c[u]a\s+)?th[a-z]{1,3}g\s+(?:cu[o0]i|d[a-z]u)\s+(?:c[u]a\s+)?(?:m[o0]i\s+)?"
                          r"qu[yi]")
_DAY_ONLY = re.compile(r"(\d{1,2})\b(?!\s*/|\s+th[a-z]{1,3}g\s+\d)")
_RELATIVE = re.compile(r"\b(?:ch[a-z]m\s+nh[a-z]t|tr[u][o0]c)\s+(\d{1,3})\s+ng[a-z]{1,2}y\s+(?:l[a-z]m\s+vi[e]c\s+)?"
                       r"(?:tr[u][o0]c|so\s+v[o0]i)\s+(?:th[o0]i\s+)?h[a-z]n")


def _report_deadline(recurrence: str, day, month, year, sentence: str, **extra) -> dict:
    return {"kind": "report", "recurrence": recurrence, "day": day, "month": month, "year": year,
            "start": None, "end": None, "text": sentence, **extra}


def _deadlines_in(sentence: str, k: str) -> list[dict]:
    """Report deadlines, meetings, reviews and phases of one sentence.

    "báo cáo 6 tháng và năm trước ngày 20/6 và 20/12" (each period its date, nearest first),
    "trước ngày 20 tháng cuối mỗi quý" (quarterly), "hằng tháng trước ngày 25" (monthly),
    "chậm nhất 03 ngày trước hạn báo cáo của cấp trên" (relative to another deadline), and
    "gửi đăng ký … trước ngày 31/3" (a one-off submission).
    """
    found: list[dict] = []
    reports = bool(re.search(ocr.BAO_CAO, k))
    if reports or _SUBMIT.search(k):
        default = "annual" if reports else ""
        previous_end = 0
        for before in _BEFORE.finditer(k):
            rest = k[before.end():]
            near = [_period_of(p.group(0)) for p in _PERIOD.finditer(k[previous_end:before.start()])]
            periods = near or [_period_of(p.group(0)) for p in _PERIOD.finditer(k[:before.start()])]
            previous_end = before.end()
            quarter = _QUARTER_DAY.match(rest)
            if quarter:
                found.append(_report_deadline("quarterly", int(quarter[1]), None, None, sentence))
                continue
            dates = []
            for dm in _DAY_MONTH.finditer(rest):
                gap = rest[:dm.start()] if not dates else rest[dates[-1][1]:dm.start()]
                if gap.strip(" ,") and gap.strip(" ,") not in ("va", "và") and not re.fullmatch(r"\s*(?:,|va)\s*", gap):
                    break
                month = dm[2] or dm[3]
                dates.append(((int(dm[1]), int(month), int(dm[4]) if dm[4] else None), dm.end()))
            if not dates:
                day = _DAY_ONLY.match(rest)
                if day and 1 <= int(day[1]) <= 31:
                    after = [_period_of(p.group(0)) for p in _PERIOD.finditer(rest[day.end():day.end() + 30])]
                    recurrence = (after or periods or ["monthly"])[0]
                    found.append(_report_deadline(recurrence if recurrence != "annual" else "monthly",
                                                  int(day[1]), None, None, sentence))
                continue
            if not periods:
                periods = [_period_of(p.group(0)) for p in _PERIOD.finditer(k[before.end():])]
            for index, ((day, month, year), _end) in enumerate(dates):
                if len(dates) > 1 and len(periods) >= len(dates):
                    recurrence = periods[index]
                elif periods:
                    recurrence = periods[0] if len(dates) == 1 else periods[min(index, len(periods) - 1)]
                else:
                    recurrence = default if year is None else ""
                found.append(_report_deadline(recurrence, day, month, year, sentence))
        relative = _RELATIVE.search(k)
        if relative:
            found.append(_report_deadline("", None, None, None, sentence, relative_days=-int(relative[1])))
    cadence = _CADENCE.search(k)
    if cadence and _MEETING.search(k):
        for token in re.split(r",|\bva\b", cadence["list"]):
            token = re.sub(r"^\s*hang\s+", "", token.strip())
            if token:
                found.append({"kind": "meeting", "recurrence": _period_of(token), "day": None, "month": None,
                              "year": None, "start": None, "end": None, "text": sentence})
    review = _REVIEW.search(k)
    if review:
        found.append({"kind": "review", "recurrence": "", "day": None,
                      "month": int(review[1]) if review[1] else None, "year": int(review[2]) if review[2] else None,
                      "start": None, "end": None, "text": sentence})
    for phase in _PHASE.finditer(k):
        start = _date_or_none(phase[2], phase[3], phase[4])
        end = _date_or_none(phase[5], phase[6], phase[7])
        if start and end:
            found.append({"kind": "phase", "recurrence": "", "day": None, "month": None, "year": None,
                          "start": start, "end": end, "text": sentence,
                          "phase": int(phase["n"]) if phase["n"] else None})
    return found


# --- numeric targets -------------------------------------------------------------------------------

_TARGET = re.compile(
    r"(?P<value>\d{1,3}(?:[.,]\d{1,2})?(?:\s(?=\d%))?\d?)\s*"
    r"(?P<unit>%o|‰|%|(?:\s+[a-z ]{2,20}?)?/\s*10{1,2}[.,]?000\s+[a-z]+|"
    r"\s+diem\s*%)"
)
_LOWER = re.compile(r"\b(?:d[u][o0d]i|gi[a4]m|khong\s+qua|toi\s+da|thap\s+hon)\s+(?:[a-z0-9()]+\s+){0,7}$")


def numeric_targets(sections: list[dict]) -> list[dict]:
    targets: list[dict] = []
    for text in body_texts(sections):
        k = key(text)
        for m in _TARGET.finditer(k):
            raw = m["value"]
            if re.search(r"[\d/.-]$", k[:m.start()]):
                continue
            value_text = re.sub(r"\s", ",", raw.strip()) if " " in raw.strip() else raw.strip()
            if re.fullmatch(r"\d+\.\d{3}", value_text):
                continue
            value = float(value_text.replace(",", "."))
            unit_raw = text[m.start("unit"):m.end("unit")].strip()
            unit = "‰" if unit_raw in ("%o", "‰") else unit_raw
            if key(unit).startswith("diem"):
                unit = "điểm %"
            before = k[max(0, m.start() - 60):m.start()]
            clause_start = max(before.rfind(";"), before.rfind(". "))
            before = before[clause_start + 1:] if clause_start != -1 else before
            if _LOWER.search(before):
                direction = "<"
            elif re.search(r"\b[l1]a\s+$", before):
                direction = "="
            else:
                direction = ">"
            targets.append({"value": value, "unit": unit, "direction": direction,
                            "text": _clause(text, m.start(), m.end())})
    return targets


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start), text.rfind(": ", 0, start))
    right_candidates = [p for p in (text.find(";", end), text.find(". ", end)) if p != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1:right].strip(" .;,")


# --- recipients and signer ---------------------------------------------------------------------------

_AUTHORITY = re.compile(r"^(?P<a>kt|tm|q|tl|tuq|k/t|t/m|t/l)(?:\s*[./]\s*|(?<=/[tml])\s+|\s*$)(?P<rest>.*)$")
_POSITION = re.compile(r"^(?:pho\s+)?(?:giam\s+doc|truong\s+ban|pho\s+truong\s+ban|chu\s+tich|bi\s+thu|"
                       r"truong\s+phong|chanh\s+van\s+phong|thu\s+truong|vien\s+truong|truong\s+ban|"
                       r"tram\s+truong|truong\s+tram|truong\s+khoa|hieu\s+truong|chi\s+cuc\s+truong|cuc\s+truong)\b")
_PURPOSE = [
    (re.compile(r"\bde\s+bao\s+cao\b|}\s*bao\s+cao\b|^\W*bao\s+cao\s*$"), RecipientPurpose.REPORT),
    (re.compile(r"\bde\s+thuc\s+hien\b|}\s*thuc\s+hien\b"), RecipientPurpose.IMPLEMENT),
    (re.compile(r"\bde\s+phoi\s+hop\b|}\s*phoi\s+hop\b"), RecipientPurpose.COORDINATE),
    (re.compile(r"\bde\s+biet\b|}\s*biet\b"), RecipientPurpose.KNOW),
]
_ARCHIVE = re.compile(r"^l[u]u\b")
_SUPERIOR = re.compile(r"(?:ban\s.*\b(?:tw|trung uong)\b|bo\s|thuong\s+tr[u]c|ubnd\s+tinh|uy\s+ban\s+nhan\s+dan\s+tinh|"
                       r"hdnd|tinh\s+uy\W*$|chinh\s+phu|van\s+phong\s+chinh\s+phu)")


def _authority_label(raw: str) -> str:
    return {"kt": "KT.", "k/t": "KT.", "tm": "TM.", "t/m": "TM.", "q": "Q.", "tl": "TL.", "t/l": "TL.",
            "tuq": "TUQ."}.get(raw, "")


def _is_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _is_name(line: str) -> bool:
    """A signer's name: two to six words, each capitalised, not all capitals, no digits or colon."""
    words = line.split()
    return (2 <= len(words) <= 6 and not _is_caps(line) and not re.search(r"[\d:;,()]", line)
            and parse_marker(line) is None
            and all(w[0].isupper() for w in words if w[0].isalpha()))


def _signer_start(lines: list[str], index: int) -> bool:
    """``lines[index]`` opens a signature block: an authority or a capitalised position, a name below."""
    line = lines[index]
    k = key(line)
    if not line or not _is_caps(line) or len(line.split()) > 8:
        return False
    if not (_AUTHORITY.match(k) or _POSITION.match(k)):
        # any short capitalised line, when a name follows it within a few lines (no list marker)
        if parse_marker(line) or re.match(ocr.NOI_NHAN, k):
            return False
    following = [candidate for candidate in lines[index + 1:index + 20] if candidate][:3]
    for candidate in following:
        if _is_name(candidate):
            return True
        if not _is_caps(candidate):
            return False
    return False


def _split_signer_from_body(lines: list[str]) -> tuple[list[str], list[str]]:
    """The signature block ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", the name) among the last lines of the body."""
    non_blank = [i for i, line in enumerate(lines) if line]
    for index in non_blank[-12:]:
        if _signer_start(lines, index):
            return lines[:index], lines[index:]
    return lines, []


_ANNEX = re.compile(r"^ph[u]\s+l[u]c\b")


def _split_annex(lines: list[str]) -> tuple[list[str], list[str]]:
    """An annex after the signature ("PHỤ LỤC …") is not read into the plan's fields."""
    for index, line in enumerate(lines):
        if _ANNEX.match(key(line)) and _is_caps(line):
            return lines[:index], lines[index:]
    return lines, []


def _parse_signer(block: list[str]) -> dict:
    """Authority, position and name of one signature block (its non-blank lines)."""
    signer = {"authority": "", "position": "", "name": ""}
    name_index = next((i for i, line in enumerate(block) if _is_name(line)), None)
    head = block[:name_index] if name_index is not None else block
    if name_index is not None:
        signer["name"] = block[name_index].strip()
    if not head:
        return signer
    am = _AUTHORITY.match(key(head[0]))
    if am:
        signer["authority"] = _authority_label(am["a"].replace("/", ""))
        rest = head[0][am.start("rest"):].strip()
        caps = [line for line in head[1:] if _is_caps(line)]
        # "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC": the position is the line above the name.
        signer["position"] = caps[-1].strip() if caps else rest
    else:
        caps = [line for line in head if _is_caps(line)]
        signer["position"] = caps[-1].strip() if caps else ""
    return signer


def _recipients_and_signer(lines: list[str], dropped: list[str] | None = None) -> tuple[list[dict], dict]:
    """Recipients under "Nơi nhận:" and the first signature block, wherever each stands in ``lines``.

    A joint plan's further signature blocks and lines that are neither go to ``dropped``.
    """
    dropped = dropped if dropped is not None else []
    blocks: list[list[str]] = []
    block: list[str] | None = None
    recipient_lines: list[str] = []
    in_recipients = False
    for index, line in enumerate(lines):
        if not line:
            continue
        k = key(line)
        heading = re.match(rf"{ocr.NOI_NHAN}\s*:?", k)
        if heading and len(line) < 40:
            in_recipients, block = True, None
            rest = line[heading.end():].strip()
            if rest:
                recipient_lines.append(rest)
            continue
        if block is not None and not _is_name(block[-1]) and len(block) < 5:
            block.append(line)
            continue
        if _signer_start(lines, index):
            block = [line]
            blocks.append(block)
            in_recipients = False
            continue
        block = None
        if in_recipients:
            recipient_lines.append(line)
        else:
            dropped.append(line)
    for extra in blocks[1:]:
        dropped.extend(extra)
    signer = _parse_signer(blocks[0]) if blocks else {"authority": "", "position": "", "name": ""}
    return _recipients(recipient_lines), signer


def _recipients(lines: list[str]) -> list[dict]:
    recipients: list[dict] = []
    list_is_dashed = False
    for line in lines:
        text = re.sub(r"^[-–•]\s*", "", line).strip()
        purpose = ""
        for pattern, value in _PURPOSE:
            pm = pattern.search(key(text))
            if pm:
                purpose = value
                text = text[:pm.start()].strip(" }(")
                break
        if not text:
            if purpose:
                # A brace "} báo cáo" set apart from the list: the text does not say which lines it
                # spanned. It is taken to span the superior bodies at the head of the list (all the
                # lines above when none is one); the user checks it in the preview.
                head = []
                for recipient in recipients:
                    if recipient["purpose"] or not _SUPERIOR.match(key(recipient["text"])):
                        break
                    head.append(recipient)
                for recipient in head or recipients:
                    if not recipient["purpose"]:
                        recipient["purpose"] = purpose
            continue
        dashed = line.startswith(("-", "–", "•"))
        if not recipients:
            list_is_dashed = dashed
        continues = bool(recipients) and not dashed and (
            list_is_dashed or not recipients[-1]["text"].endswith((";", ",", ".")))
        if continues:
            recipients[-1]["text"] = f"{recipients[-1]['text']} {text}"
        else:
            recipients.append({"text": text, "purpose": ""})
        if purpose:
            # A purpose written beside a braced group applies to the group above it.
            for recipient in recipients:
                if not recipient["purpose"]:
                    recipient["purpose"] = purpose
    for recipient in recipients:
        recipient["text"] = recipient["text"].strip().rstrip(";,.").strip()
        if _ARCHIVE.match(key(recipient["text"])):
            recipient["purpose"] = RecipientPurpose.ARCHIVE.value
        else:
            recipient["purpose"] = str(recipient["purpose"])
    return recipients


# --- issuers -----------------------------------------------------------------------------------------


def _header_fragments(header_lines: list[str]) -> list[str]:
    """The left column of the header: governing and issuing bodies, without title, motto, number, date."""
    fragments: list[str] = []
    for line in header_lines:
        k = key(line)
        spans = [m.span() for m in _NATIONAL.finditer(k)] + [m.span() for m in _MOTTO.finditer(k)]
        number = _NUMBER_LINE.search(k)
        if number and number.start() < 5:
            continue
        if _PLACE_DATE.search(k) or _SO_ALONE.match(k):
            continue
        kept = list(line)
        for start, end in spans:
            for i in range(start, end):
                kept[i] = "\n"
        for fragment in "".join(kept).split("\n"):
            fragment = fragment.strip(" -–—*")
            if len(ocr.skeleton(fragment)) >= 3:
                fragments.append(fragment)
    return fragments


_JOINT_SPLIT = re.compile(r"\s+-\s+(?=" + _BODY_WORDS + r"\b)")


def _split_joint(fragment: str) -> list[str]:
    """The bodies of "BAN CÁN SỰ ĐẢNG UBND TỈNH - BAN DÂN VẬN TỈNH ỦY" (split on the key, sliced from the text)."""
    k = key(fragment).lower()
    parts, start = [], 0
    for m in _JOINT_SPLIT.finditer(k):
        parts.append(fragment[start:m.start()].strip())
        start = m.end()
    parts.append(fragment[start:].strip())
    return [part for part in parts if part]


def _header_bodies(header_lines: list[str]) -> tuple[str, list[str]]:
    """(governing body, issuing bodies) of the header's left column.

    Decree 30/2020 and Guidance 36 put the governing body ("UBND TỈNH …", "SỞ Y TẾ …", "TỈNH ỦY …")
    above the issuing one: with two bodies or more, the first governs. A joint plan names its issuers
    on one line joined by a dash ("BAN CÁN SỰ ĐẢNG UBND TỈNH - BAN DÂN VẬN TỈNH ỦY").
    """
    fragments = _header_fragments(header_lines)
    if not fragments:
        return "", []
    if len(fragments) == 1:
        parts = _split_joint(fragments[0])
        if len(parts) > 1:
            return "", parts[:3]
        if _GOVERNING.match(key(fragments[0])):
            return fragments[0], []
        return "", fragments
    governing, issuing = fragments[0], fragments[1:]
    parts = _split_joint(issuing[0])
    return governing, (parts if len(parts) > 1 else issuing)[:2]


def _governing_body(header_lines: list[str]) -> str:
    """``UBND TỈNH HÀ TĨNH``: the governing body above the issuing one, as the document writes it."""
    return _header_bodies(header_lines)[0]


def _issuers(header_lines: list[str], intro: str, units: list[UnitRef]) -> list[dict]:
    governing, names = _header_bodies(header_lines)
    if not names and governing:
        names = [governing]
    if not names and intro:
        m = _INTRO_SUBJECT.search(key(intro))
        if m:
            subject = intro[m.start("subject"):m.end("subject")].strip()
            names = [part.strip() for part in re.split(r"\s+(?:và|va)\s+", subject) if part.strip()][:2]
    return [_issuer(name, governing, units) for name in names]


# A responsibility's body is matched more loosely than an issuer (OCR'd names); loose matches are marked.
RESPONSIBILITY_THRESHOLD = 0.78
ISSUER_THRESHOLD = 0.9  # below it an issuer stays unmatched: the preview offers to create or pick the unit


def _issuer(name: str, governing: str, units: list[UnitRef]) -> dict:
    """An issuer as written, and the portal unit it is (``match``: exact, loose or none).

    "BAN DÂN VẬN" under "TỈNH ỦY QUẢNG TRỊ" is the Ban Dân vận Tỉnh ủy: the governing body's kind
    (its first two words) completes a short name. A name that is only similar to a unit's (another
    hospital, the Party committee *of* the department) stays unmatched: it is never guessed.
    """
    unit, score = unit_match(name, units)
    if score < 1.0 and governing:
        kind = " ".join(governing.split()[:2])
        other, other_score = unit_match(f"{name} {kind}", units)
        if other_score > score:
            unit, score = other, other_score
    if score < ISSUER_THRESHOLD:
        return {"name": name, "unit_id": None, "unit": "", "match": "none"}
    return {"name": name, "unit_id": unit.id, "unit": unit.name, "match": "exact" if score >= 0.97 else "loose"}


# --- OCR detection -------------------------------------------------------------------------------------

_VIET_MARKED = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def looks_ocr(text: str) -> bool:
    """Text from OCR: Vietnamese without diacritics, digits and letters confused, or symbols inside words."""
    sample = text[:30000]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < 200:
        return False
    marked = len(_VIET_MARKED.findall(sample))
    if marked / letters < 0.03:
        return True
    if ocr.repairs(sample) >= 2:  # "2O24", "KH-5YT": digits and letters confused
        return True
    words = re.findall(r"\S+", sample)
    odd = sum(1 for w in words if re.search(r"[a-zà-ỹ][0-9€¢£&]|[0-9€¢£][a-zà-ỹ]", w)
              and not re.search(r"\d{2,}", w))
    return odd / max(1, len(words)) > 0.004
