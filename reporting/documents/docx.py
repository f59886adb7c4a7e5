"""Word (.docx) of a ``Document`` with python-docx: the layout of ``document.css``, in Word terms.

The font is named "Times New Roman" (Word substitutes a metric-compatible face where it
is missing); rules under the issuing body, the motto and the summary are paragraph
borders whose indents are computed from the text width, so they are as long as the
PDF's.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .fonts import text_width_pt
from .model import Document

FONT = "Times New Roman"
PAGE = (210, 297)  # mm
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}  # mm, as in document.css
TEXT_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]  # 165 mm
HEADER_COLUMNS = {"state": (70, 95), "party": (70, 95), "joint": (75, 90)}  # mm
CLOSING_COLUMNS = (75, 90)
SIZES = {
    "state": {"governing": 12, "issuer": 12, "national": 12, "motto": 13, "number": 13, "date": 13, "type": 14},
    "party": {"governing": 14, "issuer": 14, "national": 15, "motto": 13, "number": 14, "date": 14, "type": 15},
}
BODY = 14
LINE_SPACING = 1.15  # Word "multiple": close to the PDF's line-height 1.3 for this font
RULE = 6  # eighths of a point: 0.75 pt


def _sizes(document: Document) -> dict:
    return SIZES["party" if document.is_party else "state"]


def _run(paragraph, text: str, *, size: float, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    return run


def _paragraph(container, *, align=WD_ALIGN_PARAGRAPH.CENTER, after: float = 0, indent_cm: float | None = None,
               spacing: float = 1.0):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = spacing
    if indent_cm is not None:
        fmt.first_line_indent = Cm(indent_cm)
    return paragraph


# Children that must follow <w:pBdr> in <w:pPr>, and <w:tblCellMar> in <w:tblPr> (OOXML order; Word is strict).
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_CELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _border(paragraph, side: str = "bottom"):
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(RULE)), ("w:space", "1"), ("w:color", "000000")):
        edge.set(qn(key), value)
    borders.append(edge)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)


def _ruled(cell, text: str, *, size: float, bold: bool, column_mm: float, fraction: float = 1.0):
    """``text`` centred with a rule under it, ``fraction`` of the text's width (1 = as long as the text)."""
    paragraph = _paragraph(cell)
    _run(paragraph, text, size=size, bold=bold)
    width = min(text_width_pt(text, size, bold=bold), Mm(column_mm).pt) * fraction
    side = max((Mm(column_mm).pt - width) / 2, 0)
    if fraction >= 1:
        _border(paragraph)
        paragraph.paragraph_format.left_indent = Pt(side)
        paragraph.paragraph_format.right_indent = Pt(side)
        return paragraph
    rule = _paragraph(cell)
    _run(rule, "", size=2)
    rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule.paragraph_format.line_spacing = Pt(2)
    rule.paragraph_format.left_indent = Pt(side)
    rule.paragraph_format.right_indent = Pt(side)
    _border(rule, "top")
    return paragraph


def _table(document_docx, rows: int, widths_mm: tuple[float, ...]):
    table = document_docx.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # <w:gridCol>: the widths a fixed layout uses
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    # Zero cell margins so the columns line up with the text area as in the PDF.
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.insert_element_before(margins, *_AFTER_CELLMAR)
    return table


def _issuer(cell, issuer, sizes, column_mm):
    if issuer.governing:
        _run(_paragraph(cell), issuer.governing, size=sizes["governing"])
    if issuer.party:
        _run(_paragraph(cell), issuer.name, size=sizes["issuer"], bold=True)
        _run(_paragraph(cell), "*", size=12, bold=True)
    else:
        _ruled(cell, issuer.name, size=sizes["issuer"], bold=True, column_mm=column_mm, fraction=0.4)


def _header(word, document: Document):
    sizes = _sizes(document)
    left_mm, right_mm = HEADER_COLUMNS[document.style if document.style in HEADER_COLUMNS else "state"]
    table = _table(word, 2, (left_mm, right_mm))
    left, right = table.rows[0].cells
    if len(document.issuers) > 1:
        share = left_mm / len(document.issuers)
        inner = _table(left, 1, tuple(share for _ in document.issuers))
        for cell, issuer in zip(inner.rows[0].cells, document.issuers, strict=True):
            _issuer(cell, issuer, sizes, share)
        # python-docx ends the cell with an empty paragraph (Word needs one): make it take no room.
        closing = left.paragraphs[-1].paragraph_format
        closing.line_spacing_rule, closing.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
    else:
        for issuer in document.issuers:
            _issuer(left, issuer, sizes, left_mm)
    if document.is_party:
        _ruled(right, document.national_title, size=sizes["national"], bold=True, column_mm=right_mm)
    else:
        _run(_paragraph(right), document.national_title, size=sizes["national"], bold=True)
        _ruled(right, document.motto, size=sizes["motto"], bold=True, column_mm=right_mm)
    number_cell, date_cell = table.rows[1].cells
    number = _paragraph(number_cell)
    number.paragraph_format.space_before = Pt(6)
    _run(number, document.number, size=sizes["number"])
    date = _paragraph(date_cell)
    date.paragraph_format.space_before = Pt(6)
    _run(date, document.date_line, size=sizes["date"], italic=True)


def _title(word, document: Document):
    sizes = _sizes(document)
    kind = _paragraph(word)
    kind.paragraph_format.space_before = Pt(18)
    _run(kind, document.doc_type, size=sizes["type"], bold=True)
    summary = _paragraph(word, spacing=LINE_SPACING)
    _run(summary, document.title, size=BODY, bold=True)
    width = min(text_width_pt(document.title, BODY, bold=True), Mm(TEXT_WIDTH).pt) * 0.3
    rule = _paragraph(word)
    rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule.paragraph_format.line_spacing = Pt(4)
    side = (Mm(TEXT_WIDTH).pt - width) / 2
    rule.paragraph_format.left_indent = Pt(side)
    rule.paragraph_format.right_indent = Pt(side)
    _border(rule, "top")
    for index, addressee in enumerate(document.addressees):
        line = _paragraph(word, after=0)
        line.paragraph_format.space_before = Pt(6 if index == 0 else 0)
        _run(line, f"Kính gửi: {addressee}" if index == 0 else addressee, size=BODY)
    _paragraph(word).paragraph_format.space_after = Pt(6)


def _body_paragraph(word):
    return _paragraph(word, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent_cm=1.0, spacing=LINE_SPACING)


def _body(word, document: Document):
    for basis in document.legal_bases:
        _run(_body_paragraph(word), basis, size=BODY, italic=True)
    for block in document.blocks:
        paragraph = _body_paragraph(word)
        if block.kind == "heading":
            _run(paragraph, f"{block.label} {block.text}".strip(), size=BODY, bold=True)
        elif block.kind == "item" and block.heading:
            cls = block.emphasis_class
            _run(paragraph, f"{block.label} {block.heading}".strip(), size=BODY, bold="b" in cls, italic="i" in cls)
            if block.text:
                _run(paragraph, f" {block.text}", size=BODY)
        elif block.kind == "item":
            _run(paragraph, f"{block.label} {block.text}".strip(), size=BODY)
        else:
            _run(paragraph, block.text, size=BODY)


def _closing(word, document: Document):
    table = _table(word, 1, CLOSING_COLUMNS)
    left, right = table.rows[0].cells
    if document.recipients:
        nn = _paragraph(left, align=WD_ALIGN_PARAGRAPH.LEFT)
        nn.paragraph_format.space_before = Pt(12)
        _run(nn, "Nơi nhận:", size=12, bold=True, italic=True)
        for line in document.recipients:
            _run(_paragraph(left, align=WD_ALIGN_PARAGRAPH.LEFT), line, size=11)
    else:
        _paragraph(left)
    for index, line in enumerate(document.signature.lines or ("",)):
        auth = _paragraph(right)
        if index == 0:
            auth.paragraph_format.space_before = Pt(12)
        _run(auth, line, size=14, bold=True)
    room = _paragraph(right)
    room.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    room.paragraph_format.line_spacing = Mm(25)
    if document.signature.name:
        _run(_paragraph(right), document.signature.name, size=14, bold=True)
    for row in table.rows:  # keep the closing on one page
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)


def _page_numbers(section):
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(paragraph, "", size=13)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE[0]), Mm(PAGE[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    word.core_properties.title = document.title
    word.core_properties.language = "vi-VN"
    # python-docx's template starts with one empty paragraph: drop it so the header comes first.
    for paragraph in list(word.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    _page_numbers(section)
    _header(word, document)
    _title(word, document)
    _body(word, document)
    _closing(word, document)
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()
