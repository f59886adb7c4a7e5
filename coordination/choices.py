"""Kinds and statuses of the coordination app, each with a Bootstrap badge colour."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plans.choices import ColoredChoices


class DutyStatus(ColoredChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")


DutyStatus._colors = {"not_started": "secondary", "in_progress": "info", "done": "success", "postponed": "warning"}


class MeetingKind(ColoredChoices):
    QUARTERLY = "quarterly", _("Quarterly briefing")
    SIX_MONTHLY = "six_monthly", _("Six-monthly briefing")
    YEAR_END = "year_end", _("Year-end review")
    CONFERENCE = "conference", _("Thematic conference")
    SURVEY = "survey", _("Survey mission")

    @classmethod
    def scheduled(cls) -> tuple[str, ...]:
        """The kinds the plan schedules for the year (the others are organised as needed)."""
        return (cls.QUARTERLY, cls.SIX_MONTHLY, cls.YEAR_END)


MeetingKind._colors = {"quarterly": "primary", "six_monthly": "primary", "year_end": "dark", "conference": "info",
                       "survey": "success"}


class MeetingStatus(ColoredChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


MeetingStatus._colors = {"scheduled": "info", "held": "success", "cancelled": "secondary"}


class FollowUpStatus(ColoredChoices):
    OPEN = "open", _("To do")
    DONE = "done", _("Done")


FollowUpStatus._colors = {"open": "warning", "done": "success"}


class ModelStatus(ColoredChoices):
    PROPOSED = "proposed", _("Proposed")
    SELECTED = "selected", _("Selected for replication")
    NOT_SELECTED = "not_selected", _("Not selected")


ModelStatus._colors = {"proposed": "info", "selected": "success", "not_selected": "secondary"}


class ModelField(models.TextChoices):
    TREATMENT = "treatment", _("Medical examination and treatment")
    ADMINISTRATION = "administration", _("Administrative reform")
    PREVENTION = "prevention", _("Disease prevention")
    COMMUNICATION = "communication", _("Health communication")
    OTHER = "other", _("Other")


class IncidentKind(ColoredChoices):
    MEDIA = "media", _("Media incident")
    COMPLEX = "complex", _("Complex case involving many people")


IncidentKind._colors = {"media": "danger", "complex": "warning"}


class IncidentStatus(ColoredChoices):
    LOGGED = "logged", _("Logged")
    HANDLING = "handling", _("Being handled")
    CLOSED = "closed", _("Closed")

    @classmethod
    def open(cls) -> tuple[str, ...]:
        return (cls.LOGGED, cls.HANDLING)


IncidentStatus._colors = {"logged": "danger", "handling": "warning", "closed": "success"}
