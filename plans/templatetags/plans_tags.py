"""Small helpers for the plan pages: badges and the lines of the official document."""

from django import template
from django.utils.html import format_html

from plans import document_lines as lines
from plans.choices import PlanStatus

register = template.Library()


@register.simple_tag
def status_badge(plan, element_id=""):
    return format_html('<span class="badge text-bg-{}"{}>{}</span>', PlanStatus.color_of(plan.status),
                       format_html(' id="{}"', element_id) if element_id else "", plan.get_status_display())


@register.filter
def status_color(status):
    return PlanStatus.color_of(status)


@register.filter
def number_line(plan) -> str:
    """``Số: 276/KH-SYT`` (state) or ``Số 10-KH/BDVTU`` (Party), blank number before issue."""
    return lines.plan_number_line(plan)


@register.filter
def place_date_line(plan) -> str:
    """``Hà Tĩnh, ngày 29 tháng 01 năm 2021`` (day and month blank before issue)."""
    return lines.place_date_line(lines.plan_place(plan), *lines.plan_date_parts(plan))


@register.filter
def legal_basis_line(basis, is_last=False) -> str:
    """``Căn cứ …;`` — the last one ends with a full stop."""
    return f"{basis.lead_in} {basis}{'.' if is_last else ';'}"


@register.filter
def recipient_line(recipient, is_last=False) -> str:
    """One stored recipient as a line of "Nơi nhận:" (the editor's rows)."""
    text, archive = lines.recipient_text(recipient)
    text = f"Lưu: {text}" if archive else text
    return "".join(f"- {line}" for line in lines.with_final_punctuation([text], each=";",
                                                                         last="." if is_last else ";"))


@register.simple_tag
def recipient_lines(plan, recipients):
    """Every line under "Nơi nhận:", the archive merged into one "Lưu:" line (default "Lưu: VT, <room>")."""
    return lines.plan_recipient_lines(plan, recipients)


@register.simple_tag
def signer_lines(plan, issuers):
    """``("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")``: the authority and position lines above the signature."""
    return lines.plan_signature_lines(plan, issuers)


@register.filter
def governing_body(unit, plan_governing=""):
    """The governing body printed above ``unit``: the plan's own for a state issuer, else the unit's or its parent's."""
    return lines.governing_body(unit, plan_governing)


@register.filter
def doc_type_title(doc_type) -> str:
    """The document type as printed under the header (always Vietnamese: it is the document's text)."""
    return lines.doc_type_title(doc_type)


@register.simple_tag
def import_proposals_of(plan):
    """The importer's proposals still waiting for confirmation (``plans.importing.selectors``)."""
    from plans.importing.selectors import pending_import_proposals

    return pending_import_proposals(plan=plan)
