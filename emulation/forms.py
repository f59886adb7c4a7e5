from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from plans import uploads
from plans.choices import UnitKind
from plans.numbers import LocalizedDecimalField
from reporting.models import Indicator

from .choices import Measure
from .models import Movement, Phase, Target


class MovementForm(forms.ModelForm):
    two_halves = forms.BooleanField(label=_("Create the two phases of the year (01/01–30/06 and 01/07–31/12)"),
                                    required=False, initial=True)

    class Meta:
        model = Movement
        fields = ["title", "year", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the year makes the phases' dates: bounded like every year the portal takes (year 0 crashed the page)
        year = self.fields["year"]
        year.validators += [MinValueValidator(2000), MaxValueValidator(2100)]
        year.widget.attrs.update(min=2000, max=2100)


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["name", "start", "end"]
        widgets = {"start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def _indicators():
    return Indicator.objects.filter(is_active=True).order_by("name")


class TargetForm(forms.ModelForm):
    value = LocalizedDecimalField(label=_("target value"), max_digits=14, decimal_places=4,
                                  help_text=_("For a count of units above a threshold: how many units."))
    value_high = LocalizedDecimalField(label=_("upper bound"), max_digits=14, decimal_places=4, required=False)
    threshold = LocalizedDecimalField(label=_("threshold"), max_digits=14, decimal_places=4, required=False)
    baseline = LocalizedDecimalField(label=_("baseline"), max_digits=14, decimal_places=4, required=False)
    factor = LocalizedDecimalField(label=_("multiplier"), max_digits=14, decimal_places=4, required=False,
                                   help_text=_("The ratio is multiplied by it, e.g. 10.000 for a rate per 10.000."))
    indicator = forms.ModelChoiceField(label=_("indicator"), queryset=_indicators(), required=False,
                                       help_text=_("Leave empty to add the target to the indicator catalogue."))
    numerator = forms.ModelChoiceField(label=_("numerator"), queryset=_indicators(), required=False)
    denominator = forms.ModelChoiceField(label=_("denominator"), queryset=_indicators(), required=False)
    unit_kind = forms.ChoiceField(label=_("kind of unit"), choices=[("", "—"), *UnitKind.choices], required=False)

    class Meta:
        model = Target
        fields = ["name", "indicator", "measure", "direction", "value", "value_high", "threshold", "baseline",
                  "baseline_year", "scope", "unit_kind", "source", "numerator", "denominator", "factor", "order",
                  "proposal_key"]
        widgets = {"proposal_key": forms.HiddenInput(), "name": forms.TextInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("indicator", "numerator", "denominator"):
            self.fields[name].queryset = _indicators()
        self.fields["order"].required = False

    def to_data(self) -> dict:
        return dict(self.cleaned_data)


def result_fields(target, unit_key: str, label: str) -> dict[str, forms.Field]:
    """The inputs of one row of the results form: the value, or the two counts of a computed target."""
    if target.is_computed:
        return {f"{unit_key}_n": LocalizedDecimalField(label=f"{label} — {target.numerator.name}", required=False,
                                                       min_value=0),
                f"{unit_key}_d": LocalizedDecimalField(label=f"{label} — {target.denominator.name}", required=False,
                                                       min_value=0)}
    bounds = {"min_value": 0, "max_value": 100} if target.measure == Measure.PERCENT else {"min_value": 0}
    return {unit_key: LocalizedDecimalField(label=label, required=False, **bounds)}


class ResultsForm(forms.Form):
    """One row per unit the user may enter (``u<pk>``), and the sector's own figure (``sector``) for managers."""

    def __init__(self, *args, target, rows, sector=None, with_sector: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.row_keys = []
        for row in rows:
            key = f"u{row.unit.pk}"
            self.fields.update(result_fields(target, key, row.unit.display_short))
            self.row_keys.append((row, key))
            if row.result is not None:
                self._initial(key, row.result)
        self.with_sector = with_sector and not target.is_computed
        if self.with_sector:
            self.fields.update(result_fields(target, "sector", str(_("Whole sector"))))
            if sector is not None:
                self.fields["sector"].initial = sector.value

    def _initial(self, key, result):
        if self.target.is_computed:
            self.fields[f"{key}_n"].initial, self.fields[f"{key}_d"].initial = result.numerator, result.denominator
        else:
            self.fields[key].initial = result.value

    def figures(self, key) -> dict:
        data = self.cleaned_data
        if self.target.is_computed:
            return {"numerator": data.get(f"{key}_n"), "denominator": data.get(f"{key}_d")}
        return {"value": data.get(key)}

    def to_rows(self) -> list[dict]:
        rows = [{"unit": row.unit, **self.figures(key)} for row, key in self.row_keys]
        if self.with_sector:
            rows.append({"unit": None, **self.figures("sector")})
        return rows

    def bound_rows(self):
        for row, key in self.row_keys:
            names = [f"{key}_n", f"{key}_d"] if self.target.is_computed else [key]
            yield row, [self[name] for name in names]


class ImportForm(forms.Form):
    """The results workbook: checked by content and size (``plans.uploads``) before openpyxl opens it."""

    MAX_BYTES = 5 * 1024 * 1024

    file = forms.FileField(label=_("Excel file (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_upload(upload, kinds={"xlsx": "xlsx"}, max_bytes=self.MAX_BYTES,
                             refused=_("“%(name)s”: only an Excel workbook (.xlsx) can be imported."))
        return upload


class RegistrationForm(forms.ModelForm):
    class Meta:
        from .models import Registration

        model = Registration
        fields = ["year", "person_name", "title", "commitments"]
        widgets = {"commitments": forms.Textarea(attrs={"rows": 3})}


class NominationForm(forms.ModelForm):
    class Meta:
        from .models import Nomination

        model = Nomination
        fields = ["year", "person_name", "title", "evidence"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 3})}


class ChecklistForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    criteria = forms.CharField(label=_("Criteria (one per line)"), widget=forms.Textarea(attrs={"rows": 5}))


class ExemplarForm(forms.ModelForm):
    class Meta:
        from .models import Exemplar

        model = Exemplar
        fields = ["year", "kind", "name", "story"]
        widgets = {"story": forms.Textarea(attrs={"rows": 4})}
