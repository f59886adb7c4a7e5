"""Forms of the plans pages. They validate input; the services in ``plans.services`` change state."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans.formfields import IdChoiceField, IdMultipleChoiceField

from .choices import ItemStyle
from .models import Item, LegalBasis, Plan, Recipient, Responsibility, Unit
from .services import PLAN_HEADER_FIELDS

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]


def today_local() -> dt.date:
    """Today in the portal's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localdate()


class DateField(forms.DateField):
    """A date typed as dd/mm/yyyy."""

    widget = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": _("dd/mm/yyyy"), "autocomplete": "off"})
    default_error_messages = {"invalid": _("Enter a date as dd/mm/yyyy, e.g. 29/01/2021.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)


class VersionField(forms.IntegerField):
    """The ``version`` the editor loaded, posted back so that a stale save is refused."""

    widget = forms.HiddenInput
    default_error_messages = {
        "invalid": _("The form is out of date (bad version). Reload the page and try again."),
        "required": _("The form is out of date (no version). Reload the page and try again."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)


class VersionedFormMixin:
    """Edit forms carry the version; after a conflict the form shows the saved values and the new version.

    ``editing=True``: an existing object is edited, so the version is required (and starts at the object's).
    ``service_fields``: the cleaned fields passed to the service as ``data``.
    """

    service_fields: tuple[str, ...] = ()
    compare_fields: tuple[str, ...] = ()

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = editing
        instance = getattr(self, "instance", None)
        if editing and instance is not None and instance.pk:
            self.fields["version"].initial = instance.version

    def expected_version(self):
        return self.cleaned_data.get("version")

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.service_fields if name in self.cleaned_data}

    def current_values(self):
        return getattr(self, "_current_values", None)

    def refresh_after_conflict(self, current):
        """Keep the typed data, take the saved object's new version, and remember its values for comparison."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(current.version)
        self.data = data
        self._current_values = [
            (self.fields[name].label, _display_value(current, name)) for name in self.compare_fields
            if name in self.fields
        ]


def _display_value(obj, name):
    value = getattr(obj, name, "")
    display = getattr(obj, f"get_{name}_display", None)
    if display is not None:
        return display()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value if value not in (None, "") else "—"


def unit_queryset():
    return Unit.objects.filter(is_active=True).order_by("order", "name")


# --- plan header -----------------------------------------------------------------------


class PlanForm(VersionedFormMixin, forms.ModelForm):
    """The plan's header: what the services accept in ``data``, and its one or two issuers."""

    issuer_1 = IdChoiceField(
        label=_("Issuing unit"), queryset=unit_queryset(), required=False,
        help_text=_("Leave empty to issue in the name of the drafting unit's department."),
    )
    issuer_2 = IdChoiceField(
        label=_("Second issuing unit (joint plan)"), queryset=unit_queryset(), required=False,
    )
    version = VersionField(required=False)

    compare_fields = service_fields = PLAN_HEADER_FIELDS

    class Meta:
        model = Plan
        fields = list(PLAN_HEADER_FIELDS)
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "title": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, editing=editing, **kwargs)
        self.fields["year"].initial = self.fields["year"].initial or today_local().year
        if editing and self.instance.pk:
            links = list(self.instance.issuer_links.all())
            if links:
                self.fields["issuer_1"].initial = links[0].unit_id
            if len(links) > 1:
                self.fields["issuer_2"].initial = links[1].unit_id

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("issuer_1"), cleaned.get("issuer_2")
        if second and not first:
            self.add_error("issuer_1", _("Choose the first issuing unit before the second one."))
        if first and second and first == second:
            self.add_error("issuer_2", _("The two issuing units must be different."))
        return cleaned

    def issuers(self) -> list[Unit] | None:
        units = [u for u in (self.cleaned_data.get("issuer_1"), self.cleaned_data.get("issuer_2")) if u]
        return units or None


# --- sections and items -------------------------------------------------------------------


class SectionForm(VersionedFormMixin, forms.Form):
    title = forms.CharField(label=_("Section title"), max_length=500)
    intro = forms.CharField(label=_("Introductory text"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = VersionField(required=False)

    compare_fields = ("title", "intro")


class ItemForm(VersionedFormMixin, forms.Form):
    style = forms.ChoiceField(label=_("Marker"), choices=ItemStyle.choices, initial=ItemStyle.NUMBER)
    heading = forms.CharField(label=_("Heading (optional)"), max_length=500, required=False)
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = VersionField(required=False)

    compare_fields = ("style", "heading", "text")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or "").strip() and not (cleaned.get("heading") or "").strip():
            raise forms.ValidationError(_("Write the item's text or its heading."), code="empty_item")
        return cleaned


class ItemCreateForm(ItemForm):
    """Adds an item at the end of a section, or as the last child of ``parent``."""

    parent = IdChoiceField(queryset=Item.objects.none(), required=False, widget=forms.HiddenInput,
                                    error_messages={"invalid_choice": _("The parent item does not exist any more.")})

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.fields["parent"].queryset = Item.objects.filter(plan=plan)


class MoveForm(forms.Form):
    direction = forms.TypedChoiceField(choices=[("-1", "-1"), ("1", "1")], coerce=int,
                                       error_messages={"invalid_choice": _("Move up or down only.")})


# --- legal bases, responsibilities, recipients ---------------------------------------------


class LegalBasisForm(VersionedFormMixin, forms.ModelForm):
    date = DateField(label=_("date"), required=False)
    version = VersionField(required=False)

    compare_fields = service_fields = ("lead_in", "doc_type", "number", "date", "issuer", "summary")

    class Meta:
        model = LegalBasis
        fields = ["lead_in", "doc_type", "number", "date", "issuer", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}


class ResponsibilityForm(VersionedFormMixin, forms.ModelForm):
    item = IdChoiceField(label=_("item"), queryset=Item.objects.none(), required=False,
                                  widget=forms.HiddenInput)
    lead_unit = IdChoiceField(label=_("lead unit"), queryset=unit_queryset(), required=False)
    supporting_units = IdMultipleChoiceField(label=_("supporting units"), queryset=unit_queryset(),
                                                      required=False,
                                                      widget=forms.SelectMultiple(attrs={"size": 4}))
    due_date = DateField(label=_("deadline"), required=False)
    version = VersionField(required=False)

    compare_fields = ("lead_text", "due_date", "recurrence", "expected_output")
    service_fields = ("item", "lead_unit", "lead_text", "due_date", "recurrence", "expected_output")

    class Meta:
        model = Responsibility
        fields = ["item", "lead_unit", "lead_text", "supporting_units", "due_date", "recurrence", "expected_output"]

    def __init__(self, *args, plan=None, unit_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.fields["item"].queryset = Item.objects.filter(plan=plan)
        if unit_choices is not None:  # pre-built once per page: no query per rendered form
            self.fields["lead_unit"].choices = [("", "---------"), *unit_choices]
            self.fields["supporting_units"].choices = unit_choices

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("lead_unit") and not (cleaned.get("lead_text") or "").strip():
            self.add_error("lead_unit", _("Choose the lead unit or write who leads."))
        return cleaned


class RecipientForm(VersionedFormMixin, forms.ModelForm):
    version = VersionField(required=False)

    compare_fields = service_fields = ("text", "purpose")

    class Meta:
        model = Recipient
        fields = ["text", "purpose"]


# --- workflow ----------------------------------------------------------------------------


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(CommentForm):
    comment = forms.CharField(label=_("What must the author change?"), widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": _("Write what the author must change.")})


class IssueForm(CommentForm):
    """The date of issue, asked on the plan page; the number is shown for confirmation before it is taken."""

    issued_on = DateField(label=_("Date of issue"), error_messages={"required": _("Enter the date of issue.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].initial = today_local()


class IssueConfirmForm(IssueForm):
    """The confirmed issue: the number the approver saw, sent back from the confirmation page."""

    number = forms.IntegerField(min_value=1, widget=forms.HiddenInput,
                                error_messages={"required": _("Confirm the number on the confirmation page first.")})
