from __future__ import annotations

import datetime as dt
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plans.exports import XLSX_TYPE, Column, wants_xlsx, xlsx_response
from plans.numbers import show_number

from . import excel, policy, proposals, selectors, services
from .choices import Attainment
from .forms import (
    ChecklistForm,
    ExemplarForm,
    ImportForm,
    MovementForm,
    NominationForm,
    PhaseForm,
    RegistrationForm,
    ResultsForm,
    TargetForm,
)
from .models import Movement, Phase


def _movement_or_404(user, pk) -> Movement:
    movement = selectors.movement_get(user=user, pk=pk)
    if movement is None:
        raise Http404
    return movement


def _target_or_404(user, pk):
    target = selectors.target_get(user=user, pk=pk)
    if target is None:
        raise Http404
    return target


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 1900 < int(value) < 3000 else None


@login_required
def movements(request):
    rows = selectors.movement_list(user=request.user, year=_year(request))
    if wants_xlsx(request):
        return xlsx_response(filename="phong-trao-thi-dua", title=_("Emulation movements"), columns=[
            Column(_("Movement"), lambda m: m.title), Column(_("Year"), lambda m: m.year),
            Column(_("Plan"), lambda m: m.plan.title), Column(_("Phases"), lambda m: m.phase_count),
            Column(_("Targets"), lambda m: m.target_count)], rows=rows)
    return render(request, "emulation/movements.html", {"rows": rows, "year": _year(request)})


@login_required
def movement_create(request, plan: int):
    from plans.selectors import plan_get

    plan_obj = plan_get(user=request.user, pk=plan)
    if not policy.can_manage(request.user, Movement(plan=plan_obj)):
        raise PermissionDenied
    form = MovementForm(request.POST or None, initial={"title": plan_obj.title, "year": plan_obj.year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        year = data["year"]
        phases = [{"name": _("Phase 1"), "start": dt.date(year, 1, 1), "end": dt.date(year, 6, 30)},
                  {"name": _("Phase 2"), "start": dt.date(year, 7, 1), "end": dt.date(year, 12, 31)}]
        try:
            movement = services.movement_create(actor=request.user, plan=plan_obj, data=data,
                                                phases=phases if data.get("two_halves") else [])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The emulation movement was created."))
            return redirect(movement)
    return render(request, "emulation/movement_form.html", {"form": form, "plan": plan_obj})


def _phase_from(request, phases):
    wanted = request.GET.get("phase", "")
    return next((p for p in phases if str(p.pk) == wanted), phases[0] if phases else None)


@login_required
def movement(request, pk: int):
    movement_obj = _movement_or_404(request.user, pk)
    phases = list(movement_obj.phases.all())
    phase = _phase_from(request, phases)
    follows_all = policy.can_follow_all(request.user, movement_obj)
    rows = selectors.scorecard(movements=Movement.objects.filter(pk=movement_obj.pk),
                               phases=[phase] if phase else []) if follows_all else []
    if wants_xlsx(request):
        return xlsx_response(filename="ket-qua-thi-dua", title=_("Scorecard"), columns=[
            Column(_("Target"), lambda r: r.target.name), Column(_("Phase of the movement"), lambda r: r.phase.name),
            Column(_("Target value"), lambda r: selectors.target_text(r.target)),
            Column(_("Baseline"), lambda r: r.target.baseline), Column(_("Actual"), lambda r: r.actual),
            Column(_("Attainment"), lambda r: r.attainment_label), Column(_("Trend"), lambda r: r.trend),
            Column(_("Units that miss"), lambda r: ", ".join(r.missing))], rows=rows)
    can_manage = policy.can_manage(request.user, movement_obj)
    return render(request, "emulation/movement.html", {
        "movement": movement_obj, "phases": phases, "phase": phase, "rows": rows, "follows_all": follows_all,
        "can_manage": can_manage, "targets": list(movement_obj.targets.all()),
        "proposals": selectors.proposals_of(movement=movement_obj) if can_manage else [],
        "phase_form": PhaseForm() if can_manage else None, "import_form": ImportForm() if can_manage else None,
        "attainment": Attainment,
    })


@login_required
@require_POST
def phase_create(request, pk: int):
    movement_obj = _movement_or_404(request.user, pk)
    if not policy.can_manage(request.user, movement_obj):
        raise PermissionDenied
    form = PhaseForm(request.POST)
    if form.is_valid():
        try:
            services.phase_save(actor=request.user, movement=movement_obj, data=form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The phase was added."))
    else:
        messages.error(request, _("The phase was not added: give its name and its dates."))
    return redirect(movement_obj)


def _target_form_page(request, movement_obj, target=None):
    if not policy.can_manage(request.user, movement_obj):
        raise PermissionDenied
    if request.method == "POST":
        form = TargetForm(request.POST, instance=target)
        if form.is_valid():
            try:
                saved = services.target_save(actor=request.user, movement=movement_obj, target=target,
                                             data=form.to_data())
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The target was saved."))
                return redirect(saved)
    elif target is None:
        index = request.GET.get("proposal", "")
        found = [p for p in selectors.proposals_of(movement=movement_obj) if str(p["index"]) == index]
        initial = proposals.initial_for(found[0]["index"], found[0]["proposal"]) if found else {}
        initial.setdefault("baseline_year", movement_obj.year - 1)
        form = TargetForm(initial=initial)
    else:
        form = TargetForm(instance=target)
    return render(request, "emulation/target_form.html", {"form": form, "movement": movement_obj, "target": target})


@login_required
def target_create(request, pk: int):
    return _target_form_page(request, _movement_or_404(request.user, pk))


@login_required
def target_edit(request, pk: int):
    target = _target_or_404(request.user, pk)
    return _target_form_page(request, target.movement, target)


@login_required
def target(request, pk: int):
    target_obj = _target_or_404(request.user, pk)
    phases = list(target_obj.movement.phases.all())
    phase = _phase_from(request, phases)
    rows = selectors.unit_rows(user=request.user, target=target_obj, phase=phase) if phase else []
    if wants_xlsx(request):
        return xlsx_response(filename="ket-qua-chi-tieu", title=target_obj.name[:31], columns=[
            Column(_("Unit"), lambda r: r.unit.name),
            Column(_("Actual"), lambda r: r.result.value if r.result else None),
            Column(_("Attainment"), lambda r: r.attainment_label)], rows=rows)
    score = selectors.scorecard(movements=Movement.objects.filter(pk=target_obj.movement_id), phases=[phase]) \
        if phase and policy.can_follow_all(request.user, target_obj.movement) else []
    return render(request, "emulation/target.html", {
        "target": target_obj, "movement": target_obj.movement, "phases": phases, "phase": phase, "rows": rows,
        "text": selectors.target_text(target_obj),
        "score": next((s for s in score if s.target.pk == target_obj.pk), None),
        "can_manage": policy.can_manage(request.user, target_obj.movement),
        "can_enter": any(policy.can_enter_result(request.user, target_obj.movement, r.unit) for r in rows),
    })


@login_required
def results(request, pk: int, phase: int):
    target_obj = _target_or_404(request.user, pk)
    phase_obj = get_object_or_404(Phase, pk=phase, movement_id=target_obj.movement_id)
    movement_obj = target_obj.movement
    rows = [r for r in selectors.unit_rows(user=request.user, target=target_obj, phase=phase_obj)
            if policy.can_enter_result(request.user, movement_obj, r.unit)]
    can_manage = policy.can_manage(request.user, movement_obj)
    if not rows and not can_manage:
        raise PermissionDenied
    form = ResultsForm(request.POST or None, target=target_obj, rows=rows, with_sector=can_manage,
                       sector=selectors.sector_result(target=target_obj, phase=phase_obj))
    if request.method == "POST" and form.is_valid():
        try:
            services.results_enter(actor=request.user, target=target_obj, phase=phase_obj, rows=form.to_rows())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The results were saved."))
            return redirect(f"{target_obj.get_absolute_url()}?phase={phase_obj.pk}")
    return render(request, "emulation/results_form.html", {"target": target_obj, "phase": phase_obj, "form": form,
                                                            "movement": movement_obj})


@login_required
def results_template(request, pk: int):
    movement_obj = _movement_or_404(request.user, pk)
    if not policy.can_manage(request.user, movement_obj):
        raise PermissionDenied
    response = HttpResponse(excel.template_bytes(movement=movement_obj), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="mau-ket-qua-thi-dua-{movement_obj.pk}.xlsx"'
    return response


@login_required
@require_POST
def results_import(request, pk: int):
    movement_obj = _movement_or_404(request.user, pk)
    if not policy.can_manage(request.user, movement_obj):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = form.errors.get("file") or []
        messages.error(request, errors[0] if request.FILES and errors else _("Choose the Excel file to import."))
        return redirect(movement_obj)
    try:
        summary = excel.results_import(actor=request.user, movement=movement_obj, data=form.cleaned_data["file"].read())
    except ValidationError as error:
        return render(request, "emulation/import_errors.html", {"movement": movement_obj, "errors": error.messages},
                      status=400)
    messages.success(request, _("Imported: %(changed)s results written, %(same)s unchanged.") % {
        "changed": show_number(summary["changed"]), "same": show_number(summary["unchanged"])})
    return redirect(movement_obj)


# --- Registrations and nominations -------------------------------------------------------------------------


def _commendation_page(request, *, form_class, create, rows, template, xlsx_name, xlsx_title, columns):
    from django.utils import timezone

    unit = request.user.unit
    may_create = unit is not None and policy.can_register(request.user, unit)
    form = form_class(request.POST or None, initial={"year": timezone.localdate().year}) if may_create else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                create(actor=request.user, unit=unit, data=form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(request.path)
    if wants_xlsx(request):
        return xlsx_response(filename=xlsx_name, title=xlsx_title, columns=columns, rows=rows)
    department = _department()
    return render(request, template, {"rows": rows, "form": form, "year": _year(request),
                                      "can_decide": department is not None and policy.can_decide(request.user,
                                                                                                   department),
                                      "this_year": timezone.localdate().year})


def _common_columns():
    return [Column(_("Year"), lambda r: r.year), Column(_("Unit"), lambda r: r.unit.name),
            Column(_("Person"), lambda r: r.person_name), Column(_("Emulation title"), lambda r: r.get_title_display()),
            Column(_("Status"), lambda r: r.get_status_display())]


def _one_or_404(rows, pk: int):
    row = rows.filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


def _row_action(request, call, *, back: str, may_act):
    """One step on a registration or a nomination posted from its list, then back to the list.

    ``call`` runs the service (a refusal becomes the error message, success "Saved."); ``None`` is an
    unknown action: refused (403) to a user who may not act on the row (``may_act()``), an error message
    for one who may."""
    if call is None:
        if not may_act():
            raise PermissionDenied
        messages.error(request, _("Unknown action."))
        return redirect(back)
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Saved."))
    return redirect(back)


@login_required
def registrations(request):
    from . import commendation

    rows = commendation.registration_list(user=request.user, year=_year(request))
    return _commendation_page(
        request, form_class=RegistrationForm, create=commendation.registration_save, rows=rows,
        template="emulation/registrations.html", xlsx_name="dang-ky-thi-dua", xlsx_title=_("Registrations"),
        columns=[*_common_columns(), Column(_("Commitments"), lambda r: r.commitments),
                 Column(_("Reason for refusal"), lambda r: r.refusal_reason),
                 Column(_("Year-end self-evaluation"), lambda r: r.self_evaluation)])


@login_required
@require_POST
def registration_action(request, pk: int):
    from django.utils import timezone

    from . import commendation

    registration = _one_or_404(commendation.registration_list(user=request.user), pk)
    calls = {
        "send": lambda: commendation.registration_send(actor=request.user, registration=registration),
        "approve": lambda: commendation.registration_decide(actor=request.user, registration=registration,
                                                            approve=True),
        "refuse": lambda: commendation.registration_decide(actor=request.user, registration=registration,
                                                           approve=False, reason=request.POST.get("reason", "")),
        "evaluate": lambda: commendation.registration_evaluate(actor=request.user, registration=registration,
                                                               text=request.POST.get("text", ""),
                                                               today=timezone.localdate()),
    }
    return _row_action(request, calls.get(request.POST.get("action", "")), back="emulation:registrations",
                       may_act=lambda: (policy.can_register(request.user, registration.unit)
                                        or policy.can_decide(request.user, registration.unit)))


@login_required
def nominations(request):
    from . import commendation

    rows = commendation.nomination_list(user=request.user, year=_year(request))
    return _commendation_page(
        request, form_class=NominationForm, create=commendation.nomination_create, rows=rows,
        template="emulation/nominations.html", xlsx_name="de-nghi-khen-thuong", xlsx_title=_("Nominations"),
        columns=[*_common_columns(), Column(_("Achievements and evidence"), lambda r: r.evidence),
                 Column(_("Council's reason"), lambda r: r.review_reason)])


def _department():
    from plans.choices import UnitKind
    from plans.models import Unit

    return Unit.objects.filter(kind=UnitKind.DEPARTMENT, parent__isnull=True).order_by("order", "id").first()


@login_required
@require_POST
def decision_create(request):
    from . import commendation

    department = _department()
    if department is None or not policy.can_decide(request.user, department):
        raise PermissionDenied
    year = request.POST.get("year", "")
    if not (year.isdigit() and 1900 < int(year) < 3000):
        messages.error(request, _("Give the year of the decision."))
        return redirect("emulation:nominations")
    decision = commendation.decision_create(actor=request.user, unit=department, year=int(year))
    return redirect("reporting:document_preview", source="emulation_decision", pk=decision.pk)


@login_required
@require_POST
def nomination_review(request, pk: int):
    from . import commendation

    nomination = _one_or_404(commendation.nomination_list(user=request.user), pk)
    decision = request.POST.get("decision", "")
    review = partial(commendation.nomination_review, actor=request.user, nomination=nomination,
                     accept=decision == "accept", reason=request.POST.get("reason", ""))
    return _row_action(request, review if decision in ("accept", "reject") else None, back="emulation:nominations",
                       may_act=lambda: policy.can_decide(request.user, nomination.unit))


# --- Criteria checklists and exemplary people ------------------------------------------------------------------


@login_required
@require_POST
def checklist_create(request, pk: int):
    from . import commendation

    movement_obj = _movement_or_404(request.user, pk)
    if not policy.can_manage(request.user, movement_obj):
        raise PermissionDenied
    form = ChecklistForm(request.POST)
    if form.is_valid():
        try:
            checklist = commendation.checklist_create(actor=request.user, movement=movement_obj,
                                                      name=form.cleaned_data["name"],
                                                      criteria=form.cleaned_data["criteria"].splitlines())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
            return redirect("emulation:checklist", pk=checklist.pk)
    else:
        messages.error(request, _("Give the checklist's name and at least one criterion (one per line)."))
    return redirect(movement_obj)


@login_required
def checklist(request, pk: int):
    from . import commendation
    from .models import Checklist, SelfAssessment

    checklist_obj = (Checklist.objects.filter(policy.movement_visibility_q(request.user, prefix="movement__"), pk=pk)
                     .select_related("movement__plan").first())
    if checklist_obj is None:
        raise Http404
    phases = list(checklist_obj.movement.phases.all())
    phase = _phase_from(request, phases) if request.method == "GET" else next(
        (p for p in phases if str(p.pk) == request.POST.get("phase", "")), None)
    unit = request.user.unit
    may_assess = unit is not None and policy.can_register(request.user, unit)
    criteria = list(checklist_obj.criteria.all())
    if request.method == "POST":
        if not may_assess:
            raise PermissionDenied
        if phase is None:
            messages.error(request, _("Choose the phase."))
        else:
            answers = {c.pk: (request.POST.get(f"c{c.pk}") == "on", request.POST.get(f"n{c.pk}", ""))
                       for c in criteria}
            commendation.self_assess(actor=request.user, checklist=checklist_obj, phase=phase, unit=unit,
                                     answers=answers)
            messages.success(request, _("Saved."))
        return redirect(f"{request.path}?phase={phase.pk}" if phase else request.path)
    mine = {a.criterion_id: a for a in SelfAssessment.objects.filter(criterion__in=criteria, phase=phase, unit=unit)} \
        if may_assess and phase else {}
    summary = commendation.checklist_summary(checklist=checklist_obj, phase=phase) \
        if phase and policy.can_follow_all(request.user, checklist_obj.movement) else []
    return render(request, "emulation/checklist.html", {
        "checklist": checklist_obj, "movement": checklist_obj.movement, "phases": phases, "phase": phase,
        "rows": [(c, mine.get(c.pk)) for c in criteria], "may_assess": may_assess and phase is not None,
        "summary": summary, "total": len(criteria)})


@login_required
def exemplars(request):
    from . import commendation

    rows = commendation.exemplar_list(user=request.user, year=_year(request))
    return _commendation_page(
        request, form_class=ExemplarForm, create=commendation.exemplar_save, rows=rows,
        template="emulation/exemplars.html", xlsx_name="nguoi-tot-viec-tot", xlsx_title=_("Exemplary people"),
        columns=[Column(_("Year"), lambda r: r.year), Column(_("Unit"), lambda r: r.unit.name),
                 Column(_("Name"), lambda r: r.name), Column(_("Kind"), lambda r: r.get_kind_display()),
                 Column(_("Story"), lambda r: r.story)])
