"""Soft deletion: one mechanism for every model that is deleted with a way back (plans, consolidated reports).

A model inherits ``SoftDeleteModel``: ``deleted_at`` / ``deleted_by`` say when and by whom it was put in the
trash. Its default manager ``objects`` keeps only the rows that are alive, so every list, search, dashboard,
API and calendar that reads through it (or through a reverse relation, which uses the default manager)
forgets a deleted row without knowing of the trash; ``all_objects`` sees every row (the trash, restore,
backups). Forward foreign keys (``section.plan``) go through the base manager, which is not filtered: the
children of a deleted row still reach it. Joins from another model (``Responsibility.objects.filter(
plan__status=…)``) are not filtered by the manager: visibility rules add ``alive_q(prefix)``.

``soft_delete`` and ``soft_restore`` are the only writes; they save the row, so django-simple-history
records each as a change (the history keeps who deleted and who restored). The services of each app
decide who may call them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class AliveManager(models.Manager.from_queryset(SoftDeleteQuerySet)):
    """The default manager: deleted rows are not there."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleteModel(models.Model):
    deleted_at = models.DateTimeField(_("Deleted at"), null=True, blank=True, editable=False, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Deleted by"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = AliveManager()
    all_objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def alive_q(prefix: str = "") -> Q:
    """A filter keeping the alive rows, on the model itself (``""``) or through a relation (``"plan"``)."""
    return Q(**{f"{prefix}__deleted_at__isnull" if prefix else "deleted_at__isnull": True})


def soft_delete(obj: SoftDeleteModel, *, actor, now=None, reason: str = "") -> SoftDeleteModel:
    """Put ``obj`` in the trash (the caller has locked the row and checked permission)."""
    obj.deleted_at = now or timezone.now()
    obj.deleted_by = actor
    _save(obj, actor, reason)
    return obj


def soft_restore(obj: SoftDeleteModel, *, actor, reason: str = "") -> SoftDeleteModel:
    """Take ``obj`` out of the trash (the caller has locked the row and checked permission)."""
    obj.deleted_at = None
    obj.deleted_by = None
    _save(obj, actor, reason)
    return obj


def _save(obj, actor, reason: str) -> None:
    obj._history_user = actor  # django-simple-history: who made this change
    if reason:
        obj._change_reason = reason
    obj.save(update_fields=["deleted_at", "deleted_by", *(["updated_at"] if hasattr(obj, "updated_at") else [])])
