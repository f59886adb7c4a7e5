"""Kinds and states of the emulation app, each with a Bootstrap badge colour."""

from django.utils.translation import gettext_lazy as _

from plans.choices import ColoredChoices


class Measure(ColoredChoices):
    PERCENT = "percent", _("%")
    PER_10000 = "per_10000", _("per 10.000 population")
    COUNT = "count", _("count")
    PERMILLE = "permille", _("‰")
    SCORE = "score", _("score")


class Direction(ColoredChoices):
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")
    EXACTLY = "exactly", _("exactly")
    RANGE = "range", _("within a range")
    COUNT_ABOVE = "count_above", _("count of units above a threshold")


class Scope(ColoredChoices):
    SECTOR = "sector", _("the whole sector")
    EACH_UNIT = "each_unit", _("each unit")
    UNIT_KIND = "unit_kind", _("each unit of a kind")


class Source(ColoredChoices):
    REPORT = "report", _("entered by the units in their periodic report")
    COMPUTED = "computed", _("computed from two reported counts")
    DEPARTMENT = "department", _("entered by the department")


class ResultSource(ColoredChoices):
    REPORT = "report", _("periodic report")
    EXCEL = "excel", _("Excel sheet")
    DEPARTMENT = "department", _("entered by the department")


class Attainment(ColoredChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NO_DATA = "no_data", _("No data")


Attainment._colors = {"met": "success", "not_met": "danger", "no_data": "secondary"}


class RegistrationStatus(ColoredChoices):
    NOT_SENT = "not_sent", _("Not sent")
    WAITING = "waiting", _("Waiting for approval")
    REFUSED = "refused", _("Refused")
    APPROVED = "approved", _("Approved")


RegistrationStatus._colors = {"not_sent": "secondary", "waiting": "warning", "refused": "danger",
                              "approved": "success"}


class Title(ColoredChoices):
    """The emulation titles of the Law on Emulation and Commendation 2022 (06/2022/QH15)."""

    LDTT = "ldtt", _("Lao động tiên tiến")
    CSTD_CS = "cstd_cs", _("Chiến sĩ thi đua cơ sở")
    CSTD_TINH = "cstd_tinh", _("Chiến sĩ thi đua cấp tỉnh")
    CSTD_TQ = "cstd_tq", _("Chiến sĩ thi đua toàn quốc")
    TT_LDTT = "tt_ldtt", _("Tập thể lao động tiên tiến")
    TT_LDXS = "tt_ldxs", _("Tập thể lao động xuất sắc")
    CO_TINH = "co_tinh", _("Cờ thi đua cấp tỉnh")
    CO_CP = "co_cp", _("Cờ thi đua của Chính phủ")

    @classmethod
    def individual(cls) -> tuple[str, ...]:
        return (cls.LDTT, cls.CSTD_CS, cls.CSTD_TINH, cls.CSTD_TQ)


# A title's condition checked against the achievement record: (lower title, consecutive years just before).
TITLE_CONDITIONS: dict[str, tuple[str, int]] = {
    Title.CSTD_TINH: (Title.CSTD_CS, 3),
    Title.CSTD_TQ: (Title.CSTD_TINH, 2),
    Title.TT_LDXS: (Title.TT_LDTT, 1),
    Title.CO_TINH: (Title.TT_LDXS, 2),
    Title.CO_CP: (Title.CO_TINH, 2),
}


class NominationStatus(ColoredChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Met (accepted by the council)")
    REJECTED = "rejected", _("Not met")


NominationStatus._colors = {"proposed": "warning", "accepted": "success", "rejected": "danger"}
