"""Thin views: the unit head's inbox and report form, the reviewer's queue and decision."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import ReportForm, ReviewForm
from .models import SECTION_LABELS, RequestStatus, TaskStatus


def _with_days_left(requests, today):
    rows = list(requests)
    for row in rows:
        row.days_left = (row.due_date - today).days
        row.days_late = -row.days_left
        row.is_open = row.status in RequestStatus.open()
        row.late = bool(row.submitted_at and timezone.localdate(row.submitted_at) > row.due_date)
    return rows


@login_required
def inbox(request):
    if not selectors.is_unit_head(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    show_all = request.GET.get("all") == "1"
    rows = _with_days_left(selectors.inbox(user=request.user, include_closed=show_all)[:200], today)
    feed = request.build_absolute_uri(reverse("reporting:calendar", args=[selectors.calendar_token(request.user)]))
    return render(request, "reporting/inbox.html", {"rows": rows, "show_all": show_all, "today": today,
                                                    "feed_url": feed})


def _ics_text(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def calendar_feed(request, token: str):
    """The deadlines as iCalendar (RFC 5545), reached by a private link: no login, the token is the key."""
    user = selectors.user_from_calendar_token(token)
    if user is None:
        raise Http404
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//So Y te//Cong ke hoach//VI", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(_('Report deadlines'))}"]
    for req in selectors.calendar_requests(user=user)[:500]:
        lines += [
            "BEGIN:VEVENT", f"UID:report-request-{req.pk}@{request.get_host()}", f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{req.due_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{req.due_date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(f'{req.obligation.title} — {req.unit.display_short} — {req.period}')}",
            f"DESCRIPTION:{_ics_text(req.get_status_display())}",
            f"URL:{request.build_absolute_uri(req.get_absolute_url())}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def report(request, pk: int):
    report_request = selectors.request_for_fill(user=request.user, pk=pk)
    if report_request is None:
        raise Http404
    submission = selectors.latest_submission(report_request)
    tasks = selectors.unit_tasks(report_request)
    editable = report_request.status in RequestStatus.open()
    submitting = request.method == "POST" and "submit" in request.POST
    if request.method == "POST" and editable:
        form = ReportForm(request.POST, request.FILES, obligation=report_request.obligation, tasks=tasks,
                          submission=submission, submitting=submitting)
        if form.is_valid():
            service = services.report_submit if submitting else services.report_save_draft
            try:
                service(actor=request.user, request=report_request, data=form.to_data())
            except ValidationError as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(request, _("The report was submitted.") if submitting else _("The draft was saved."))
                if submitting:
                    return redirect("reporting:inbox")
                return redirect("reporting:report", pk=report_request.pk)
    else:
        form = ReportForm(obligation=report_request.obligation, tasks=tasks, submission=submission)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    last_review = selectors.last_review(report_request)
    return render(request, "reporting/report_form.html", {
        "req": report_request, "form": form, "editable": editable, "submission": submission,
        "last_review": last_review, "days_left": (report_request.due_date - timezone.localdate()).days,
    })


@login_required
def review_queue(request):
    if not selectors.is_reviewer(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    rows = _with_days_left(selectors.review_queue(user=request.user)[:200], today)
    return render(request, "reporting/review_queue.html", {"rows": rows})


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
            services.report_review(actor=request.user, request=report_request,
                                   decision=form.cleaned_data["decision"], comment=form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("Your decision was recorded."))
            return redirect("reporting:review_queue")
    tasks = {str(t.pk): t for t in selectors.unit_tasks(report_request)} if submission else {}
    task_rows = [(tasks.get(key), TaskStatus(update.get("status")).label if update.get("status") in TaskStatus.values
                  else "", update.get("note", "")) for key, update in (submission.task_updates.items()
                                                                      if submission else [])]
    narrative = [(SECTION_LABELS.get(k, k), v) for k, v in (submission.narrative.items() if submission else [])]
    return render(request, "reporting/review.html", {
        "req": report_request, "submission": submission, "submissions": submissions, "form": form,
        "narrative": narrative, "task_rows": task_rows,
        "can_decide": report_request.status == RequestStatus.SUBMITTED,
    })


@login_required
def compliance(request, pk: int):
    obligation = selectors.obligation_for_compliance(user=request.user, pk=pk)
    if obligation is None:
        raise Http404
    table = selectors.compliance(obligation=obligation, today=timezone.localdate())
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
    if request.method == "POST":
        services.consolidated_request(actor=request.user, obligation=obligation, period=period_obj)
        messages.info(request, _("The consolidated report is being compiled; reload the page in a moment."))
        return redirect("reporting:consolidated", pk=obligation.pk, period=period_obj.pk)
    return render(request, "reporting/consolidated.html", {"obligation": obligation, "period": period_obj,
                                                           "report": report})
