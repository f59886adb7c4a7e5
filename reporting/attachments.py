"""Which files may be attached to a report: PDF, DOCX, XLSX, PNG, JPEG, size-limited.

The check itself is ``plans.uploads.check_upload`` (by content: extension and first bytes agree, a
package holds its main part and is no zip bomb), the one every upload of the portal goes through.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from plans import uploads

# Override in settings with REPORTING_ATTACHMENT_MAX_BYTES.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 10

# extension -> kind
KINDS = uploads.KINDS


def max_bytes() -> int:
    return int(getattr(settings, "REPORTING_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def check_upload(upload) -> str:
    """The kind of ``upload`` (pdf, docx, xlsx, png, jpeg), or a translated ``ValidationError``."""
    return uploads.check_upload(upload, kinds=KINDS, max_bytes=max_bytes(), refused=_(
        "“%(name)s”: only PDF, Word (.docx), Excel (.xlsx), PNG and JPEG files may be attached."))
