"""Uploaded files: checked by content, size-limited, stored under a random folder no one can guess.

``check_upload(upload, kinds=, max_bytes=)`` is the one check every upload of the portal goes through
(report attachments through ``reporting.attachments``, coordination's evidence and working rules,
emulation's Excel import): the extension must be one of ``kinds`` AND the first bytes must be that
kind's (a renamed executable is refused); a .docx / .xlsx must be a ZIP package holding its main part,
with bounds on its directory (``zip_too_big``: parts, unpacked size, ratio) so that no zip bomb is
inflated by whoever reads it later; the size is at most ``max_bytes``. ``clean_name`` is the name shown
and sent back on download (no folders, no control characters, at most 255 characters).

``RandomPath("reports/%Y/%m")`` is an ``upload_to`` for a ``FileField``: the file lands in
``reports/2026/12/<32 hex digits>/<its cleaned name>``, so that knowing an object's id (or the
name a document is given) never leads to its file. Files are never served from ``MEDIA_URL``:
every download goes through a view that checks access (see docs/deploy.md). Files stored
before this kept their names and still open through those views.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
import zipfile

from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# extension -> kind, for every kind the portal accepts somewhere; each caller passes the subset it takes
KINDS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "png": "png", "jpg": "jpeg", "jpeg": "jpeg"}
_MAGIC = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
_ZIP_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# A package's directory, read before anything is inflated (Office's own XML stays under a ratio of ~30).
ZIP_MAX_UNPACKED_BYTES = 60 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_MAX_PARTS = 2000
STORED_NAME_MAX = 40  # the stored file's name (the name shown is kept whole in the row)


def zip_too_big(parts: list[zipfile.ZipInfo], *, max_unpacked: int = ZIP_MAX_UNPACKED_BYTES,
                max_ratio: int = ZIP_MAX_RATIO, max_parts: int = ZIP_MAX_PARTS) -> bool:
    """Is this ZIP directory a bomb: too many parts, too much data once unpacked, too high a ratio?"""
    if len(parts) > max_parts:
        return True
    unpacked = sum(part.file_size for part in parts)
    packed = sum(part.compress_size for part in parts)
    if unpacked > max_unpacked or unpacked > max_ratio * max(packed, 1024):
        return True
    return any(part.file_size > max_ratio * max(part.compress_size, 1024) for part in parts)


def _sniff(upload, kind: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if kind in _MAGIC:
        return head.startswith(_MAGIC[kind])
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(upload) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return not zip_too_big(parts) and _ZIP_PARTS[kind] in {part.filename for part in parts}


def check_upload(upload, *, kinds: dict[str, str], max_bytes: int, refused: str) -> str:
    """The kind of ``upload`` (a value of ``kinds``), or a translated ``ValidationError``.

    ``refused``: the message for a wrong extension, with ``%(name)s`` (e.g. "only PDF … may be attached").
    """
    name = clean_name(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = kinds.get(extension)
    if kind is None:
        raise ValidationError(refused % {"name": name}, code="file_type")
    if upload.size > max_bytes:
        raise ValidationError(_("“%(name)s” is %(size)s; a file may be at most %(max)s.") % {
            "name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)}, code="file_size")
    if not upload.size or not _sniff(upload, kind):
        raise ValidationError(_("“%(name)s” is not a real %(kind)s file.") % {"name": name, "kind": kind.upper()},
                              code="file_content")
    return kind


def clean_name(name: str) -> str:
    """The file's own name, safe to show and to send back in a download header."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[-255:] or "file"


@deconstructible
class RandomPath:
    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        folder = dt.datetime.now().strftime(self.folder)  # noqa: DTZ005 (a folder name, as Django's own upload_to)
        try:
            name = get_valid_filename(clean_name(filename))
        except SuspiciousFileOperation:  # nothing valid left of it
            name = "file"
        stem, dot, extension = name.rpartition(".")
        if len(name) > STORED_NAME_MAX:  # the folder and the name must fit the column (100 by default)
            name = f"{stem[:STORED_NAME_MAX - len(extension) - 1]}.{extension}" if dot else name[:STORED_NAME_MAX]
        return f"{folder}/{secrets.token_hex(16)}/{name}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomPath) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)
