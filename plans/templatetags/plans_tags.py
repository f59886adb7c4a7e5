"""Small helpers for the plan pages: badges and the lines of the official document."""

from django import template
from django.utils.html import format_html

from plans.choices import HeaderStyle, PlanStatus

register = template.Library()

BLANK = "\u00a0" * 6  # the space left for the day and month before the plan is issued


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
    display = plan.number_display
    if not plan.number:
        display = f"{BLANK}{display}"
    return f"Số {display}" if plan.header_style == HeaderStyle.PARTY else f"Số: {display}"


@register.filter
def place_date_line(plan) -> str:
    """``Hà Tĩnh, ngày 29 tháng 01 năm 2021`` (day and month blank before issue)."""
    day = plan.issued_on
    if day:
        date = f"ngày {day:%d} tháng {day:%m} năm {day:%Y}"
    else:
        date = f"ngày{BLANK}tháng{BLANK}năm {plan.year}"
    return f"{plan.place}, {date}" if plan.place else date


@register.filter
def legal_basis_line(basis, is_last=False) -> str:
    """``Căn cứ …;`` — the last one ends with a full stop."""
    return f"{basis.lead_in} {basis}{'.' if is_last else ';'}"


@register.filter
def recipient_line(recipient, is_last=False) -> str:
    if recipient.purpose == "lưu":
        return f"- Lưu: {recipient.text}."
    purpose = f" ({recipient.purpose})" if recipient.purpose else ""
    return f"- {recipient.text}{purpose}{'.' if is_last else ';'}"


DOC_TYPE_TITLES = {
    "KH": "KẾ HOẠCH", "BC": "BÁO CÁO", "QĐ": "QUYẾT ĐỊNH", "CT": "CHỈ THỊ", "TB": "THÔNG BÁO", "HD": "HƯỚNG DẪN",
    "CTr": "CHƯƠNG TRÌNH", "BB": "BIÊN BẢN", "TTr": "TỜ TRÌNH", "GM": "GIẤY MỜI", "QC": "QUY CHẾ",
}


@register.filter
def doc_type_title(doc_type) -> str:
    """The document type as printed under the header (always Vietnamese: it is the document's text)."""
    return DOC_TYPE_TITLES.get(doc_type, doc_type)
