"""Import pages: upload or paste → preview and correct → save as a draft plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans import policy
from plans.choices import Recurrence
from plans.models import Unit

from . import services
from .forms import PreviewForm, ResponsibilityFormSet, UploadForm, unmatched_issuers
from .models import PlanImport
from .readers import read_upload

_KIND_LABELS = {
    "report": gettext_lazy("Report"),
    "meeting": gettext_lazy("Briefing meeting"),
    "review": gettext_lazy("Review (sơ kết, tổng kết)"),
    "phase": gettext_lazy("Phase"),
}


def _require_importer(user) -> None:
    if not policy.can_create_plan(user):
        raise PermissionDenied


def _messages_of(error: ValidationError) -> list[str]:
    return list(error.messages)


@login_required
def import_upload(request):
    _require_importer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            if upload is not None:
                data = upload.read()
                text = read_upload(upload.name, data)
                name = upload.name.rsplit("/", 1)[-1]
                record = services.plan_import_start(actor=request.user, text=text, source=services.source_of(name),
                                                    source_name=name, data=data)
            else:
                record = services.plan_import_start(actor=request.user, text=form.cleaned_data["text"],
                                                    source=PlanImport.Source.PASTE, source_name="")
        except ValidationError as error:
            for message in _messages_of(error):
                form.add_error("file" if upload is not None else "text", message)
        else:
            return redirect("plans:import_preview", pk=record.pk)
    recent = PlanImport.objects.filter(created_by=request.user).select_related("plan")[:10]
    return render(request, "plans/import/upload.html", {"form": form, "recent": recent})


def _get_record(request, pk) -> PlanImport:
    _require_importer(request.user)
    record = get_object_or_404(PlanImport, pk=pk)
    if not policy.can_open_import(request.user, record):
        raise PermissionDenied
    return record


def _responsibility_initial(extracted: dict) -> list[dict]:
    return [{"keep": True, "lead_text": r.get("lead_text", ""), "unit": r.get("unit_id"),
             "section": r.get("section", ""), "match": r.get("match", "")}
            for r in extracted.get("responsibilities") or []]


@login_required
def import_preview(request, pk):
    record = _get_record(request, pk)
    if record.status == PlanImport.Status.SAVED and record.plan_id:
        messages.info(request, _("This import has already been saved as a plan."))
        return redirect(record.plan)
    units = list(Unit.objects.filter(is_active=True).values_list("pk", "name"))
    can_create_units = policy.is_admin(request.user)
    if request.method == "POST":
        form = PreviewForm(request.POST, record=record, can_create_units=can_create_units)
        formset = ResponsibilityFormSet(request.POST, prefix="responsibility", form_kwargs={"units": units})
        if form.is_valid() and formset.is_valid():
            responsibilities = [
                {"lead_text": f.cleaned_data.get("lead_text") or (f.cleaned_data["unit"].name
                                                                  if f.cleaned_data.get("unit") else ""),
                 "unit_id": f.cleaned_data["unit"].pk if f.cleaned_data.get("unit") else None,
                 "section": f.cleaned_data.get("section", "")}
                for f in formset.forms
                if f.cleaned_data.get("keep") and (f.cleaned_data.get("lead_text") or f.cleaned_data.get("unit"))
            ]
            extracted = form.corrected(responsibilities)
            keep_deadlines = set(form.cleaned_data.get("keep_deadlines") or [])
            keep_targets = set(form.cleaned_data.get("keep_targets") or [])
            proposals = record.proposals or {}
            record.proposals = {
                "report_deadlines": [d for i, d in enumerate(proposals.get("report_deadlines") or [])
                                     if i in keep_deadlines],
                "targets": [t for i, t in enumerate(proposals.get("targets") or []) if i in keep_targets],
            }
            extracted["report_deadlines"] = record.proposals["report_deadlines"]
            extracted["targets"] = record.proposals["targets"]
            try:
                plan = services.plan_import_save(actor=request.user, extracted=extracted, import_record=record,
                                                 imported_from_ocr=form.cleaned_data.get("imported_from_ocr"),
                                                 create_units=form.cleaned_data.get("create_units") or [],
                                                 today=timezone.localdate())
            except ValidationError as error:
                record.refresh_from_db()
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("The plan was imported as a draft. Review it before sending it "
                                            "for review."))
                return redirect(plan)
    else:
        form = PreviewForm(initial=PreviewForm.initial_from(record.extracted, record.proposals), record=record,
                           can_create_units=can_create_units)
        formset = ResponsibilityFormSet(initial=_responsibility_initial(record.extracted), prefix="responsibility",
                                        form_kwargs={"units": units})
    checks = _checks(record.extracted)
    return render(request, "plans/import/preview.html", {
        "record": record, "form": form, "formset": formset,
        "proposals": record.proposals or {},
        "deadline_rows": [(i, {**d, "kind_label": _KIND_LABELS.get(d.get("kind"), d.get("kind")),
                                "recurrence_label": Recurrence(d["recurrence"]).label
                                if d.get("recurrence") in Recurrence.values else d.get("recurrence")})
                          for i, d in enumerate(record.proposals.get("report_deadlines") or [])],
        "target_rows": list(enumerate(record.proposals.get("targets") or [])),
        "warnings": record.extracted.get("warnings") or [],
        "checks": checks,
        "flags": {check["field"]: True for check in checks},
        "unmatched_issuers": unmatched_issuers(record.extracted),
        "dropped": record.extracted.get("dropped") or [],
    })


_FIELD_LABELS = {
    "title": gettext_lazy("Title"), "number": gettext_lazy("Number and symbol"), "date": gettext_lazy("Date"),
    "place": gettext_lazy("Place of issue"), "governing_body": gettext_lazy("Governing body"),
    "issuers": gettext_lazy("Issuing units"), "legal_bases": gettext_lazy("Legal bases"),
    "outline": gettext_lazy("Sections and items"), "responsibilities": gettext_lazy("Responsibilities"),
    "recipients": gettext_lazy("Recipients"), "signer_position": gettext_lazy("Signer's position"),
    "signer_name": gettext_lazy("Signer's name"),
}
_REASONS = {
    "missing": gettext_lazy("not found in the document"),
    "unmatched": gettext_lazy("not a unit of the portal: pick the unit, or add it"),
    "loose": gettext_lazy("matched to a unit by a similar name only"),
    "incomplete": gettext_lazy("read in part only"),
    "repaired": gettext_lazy("digits and letters confused by OCR were repaired"),
    "reflowed": gettext_lazy("line breaks were joined into paragraphs: check where items start"),
    "ocr": gettext_lazy("read from OCR text: check numbers, dates and names"),
}


def _checks(extracted: dict) -> list[dict]:
    """The extractor's checks (``extract.confidence_checks``) with labels, for the preview's list."""
    return [{**check, "label": _FIELD_LABELS.get(check["field"], check["field"]),
             "reason_label": _REASONS.get(check["reason"], check["reason"])}
            for check in extracted.get("checks") or []]
