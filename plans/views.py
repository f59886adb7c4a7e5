"""Pages of the plans app. Views are thin: read through selectors, write through one service each.

Editor actions answer an htmx request with the editor partial, and a plain POST
(no JavaScript) with a redirect back to the editor page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_tables2 import RequestConfig

from . import history as plan_history
from . import policy, selectors, services
from .exports import Column, list_page, wants_xlsx, xlsx_response
from .extensions import plan_detail_panels
from .filters import PlanFilterSet
from .forms import (
    CommentForm,
    IssueConfirmForm,
    IssueForm,
    ItemCreateForm,
    ItemForm,
    LegalBasisForm,
    MoveForm,
    PlanForm,
    RecipientForm,
    ResponsibilityForm,
    ReturnForm,
    SectionForm,
    unit_queryset,
)
from .landing import landing_url
from .models import Item, LegalBasis, Plan, Recipient, Responsibility, Section
from .policy import Action
from .services import EditConflict
from .tables import PlanTable

PAGE_SIZE = 25


@login_required
def home(request):
    return redirect(landing_url(request.user))


# --- helpers ---------------------------------------------------------------------------------


def _error_messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def _add_service_error(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its fields where the form has them, else on top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _first_error(form) -> str:
    for errors in form.errors.values():
        if errors:
            return str(errors[0])
    return _("The form contains errors.")


def _edit_refused(request, plan):
    """None if the user may edit the plan now; a redirect to the document if it is no longer editable; else 403."""
    if policy.can(request.user, Action.EDIT, plan):
        return None
    if not plan.is_editable:
        messages.warning(request, _("The plan is “%(status)s” and can no longer be edited.")
                         % {"status": plan.get_status_display()})
        return redirect(plan)
    raise PermissionDenied


# --- list, create, edit header -------------------------------------------------------------------


@login_required
@require_GET
def plan_list(request):
    plans = selectors.plan_list(user=request.user, filters=request.GET)
    if wants_xlsx(request):
        return xlsx_response(filename="ke-hoach", title=_("Plans"), rows=plans, columns=[
            Column(_("Number"), lambda p: p.number_display if p.number else ""),
            Column(_("Title"), lambda p: p.title),
            Column(_("Year"), lambda p: p.year),
            Column(_("Kind"), lambda p: p.get_kind_display()),
            Column(_("Status"), lambda p: p.get_status_display()),
            Column(_("Issuing units"), lambda p: ", ".join(link.unit.display_short for link in p.issuer_links.all())),
            Column(_("Drafting unit"), lambda p: p.owner_unit.name),
            Column(_("Date of issue"), lambda p: p.issued_on),
        ])
    filter_form = PlanFilterSet(request.GET or None, queryset=Plan.objects.none(), user=request.user).form
    table = PlanTable(plans)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    return render(request, "plans/plan_list.html", {
        "table": table,
        "filter_form": filter_form,
        "can_create": policy.can_create_plan(request.user),
        "can_see_trash": policy.can_see_trash(request.user),
    })


@login_required
def plan_create(request):
    if not policy.can_create_plan(request.user):
        raise PermissionDenied
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, data=form.service_data(), issuers=form.issuers())
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, _("The plan has been created. Add its sections and items."))
            return redirect("plans:editor", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": None})


@login_required
def plan_edit(request, pk):
    plan = selectors.plan_get(user=request.user, pk=pk)
    if refused := _edit_refused(request, plan):
        return refused
    form = PlanForm(request.POST or None, instance=Plan.objects.get(pk=plan.pk), editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(actor=request.user, plan=plan, expected_version=form.expected_version(),
                                 data=form.service_data(), issuers=form.issuers())
        except EditConflict as error:
            form.refresh_after_conflict(Plan.objects.get(pk=plan.pk))
            form.add_error(None, error)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, _("The plan's header has been saved."))
            return redirect(plan)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


# --- detail ------------------------------------------------------------------------------------


@login_required
@require_GET
def plan_detail(request, pk):
    plan = selectors.plan_get(user=request.user, pk=pk)
    actions = policy.allowed_actions(request.user, plan)
    transitions = list(plan.transitions.select_related("actor"))
    context = {
        **selectors.plan_document_parts(plan),
        "actions": actions,
        "can_edit": Action.EDIT in actions,
        "transitions": transitions,
        "last_return": next((t for t in transitions if t.to_status == "returned"), None),
        "return_form": ReturnForm(),
        "issue_form": IssueForm(),
        "comment_form": CommentForm(),
        "extension_panels": list(plan_detail_panels),
    }
    return render(request, "plans/plan_detail.html", context)


# --- workflow ----------------------------------------------------------------------------------


def _workflow(request, pk, *, run, form_class=CommentForm, success: str):
    plan = selectors.plan_get(user=request.user, pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return redirect(plan)
    try:
        result = run(plan, form.cleaned_data)
    except ValidationError as error:
        for message in _error_messages(error):
            messages.error(request, message)
        return redirect(plan)
    messages.success(request, success)
    return redirect(result if isinstance(result, Plan) else plan)


@login_required
@require_POST
def plan_submit(request, pk):
    return _workflow(request, pk, success=_("The plan has been sent for review."), run=lambda plan, data: (
        services.plan_submit(actor=request.user, plan=plan, comment=data["comment"])))


@login_required
@require_POST
def plan_return(request, pk):
    return _workflow(request, pk, form_class=ReturnForm, success=_("The plan has been returned to its author."),
                     run=lambda plan, data: services.plan_return(actor=request.user, plan=plan,
                                                                 comment=data["comment"]))


@login_required
@require_POST
def plan_forward(request, pk):
    return _workflow(request, pk, success=_("The plan has been forwarded to leadership."), run=lambda plan, data: (
        services.plan_forward(actor=request.user, plan=plan, comment=data["comment"])))


@login_required
@require_POST
def plan_approve(request, pk):
    return _workflow(request, pk, success=_("The plan has been approved."), run=lambda plan, data: (
        services.plan_approve(actor=request.user, plan=plan, comment=data["comment"])))


@login_required
@require_GET
def plan_issue_confirm(request, pk):
    """Step one of issuing: the number the plan will get, to confirm; the number is taken only by the POST."""
    plan = selectors.plan_get(user=request.user, pk=pk)
    if not policy.can(request.user, Action.ISSUE, plan):
        raise PermissionDenied
    form = IssueForm(request.GET)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return redirect(plan)
    issued_on = form.cleaned_data["issued_on"]
    number = selectors.next_document_number(plan, year=issued_on.year)
    return render(request, "plans/plan_issue_confirm.html", {
        "plan": plan,
        "issued_on": issued_on,
        "comment": form.cleaned_data["comment"],
        "number": number,
        "number_display": selectors.issue_preview(plan, issued_on=issued_on),
        "signature": selectors.issue_signature(plan, actor=request.user),
    })


@login_required
@require_POST
def plan_issue(request, pk):
    return _workflow(request, pk, form_class=IssueConfirmForm, success=_("The plan has been issued."),
                     run=lambda plan, data: services.plan_issue(
                         actor=request.user, plan=plan, issued_on=data["issued_on"], comment=data["comment"],
                         expected_number=data["number"]))


@login_required
@require_POST
def plan_start(request, pk):
    return _workflow(request, pk, success=_("The plan is now in implementation."), run=lambda plan, data: (
        services.plan_start_implementation(actor=request.user, plan=plan, comment=data["comment"])))


@login_required
@require_POST
def plan_close(request, pk):
    return _workflow(request, pk, success=_("The plan has been closed."), run=lambda plan, data: (
        services.plan_close(actor=request.user, plan=plan, comment=data["comment"])))


@login_required
@require_POST
def plan_copy(request, pk):
    return _workflow(request, pk, success=_("A draft for next year has been created from the plan."),
                     run=lambda plan, data: services.plan_copy_to_next_year(actor=request.user, plan=plan))


# --- editor ------------------------------------------------------------------------------------

# ?edit=<kind>-<id> opens one inline form (works without JavaScript); "<kind>-new" opens an add form;
# "newresponsibility-<item id>" a new responsibility of an item, "newresponsibility-new" one of the whole plan.
EDIT_KINDS = {"section", "item", "child", "basis", "responsibility", "newresponsibility", "recipient"}


def _parse_edit(value: str | None) -> tuple[str | None, int | str | None]:
    kind, _sep, ident = (value or "").partition("-")
    if kind not in EDIT_KINDS:
        return None, None
    if ident == "new":
        return kind, "new"
    return (kind, int(ident)) if ident.isdigit() else (None, None)


def _unit_choices():
    return [(unit.pk, unit.name) for unit in unit_queryset()]


def _open_form(plan, kind, ident, unit_choices):
    """The unbound form of the inline editor that ``?edit=`` opens, or None."""
    if kind == "section" and isinstance(ident, int):
        section = get_object_or_404(Section, pk=ident, plan=plan)
        return SectionForm(initial={"title": section.title, "intro": section.intro, "version": section.version},
                           editing=True)
    if kind == "item" and isinstance(ident, int):
        item = get_object_or_404(Item, pk=ident, plan=plan)
        return ItemForm(initial={"style": item.style, "heading": item.heading, "text": item.text,
                                 "version": item.version}, editing=True, auto_id="id_edit_%s")
    if kind == "child" and isinstance(ident, int):
        parent = get_object_or_404(Item, pk=ident, plan=plan)
        return ItemCreateForm(initial={"parent": parent.pk, "style": parent.style}, plan=plan, auto_id="id_child_%s")
    if kind == "basis":
        basis = get_object_or_404(LegalBasis, pk=ident, plan=plan) if isinstance(ident, int) else None
        return LegalBasisForm(instance=basis, editing=basis is not None, auto_id="id_basis_%s")
    if kind == "responsibility" and isinstance(ident, int):
        responsibility = get_object_or_404(Responsibility, pk=ident, plan=plan)
        return ResponsibilityForm(instance=responsibility, plan=plan, editing=True, unit_choices=unit_choices,
                                  auto_id="id_responsibility_%s")
    if kind == "newresponsibility":
        item_id = get_object_or_404(Item, pk=ident, plan=plan).pk if isinstance(ident, int) else None
        return ResponsibilityForm(plan=plan, unit_choices=unit_choices, initial={"item": item_id},
                                  auto_id="id_responsibility_%s")
    if kind == "recipient" and isinstance(ident, int):
        recipient = get_object_or_404(Recipient, pk=ident, plan=plan)
        return RecipientForm(instance=recipient, editing=True, auto_id="id_recipient_%s")
    return None


def _editor_context(request, plan, *, edit=None, form=None, add_item=None, add_section=None, add_recipient=None,
                    open_section=None):
    kind, ident = _parse_edit(edit)
    unit_choices = _unit_choices()
    if form is None and kind is not None:
        form = _open_form(plan, kind, ident, unit_choices)
    elif form is not None and hasattr(form.fields.get("lead_unit"), "queryset"):
        form.fields["lead_unit"].choices = [("", "---------"), *unit_choices]
        form.fields["supporting_units"].choices = unit_choices
    parts = selectors.plan_document_parts(plan)
    for node in parts["outline"]:
        section_id = node.section.pk
        if add_item is not None and add_item[0] == section_id:
            node.add_form = add_item[1]
        else:
            node.add_form = ItemCreateForm(auto_id=f"id_s{section_id}_%s")
        node.add_open = add_item is not None and add_item[0] == section_id or str(section_id) == str(open_section)
        if node.add_open:
            node.add_form.fields["text"].widget.attrs["autofocus"] = True
        node.add_form_id = f"add-item-form-{section_id}"
        node.add_button_id = f"add-item-button-{section_id}"
    return {
        **parts,
        "edit_kind": kind,
        "edit_id": ident,
        "edit_form": form,
        "add_section_form": add_section or SectionForm(auto_id="id_new_section_%s"),
        "add_recipient_form": add_recipient or RecipientForm(auto_id="id_new_recipient_%s"),
        "actions": policy.allowed_actions(request.user, plan),
    }


@login_required
@require_GET
def plan_editor(request, pk):
    plan = selectors.plan_get(user=request.user, pk=pk)
    if refused := _edit_refused(request, plan):
        return refused
    context = _editor_context(request, plan, edit=request.GET.get("edit"), open_section=request.GET.get("open"))
    template = "plans/editor/_editor.html" if request.htmx else "plans/plan_editor.html"
    return render(request, template, context)


def _editor_done(request, plan, anchor: str = "", open_section=None):
    """After a successful action: the refreshed editor (htmx) or a redirect to it (plain POST).

    ``open_section``: keep that section's add-item form open, to add the next item at once.
    """
    if request.htmx:
        fresh = selectors.plan_get(user=request.user, pk=plan.pk)
        return render(request, "plans/editor/_editor.html",
                      _editor_context(request, fresh, open_section=open_section))
    url = reverse("plans:editor", kwargs={"pk": plan.pk})
    if open_section is not None:
        url = f"{url}?open={open_section}"
    return redirect(f"{url}#{anchor}" if anchor else url)


def _editor_failed(request, plan, **context):
    """After a refused action: the editor again, the failed form open with the typed data and its errors."""
    fresh = selectors.plan_get(user=request.user, pk=plan.pk)
    template = "plans/editor/_editor.html" if request.htmx else "plans/plan_editor.html"
    return render(request, template, _editor_context(request, fresh, **context))


def _editor_plan(request, pk):
    """The plan of an editor action: 404 if the user may not see it, 403 if they may not edit it.

    A plan that is no longer editable (submitted …) is left to the service, whose translated
    error tells the author why.
    """
    plan = selectors.plan_get(user=request.user, pk=pk)
    if plan.is_editable and not policy.can(request.user, Action.EDIT, plan):
        raise PermissionDenied
    return plan


def _editor_object(request, pk, model, obj_pk):
    """The plan and one of its sections, items …: 404 unless both exist and the user may see the plan."""
    plan = _editor_plan(request, pk)
    return plan, get_object_or_404(model, pk=obj_pk, plan=plan)


def _run_edit(request, plan, form, run, *, obj=None, edit=None, anchor="", failed=None, open_section=None):
    """Validate ``form``, call one service through ``run``; a conflict keeps the typed data."""
    if form.is_valid():
        try:
            run(form)
        except EditConflict as error:
            form.refresh_after_conflict(type(obj).objects.get(pk=obj.pk))
            form.add_error(None, error)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            return _editor_done(request, plan, anchor, open_section=open_section)
    return _editor_failed(request, plan, **(failed or {"edit": edit, "form": form}))


def _run_simple(request, plan, run, *, anchor="", form=None):
    """An action without an inline form (delete, move, indent …): bad input or a refusal becomes a message."""
    if form is not None and not form.is_valid():
        messages.error(request, _first_error(form))
        return _editor_done(request, plan)
    try:
        run()
    except ValidationError as error:
        for message in _error_messages(error):
            messages.error(request, message)
    return _editor_done(request, plan, anchor)


@login_required
@require_POST
def section_create(request, pk):
    plan = _editor_plan(request, pk)
    form = SectionForm(request.POST, auto_id="id_new_section_%s")
    return _run_edit(request, plan, form, lambda f: services.section_create(
        actor=request.user, plan=plan, title=f.cleaned_data["title"], intro=f.cleaned_data["intro"]),
        anchor="add-section-form", failed={"add_section": form})


@login_required
@require_POST
def section_update(request, pk, section_pk):
    plan, section = _editor_object(request, pk, Section, section_pk)
    form = SectionForm(request.POST, editing=True)
    return _run_edit(request, plan, form, lambda f: services.section_update(
        actor=request.user, section=section, expected_version=f.expected_version(), title=f.cleaned_data["title"],
        intro=f.cleaned_data["intro"]), obj=section, edit=f"section-{section.pk}", anchor=f"section-{section.pk}")


@login_required
@require_POST
def section_delete(request, pk, section_pk):
    plan, section = _editor_object(request, pk, Section, section_pk)
    return _run_simple(request, plan, lambda: services.section_delete(actor=request.user, section=section))


@login_required
@require_POST
def section_move(request, pk, section_pk):
    plan, section = _editor_object(request, pk, Section, section_pk)
    form = MoveForm(request.POST)
    return _run_simple(request, plan, lambda: services.section_move(
        actor=request.user, section=section, direction=form.cleaned_data["direction"]),
        anchor=f"section-{section.pk}", form=form)


@login_required
@require_POST
def item_create(request, pk, section_pk):
    plan, section = _editor_object(request, pk, Section, section_pk)
    parent_id = request.POST.get("parent", "")
    is_child = parent_id.isdigit() and Item.objects.filter(pk=parent_id, section=section).exists()
    form = ItemCreateForm(request.POST, plan=plan, auto_id="id_child_%s" if is_child else f"id_s{section.pk}_%s")

    def run(f):
        services.item_create(actor=request.user, section=section, text=f.cleaned_data["text"],
                             style=f.cleaned_data["style"], heading=f.cleaned_data["heading"],
                             parent=f.cleaned_data["parent"])

    failed = {"edit": f"child-{parent_id}", "form": form} if is_child else {"add_item": (section.pk, form)}
    return _run_edit(request, plan, form, run, anchor=f"add-item-form-{section.pk}", failed=failed,
                     open_section=None if is_child else section.pk)


@login_required
@require_POST
def item_update(request, pk, item_pk):
    plan, item = _editor_object(request, pk, Item, item_pk)
    form = ItemForm(request.POST, editing=True, auto_id="id_edit_%s")
    return _run_edit(request, plan, form, lambda f: services.item_update(
        actor=request.user, item=item, expected_version=f.expected_version(), text=f.cleaned_data["text"],
        style=f.cleaned_data["style"], heading=f.cleaned_data["heading"]),
        obj=item, edit=f"item-{item.pk}", anchor=f"item-{item.pk}")


@login_required
@require_POST
def item_delete(request, pk, item_pk):
    plan, item = _editor_object(request, pk, Item, item_pk)
    return _run_simple(request, plan, lambda: services.item_delete(actor=request.user, item=item))


@login_required
@require_POST
def item_move(request, pk, item_pk):
    plan, item = _editor_object(request, pk, Item, item_pk)
    form = MoveForm(request.POST)
    return _run_simple(request, plan, lambda: services.item_move(
        actor=request.user, item=item, direction=form.cleaned_data["direction"]),
        anchor=f"item-{item.pk}", form=form)


@login_required
@require_POST
def item_indent(request, pk, item_pk):
    plan, item = _editor_object(request, pk, Item, item_pk)
    return _run_simple(request, plan, lambda: services.item_indent(actor=request.user, item=item),
                       anchor=f"item-{item.pk}")


@login_required
@require_POST
def item_outdent(request, pk, item_pk):
    plan, item = _editor_object(request, pk, Item, item_pk)
    return _run_simple(request, plan, lambda: services.item_outdent(actor=request.user, item=item),
                       anchor=f"item-{item.pk}")


# Legal bases, responsibilities and recipients share one add/update view and one delete view.
CHILD_KINDS = {
    "legal-bases": ("basis", LegalBasis, LegalBasisForm),
    "responsibilities": ("responsibility", Responsibility, ResponsibilityForm),
    "recipients": ("recipient", Recipient, RecipientForm),
}


def _child_kind(kind):
    try:
        return CHILD_KINDS[kind]
    except KeyError:
        raise Http404 from None


def _save_child(request, plan, kind, form, obj):
    data, version = form.service_data(), form.expected_version() if obj else None
    if kind == "legal-bases":
        return services.legal_basis_save(actor=request.user, plan=plan, legal_basis=obj, expected_version=version,
                                         data=data)
    if kind == "recipients":
        return services.recipient_save(actor=request.user, plan=plan, recipient=obj, expected_version=version,
                                       data=data)
    return services.responsibility_save(actor=request.user, plan=plan, responsibility=obj, expected_version=version,
                                        data=data, supporting_units=list(form.cleaned_data["supporting_units"]))


@login_required
@require_POST
def child_save(request, pk, kind, obj_pk=None):
    plan = _editor_plan(request, pk)
    edit_kind, model, form_class = _child_kind(kind)
    obj = get_object_or_404(model, pk=obj_pk, plan=plan) if obj_pk else None
    extra = {"plan": plan} if model is Responsibility else {}
    prefix = "id_new_recipient_%s" if obj is None and model is Recipient else f"id_{edit_kind}_%s"
    form = form_class(request.POST, instance=type(obj).objects.get(pk=obj.pk) if obj else None,
                      editing=obj is not None, auto_id=prefix, **extra)
    if obj is not None:
        edit = f"{edit_kind}-{obj.pk}"
    elif model is Responsibility:
        item_id = request.POST.get("item", "")
        edit = f"newresponsibility-{item_id}" if item_id.isdigit() else "newresponsibility-new"
    else:
        edit = f"{edit_kind}-new"
    failed = {"add_recipient": form} if (obj is None and model is Recipient) else None
    anchor = f"{edit_kind}-{obj.pk}" if obj else ""
    return _run_edit(request, plan, form, lambda f: _save_child(request, plan, kind, f, obj), obj=obj, edit=edit,
                     anchor=anchor, failed=failed)


@login_required
@require_POST
def child_delete(request, pk, kind, obj_pk):
    _edit_kind, model, _form_class = _child_kind(kind)
    plan, obj = _editor_object(request, pk, model, obj_pk)
    return _run_simple(request, plan, lambda: services.child_delete(actor=request.user, obj=obj))


# --- history -----------------------------------------------------------------------------------


def _require_history(request, pk):
    plan = selectors.plan_get(user=request.user, pk=pk)
    if not policy.can(request.user, Action.HISTORY, plan):
        raise PermissionDenied
    return plan


@login_required
@require_GET
def plan_history_view(request, pk):
    plan = _require_history(request, pk)
    entries = plan_history.plan_history(plan)
    before, after = plan_history.default_points(entries)
    return render(request, "plans/plan_history.html", {
        "plan": plan, "entries": entries, "point_a": before, "point_b": after,
    })


@login_required
@require_GET
def plan_diff_view(request, pk):
    plan = _require_history(request, pk)
    entries = plan_history.plan_history(plan)
    default_a, default_b = plan_history.default_points(entries)
    error = None
    try:
        point_a = int(request.GET.get("a") or default_a or 0)
        point_b = int(request.GET.get("b") or default_b or 0)
        diff = plan_history.plan_diff(plan.pk, plan_history.moment_of(point_a), plan_history.moment_of(point_b))
    except (TypeError, ValueError, OverflowError):
        error = _("Choose two points of the history to compare.")
        point_a, point_b, diff = default_a, default_b, None
    return render(request, "plans/plan_diff.html", {
        "plan": plan, "entries": entries, "diff": diff, "error": error, "point_a": point_a, "point_b": point_b,
    })


# --- trash: soft deletion and restore ----------------------------------------------------------------


@login_required
def plan_delete(request, pk):
    """GET: the confirmation page; POST: the plan goes to the trash (``services.plan_delete``)."""
    plan = selectors.plan_get(user=request.user, pk=pk)
    if not policy.can(request.user, Action.DELETE, plan):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.plan_delete(actor=request.user, plan=plan)
        except ValidationError as error:
            for message in _error_messages(error):
                messages.error(request, message)
            return redirect(plan)
        messages.success(request, _("The plan has been deleted. An administrator or the approver can restore it."))
        return redirect("plans:list")
    return render(request, "plans/plan_delete.html", {"plan": plan})


@login_required
@require_GET
def plan_trash(request):
    """The deleted plans the user may restore (administrators, approvers), newest first; ``?format=xlsx``."""
    if not policy.can_see_trash(request.user):
        raise PermissionDenied
    return list_page(request, rows=selectors.deleted_plans(user=request.user), template="plans/plan_trash.html",
                     filename="ke-hoach-da-xoa", title=_("Deleted plans"), per_page=PAGE_SIZE, columns=[
        Column(_("Title"), lambda p: p.title),
        Column(_("Year"), lambda p: p.year),
        Column(_("Status"), lambda p: p.get_status_display()),
        Column(_("Drafting unit"), lambda p: p.owner_unit.name),
        Column(_("Deleted at"), lambda p: p.deleted_at),
        Column(_("Deleted by"), lambda p: str(p.deleted_by or "")),
    ])


@login_required
@require_POST
def plan_restore(request, pk):
    plan = get_object_or_404(selectors.deleted_plans(user=request.user), pk=pk)
    try:
        services.plan_restore(actor=request.user, plan=plan)
    except ValidationError as error:
        for message in _error_messages(error):
            messages.error(request, message)
        return redirect("plans:trash")
    messages.success(request, _("The plan has been restored."))
    return redirect(plan)
