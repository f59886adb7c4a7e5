"""Thin views of coordination: each reads through a selector and changes through one service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plans.exports import wants_xlsx, xlsx_response
from plans.models import Unit
from plans.selectors import plan_get

from . import exports, forms, policy, selectors, services
from .choices import MeetingKind, ModelStatus
from .models import Party

LIST_LIMIT = 500


def _errors(form, error: ValidationError) -> None:
    form.add_error(None, " ".join(error.messages))


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else None


def _export(spec, rows):
    return xlsx_response(filename=spec.filename, title=spec.title, columns=spec.columns, rows=rows)


# --- Agreements -----------------------------------------------------------------------------------------


@login_required
def index(request):
    rows = selectors.agreement_list(user=request.user)[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.AGREEMENTS, rows)
    return render(request, "coordination/index.html", {"rows": rows})


def _agreement_context(request, agreement, **extra):
    user = request.user
    manage = policy.can_manage(user, agreement)
    duties = list(selectors.agreement_duties(agreement))
    for duty in duties:
        duty.can_update = manage or policy.is_party_member(user, duty.party) or duty.responsible_id == user.pk
    return {
        "agreement": agreement, "plan": agreement.plan, "parties": agreement.parties.select_related("unit"),
        "duties": duties, "meetings": selectors.agreement_meetings(agreement), "can_manage": manage,
        "incidents": selectors.incident_list(user=user).filter(agreement=agreement),
        "can_handle_incidents": policy.can_handle_incidents(user, agreement),
        "duty_form": extra.pop("duty_form", None) or (forms.DutyCreateForm(agreement=agreement) if manage else None),
        **extra,
    }


@login_required
def agreement(request, pk: int):
    agreement = selectors.agreement_get(user=request.user, pk=pk)
    if wants_xlsx(request):
        return _export(exports.DUTIES, selectors.agreement_duties(agreement))
    return render(request, "coordination/agreement.html", _agreement_context(request, agreement))


@login_required
@require_POST
def agreement_create(request, plan_pk: int):
    plan = plan_get(user=request.user, pk=plan_pk)
    try:
        agreement = services.agreement_create(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    return redirect(agreement)


@login_required
@require_POST
def party_update(request, pk: int):
    party = Party.objects.select_related("agreement__plan").filter(pk=pk).first()
    if party is None or not policy.can_view_agreement(request.user, party.agreement):
        raise Http404
    form = forms.PartyForm(request.POST)
    if form.is_valid():
        services.party_update(actor=request.user, party=party, standing_body=form.cleaned_data["standing_body"])
        messages.success(request, _("The standing body was saved."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(party.agreement)


@login_required
@require_POST
def duty_create(request, pk: int):
    agreement = selectors.agreement_get(user=request.user, pk=pk)
    if not policy.can_manage(request.user, agreement):
        raise PermissionDenied
    form = forms.DutyCreateForm(request.POST, agreement=agreement)
    if form.is_valid():
        try:
            services.duty_create(actor=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The duty was added."))
            return redirect(agreement)
    return render(request, "coordination/agreement.html", _agreement_context(request, agreement, duty_form=form),
                  status=400)


@login_required
def duty(request, pk: int):
    duty = selectors.duty_get(user=request.user, pk=pk)
    can_update = policy.can_update_duty(request.user, duty)
    can_assign = policy.can_manage(request.user, duty.agreement)
    form = None
    if request.method == "POST":
        if not can_update:
            raise PermissionDenied
        form = forms.DutyUpdateForm(request.POST, request.FILES, can_assign=can_assign)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.duty_update(actor=request.user, duty=duty, status=data["status"], note=data["note"],
                                     date=data["date"], files=data["evidence"], responsible=data.get("responsible"),
                                     today=timezone.localdate())
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The duty was updated."))
                return redirect(duty)
    elif can_update:
        form = forms.DutyUpdateForm(can_assign=can_assign, initial={
            "status": duty.status, "date": timezone.localdate(), "responsible": duty.responsible_id})
    return render(request, "coordination/duty.html", {
        "duty": duty, "agreement": duty.agreement, "form": form,
        "notes": duty.notes.select_related("author"), "evidence": duty.evidence.all(),
    }, status=400 if form is not None and form.errors else 200)


@login_required
def evidence(request, pk: int):
    evidence = selectors.evidence_get(user=request.user, pk=pk)
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=evidence.name)


# --- Meetings -------------------------------------------------------------------------------------------


@login_required
@require_POST
def meetings_generate(request, pk: int):
    agreement = selectors.agreement_get(user=request.user, pk=pk)
    created = services.meetings_generate(actor=request.user, agreement=agreement, year=agreement.plan.year)
    messages.success(request, _("%(count)d meeting(s) scheduled.") % {"count": len(created)})
    return redirect(agreement)


@login_required
def meeting_create(request, pk: int):
    agreement = selectors.agreement_get(user=request.user, pk=pk)
    if not policy.can_manage(request.user, agreement):
        raise PermissionDenied
    if request.method == "POST":
        form = forms.MeetingForm(request.POST, agreement=agreement)
        if form.is_valid():
            try:
                meeting = services.meeting_create(actor=request.user, agreement=agreement, data=form.cleaned_data)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The meeting was added."))
                return redirect(meeting)
    else:
        form = forms.MeetingForm(agreement=agreement, initial={"kind": MeetingKind.CONFERENCE})
    return render(request, "coordination/meeting_form.html", {"form": form, "agreement": agreement},
                  status=400 if form.errors else 200)


@login_required
def meetings(request):
    rows = selectors.meeting_list(user=request.user, year=_year(request))[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.MEETINGS, rows)
    return render(request, "coordination/meetings.html", {"rows": rows, "year": _year(request)})


def _meeting_context(request, meeting, **forms_):
    user = request.user
    agreement = meeting.agreement
    manage = policy.can_manage(user, agreement)
    minutes = getattr(meeting, "minutes", None)
    own_parties = [p for p in agreement.parties.select_related("unit") if policy.can_nominate(user, meeting, p)]
    attendee_form = forms.AttendeeForm(agreement=agreement) if own_parties else None
    if attendee_form is not None:
        attendee_form.fields["party"].queryset = agreement.parties.filter(pk__in=[p.pk for p in own_parties])
    context = {
        "meeting": meeting, "agreement": agreement, "can_manage": manage, "minutes": minutes,
        "attendees": meeting.attendees.select_related("party__unit"),
        "followups": meeting.followups.select_related("owner"),
        "form": forms.MeetingForm(agreement=agreement, with_status=True, initial={
            "kind": meeting.kind, "title": meeting.title, "date": meeting.date, "place": meeting.place,
            "host": meeting.host_id, "chair": meeting.chair, "agenda": meeting.agenda, "status": meeting.status,
        }) if manage else None,
        "attendee_form": attendee_form,
        "minutes_form": forms.MinutesForm(initial={"text": minutes.text, "secretary": minutes.secretary}
                                          if minutes else None) if manage else None,
        "decision_form": forms.DecisionForm() if manage and minutes else None,
    }
    context.update({name: form for name, form in forms_.items() if form is not None})
    return context


def _meeting_page(request, meeting, status=200, **forms_):
    return render(request, "coordination/meeting.html", _meeting_context(request, meeting, **forms_), status=status)


@login_required
def meeting(request, pk: int):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    if request.method == "POST":
        if not policy.can_manage(request.user, meeting.agreement):
            raise PermissionDenied
        form = forms.MeetingForm(request.POST, agreement=meeting.agreement, with_status=True)
        if form.is_valid():
            try:
                services.meeting_update(actor=request.user, meeting=meeting, data=form.cleaned_data)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The meeting was saved."))
                return redirect(meeting)
        return _meeting_page(request, meeting, status=400, form=form)
    return _meeting_page(request, meeting)


def _meeting_action(request, pk: int, *, form_name: str, build_form, allowed, service, done: str):
    """A POST of the meeting page: check, validate, call ``service(meeting, data)``; errors shown on the page."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    if not allowed(meeting):
        raise PermissionDenied
    form = build_form(meeting)
    if form.is_valid():
        try:
            service(meeting, form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, done)
            return redirect(meeting)
    return _meeting_page(request, meeting, status=400, **{form_name: form})


def _manages(request):
    return lambda meeting: policy.can_manage(request.user, meeting.agreement)


@login_required
@require_POST
def attendee_add(request, pk: int):
    return _meeting_action(
        request, pk, form_name="attendee_form", done=_("The attendee was added."),
        build_form=lambda meeting: forms.AttendeeForm(request.POST, agreement=meeting.agreement),
        allowed=lambda meeting: any(policy.can_nominate(request.user, meeting, p)
                                    for p in meeting.agreement.parties.all()),
        service=lambda meeting, data: services.attendee_add(actor=request.user, meeting=meeting, **data))


@login_required
@require_POST
def minutes_record(request, pk: int):
    return _meeting_action(
        request, pk, form_name="minutes_form", done=_("The minutes were saved."), allowed=_manages(request),
        build_form=lambda meeting: forms.MinutesForm(request.POST),
        service=lambda meeting, data: services.minutes_record(actor=request.user, meeting=meeting,
                                                              today=timezone.localdate(), **data))


@login_required
@require_POST
def decision_add(request, pk: int):
    return _meeting_action(
        request, pk, form_name="decision_form", done=_("The decision was added as a follow-up."),
        allowed=_manages(request), build_form=lambda meeting: forms.DecisionForm(request.POST),
        service=lambda meeting, data: services.followup_add(actor=request.user, meeting=meeting,
                                                            today=timezone.localdate(), **data))


# --- Follow-ups -------------------------------------------------------------------------------------------


@login_required
def followups(request):
    include_done = request.GET.get("all") == "1"
    rows = selectors.followups_of(user=request.user, include_done=include_done)[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.FOLLOWUPS, rows)
    return render(request, "coordination/followups.html", {
        "rows": rows, "include_done": include_done, "today": timezone.localdate(), "form": forms.CloseForm()})


@login_required
@require_POST
def followup_close(request, pk: int):
    followup = selectors.followup_get(user=request.user, pk=pk)
    if not policy.can_close_followup(request.user, followup):
        raise PermissionDenied
    form = forms.CloseForm(request.POST)
    if form.is_valid():
        try:
            services.followup_close(actor=request.user, followup=followup, result=form.cleaned_data["result"],
                                    today=timezone.localdate())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The follow-up is done."))
    else:
        messages.error(request, _("Write what was done."))
    return redirect("coordination:followups")


# --- "Dân vận khéo" models ------------------------------------------------------------------------------


def _model_units(user):
    if policy.is_department_staff(user):
        return Unit.objects.filter(is_active=True).exclude(kind="partner")
    return Unit.objects.filter(pk=user.unit_id)


@login_required
def models(request):
    if policy.is_partner(request.user):
        raise PermissionDenied
    year = _year(request)
    rows = selectors.model_list(user=request.user, year=year, status=request.GET.get("status", ""))[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.MODELS, rows)
    return render(request, "coordination/models.html", {
        "rows": rows, "year": year, "can_propose": policy.can_propose_model(request.user, request.user.unit_id),
        "statuses": ModelStatus.choices, "status": request.GET.get("status", "")})


@login_required
def model_create(request):
    units = _model_units(request.user)
    if policy.is_partner(request.user) or not policy.can_propose_model(request.user, request.user.unit_id):
        raise PermissionDenied
    if request.method == "POST":
        form = forms.ModelForm(request.POST, request.FILES, units=units)
        if form.is_valid():
            data = dict(form.cleaned_data)
            files = data.pop("evidence")
            try:
                model = services.model_propose(actor=request.user, data=data, files=files)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The model was proposed."))
                return redirect(model)
    else:
        form = forms.ModelForm(units=units, initial={"unit": request.user.unit_id,
                                                     "year": timezone.localdate().year})
    return render(request, "coordination/model_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def model(request, pk: int):
    model = selectors.model_get(user=request.user, pk=pk)
    return render(request, "coordination/model.html", {
        "model": model, "replications": model.replications.select_related("unit"), "evidence": model.evidence.all(),
        "can_select": policy.can_select_model(request.user),
        "replication_form": forms.ReplicationForm() if policy.can_record_replication(request.user) else None})


@login_required
@require_POST
def model_select(request, pk: int):
    model = selectors.model_get(user=request.user, pk=pk)
    if not policy.can_select_model(request.user):
        raise PermissionDenied
    try:
        services.model_select(actor=request.user, model=model, selected=request.POST.get("selected") == "1")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The model's status was saved."))
    return redirect(model)


@login_required
@require_POST
def replication_add(request, pk: int):
    model = selectors.model_get(user=request.user, pk=pk)
    if not policy.can_record_replication(request.user):
        raise PermissionDenied
    form = forms.ReplicationForm(request.POST)
    if form.is_valid():
        try:
            services.replication_add(actor=request.user, model=model, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The replication was recorded."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(model)


# --- Incidents ---------------------------------------------------------------------------------------------


@login_required
def incidents(request):
    rows = selectors.incident_list(user=request.user, open_only=request.GET.get("open") == "1")[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.INCIDENTS, rows)
    return render(request, "coordination/incidents.html", {"rows": rows})


@login_required
def incident_create(request, pk: int):
    agreement = selectors.agreement_get(user=request.user, pk=pk)
    if not policy.can_handle_incidents(request.user, agreement):
        raise PermissionDenied
    if request.method == "POST":
        form = forms.IncidentForm(request.POST)
        if form.is_valid():
            try:
                incident = services.incident_create(actor=request.user, agreement=agreement, data=form.cleaned_data,
                                                    today=timezone.localdate())
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The incident was logged."))
                return redirect(incident)
    else:
        form = forms.IncidentForm(initial={"occurred_on": timezone.localdate()})
    return render(request, "coordination/incident_form.html", {"form": form, "agreement": agreement},
                  status=400 if form.errors else 200)


@login_required
def incident(request, pk: int):
    incident = selectors.incident_get(user=request.user, pk=pk)
    can_handle = policy.can_handle_incidents(request.user, incident.agreement)
    form = None
    if request.method == "POST":
        if not can_handle:
            raise PermissionDenied
        form = forms.IncidentActionForm(request.POST)
        if form.is_valid():
            try:
                services.incident_act(actor=request.user, incident=incident, today=timezone.localdate(),
                                      **form.cleaned_data)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The action was recorded."))
                return redirect(incident)
    elif can_handle:
        form = forms.IncidentActionForm(initial={"date": timezone.localdate(), "status": incident.status,
                                                 "assignee": incident.assignee_id})
    return render(request, "coordination/incident.html", {
        "incident": incident, "actions": incident.actions.select_related("author"), "form": form,
    }, status=400 if form is not None and form.errors else 200)


# --- Democracy regulation ---------------------------------------------------------------------------------


def _own_units(user):
    if policy.is_department_staff(user):
        return Unit.objects.filter(is_active=True).exclude(kind="partner")
    return Unit.objects.filter(pk=user.unit_id)


@login_required
def democracy(request):
    if policy.is_partner(request.user):
        raise PermissionDenied
    year = _year(request)
    rows = selectors.checklist_overview(user=request.user, year=year)[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.CHECKLISTS, rows)
    unit_id = request.user.unit_id
    return render(request, "coordination/democracy.html", {
        "rows": rows, "year": year, "committees": selectors.committee_list(user=request.user)[:LIST_LIMIT],
        "can_open": bool(unit_id) and policy.can_edit_unit_record(request.user, unit_id),
        "this_year": timezone.localdate().year})


@login_required
@require_POST
def checklist_open(request):
    if not request.user.unit_id or not policy.can_edit_unit_record(request.user, request.user.unit_id):
        raise PermissionDenied
    year = request.POST.get("year", "")
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        messages.error(request, _("Enter a year between 2000 and 2100."))
        return redirect("coordination:democracy")
    checklist = services.checklist_open(actor=request.user, unit=request.user.unit, year=int(year))
    return redirect(checklist)


@login_required
def checklist(request, pk: int):
    checklist = selectors.checklist_get(user=request.user, pk=pk)
    can_edit = policy.can_edit_unit_record(request.user, checklist.unit_id)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = forms.ChecklistForm(request.POST, checklist=checklist)
        if form.is_valid():
            try:
                services.checklist_save(actor=request.user, checklist=checklist, entries=form.entries_data(),
                                        today=timezone.localdate())
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The checklist was saved."))
                return redirect(checklist)
    else:
        form = forms.ChecklistForm(checklist=checklist)
    rows = [(entry, form[f"done_{entry.code}"], form[f"evidence_{entry.code}"]) for entry in form.entries]
    return render(request, "coordination/checklist.html", {
        "checklist": checklist, "form": form, "rows": rows, "can_edit": can_edit,
    }, status=400 if form.errors else 200)


@login_required
def committee_create(request, plan_pk: int):
    plan = plan_get(user=request.user, pk=plan_pk)
    units = _own_units(request.user)
    if not request.user.unit_id or not policy.can_edit_unit_record(request.user, request.user.unit_id):
        raise PermissionDenied
    if request.method == "POST":
        form = forms.CommitteeForm(request.POST, request.FILES, units=units)
        if form.is_valid():
            try:
                committee = services.committee_create(actor=request.user, plan=plan, **form.cleaned_data)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The steering committee was saved."))
                return redirect(committee)
    else:
        form = forms.CommitteeForm(units=units, initial={"unit": request.user.unit_id,
                                                         "name": f"Ban Chỉ đạo {plan.year}"})
    return render(request, "coordination/committee_form.html", {"form": form, "plan": plan},
                  status=400 if form.errors else 200)


@login_required
def committee(request, pk: int):
    committee = selectors.committee_get(user=request.user, pk=pk)
    can_edit = policy.can_edit_unit_record(request.user, committee.unit_id)
    form = forms.MemberForm() if can_edit else None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = forms.MemberForm(request.POST)
        if form.is_valid():
            services.member_add(actor=request.user, committee=committee, **form.cleaned_data)
            messages.success(request, _("The member was added."))
            return redirect(committee)
    from reporting.models import ReportingObligation

    reviews = ReportingObligation.objects.filter(plan=committee.plan, is_active=True).order_by("title")
    return render(request, "coordination/committee.html", {
        "committee": committee, "members": committee.members.all(), "form": form, "reviews": reviews,
    }, status=400 if form is not None and form.errors else 200)


@login_required
def committee_rules(request, pk: int):
    committee = selectors.committee_get(user=request.user, pk=pk)
    if not committee.working_rules:
        raise Http404
    try:
        handle = committee.working_rules.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=committee.working_rules.name.rsplit("/", 1)[-1])


# --- Commitments --------------------------------------------------------------------------------------------


@login_required
def commitments(request):
    if policy.is_partner(request.user) or not request.user.unit_id:
        raise PermissionDenied
    year = _year(request)
    rows = selectors.commitment_list(user=request.user, year=year)[:LIST_LIMIT]
    if wants_xlsx(request):
        return _export(exports.COMMITMENTS, rows)
    form = forms.CommitmentForm(initial={"year": timezone.localdate().year, "whose": "me"})
    if request.method == "POST":
        form = forms.CommitmentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            person = request.user if data["whose"] == "me" else None
            try:
                commitment = services.commitment_save(actor=request.user, unit=request.user.unit, person=person,
                                                      year=data["year"], text=data["text"])
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The commitment was saved."))
                return redirect(commitment)
    return render(request, "coordination/commitments.html", {"rows": rows, "year": year, "form": form},
                  status=400 if form.errors else 200)


@login_required
def commitment(request, pk: int):
    commitment = selectors.commitment_get(user=request.user, pk=pk)
    form = forms.EvaluationForm(initial={"self_evaluation": commitment.self_evaluation, "rating": commitment.rating})
    if request.method == "POST":
        form = forms.EvaluationForm(request.POST)
        if form.is_valid():
            try:
                services.commitment_evaluate(actor=request.user, commitment=commitment, today=timezone.localdate(),
                                             **form.cleaned_data)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("The self-evaluation was saved."))
                return redirect(commitment)
    return render(request, "coordination/commitment.html", {"commitment": commitment, "form": form},
                  status=400 if form.errors else 200)
