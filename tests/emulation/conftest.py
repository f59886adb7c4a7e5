"""An issued plan of Phòng NVY with a movement of two phases (2026) and helpers to add targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from emulation import services
from plans import services as plan_services


def issued_plan(users, title="Kế hoạch thi đua năm 2026"):
    plan = plan_services.plan_create(actor=users.author, data={"year": 2026, "title": title, "place": "Quảng Ngãi"})
    section = plan_services.section_create(actor=users.author, plan=plan, title="Chỉ tiêu")
    plan_services.item_create(actor=users.author, section=section, text="Đạt các chỉ tiêu.", style="number")
    plan_services.plan_submit(actor=users.author, plan=plan)
    plan_services.plan_approve(actor=users.approver, plan=plan)
    return plan_services.plan_issue(actor=users.approver, plan=plan, issued_on=dt.date(2026, 1, 20))


@pytest.fixture
def emu(org, users):
    plan = issued_plan(users)
    movement = services.movement_create(
        actor=users.author, plan=plan, data={"title": "Phong trào thi đua năm 2026", "year": 2026},
        phases=[{"name": "Giai đoạn 1", "start": dt.date(2026, 1, 1), "end": dt.date(2026, 6, 30)},
                {"name": "Giai đoạn 2", "start": dt.date(2026, 7, 1), "end": dt.date(2026, 12, 31)}])
    first, second = movement.phases.all()

    def target(**data):
        data.setdefault("name", "Tỷ lệ tiêm chủng đầy đủ")
        data.setdefault("measure", "percent")
        data.setdefault("direction", "at_least")
        data["value"] = Decimal(str(data.get("value", 95)))
        for key in ("value_high", "threshold", "baseline", "factor"):
            if key in data:
                data[key] = Decimal(str(data[key]))
        return services.target_save(actor=users.author, movement=movement, data=data)

    def result(target, unit, value=None, phase=None, **figures):
        return services.result_enter(actor=users.author, target=target, phase=phase or first, unit=unit,
                                     value=None if value is None else Decimal(str(value)),
                                     **{k: Decimal(str(v)) for k, v in figures.items()})

    return SimpleNamespace(plan=plan, movement=movement, first=first, second=second, target=target, result=result)
