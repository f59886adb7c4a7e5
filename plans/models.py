"""The base layer: units, users and their roles, plans and their structure.

Models hold data; state changes live in ``plans.services``, reads in
``plans.selectors``, permissions in ``plans.policy``.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans import lookups  # noqa: F401  (registers field__any, plans.lookups)
from plans.softdelete import SoftDeleteModel
from plans.uploads import RandomPath

from .choices import (
    DocType,
    HeaderStyle,
    ItemStyle,
    PlanKind,
    PlanStatus,
    RecipientPurpose,
    Recurrence,
    Role,
    SignerAuthority,
    UnitKind,
)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(models.Model):
    """Optimistic locking: an edit form carries ``version``; a stale one is refused."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


# --- Units and users ---------------------------------------------------------


class Unit(TimeStampedModel):
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Short stable code, e.g. syt, ttkscb."))
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    abbreviation = models.CharField(
        _("abbreviation in document symbols"), max_length=30, blank=True,
        help_text=_("As in 276/KH-SYT: SYT."),
    )
    governing_body = models.CharField(
        _("governing body"), max_length=255, blank=True,
        help_text=_("Printed above the unit in document headers, e.g. UBND TỈNH HÀ TĨNH."),
    )
    is_party_body = models.BooleanField(_("Party body"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    @property
    def display_short(self) -> str:
        return self.short_name or self.name


class User(AbstractUser):
    """A portal user belongs to one unit; roles are held through ``Group`` named after ``Role``."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="users",
    )
    position = models.CharField(_("position"), max_length=120, blank=True)

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def roles(self) -> frozenset[str]:
        """The user's roles, read once per request (kept on the instance; the groups' names come from the Django
        cache, ``plans.selectors.group_names``)."""
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            from .selectors import group_names

            cached = group_names(self) & frozenset(Role.values)
            if self.is_superuser:
                cached = cached | {Role.ADMIN}
            self._roles_cache = cached
        return cached

    def has_role(self, role: str) -> bool:
        return role in self.roles


# --- Plans -------------------------------------------------------------------


class Plan(TimeStampedModel, VersionedModel, SoftDeleteModel):
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices, default=PlanKind.GENERAL)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT, db_index=True,
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    doc_type = models.CharField(_("document type"), max_length=4, choices=DocType.choices, default=DocType.KH)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=60, blank=True, help_text=_("As in 276/KH-SYT: KH-SYT."))
    place = models.CharField(_("place of issue"), max_length=80, blank=True)
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    title = models.CharField(_("title (summary line, trích yếu)"), max_length=500)
    introduction = models.TextField(
        _("introduction"), blank=True,
        help_text=_("The paragraph after the legal bases, e.g. “Sở Y tế xây dựng kế hoạch … như sau:”."),
    )
    owner_unit = models.ForeignKey(
        Unit, verbose_name=_("drafting unit"), on_delete=models.PROTECT, related_name="owned_plans",
    )
    issuers = models.ManyToManyField(
        Unit, verbose_name=_("issuing units"), through="PlanIssuer", related_name="issued_plans",
    )
    header_style = models.CharField(
        _("header style"), max_length=10, choices=HeaderStyle.choices, default=HeaderStyle.STATE,
    )
    governing_body = models.CharField(
        _("governing body"), max_length=255, blank=True,
        help_text=_("Printed above the issuing body, e.g. UBND TỈNH HÀ TĨNH; empty: the issuing unit's."),
    )
    signer_authority = models.CharField(
        _("signing authority"), max_length=6, choices=SignerAuthority.choices, blank=True, default="",
    )
    signer_position = models.CharField(_("signer's position"), max_length=120, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    source_file = models.FileField(_("source file"), upload_to=RandomPath("plans/sources/%Y"), blank=True)
    imported_from_ocr = models.BooleanField(_("imported from OCR"), default=False)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="copies",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    search_text = models.TextField(_("search text"), blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    class Meta:
        ordering = ["-year", "-issued_on", "-created_at"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(
                ExtractYear("issued_on"), "symbol", "number",
                condition=Q(number__isnull=False),
                name="plan_unique_number",
                violation_error_message=_("This document number is already used."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_display} {self.title}".strip() if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", kwargs={"pk": self.pk})

    @property
    def number_display(self) -> str:
        """``276/KH-SYT`` (state) or ``10-KH/BDVTU`` (Party); ``Số: /KH-SYT`` before issue."""
        return self.format_number(self.number, self.symbol)

    def format_number(self, number: int | None, symbol: str) -> str:
        """``number`` and ``symbol`` written as this plan's header style writes them (see ``number_display``)."""
        if self.header_style == HeaderStyle.PARTY:
            if not number:
                return f"-{symbol}" if symbol else ""
            type_, _sep, issuer = symbol.partition("-")
            return f"{number:02d}-{type_}/{issuer}" if issuer else f"{number:02d}-{symbol}"
        if not number:
            return f"/{symbol}" if symbol else ""
        return f"{number:02d}/{symbol}"

    @property
    def is_editable(self) -> bool:
        return self.status in PlanStatus.editable()


class PlanIssuer(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="issuer_links")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("issuing unit")
        verbose_name_plural = _("issuing units")
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="planissuer_unique",
                                    violation_error_message=_("This unit is already an issuer of the plan.")),
        ]

    def __str__(self) -> str:
        return str(self.unit)


class LegalBasis(TimeStampedModel, VersionedModel):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveIntegerField(_("order"), default=0)
    lead_in = models.CharField(_("lead-in"), max_length=40, default="Căn cứ",
                               help_text=_("“Căn cứ” or “Thực hiện”."))
    doc_type = models.CharField(_("document type"), max_length=60, blank=True, help_text=_("e.g. Kế hoạch, Nghị định."))
    number = models.CharField(_("number and symbol"), max_length=80, blank=True, help_text=_("e.g. 15/KH-UBND."))
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    linked_plan = models.ForeignKey(
        Plan, verbose_name=_("plan in the portal"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="cited_by",
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self) -> str:
        parts = [self.doc_type, f"số {self.number}" if self.number else ""]
        if self.date:
            parts.append(f"ngày {self.date:%d/%m/%Y}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        if self.summary:
            parts.append(self.summary)
        return " ".join(p for p in parts if p)


class Section(TimeStampedModel, VersionedModel):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=500)
    intro = models.TextField(_("introductory text"), blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title


class Item(TimeStampedModel, VersionedModel):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", verbose_name=_("parent item"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="children",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    style = models.CharField(_("marker"), max_length=10, choices=ItemStyle.choices, default=ItemStyle.NUMBER)
    heading = models.CharField(
        _("heading"), max_length=500, blank=True,
        help_text=_("Optional short heading, e.g. “Ban Dân vận Tỉnh ủy”; the text follows it."),
    )
    text = models.TextField(_("text"), blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["section", "order", "id"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        indexes = [models.Index(fields=["plan", "section", "parent", "order"], name="item_tree_idx")]

    def __str__(self) -> str:
        return (self.heading or self.text)[:80]


class Responsibility(TimeStampedModel, VersionedModel):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="responsibilities")
    item = models.ForeignKey(
        Item, verbose_name=_("item"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="responsibilities",
    )
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="led_responsibilities",
    )
    lead_text = models.CharField(
        _("lead (as written)"), max_length=255, blank=True,
        help_text=_("The body as the document names it, kept when it is not a unit of the portal."),
    )
    supporting_units = models.ManyToManyField(
        Unit, verbose_name=_("supporting units"), blank=True, related_name="supported_responsibilities",
    )
    due_date = models.DateField(_("deadline"), null=True, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=16, choices=Recurrence.choices, blank=True, default="")
    expected_output = models.CharField(_("expected output"), max_length=500, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[supporting_units])

    class Meta:
        ordering = ["plan", "item__section__order", "item__order", "id"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        constraints = [
            models.CheckConstraint(
                condition=Q(lead_unit__isnull=False) | ~Q(lead_text=""),
                name="responsibility_has_lead",
                violation_error_message=_("Choose the lead unit or write who leads."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.lead_unit or self.lead_text)


class Recipient(TimeStampedModel, VersionedModel):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="recipients")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.CharField(_("recipient"), max_length=255)
    purpose = models.CharField(_("purpose"), max_length=40, choices=RecipientPurpose.choices, blank=True, default="")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")

    def __str__(self) -> str:
        return self.text


class PlanTransition(models.Model):
    """One workflow step: who moved the plan from which status to which, and why."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=PlanStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=PlanStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                              related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.from_status} → {self.to_status}"


class DocumentNumber(models.Model):
    """The register of outgoing numbers: one row per (year, document type, issuer).

    ``plans.services.document_number_take`` locks the row (``select_for_update``)
    inside the issuing transaction, so numbers have no duplicates and no gaps.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    doc_type = models.CharField(_("document type"), max_length=4, choices=DocType.choices)
    issuer = models.ForeignKey(Unit, verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="+")
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        ordering = ["-year", "doc_type", "issuer"]
        verbose_name = _("document number register")
        verbose_name_plural = _("document number registers")
        constraints = [
            models.UniqueConstraint(fields=["year", "doc_type", "issuer"], name="documentnumber_unique",
                                    violation_error_message=_("A register for this year, type and issuer exists.")),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.doc_type} {self.issuer}: {self.last_number}"


from .importing.models import *  # noqa
