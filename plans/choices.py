"""Kinds and statuses of the plans app, each with a Bootstrap badge colour."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColoredChoices(models.TextChoices):
    """TextChoices whose members carry a Bootstrap colour (NetBox style)."""

    @classmethod
    def colors(cls) -> dict[str, str]:
        return getattr(cls, "_colors", {})

    @classmethod
    def color_of(cls, value: str) -> str:
        return cls.colors().get(value, "secondary")


class UnitKind(ColoredChoices):
    DEPARTMENT = "department", _("Department")
    ROOM = "room", _("Department room")
    FACILITY = "facility", _("Affiliated facility")
    PARTNER = "partner", _("Partner body")


UnitKind._colors = {"department": "primary", "room": "info", "facility": "success", "partner": "warning"}


class Role(ColoredChoices):
    AUTHOR = "author", _("Staff (author)")
    REVIEWER = "reviewer", _("Reviewer")
    APPROVER = "approver", _("Approver (leadership)")
    UNIT_HEAD = "unit_head", _("Unit head")
    ADMIN = "admin", _("Administrator")


class PlanKind(ColoredChoices):
    GENERAL = "general", _("General")
    COORDINATION = "coordination", _("Coordination (joint plan)")
    EMULATION = "emulation", _("Emulation")
    DIALOGUE = "dialogue", _("Dialogue with citizens")
    DEMOCRACY = "democracy", _("Democracy regulation")


PlanKind._colors = {
    "general": "secondary",
    "coordination": "primary",
    "emulation": "success",
    "dialogue": "info",
    "democracy": "warning",
}


class PlanStatus(ColoredChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    FORWARDED = "forwarded", _("Forwarded to leadership")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    ISSUED = "issued", _("Issued")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    CLOSED = "closed", _("Closed")

    @classmethod
    def editable(cls) -> tuple[str, ...]:
        return (cls.DRAFT, cls.RETURNED)

    @classmethod
    def published(cls) -> tuple[str, ...]:
        return (cls.ISSUED, cls.IN_IMPLEMENTATION, cls.CLOSED)

    @classmethod
    def awaiting_leadership(cls) -> tuple[str, ...]:
        """Sent up for a decision: submitted by the room, or forwarded to leadership by its reviewer."""
        return (cls.SUBMITTED, cls.FORWARDED)


PlanStatus._colors = {
    "draft": "secondary",
    "submitted": "info",
    "forwarded": "indigo",  # .text-bg-indigo in portal.css
    "returned": "warning",
    "approved": "primary",
    "issued": "success",
    "in_implementation": "success",
    "closed": "dark",
}


class HeaderStyle(ColoredChoices):
    STATE = "state", _("State (Decree 30/2020)")
    PARTY = "party", _("Party (Guidance 36-HD/VPTW)")
    JOINT = "joint", _("Joint: both issuers, state title")


class SignerAuthority(models.TextChoices):
    NONE = "", _("(signs in own name)")
    KT = "KT.", "KT. (ký thay)"
    TM = "TM.", "TM. (thay mặt)"
    Q = "Q.", "Q. (quyền)"
    TL = "TL.", "TL. (thừa lệnh)"
    TUQ = "TUQ.", "TUQ. (thừa ủy quyền)"


class ItemStyle(models.TextChoices):
    """How an item is marked; the number itself is derived from its position."""

    NUMBER = "number", _("Numbered (1., 1.1.)")
    LETTER = "letter", _("Lettered (a), b))")
    DASH = "dash", _("Dash (-)")
    PLUS = "plus", _("Plus (+)")
    PARAGRAPH = "paragraph", _("Paragraph (no marker)")


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SIX_MONTHLY = "six_monthly", _("Six-monthly")
    NINE_MONTHLY = "nine_monthly", _("Nine-monthly")
    ANNUAL = "annual", _("Annual")
    REGULAR = "regular", _("Regularly (ongoing)")


class RecipientPurpose(models.TextChoices):
    NONE = "", _("(none)")
    REPORT = "để báo cáo", _("to report (để báo cáo)")
    IMPLEMENT = "để thực hiện", _("to implement (để thực hiện)")
    COORDINATE = "để phối hợp", _("to coordinate (để phối hợp)")
    KNOW = "để biết", _("for information (để biết)")
    ARCHIVE = "lưu", _("archive (lưu)")


class DocType(models.TextChoices):
    """Type abbreviations of Decree 30/2020, Appendix III."""

    KH = "KH", _("Plan (Kế hoạch)")
    BC = "BC", _("Report (Báo cáo)")
    QD = "QĐ", _("Decision (Quyết định)")
    CT = "CT", _("Directive (Chỉ thị)")
    TB = "TB", _("Notice (Thông báo)")
    HD = "HD", _("Guidance (Hướng dẫn)")
    CTR = "CTr", _("Programme (Chương trình)")
    BB = "BB", _("Minutes (Biên bản)")
    TTR = "TTr", _("Proposal (Tờ trình)")
    GM = "GM", _("Invitation (Giấy mời)")
    QC = "QC", _("Regulation (Quy chế)")
