"""Models of the reporting layer.

``RenderedDocument`` (official PDF/.docx output, any app's objects) lives here;
the reporting obligations, periods and submissions follow in their own section.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plans.models import TimeStampedModel
from plans.softdelete import SoftDeleteModel
from plans.uploads import RandomPath

from . import jobs
from .choices import (  # noqa: F401  (re-exported: the models' choices)
    ConsolidatedState,
    DeadlineRule,
    IndicatorType,
    PeriodCalendar,
    PeriodType,
    ReminderChannel,
    RenderFormat,
    RequestStatus,
    ReviewDecision,
    ShiftRule,
    TaskStatus,
    UnitsRule,
)
from .jobs import Job, JobStatus  # noqa: F401  (re-exported)


@jobs.register
class RenderedDocument(Job, TimeStampedModel):
    """An official document rendered from an object; reused while the object's content hash is unchanged."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("object type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("object id"))
    source = GenericForeignKey("content_type", "object_id")
    format = models.CharField(_("format"), max_length=8, choices=RenderFormat.choices)
    content_hash = models.CharField(_("content hash"), max_length=64)
    file = models.FileField(_("file"), upload_to=RandomPath("documents/%Y/%m"), blank=True)
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

    def enqueue(self) -> None:
        from .documents.tasks import render_document

        render_document.delay(self.pk)


# --- Reporting obligations, periods, requests and submissions ---------------
#
# A plan's ``ReportingObligation`` says who reports what to whom and by when.
# The daily job (``reporting.services.reporting_tick``) turns it into one
# ``ReportRequest`` per obligated unit and ``Period``; the unique keys below are
# what make that job idempotent (see docs/reporting.md).


NARRATIVE_SECTIONS = ["results", "shortcomings", "causes", "next_steps", "proposals"]
SECTION_LABELS = {
    "results": _("Results achieved"),
    "shortcomings": _("Shortcomings and limitations"),
    "causes": _("Causes"),
    "next_steps": _("Tasks and solutions for the next period"),
    "proposals": _("Proposals and recommendations"),
}


def default_reminder_offsets() -> list[int]:
    return [7, 3, 1]


def default_sections() -> list[str]:
    return list(NARRATIVE_SECTIONS)


class Holiday(models.Model):
    """A public holiday (no working day): deadlines in working days skip it."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class ReportingObligation(TimeStampedModel):
    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE,
                             related_name="reporting_obligations")
    title = models.CharField(_("title"), max_length=255)
    is_active = models.BooleanField(_("active"), default=True)
    units_rule = models.CharField(_("reporting units"), max_length=20, choices=UnitsRule.choices,
                                  default=UnitsRule.ALL_FACILITIES)
    unit_kind = models.CharField(_("unit kind"), max_length=16, blank=True,
                                 help_text=_("For “All units of a kind”: department, room, facility or partner."))
    units = models.ManyToManyField("plans.Unit", verbose_name=_("named units"), blank=True, related_name="+")
    recipient_unit = models.ForeignKey("plans.Unit", verbose_name=_("reports to"), on_delete=models.PROTECT,
                                       related_name="received_obligations")
    period_type = models.CharField(_("period"), max_length=16, choices=PeriodType.choices)
    calendar = models.CharField(_("calendar"), max_length=10, choices=PeriodCalendar.choices,
                                default=PeriodCalendar.ND09)
    deadline_rule = models.CharField(_("deadline rule"), max_length=20, choices=DeadlineRule.choices,
                                     default=DeadlineRule.FIXED)
    fixed_deadlines = models.JSONField(
        _("fixed deadlines"), default=list, blank=True,
        help_text=_("One “dd/mm” per period of the year, e.g. [\"05/06\"] for six-monthly reports."),
    )
    deadline_days = models.PositiveSmallIntegerField(_("days after the period"), default=0)
    shift_rule = models.CharField(_("deadline on a weekend or holiday"), max_length=24, choices=ShiftRule.choices,
                                  default=ShiftRule.PREVIOUS_WORKING_DAY)
    one_off_start = models.DateField(_("one-off period from"), null=True, blank=True)
    one_off_end = models.DateField(_("one-off period to"), null=True, blank=True)
    one_off_due = models.DateField(_("one-off deadline"), null=True, blank=True)
    open_days_before = models.PositiveSmallIntegerField(
        _("open the request days before the deadline"), default=30,
    )
    reminder_offsets = models.JSONField(_("reminders (days before the deadline)"), default=default_reminder_offsets)
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    sections = models.JSONField(_("narrative sections"), default=default_sections, blank=True)
    include_tasks = models.BooleanField(_("include the plan's tasks of the unit"), default=True)
    linked_indicators = models.ManyToManyField(
        "Indicator", verbose_name=_("indicators"), through="ObligationIndicator", blank=True,
        related_name="obligations",
    )
    proposal_key = models.CharField(
        _("confirmed proposal"), max_length=120, blank=True,
        help_text=_("The importer's proposal this obligation confirms (kind|recurrence|day|month|year)."),
    )

    class Meta:
        ordering = ["plan", "title", "id"]
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")

    def __str__(self) -> str:
        return self.title

    @property
    def indicators(self) -> list:
        """The obligation's ``Indicator`` objects in their order (``reporting.indicators.obligation_indicators``)."""
        from .indicators import obligation_indicators

        return obligation_indicators(self)

    @indicators.setter
    def indicators(self, value) -> None:
        """Indicators, their codes or specs ``{"code", "label", ...}``: linked in this order when the obligation is
        saved (a spec creates or updates its indicator; see ``reporting.indicators.resolve``)."""
        self._pending_indicators = list(value or [])

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        pending = self.__dict__.pop("_pending_indicators", None)
        if pending is not None:
            from .indicators import link_indicators

            link_indicators(self, pending)

    def clean(self):
        from django.core.exceptions import ValidationError

        from .periods import parse_day_month, periods_per_year

        errors = {}
        if self.deadline_rule == DeadlineRule.FIXED and self.period_type != PeriodType.ONE_OFF:
            expected = periods_per_year(self.period_type)
            values = self.fixed_deadlines or []
            if len(values) != expected:
                errors["fixed_deadlines"] = _("Give exactly %(n)d date(s) “dd/mm”.") % {"n": expected}
            else:
                try:
                    [parse_day_month(v) for v in values]
                except ValueError:
                    errors["fixed_deadlines"] = _("Write each date as “dd/mm”, e.g. 05/06.")
        if self.period_type == PeriodType.ONE_OFF and not (self.one_off_start and self.one_off_end
                                                            and self.one_off_due):
            errors["one_off_due"] = _("A one-off report needs its period and its deadline.")
        if self.one_off_start and self.one_off_end and self.one_off_start > self.one_off_end:
            errors["one_off_end"] = _("The period must end after it starts.")
        if self.units_rule == UnitsRule.UNIT_KIND and not self.unit_kind:
            errors["unit_kind"] = _("Choose the kind of unit.")
        offsets = self.reminder_offsets or []
        if not isinstance(offsets, list) or not all(isinstance(o, int) and o >= 0 for o in offsets):
            errors["reminder_offsets"] = _("Give a list of whole numbers of days, e.g. [7, 3, 1].")
        if errors:
            raise ValidationError(errors)


class Period(models.Model):
    period_type = models.CharField(_("period"), max_length=16, choices=PeriodType.choices)
    calendar = models.CharField(_("calendar"), max_length=10, choices=PeriodCalendar.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    index = models.PositiveSmallIntegerField(_("number in the year"))
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    cut_off = models.DateField(_("data cut-off"))

    class Meta:
        ordering = ["-year", "period_type", "index"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["period_type", "calendar", "year", "index", "start", "end"],
                                    name="period_unique",
                                    violation_error_message=_("This period already exists.")),
        ]

    def __str__(self) -> str:
        from .periods import period_label

        return period_label(self.period_type, self.year, self.index, self.start, self.end)


class ReportRequestQuerySet(models.QuerySet):
    """The one definition of "owed" and "overdue", used by the inbox, the compliance view, the digest,
    the daily job and the dashboards: overdue means still owed after the deadline, as of ``today``."""

    def owed(self):
        return self.filter(status__in=RequestStatus.open())

    def overdue(self, today):
        return self.owed().filter(due_date__lt=today)

    def with_overdue(self, today):
        """Each request annotated with ``is_overdue`` (as of ``today``)."""
        return self.annotate(is_overdue=models.Case(
            models.When(status__in=RequestStatus.open(), due_date__lt=today, then=models.Value(True)),
            default=models.Value(False), output_field=models.BooleanField(),
        ))


class ReportRequest(TimeStampedModel):
    obligation = models.ForeignKey(ReportingObligation, verbose_name=_("obligation"), on_delete=models.CASCADE,
                                   related_name="requests")
    unit = models.ForeignKey("plans.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="report_requests")
    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="requests")
    due_date = models.DateField(_("deadline"), db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=RequestStatus.choices,
                              default=RequestStatus.NOT_STARTED, db_index=True)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)

    objects = ReportRequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("report request")
        verbose_name_plural = _("report requests")
        constraints = [
            models.UniqueConstraint(fields=["obligation", "unit", "period"], name="reportrequest_unique",
                                    violation_error_message=_("This unit already has a request for this period.")),
        ]

    def __str__(self) -> str:
        return f"{self.obligation} — {self.unit} — {self.period}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:report", kwargs={"pk": self.pk})

    @property
    def status_color(self) -> str:
        return RequestStatus.color_of(self.status)

    @property
    def is_owed(self) -> bool:
        return self.status in RequestStatus.open()

    def overdue_on(self, today) -> bool:
        """The same rule as ``ReportRequestQuerySet.overdue``, for one request already loaded."""
        return self.is_owed and self.due_date < today

    def submitted_on_time(self) -> bool | None:
        """Whether the first submission came by the deadline (local day); None if never submitted."""
        from django.utils import timezone

        if self.submitted_at is None:
            return None
        return timezone.localdate(self.submitted_at) <= self.due_date


class Submission(TimeStampedModel):
    """One version of a unit's report; ``submitted_at`` is empty while it is a draft."""

    request = models.ForeignKey(ReportRequest, verbose_name=_("request"), on_delete=models.CASCADE,
                                related_name="submissions")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    task_updates = models.JSONField(_("task updates"), default=dict, blank=True)
    indicator_values = models.JSONField(_("indicator values"), default=dict, blank=True)
    section_values = models.JSONField(
        _("figures of other modules"), default=dict, blank=True, encoder=DjangoJSONEncoder,
        help_text=_("{section key: {name: value}} of the report-form sections registered by other modules."))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["request", "-version"]
        verbose_name = _("report submission")
        verbose_name_plural = _("report submissions")
        constraints = [
            models.UniqueConstraint(fields=["request", "version"], name="submission_unique_version",
                                    violation_error_message=_("This version already exists.")),
        ]

    def __str__(self) -> str:
        return f"{self.request} v{self.version}"


class TaskProgress(models.Model):
    """What a task's lead unit last reported of it: the status the responsibility has in the last submitted report of
    its lead unit on its plan that names it (``Submission.task_updates``). Kept by ``reporting.progress`` whenever a
    report is submitted, a duty changes hands or an obligation goes, so that the dashboards count the done tasks
    with a join instead of reading the JSON of every report."""

    responsibility = models.OneToOneField("plans.Responsibility", verbose_name=_("task"), primary_key=True,
                                          on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("status"), max_length=16, choices=TaskStatus.choices, blank=True)
    submission = models.ForeignKey(Submission, verbose_name=_("report"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("task progress")
        verbose_name_plural = _("task progress")

    def __str__(self) -> str:
        return f"{self.responsibility_id}: {self.status}"


class Review(models.Model):
    submission = models.ForeignKey(Submission, verbose_name=_("submission"), on_delete=models.CASCADE,
                                   related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    decision = models.CharField(_("decision"), max_length=8, choices=ReviewDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.submission}: {self.decision}"


class Reminder(models.Model):
    """A reminder sent once: the row is written under the unique key before any message goes out.

    In the portal it is delivered at once; by e-mail it counts as delivered (``delivered_at``)
    only once every one of its e-mails has reached the mail server (``OutgoingEmail``, retried).
    """

    request = models.ForeignKey(ReportRequest, verbose_name=_("request"), on_delete=models.CASCADE,
                                related_name="reminders")
    offset_days = models.PositiveSmallIntegerField(_("days before the deadline"))
    channel = models.CharField(_("channel"), max_length=10, choices=ReminderChannel.choices)
    sent_at = models.DateTimeField(_("written at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["request", "offset_days", "channel"], name="reminder_unique",
                                    violation_error_message=_("This reminder was already sent.")),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} −{self.offset_days} {self.channel}"


@jobs.register
class OutgoingEmail(Job, TimeStampedModel):
    """One e-mail to one address, delivered by its own Celery task and retried with backoff.

    ``key`` makes a message unique (the weekly digest of a user for a week): a task delivered
    twice, or a job run twice, writes one row and sends one e-mail.
    """

    to = models.EmailField(_("to"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    key = models.CharField(_("unique key"), max_length=120, null=True, blank=True, unique=True)
    reminder = models.ForeignKey(Reminder, verbose_name=_("reminder"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="emails")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"

    def enqueue(self) -> None:
        from .tasks import email_deliver_task

        email_deliver_task.delay(self.pk)


class Notification(models.Model):
    """An in-portal notice to one user: a ``kind`` and its parameters, put into words when read,
    in the reader's language (``reporting.notifications``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                             related_name="notifications")
    kind = models.CharField(_("kind"), max_length=40, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    text = models.CharField(_("text"), max_length=500, blank=True,
                            help_text=_("Free text, for a notice without a kind."))
    url = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        from .notifications import notification_text

        return notification_text(self)


def _attachment_path(instance, filename: str) -> str:
    """The former upload_to (predictable); kept because migration 0005 refers to it."""
    return f"reports/{instance.submission.request_id}/{filename}"


class SubmissionAttachment(models.Model):
    """A file attached to one version of a report (PDF, DOCX, XLSX, PNG or JPEG; size-limited)."""

    submission = models.ForeignKey(Submission, verbose_name=_("submission"), on_delete=models.CASCADE,
                                   related_name="attachments")
    file = models.FileField(_("file"), upload_to=RandomPath("reports/%Y/%m"), max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    kind = models.CharField(_("type"), max_length=8)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["submission", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:attachment", kwargs={"pk": self.pk})


@jobs.register
class ConsolidatedReport(SoftDeleteModel, Job, TimeStampedModel):
    """The department's report for one obligation and period, compiled from the accepted submissions.

    Its compilation is a job (``job_status``); ``state`` is the report's own life: draft, then issued.
    A draft is deleted softly (``plans.softdelete``): the period can be compiled anew, and the deleted
    one restored while no other report holds the period. Every change is kept in ``history``.
    """

    obligation = models.ForeignKey(ReportingObligation, verbose_name=_("obligation"), on_delete=models.CASCADE,
                                   related_name="consolidated_reports")
    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+")
    content = models.JSONField(_("content"), default=dict, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    state = models.CharField(_("state"), max_length=8, choices=ConsolidatedState.choices,
                             default=ConsolidatedState.DRAFT)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="+")

    # the job's own bookkeeping (progress, heartbeat) is written with update(): no history row per beat
    history = HistoricalRecords(excluded_fields=["updated_at", "heartbeat_at", "progress"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consolidated report")
        verbose_name_plural = _("consolidated reports")
        constraints = [
            models.UniqueConstraint(fields=["obligation", "period"], name="consolidatedreport_unique",
                                    condition=models.Q(deleted_at__isnull=True),
                                    violation_error_message=_("This period is already consolidated.")),
        ]

    def __str__(self) -> str:
        return f"{self.obligation} — {self.period}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:consolidated", kwargs={"pk": self.obligation_id, "period": self.period_id})

    def enqueue(self) -> None:
        from .tasks import consolidated_compile_task

        consolidated_compile_task.delay(self.pk)

# --- Indicators ------------------------------------------------------------------------------
#
# One catalogue of the figures units report (and, later, emulation's targets): an obligation's
# report form asks for the values of its linked indicators, in the links' order.


class Indicator(TimeStampedModel):
    """A figure reported as a number: its unit of measure, type and bounds."""

    code = models.CharField(_("code"), max_length=64, unique=True,
                            help_text=_("A short key, e.g. so_luot; values are stored under it."))
    name = models.CharField(_("name"), max_length=255)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=64, blank=True,
                                       help_text=_("Shown after the value, e.g. lượt, %, triệu đồng."))
    type = models.CharField(_("type"), max_length=10, choices=IndicatorType.choices, default=IndicatorType.DECIMAL)
    min_value = models.DecimalField(_("minimum"), max_digits=18, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=18, decimal_places=4, null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_value__isnull=True) | models.Q(max_value__isnull=True)
                | models.Q(min_value__lte=models.F("max_value")),
                name="indicator_min_below_max", violation_error_message=_("The minimum is above the maximum.")),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_of_measure})" if self.unit_of_measure else self.name

    @property
    def low(self):
        """The smallest value allowed (a percentage starts at 0 unless its own minimum says otherwise)."""
        from decimal import Decimal

        from .indicators import trimmed

        if self.min_value is None and self.type == IndicatorType.PERCENT:
            return Decimal(0)
        return trimmed(self.min_value)

    @property
    def high(self):
        """The largest value allowed (a percentage ends at 100 unless its own maximum says otherwise)."""
        from decimal import Decimal

        from .indicators import trimmed

        if self.max_value is None and self.type == IndicatorType.PERCENT:
            return Decimal(100)
        return trimmed(self.max_value)


class ObligationIndicator(models.Model):
    """An indicator asked in an obligation's reports, at its place in the form."""

    obligation = models.ForeignKey(ReportingObligation, verbose_name=_("obligation"), on_delete=models.CASCADE,
                                   related_name="indicator_links")
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT,
                                  related_name="obligation_links")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["obligation", "order", "id"]
        verbose_name = _("indicator of an obligation")
        verbose_name_plural = _("indicators of obligations")
        constraints = [
            models.UniqueConstraint(fields=["obligation", "indicator"], name="obligationindicator_unique",
                                    violation_error_message=_("This indicator is already asked.")),
        ]

    def __str__(self) -> str:
        return f"{self.obligation} — {self.indicator}"


class CalendarKey(models.Model):
    """The part of a user's private deadline-feed link that the user can change (rotate) at will."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                                related_name="calendar_key")
    key = models.CharField(_("key"), max_length=64)
    rotated_at = models.DateTimeField(_("rotated at"))

    class Meta:
        verbose_name = _("calendar link key")
        verbose_name_plural = _("calendar link keys")

    def __str__(self) -> str:
        return str(self.user)
