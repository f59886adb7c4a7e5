"""Adapters: a unit's submitted report and the department's consolidated report as official BÁO CÁO.

A unit's report: issuer = the reporting unit (under its governing body), "Kính gửi:
<recipient unit>", summary "Kết quả thực hiện <plan title> <period>", the narrative
sections as numbered headings, then the unit's tasks and the indicator values, signed
by the unit head who submitted it. The consolidated report is issued by the recipient
unit and summarises every accepted report. Access is decided in ``reporting.policy``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from plans import document_lines as doc_lines
from plans.numbers import show_number
from plans.text import roman
from reporting import policy, selectors
from reporting.extensions import section_rows
from reporting.models import SECTION_LABELS, ConsolidatedReport, Submission

from .model import STATE, Block, Document, Issuer, Signature, file_slug, paragraphs


def _issuer(unit) -> Issuer:
    return Issuer(name=doc_lines.upper(unit.name), governing=doc_lines.governing_body(unit))


def _paragraphs(text: str) -> list[Block]:
    return [Block(kind="paragraph", text=line) for line in paragraphs(text)]


def _filename(prefix: str, *parts) -> str:
    return file_slug(" ".join([prefix, *map(str, parts)]), default="bao-cao")


def _number(unit) -> str:
    display = f"/BC-{unit.abbreviation}" if unit.abbreviation else "/BC"
    return doc_lines.number_line(display, numbered=False, party=False)


def _date(when, year) -> tuple[str, str, str]:
    """The local day of ``when`` as Decree 30 writes it; blank day and month in ``year`` without one."""
    return doc_lines.date_parts(timezone.localdate(when)) if when else ("", "", str(year))


def _heading(index: int, text: str) -> Block:
    return Block(kind="heading", label=f"{roman(index + 1)}.", text=doc_lines.upper(text))


def _indicator_lines(indicators, values: dict) -> list[Block]:
    blocks = []
    for indicator in indicators:
        raw = values.get(indicator.code)
        shown = show_number(raw) if raw not in (None, "") else "—"
        unit = f" {indicator.unit_of_measure}" if indicator.unit_of_measure and raw not in (None, "") else ""
        blocks.append(Block(kind="item", label="-", text=f"{indicator.name}: {shown}{unit}.", depth=1))
    return blocks


def _bao_cao(*, unit, plan, period, day, month, year, blocks, signer, position, filename, addressees=(),
             recipients=()) -> Document:
    """A BÁO CÁO issued by ``unit`` on ``plan``'s results for ``period``, signed by ``signer``.

    A deputy ("Phó Giám đốc") signs "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"; ``position`` is used when the signer
    has none.
    """
    signer_position = (signer.position if signer and signer.position else "") or position
    return Document(
        style=STATE,
        issuers=(_issuer(unit),),
        number=_number(unit),
        place=settings.PORTAL_PROVINCE,
        day=day, month=month, year=year,
        doc_type="BÁO CÁO",
        title=f"Kết quả thực hiện {plan.title.strip()} {str(period).lower()}".strip(),
        addressees=tuple(addressees),
        blocks=tuple(blocks),
        recipients=doc_lines.closing_lines(recipients, room=doc_lines.archive_room(unit)),
        signature=Signature(lines=doc_lines.signer_lines(signer_position, body=unit.name),
                            name=str(signer) if signer else ""),
        filename=filename,
    )


# --- A unit's report -------------------------------------------------------------------------


def report_document(submission: Submission) -> Document:
    request = submission.request
    obligation, unit, period = request.obligation, request.unit, request.period
    plan = obligation.plan
    when = submission.submitted_at or submission.updated_at
    day, month, year = _date(when, period.year)
    blocks: list[Block] = []
    index = 0
    for key in obligation.sections or []:
        text = (submission.narrative or {}).get(key, "")
        if key not in SECTION_LABELS:
            continue
        blocks.append(_heading(index, str(SECTION_LABELS[key])))
        blocks.extend(_paragraphs(text) or [Block(kind="paragraph", text="Không có.")])
        index += 1
    updates = selectors.responsibility_updates(plan_id=plan.pk, submissions=[submission])[submission.pk]
    if obligation.include_tasks and updates:
        blocks.append(_heading(index, "Kết quả thực hiện các nhiệm vụ được giao"))
        index += 1
        for number, row in enumerate(updates, start=1):
            task = row.responsibility
            name = (task.item.heading or task.item.text or str(task)).strip() if task.item_id else str(task)
            blocks.append(Block(kind="item", label=f"{number}.", heading=name.rstrip("."), emphasis="bold",
                                text=f"Tình hình: {row.status_label or 'Chưa cập nhật'}."
                                     + (f" {row.note}" if row.note else "")))
    if indicators := obligation.indicators:
        blocks.append(_heading(index, "Các chỉ tiêu"))
        blocks.extend(_indicator_lines(indicators, submission.indicator_values or {}))
        index += 1
    for section, rows in section_rows(obligation, submission, request):  # figures of the feature apps' sections
        blocks.append(_heading(index, str(section.title)))
        index += 1
        blocks.extend(Block(kind="item", label="-", text=f"{label}: {'—' if value in (None, '') else value}.",
                            depth=1) for label, value in rows)
    return _bao_cao(unit=unit, plan=plan, period=period, day=day, month=month, year=year, blocks=blocks,
                    addressees=(obligation.recipient_unit.name,), recipients=["Như trên"],
                    signer=submission.submitted_by, position="THỦ TRƯỞNG ĐƠN VỊ",
                    filename=_filename("bao cao", unit.abbreviation or unit.display_short, period))


def load_report(*, user, pk: int) -> Submission:
    submission = (Submission.objects.select_related(
        "request__obligation__plan", "request__obligation__recipient_unit", "request__unit__parent",
        "request__period", "submitted_by").exclude(submitted_at=None).filter(pk=pk).first())
    if submission is None or not policy.can_see_report(user, submission.request):
        raise Http404
    return submission


def can_view_report(user, submission: Submission) -> bool:
    return submission.submitted_at is not None and policy.can_see_report(user, submission.request)


# --- The consolidated report -----------------------------------------------------------------


def consolidated_document(report: ConsolidatedReport) -> Document:
    obligation, period = report.obligation, report.period
    plan, unit = obligation.plan, obligation.recipient_unit
    content = report.content or {}
    when = report.issued_at or report.updated_at
    day, month, year = _date(report.issued_at, timezone.localdate(when).year)
    blocks: list[Block] = list(_paragraphs(content.get("summary", "")))
    blocks.append(Block(kind="paragraph", text=(
        f"Tổng hợp từ {content.get('accepted', 0)}/{content.get('expected', 0)} báo cáo của các đơn vị."
        + (f" Đơn vị chưa báo cáo: {', '.join(content['missing'])}." if content.get("missing") else ""))))
    index = 0
    for section in content.get("sections", []):
        blocks.append(_heading(index, section.get("label", "")))
        blocks.extend(_paragraphs(section.get("text", "")) or [Block(kind="paragraph", text="Không có.")])
        index += 1
    if content.get("tasks"):
        blocks.append(_heading(index, "Tiến độ thực hiện các nhiệm vụ theo đơn vị"))
        index += 1
        for number, task in enumerate(content["tasks"], start=1):
            blocks.append(Block(kind="item", label=f"{number}.", heading=task["task"].rstrip("."), emphasis="bold"))
            for entry in task["units"]:
                note = f" {entry['note']}" if entry.get("note") else ""
                blocks.append(Block(kind="item", label="-", depth=1,
                                    text=f"{entry['unit']}: {entry.get('status_label') or 'chưa cập nhật'}.{note}"))
    if content.get("indicators"):
        blocks.append(_heading(index, "Tổng hợp các chỉ tiêu"))
        for indicator in content["indicators"]:
            unit_text = f" {indicator['unit']}" if indicator.get("unit") else ""
            if indicator.get("total") is None:
                text = f"{indicator['label']}: chưa có số liệu."
            else:
                text = (f"{indicator['label']}: tổng {show_number(indicator['total'])}{unit_text}, "
                        f"bình quân {show_number(indicator['average'])}{unit_text}/đơn vị "
                        f"({indicator['units']} đơn vị báo cáo).")
            blocks.append(Block(kind="item", label="-", text=text, depth=1))
    return _bao_cao(unit=unit, plan=plan, period=period, day=day, month=month, year=year, blocks=blocks,
                    signer=report.issued_by, position="GIÁM ĐỐC",
                    filename=_filename("bao cao tong hop", obligation.pk, period))


def load_consolidated(*, user, pk: int) -> ConsolidatedReport:
    report = (ConsolidatedReport.objects.select_related(
        "obligation__plan", "obligation__recipient_unit__parent", "period", "issued_by")
        .filter(pk=pk, job_status="done").first())
    if report is None or not policy.can_oversee(user, report.obligation):
        raise Http404
    return report


def can_view_consolidated(user, report: ConsolidatedReport) -> bool:
    return policy.can_oversee(user, report.obligation)
