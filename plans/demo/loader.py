"""Build the demo through the real services, with the demo users as actors.

Idempotent: units are found by code, users by username, and a plan by its marker
(title, year and drafting unit); a plan that exists is skipped. Each plan is built in
one transaction, so a failure never leaves half a plan that a second run would skip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Max

from plans import services
from plans.extensions import demo_loaders
from plans.importing.demo import record_seeds
from plans.models import DocumentNumber, Plan, Unit, User

from . import extra, org, seed_001, seed_003, seed_004
from .dsl import DemoPlan, It

DEMO_PLANS: list[DemoPlan] = [seed_001.PLAN, seed_003.PLAN, seed_004.PLAN, *extra.PLANS]
SEED_PLANS = {"001": seed_001.PLAN, "003": seed_003.PLAN, "004": seed_004.PLAN}


@dataclass
class Result:
    units_created: int = 0
    users_created: int = 0
    plans_created: int = 0
    plans_skipped: int = 0
    seeds_imported: int = 0


def load_units() -> tuple[dict[str, Unit], int]:
    units: dict[str, Unit] = {}
    created = 0
    for order, (code, name, short, abbr, kind, parent, body, party) in enumerate(org.UNITS, start=1):
        unit, was_created = Unit.objects.update_or_create(
            code=code,
            defaults={"name": name, "short_name": short, "abbreviation": abbr, "kind": kind,
                      "parent": units[parent] if parent else None, "governing_body": body,
                      "is_party_body": party, "order": order, "is_active": True},
        )
        units[code] = unit
        created += was_created
    return units, created


def load_users(units: dict[str, Unit], *, reset_passwords: bool = False) -> tuple[dict[str, User], int]:
    users: dict[str, User] = {}
    created = 0
    for username, full_name, unit_code, roles, position in org.USERS:
        is_admin = username in org.ADMINS
        # Django shows first_name then last_name: keep the Vietnamese order (family, middle, given), as the
        # factories do, so that "Nguyễn Thị Lan" reads as written.
        family, _sep, given = full_name.rpartition(" ")
        user, was_created = User.objects.update_or_create(
            username=username,
            defaults={"first_name": family, "last_name": given, "unit": units[unit_code], "position": position,
                      "email": f"{username}@syt.local", "is_staff": is_admin, "is_superuser": is_admin,
                      "is_active": True},
        )
        if was_created or reset_passwords:
            user.set_password(org.PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(*(Group.objects.get_or_create(name=role)[0] for role in roles))
        user._roles_cache = None
        users[username] = user
        created += was_created
    return users, created


def plan_marker(demo: DemoPlan, units: dict[str, Unit]):
    """The structured demo plan (its imported twin of the same title has a source file)."""
    return Plan.objects.filter(title=demo.title, year=demo.year, owner_unit=units[demo.owner], source_file="")


def _add_items(actor, section, items: list[It], units, parent=None) -> None:
    for spec in items:
        item = services.item_create(actor=actor, section=section, text=spec.text, style=spec.style,
                                    heading=spec.heading, parent=parent)
        for duty in spec.duties:
            services.responsibility_save(
                actor=actor, plan=section.plan,
                data={"item": item, "lead_unit": units[duty.lead] if duty.lead else None,
                      "lead_text": duty.lead_text, "due_date": duty.due, "recurrence": duty.recurrence,
                      "expected_output": duty.output},
                supporting_units=[units[code] for code in duty.support],
            )
        _add_items(actor, section, spec.children, units, parent=item)


def _run_step(step, plan: Plan, users: dict[str, User]) -> Plan:
    actor = users[step.by]
    if step.action == "issue":
        return services.plan_issue(actor=actor, plan=plan, issued_on=step.on, comment=step.comment)
    action: dict[str, Callable] = {
        "submit": services.plan_submit,
        "return": services.plan_return,
        "approve": services.plan_approve,
        "start": services.plan_start_implementation,
        "close": services.plan_close,
    }
    return action[step.action](actor=actor, plan=plan, comment=step.comment)


@transaction.atomic
def build_plan(demo: DemoPlan, units: dict[str, Unit], users: dict[str, User]) -> Plan:
    author = users[demo.author]
    plan = services.plan_create(actor=author, data=demo.header, owner_unit=units[demo.owner],
                                issuers=[units[code] for code in demo.issuers])
    with services.plan_batch(actor=author, plan=plan):  # one version bump and reindex, not one per item
        for basis in demo.legal_bases:
            services.legal_basis_save(actor=author, plan=plan, data=basis)
        for spec in demo.sections:
            section = services.section_create(actor=author, plan=plan, title=spec.title, intro=spec.intro)
            _add_items(author, section, spec.items, units)
        for duty in demo.plan_duties:
            services.responsibility_save(
                actor=author, plan=plan,
                data={"lead_unit": units[duty.lead] if duty.lead else None, "lead_text": duty.lead_text,
                      "due_date": duty.due, "recurrence": duty.recurrence, "expected_output": duty.output},
                supporting_units=[units[code] for code in duty.support],
            )
        for recipient in demo.recipients:
            text, purpose, *unit_code = recipient
            services.recipient_save(actor=author, plan=plan, data={
                "text": text, "purpose": purpose, "unit": units[unit_code[0]] if unit_code else None})
    plan.refresh_from_db()
    for step in demo.steps:
        plan = _run_step(step, plan, users)
    return plan


def delete_demo_plans(units: dict[str, Unit]) -> int:
    """Delete the demo plans and give their numbers back to the registers (for ``--reset``)."""
    deleted = 0
    registers = set()
    for demo in DEMO_PLANS:
        for plan in plan_marker(demo, units):
            if plan.issued_on:
                registers.add((plan.issued_on.year, plan.doc_type, services.register_issuer(plan).pk))
            plan.delete()
            deleted += 1
    for year, doc_type, issuer_id in registers:
        last = Plan.objects.filter(issued_on__year=year, doc_type=doc_type, source_file="",
                                   issuer_links__unit_id=issuer_id).aggregate(m=Max("number"))["m"] or 0
        DocumentNumber.objects.filter(year=year, doc_type=doc_type, issuer_id=issuer_id).update(last_number=last)
    return deleted


def load(*, reset: bool = False, log: Callable[[str], None] = lambda message: None) -> Result:
    result = Result()
    with transaction.atomic():
        units, result.units_created = load_units()
        users, result.users_created = load_users(units, reset_passwords=reset)
        if reset:
            log(f"Deleted {delete_demo_plans(units)} demo plans.")
    for demo in DEMO_PLANS:
        if plan_marker(demo, units).exists():
            result.plans_skipped += 1
            log(f"Exists, skipped: {demo.title} ({demo.year})")
            continue
        plan = build_plan(demo, units, users)
        result.plans_created += 1
        log(f"Created: {plan.number_display or '—'} {demo.title} ({demo.year}) — {plan.get_status_display()}")
    # All five seeds also go through the importer, kept as import records (not as second drafts) for staff to
    # open on the import page.
    result.seeds_imported = len(record_seeds(actor=users[IMPORTING_USER], stdout=_Writer(log)))
    for load_more in demo_loaders:
        load_more(units=units, users=users, log=log)
    return result


IMPORTING_USER = "nvy.chuyenvien"


class _Writer:
    def __init__(self, log):
        self.write = log
