"""The Excel sheet of results: a template listing every unit, target and phase, and its import.

The import checks every cell first and writes nothing if any row is wrong (each error names its
row and column); a row whose figures equal the stored ones is left untouched, so importing the
same sheet twice changes nothing.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plans.models import Unit
from plans.numbers import parse_number

from . import policy
from .choices import Measure, ResultSource, Scope
from .models import Result
from .selectors import FOUR_PLACES, applies_to_unit, computed_value, scope_units, target_text

SECTOR_CODE = "*"
COLUMNS = ("unit_code", "unit", "target_code", "target", "aim", "phase_code", "phase", "value", "numerator",
           "denominator")
MAX_ROWS = 50_000


def _headers() -> list[str]:
    return [_("Unit code"), _("Unit"), _("Target code"), _("Target"), _("Target value"), _("Phase code"),
            _("Phase of the movement"), _("Actual value"), _("Numerator"), _("Denominator")]


def template_rows(movement):
    targets = list(movement.targets.select_related("numerator", "denominator").order_by("order", "id"))
    phases = list(movement.phases.all())
    units_of = {t.pk: list(scope_units(t)) for t in targets}
    stored = {(r.target_id, r.phase_id, r.unit_id): r for r in Result.objects.filter(target__movement=movement)}
    for phase in phases:
        for t in targets:
            units = units_of[t.pk] if t.scope != Scope.SECTOR else [None]
            for unit in units:
                r = stored.get((t.pk, phase.pk, unit.pk if unit else None))
                yield [unit.code if unit else SECTOR_CODE, unit.name if unit else _("Whole sector"), t.pk, t.name,
                       target_text(t), phase.pk, phase.name,
                       None if r is None or t.is_computed else r.value,
                       r.numerator if r is not None and t.is_computed else None,
                       r.denominator if r is not None and t.is_computed else None]


def template_bytes(*, movement) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = _("Results")[:31]
    sheet.append(_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for row in template_rows(movement):
        sheet.append(["'" + str(v) if isinstance(v, str) and v[:1] in "=+-@" else v for v in row])
        for cell in sheet[sheet.max_row][7:10]:
            cell.fill = fill
            cell.number_format = "#,##0.####"
    for letter, width in zip("ABCDEFGHIJ", (16, 36, 10, 60, 18, 10, 14, 14, 14, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(cell, row: int, column: str, errors: list) -> Decimal | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    try:
        if isinstance(cell, bool):
            raise ValueError
        number = Decimal(str(cell)) if isinstance(cell, (int, float, Decimal)) else parse_number(str(cell))
        if not number.is_finite():
            raise ValueError
    except (ValueError, InvalidOperation):
        errors.append(_("Row %(row)s, column %(column)s: “%(value)s” is not a number.")
                      % {"row": row, "column": column, "value": str(cell)[:40]})
        return None
    if number < 0:
        errors.append(_("Row %(row)s, column %(column)s: the value cannot be negative.")
                      % {"row": row, "column": column})
        return None
    return number.quantize(FOUR_PLACES)


def _read(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable file gets the same message
        raise ValidationError(_("The file is not an Excel workbook (.xlsx).")) from error
    rows = list(book.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 1))
    book.close()
    if not rows or [str(c or "").strip() for c in rows[0][:len(COLUMNS)]] != _headers():
        raise ValidationError(_("The sheet does not have the template's columns: download the template and fill "
                                "it in."))
    return rows[1:]


def _check_row(index, raw, *, targets, phases, units, movement, seen, errors):
    cells = list(raw[:len(COLUMNS)]) + [None] * (len(COLUMNS) - len(raw[:len(COLUMNS)]))
    row = dict(zip(COLUMNS, cells, strict=True))
    if all(row[k] in (None, "") for k in ("value", "numerator", "denominator")):
        return None
    before = len(errors)
    unit_code = str(row["unit_code"] or "").strip()
    unit = None
    if unit_code != SECTOR_CODE:
        unit = units.get(unit_code)
        if unit is None:
            errors.append(_("Row %(row)s: the unit code “%(code)s” is unknown.") % {"row": index, "code": unit_code})
    target = targets.get(str(row["target_code"] or "").strip())
    if target is None:
        errors.append(_("Row %(row)s: the target code “%(code)s” is not a target of this movement.")
                      % {"row": index, "code": row["target_code"] or ""})
    phase = phases.get(str(row["phase_code"] or "").strip())
    if phase is None:
        errors.append(_("Row %(row)s: the phase code “%(code)s” is not a phase of this movement.")
                      % {"row": index, "code": row["phase_code"] or ""})
    value, numerator, denominator = (_number(row[k], index, letter, errors)
                                     for k, letter in (("value", "H"), ("numerator", "I"), ("denominator", "J")))
    if len(errors) > before:
        return None
    if unit is None and target.scope != Scope.SECTOR and not target.is_computed:
        pass  # the sector's own figure of a target of units is allowed
    elif unit is None and target.is_computed:
        errors.append(_("Row %(row)s: a computed target is entered per unit.") % {"row": index})
        return None
    elif unit is not None and not applies_to_unit(target, unit):
        errors.append(_("Row %(row)s: the target “%(target)s” does not apply to %(unit)s.")
                      % {"row": index, "target": target.name[:60], "unit": unit.name})
        return None
    if target.is_computed:
        if numerator is None or not denominator:
            errors.append(_("Row %(row)s: give the numerator (I) and a denominator (J) above zero.") % {"row": index})
            return None
        value = computed_value(target, numerator, denominator)
    elif value is None:
        errors.append(_("Row %(row)s: give the actual value in column H.") % {"row": index})
        return None
    if target.measure == Measure.PERCENT and value > 100:
        errors.append(_("Row %(row)s, column H: a percentage cannot exceed 100.") % {"row": index})
        return None
    key = (target.pk, phase.pk, unit.pk if unit else None)
    if key in seen:
        errors.append(_("Row %(row)s repeats row %(first)s (same unit, target and phase).")
                      % {"row": index, "first": seen[key]})
        return None
    seen[key] = index
    return key, target, phase, unit, value, (numerator, denominator) if target.is_computed else (None, None)


@transaction.atomic
def results_import(*, actor, movement, data: bytes) -> dict:
    """Check every row of the sheet, then write the results; nothing is written if any row is wrong."""
    if not policy.can_manage(actor, movement):
        raise PermissionDenied(_("Only the staff who manage this plan may change its emulation movement."))
    rows = _read(data)
    targets = {str(t.pk): t for t in movement.targets.all()}
    phases = {str(p.pk): p for p in movement.phases.all()}
    units = {u.code: u for u in Unit.objects.all()}
    errors, seen, checked = [], {}, []
    for index, raw in enumerate(rows, start=2):
        found = _check_row(index, raw, targets=targets, phases=phases, units=units, movement=movement, seen=seen,
                           errors=errors)
        if found is not None:
            checked.append(found)
    if len(rows) > MAX_ROWS:
        errors.append(_("The sheet has more than %(max)s rows.") % {"max": MAX_ROWS})
    if errors:
        raise ValidationError(errors[:200])
    if not checked:
        raise ValidationError(_("The sheet has no figures to import."))
    stored = {(r.target_id, r.phase_id, r.unit_id): r for r in
              Result.objects.filter(target__movement=movement).order_by().select_for_update(of=("self",))}
    changed = unchanged = 0
    for key, target, phase, unit, value, (numerator, denominator) in checked:
        result = stored.get(key)
        if result is not None and (result.value, result.numerator, result.denominator) == (value, numerator,
                                                                                           denominator):
            unchanged += 1
            continue
        result = result or Result(target=target, phase=phase, unit=unit)
        result.value, result.numerator, result.denominator = value, numerator, denominator
        result.source, result.submission = ResultSource.EXCEL, None
        result.entered_by = actor if getattr(actor, "pk", None) else None
        result.save()
        changed += 1
    return {"changed": changed, "unchanged": unchanged}
