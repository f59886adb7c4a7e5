"""Coordination of a joint plan: the agreement, each party's duties, meetings and their follow-ups,
"Dân vận khéo" models and sensitive incidents.

Models hold data; every state change is in ``coordination.services``, reads in
``coordination.selectors``, access in ``coordination.policy``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plans.models import Plan, TimeStampedModel, Unit
from plans.uploads import RandomPath

from .choices import (
    DutyStatus,
    FollowUpStatus,
    IncidentKind,
    IncidentStatus,
    MeetingKind,
    MeetingStatus,
    ModelField,
    ModelStatus,
)

USER = settings.AUTH_USER_MODEL


class Agreement(TimeStampedModel):
    """How the co-signing bodies run one joint plan through its year."""

    plan = models.OneToOneField(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="agreement")
    created_by = models.ForeignKey(USER, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-plan__year", "plan__title"]
        verbose_name = _("coordination agreement")
        verbose_name_plural = _("coordination agreements")

    def __str__(self) -> str:
        return str(self.plan)

    def get_absolute_url(self) -> str:
        return reverse("coordination:agreement", kwargs={"pk": self.pk})


class Party(models.Model):
    """One co-signing body and the room it charges with the day-to-day work (its standing body)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    unit = models.ForeignKey(Unit, verbose_name=_("party"), on_delete=models.PROTECT, related_name="+")
    standing_body = models.CharField(_("standing body"), max_length=255, blank=True,
                                     help_text=_("e.g. Phòng Nghiệp vụ Y."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [models.UniqueConstraint(fields=["agreement", "unit"], name="coordination_party_unique")]

    def __str__(self) -> str:
        return self.unit.name


class Duty(TimeStampedModel):
    """One duty of one party ("Trách nhiệm của các cơ quan")."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="duties")
    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.CASCADE, related_name="duties")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("duty"))
    status = models.CharField(_("status"), max_length=16, choices=DutyStatus.choices, default=DutyStatus.NOT_STARTED)
    responsible = models.ForeignKey(USER, verbose_name=_("responsible person"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="coordination_duties")
    due_date = models.DateField(_("deadline"), null=True, blank=True)

    class Meta:
        ordering = ["party__order", "order", "id"]
        verbose_name = _("duty")
        verbose_name_plural = _("duties")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("coordination:duty", kwargs={"pk": self.pk})

    @property
    def status_color(self) -> str:
        return DutyStatus.color_of(self.status)


class DutyNote(models.Model):
    """A dated progress note on a duty (and the status it set)."""

    duty = models.ForeignKey(Duty, on_delete=models.CASCADE, related_name="notes")
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    status = models.CharField(_("status"), max_length=16, choices=DutyStatus.choices)
    author = models.ForeignKey(USER, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.text[:60]}"


class Meeting(TimeStampedModel):
    """A briefing, the year-end review, a thematic conference or a survey mission of the agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=16, choices=MeetingKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    index = models.PositiveSmallIntegerField(_("number in the year"), default=0)
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    host = models.ForeignKey(Party, verbose_name=_("organised by"), on_delete=models.CASCADE, related_name="+")
    chair = models.CharField(_("chair"), max_length=255, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MeetingStatus.choices,
                              default=MeetingStatus.SCHEDULED)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind", "year", "index"],
                                    condition=Q(kind__in=MeetingKind.scheduled()), name="coordination_meeting_once"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:meeting", kwargs={"pk": self.pk})

    @property
    def status_color(self) -> str:
        return MeetingStatus.color_of(self.status)


class Attendee(models.Model):
    """Someone of one party who attends (or is nominated to attend) a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    nominated = models.BooleanField(_("nominated by their party"), default=False)

    class Meta:
        ordering = ["party__order", "id"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self) -> str:
        return self.name


class Minutes(TimeStampedModel):
    """What a held meeting concluded (the Biên bản); its decisions are the follow-ups."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"))
    secretary = models.CharField(_("secretary"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(USER, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)


class FollowUp(TimeStampedModel):
    """A decision of the minutes to carry out: an owner, a deadline, tracked to done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="followups")
    title = models.CharField(_("decision"), max_length=500)
    owner = models.ForeignKey(USER, verbose_name=_("owner"), on_delete=models.PROTECT,
                              related_name="coordination_followups")
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=8, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    result = models.TextField(_("result"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True, editable=False)
    overdue_notified_on = models.DateField(_("overdue notice on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["status", "deadline", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:followups") + f"#followup-{self.pk}"

    @property
    def status_color(self) -> str:
        return FollowUpStatus.color_of(self.status)


class DvkModel(TimeStampedModel):
    """A "Dân vận khéo" model proposed by a unit; the department selects 02–03 a year to replicate."""

    unit = models.ForeignKey(Unit, verbose_name=_("proposing unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=255)
    field = models.CharField(_("field"), max_length=20, choices=ModelField.choices, default=ModelField.TREATMENT)
    description = models.TextField(_("description"), blank=True)
    results = models.TextField(_("results"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ModelStatus.choices, default=ModelStatus.PROPOSED)
    proposed_by = models.ForeignKey(USER, verbose_name=_("proposed by"), null=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["-year", "status", "title"]
        verbose_name = _("“Dân vận khéo” model")
        verbose_name_plural = _("“Dân vận khéo” models")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:model", kwargs={"pk": self.pk})

    @property
    def status_color(self) -> str:
        return ModelStatus.color_of(self.status)


class Replication(models.Model):
    """A unit where a selected model was replicated."""

    model = models.ForeignKey(DvkModel, on_delete=models.CASCADE, related_name="replications")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(_("since"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        constraints = [models.UniqueConstraint(fields=["model", "unit"], name="coordination_replication_unique")]

    def __str__(self) -> str:
        return f"{self.model} — {self.unit}"


class Evidence(models.Model):
    """A file proving a duty's progress or a model's results; served only through an access-checked view."""

    duty = models.ForeignKey(Duty, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    model = models.ForeignKey(DvkModel, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=RandomPath("coordination/evidence/%Y"))
    name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(USER, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        constraints = [
            models.CheckConstraint(condition=Q(duty__isnull=False, model__isnull=True)
                                   | Q(duty__isnull=True, model__isnull=False), name="coordination_evidence_one_owner"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coordination:evidence", kwargs={"pk": self.pk})


class Incident(TimeStampedModel):
    """A media incident or a complex case involving the sector, handled by both parties."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="incidents")
    kind = models.CharField(_("kind"), max_length=10, choices=IncidentKind.choices, default=IncidentKind.MEDIA)
    title = models.CharField(_("title"), max_length=255)
    occurred_on = models.DateField(_("occurred on"))
    description = models.TextField(_("description"), blank=True)
    assignee = models.ForeignKey(USER, verbose_name=_("handled by"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=IncidentStatus.choices,
                              default=IncidentStatus.LOGGED)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:incident", kwargs={"pk": self.pk})

    @property
    def status_color(self) -> str:
        return IncidentStatus.color_of(self.status)


class IncidentAction(models.Model):
    """One step of an incident's timeline."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="actions")
    date = models.DateField(_("date"))
    text = models.TextField(_("action taken"))
    author = models.ForeignKey(USER, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("incident action")
        verbose_name_plural = _("incident actions")

    def __str__(self) -> str:
        return self.text[:80]


# --- Democracy regulation (seed 004): steering committees, checklists of Thông tư 05/2021/TT-BYT -------------


class SteeringCommittee(TimeStampedModel):
    """A unit's Ban Chỉ đạo set up or renewed under a plan; its reviews are the plan's reporting obligations."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=255)
    decided_on = models.DateField(_("set up on"), null=True, blank=True)
    working_rules = models.FileField(_("working rules"), upload_to=RandomPath("coordination/rules/%Y"), blank=True)

    class Meta:
        ordering = ["unit__name", "id"]
        verbose_name = _("steering committee")
        verbose_name_plural = _("steering committees")
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="coordination_committee_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coordination:committee", kwargs={"pk": self.pk})


class CommitteeMember(models.Model):
    ROLES = (("head", _("Head")), ("deputy", _("Deputy head")), ("member", _("Member")),
             ("secretary", _("Secretary")))

    committee = models.ForeignKey(SteeringCommittee, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=ROLES, default="member")
    duties = models.TextField(_("duties"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self) -> str:
        return self.name


class Checklist(TimeStampedModel):
    """A unit's democracy-regulation checklist of one year (the items of Thông tư 05/2021/TT-BYT)."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        ordering = ["-year", "unit__name"]
        verbose_name = _("democracy-regulation checklist")
        verbose_name_plural = _("democracy-regulation checklists")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="coordination_checklist_unique")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:checklist", kwargs={"pk": self.pk})


class ChecklistEntry(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="entries")
    code = models.CharField(_("item"), max_length=30)
    done = models.BooleanField(_("done"), default=False)
    evidence = models.CharField(_("evidence"), max_length=500, blank=True,
                                help_text=_("Where it is shown: the document, the notice board, the website…"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        constraints = [models.UniqueConstraint(fields=["checklist", "code"], name="coordination_entry_unique")]

    def __str__(self) -> str:
        return self.code


class Commitment(TimeStampedModel):
    """A unit's or a person's yearly commitment (seed 004, II.2) and its year-end self-evaluation."""

    RATINGS = (("excellent", _("Excellently fulfilled")), ("good", _("Well fulfilled")),
               ("fulfilled", _("Fulfilled")), ("not_fulfilled", _("Not fulfilled")))

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(USER, verbose_name=_("person"), null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+", help_text=_("Empty: the unit's own commitment."))
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("commitment"))
    self_evaluation = models.TextField(_("self-evaluation"), blank=True)
    rating = models.CharField(_("rating"), max_length=16, choices=RATINGS, blank=True)
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "unit__name", "person__last_name", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["unit", "person", "year"], name="coordination_commitment_unique",
                                    nulls_distinct=False),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:commitment", kwargs={"pk": self.pk})
