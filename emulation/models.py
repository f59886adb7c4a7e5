"""Emulation movements of a plan: phases, numeric targets and the units' results.

A target is built on the shared ``reporting.Indicator`` catalogue: its figures are stored under
the indicator and its attainment is derived (``emulation.selectors``), never stored.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plans.models import TimeStampedModel

from .choices import Direction, Measure, NominationStatus, RegistrationStatus, ResultSource, Scope, Source, Title


class Movement(TimeStampedModel):
    """An emulation movement (phong trào thi đua) launched by a plan."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE,
                             related_name="emulation_movements")
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year", "title", "id"]
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("emulation:movement", kwargs={"pk": self.pk})


class Phase(models.Model):
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), on_delete=models.CASCADE,
                                 related_name="phases")
    name = models.CharField(_("name"), max_length=120)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))

    class Meta:
        ordering = ["movement", "start", "id"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(condition=models.Q(start__lte=models.F("end")), name="phase_start_before_end",
                                   violation_error_message=_("The phase must end after it starts.")),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start:%d/%m/%Y}–{self.end:%d/%m/%Y})"


class Target(TimeStampedModel):
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), on_delete=models.CASCADE,
                                 related_name="targets")
    indicator = models.ForeignKey("reporting.Indicator", verbose_name=_("indicator"), on_delete=models.PROTECT,
                                  related_name="emulation_targets")
    name = models.CharField(_("name"), max_length=255)
    measure = models.CharField(_("unit of measure"), max_length=12, choices=Measure.choices,
                               default=Measure.PERCENT)
    direction = models.CharField(_("direction"), max_length=12, choices=Direction.choices,
                                 default=Direction.AT_LEAST)
    value = models.DecimalField(_("target value"), max_digits=14, decimal_places=4,
                                help_text=_("For a count of units above a threshold: how many units."))
    value_high = models.DecimalField(_("upper bound"), max_digits=14, decimal_places=4, null=True, blank=True,
                                     help_text=_("For a range: the highest value that still meets the target."))
    threshold = models.DecimalField(_("threshold"), max_digits=14, decimal_places=4, null=True, blank=True,
                                    help_text=_("For a count of units above a threshold, e.g. 3,00."))
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    scope = models.CharField(_("scope"), max_length=12, choices=Scope.choices, default=Scope.EACH_UNIT)
    unit_kind = models.CharField(_("kind of unit"), max_length=16, blank=True)
    source = models.CharField(_("source of the actual figure"), max_length=12, choices=Source.choices,
                              default=Source.REPORT)
    numerator = models.ForeignKey("reporting.Indicator", verbose_name=_("numerator"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    denominator = models.ForeignKey("reporting.Indicator", verbose_name=_("denominator"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    factor = models.DecimalField(_("multiplier"), max_digits=14, decimal_places=4, default=Decimal(1),
                                 help_text=_("The ratio is multiplied by it, e.g. 10.000 for a rate per 10.000."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    proposal_key = models.CharField(_("confirmed proposal"), max_length=120, blank=True)

    class Meta:
        ordering = ["movement", "order", "id"]
        verbose_name = _("emulation target")
        verbose_name_plural = _("emulation targets")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("emulation:target", kwargs={"pk": self.pk})

    @property
    def is_computed(self) -> bool:
        return self.source == Source.COMPUTED


class Result(TimeStampedModel):
    """The actual figure of a target for one phase and one unit (``unit`` empty: the sector's own figure)."""

    target = models.ForeignKey(Target, verbose_name=_("target"), on_delete=models.CASCADE, related_name="results")
    phase = models.ForeignKey(Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="emulation_results")
    value = models.DecimalField(_("actual value"), max_digits=18, decimal_places=4)
    numerator = models.DecimalField(_("numerator"), max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), max_digits=18, decimal_places=4, null=True, blank=True)
    source = models.CharField(_("entered through"), max_length=12, choices=ResultSource.choices)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    submission = models.ForeignKey("reporting.Submission", verbose_name=_("report"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["target", "phase", "unit", "id"]
        verbose_name = _("emulation result")
        verbose_name_plural = _("emulation results")
        constraints = [
            models.UniqueConstraint(fields=["target", "phase", "unit"], name="result_unique_unit",
                                    condition=models.Q(unit__isnull=False),
                                    violation_error_message=_("This unit already has a result for this phase.")),
            models.UniqueConstraint(fields=["target", "phase"], name="result_unique_sector",
                                    condition=models.Q(unit__isnull=True),
                                    violation_error_message=_("The sector already has a result for this phase.")),
        ]
        indexes = [models.Index(fields=["phase", "target"], name="result_phase_target")]

    def __str__(self) -> str:
        return f"{self.target} — {self.phase} — {self.unit or '*'}"


# --- Registrations, titles and nominations ------------------------------------------------------------------


class TitleClaim(TimeStampedModel):
    """A title claimed for a year by a unit, as a collective, or by one of its people (``person_name``)."""

    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="emulation_%(class)ss")
    person_name = models.CharField(_("person"), max_length=120, blank=True,
                                   help_text=_("Empty for the unit's own registration as a collective."))
    title = models.CharField(_("emulation title"), max_length=12, choices=Title.choices)

    class Meta:
        abstract = True
        ordering = ["-year", "unit", "person_name", "id"]

    def __str__(self) -> str:
        return f"{self.year} — {self.person_name or self.unit} — {self.get_title_display()}"


class Registration(TitleClaim):
    """A unit's (or one of its people's) registration of a title and commitments for a year."""

    commitments = models.TextField(_("commitments"))
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.NOT_SENT)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    self_evaluation = models.TextField(_("year-end self-evaluation"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta(TitleClaim.Meta):
        verbose_name = _("emulation registration")
        verbose_name_plural = _("emulation registrations")
        constraints = [
            models.UniqueConstraint(fields=["year", "unit", "person_name", "title"], name="registration_unique",
                                    violation_error_message=_("This title is already registered for the year.")),
        ]

    @property
    def status_color(self) -> str:
        return RegistrationStatus.color_of(self.status)


class Achievement(models.Model):
    """The achievement record (hồ sơ thành tích): a title received by a collective or a person, by year."""

    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="emulation_achievements")
    person_name = models.CharField(_("person"), max_length=120, blank=True)
    title = models.CharField(_("emulation title"), max_length=12, choices=Title.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    decision = models.CharField(_("decision"), max_length=120, blank=True)

    class Meta:
        ordering = ["unit", "person_name", "-year"]
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        constraints = [
            models.UniqueConstraint(fields=["unit", "person_name", "title", "year"], name="achievement_unique",
                                    violation_error_message=_("One achievement is commended once.")),
        ]

    def __str__(self) -> str:
        return f"{self.year} — {self.person_name or self.unit} — {self.get_title_display()}"


class Nomination(TitleClaim):
    """A unit's proposal of a title for itself or one of its people, with evidence, reviewed by the council."""

    evidence = models.TextField(_("achievements and evidence"))
    status = models.CharField(_("status"), max_length=10, choices=NominationStatus.choices,
                              default=NominationStatus.PROPOSED)
    review_reason = models.TextField(_("council's reason"), blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta(TitleClaim.Meta):
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(fields=["year", "unit", "person_name", "title"], name="nomination_unique",
                                    violation_error_message=_("This title is already proposed for the year.")),
        ]

    @property
    def status_color(self) -> str:
        return NominationStatus.color_of(self.status)


class DecisionList(TimeStampedModel):
    """The year's decision (Quyết định) recognising the titles the council accepted, rendered as a document."""

    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey("plans.Unit", verbose_name=_("issued by"), on_delete=models.PROTECT,
                             related_name="emulation_decisions")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("decision on titles")
        verbose_name_plural = _("decisions on titles")

    def __str__(self) -> str:
        return f"{self.year} — {self.unit}"


# --- Criteria checklists and exemplary people ------------------------------------------------------------------


class Checklist(models.Model):
    """A movement's criteria ("03 xây, 03 chống, 03 biết") that units self-assess per phase."""

    movement = models.ForeignKey(Movement, verbose_name=_("movement"), on_delete=models.CASCADE,
                                 related_name="checklists")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["movement", "id"]
        verbose_name = _("criteria checklist")
        verbose_name_plural = _("criteria checklists")

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    checklist = models.ForeignKey(Checklist, verbose_name=_("checklist"), on_delete=models.CASCADE,
                                  related_name="criteria")
    text = models.CharField(_("criterion"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["checklist", "order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.text


class SelfAssessment(TimeStampedModel):
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE,
                                  related_name="assessments")
    phase = models.ForeignKey(Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField(_("met"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["criterion", "unit"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [models.UniqueConstraint(fields=["criterion", "phase", "unit"], name="selfassessment_unique")]


class Exemplar(TimeStampedModel):
    """An exemplary person or model (người tốt, việc tốt) of a unit, with the story."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Exemplary person")
        MODEL = "model", _("Good model")

    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(_("name"), max_length=200)
    story = models.TextField(_("story"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year", "unit", "name"]
        verbose_name = _("exemplary person or model")
        verbose_name_plural = _("exemplary people and models")

    def __str__(self) -> str:
        return self.name
