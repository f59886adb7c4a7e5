"""Forms of coordination: what is typed is checked here, the rules in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.choices import UnitKind
from plans.formfields import IdChoiceField
from plans.forms import DateField
from plans.models import Unit, User
from reporting.forms import MultipleFileField

from .choices import DutyStatus, IncidentKind, IncidentStatus, MeetingKind, MeetingStatus, ModelField
from .models import Commitment, CommitteeMember, Party

TEXT = forms.Textarea(attrs={"rows": 3})


def _users():
    return User.objects.filter(is_active=True).select_related("unit").order_by("unit__name", "last_name")


class UserChoiceField(IdChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} — {obj.unit.display_short}" if obj.unit_id else str(obj)


class PartyForm(forms.Form):
    standing_body = forms.CharField(label=_("Standing body"), max_length=255, required=False)


class DutyCreateForm(forms.Form):
    party = IdChoiceField(label=_("Party"), queryset=Party.objects.none())
    text = forms.CharField(label=_("Duty"), max_length=4000, widget=TEXT)
    responsible = UserChoiceField(label=_("Responsible person"), queryset=User.objects.none(), required=False)
    due_date = DateField(label=_("Deadline"), required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = agreement.parties.select_related("unit")
        self.fields["responsible"].queryset = _users()


class DutyUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DutyStatus.choices)
    date = DateField(label=_("Date"))
    note = forms.CharField(label=_("Progress"), max_length=4000, widget=TEXT)
    evidence = MultipleFileField(label=_("Evidence files (optional)"), required=False)
    responsible = UserChoiceField(label=_("Responsible person"), queryset=User.objects.none(), required=False)

    def __init__(self, *args, can_assign: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if can_assign:
            self.fields["responsible"].queryset = _users()
        else:
            del self.fields["responsible"]


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Name of the meeting"), max_length=255)
    date = DateField(label=_("Date"))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    host = IdChoiceField(label=_("Organised by"), queryset=Party.objects.none())
    chair = forms.CharField(label=_("Chair"), max_length=255, required=False)
    agenda = forms.CharField(label=_("Agenda"), max_length=8000, required=False, widget=TEXT)

    def __init__(self, *args, agreement, with_status: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = agreement.parties.select_related("unit")
        if with_status:
            self.fields["status"] = forms.ChoiceField(label=_("Status"), choices=MeetingStatus.choices)


class AttendeeForm(forms.Form):
    party = IdChoiceField(label=_("Party"), queryset=Party.objects.none())
    name = forms.CharField(label=_("Name"), max_length=255)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = agreement.parties.select_related("unit")


class MinutesForm(forms.Form):
    text = forms.CharField(label=_("Minutes of the meeting"), max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 8}))
    secretary = forms.CharField(label=_("Secretary"), max_length=255, required=False)


class DecisionForm(forms.Form):
    title = forms.CharField(label=_("Decision of the meeting"), max_length=500)
    owner = UserChoiceField(label=_("Owner"), queryset=User.objects.none())
    deadline = DateField(label=_("Deadline"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _users()


class CloseForm(forms.Form):
    result = forms.CharField(label=_("Result"), max_length=4000, widget=TEXT)


class ModelForm(forms.Form):
    unit = IdChoiceField(label=_("Proposing unit"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Name of the model"), max_length=255)
    field = forms.ChoiceField(label=_("Field"), choices=ModelField.choices)
    description = forms.CharField(label=_("Description"), max_length=8000, required=False, widget=TEXT)
    results = forms.CharField(label=_("Results"), max_length=8000, required=False, widget=TEXT)
    evidence = MultipleFileField(label=_("Evidence files (optional)"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReplicationForm(forms.Form):
    unit = IdChoiceField(label=_("Unit"), queryset=Unit.objects.filter(kind=UnitKind.FACILITY, is_active=True))
    started_on = DateField(label=_("Since"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class IncidentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of incident"), choices=IncidentKind.choices)
    title = forms.CharField(label=_("What happened"), max_length=255)
    occurred_on = DateField(label=_("Occurred on"))
    description = forms.CharField(label=_("Description"), max_length=8000, required=False, widget=TEXT)


class IncidentActionForm(forms.Form):
    date = DateField(label=_("Date"))
    text = forms.CharField(label=_("Action taken"), max_length=4000, widget=TEXT)
    status = forms.ChoiceField(label=_("Status"), choices=IncidentStatus.choices)
    assignee = UserChoiceField(label=_("Handled by"), queryset=User.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _users()


class ChecklistForm(forms.Form):
    """One "done" box and one evidence line per item of Thông tư 05/2021/TT-BYT."""

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        from .democracy import LABELS

        self.entries = list(checklist.entries.all())
        for entry in self.entries:
            self.fields[f"done_{entry.code}"] = forms.BooleanField(label=LABELS.get(entry.code, entry.code),
                                                                   required=False, initial=entry.done)
            self.fields[f"evidence_{entry.code}"] = forms.CharField(label=_("Evidence"), max_length=500,
                                                                    required=False, initial=entry.evidence)

    def entries_data(self) -> dict:
        return {entry.code: (self.cleaned_data[f"done_{entry.code}"], self.cleaned_data[f"evidence_{entry.code}"])
                for entry in self.entries}


class CommitteeForm(forms.Form):
    unit = IdChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Name"), max_length=255)
    decided_on = DateField(label=_("Set up on"), required=False)
    working_rules = forms.FileField(label=_("Working rules (optional)"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=CommitteeMember.ROLES)
    duties = forms.CharField(label=_("Duties"), max_length=4000, required=False, widget=TEXT)


class CommitmentForm(forms.Form):
    whose = forms.ChoiceField(label=_("Whose commitment"), choices=(("me", _("Mine")), ("unit", _("My unit's"))))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    text = forms.CharField(label=_("Commitment"), max_length=8000, widget=TEXT)


class EvaluationForm(forms.Form):
    self_evaluation = forms.CharField(label=_("Self-evaluation"), max_length=8000, widget=TEXT)
    rating = forms.ChoiceField(label=_("Rating"), choices=Commitment.RATINGS)
