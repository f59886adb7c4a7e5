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
