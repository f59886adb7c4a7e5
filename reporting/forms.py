"""The unit's report form (built from the obligation's template) and the reviewer's decision form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from plans.choices import UnitKind
from plans.formfields import IdChoiceField, IdMultipleChoiceField
from plans.models import Unit
from plans.numbers import LocalizedDecimalField

from . import attachments
from .extensions import field_name, sections_for
from .indicators import spec_of, value_error
from .models import (
    NARRATIVE_SECTIONS,
    SECTION_LABELS,
    DeadlineRule,
    IndicatorType,
    PeriodCalendar,
    PeriodType,
    ReviewDecision,
    ShiftRule,
    TaskStatus,
    UnitsRule,
)


class MultipleFileInput(forms.ClearableFileInput):
    """Several files in one input; Django's markup written without its templates (the report form's, on every
    view of it), but for a file already there (Django's "clear" checkbox)."""

    allow_multiple_selected = True

    def render(self, name, value, attrs=None, renderer=None):
        from django.forms.utils import flatatt
        from django.utils.html import format_html

        widget = self.get_context(name, value, attrs)["widget"]
        if widget["is_initial"]:
            return super().render(name, value, attrs, renderer)
        return format_html('<input type="{}" name="{}"{}>', widget["type"], name, flatatt(widget["attrs"]))


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by ``reporting.attachments.check_upload``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > attachments.MAX_FILES:
            raise forms.ValidationError(_("Attach at most %(n)d files at once.") % {"n": attachments.MAX_FILES})
        errors, cleaned = [], []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                attachments.check_upload(upload)
            except forms.ValidationError as error:
                errors.extend(error.messages)
            else:
                cleaned.append(upload)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class IndicatorField(LocalizedDecimalField):
    """A number typed the user's way ("1.250", "72,5" in Vietnamese), checked against its indicator's type and
    bounds (``reporting.indicators``)."""

    def __init__(self, *args, indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, max_digits=18, decimal_places=4, **kwargs)

    def validate(self, value):
        super().validate(value)
        if message := value_error(self.indicator, value):
            raise forms.ValidationError(message)


def _stored_number(value):
    """A stored value ("72.5") as a number, so that the form shows it the user's way ("72,5")."""
    from decimal import Decimal, InvalidOperation

    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return value


def _json_value(value):
    """A cleaned form value as stored in a JSONField (numbers as text, like the indicator values)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return [_json_value(v) for v in value]
    if hasattr(value, "pk"):
        return value.pk
    return value


# The report form's hand-written markup (reporting.templatetags.reporting_tags.report_field), one kind per kind of
# control, and the Bootstrap class each control gets: cheaper than a generic form-layout library, or than the
# template language, on the deadline-day page.
_FIELD_KINDS = (
    ((forms.CheckboxSelectMultiple, forms.RadioSelect), "choices", "form-check-input"),
    ((forms.CheckboxInput,), "check", "form-check-input"),
    ((forms.Select, forms.SelectMultiple), "control", "form-select"),
)


def _prepare_for_template(form_field) -> None:
    """Give ``form_field`` its kind of markup (``report_kind``) and its control's class; whole numbers get the
    phone's numeric keypad."""
    widget = form_field.widget
    kind, css = next(((k, c) for kinds, k, c in _FIELD_KINDS if isinstance(widget, kinds)), ("control", "form-control"))
    form_field.report_kind = kind
    classes = widget.attrs.get("class", "")
    if css not in classes.split():
        widget.attrs["class"] = f"{classes} {css}".strip()
    if getattr(getattr(form_field, "indicator", None), "type", None) == IndicatorType.INTEGER:
        widget.attrs["inputmode"] = "numeric"


class ReportTextarea(forms.Textarea):
    """Django's ``Textarea``, the same markup written without its template (the report form has one per task)."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.forms.utils import flatatt
        from django.utils.html import format_html

        widget = self.get_context(name, value, attrs)["widget"]
        return format_html('<textarea name="{}"{}>\n{}</textarea>', name, flatatt(widget["attrs"]),
                           widget["value"] or "")


class ReportSelect(forms.Select):
    """Django's ``Select`` without its templates (one per task; its options without groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.forms.utils import flatatt
        from django.utils.html import format_html, format_html_join

        widget = self.get_context(name, value, attrs)["widget"]
        if any(group for group, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (option["value"], flatatt(option["attrs"]), option["label"])
            for _group, group_options, _index in widget["optgroups"] for option in group_options))
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options)


class ReportForm(forms.Form):
    """Narrative sections, the status and a note for each of the unit's tasks, indicator values, attachments."""

    attachments = MultipleFileField(
        label=_("Attachments (optional)"), required=False,
        help_text=_("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG."),
    )

    def __init__(self, *args, report_request, tasks, submission=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        obligation = report_request.obligation
        from django.template.defaultfilters import filesizeformat

        self.fields["attachments"].help_text = _("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG; at most %(max)s "
                                                 "each.") % {"max": filesizeformat(attachments.max_bytes())}
        # (``has_files``: selectors.latest_submission says whether there are any to read)
        self.current_attachments = (list(submission.attachments.all())
                                    if submission and getattr(submission, "has_files", True) else [])
        if self.current_attachments:
            self.fields["remove_attachments"] = forms.MultipleChoiceField(
                label=_("Remove attachments"), required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(str(a.pk), a.name) for a in self.current_attachments],
            )
        self.submitting = submitting
        narrative = submission.narrative if submission else {}
        updates = submission.task_updates if submission else {}
        values = submission.indicator_values if submission else {}
        self.section_keys = [k for k in (obligation.sections or NARRATIVE_SECTIONS) if k in SECTION_LABELS]
        for key in self.section_keys:
            self.fields[f"narrative_{key}"] = forms.CharField(
                label=SECTION_LABELS[key], required=False, initial=narrative.get(key, ""),
                widget=ReportTextarea(attrs={"rows": 4}),
            )
        self.tasks = list(tasks) if obligation.include_tasks else []
        for task in self.tasks:
            update = updates.get(str(task.pk), {})
            self.fields[f"task_{task.pk}_status"] = forms.ChoiceField(
                label=_("Status"), choices=[("", "—"), *TaskStatus.choices], required=False,
                initial=update.get("status", ""), widget=ReportSelect,
            )
            self.fields[f"task_{task.pk}_note"] = forms.CharField(
                label=_("Note"), required=False, max_length=2000, initial=update.get("note", ""),
                widget=ReportTextarea(attrs={"rows": 2}),
            )
        self.indicators = obligation.indicators
        for indicator in self.indicators:
            unit = indicator.unit_of_measure
            help_parts = [str(IndicatorType(indicator.type).label)]
            if indicator.low is not None:
                help_parts.append(_("from %(min)s") % {"min": number_format(indicator.low)})
            if indicator.high is not None:
                help_parts.append(_("to %(max)s") % {"max": number_format(indicator.high)})
            if indicator.description:
                help_parts.append(indicator.description)
            self.fields[f"indicator_{indicator.code}"] = IndicatorField(
                indicator=indicator, label=f"{indicator.name} ({unit})" if unit else indicator.name, required=False,
                initial=_stored_number(values.get(indicator.code)), help_text=", ".join(help_parts),
            )
        self._add_extension_sections(report_request, submission)
        for form_field in self.fields.values():
            _prepare_for_template(form_field)

    def _add_extension_sections(self, report_request, submission):
        """The fields of every registered section that applies (``reporting.extensions.report_sections``); their
        initial values (the stored ones, else the section's ``initial``, which may count the unit's records) only
        for a form to show: a posted form shows what was posted."""
        stored = (submission.section_values or {}) if submission else {}
        self.extension_sections = []
        for section in sections_for(report_request.obligation):
            if self.is_bound:
                initial = {}
            else:
                initial = stored.get(section.key) if section.key in stored else section.initial(report_request)
            names = []
            for name, form_field in section.fields(report_request):
                if name in (initial or {}):
                    form_field.initial = initial[name]
                self.fields[field_name(section, name)] = form_field
                names.append(name)
            self.extension_sections.append((section, names))

    # grouped for the template
    def narrative_fields(self):
        return [self[f"narrative_{k}"] for k in self.section_keys]

    def task_rows(self):
        return [(t, self[f"task_{t.pk}_status"], self[f"task_{t.pk}_note"]) for t in self.tasks]

    def indicator_fields(self):
        return [self[f"indicator_{i.code}"] for i in self.indicators]

    def section_fields(self):
        """(section, [bound fields]) of each registered section of the report."""
        return [(section, [self[field_name(section, n)] for n in names]) for section, names in self.extension_sections]

    def clean(self):
        data = super().clean()
        if self.submitting and "results" in self.section_keys and not (data.get("narrative_results") or "").strip():
            self.add_error("narrative_results", _("Write the results achieved before submitting."))
        return data

    def to_data(self) -> dict:
        data = self.cleaned_data

        def number(value):
            return str(value) if isinstance(value, Decimal) else None

        return {
            "narrative": {k: data.get(f"narrative_{k}", "").strip() for k in self.section_keys},
            "task_updates": {str(t.pk): {"status": data[f"task_{t.pk}_status"],
                                         "note": data.get(f"task_{t.pk}_note", "").strip()} for t in self.tasks},
            "indicator_values": {i.code: number(data.get(f"indicator_{i.code}")) for i in self.indicators},
            "section_values": {section.key: {n: _json_value(data.get(field_name(section, n))) for n in names}
                               for section, names in self.extension_sections},
            "attachments": data.get("attachments") or [],
            "remove_attachments": [int(pk) for pk in data.get("remove_attachments") or []],
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == ReviewDecision.RETURN and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what must be revised."))
        return data


# --- Obligations ---------------------------------------------------------------------------


INDICATOR_BOUND_LIMIT = Decimal(10) ** 14  # Indicator.min_value / max_value: 18 digits, 4 after the point


def indicator_line(indicator) -> str:
    """``code | label | unit | type | min | max`` of an ``Indicator`` (the obligation form's line)."""
    spec = spec_of(indicator)
    return " | ".join(str(spec.get(key, "")) for key in ("code", "label", "unit", "type", "min", "max")).rstrip(" |")


def _indicator_spec(number: int, line: str) -> dict:
    """The spec of a new indicator written on line ``number`` of the obligation form."""
    parts = [p.strip() for p in line.split("|")] + [""] * 6
    code, label, unit, kind, low, high = parts[:6]
    if len(code) > 64 or len(unit) > 64 or len(label) > 255:
        raise forms.ValidationError(_("Line %(n)d: a code or a unit of measure has at most 64 characters, a label "
                                      "255.") % {"n": number})
    kind = kind or IndicatorType.DECIMAL
    if kind not in IndicatorType.values:
        raise forms.ValidationError(_("Line %(n)d: the type must be integer, decimal or percent.") % {"n": number})
    bounds = []
    for value in (low, high):
        try:
            bound = Decimal(value.replace(",", ".")) if value else None
        except ArithmeticError:
            bound = Decimal("NaN")
        if bound is not None and not (bound.is_finite() and abs(bound) < INDICATOR_BOUND_LIMIT):
            raise forms.ValidationError(_("Line %(n)d: the minimum and maximum must be numbers.") % {"n": number})
        bounds.append(bound)
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        raise forms.ValidationError(_("Line %(n)d: the minimum is above the maximum.") % {"n": number})
    spec = {"code": code, "label": label or code, "unit": unit, "type": kind}
    for key, bound in zip(("min", "max"), bounds, strict=True):
        if bound is not None:
            spec[key] = str(bound.quantize(Decimal("0.0001")).normalize())
    return spec


def _split(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]


class ObligationForm(forms.Form):
    """A reporting obligation of a plan: who reports to whom, when, and with which template.

    Field names are the model's, so the model's ``clean()`` errors land on their fields.
    Indicators are written one per line: ``code | label | unit of measure | type | min | max``.
    """

    title = forms.CharField(label=_("Title"), max_length=255)
    units_rule = forms.ChoiceField(label=_("Reporting units"), choices=UnitsRule.choices)
    unit_kind = forms.ChoiceField(label=_("Unit kind"), required=False, choices=[("", "—"), *UnitKind.choices])
    units = IdMultipleChoiceField(label=_("Named units"), required=False, queryset=Unit.objects.none(),
                                           widget=forms.SelectMultiple(attrs={"size": 8}))
    recipient_unit = IdChoiceField(label=_("Reports to"), queryset=Unit.objects.none())
    period_type = forms.ChoiceField(label=_("Period"), choices=PeriodType.choices)
    calendar = forms.ChoiceField(label=_("Calendar"), choices=PeriodCalendar.choices)
    deadline_rule = forms.ChoiceField(label=_("Deadline rule"), choices=DeadlineRule.choices)
    fixed_deadlines = forms.CharField(
        label=_("Fixed deadlines"), required=False,
        help_text=_("“dd/mm”, comma-separated, one per period of the year, e.g. 15/03, 15/06, 15/09, 15/12."))
    deadline_days = forms.IntegerField(label=_("Days after the period"), min_value=0, max_value=365, initial=0)
    shift_rule = forms.ChoiceField(label=_("Deadline on a weekend or holiday"), choices=ShiftRule.choices)
    one_off_start = forms.DateField(label=_("One-off period from"), required=False, help_text=_("dd/mm/yyyy"))
    one_off_end = forms.DateField(label=_("One-off period to"), required=False, help_text=_("dd/mm/yyyy"))
    one_off_due = forms.DateField(label=_("One-off deadline"), required=False, help_text=_("dd/mm/yyyy"))
    open_days_before = forms.IntegerField(label=_("Open the request days before the deadline"), min_value=0,
                                          max_value=365, initial=30)
    reminder_offsets = forms.CharField(label=_("Reminders (days before the deadline)"), required=False,
                                       initial="7, 3, 1", help_text=_("Comma-separated, e.g. 7, 3, 1."))
    active_from = forms.DateField(label=_("Active from"), required=False, help_text=_("dd/mm/yyyy"))
    active_until = forms.DateField(label=_("Active until"), required=False, help_text=_("dd/mm/yyyy"))
    sections = forms.MultipleChoiceField(label=_("Narrative sections"), required=False,
                                         choices=[(k, SECTION_LABELS[k]) for k in NARRATIVE_SECTIONS],
                                         widget=forms.CheckboxSelectMultiple, initial=list(NARRATIVE_SECTIONS))
    include_tasks = forms.BooleanField(label=_("Include the plan's tasks of the unit"), required=False,
                                       initial=True)
    indicators = forms.CharField(
        label=_("Indicators"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. The code of an existing indicator asks for it as it is; a new indicator is "
                    "written code | label | unit of measure | type (integer, decimal or percent) | min | max, e.g. "
                    "so_luot | Số lượt tiếp công dân | lượt | integer | 0 |"))
    proposal_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, obligation=None, **kwargs):
        if obligation is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_of(obligation)
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(is_active=True).order_by("order", "name")
        self.fields["units"].queryset = units
        self.fields["recipient_unit"].queryset = units
        self.fields["units"].label_from_instance = lambda u: u.display_short
        self.fields["recipient_unit"].label_from_instance = lambda u: u.display_short

    def indicator_catalogue(self):
        """The active indicators staff may pick by their code."""
        from .models import Indicator

        return Indicator.objects.filter(is_active=True).order_by("code")

    @staticmethod
    def initial_of(obligation) -> dict:
        return {
            **{name: getattr(obligation, name) for name in (
                "title", "units_rule", "unit_kind", "period_type", "calendar", "deadline_rule", "deadline_days",
                "shift_rule", "one_off_start", "one_off_end", "one_off_due", "open_days_before", "active_from",
                "active_until", "sections", "include_tasks", "proposal_key")},
            "recipient_unit": obligation.recipient_unit_id,
            "units": list(obligation.units.values_list("pk", flat=True)) if obligation.pk else [],
            "fixed_deadlines": ", ".join(obligation.fixed_deadlines or []),
            "reminder_offsets": ", ".join(str(o) for o in obligation.reminder_offsets or []),
            "indicators": "\n".join(indicator_line(i) for i in obligation.indicators),
        }

    def clean_fixed_deadlines(self):
        return _split(self.cleaned_data.get("fixed_deadlines", ""))

    def clean_reminder_offsets(self):
        values = _split(self.cleaned_data.get("reminder_offsets", ""))
        if not all(v.isdigit() for v in values):
            raise forms.ValidationError(_("Give whole numbers of days, comma-separated, e.g. 7, 3, 1."))
        return [int(v) for v in values]

    def clean_indicators(self):
        """Specs (``reporting.indicators``) of the lines: an existing code links its indicator as it is (the rest of
        the line is ignored); a new code adds an indicator from the line."""
        from .models import Indicator

        lines = [(n, line) for n, line in enumerate((self.cleaned_data.get("indicators") or "").splitlines(), 1)
                 if line.strip()]
        codes = [line.split("|", 1)[0].strip() for _n, line in lines]
        known = set(Indicator.objects.filter(code__in=codes).values_list("code", flat=True)) if codes else set()
        found, seen = [], set()
        for (number, line), code in zip(lines, codes, strict=True):
            if not code or code in seen:
                raise forms.ValidationError(_("Line %(n)d: each indicator needs its own code.") % {"n": number})
            seen.add(code)
            if code in known:
                found.append(code)
            else:
                found.append(_indicator_spec(number, line))
        return found

    def to_data(self) -> dict:
        return dict(self.cleaned_data)


class ConsolidatedForm(forms.Form):
    """Staff edit the compiled text of each section (and an opening summary) before issuing."""

    summary = forms.CharField(label=_("Opening paragraph"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        content = report.content or {}
        self.fields["summary"].initial = content.get("summary", "")
        self.section_keys = []
        for section in content.get("sections", []):
            key = section["key"]
            self.section_keys.append(key)
            self.fields[f"section_{key}"] = forms.CharField(
                label=section.get("label") or key, required=False, initial=section.get("text", ""),
                widget=forms.Textarea(attrs={"rows": 6}), max_length=100_000,
            )

    def to_data(self) -> dict:
        return {"summary": self.cleaned_data.get("summary", ""),
                "texts": {k: self.cleaned_data.get(f"section_{k}", "") for k in self.section_keys}}
