"""Which files may be attached to a report: PDF, DOCX, XLSX, PNG, JPEG, size-limited.

A file is accepted only if its extension AND its first bytes (magic numbers) agree:
a renamed executable is refused. DOCX and XLSX are ZIP packages; their main part
(``word/document.xml``, ``xl/workbook.xml``) is looked for inside the package.
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Override in settings with REPORTING_ATTACHMENT_MAX_BYTES.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 10

# extension -> kind
KINDS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "png": "png", "jpg": "jpeg", "jpeg": "jpeg"}
_ZIP_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def max_bytes() -> int:
    return int(getattr(settings, "REPORTING_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _sniff(upload, kind: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if kind == "pdf":
        return head.startswith(b"%PDF-")
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return _ZIP_PARTS[kind] in names


def check_upload(upload) -> str:
    """The kind of ``upload`` (pdf, docx, xlsx, png, jpeg), or a translated ``ValidationError``."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = KINDS.get(extension)
    if kind is None:
        raise ValidationError(_("“%(name)s”: only PDF, Word (.docx), Excel (.xlsx), PNG and JPEG files may be "
                                "attached.") % {"name": name})
    if upload.size > max_bytes():
        raise ValidationError(_("“%(name)s” is %(size)s; a file may be at most %(max)s.") % {
            "name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes())})
    if not upload.size or not _sniff(upload, kind):
        raise ValidationError(_("“%(name)s” is not a real %(kind)s file.") % {"name": name, "kind": kind.upper()})
    return kind
