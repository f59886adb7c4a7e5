"""Forms of the dialogue app: they clean what was typed; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.choices import PlanKind
from plans.formfields import IdChoiceField, IdMultipleChoiceField
from plans.forms import DateField
from plans.models import Plan, Unit, User
from plans.policy import plan_visibility_q

from . import abuse, policy
from .choices import Channel, Complexity, PetitionKind, SessionForm
from .models import Question, Topic

DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
_TEXT = forms.Textarea(attrs={"rows": 3})


class SessionEditForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300)
    form = forms.ChoiceField(label=_("form"), choices=SessionForm.choices)
    starts_at = forms.DateTimeField(label=_("date and time"), input_formats=DATETIME_INPUT_FORMATS,
                                    widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M",
                                                               attrs={"placeholder": _("dd/mm/yyyy hh:mm")}),
                                    error_messages={"invalid": _("Enter a date and time as dd/mm/yyyy hh:mm.")})
    place = forms.CharField(label=_("place"), max_length=300, required=False)
    link = forms.URLField(label=_("link"), max_length=300, required=False, assume_scheme="https")
    organising_unit = IdChoiceField(label=_("organising room"), queryset=Unit.objects.none())
    chair = IdChoiceField(label=_("chair"), queryset=User.objects.none(), required=False)
    plan = IdChoiceField(label=_("plan"), queryset=Plan.objects.none(), required=False)
    topics = IdMultipleChoiceField(label=_("topics"), queryset=Topic.objects.none(), required=False,
                                   widget=forms.CheckboxSelectMultiple)
    new_topics = forms.CharField(label=_("other topics (one per line)"), required=False, max_length=2000,
                                 widget=_TEXT)
    delegates = forms.CharField(label=_("invited delegates (one per line)"), required=False, max_length=5000,
                                widget=_TEXT)
    documents = forms.CharField(label=_("documents prepared (one per line)"), required=False, max_length=5000,
                                widget=_TEXT)
    attendance = forms.IntegerField(label=_("attendance"), required=False, min_value=0, max_value=100000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organising_unit"].queryset = Unit.objects.filter(policy.organising_units_q(user), is_active=True)
        self.fields["chair"].queryset = User.objects.filter(is_active=True, unit__kind__in=("department", "room"))
        self.fields["plan"].queryset = Plan.objects.filter(plan_visibility_q(user), kind=PlanKind.DIALOGUE).distinct()
        self.fields["topics"].queryset = Topic.objects.filter(is_active=True)


class HeldForm(forms.Form):
    attendance = forms.IntegerField(label=_("attendance"), required=False, min_value=0, max_value=100000)


class ApproveForm(forms.Form):
    summary = forms.CharField(label=_("minutes: conclusion"), max_length=10000, widget=_TEXT)


class EntryForm(forms.Form):
    raised_by = forms.CharField(label=_("raised by"), max_length=200)
    topic = IdChoiceField(label=_("topic"), queryset=Topic.objects.none(), required=False)
    question = forms.CharField(label=_("question or issue"), max_length=5000, widget=_TEXT)
    answer = forms.CharField(label=_("answer"), max_length=5000, required=False, widget=_TEXT)
    answered_by = forms.CharField(label=_("answered by"), max_length=200, required=False)
    needs_action = forms.BooleanField(label=_("needs action (becomes a follow-up)"), required=False)
    action = forms.CharField(label=_("action required"), max_length=2000, required=False, widget=_TEXT)
    responsible_unit = IdChoiceField(label=_("responsible unit"), queryset=Unit.objects.none(), required=False)
    due_date = DateField(label=_("deadline"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)
        self.fields["responsible_unit"].queryset = Unit.objects.filter(is_active=True).exclude(kind="partner")

    def clean(self):
        data = super().clean()
        if data.get("needs_action"):
            for name in ("action", "responsible_unit", "due_date"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Required for a follow-up."))
        return data

    def follow_up(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("needs_action"):
            return None
        return {"action": data["action"], "responsible_unit": data["responsible_unit"], "due_date": data["due_date"]}


class ResolveForm(forms.Form):
    resolution = forms.CharField(label=_("resolution"), max_length=5000, widget=_TEXT)


class QuestionForm(forms.Form):
    """The public form: length limits on every field, a honeypot field that people never see."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    contact = forms.CharField(label=_("Phone or e-mail (never published)"), max_length=120)
    topic = IdChoiceField(label=_("topic"), queryset=Topic.objects.none(), required=False)
    text = forms.CharField(label=_("Your question"), max_length=abuse.TEXT_MAX, min_length=10,
                           widget=forms.Textarea(attrs={"rows": 6}),
                           error_messages={"max_length": _("Your question is too long: at most %(limit_value)d "
                                                           "characters (it has %(show_value)d)."),
                                           "min_length": _("Your question is too short.")})
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)


class ModerateForm(forms.Form):
    ACTIONS = (("publish", _("Publish")), ("reject", _("Reject")), ("merge", _("Merge into")),
               ("answer", _("Answer")))
    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(label=_("reason for rejection"), max_length=500, required=False)
    into = IdChoiceField(label=_("merged into"), queryset=Question.objects.none(), required=False)
    answer = forms.CharField(label=_("answer"), max_length=10000, required=False, widget=_TEXT)
    answered_by = forms.CharField(label=_("answered by"), max_length=200, required=False)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Question.objects.filter(session=session)


class PetitionForm(forms.Form):
    unit = IdChoiceField(label=_("receiving unit"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("kind"), choices=PetitionKind.choices)
    channel = forms.ChoiceField(label=_("channel"), choices=Channel.choices)
    received_on = DateField(label=_("received on"))
    petitioner = forms.CharField(label=_("petitioner"), max_length=200)
    contact = forms.CharField(label=_("address or contact"), max_length=300, required=False)
    summary = forms.CharField(label=_("content"), max_length=10000, widget=_TEXT)
    complexity = forms.ChoiceField(label=_("complexity"), choices=Complexity.choices, initial=Complexity.NORMAL)
    remote_area = forms.BooleanField(label=_("remote, hard-to-reach area"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(policy.register_units_q(user), is_active=True)
        if user.unit_id and not self.is_bound:
            self.initial.setdefault("unit", user.unit_id)


class PetitionActionForm(forms.Form):
    ACTIONS = (("assign", _("Assign")), ("extend", _("Extend the time limit")), ("resolve", _("Record the resolution")),
               ("close", _("Close")))
    action = forms.ChoiceField(choices=ACTIONS)
    unit = IdChoiceField(label=_("assigned to"), queryset=Unit.objects.none(), required=False)
    complexity = forms.ChoiceField(label=_("complexity"), choices=Complexity.choices, required=False)
    resolution = forms.CharField(label=_("resolution"), max_length=10000, required=False, widget=_TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True).exclude(kind="partner")


class ReceptionForm(forms.Form):
    unit = IdChoiceField(label=_("unit"), queryset=Unit.objects.none())
    date = DateField(label=_("date"))
    citizen = forms.CharField(label=_("citizen"), max_length=200)
    matter = forms.CharField(label=_("matter"), max_length=10000, widget=_TEXT)
    outcome = forms.CharField(label=_("outcome"), max_length=10000, required=False, widget=_TEXT)
    make_petition = forms.BooleanField(label=_("enter it as a petition"), required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=PetitionKind.choices, required=False)
    complexity = forms.ChoiceField(label=_("complexity"), choices=Complexity.choices, required=False)
    remote_area = forms.BooleanField(label=_("remote, hard-to-reach area"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(policy.register_units_q(user), is_active=True)
        if user.unit_id and not self.is_bound:
            self.initial.setdefault("unit", user.unit_id)

    def petition_data(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("make_petition"):
            return None
        return {"kind": data.get("kind") or PetitionKind.FEEDBACK, "channel": Channel.IN_PERSON,
                "complexity": data.get("complexity") or Complexity.NORMAL, "remote_area": data.get("remote_area")}
