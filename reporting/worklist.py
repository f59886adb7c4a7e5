"""What waits for a reviewer or an approver, and the obligations whose compliance they follow.

Pages reached from the menu (``templates/reporting/_nav.html``):

* ``worklist`` — "Việc chờ tôi xử lý": the plans submitted for my review or approval and the
  reports to review, each with the days it has been waiting (the landing page of reviewers and
  approvers, see ``plans.landing``);
* ``oversight`` — "Tình hình báo cáo": the reporting obligations whose compliance I follow, each
  linking to its compliance table;
* ``compliance_units`` — the units behind one figure of a compliance table (e.g. the units whose
  report of a period is missing).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans.choices import PlanStatus
from plans.selectors import plans_waiting_for

from . import policy, selectors

# What the waiting plan expects of its reader, by status.
NEXT_STEP = {
    PlanStatus.SUBMITTED: _("To review"),
    PlanStatus.APPROVED: _("To issue"),
    PlanStatus.FORWARDED: _("To approve"),
}

# The states of a compliance cell (``selectors.compliance``) and what a filtered list of them is called.
STATE_LABELS = {
    "missing": _("Missing"),
    "late": _("Late"),
    "on_time": _("On time"),
    "pending": _("Not yet due"),
    "done": _("Submitted"),
}


def _days_since(moment, today: dt.date) -> int:
    return max((today - timezone.localdate(moment)).days, 0) if moment else 0


def waiting_rows(user, today: dt.date) -> tuple[list, list]:
    """(plans, reports) waiting for ``user``, each row carrying ``days_waiting`` (two queries)."""
    plans = list(plans_waiting_for(user=user)[:200])  # the plans' own rule: plans.policy.awaiting_decision_q
    for plan in plans:
        plan.days_waiting = _days_since(plan.waiting_since or plan.updated_at, today)
        plan.next_step = NEXT_STEP.get(plan.status, "")
    reports = list(selectors.review_queue(user=user)[:200])
    for req in reports:
        req.days_waiting = _days_since(req.submitted_at, today)
        req.late = req.submitted_on_time() is False
    return plans, reports


@login_required
def worklist(request):
    if not policy.is_reviewer(request.user):
        raise PermissionDenied
    plans, reports = waiting_rows(request.user, timezone.localdate())
    return render(request, "reporting/worklist.html", {"plans": plans, "reports": reports})


def overseen_obligations(user) -> QuerySet:
    """The reporting obligations whose compliance ``user`` follows (``policy.can_oversee``), active first."""
    from .models import ReportingObligation

    if not policy.is_reviewer(user):
        return ReportingObligation.objects.none()
    return (ReportingObligation.objects.filter(policy.overseen_obligations_q(user))
            .select_related("plan", "recipient_unit").order_by("-is_active", "plan__title", "title", "id"))


@login_required
def oversight(request):
    if not policy.is_reviewer(request.user):
        raise PermissionDenied
    return render(request, "reporting/oversight.html", {"rows": list(overseen_obligations(request.user)[:500])})


@login_required
def compliance_units(request, pk: int, period: int):
    """The units behind one figure of the compliance table: those of ``period`` in the state ``?state=``."""
    obligation = selectors.obligation_for_compliance(user=request.user, pk=pk)
    if obligation is None:
        raise Http404
    state = request.GET.get("state", "missing")
    if state not in STATE_LABELS:
        state = "missing"
    period_obj = selectors.compliance_period(obligation=obligation, pk=period)
    if period_obj is None:
        raise Http404
    today = timezone.localdate()
    requests = selectors.compliance_requests(obligation=obligation, period_id=period_obj.pk, today=today,
                                             states={"done": ("on_time", "late")}.get(state, (state,)))
    return render(request, "reporting/compliance_units.html", {
        "obligation": obligation, "period": period_obj, "state": state, "state_label": STATE_LABELS[state],
        "states": STATE_LABELS, "rows": [(r.unit, r) for r in requests], "today": today,
    })
