"""Turn an uploaded file (.txt, .docx, a .pdf with a text layer) into plain text.

Every failure is a ``ValidationError`` with a translated message the upload page
shows as it is; nothing here touches the database.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from plans import uploads

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
EXTENSIONS = (".txt", ".docx", ".pdf")
# A .docx is a zip of XML: bounds checked on its directory before python-docx inflates anything.
# The bounds are the portal's for every package (plans.uploads.zip_too_big).
DOCX_MAX_UNPACKED_BYTES = uploads.ZIP_MAX_UNPACKED_BYTES  # all parts together, once decompressed
DOCX_MAX_RATIO = uploads.ZIP_MAX_RATIO  # decompressed / compressed, per part and overall
DOCX_MAX_PARTS = uploads.ZIP_MAX_PARTS
# pypdf: pages read, and what one stream may inflate to (its default is 75 MB).
PDF_MAX_PAGES = 500
PDF_MAX_STREAM_BYTES = 20 * 1024 * 1024


def _suffix(name: str) -> str:
    name = (name or "").lower()
    return name[name.rfind("."):] if "." in name else ""


def read_text_bytes(data: bytes) -> str:
    if not data.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:4096]:
            raise ValidationError(_("This is not a text file: it contains binary data."), code="binary")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _("The text is not in UTF-8. Save it as “Unicode (UTF-8)” text and upload it again."),
                code="encoding",
            ) from None
    controls = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(10, len(text[:20000]) // 100):
        raise ValidationError(_("This is not a text file: it contains binary data."), code="binary")
    return text


def check_docx_bounds(data: bytes) -> None:
    """Refuse a zip bomb: too many parts, too much decompressed data or too high a ratio, read from the
    zip directory alone. zipfile then never inflates a part past the size its directory declares."""
    too_big = ValidationError(_("The Word file unpacks to too much data to be a plan; it was not read."),
                              code="docx_bomb")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ValidationError(_("The Word file could not be read (is it a .docx file?)."), code="bad_docx") from exc
    if uploads.zip_too_big(parts, max_unpacked=DOCX_MAX_UNPACKED_BYTES, max_ratio=DOCX_MAX_RATIO,
                           max_parts=DOCX_MAX_PARTS):
        raise too_big


def read_docx(data: bytes) -> str:
    """Paragraphs and table cells in document order (header tables hold the number, place and date)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_docx_bounds(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValidationError(_("The Word file could not be read (is it a .docx file?)."), code="bad_docx") from exc
    except Exception as exc:  # python-docx raises several types on a damaged package
        raise ValidationError(_("The Word file could not be read (is it a .docx file?)."), code="bad_docx") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            columns: list[list[str]] = []
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    while len(columns) <= index:
                        columns.append([])
                    text = cell.text
                    if not columns[index] or columns[index][-1] != text:
                        columns[index].append(text)
            # Header tables: the left column (issuer, number) then the right (motto, place and date).
            for column in columns:
                lines.extend(column)
            lines.append("")
    return "\n".join(lines)


def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import PdfReadError

    stream_limits = {name: PDF_MAX_STREAM_BYTES for name in (
        "maximum_declared_stream_length", "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
        "lzw_maximum_output_length", "run_length_maximum_output_length", "zlib_maximum_output_length",
        "brotli_maximum_output_length", "image_maximum_buffer_size")}
    try:
        with apply_configuration(**stream_limits, page_tree_maximum_entries=4 * PDF_MAX_PAGES):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                reader.decrypt("")
            if len(reader.pages) > PDF_MAX_PAGES:
                raise ValidationError(
                    _("The PDF has %(count)d pages; the importer reads at most %(limit)d.")
                    % {"count": len(reader.pages), "limit": PDF_MAX_PAGES}, code="too_many_pages")
            pages = [page.extract_text() or "" for page in reader.pages]
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
        raise ValidationError(_("The PDF file could not be read."), code="bad_pdf") from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        raise ValidationError(_("The PDF file could not be read."), code="bad_pdf") from exc
    text = "\n".join(pages)
    if len("".join(text.split())) < 40:
        raise ValidationError(
            _("The PDF has no text layer (it is a scanned image). Run OCR on it first, then upload the text."),
            code="no_text_layer",
        )
    return text


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file; raises ``ValidationError`` for anything it cannot read."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)d MB); the limit is %(limit)d MB.")
            % {"size": len(data) // (1024 * 1024), "limit": MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    suffix = _suffix(name)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if suffix == ".docx" or (not suffix and data.startswith(b"PK\x03\x04")):
        if not data.startswith(b"PK"):
            raise ValidationError(_("The Word file could not be read (is it a .docx file?)."), code="bad_docx")
        text = read_docx(data)
    elif suffix == ".pdf" or (not suffix and data.startswith(b"%PDF")):
        if not data.lstrip().startswith(b"%PDF"):
            raise ValidationError(_("The PDF file could not be read."), code="bad_pdf")
        text = read_pdf(data)
    elif suffix in (".txt", ".md", ""):
        text = read_text_bytes(data)
    else:
        raise ValidationError(
            _("Upload a .txt, .docx or .pdf file (this one is “%(suffix)s”).") % {"suffix": suffix},
            code="bad_type",
        )
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    return text
