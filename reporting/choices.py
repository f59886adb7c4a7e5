"""Kinds and statuses of the reporting layer, each status with a Bootstrap badge colour."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.choices import ColoredChoices


class RenderFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (.docx)"


class PeriodType(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    SIX_MONTHLY = "six_monthly", _("Six-monthly")
    NINE_MONTHLY = "nine_monthly", _("Nine-monthly")
    ANNUAL = "annual", _("Annual")
    ONE_OFF = "one_off", _("One-off")


class PeriodCalendar(models.TextChoices):
    ND09 = "nd09", _("Data cut-off of Decree 09/2019 (15th to 14th)")
    CALENDAR = "calendar", _("Calendar periods (Circular 37/2019)")


class UnitsRule(models.TextChoices):
    ALL_FACILITIES = "all_facilities", _("All affiliated facilities")
    UNIT_KIND = "unit_kind", _("All units of a kind")
    NAMED = "named", _("Named units")


class DeadlineRule(models.TextChoices):
    FIXED = "fixed", _("Fixed day and month for each period")
    DAYS_AFTER = "days_after", _("N days after the period ends")
    WORKING_DAYS_AFTER = "working_days_after", _("N working days after the period ends")
    ND09_DEFAULT = "nd09_default", _("Decree 09/2019 default (first working day after the cut-off)")


class ShiftRule(models.TextChoices):
    KEEP = "keep", _("Keep the date")
    PREVIOUS_WORKING_DAY = "previous_working_day", _("Move to the previous working day")


class RequestStatus(ColoredChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    ACCEPTED = "accepted", _("Accepted")

    @classmethod
    def open(cls) -> tuple[str, ...]:
        """Statuses in which the unit still owes the report (and may edit and submit it).

        A request still owed after its deadline is overdue: that is derived from the due date
        (``ReportRequestQuerySet.overdue``), never stored.
        """
        return (cls.NOT_STARTED, cls.DRAFT, cls.RETURNED)


RequestStatus._colors = {
    "not_started": "secondary", "draft": "info", "submitted": "primary",
    "returned": "warning", "accepted": "success",
}


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done")


class ReviewDecision(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    RETURN = "return", _("Return for revision")


class ReminderChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    IN_APP = "in_app", _("In the portal")
    ESCALATION = "escalation", _("Overdue notice (unit head and reviewers)")


class IndicatorType(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    PERCENT = "percent", _("Percentage")


class ConsolidatedState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
