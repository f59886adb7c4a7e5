"""Thin views: the unit head's inbox and report form, the reviewer's queue and decision."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from plans.exports import Column, list_page, wants_xlsx

from . import exports, policy, proposals, selectors, services
from .extensions import calendar_events, section_rows
from .forms import ConsolidatedForm, ObligationForm, ReportForm, ReviewForm
from .models import SECTION_LABELS, RequestStatus

INBOX_LIMIT = 200  # the inbox's rows (a unit owes a few dozen reports a year)
REVIEW_PAGE_SIZE = 50  # the review queue, a page at a time (a province has thousands of reports waiting)


def _with_days_left(requests, today):
    rows = list(requests)
    for row in rows:
        row.days_left = (row.due_date - today).days
        row.days_late = -row.days_left
        row.is_open = row.is_owed
        row.late = row.submitted_on_time() is False
    return rows


@login_required
def inbox(request):
    if not policy.is_unit_head(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    show_all = request.GET.get("all") == "1"
    if wants_xlsx(request):
        return exports.requests_xlsx(selectors.inbox(user=request.user, today=today, include_closed=show_all),
                                     filename="bao-cao-phai-nop", title=_("Reports my unit owes"), today=today)
    # The rows and the periods to come are read only if the page's rendered table is not cached under the rows'
    # key (the template's {% cache %}): on deadline day a unit head comes back to the inbox between reports.
    user = request.user
    return render(request, "reporting/inbox.html", {
        "rows": SimpleLazyObject(lambda: selectors.inbox_rows(user=user, today=today, include_closed=show_all,
                                                              limit=INBOX_LIMIT)),
        "upcoming": SimpleLazyObject(lambda: selectors.inbox_upcoming(user=user, today=today)),
        "rows_key": selectors.inbox_key(user=user, today=today, include_closed=show_all, limit=INBOX_LIMIT),
        "rows_seconds": selectors.UNIT_CACHE_SECONDS, "show_all": show_all, "today": today,
    })


def _ics_text(value: str) -> str:
    """A TEXT value of RFC 5545 (3.3.11): backslash, semicolon, comma and line breaks (CR, LF, CRLF) escaped."""
    text = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _ics_fold(line: str) -> str:
    """A content line folded to at most 75 octets per line (RFC 5545, 3.1), never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):  # a continuation line starts with one space
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_feed(request, token: str):
    """The deadlines as iCalendar (RFC 5545), reached by a private link: no login, the token is the key."""
    user = selectors.user_from_calendar_token(token)
    if user is None:
        raise Http404
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//So Y te//Cong ke hoach//VI", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(_('Report deadlines'))}"]
    for req in selectors.calendar_requests(user=user, today=timezone.localdate())[:500]:
        lines += [
            "BEGIN:VEVENT", f"UID:report-request-{req.pk}@{request.get_host()}", f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{req.due_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{req.due_date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(f'{req.obligation.title} — {req.unit.display_short} — {req.period}')}",
            f"DESCRIPTION:{_ics_text(req.get_status_display())}",
            f"URL:{request.build_absolute_uri(req.get_absolute_url())}",
            "END:VEVENT",
        ]
    for event in calendar_events(user, timezone.localdate()):  # the feature apps' events (meetings, sessions)
        lines += [
            "BEGIN:VEVENT", f"UID:{event.uid}@{request.get_host()}", f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}", f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(event.summary)}", f"DESCRIPTION:{_ics_text(event.description)}",
            *([f"URL:{request.build_absolute_uri(event.url)}"] if event.url else []),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(_ics_fold(line) for line in lines) + "\r\n",
                        content_type="text/calendar; charset=utf-8")


@login_required
@require_POST
def calendar_rotate(request):
    services.calendar_link_rotate(actor=request.user, now=timezone.now())
    messages.success(request, _("Your calendar link was changed: the old link no longer works. "
                                "Subscribe again with the new one."))
    target = request.POST.get("next", "")
    local = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                            require_https=request.is_secure())
    return redirect(target if local else "home")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def report(request, pk: int):
    report_request = selectors.request_for_fill(user=request.user, pk=pk)
    if report_request is None:
        raise Http404
    submission = selectors.latest_submission(report_request)
    tasks = selectors.unit_responsibilities(report_request)
    editable = report_request.status in RequestStatus.open()
    submitting = request.method == "POST" and "submit" in request.POST
    if request.method == "POST" and editable:
        form = ReportForm(request.POST, request.FILES, report_request=report_request, tasks=tasks,
                          submission=submission, submitting=submitting)
        if form.is_valid():
            try:
                if submitting:
                    services.report_submit(actor=request.user, report_request=report_request, data=form.to_data(),
                                           now=timezone.now(), latest=submission)
                else:
                    services.report_save_draft(actor=request.user, report_request=report_request,
                                               data=form.to_data(), latest=submission)
            except ValidationError as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(request, _("The report was submitted.") if submitting else _("The draft was saved."))
                if submitting:
                    return redirect("reporting:inbox")
                return redirect("reporting:report", pk=report_request.pk)
    else:
        form = ReportForm(report_request=report_request, tasks=tasks, submission=submission)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    # the reviewer's comment is shown only on a returned report: no query for it otherwise
    last_review = selectors.last_review(report_request) if report_request.status == RequestStatus.RETURNED else None
    submitted = submission if submission and submission.submitted_at else None
    if submitted is None and report_request.status not in RequestStatus.open():
        submitted = selectors.latest_submitted(report_request)
    return render(request, "reporting/report_form.html", {
        "req": report_request, "form": form, "editable": editable, "submission": submission,
        "submitted": submitted if report_request.status != RequestStatus.NOT_STARTED else None,
        "last_review": last_review, "days_left": (report_request.due_date - timezone.localdate()).days,
    })


@login_required
def review_queue(request):
    if not policy.is_reviewer(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    if wants_xlsx(request):
        return exports.requests_xlsx(selectors.review_queue(user=request.user), filename="bao-cao-cho-duyet",
                                     title=_("Reports to review"), today=today)
    page = Paginator(selectors.review_queue(user=request.user), REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reporting/review_queue.html", {"rows": _with_days_left(page, today), "page": page})


@login_required
def review(request, pk: int):
    report_request = selectors.request_for_review(user=request.user, pk=pk)
    if report_request is None:
        raise Http404
    submissions = list(report_request.submissions.all())
    submission = next((s for s in submissions if s.submitted_at), None)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_review(actor=request.user, report_request=report_request,
                                   decision=form.cleaned_data["decision"], comment=form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("Your decision was recorded."))
            return redirect("reporting:review_queue")
    task_rows = selectors.responsibility_updates(plan_id=report_request.obligation.plan_id,
                                                 submissions=[submission])[submission.pk] if submission else []
    narrative = [(SECTION_LABELS.get(k, k), v) for k, v in (submission.narrative.items() if submission else [])]
    return render(request, "reporting/review.html", {
        "req": report_request, "submission": submission, "submissions": submissions, "form": form,
        "narrative": narrative, "task_rows": task_rows,
        "indicator_rows": selectors.indicator_rows(report_request.obligation, submission),
        "section_rows": section_rows(report_request.obligation, submission, report_request),
        "can_decide": report_request.status == RequestStatus.SUBMITTED,
    })


@login_required
def compliance(request, pk: int):
    obligation = selectors.obligation_for_compliance(user=request.user, pk=pk)
    if obligation is None:
        raise Http404
    table = selectors.compliance(obligation=obligation, today=timezone.localdate())
    if wants_xlsx(request):
        return exports.compliance_xlsx(obligation, table)
    return render(request, "reporting/compliance.html", {"obligation": obligation, **table})


@login_required
def notifications(request):
    if request.method == "POST":
        services.notifications_mark_read(actor=request.user)
        return redirect("reporting:notifications")
    return render(request, "reporting/notifications.html", {"rows": selectors.notifications(user=request.user)})


@login_required
def consolidated(request, pk: int, period: int):
    obligation = selectors.obligation_for_compliance(user=request.user, pk=pk)
    if obligation is None:
        raise Http404
    period_obj, report = selectors.consolidated_for(obligation=obligation, period_id=period)
    if period_obj is None:
        raise Http404
    form = ConsolidatedForm(report=report) if report and report.is_done else None
    if request.method == "POST":
        action = request.POST.get("action", "compile")
        try:
            if action == "compile":
                services.consolidated_request(actor=request.user, obligation=obligation, period=period_obj,
                                              now=timezone.now())
                messages.info(request, _("The consolidated report is being compiled; its progress is shown below."))
            elif report is not None and action == "delete":
                services.consolidated_delete(actor=request.user, report=report, now=timezone.now())
                messages.success(request, _("The consolidated report has been deleted. An administrator or an "
                                            "approver can restore it from the trash."))
            elif report is not None and action in ("save", "issue"):
                form = ConsolidatedForm(request.POST, report=report)
                if not form.is_valid():
                    raise ValidationError(_("Correct the errors below."))
                services.consolidated_update(actor=request.user, report=report, **form.to_data())
                if action == "issue":
                    services.consolidated_issue(actor=request.user, report=report, now=timezone.now())
                    messages.success(request, _("The consolidated report was issued."))
                else:
                    messages.success(request, _("The consolidated report was saved."))
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, _error_text(error))
            if form is not None and form.is_bound:
                return render(request, "reporting/consolidated.html", {
                    "obligation": obligation, "period": period_obj, "report": report, "form": form})
        return redirect("reporting:consolidated", pk=obligation.pk, period=period_obj.pk)
    template = "reporting/_consolidated_progress.html" if request.htmx else "reporting/consolidated.html"
    return render(request, template, {"obligation": obligation, "period": period_obj, "report": report,
                                      "form": form})


@login_required
@require_GET
def consolidated_trash(request):
    """The deleted consolidated reports the user may restore; ``?format=xlsx``."""
    if not policy.can_see_trash(request.user):
        raise PermissionDenied
    return list_page(request, rows=selectors.deleted_consolidated(user=request.user),
                     template="reporting/consolidated_trash.html", filename="bao-cao-tong-hop-da-xoa",
                     title=_("Deleted consolidated reports"), columns=[
        Column(_("Obligation"), lambda r: r.obligation.title),
        Column(_("Plan"), lambda r: r.obligation.plan.title),
        Column(_("Period"), lambda r: str(r.period)),
        Column(_("Deleted at"), lambda r: r.deleted_at),
        Column(_("Deleted by"), lambda r: str(r.deleted_by or "")),
    ])


@login_required
@require_POST
def consolidated_restore(request, pk: int):
    report = selectors.deleted_consolidated(user=request.user).filter(pk=pk).first()
    if report is None:
        raise Http404
    try:
        services.consolidated_restore(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("reporting:consolidated_trash")
    messages.success(request, _("The consolidated report has been restored."))
    return redirect(report)


# --- Obligations of a plan ------------------------------------------------------------------


def _plan_or_404(user, pk: int):
    from plans.selectors import plan_get

    return plan_get(user=user, pk=pk)


def _add_model_errors(form, error: ValidationError) -> None:
    """Put the service's errors on the form's fields (unknown fields go to the top of the form)."""
    if hasattr(error, "error_dict"):
        for field_name, field_errors in error.message_dict.items():
            form.add_error(field_name if field_name in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


@login_required
def obligations(request, pk: int):
    plan = _plan_or_404(request.user, pk)
    rows = list(selectors.plan_obligations(plan))
    return render(request, "reporting/obligations.html", {
        "plan": plan, "rows": rows, "can_manage": policy.can_manage_obligations(request.user, plan),
        "proposals": proposals.proposals_of(plan, rows),
    })


def _obligation_form_page(request, plan, obligation=None):
    if not policy.can_manage_obligations(request.user, plan):
        raise PermissionDenied
    if request.method == "POST":
        form = ObligationForm(request.POST, obligation=obligation)
        if form.is_valid():
            try:
                services.obligation_save(actor=request.user, plan=plan, obligation=obligation, data=form.to_data())
            except ValidationError as error:
                _add_model_errors(form, error)
            else:
                messages.success(request, _("The reporting obligation was saved."))
                return redirect("reporting:obligations", pk=plan.pk)
    elif obligation is None:
        initial = {"recipient_unit": plan.owner_unit_id}
        index = request.GET.get("proposal", "")
        proposal = proposals.proposal_at(plan, int(index)) if index.isdigit() else None
        if proposal is not None:
            initial.update(proposals.initial_for(proposal, plan))
        form = ObligationForm(initial=initial)
    else:
        form = ObligationForm(obligation=obligation)
    return render(request, "reporting/obligation_form.html", {"plan": plan, "form": form, "obligation": obligation})


@login_required
def obligation_create(request, pk: int):
    return _obligation_form_page(request, _plan_or_404(request.user, pk))


def _obligation_or_404(user, pk: int):
    from .models import ReportingObligation

    obligation = ReportingObligation.objects.select_related("plan", "recipient_unit").filter(pk=pk).first()
    if obligation is None:
        raise Http404
    _plan_or_404(user, obligation.plan_id)  # one who may not see the plan learns nothing of it
    return obligation


@login_required
def obligation_update(request, pk: int):
    obligation = _obligation_or_404(request.user, pk)
    return _obligation_form_page(request, obligation.plan, obligation)


@login_required
@require_POST
def obligation_deactivate(request, pk: int):
    obligation = _obligation_or_404(request.user, pk)
    services.obligation_deactivate(actor=request.user, obligation=obligation)
    messages.success(request, _("The obligation was stopped: no new requests will be opened."))
    return redirect("reporting:obligations", pk=obligation.plan_id)


# --- Attachments -------------------------------------------------------------------------------


@login_required
@require_GET
def attachment(request, pk: int):
    from .models import SubmissionAttachment

    item = (SubmissionAttachment.objects.select_related("submission__request__obligation").filter(pk=pk).first())
    # A reviewer sees a report once its unit has submitted it; its drafts belong to the unit alone.
    if item is None or not (policy.can_fill(request.user, item.submission.request) or (
            item.submission.submitted_at is not None and policy.can_review(request.user, item.submission.request))):
        raise Http404
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.name)
