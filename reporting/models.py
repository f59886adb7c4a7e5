"""Models of the reporting layer.

``RenderedDocument`` (official PDF/.docx output, any app's objects) lives here;
the reporting obligations, periods and submissions follow in their own section.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.models import TimeStampedModel


class RenderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Rendering")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class RenderFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (.docx)"


class RenderedDocument(TimeStampedModel):
    """An official document rendered from an object; reused while the object's content hash is unchanged."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("object type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("object id"))
    source = GenericForeignKey("content_type", "object_id")
    format = models.CharField(_("format"), max_length=8, choices=RenderFormat.choices)
    content_hash = models.CharField(_("content hash"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=RenderStatus.choices, default=RenderStatus.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rendered document")
        verbose_name_plural = _("rendered documents")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "format", "content_hash"],
                                    name="rendereddocument_unique_version",
                                    violation_error_message=_("This version is already rendered.")),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="rendereddoc_source_idx")]

    def __str__(self) -> str:
        return f"{self.content_type} #{self.object_id} ({self.format})"
