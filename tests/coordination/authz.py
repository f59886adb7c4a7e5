"""Coordination's part of the authorization walker (tests/test_authorization.py) and the bad-input test.

The world: a joint plan of the Ban Dân vận Tỉnh ủy (the ``partner`` user's body) and the Sở Y tế, drafted
by Phòng NVY and issued, with its agreement. Managers: NVY's author, the leadership approver and the
administrator. The partner's user updates the board's duties, nominates the board's attendees and logs
incidents; the rest they read. Against the department's other plans and the units' reports the partner's
user is refused everywhere (tests/coordination/test_partner.py walks that too).
"""

from __future__ import annotations

from tests.coordination.builders import coordination_world
from tests.test_authorization import USERS, action, page

MANAGERS = ("author", "approver", "admin")
NOT_MANAGERS = tuple(u for u in USERS if u not in MANAGERS)  # they see the agreement but may not run it
INTERNAL = tuple(u for u in USERS if u != "partner")
CDC_SEERS = tuple(u for u in INTERNAL if u != "other_head")  # the department's staff and the CDC itself
STAFF = ("author", "reviewer", "approver", "admin", "other_author", "other_reviewer")

RULES = {
    "coordination:index": page(),
    "coordination:agreement": page(targets={"pk": "agreement"}),
    "coordination:agreement_create": action(ok=MANAGERS, forbidden=("reviewer", "unit_head", "other_author",
                                                                    "other_reviewer", "other_head"),
                                            targets={"plan_pk": "issued"}, data={}),
    "coordination:party_update": action(ok=MANAGERS, forbidden=NOT_MANAGERS, targets={"pk": "party"},
                                        data={"standing_body": "Phòng Dân vận"}),
    "coordination:duty_create": action(ok=MANAGERS, forbidden=NOT_MANAGERS, targets={"pk": "agreement"},
                                       data=lambda world, variant: {"party": world.party.pk, "text": "Nhiệm vụ mới"}),
    "coordination:duty": page(targets={"pk": "board_duty"}),
    "coordination:evidence": page(targets={"pk": "evidence"}),
    "coordination:meetings_generate": action(ok=MANAGERS, forbidden=NOT_MANAGERS, targets={"pk": "agreement"},
                                             data={}),
    "coordination:meeting_create": page(ok=MANAGERS, forbidden=NOT_MANAGERS, targets={"pk": "agreement"}),
    "coordination:meetings": page(),
    "coordination:meeting": page(targets={"pk": "meeting"}),
    "coordination:attendee_add": action(ok=(*MANAGERS, "partner"),
                                        forbidden=tuple(u for u in NOT_MANAGERS if u != "partner"),
                                        targets={"pk": "meeting"},
                                        data=lambda world, variant: {"party": world.party.pk, "name": "Phan Thị Nga"}),
    "coordination:minutes_record": action(ok=MANAGERS, forbidden=NOT_MANAGERS, targets={"pk": "other_meeting"},
                                          data={"text": "Biên bản", "secretary": ""}),
    "coordination:decision_add": action(ok=MANAGERS, forbidden=NOT_MANAGERS, targets={"pk": "meeting"},
                                        data=lambda world, variant: {"title": "Việc mới", "deadline": "30/12/2099",
                                                                     "owner": world.followup.owner_id}),
    "coordination:followups": page(),
    "coordination:followup_close": action(ok=("reviewer", *MANAGERS),
                                          forbidden=("unit_head", "other_author", "other_reviewer", "other_head",
                                                     "partner"),
                                          targets={"pk": "followup"}, data={"result": "Đã xong"}),
    "coordination:models": page(ok=INTERNAL, forbidden=("partner",)),
    "coordination:model_create": page(ok=INTERNAL, forbidden=("partner",)),
    "coordination:model": page(ok=tuple(u for u in INTERNAL if u != "other_head"), targets={"pk": "dvk_model"}),
    "coordination:model_select": action(ok=("approver", "admin"),
                                        forbidden=("author", "reviewer", "other_author", "other_reviewer",
                                                   "unit_head"),
                                        targets={"pk": "dvk_model"}, data={"selected": "1"}),
    "coordination:replication_add": action(ok=STAFF, forbidden=("unit_head",), targets={"pk": "dvk_model"},
                                           data=lambda world, variant: {"unit": world.dvk_model.unit_id,
                                                                        "started_on": "01/03/2026"}),
    "coordination:incidents": page(),
    "coordination:incident_create": page(ok=(*MANAGERS, "partner"),
                                         forbidden=tuple(u for u in NOT_MANAGERS if u != "partner"),
                                         targets={"pk": "agreement"}),
    "coordination:incident": page(targets={"pk": "incident"}),
    # democracy regulation: the CDC's checklist and steering committee
    "coordination:democracy": page(ok=INTERNAL, forbidden=("partner",)),
    "coordination:checklist_open": action(ok=INTERNAL, forbidden=("partner",), data={"year": "2026"}),
    "coordination:checklist": page(ok=CDC_SEERS, targets={"pk": "checklist"}),
    "coordination:committee_create": page(ok=INTERNAL, targets={"plan_pk": "issued"}),
    "coordination:committee": page(ok=CDC_SEERS, targets={"pk": "committee"}),
    "coordination:committee_rules": page(ok=CDC_SEERS, targets={"pk": "committee"}),
    "coordination:commitments": page(ok=INTERNAL, forbidden=("partner",)),
    "coordination:commitment": page(ok=CDC_SEERS, targets={"pk": "commitment"}),
}

KWARGS = {"plan_pk": "coord_plan"}

FIELDS = ("standing_body", "party", "responsible", "note", "evidence", "host", "chair", "agenda", "name",
          "position", "secretary", "owner", "deadline", "result", "field", "description", "results", "started_on",
          "occurred_on", "assignee", "selected", "decided_on", "working_rules", "role", "duties", "done_d4",
          "evidence_d4", "whose", "self_evaluation", "rating")


def world(base, org, users) -> dict:
    return vars(coordination_world(org, users))


def state() -> tuple:
    from coordination.models import (
        Attendee,
        ChecklistEntry,
        Commitment,
        CommitteeMember,
        Duty,
        DutyNote,
        DvkModel,
        Evidence,
        FollowUp,
        Incident,
        IncidentAction,
        Meeting,
        Minutes,
        Party,
        Replication,
        SteeringCommittee,
    )

    return (
        list(Party.objects.order_by("pk").values_list("pk", "standing_body")),
        list(Duty.objects.order_by("pk").values_list("pk", "status", "responsible_id")),
        list(Meeting.objects.order_by("pk").values_list("pk", "status", "title")),
        list(FollowUp.objects.order_by("pk").values_list("pk", "status")),
        list(DvkModel.objects.order_by("pk").values_list("pk", "status")),
        list(Incident.objects.order_by("pk").values_list("pk", "status")),
        list(ChecklistEntry.objects.order_by("pk").values_list("pk", "done", "evidence")),
        list(Commitment.objects.order_by("pk").values_list("pk", "text", "rating")),
        *(model.objects.count() for model in (DutyNote, Evidence, Attendee, Minutes, Replication, IncidentAction,
                                              SteeringCommittee, CommitteeMember)),
    )
