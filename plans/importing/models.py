"""The import record: what was uploaded, what the importer found, and the proposals it made.

Report deadlines, meeting cadences and numeric targets found in an imported plan are
*proposals*: they are kept here as structured data (``proposals``) for the user to
confirm; the reporting and emulation apps read them from here (``plans`` imports neither).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.uploads import RandomPath

from ..models import Plan, TimeStampedModel

__all__ = ["PlanImport"]


class PlanImport(TimeStampedModel):
    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for review")
        SAVED = "saved", _("Saved as a plan")

    class Source(models.TextChoices):
        TXT = "txt", _("Text file")
        DOCX = "docx", _("Word file (.docx)")
        PDF = "pdf", _("PDF file")
        PASTE = "paste", _("Pasted text")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW,
                              db_index=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.TXT)
    source_name = models.CharField(_("file name"), max_length=255, blank=True, db_index=True)
    source_file = models.FileField(_("source file"), upload_to=RandomPath("plans/imports/%Y"), blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    extracted = models.JSONField(_("extracted structure"), default=dict, blank=True)
    proposals = models.JSONField(
        _("proposals"), default=dict, blank=True,
        help_text=_("Report deadlines, meeting cadences, phases and numeric targets found in the text, "
                    "for the user to confirm."),
    )
    imported_from_ocr = models.BooleanField(_("imported from OCR"), default=False)
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")

    def __str__(self) -> str:
        return self.source_name or f"#{self.pk}"
