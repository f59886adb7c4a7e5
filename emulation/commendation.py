"""Registrations at the start of the year, the achievement record, nominations and the council's review.

Services (keyword-only, actor passed in, one transaction, permission checked here) and the reads of
the two pages. A title's conditions (``choices.TITLE_CONDITIONS``: a lower title in each of the
consecutive years just before) are checked against the achievement record (``Achievement``); a
nomination the council accepts enters the record, so next year's conditions see it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import policy
from .choices import TITLE_CONDITIONS, NominationStatus, RegistrationStatus, Title
from .models import Achievement, Nomination, Registration

EDITABLE = (RegistrationStatus.NOT_SENT, RegistrationStatus.REFUSED)


def _check_nominee(title: str, person_name: str) -> None:
    if title in Title.individual() and not person_name:
        raise ValidationError({"person_name": _("An individual title needs the person's name.")})
    if title not in Title.individual() and person_name:
        raise ValidationError({"person_name": _("A collective title is registered for the unit: leave the person "
                                                "empty.")})


@transaction.atomic
def registration_save(*, actor, unit, data: dict, registration: Registration | None = None) -> Registration:
    if not policy.can_register(actor, unit):
        raise PermissionDenied(_("You may register only for your own unit."))
    if registration is not None and registration.status not in EDITABLE:
        raise ValidationError(_("A registration sent for approval can no longer be changed."))
    registration = registration or Registration(unit=unit, created_by=actor if getattr(actor, "pk", None) else None)
    for name in ("year", "person_name", "title", "commitments"):
        if name in data:
            setattr(registration, name, (data[name] or "").strip() if isinstance(data[name], str) else data[name])
    _check_nominee(registration.title, registration.person_name)
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def registration_send(*, actor, registration: Registration) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not policy.can_register(actor, registration.unit):
        raise PermissionDenied(_("You may register only for your own unit."))
    if registration.status not in EDITABLE:
        raise ValidationError(_("This registration has already been sent."))
    registration.status = RegistrationStatus.WAITING
    registration.save(update_fields=["status", "updated_at"])
    return registration


@transaction.atomic
def registration_decide(*, actor, registration: Registration, approve: bool, reason: str = "") -> Registration:
    registration = Registration.objects.select_for_update().select_related("unit").get(pk=registration.pk)
    if not policy.can_decide(actor, registration.unit):
        raise PermissionDenied(_("Only the leadership over this unit may approve its registrations."))
    if registration.status != RegistrationStatus.WAITING:
        raise ValidationError(_("Only a registration waiting for approval can be approved or refused."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError(_("Give the reason for the refusal: the unit completes the registration and sends it "
                                "again."))
    registration.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.REFUSED
    registration.refusal_reason = "" if approve else reason
    registration.save(update_fields=["status", "refusal_reason", "updated_at"])
    return registration


@transaction.atomic
def registration_evaluate(*, actor, registration: Registration, text: str, today) -> Registration:
    """The year-end self-evaluation against the commitments (from 01/11 of the year, once approved)."""
    registration = Registration.objects.select_for_update().select_related("unit").get(pk=registration.pk)
    if not policy.can_register(actor, registration.unit):
        raise PermissionDenied(_("You may register only for your own unit."))
    if registration.status != RegistrationStatus.APPROVED:
        raise ValidationError(_("Only an approved registration is evaluated at the end of the year."))
    if (today.year, today.month) < (registration.year, 11):
        raise ValidationError(_("The self-evaluation opens on 01/11/%(year)s.") % {"year": registration.year})
    if not (text or "").strip():
        raise ValidationError(_("Write the self-evaluation against each commitment."))
    registration.self_evaluation = text.strip()
    registration.save(update_fields=["self_evaluation", "updated_at"])
    return registration


def missing_conditions(*, unit, person_name: str, title: str, year: int) -> str | None:
    """Why the achievement record does not allow ``title`` in ``year`` (None when it does)."""
    condition = TITLE_CONDITIONS.get(title)
    if condition is None:
        return None
    lower, years = condition
    wanted = set(range(year - years, year))
    held = set(Achievement.objects.filter(unit=unit, person_name=person_name, title=lower, year__in=wanted)
               .values_list("year", flat=True))
    missing = sorted(wanted - held)
    if not missing:
        return None
    return _("%(title)s needs %(lower)s in %(years)s consecutive years before %(year)s; the achievement record "
             "lacks %(missing)s.") % {"title": Title(title).label, "lower": Title(lower).label, "years": years,
                                      "year": year, "missing": ", ".join(str(y) for y in missing)}


@transaction.atomic
def nomination_create(*, actor, unit, data: dict) -> Nomination:
    if not policy.can_register(actor, unit):
        raise PermissionDenied(_("You may propose only for your own unit."))
    nomination = Nomination(unit=unit, proposed_by=actor if getattr(actor, "pk", None) else None,
                            year=data.get("year"), person_name=(data.get("person_name") or "").strip(),
                            title=data.get("title") or "", evidence=(data.get("evidence") or "").strip())
    _check_nominee(nomination.title, nomination.person_name)
    nomination.full_clean()
    reason = missing_conditions(unit=unit, person_name=nomination.person_name, title=nomination.title,
                                year=nomination.year)
    if reason:
        raise ValidationError({"title": reason})
    nomination.save()
    return nomination


@transaction.atomic
def nomination_review(*, actor, nomination: Nomination, accept: bool, reason: str = "") -> Nomination:
    """The council's review: met (the title enters the achievement record) or not met, with a reason."""
    nomination = Nomination.objects.select_for_update().select_related("unit").get(pk=nomination.pk)
    if not policy.can_decide(actor, nomination.unit):
        raise PermissionDenied(_("Only the emulation council over this unit may review its nominations."))
    if nomination.status != NominationStatus.PROPOSED:
        raise ValidationError(_("This nomination has already been reviewed."))
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ValidationError(_("Give the reason why the nomination does not meet the title."))
    nomination.status = NominationStatus.ACCEPTED if accept else NominationStatus.REJECTED
    nomination.review_reason, nomination.reviewed_by = reason, actor
    nomination.save(update_fields=["status", "review_reason", "reviewed_by", "updated_at"])
    if accept:
        Achievement.objects.create(unit=nomination.unit, person_name=nomination.person_name, title=nomination.title,
                                   year=nomination.year)
    return nomination


@transaction.atomic
def decision_create(*, actor, unit, year: int):
    """The year's decision on titles, issued by ``unit`` (the department), listing the accepted nominations."""
    from .models import DecisionList

    if not policy.can_decide(actor, unit):
        raise PermissionDenied(_("Only the emulation council over this unit may review its nominations."))
    decision, _created = DecisionList.objects.get_or_create(
        year=year, unit=unit, defaults={"created_by": actor if getattr(actor, "pk", None) else None})
    return decision


def registration_list(*, user, year: int | None = None):
    rows = Registration.objects.filter(policy.registrations_q(user)).select_related("unit")
    return rows.filter(year=year) if year else rows


def nomination_list(*, user, year: int | None = None):
    rows = Nomination.objects.filter(policy.registrations_q(user)).select_related("unit")
    return rows.filter(year=year) if year else rows


# --- Criteria checklists and exemplary people ------------------------------------------------------------------


@transaction.atomic
def checklist_create(*, actor, movement, name: str, criteria: list[str]):
    from .models import Checklist, Criterion

    if not policy.can_manage(actor, movement):
        raise PermissionDenied(_("Only the staff who manage this plan may change its emulation movement."))
    criteria = [c.strip() for c in criteria if c and c.strip()]
    if not (name or "").strip() or not criteria:
        raise ValidationError(_("Give the checklist's name and at least one criterion (one per line)."))
    checklist = Checklist(movement=movement, name=name.strip())
    checklist.full_clean()
    checklist.save()
    Criterion.objects.bulk_create([Criterion(checklist=checklist, text=text[:500], order=n)
                                   for n, text in enumerate(criteria, start=1)])
    return checklist


@transaction.atomic
def self_assess(*, actor, checklist, phase, unit, answers: dict) -> int:
    """The unit's self-assessment of each criterion for the phase (``answers``: {criterion pk: (met, note)})."""
    from .models import SelfAssessment

    if not policy.can_register(actor, unit):
        raise PermissionDenied(_("You may assess only your own unit."))
    if phase.movement_id != checklist.movement_id:
        raise ValidationError(_("The phase is not one of this movement's."))
    for criterion in checklist.criteria.all():
        met, note = answers.get(criterion.pk, (False, ""))
        SelfAssessment.objects.update_or_create(criterion=criterion, phase=phase, unit=unit,
                                                defaults={"met": bool(met), "note": (note or "")[:500]})
    return checklist.criteria.count()


@transaction.atomic
def exemplar_save(*, actor, unit, data: dict):
    from .models import Exemplar

    if not policy.can_register(actor, unit):
        raise PermissionDenied(_("You may register only for your own unit."))
    exemplar = Exemplar(unit=unit, created_by=actor if getattr(actor, "pk", None) else None,
                        **{k: data.get(k) for k in ("year", "kind", "name", "story")})
    exemplar.full_clean()
    exemplar.save()
    return exemplar


def exemplar_list(*, user, year: int | None = None):
    from .models import Exemplar

    rows = Exemplar.objects.filter(policy.registrations_q(user)).select_related("unit")
    return rows.filter(year=year) if year else rows


def checklist_summary(*, checklist, phase) -> list[dict]:
    """Per unit: how many criteria it marked met for the phase (one query)."""
    from django.db.models import Count, Q

    from .models import SelfAssessment

    return list(SelfAssessment.objects.filter(criterion__checklist=checklist, phase=phase)
                .values("unit__name").annotate(met=Count("id", filter=Q(met=True)), answered=Count("id"))
                .order_by("unit__name"))
