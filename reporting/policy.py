"""Who may do what in the reporting layer — every access check of reporting lives here.

The rules, in words (plans.policy covers the plans themselves; this module builds on it):

* a unit head fills in and submits the reports of their own unit only;
* a reviewer or approver whose unit is the obligation's recipient unit or one of
  its ancestors reviews (accepts or returns) the submitted reports, follows the
  obligation's compliance and compiles, edits and issues its consolidated report;
* a report (its attachments, its official rendering) is seen by whoever may fill
  it in or review it;
* a plan's reporting obligations are managed by the authors of the plan's drafting
  unit or of a unit above it, by approvers (leadership) of such a unit, and by
  administrators — provided they may see the plan;
* a consolidated report still in draft is deleted softly by those who compile it; an issued one never
  (it went out as the department's report); the trash of deleted consolidated reports is seen, and
  restored from, by administrators and by the approvers (leadership) who oversee the obligation — the
  same rule as for plans (``plans.policy.can_see_trash``);
* administrators may do everything.
"""

from __future__ import annotations

from django.db.models import Q

from plans.choices import Role
from plans.policy import can_see_trash, can_view_plan, is_admin
from plans.policy import user_scope as _scope  # the user's unit and below, cached per request

REVIEW_ROLES = (Role.REVIEWER, Role.APPROVER)
OBLIGATION_ROLES = (Role.AUTHOR, Role.APPROVER)


def is_unit_head(user) -> bool:
    return bool(user.is_authenticated and user.unit_id and user.has_role(Role.UNIT_HEAD))


def is_reviewer(user) -> bool:
    return bool(user.is_authenticated and (is_admin(user) or (user.unit_id and any(user.has_role(r)
                                                                                    for r in REVIEW_ROLES))))


# --- Which objects: filters for querysets (the inbox, the review queue, the dashboards ask these) ----------

_NOTHING = Q(pk__in=[])


def fillable_requests_q(user) -> Q:
    """A filter on ``ReportRequest``: the requests ``user`` fills in (their own unit's, as its head)."""
    return Q(unit_id=user.unit_id) if is_unit_head(user) else _NOTHING


def overseen_obligations_q(user, prefix: str = "") -> Q:
    """A filter on ``ReportingObligation`` (or, with ``prefix="obligation__"``, on what hangs from one): the
    obligations whose reports ``user`` reviews and whose compliance they follow."""
    if not is_reviewer(user):
        return _NOTHING
    if is_admin(user):
        return Q()
    return Q(**{f"{prefix}recipient_unit_id__any": _scope(user)})


def reviewable_requests_q(user) -> Q:
    """A filter on ``ReportRequest``: the requests ``user`` may review."""
    return overseen_obligations_q(user, prefix="obligation__")


def visible_requests_q(user) -> Q:
    """A filter on ``ReportRequest``: the reports ``user`` may read (fill in or review)."""
    if not user.is_authenticated:
        return _NOTHING
    return fillable_requests_q(user) | reviewable_requests_q(user)


# --- May this user do this to this object (the same rules, for one object already loaded) -----------------


def can_fill(user, report_request) -> bool:
    """May ``user`` write and submit ``report_request`` (their own unit's report, as its head)?"""
    return bool(is_unit_head(user) and user.unit_id == report_request.unit_id)


def can_oversee(user, obligation) -> bool:
    """A reviewer of the obligation's recipient unit (or above it) follows its compliance and compiles it."""
    if not is_reviewer(user):
        return False
    return is_admin(user) or obligation.recipient_unit_id in _scope(user)


def can_delete_consolidated(user, report) -> bool:
    from .choices import ConsolidatedState

    return report.state == ConsolidatedState.DRAFT and not report.is_deleted and can_oversee(user, report.obligation)


def deleted_consolidated_q(user) -> Q:
    """A filter on ``ConsolidatedReport.all_objects``: the deleted reports ``user`` sees in the trash and restores."""
    if not can_see_trash(user):
        return _NOTHING
    return Q(deleted_at__isnull=False) & overseen_obligations_q(user, prefix="obligation__")


def can_restore_consolidated(user, report) -> bool:
    return report.is_deleted and can_see_trash(user) and can_oversee(user, report.obligation)


def can_review(user, report_request) -> bool:
    return can_oversee(user, report_request.obligation)


def can_see_report(user, report_request) -> bool:
    """May ``user`` read the report of ``report_request`` (its attachments, its official rendering)?"""
    return bool(user.is_authenticated and (can_fill(user, report_request) or can_review(user, report_request)))


def can_manage_obligations(user, plan) -> bool:
    """May ``user`` add, change or stop the reporting obligations of ``plan``?"""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    if not user.unit_id or not any(user.has_role(r) for r in OBLIGATION_ROLES):
        return False
    return plan.owner_unit_id in _scope(user) and can_view_plan(user, plan)
