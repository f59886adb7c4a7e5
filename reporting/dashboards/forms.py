"""The dashboards' query parameters: checked like any input (a wrong value is an error shown, never a 500)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import TASK_STATES, TIMELINESS_STATES

TASK_STATE_LABELS = {"done": _("Done"), "in_progress": _("In progress"), "overdue": _("Overdue")}
TIMELINESS_LABELS = {"on_time": _("On time"), "late": _("Late"), "missing": _("Missing"), "pending": _("Not yet due")}


class DashboardFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    unit = forms.IntegerField(label=_("Unit"), min_value=1, required=False)
    plan = forms.IntegerField(label=_("Plan"), min_value=1, required=False)
    period = forms.IntegerField(label=_("Period"), min_value=1, required=False)
    obligation = forms.IntegerField(label=_("Obligation"), min_value=1, required=False)
    state = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "—")] + [
        (key, TASK_STATE_LABELS.get(key) or TIMELINESS_LABELS[key]) for key in (*TASK_STATES, *TIMELINESS_STATES)])

    def values(self, *, default_year: int | None) -> dict:
        """The valid parameters (a wrong one is dropped, its error shown by the page)."""
        self.is_valid()
        data = {name: None if name in self.errors else self.cleaned_data.get(name) for name in self.fields}
        data["year"] = data.get("year") or default_year
        data["state"] = data.get("state") or ""
        return data
