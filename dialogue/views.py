"""Views: thin, each calls one selector or one service; access is decided in ``policy``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from plans.exports import Column, wants_xlsx, xlsx_response

from . import abuse, policy, selectors, services
from .choices import FollowUpStatus, PetitionKind, PetitionStatus, SessionForm, SessionStatus
from .forms import (
    ApproveForm,
    EntryForm,
    HeldForm,
    ModerateForm,
    PetitionActionForm,
    PetitionForm,
    QuestionForm,
    ReceptionForm,
    ResolveForm,
    SessionEditForm,
    TrackForm,
)
from .models import Minutes

PAGE_SIZE = 50


def _add_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- Sessions --------------------------------------------------------------------------------------

SESSION_COLUMNS = [
    Column(gettext_lazy("title"), lambda s: s.title),
    Column(gettext_lazy("form"), lambda s: s.get_form_display()),
    Column(gettext_lazy("date and time"), lambda s: s.starts_at),
    Column(gettext_lazy("organising room"), lambda s: s.organising_unit.display_short),
    Column(gettext_lazy("chair"), lambda s: str(s.chair or "")),
    Column(gettext_lazy("topics"), lambda s: "; ".join(t.name for t in s.topics.all())),
    Column(gettext_lazy("attendance"), lambda s: s.attendance),
    Column(gettext_lazy("issues raised"), lambda s: s.entry_count),
    Column(gettext_lazy("status"), lambda s: s.get_status_display()),
]


@login_required
def session_list(request):
    _require(policy.is_organiser(request.user))
    filters = {k: request.GET.get(k, "") for k in ("status", "form", "year")}
    sessions = selectors.session_list(user=request.user, filters=filters)
    if wants_xlsx(request):
        return xlsx_response(filename="doi-thoai", title=_("Dialogue sessions"), columns=SESSION_COLUMNS,
                             rows=sessions)
    return render(request, "dialogue/session_list.html", {
        "page": _page(request, sessions), "filters": filters, "statuses": SessionStatus.choices,
        "forms": SessionForm.choices})


@login_required
def session_create(request):
    _require(policy.is_organiser(request.user))
    return _session_form(request, None)


@login_required
def session_edit(request, pk: int):
    session = selectors.session_get(user=request.user, pk=pk)
    _require(policy.can_manage_session(request.user, session))
    return _session_form(request, session)


def _session_form(request, session):
    initial = {}
    if session is not None:
        initial = {name: getattr(session, name) for name in services.SESSION_FIELDS}
        initial["starts_at"] = timezone.localtime(session.starts_at)
        initial["topics"] = list(session.topics.all())
    form = SessionEditForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.session_save(actor=request.user, data=form.cleaned_data, session=session)
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The session was saved."))
            return redirect(saved)
    return render(request, "dialogue/session_form.html", {"form": form, "session": session})


@login_required
def session_detail(request, pk: int):
    session = selectors.session_get(user=request.user, pk=pk)
    return _session_page(request, session)


def _session_page(request, session, **forms):
    Minutes.objects.get_or_create(session=session)
    context = {
        "session": session, "entries": selectors.session_entries(session),
        "can_manage": policy.can_manage_session(request.user, session),
        "entry_form": forms.get("entry_form") or EntryForm(),
        "held_form": forms.get("held_form") or HeldForm(initial={"attendance": session.attendance}),
        "approve_form": forms.get("approve_form") or ApproveForm(initial={"summary": session.minutes_summary}),
        "minutes": session.minutes, "today": timezone.localdate(),
    }
    return render(request, "dialogue/session_detail.html", context, status=400 if forms else 200)


def _session_post(request, pk: int, *, form_class, form_key: str, call, done: str):
    """A POST on a session's page: ``call(session, cleaned_data)`` runs one service; errors re-show the page."""
    session = selectors.session_get(user=request.user, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(session, form)
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, done)
            return redirect(session)
    _require(policy.can_manage_session(request.user, session))
    return _session_page(request, session, **{form_key: form})


@login_required
@require_POST
def session_held(request, pk: int):
    return _session_post(request, pk, form_class=HeldForm, form_key="held_form",
                         done=_("The session is marked as held."),
                         call=lambda session, form: services.session_mark_held(
                             actor=request.user, session=session, attendance=form.cleaned_data["attendance"]))


@login_required
@require_POST
def minutes_approve(request, pk: int):
    return _session_post(request, pk, form_class=ApproveForm, form_key="approve_form",
                         done=_("The minutes are approved."),
                         call=lambda session, form: services.minutes_approve(
                             actor=request.user, session=session, summary=form.cleaned_data["summary"],
                             now=timezone.now()))


@login_required
@require_POST
def entry_create(request, pk: int):
    return _session_post(request, pk, form_class=EntryForm, form_key="entry_form",
                         done=_("The entry was added to the minutes."),
                         call=lambda session, form: services.minutes_entry_add(
                             actor=request.user, session=session, data=form.cleaned_data,
                             follow_up=form.follow_up(), today=timezone.localdate()))


# --- Moderation ------------------------------------------------------------------------------------


@login_required
def moderation(request, pk: int, form=None, question=None):
    session = selectors.session_get(user=request.user, pk=pk)
    _require(policy.can_manage_session(request.user, session))
    questions = selectors.moderation_questions(session)
    return render(request, "dialogue/moderation.html", {
        "session": session, "questions": questions, "failed_form": form, "failed_question": question},
        status=400 if form else 200)


@login_required
@require_POST
def question_moderate(request, pk: int, question_pk: int):
    session = selectors.session_get(user=request.user, pk=pk)
    _require(policy.can_manage_session(request.user, session))
    question = session.questions.filter(pk=question_pk).first()
    if question is None:
        from django.http import Http404

        raise Http404
    form = ModerateForm(request.POST, session=session)
    if form.is_valid():
        data, action = form.cleaned_data, form.cleaned_data["action"]
        try:
            if action == "publish":
                services.question_publish(actor=request.user, question=question)
            elif action == "reject":
                services.question_reject(actor=request.user, question=question, reason=data["reason"])
            elif action == "merge":
                if data["into"] is None:
                    raise ValidationError({"into": _("Choose the question it duplicates.")})
                services.question_merge(actor=request.user, question=question, into=data["into"])
            else:
                services.question_answer(actor=request.user, question=question, answer=data["answer"],
                                         answered_by=data["answered_by"])
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The question %(code)s was updated.") % {"code": question.tracking_code})
            return redirect("dialogue:moderation", pk=session.pk)
    return moderation(request, pk, form=form, question=question)


# --- Follow-ups ------------------------------------------------------------------------------------

FOLLOW_UP_COLUMNS = [
    Column(gettext_lazy("action required"), lambda f: f.action),
    Column(gettext_lazy("session"), lambda f: f.entry.session.title),
    Column(gettext_lazy("responsible unit"), lambda f: f.responsible_unit.display_short),
    Column(gettext_lazy("deadline"), lambda f: f.due_date),
    Column(gettext_lazy("status"), lambda f: f.get_status_display()),
    Column(gettext_lazy("resolution"), lambda f: f.resolution),
    Column(gettext_lazy("resolved on"), lambda f: f.resolved_on),
]


@login_required
def follow_up_list(request):
    _require(policy.is_internal(request.user))
    today = timezone.localdate()
    filters = {"mine": request.GET.get("mine") == "1", "status": request.GET.get("status", ""),
               "overdue": request.GET.get("overdue") == "1"}
    follow_ups = selectors.follow_up_list(user=request.user, filters=filters, today=today)
    if wants_xlsx(request):
        return xlsx_response(filename="theo-doi-sau-doi-thoai", title=_("Follow-ups"), columns=FOLLOW_UP_COLUMNS,
                             rows=follow_ups)
    page = _page(request, follow_ups)
    for follow_up in page:
        follow_up.is_overdue = follow_up.overdue_on(today)
        follow_up.can_resolve = (follow_up.status == FollowUpStatus.OPEN
                                 and policy.can_resolve_follow_up(request.user, follow_up))
    return render(request, "dialogue/follow_up_list.html", {
        "page": page, "filters": filters, "statuses": FollowUpStatus.choices, "form": ResolveForm()})


@login_required
@require_POST
def follow_up_resolve(request, pk: int):
    follow_up = selectors.follow_up_get(user=request.user, pk=pk)
    _require(policy.can_resolve_follow_up(request.user, follow_up))
    form = ResolveForm(request.POST)
    if form.is_valid():
        try:
            services.follow_up_resolve(actor=request.user, follow_up=follow_up,
                                       resolution=form.cleaned_data["resolution"], today=timezone.localdate())
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The resolution was recorded."))
            return redirect("dialogue:followups")
    return render(request, "dialogue/follow_up_resolve.html", {"follow_up": follow_up, "form": form}, status=400)


# --- Petitions -------------------------------------------------------------------------------------

PETITION_COLUMNS = [
    Column(gettext_lazy("received on"), lambda p: p.received_on),
    Column(gettext_lazy("kind"), lambda p: p.get_kind_display()),
    Column(gettext_lazy("channel"), lambda p: p.get_channel_display()),
    Column(gettext_lazy("petitioner"), lambda p: p.petitioner),
    Column(gettext_lazy("content"), lambda p: p.summary),
    Column(gettext_lazy("receiving unit"), lambda p: p.unit.display_short),
    Column(gettext_lazy("assigned to"), lambda p: p.assigned_unit.display_short if p.assigned_unit_id else ""),
    Column(gettext_lazy("due date"), lambda p: p.due_date),
    Column(gettext_lazy("status"), lambda p: p.get_status_display()),
    Column(gettext_lazy("overdue"), lambda p: p.is_overdue),
]


@login_required
def petition_list(request):
    _require(policy.is_internal(request.user))
    today = timezone.localdate()
    filters = {"kind": request.GET.get("kind", ""), "status": request.GET.get("status", ""),
               "overdue": request.GET.get("overdue") == "1"}
    petitions = selectors.petition_list(user=request.user, filters=filters, today=today)
    if wants_xlsx(request):
        return xlsx_response(filename="don-thu", title=_("Petitions"), columns=PETITION_COLUMNS, rows=petitions)
    return render(request, "dialogue/petition_list.html", {
        "page": _page(request, petitions), "filters": filters, "kinds": PetitionKind.choices,
        "statuses": PetitionStatus.choices, "today": today})


@login_required
def petition_create(request):
    _require(policy.can_register(request.user))
    form = PetitionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            petition = services.petition_register(actor=request.user, data=form.cleaned_data,
                                                  today=timezone.localdate())
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The petition was entered; it is due on %(due)s.")
                             % {"due": f"{petition.due_date:%d/%m/%Y}"})
            return redirect(petition)
    return render(request, "dialogue/petition_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def petition_detail(request, pk: int, form=None):
    today = timezone.localdate()
    petition = selectors.petition_get(user=request.user, pk=pk, today=today)
    return render(request, "dialogue/petition_detail.html", {
        "petition": petition, "form": form or PetitionActionForm(initial={"complexity": petition.complexity}),
        "can_handle": policy.can_handle_petition(request.user, petition),
        "can_resolve": policy.can_resolve_petition(request.user, petition),
        "receptions": petition.receptions.select_related("officer")}, status=400 if form else 200)


@login_required
@require_POST
def petition_action(request, pk: int):
    today = timezone.localdate()
    petition = selectors.petition_get(user=request.user, pk=pk, today=today)
    _require(policy.can_resolve_petition(request.user, petition))
    form = PetitionActionForm(request.POST)
    if form.is_valid():
        data, action, user = form.cleaned_data, form.cleaned_data["action"], request.user
        try:
            if action == "assign":
                if data["unit"] is None:
                    raise ValidationError({"unit": _("Choose the unit it is assigned to.")})
                services.petition_assign(actor=user, petition=petition, unit=data["unit"])
            elif action == "extend":
                services.petition_extend(actor=user, petition=petition,
                                         complexity=data["complexity"] or petition.complexity)
            elif action == "resolve":
                services.petition_resolve(actor=user, petition=petition, resolution=data["resolution"], today=today)
            else:
                services.petition_close(actor=user, petition=petition, today=today)
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The petition was updated."))
            return redirect(petition)
    return petition_detail(request, pk, form=form)


# --- Citizen reception -------------------------------------------------------------------------------

RECEPTION_COLUMNS = [
    Column(gettext_lazy("date"), lambda r: r.date),
    Column(gettext_lazy("unit"), lambda r: r.unit.display_short),
    Column(gettext_lazy("receiving officer"), lambda r: str(r.officer or "")),
    Column(gettext_lazy("citizen"), lambda r: r.citizen),
    Column(gettext_lazy("matter"), lambda r: r.matter),
    Column(gettext_lazy("outcome"), lambda r: r.outcome),
    Column(gettext_lazy("petition created"), lambda r: str(r.petition or "")),
]


@login_required
def reception_list(request):
    _require(policy.is_internal(request.user))
    receptions = selectors.reception_list(user=request.user)
    if wants_xlsx(request):
        return xlsx_response(filename="tiep-cong-dan", title=_("Citizen reception"), columns=RECEPTION_COLUMNS,
                             rows=receptions)
    form = ReceptionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.reception_record(actor=request.user, data=form.cleaned_data, petition_data=form.petition_data(),
                                      today=timezone.localdate())
        except ValidationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The reception was recorded."))
            return redirect("dialogue:receptions")
    return render(request, "dialogue/reception_list.html", {"page": _page(request, receptions), "form": form},
                  status=400 if form.errors else 200)


# --- The public page (no login, its own layout) ----------------------------------------------------------


def public_home(request):
    return render(request, "dialogue/public/home.html", {
        "sessions": selectors.public_sessions(now=timezone.now()), "past": selectors.public_past_sessions(),
        "track_form": TrackForm()})


def public_session(request, pk: int):
    session = selectors.public_session(pk)
    form = QuestionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                question = services.question_submit(session=session, data=form.cleaned_data,
                                                    address=abuse.client_address(request))
            except ValidationError as error:
                _add_error(form, error)
                status = 429 if isinstance(error, services.RateLimited) else 400
            else:
                return render(request, "dialogue/public/thanks.html", {"session": session, "question": question})
        else:
            status = 400
    return render(request, "dialogue/public/session.html", {
        "session": session, "form": form, "questions": selectors.published_questions(session)}, status=status)


def public_track(request):
    form = TrackForm(request.GET or None)
    question = selectors.question_by_code(form.cleaned_data["code"]) if form.is_valid() else None
    return render(request, "dialogue/public/track.html", {"form": form, "question": question,
                                                         "searched": form.is_bound})
