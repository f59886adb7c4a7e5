"""Reads of a plan's past: the merged change log and the text of the plan at any moment.

Every content model of a plan keeps django-simple-history rows; the workflow keeps
``PlanTransition`` rows. ``plan_history`` merges them in time order (a bounded number
of queries, whatever the number of rows); ``plan_text_at`` rebuilds the plan's text as
it read at a moment (numbering through ``plans.outline``), and ``plan_diff`` compares
two moments.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from . import document_lines
from .choices import HeaderStyle
from .models import Item, LegalBasis, Plan, PlanIssuer, PlanTransition, Recipient, Responsibility, Section, Unit
from .outline import build_outline, outline_as_text

# The models whose history makes up a plan's history, and how their rows name the plan.
TRACKED = (
    (Plan, "id"),
    (PlanIssuer, "plan_id"),
    (LegalBasis, "plan_id"),
    (Section, "plan_id"),
    (Item, "plan_id"),
    (Responsibility, "plan_id"),
    (Recipient, "plan_id"),
)
# Bookkeeping fields that never make a change worth showing.
IGNORED_FIELDS = {"version", "created_at", "plan", "supporting_units"}
# A plan row that only changed these is the echo of a workflow step.
ECHO_FIELDS = {"status"}
MAX_VALUE_LENGTH = 200
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def point_of(when: dt.datetime) -> int:
    """A moment as an integer (microseconds since 1970, UTC): the value of a history point in URLs."""
    return (when - EPOCH) // dt.timedelta(microseconds=1)


def moment_of(point) -> dt.datetime:
    """The moment of a point; ``ValueError`` for anything that is not one."""
    value = int(str(point).strip())
    if value < 0:
        raise ValueError(point)
    return EPOCH + dt.timedelta(microseconds=value)


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: object
    kind: str  # "+", "~", "-" or "workflow"
    what: str
    label: str
    changes: list[Change] = field(default_factory=list)
    comment: str = ""
    transition: PlanTransition | None = None

    @property
    def point(self) -> int:
        return point_of(self.when)


class _Labels:
    """Names of units and items for the values shown in the log (two queries, then memory)."""

    def __init__(self, item_records):
        self.units = dict(Unit.objects.values_list("id", "name"))
        self.items: dict[int, str] = {}
        for record in item_records:  # oldest first: the latest label wins
            self.items[record.id] = _item_label(record)

    def value(self, model, name: str, value) -> str:
        if value in (None, ""):
            return "—"
        model_field = model._meta.get_field(name)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.ForeignKey):
            target = model_field.related_model
            if target is Unit:
                return self.units.get(value, f"#{value}")
            if target is Item:
                return self.items.get(value, f"#{value}")
            return f"#{value}"
        if isinstance(value, dt.datetime):
            return value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, dt.date):
            return value.strftime("%d/%m/%Y")
        text = str(value)
        return text if len(text) <= MAX_VALUE_LENGTH else text[: MAX_VALUE_LENGTH - 1] + "…"

    def label(self, model, record) -> str:
        if model is Plan:
            return record.title
        if model is Section:
            return record.title
        if model is Item:
            return _item_label(record)
        if model is Responsibility:
            return self.units.get(record.lead_unit_id) or record.lead_text
        if model is PlanIssuer:
            return self.units.get(record.unit_id) or f"#{record.unit_id}"
        if model is LegalBasis:
            return str(_as_model(record))
        return str(getattr(record, "text", "") or record.id)


def _as_model(row):
    """The object as a history row recorded it, without the query simple-history's ``instance`` makes."""
    return row.instance_type(**{field.attname: getattr(row, field.attname) for field in row.tracked_fields})


def _item_label(record) -> str:
    text = record.heading or record.text or ""
    return text if len(text) <= 80 else text[:79] + "…"


def _history_rows(plan_id: int) -> dict[type, list]:
    """All history rows of the plan's content, per model, oldest first (one query per model)."""
    return {
        model: list(
            model.history.filter(**{key: plan_id}).select_related("history_user").order_by("history_date", "history_id")
        )
        for model, key in TRACKED
    }


def _m2m_units(history_ids) -> dict[int, frozenset[int]]:
    """Supporting units recorded with each responsibility history row (one query)."""
    through = Responsibility.history.model._meta.get_field("historicalresponsibility_supporting_units").related_model
    result: dict[int, set[int]] = defaultdict(set)
    for history_id, unit_id in through.objects.filter(history_id__in=list(history_ids)).values_list(
        "history_id", "unit_id"
    ):
        result[history_id].add(unit_id)
    return {key: frozenset(value) for key, value in result.items()}


def _changes(model, new, old, labels: _Labels) -> tuple[set[str], list[Change]]:
    """The names of the fields that changed between two rows, and the changes as a reader sees them."""
    delta = new.diff_against(old, excluded_fields=IGNORED_FIELDS)
    return set(delta.changed_fields), [
        Change(
            field=str(model._meta.get_field(change.field).verbose_name),
            old=labels.value(model, change.field, change.old),
            new=labels.value(model, change.field, change.new),
        )
        for change in delta.changes
    ]


def plan_history(plan) -> list[HistoryEntry]:
    """Every change of ``plan`` and its content, and every workflow step, newest first."""
    rows = _history_rows(plan.pk)
    labels = _Labels(rows[Item])
    responsibility_units = _m2m_units(r.history_id for r in rows[Responsibility])
    unit_names = labels.units

    entries: list[HistoryEntry] = []
    for model, records in rows.items():
        previous: dict[int, object] = {}
        for record in records:
            old = previous.get(record.id)
            previous[record.id] = record
            names, changes = set(), []
            if old is not None and record.history_type != "-":
                names, changes = _changes(model, record, old, labels)
            if model is Responsibility and old is not None and record.history_type != "-":
                before = responsibility_units.get(old.history_id, frozenset())
                after = responsibility_units.get(record.history_id, frozenset())
                if before != after:
                    changes.append(Change(
                        field=str(Responsibility._meta.get_field("supporting_units").verbose_name),
                        old=", ".join(sorted(unit_names.get(u, f"#{u}") for u in before)) or "—",
                        new=", ".join(sorted(unit_names.get(u, f"#{u}") for u in after)) or "—",
                    ))
            if record.history_type == "~" and not changes:
                continue  # nothing a reader would see changed (a version bump, a repeated save)
            if model is Plan and record.history_type == "~" and names <= ECHO_FIELDS:
                continue  # the echo of a workflow step, shown from its PlanTransition
            entries.append(HistoryEntry(
                when=record.history_date, who=record.history_user, kind=record.history_type,
                what=str(model._meta.verbose_name), label=labels.label(model, record), changes=changes,
                comment=record.history_change_reason or "",
            ))
    for step in PlanTransition.objects.filter(plan_id=plan.pk).select_related("actor"):
        entries.append(HistoryEntry(
            when=step.created_at, who=step.actor, kind="workflow", what=str(PlanTransition._meta.verbose_name),
            label=f"{step.get_from_status_display()} → {step.get_to_status_display()}", comment=step.comment,
            transition=step,
        ))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


# --- the plan as it read at a moment ----------------------------------------------------------


def _latest_rows(model, plan_id: int, when: dt.datetime, key: str = "plan_id") -> list:
    """The latest history row of each object of the plan at ``when``, deleted objects left out (one query)."""
    rows = model.history.filter(**{key: plan_id}, history_date__lte=when).latest_of_each()
    return [row for row in rows if row.history_type != "-"]


def plan_text_at(plan_id: int, when: dt.datetime) -> list[str]:
    """The plan's text as it read at ``when``, one line per paragraph (empty before it was created)."""
    plan_rows = _latest_rows(Plan, plan_id, when, key="id")
    if not plan_rows:
        return []
    plan = _as_model(plan_rows[0])
    sections = [_as_model(row) for row in _latest_rows(Section, plan_id, when)]
    items = [_as_model(row) for row in _latest_rows(Item, plan_id, when)]
    responsibility_rows = sorted(_latest_rows(Responsibility, plan_id, when), key=lambda r: r.id)
    bases = sorted((_as_model(row) for row in _latest_rows(LegalBasis, plan_id, when)), key=lambda b: (b.order, b.pk))
    recipients = sorted((_as_model(row) for row in _latest_rows(Recipient, plan_id, when)),
                        key=lambda r: (r.order, r.pk))
    supporting = _m2m_units(row.history_id for row in responsibility_rows)
    units = dict(Unit.objects.values_list("id", "name"))

    outline = build_outline(sections, items)
    item_labels = {node.item.pk: f"{section.label}.{node.label}" for section in outline for node in section.walk()}

    lines = [f"{plan.get_doc_type_display()} {plan.number_display}".strip(), plan.title]
    if plan.place or plan.issued_on:
        date = plan.issued_on.strftime("%d/%m/%Y") if plan.issued_on else ""
        lines.append(", ".join(p for p in (plan.place, date) if p))
    for basis in bases:
        lines.append(f"{basis.lead_in} {basis};")
    if plan.introduction:
        lines.append(plan.introduction)
    lines.extend(outline_as_text(outline).splitlines())
    if responsibility_rows:
        lines.append(_("Responsibilities:"))
    for row in responsibility_rows:
        responsibility = _as_model(row)
        parts = [item_labels.get(responsibility.item_id, _("whole plan")),
                 units.get(responsibility.lead_unit_id) or responsibility.lead_text]
        helpers = sorted(units.get(u, f"#{u}") for u in supporting.get(row.history_id, ()))
        if helpers:
            parts.append(_("supporting: %(units)s") % {"units": ", ".join(helpers)})
        if responsibility.due_date:
            parts.append(_("deadline: %(date)s") % {"date": responsibility.due_date.strftime("%d/%m/%Y")})
        if responsibility.recurrence:
            parts.append(str(responsibility.get_recurrence_display()))
        if responsibility.expected_output:
            parts.append(responsibility.expected_output)
        lines.append("- " + " — ".join(p for p in parts if p))
    closing = document_lines.recipient_lines(recipients, room=None)  # only what was stored at ``when``
    if closing:
        lines.append("Nơi nhận:")
        lines.extend(closing)
    lines.extend(document_lines.signature_lines(plan.signer_authority, plan.signer_position,
                                                body=units.get(plan.owner_unit_id, ""),
                                                party=plan.header_style == HeaderStyle.PARTY))
    if plan.signer_name:
        lines.append(plan.signer_name)
    return lines


@dataclass
class PlanDiff:
    before: dt.datetime
    after: dt.datetime
    table_html: str
    added: int
    removed: int

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed)


def plan_diff(plan_id: int, before: dt.datetime, after: dt.datetime) -> PlanDiff:
    """A side-by-side diff of the plan's text at two moments (HtmlDiff escapes the text)."""
    if after < before:
        before, after = after, before
    old, new = plan_text_at(plan_id, before), plan_text_at(plan_id, after)
    added = removed = 0
    for line in difflib.ndiff(old, new):
        if line.startswith("+ "):
            added += 1
        elif line.startswith("- "):
            removed += 1
    table = difflib.HtmlDiff(wrapcolumn=70).make_table(
        old, new, fromdesc=_stamp(before), todesc=_stamp(after),
        context=True, numlines=2,
    )
    return PlanDiff(before=before, after=after, table_html=table, added=added, removed=removed)


def _stamp(when: dt.datetime) -> str:
    return timezone.localtime(when).strftime("%d/%m/%Y %H:%M:%S")


def default_points(entries: list[HistoryEntry]) -> tuple[int | None, int | None]:
    """What changed since the plan was last submitted for review (or since it was created), up to now."""
    if not entries:
        return None, None
    newest = entries[0]
    submitted = next((e for e in entries[1:] if e.transition is not None and e.transition.to_status == "submitted"),
                     None)
    start = submitted or entries[-1]
    return start.point, newest.point
