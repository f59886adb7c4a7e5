"""The unit's report form (built from the obligation's template) and the reviewer's decision form."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NARRATIVE_SECTIONS, SECTION_LABELS, ReviewDecision, TaskStatus


class ReportForm(forms.Form):
    """Narrative sections, the status and a note for each of the unit's tasks, indicator values, attachment."""

    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)

    def __init__(self, *args, obligation, tasks, submission=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        narrative = submission.narrative if submission else {}
        updates = submission.task_updates if submission else {}
        values = submission.indicator_values if submission else {}
        self.section_keys = [k for k in (obligation.sections or NARRATIVE_SECTIONS) if k in SECTION_LABELS]
        for key in self.section_keys:
            self.fields[f"narrative_{key}"] = forms.CharField(
                label=SECTION_LABELS[key], required=False, initial=narrative.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.tasks = list(tasks) if obligation.include_tasks else []
        for task in self.tasks:
            update = updates.get(str(task.pk), {})
            self.fields[f"task_{task.pk}_status"] = forms.ChoiceField(
                label=_("Status"), choices=[("", "—"), *TaskStatus.choices], required=False,
                initial=update.get("status", ""),
            )
            self.fields[f"task_{task.pk}_note"] = forms.CharField(
                label=_("Note"), required=False, max_length=2000, initial=update.get("note", ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.indicators = [i for i in (obligation.indicators or []) if isinstance(i, dict) and i.get("code")]
        for indicator in self.indicators:
            code = str(indicator["code"])
            self.fields[f"indicator_{code}"] = forms.DecimalField(
                label=indicator.get("label") or code, required=False, localize=True, max_digits=14,
                decimal_places=4, initial=values.get(code),
            )

    # grouped for the template
    def narrative_fields(self):
        return [self[f"narrative_{k}"] for k in self.section_keys]

    def task_rows(self):
        return [(t, self[f"task_{t.pk}_status"], self[f"task_{t.pk}_note"]) for t in self.tasks]

    def indicator_fields(self):
        return [self[f"indicator_{i['code']}"] for i in self.indicators]

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
            "indicator_values": {str(i["code"]): number(data.get(f"indicator_{i['code']}")) for i in self.indicators},
            "attachment": data.get("attachment"),
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == ReviewDecision.RETURN and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what must be revised."))
        return data
