"""State changes of the reporting layer: the daily tick, reminders, submissions and reviews.

Every function takes ``today`` (a date in Asia/Ho_Chi_Minh) or the actor explicitly;
nothing here reads the clock to decide a deadline. E-mails are queued with
``transaction.on_commit`` so nothing is sent for a change that rolled back.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plans.choices import Role
from plans.models import Unit, User
from plans.prepared import PreparedQuery
from plans.selectors import users_with_role
from plans.softdelete import soft_delete, soft_restore
from plans.uploads import clean_name

from . import attachments, extensions, jobs, notifications, periods, policy, schedule, selectors
from .indicators import values_errors
from .models import (
    SECTION_LABELS,
    ConsolidatedReport,
    ConsolidatedState,
    Notification,
    OutgoingEmail,
    Period,
    Reminder,
    ReminderChannel,
    ReportingObligation,
    ReportRequest,
    RequestStatus,
    Review,
    ReviewDecision,
    Submission,
    SubmissionAttachment,
    UnitsRule,
)

ACTIVE_PLAN_STATUSES = schedule.ACTIVE_PLAN_STATUSES


@dataclass
class TickSummary:
    today: dt.date
    created: list[str] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"today": self.today.isoformat(), "created": self.created, "reminded": self.reminded,
                "overdue": self.overdue}


# --- Obligations: units, periods, deadlines (reporting/schedule.py) ---------------

obligation_units, obligation_spans, obligation_due = schedule.obligation_units, schedule.obligation_spans, \
    schedule.obligation_due
_due_spans = schedule.due_spans


def _period_for(span: periods.PeriodSpan) -> Period:
    period, _created = Period.objects.get_or_create(
        period_type=span.period_type, calendar=span.calendar, year=span.year, index=span.index,
        start=span.start, end=span.end, defaults={"cut_off": span.cut_off},
    )
    return period


# --- The daily tick ------------------------------------------------------------


def reporting_tick(*, today: dt.date) -> TickSummary:
    """Open due requests, send reminders at the offsets, tell of newly overdue requests. Idempotent.

    Run it twice on the same day and the second run creates, sends and marks nothing.
    """
    summary = TickSummary(today=today)
    holidays = selectors.holidays_between(dt.date(today.year - 2, 1, 1), dt.date(today.year + 2, 12, 31))
    obligations = list(ReportingObligation.objects.filter(
        is_active=True, plan__status__in=ACTIVE_PLAN_STATUSES,
    ).select_related("plan").prefetch_related("units"))
    due = {o.pk: list(_due_spans(o, today=today, holidays=holidays)) for o in obligations}
    # Which unit already has which period's request: a unit added to an obligation (or a new
    # facility) gets its request even when as many requests as units exist already.
    existing = set(
        ReportRequest.objects.filter(obligation__in=[o for o in obligations if due[o.pk]],
                                     due_date__gte=min((d for spans in due.values() for _s, d in spans),
                                                       default=today))
        .values_list("obligation_id", "period__period_type", "period__start", "period__end", "unit_id")
    )
    active_units = list(Unit.objects.filter(is_active=True)) if any(due.values()) else []
    for obligation in obligations:
        units = obligation_units(obligation, active_units)
        missing = []
        for span, due_on in due[obligation.pk]:
            key = (obligation.pk, span.period_type, span.start, span.end)
            absent = [unit for unit in units if (*key, unit.pk) not in existing]
            if absent:
                missing.append((span, due_on, absent))
        if missing:  # the usual day has nothing missing and writes nothing
            _open_requests(obligation, missing=missing, summary=summary)
    offsets = [offset for o in obligations for offset in (o.reminder_offsets or [])]
    _send_reminders(today=today, summary=summary, horizon=max(offsets, default=0))
    _escalate_overdue(today=today, summary=summary)
    return summary


@transaction.atomic
def _open_requests(obligation, *, missing, summary):
    """Create the missing requests in one insert per period; the unique key makes a concurrent run harmless."""
    for span, due, units in missing:
        period = _period_for(span)
        ReportRequest.objects.bulk_create(
            [ReportRequest(obligation=obligation, unit=unit, period=period, due_date=due) for unit in units],
            ignore_conflicts=True,
        )
        summary.created += [f"{obligation} — {unit.display_short} — {period} ({due:%d/%m/%Y})" for unit in units]
    selectors.requests_opened()  # the inboxes and the overview: a bulk insert sends no signal


def _unit_heads(unit_ids) -> dict[int, list[User]]:
    heads: dict[int, list[User]] = {}
    for user in users_with_role(Role.UNIT_HEAD, unit_ids):
        heads.setdefault(user.unit_id, []).append(user)
    return heads


def _reviewers_of(recipient_unit_id: int) -> list[User]:
    """Who reviews what is sent to ``recipient_unit_id``: reviewers and approvers of it and the units above."""
    return list(users_with_role(policy.REVIEW_ROLES, selectors.unit_ancestor_ids(recipient_unit_id)))


def _request_params(report_request: ReportRequest, **extra) -> dict:
    return {"title": report_request.obligation.title, "period": notifications.period_param(report_request.period),
            "unit": report_request.unit.display_short, **extra}


def _send_reminders(*, today, summary, horizon: int):
    """``horizon``: the largest reminder offset of any obligation; later deadlines need no reminder yet.

    The day's reminders are claimed in one insert (``_claim_reminders``); only the run that wrote a row sends its
    message, so a second run on the same day, or one running at the same time, sends nothing again.
    """
    # The window's requests as a few columns first: most owe no reminder today, and only those that do are read
    # whole (with their obligation, plan, unit and period).
    window = (ReportRequest.objects.owed().filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=horizon))
              .order_by("due_date", "id").values_list("pk", "unit_id", "due_date", "obligation__reminder_offsets"))
    due_now = {}
    for pk, unit_id, due, offsets in window:
        offset = periods.reminder_offset_due(due=due, today=today, offsets=offsets or [])
        if offset is not None:
            due_now[pk] = (unit_id, offset)
    heads = _unit_heads({unit_id for unit_id, _offset in due_now.values()})
    sent = set(Reminder.objects.filter(request_id__in=list(due_now))
               .values_list("request_id", "offset_days", "channel"))
    keys = [(pk, offset, channel) for pk, (unit_id, offset) in due_now.items() if heads.get(unit_id)
            for channel in (ReminderChannel.EMAIL, ReminderChannel.IN_APP)
            if (pk, offset, channel) not in sent]  # the unique key is what guarantees it; this only saves work
    requests = selectors.request_base_queryset().in_bulk({pk for pk, _offset, _channel in keys}) if keys else {}
    wanted = [(requests[pk], offset, channel) for pk, offset, channel in keys if pk in requests]
    if not wanted:
        return
    with transaction.atomic():
        now = timezone.now()
        claimed = _claim_reminders([(r.pk, offset, channel, now if channel == ReminderChannel.IN_APP else None)
                                    for r, offset, channel in wanted])
        notices, emails, undeliverable = [], [], []
        for report_request, offset, channel in wanted:
            reminder_id = claimed.get((report_request.pk, offset, channel))
            if reminder_id is None:
                continue  # another run wrote it first
            recipients = heads[report_request.unit_id]
            params = _request_params(report_request, due=report_request.due_date.isoformat(),
                                     days=(report_request.due_date - today).days)
            url = report_request.get_absolute_url()
            if channel == ReminderChannel.IN_APP:  # delivered at once: written with delivered_at
                notices.append((recipients, "report_reminder", params, url))
            else:
                subject = _("Report due on %(due)s") % {"due": f"{report_request.due_date:%d/%m/%Y}"}
                rows = _email_rows(users=recipients, subject=subject, kind="report_reminder", params=params, url=url,
                                   reminder_id=reminder_id, now=now)
                emails += rows
                if not rows:  # nobody has an address: nothing to deliver
                    undeliverable.append(reminder_id)
            summary.reminded.append(
                f"{report_request.obligation} — {report_request.unit.display_short} — {report_request.period}: "
                f"−{offset} ({channel})"
            )
        notifications.notify_each(notices)
        _email_send(OutgoingEmail.objects.bulk_create(emails, batch_size=500))
        if undeliverable:
            Reminder.objects.filter(pk__in=undeliverable).update(delivered_at=now)


def _claim_reminders(rows) -> dict[tuple, int]:
    """Write the reminders ``rows`` (request id, offset, channel, delivered at) that are not written yet, in one
    insert per 500; returns the id of each one this call wrote, by (request id, offset, channel).

    ``INSERT … ON CONFLICT DO NOTHING RETURNING`` (PostgreSQL, SQLite ≥ 3.35): the unique key decides which run
    wrote a reminder, and that run alone sends it. Django's ``bulk_create(ignore_conflicts=True)`` does not say
    which rows it wrote.
    """
    table, sent_at = connection.ops.quote_name(Reminder._meta.db_table), timezone.now()
    claimed: dict[tuple, int] = {}
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start:start + 500]
            cursor.execute(
                f"INSERT INTO {table} (request_id, offset_days, channel, sent_at, delivered_at) VALUES "  # noqa: S608
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
                + " ON CONFLICT (request_id, offset_days, channel) DO NOTHING"
                " RETURNING id, request_id, offset_days, channel",
                [value for request_id, offset, channel, delivered in chunk
                 for value in (request_id, offset, str(channel), sent_at, delivered)],
            )
            claimed.update({(request_id, offset, channel): pk for pk, request_id, offset, channel in cursor.fetchall()})
    return claimed


def _escalate_overdue(*, today, summary):
    """Once a report is overdue, tell its unit head and its reviewers, once (the first run after the deadline,
    or the first after a missed day or a backfill).

    Overdue itself is never stored: it is derived from the due date (``ReportRequestQuerySet.overdue``). The
    escalations are claimed in one insert, as the reminders are.
    """
    late = list(selectors.request_base_queryset().overdue(today)
                .exclude(reminders__channel=ReminderChannel.ESCALATION).order_by("due_date", "id"))
    if not late:
        return
    heads = _unit_heads({r.unit_id for r in late})
    reviewers: dict[int, list[User]] = {}
    with transaction.atomic():
        claimed = _claim_reminders([(r.pk, 0, ReminderChannel.ESCALATION, timezone.now()) for r in late])
        notices = []
        for report_request in late:
            if (report_request.pk, 0, ReminderChannel.ESCALATION) not in claimed:
                continue
            recipient = report_request.obligation.recipient_unit_id
            if recipient not in reviewers:
                reviewers[recipient] = _reviewers_of(recipient)
            users = {u.pk: u for u in heads.get(report_request.unit_id, []) + reviewers[recipient]}
            notices.append((users.values(), "report_overdue",
                            _request_params(report_request, due=report_request.due_date.isoformat()),
                            report_request.get_absolute_url()))
            summary.overdue.append(f"{report_request.obligation} — {report_request.unit.display_short} — "
                                   f"{report_request.period} ({report_request.due_date:%d/%m/%Y})")
        notifications.notify_each(notices)


# --- E-mail: one row and one task per message ------------------------------------


def email_queue(*, users, subject: str, kind: str = "", params: dict | None = None, body: str = "", url: str = "",
                key: str | None = None, reminder: Reminder | None = None) -> list[OutgoingEmail]:
    """Queue one e-mail per user with an address (in the caller's transaction; sent after commit).

    The body is ``body``, or the notification ``kind`` put into words. With ``key`` (one user only)
    an e-mail already queued under that key is not queued again.
    """
    rows = _email_rows(users=users, subject=subject, kind=kind, params=params, body=body, url=url,
                       reminder_id=reminder.pk if reminder else None, now=timezone.now())
    if key:
        queued = []
        for row in rows:
            email, created = OutgoingEmail.objects.get_or_create(
                key=key, defaults={f: getattr(row, f) for f in ("to", "user", "subject", "body", "reminder_id",
                                                                "queued_at")})
            if created:
                queued.append(email)
    else:
        queued = OutgoingEmail.objects.bulk_create(rows)
    _email_send(queued)
    return queued


def _email_rows(*, users, subject: str, kind: str = "", params: dict | None = None, body: str = "", url: str = "",
                reminder_id: int | None, now) -> list[OutgoingEmail]:
    """The unsaved e-mails of ``email_queue``: one per user with an address."""
    rows = []
    for user in users:
        if not user.email:
            continue
        text = body or notifications.notification_text(Notification(kind=kind, params=params or {}))
        if url:
            text = f"{text}\n\n{getattr(settings, 'PORTAL_BASE_URL', '').rstrip('/')}{url}"
        rows.append(OutgoingEmail(to=user.email, user=user, subject=subject[:255], body=text, reminder_id=reminder_id,
                                  queued_at=now))
    return rows


def _email_send(emails) -> None:
    """Hand each saved e-mail to its task once the caller's transaction commits."""
    for email in emails:
        transaction.on_commit(lambda email=email: jobs.job_send(email))


def _deliver(email: OutgoingEmail) -> dict:
    from django.core.mail import EmailMessage

    EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to]).send(fail_silently=False)
    return {}


# A mail server that refuses or drops the connection raises OSError (smtplib.SMTPException is one).
EMAIL_TRANSIENT_ERRORS = (*jobs.TRANSIENT_ERRORS, OSError)


def email_deliver(*, email_id: int, retry_in: float = 0) -> OutgoingEmail:
    """Send one queued e-mail (a job): idempotent, a delivered one is never sent again.

    Its reminder counts as delivered once all of the reminder's e-mails are.
    """
    email = jobs.job_execute(OutgoingEmail, email_id, _deliver, transient=EMAIL_TRANSIENT_ERRORS, retry_in=retry_in)
    if email is not None and email.is_done and email.reminder_id:
        Reminder.objects.filter(pk=email.reminder_id, delivered_at__isnull=True).exclude(
            emails__job_status__in=(jobs.JobStatus.QUEUED, jobs.JobStatus.RUNNING, jobs.JobStatus.FAILED),
        ).update(delivered_at=timezone.now())
    return email


def weekly_digest(*, today: dt.date) -> int:
    """E-mail each approver the overdue reports sent to their unit or below; returns the e-mails queued.

    Idempotent: one digest per user per ISO week (a unique key), even when the task runs twice.
    """
    year, week, _weekday = today.isocalendar()
    count = 0
    with transaction.atomic():
        for approver in users_with_role(Role.APPROVER).exclude(email=""):
            mine = list(selectors.overdue_requests(today=today, user=approver))  # what reporting.policy lets them see
            if not mine:
                continue
            lines = [
                _("%(unit)s — %(title)s — %(period)s — due %(due)s") % {
                    "unit": r.unit, "title": r.obligation.title, "period": r.period,
                    "due": f"{r.due_date:%d/%m/%Y}",
                }
                for r in mine
            ]
            subject = _("Overdue reports on %(today)s: %(n)d") % {"today": f"{today:%d/%m/%Y}", "n": len(mine)}
            count += len(email_queue(users=[approver], subject=subject, body="\n".join(lines),
                                     key=f"digest:{approver.pk}:{year}-W{week:02d}"))
    return count


# --- Submissions and reviews -------------------------------------------------


# made once (``PreparedQuery``): every draft save, submission and review runs it
_LOCK = PreparedQuery(lambda pk: ReportRequest.objects.select_for_update().filter(pk=pk)
                      .only("status", "submitted_at", "updated_at"))


def _locked(report_request: ReportRequest) -> ReportRequest:
    """``report_request`` with its row locked to the end of the transaction and its state read again under the
    lock (a concurrent submission or decision may have changed it). The related rows it holds (obligation, plan,
    unit, period) are kept: nothing that locks a request changes them."""
    (current,) = _LOCK.objects(report_request.pk)
    report_request.status, report_request.submitted_at, report_request.updated_at = (
        current.status, current.submitted_at, current.updated_at)
    return report_request


def _draft_in_place(draft: Submission | None, content: dict) -> Submission | None:
    """``draft`` (the latest version as read before the request was locked) with ``content`` written over it, if it
    is still a draft: then it is still the latest version, a new one being made only over a submitted one, and
    it need not be read again under the lock. ``None`` otherwise (the caller reads the latest version). Written
    with ``update()``: a draft's save sends no signal that anything waits for (``reporting.progress`` and the
    dashboards count submitted reports only)."""
    if draft is None or draft.pk is None or draft.submitted_at is not None:
        return None
    now = timezone.now()
    if not Submission.objects.filter(pk=draft.pk, submitted_at__isnull=True).update(**content, updated_at=now):
        return None
    for name, value in content.items():
        setattr(draft, name, value)
    draft.updated_at = now
    return draft


def _draft_content(report_request: ReportRequest, data: dict) -> dict:
    """The columns of a version from the form's ``data``; its indicator values checked."""
    values = data.get("indicator_values", {})
    errors = values_errors(report_request.obligation.indicators, values)
    if errors:
        raise ValidationError(list(errors.values()))
    return {"narrative": data.get("narrative", {}), "task_updates": data.get("task_updates", {}),
            "indicator_values": values,
            "section_values": data.get("section_values", {})}  # the figures of the apps' report sections


def _write_draft(*, actor, report_request: ReportRequest, data: dict, latest: Submission | None = None) -> Submission:
    content = _draft_content(report_request, data)
    uploads = list(data.get("attachments") or [])
    kinds = [attachments.check_upload(upload) for upload in uploads]
    current = _draft_in_place(latest, content)
    carried = []
    if current is None:
        current = report_request.submissions.order_by("-version").first()
        if current is None or current.submitted_at is not None:
            carried = list(current.attachments.all()) if current else []  # a new version keeps the files
            current = Submission(request=report_request, version=(current.version + 1) if current else 1)
        for name, value in content.items():
            setattr(current, name, value)
        current.save()
    removed = set(data.get("remove_attachments") or [])
    SubmissionAttachment.objects.bulk_create([
        SubmissionAttachment(submission=current, file=a.file.name, name=a.name, size=a.size, kind=a.kind,
                             uploaded_by_id=a.uploaded_by_id) for a in carried if a.pk not in removed
    ])
    if removed:
        current.attachments.filter(pk__in=removed).delete()  # the file stays: an older version may cite it
    for upload, kind in zip(uploads, kinds, strict=True):
        name = clean_name(upload.name)
        SubmissionAttachment.objects.create(submission=current, file=upload, name=name, size=upload.size,
                                            kind=kind, uploaded_by=actor if getattr(actor, "pk", None) else None)
    return current


def _check_fill(actor, report_request):
    if not policy.can_fill(actor, report_request):
        raise PermissionDenied(_("You may report only for your own unit."))
    if report_request.status not in RequestStatus.open():
        raise ValidationError(_("This report has already been submitted; it can be changed only if it is returned."))


def report_save_draft(*, actor, report_request: ReportRequest, data: dict,
                      latest: Submission | None = None) -> Submission:
    """Save the unit's draft (a new version over a submitted one). ``latest``: the latest version, if the caller
    has read it (the form has): a draft it is written over without being read again."""
    written = _draft_at_once(actor=actor, report_request=report_request, data=data, latest=latest)
    return written if written is not None else _save_draft_locked(actor=actor, report_request=report_request,
                                                                  data=data, latest=latest)


def _draft_at_once(*, actor, report_request: ReportRequest, data: dict, latest: Submission | None):
    """Deadline day's most common save, a draft written again with no file added or removed, in one statement and
    no transaction: ``_draft_in_place`` writes it only while it is still a draft, and the row's own lock orders it
    against a submission, which writes ``submitted_at`` on that very row (PostgreSQL checks ``submitted_at IS NULL``
    again on the row it waited for). The request is open (as read by this request: it leaves the open statuses
    only by a submission). ``None`` when it does not apply or the draft was submitted meanwhile: the caller takes
    the locked way, which reads everything again."""
    if (latest is None or latest.submitted_at is not None or data.get("attachments")
            or data.get("remove_attachments") or report_request.status == RequestStatus.NOT_STARTED):
        return None
    _check_fill(actor, report_request)
    return _draft_in_place(latest, _draft_content(report_request, data))


@transaction.atomic
def _save_draft_locked(*, actor, report_request: ReportRequest, data: dict, latest: Submission | None):
    report_request = _locked(report_request)
    _check_fill(actor, report_request)
    submission = _write_draft(actor=actor, report_request=report_request, data=data, latest=latest)
    if report_request.status == RequestStatus.NOT_STARTED:
        report_request.status = RequestStatus.DRAFT
        report_request.save(update_fields=["status", "updated_at"])
    return submission


@transaction.atomic
def report_submit(*, actor, report_request: ReportRequest, data: dict, now: dt.datetime,
                  latest: Submission | None = None) -> Submission:
    """Submit the report at ``now`` (on time if by the deadline). The request row is locked, so a double
    click makes one submission. ``latest``: as for ``report_save_draft``."""
    report_request = _locked(report_request)
    _check_fill(actor, report_request)
    submission = _write_draft(actor=actor, report_request=report_request, data=data, latest=latest)
    submission.submitted_by, submission.submitted_at = actor, now
    submission.save(update_fields=["submitted_by", "submitted_at", "updated_at"])
    report_request.status = RequestStatus.SUBMITTED
    report_request.submitted_at = report_request.submitted_at or now
    report_request.save(update_fields=["status", "submitted_at", "updated_at"])
    extensions.sections_submitted(submission)  # the apps' figures go into their own records, in this transaction
    notifications.notify(_reviewers_of(report_request.obligation.recipient_unit_id), kind="report_submitted",
                         params=_request_params(report_request),
                         url=reverse("reporting:review", kwargs={"pk": report_request.pk}))
    return submission


@transaction.atomic
def report_review(*, actor, report_request: ReportRequest, decision: str, comment: str = "") -> Review:
    report_request = _locked(report_request)
    if not policy.can_review(actor, report_request):
        raise PermissionDenied(_("You may not review this report."))
    if report_request.status != RequestStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be reviewed."))
    comment = (comment or "").strip()
    if decision == ReviewDecision.RETURN and not comment:
        raise ValidationError({"comment": _("Say what must be revised.")})
    if decision not in ReviewDecision.values:
        raise ValidationError(_("Choose accept or return."))
    submission = report_request.submissions.exclude(submitted_at=None).order_by("-version").first()
    review = Review.objects.create(submission=submission, reviewer=actor, decision=decision, comment=comment)
    report_request.status = RequestStatus.ACCEPTED if decision == ReviewDecision.ACCEPT else RequestStatus.RETURNED
    report_request.save(update_fields=["status", "updated_at"])
    heads = _unit_heads([report_request.unit_id]).get(report_request.unit_id, [])
    kind = "report_accepted" if decision == ReviewDecision.ACCEPT else "report_returned"
    notifications.notify(heads, kind=kind, params=_request_params(report_request, comment=comment),
                         url=report_request.get_absolute_url())
    return review


def report_accept(*, actor, report_request: ReportRequest, comment: str = "") -> Review:
    return report_review(actor=actor, report_request=report_request, decision=ReviewDecision.ACCEPT,
                         comment=comment)


def report_return(*, actor, report_request: ReportRequest, comment: str) -> Review:
    return report_review(actor=actor, report_request=report_request, decision=ReviewDecision.RETURN,
                         comment=comment)


def notifications_mark_read(*, actor) -> int:
    """Mark every unread notice of ``actor`` as read; returns how many."""
    count = Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
    selectors.header_forget([actor.pk])
    return count


# --- Consolidated report ---------------------------------------------------------


@transaction.atomic
def consolidated_request(*, actor, obligation: ReportingObligation, period: Period,
                         now: dt.datetime) -> ConsolidatedReport:
    """Queue the compilation of ``obligation``'s report for ``period`` (a job: ``reporting.jobs``).

    Asking again while it is queued or running does nothing, unless the job was lost (no
    worker picked it up, or its worker died): then it is queued again. A failed or finished
    compilation is compiled anew (the accepted reports may have changed).
    """
    if not policy.can_oversee(actor, obligation):
        raise PermissionDenied(_("You may not compile this report."))
    report, created = ConsolidatedReport.objects.select_for_update().get_or_create(
        obligation=obligation, period=period, defaults={"requested_by": actor, "queued_at": now},
    )
    if report.state == ConsolidatedState.ISSUED:
        raise ValidationError(_("The consolidated report is issued; it can no longer be compiled again."))
    if created:
        transaction.on_commit(lambda: jobs.job_send(report))
    elif jobs.job_queue(report, now=now, again=True):
        ConsolidatedReport.objects.filter(pk=report.pk).update(requested_by=actor)
    return report


def _number_text(value: Decimal) -> str:
    """A Decimal without trailing zeros ("12.5", "3")."""
    text = format(value.normalize(), "f") if value == value else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def consolidated_compile(*, report_id: int, retry_in: float = 0) -> ConsolidatedReport:
    """Compile the accepted submissions into ``content``.

    ``content``: ``expected``/``accepted`` counts, ``missing`` units, ``sections`` (each
    with the units' entries and an editable ``text``), ``tasks`` (each of the plan's
    tasks with its progress by unit and a count by status), ``indicators`` (total,
    average, minimum and maximum over the reporting units). Progress is written as it
    goes (outside the final transaction) so the page can show it.
    """
    return jobs.job_execute(ConsolidatedReport, report_id, _compile, retry_in=retry_in)


def _compile(report: ConsolidatedReport) -> dict:
    if report.state == ConsolidatedState.ISSUED:
        return {}  # issued meanwhile: its content is final
    obligation = report.obligation
    jobs.job_progress(report, 10)
    requests = list(ReportRequest.objects.filter(obligation=obligation, period=report.period)
                    .select_related("unit").order_by("unit__order", "unit__name"))
    latest = {}
    accepted_ids = [r.pk for r in requests if r.status == RequestStatus.ACCEPTED]
    for submission in (Submission.objects.filter(request_id__in=accepted_ids).exclude(submitted_at=None)
                       .only("id", "request_id", "version", "narrative", "task_updates", "indicator_values")
                       .order_by("request_id", "version").iterator(chunk_size=500)):
        latest[submission.request_id] = submission  # the last submitted version wins
    accepted = [(r, latest[r.pk]) for r in requests if r.pk in latest]
    jobs.job_progress(report, 50)
    sections = []
    for key in obligation.sections or []:
        entries = [{"unit": r.unit.display_short, "text": s.narrative.get(key, "").strip()}
                   for r, s in accepted if (s.narrative.get(key) or "").strip()]
        sections.append({"key": key, "label": str(SECTION_LABELS.get(key, key)), "entries": entries,
                         "text": "\n".join(f"{e['unit']}: {e['text']}" for e in entries)})
    tasks = _compile_responsibilities(obligation, accepted)
    jobs.job_progress(report, 75)
    indicators = []
    for indicator in obligation.indicators:
        numbers = []
        for _r, s in accepted:
            raw = s.indicator_values.get(indicator.code)
            if raw not in (None, ""):
                try:
                    numbers.append(Decimal(str(raw)))
                except ArithmeticError:
                    continue
        total = sum(numbers, Decimal(0))
        indicators.append({
            "code": indicator.code, "label": indicator.name, "unit": indicator.unit_of_measure,
            "type": indicator.type, "units": len(numbers),
            "total": _number_text(total) if numbers else None,
            "average": _number_text((total / len(numbers)).quantize(Decimal("0.01"))) if numbers else None,
            "min": _number_text(min(numbers)) if numbers else None,
            "max": _number_text(max(numbers)) if numbers else None,
        })
    content = {
        "expected": len(requests), "accepted": len(accepted),
        "missing": [r.unit.display_short for r in requests if r.pk not in latest],
        "sections": sections, "tasks": tasks, "indicators": indicators,
    }
    return {"content": content}


def _compile_responsibilities(obligation, accepted) -> list[dict]:
    """Each task (responsibility) of the plan reported on, in the plan's order, with each unit's status and note."""
    if not obligation.include_tasks:
        return []
    updates = selectors.responsibility_updates(plan_id=obligation.plan_id, submissions=[s for _r, s in accepted])
    reported = {row.responsibility.pk: row.responsibility for rows in updates.values() for row in rows}
    order = sorted(reported.values(), key=lambda t: (t.item.section.order if t.item_id else -1,
                                                     t.item.order if t.item_id else -1, t.pk))
    group_of = {t.pk: (t.item_id or f"r{t.pk}") for t in order}
    rows = {}
    for task in order:  # one row per task of the plan, however many units lead it
        rows.setdefault(group_of[task.pk], {"task": str(task.item or task), "units": [], "counts": Counter()})
    for request, submission in accepted:
        for update in updates[submission.pk]:
            row = rows[group_of[update.responsibility.pk]]
            row["units"].append({"unit": request.unit.display_short, "status": update.status,
                                 "status_label": update.status_label, "note": update.note})
            row["counts"][update.status or "none"] += 1
    return [{"task": row["task"], "units": row["units"], "counts": dict(row["counts"])}
            for row in rows.values() if row["units"]]


def _check_consolidated_editable(actor, report: ConsolidatedReport) -> None:
    if not policy.can_oversee(actor, report.obligation):
        raise PermissionDenied(_("You may not change this consolidated report."))
    if report.state == ConsolidatedState.ISSUED:
        raise ValidationError(_("The consolidated report is issued; it can no longer be changed."))
    if not report.is_done:
        raise ValidationError(_("Wait until the compilation has finished."))


@transaction.atomic
def consolidated_update(*, actor, report: ConsolidatedReport, texts: dict[str, str],
                        summary: str = "") -> ConsolidatedReport:
    """Staff edit the compiled text of each section (``texts``: {section key: text}) before issuing."""
    report = ConsolidatedReport.objects.select_for_update().select_related("obligation").get(pk=report.pk)
    _check_consolidated_editable(actor, report)
    content = dict(report.content)
    content["sections"] = [dict(section, text=(texts.get(section["key"], section.get("text", "")) or "").strip())
                           for section in content.get("sections", [])]
    content["summary"] = (summary or "").strip()
    report.content = content
    report.save(update_fields=["content", "updated_at"])
    return report


@transaction.atomic
def consolidated_issue(*, actor, report: ConsolidatedReport, now: dt.datetime) -> ConsolidatedReport:
    """Issue the consolidated report at ``now``: no more compiling or editing."""
    report = ConsolidatedReport.objects.select_for_update().select_related("obligation").get(pk=report.pk)
    _check_consolidated_editable(actor, report)
    report.state, report.issued_at, report.issued_by = ConsolidatedState.ISSUED, now, actor
    report.save(update_fields=["state", "issued_at", "issued_by", "updated_at"])
    return report


@transaction.atomic
def consolidated_delete(*, actor, report: ConsolidatedReport, now: dt.datetime) -> ConsolidatedReport:
    """Delete a draft consolidated report softly: the period can be compiled anew; an issued one is refused."""
    report = ConsolidatedReport.objects.select_for_update().select_related("obligation").get(pk=report.pk)
    if report.state == ConsolidatedState.ISSUED:
        raise ValidationError(_("The consolidated report is issued; it cannot be deleted."), code="issued")
    if not policy.can_delete_consolidated(actor, report):
        raise PermissionDenied(_("You may not delete this consolidated report."))
    return soft_delete(report, actor=actor, now=now, reason=_("Deleted"))


@transaction.atomic
def consolidated_restore(*, actor, report: ConsolidatedReport) -> ConsolidatedReport:
    """Take a consolidated report out of the trash, unless the period has been compiled again meanwhile."""
    report = ConsolidatedReport.all_objects.select_for_update().select_related("obligation").get(pk=report.pk)
    if not policy.can_restore_consolidated(actor, report):
        raise PermissionDenied(_("You may not restore this consolidated report."))
    if ConsolidatedReport.objects.filter(obligation_id=report.obligation_id, period_id=report.period_id).exists():
        raise ValidationError(_("This period has been compiled again since: delete that report first."),
                              code="period_taken")
    return soft_restore(report, actor=actor, reason=_("Restored"))


# --- Obligations by hand and from the importer's proposals ------------------------

OBLIGATION_FIELDS = (
    "title", "units_rule", "unit_kind", "recipient_unit", "period_type", "calendar", "deadline_rule",
    "fixed_deadlines", "deadline_days", "shift_rule", "one_off_start", "one_off_end", "one_off_due",
    "open_days_before", "reminder_offsets", "active_from", "active_until", "sections", "include_tasks",
    "indicators", "proposal_key",
)


@transaction.atomic
def obligation_save(*, actor, plan, obligation: ReportingObligation | None = None,
                    data: dict) -> ReportingObligation:
    """Create (``obligation`` None) or change an obligation of ``plan``; the model's ``clean()`` errors are raised
    as a ``ValidationError`` keyed by field, with translated messages. ``data["units"]``: the named units."""
    if not policy.can_manage_obligations(actor, plan):
        raise PermissionDenied(_("You may not manage the reporting obligations of this plan."))
    if obligation is None:
        obligation = ReportingObligation(plan=plan)
    elif obligation.plan_id != plan.pk:
        raise PermissionDenied(_("This obligation belongs to another plan."))
    for name in OBLIGATION_FIELDS:
        if name in data:
            setattr(obligation, name, data[name])
    if obligation.units_rule != UnitsRule.UNIT_KIND:
        obligation.unit_kind = ""
    units = list(data.get("units") or [])
    errors = {}
    if obligation.units_rule == UnitsRule.NAMED and not units:
        errors["units"] = [_("Choose at least one unit.")]
    try:
        obligation.full_clean(exclude=["plan"])
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            errors.setdefault(field_name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    obligation.save()
    obligation.units.set(units if obligation.units_rule == UnitsRule.NAMED else [])
    return obligation


@transaction.atomic
def obligation_deactivate(*, actor, obligation: ReportingObligation) -> ReportingObligation:
    """Stop an obligation: no new requests are opened; the existing ones and their reports stay."""
    if not policy.can_manage_obligations(actor, obligation.plan):
        raise PermissionDenied(_("You may not manage the reporting obligations of this plan."))
    obligation.is_active = False
    obligation.save(update_fields=["is_active", "updated_at"])
    return obligation


@transaction.atomic
def calendar_link_rotate(*, actor, now: dt.datetime) -> str:
    """Give ``actor`` a new private deadline-feed link; the old one stops working at once. Returns the new token."""
    from .models import CalendarKey

    if not actor.is_authenticated:
        raise PermissionDenied(_("Log in to change your calendar link."))
    CalendarKey.objects.update_or_create(user=actor, defaults={"key": secrets.token_hex(16), "rotated_at": now})
    if hasattr(actor, "_header_state"):
        del actor._header_state
    return selectors.calendar_token(actor)
