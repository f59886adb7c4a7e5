"""Kinds and statuses of the dialogue app, each with a Bootstrap badge colour."""

from django.utils.translation import gettext_lazy as _

from plans.choices import ColoredChoices


class SessionForm(ColoredChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online (web portal)")


SessionForm._colors = {"in_person": "primary", "online": "info"}


class SessionStatus(ColoredChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")


SessionStatus._colors = {"planned": "secondary", "held": "primary", "minutes_approved": "success"}


class FollowUpStatus(ColoredChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


FollowUpStatus._colors = {"open": "warning", "resolved": "success"}


class QuestionStatus(ColoredChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    MERGED = "merged", _("Merged into another question")
    REJECTED = "rejected", _("Rejected")


QuestionStatus._colors = {"pending": "secondary", "published": "success", "merged": "info", "rejected": "danger"}


class PetitionKind(ColoredChoices):
    PROPOSAL = "proposal", _("Proposal")
    FEEDBACK = "feedback", _("Feedback")
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")


PetitionKind._colors = {"proposal": "info", "feedback": "primary", "complaint": "warning", "denunciation": "danger"}


class Channel(ColoredChoices):
    IN_PERSON = "in_person", _("In person")
    HOTLINE = "hotline", _("Hotline")
    MAILBOX = "mailbox", _("Mailbox")
    PORTAL = "portal", _("Web portal")
    FORWARDED = "forwarded", _("Forwarded by another body")


class Complexity(ColoredChoices):
    NORMAL = "normal", _("Ordinary")
    COMPLEX = "complex", _("Complex")
    ESPECIALLY_COMPLEX = "especially_complex", _("Especially complex")


class PetitionStatus(ColoredChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")

    @classmethod
    def open(cls) -> tuple[str, ...]:
        return (cls.RECEIVED, cls.ASSIGNED)


PetitionStatus._colors = {"received": "secondary", "assigned": "primary", "resolved": "success", "closed": "dark"}
