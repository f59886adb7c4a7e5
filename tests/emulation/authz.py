"""Emulation's part of the authorization walker and the bad-input test (see tests/test_authorization.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.test_authorization import OBLIGATION_REFUSED, SEES_ISSUED, action, page

MANAGERS = ("author", "approver", "admin")

RULES = {
    "emulation:movements": page(),
    "emulation:movement_create": page(ok=MANAGERS, forbidden=OBLIGATION_REFUSED),
    "emulation:movement": page(ok=SEES_ISSUED, targets={"pk": "emu_movement"}),
    "emulation:phase_create": action(ok=MANAGERS, forbidden=OBLIGATION_REFUSED, targets={"pk": "emu_movement"},
                                     data={"name": "Giai đoạn 3", "start": "2027-01-01", "end": "2027-03-31"}),
    "emulation:target_create": page(ok=MANAGERS, forbidden=OBLIGATION_REFUSED, targets={"pk": "emu_movement"}),
    "emulation:results_template": page(ok=MANAGERS, forbidden=OBLIGATION_REFUSED, targets={"pk": "emu_movement"}),
    "emulation:results_import": action(ok=MANAGERS, forbidden=OBLIGATION_REFUSED, targets={"pk": "emu_movement"}),
    "emulation:target": page(ok=SEES_ISSUED, targets={"pk": "emu_target"}),
    "emulation:target_edit": page(ok=MANAGERS, forbidden=OBLIGATION_REFUSED, targets={"pk": "emu_target"}),
    # a unit head enters their own unit's result; staff of other rooms and reviewers enter nothing
    "emulation:results": page(ok=(*MANAGERS, "unit_head", "other_head"),
                              forbidden=("reviewer", "other_author", "other_reviewer"), targets={"pk": "emu_target"}),
    "emulation:registrations": page(),
    "emulation:nominations": page(),
    # the unit's head sends and evaluates; the leadership over the unit approves (and the council reviews)
    "emulation:registration_action": action(ok=("approver", "admin"), forbidden=("unit_head",),
                                            targets={"pk": "emu_registration"}, data={"action": "approve"}),
    "emulation:nomination_review": action(ok=("approver", "admin"), forbidden=("unit_head",),
                                          targets={"pk": "emu_nomination"}, data={"decision": "accept"}),
    "emulation:decision_create": action(ok=("approver", "admin"), data={"year": "2026"},
                                        forbidden=("author", "reviewer", "unit_head", "other_author",
                                                   "other_reviewer", "other_head", "partner")),
    "emulation:checklist_create": action(ok=MANAGERS, forbidden=OBLIGATION_REFUSED, targets={"pk": "emu_movement"},
                                         data={"name": "03 xây, 03 chống, 03 biết", "criteria": "Biết lắng nghe"}),
    "emulation:checklist": page(ok=SEES_ISSUED, targets={"pk": "emu_checklist"}),
    "emulation:exemplars": page(),
}
KWARGS = {"plan": "issued", "phase": "emu_phase"}
FIELDS = ("name", "start", "end", "file", "two_halves", "measure", "value", "value_high", "threshold", "baseline",
          "baseline_year", "scope", "source", "numerator", "denominator", "factor", "order", "proposal_key",
          "indicator", "sector", "description", "person_name", "commitments", "evidence", "reason", "criteria",
          "story", "phase", "text")


def world(base, org, users) -> dict:
    from emulation import commendation, services

    movement = services.movement_create(actor=users.author, plan=base.issued, data={"title": "Phong trào 2026",
                                                                                       "year": 2026})
    phase = services.phase_save(actor=users.author, movement=movement, data={
        "name": "Giai đoạn 1", "start": dt.date(2026, 1, 1), "end": dt.date(2026, 6, 30)})
    target = services.target_save(actor=users.author, movement=movement, data={
        "name": "Tỷ lệ tiêm chủng đầy đủ", "measure": "percent", "direction": "at_least", "value": Decimal(95)})
    services.result_enter(actor=users.author, target=target, phase=phase, unit=org.cdc, value=Decimal("96.5"))
    registration = commendation.registration_save(actor=users.unit_head, unit=org.cdc, data={
        "year": 2026, "title": "tt_ldxs", "commitments": "Hoàn thành các chỉ tiêu."})
    commendation.registration_send(actor=users.unit_head, registration=registration)
    nomination = commendation.nomination_create(actor=users.unit_head, unit=org.cdc, data={
        "year": 2026, "title": "ldtt", "person_name": "Nguyễn Thị Hạnh", "evidence": "Hoàn thành tốt nhiệm vụ."})
    checklist = commendation.checklist_create(actor=users.author, movement=movement, name="03 xây, 03 chống, 03 biết",
                                              criteria=["Biết lắng nghe", "Chống quan liêu"])
    return {"emu_checklist": checklist, "emu_movement": movement, "emu_phase": phase, "emu_target": target,
            "emu_registration": registration,
            "emu_nomination": nomination}


def state() -> tuple:
    from emulation.models import (
        Achievement,
        Checklist,
        DecisionList,
        Exemplar,
        Movement,
        Nomination,
        Phase,
        Registration,
        Result,
        SelfAssessment,
        Target,
    )

    return (list(Movement.objects.order_by("pk").values_list("pk", "title")),
            list(Phase.objects.order_by("pk").values_list("pk", "start", "end")),
            list(Target.objects.order_by("pk").values_list("pk", "value", "direction")),
            list(Result.objects.order_by("pk").values_list("pk", "value")),
            list(Registration.objects.order_by("pk").values_list("pk", "status", "self_evaluation")),
            list(Nomination.objects.order_by("pk").values_list("pk", "status")), Achievement.objects.count(),
            DecisionList.objects.count(), Checklist.objects.count(), SelfAssessment.objects.count(),
            Exemplar.objects.count())
