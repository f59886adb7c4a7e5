"""Dialogue with citizens: sessions and their minutes, follow-ups, public questions, petitions, reception.

Overdue is derived from the due date, never stored (``FollowUp.objects.overdue(today)``,
``Petition.objects.overdue(today)``), as in reporting.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plans.models import TimeStampedModel

from .choices import (
    Channel,
    Complexity,
    FollowUpStatus,
    PetitionKind,
    PetitionStatus,
    QuestionStatus,
    SessionForm,
    SessionStatus,
)


class Topic(models.Model):
    """A field the citizens raise (seed 003's list, extended by the administrator)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("dialogue topic")
        verbose_name_plural = _("dialogue topics")

    def __str__(self) -> str:
        return self.name


class Session(TimeStampedModel):
    """A meeting of the department's leaders with citizens, in person or online."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="dialogue_sessions")
    title = models.CharField(_("title"), max_length=300)
    form = models.CharField(_("form"), max_length=20, choices=SessionForm.choices, default=SessionForm.IN_PERSON)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    link = models.URLField(_("link"), max_length=300, blank=True)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("chair"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="chaired_dialogue_sessions")
    organising_unit = models.ForeignKey("plans.Unit", verbose_name=_("organising room"), on_delete=models.PROTECT,
                                        related_name="dialogue_sessions")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="sessions")
    delegates = models.TextField(_("invited delegates"), blank=True, help_text=_("One per line."))
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    documents = models.TextField(_("documents prepared"), blank=True, help_text=_("One per line."))
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    minutes_summary = models.TextField(_("minutes: conclusion"), blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved at"), null=True, blank=True)
    minutes_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("minutes approved by"),
                                            null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("dialogue session")
        verbose_name_plural = _("dialogue sessions")

    @property
    def status_color(self) -> str:
        return SessionStatus.color_of(self.status)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dialogue:session_detail", args=[self.pk])

    @property
    def is_online(self) -> bool:
        return self.form == SessionForm.ONLINE

    @property
    def accepts_questions(self) -> bool:
        """Citizens ask before or during an online session, i.e. while it is still planned."""
        return self.is_online and self.status == SessionStatus.PLANNED

    @property
    def answers_public(self) -> bool:
        return self.status != SessionStatus.PLANNED


class Minutes(models.Model):
    """The minutes (biên bản) of a session as an official document: rendered through the document registry."""

    session = models.OneToOneField(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                   related_name="minutes")
    secretary = models.CharField(_("secretary"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.session)


class MinutesEntry(models.Model):
    """A question or issue raised in a session: who raised it, the topic, what was answered and by whom."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="entries")
    order = models.PositiveIntegerField(_("order"), default=0)
    raised_by = models.CharField(_("raised by"), max_length=200)
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    question = models.TextField(_("question or issue"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=200, blank=True)

    class Meta:
        ordering = ["session", "order", "pk"]
        verbose_name = _("minutes entry")
        verbose_name_plural = _("minutes entries")

    def __str__(self) -> str:
        return self.question[:80]


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=FollowUpStatus.OPEN)

    def overdue(self, today):
        """Still open after the due date (derived, never stored)."""
        return self.open().filter(due_date__lt=today)


class FollowUp(TimeStampedModel):
    """An issue of the minutes that needs action: a responsible unit, a deadline, a recorded resolution."""

    entry = models.OneToOneField(MinutesEntry, verbose_name=_("minutes entry"), on_delete=models.CASCADE,
                                 related_name="follow_up")
    action = models.TextField(_("action required"))
    responsible_unit = models.ForeignKey("plans.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT,
                                         related_name="dialogue_follow_ups")
    due_date = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    @property
    def status_color(self) -> str:
        return FollowUpStatus.color_of(self.status)

    def __str__(self) -> str:
        return self.action[:80]

    def get_absolute_url(self) -> str:
        return reverse("dialogue:followups") + f"#followup-{self.pk}"

    def overdue_on(self, today) -> bool:
        return self.status == FollowUpStatus.OPEN and self.due_date < today


class Question(TimeStampedModel):
    """A citizen's question sent through the public page; the contact is never published."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="questions")
    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("contact"), max_length=120)
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    text = models.TextField(_("question"))
    status = models.CharField(_("status"), max_length=20, choices=QuestionStatus.choices,
                              default=QuestionStatus.PENDING)
    reject_reason = models.CharField(_("reason for rejection"), max_length=500, blank=True)
    merged_into = models.ForeignKey("self", verbose_name=_("merged into"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="duplicates")
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=200, blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("moderated by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("citizen question")
        verbose_name_plural = _("citizen questions")

    @property
    def status_color(self) -> str:
        return QuestionStatus.color_of(self.status)

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def shown_answer(self) -> str:
        """The answer a citizen reads: their own, or that of the question theirs was merged into."""
        if self.status == QuestionStatus.MERGED and self.merged_into_id:
            return self.merged_into.answer
        return self.answer if self.status == QuestionStatus.PUBLISHED else ""


class PetitionTimeLimit(models.Model):
    """The time limit of a kind of petition in working days (FORMAT.md §5), editable by the administrator."""

    kind = models.CharField(_("kind"), max_length=20, choices=PetitionKind.choices, unique=True)
    days = models.PositiveSmallIntegerField(_("time limit (working days)"))
    complex_days = models.PositiveSmallIntegerField(_("time limit if complex"))
    remote_days = models.PositiveSmallIntegerField(_("time limit in remote areas"))
    remote_complex_days = models.PositiveSmallIntegerField(_("time limit in remote areas if complex"))
    extension_days = models.PositiveSmallIntegerField(
        _("days per extension"), default=0,
        help_text=_("Denunciations: once if complex, twice if especially complex; 0: no extension."))

    class Meta:
        ordering = ["kind"]
        verbose_name = _("petition time limit")
        verbose_name_plural = _("petition time limits")

    def __str__(self) -> str:
        return self.get_kind_display()


class PetitionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=PetitionStatus.open())

    def overdue(self, today):
        """Not resolved by the due date (derived from the due date, never stored)."""
        return self.open().filter(due_date__lt=today)

    def with_overdue(self, today):
        return self.annotate(is_overdue=models.ExpressionWrapper(
            Q(status__in=PetitionStatus.open(), due_date__lt=today), output_field=models.BooleanField()))


class Petition(TimeStampedModel):
    """A petition (đơn thư) entered in the register of the receiving unit."""

    unit = models.ForeignKey("plans.Unit", verbose_name=_("receiving unit"), on_delete=models.PROTECT,
                             related_name="dialogue_petitions")
    kind = models.CharField(_("kind"), max_length=20, choices=PetitionKind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(_("received on"))
    petitioner = models.CharField(_("petitioner"), max_length=200)
    contact = models.CharField(_("address or contact"), max_length=300, blank=True)
    summary = models.TextField(_("content"))
    complexity = models.CharField(_("complexity"), max_length=20, choices=Complexity.choices,
                                  default=Complexity.NORMAL)
    remote_area = models.BooleanField(_("remote, hard-to-reach area"), default=False)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=20, choices=PetitionStatus.choices,
                              default=PetitionStatus.RECEIVED)
    assigned_unit = models.ForeignKey("plans.Unit", verbose_name=_("assigned to"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="assigned_dialogue_petitions")
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    @property
    def status_color(self) -> str:
        return PetitionStatus.color_of(self.status)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.petitioner}"

    def get_absolute_url(self) -> str:
        return reverse("dialogue:petition_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in PetitionStatus.open()

    def overdue_on(self, today) -> bool:
        return self.is_open and self.due_date < today


class ReceptionEntry(TimeStampedModel):
    """One citizen received by a unit (Luật Tiếp công dân 2013): the matter, the outcome, the petition it made."""

    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="dialogue_receptions")
    date = models.DateField(_("date"))
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("receiving officer"), null=True,
                                on_delete=models.SET_NULL, related_name="+")
    citizen = models.CharField(_("citizen"), max_length=200)
    matter = models.TextField(_("matter"))
    outcome = models.TextField(_("outcome"), blank=True)
    petition = models.ForeignKey(Petition, verbose_name=_("petition created"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="receptions")

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("citizen reception")
        verbose_name_plural = _("citizen receptions")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.citizen}"


class Reminder(models.Model):
    """A reminder sent once: (follow-up or petition, kind)."""

    follow_up = models.ForeignKey(FollowUp, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    petition = models.ForeignKey(Petition, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "kind"], condition=Q(follow_up__isnull=False),
                                    name="dialogue_reminder_follow_up_once"),
            models.UniqueConstraint(fields=["petition", "kind"], condition=Q(petition__isnull=False),
                                    name="dialogue_reminder_petition_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.sent_on}"
