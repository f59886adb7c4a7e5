"""The importer's numeric-target proposals of a plan, as initial data of the target form.

``plans.importing.selectors.import_proposals`` keeps ``{value, unit, direction: ">"|"<"|"=", text}``
items; "Confirm" opens the target form pre-filled from one, and the saved target keeps the
proposal's key so the proposal then shows as confirmed.
"""

from __future__ import annotations

from decimal import Decimal

from plans.text import fold

from .choices import Direction, Measure, Scope, Source

_DIRECTIONS = {">": Direction.AT_LEAST, "<": Direction.AT_MOST, "=": Direction.EXACTLY}


def proposal_key(index: int, proposal: dict) -> str:
    return f"{index}|{proposal.get('value')}|{proposal.get('unit')}|{proposal.get('direction')}"[:120]


def measure_of(unit_text: str) -> str:
    folded = fold(unit_text or "").replace(" ", "")
    if "10.000" in folded or "10000" in folded or "10,000" in folded:
        return Measure.PER_10000
    if "‰" in folded or "%o" in folded:
        return Measure.PERMILLE
    if "%" in folded:
        return Measure.PERCENT
    return Measure.COUNT


def initial_for(index: int, proposal: dict) -> dict:
    measure = measure_of(proposal.get("unit", ""))
    try:
        value = Decimal(str(proposal.get("value")))
    except ArithmeticError:
        value = None
    return {
        "proposal_key": proposal_key(index, proposal),
        "name": (proposal.get("text") or "")[:255],
        "measure": measure,
        "direction": _DIRECTIONS.get(proposal.get("direction"), Direction.AT_LEAST),
        "value": value,
        "scope": Scope.SECTOR if measure == Measure.PER_10000 else Scope.EACH_UNIT,
        "source": Source.DEPARTMENT if measure == Measure.PER_10000 else Source.REPORT,
    }
