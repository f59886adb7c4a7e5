"""Every list exports to Excel (.xlsx): one helper for all apps.

A list view builds its rows with the same selector as its page (same filters, same visibility)
and answers ``?format=xlsx`` with::

    return xlsx_response(filename="ke-hoach", title=_("Plans"), columns=[
        Column(_("Number"), lambda plan: plan.number_display),
        Column(_("Issued on"), lambda plan: plan.issued_on),
    ], rows=plans)

Dates are written as dates (dd/mm/yyyy), numbers as numbers, everything else as text; the
header row is bold and frozen, the columns sized to their content. Text that a spreadsheet
would run as a formula ("=…") is written as text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 50_000


@dataclass(frozen=True)
class Column:
    header: Any  # a (lazily) translated text
    value: Callable[[Any], Any]
    width: int | None = None


def wants_xlsx(request) -> bool:
    return request.GET.get("format") == "xlsx"


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (dt.date, int, float, Decimal)):
        return value
    return str(value)


def xlsx_bytes(*, title, columns: list[Column], rows: Iterable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = str(title)[:31] or "Sheet"
    sheet.append([str(c.header) for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [len(str(c.header)) for c in columns]
    for count, row in enumerate(rows):
        if count >= MAX_ROWS:
            break
        values = [_cell(c.value(row)) for c in columns]
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # user text that starts with "=": kept as text, never run as a formula
                cell.data_type = "s"
        for index, value in enumerate(values):
            widths[index] = max(widths[index], min(len(str(value)), 60))
    for index, column in enumerate(columns):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = column.width or max(8, widths[index] + 2)
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(*, filename: str, title, columns: list[Column], rows: Iterable) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(title=title, columns=columns, rows=rows), content_type=XLSX_TYPE)
    stem = slugify(filename) or "export"
    response["Content-Disposition"] = f'attachment; filename="{stem}-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


def list_page(request, *, rows, template: str, filename: str, title, columns: list[Column], per_page: int = 25,
              context: dict | None = None) -> HttpResponse:
    """A simple paginated list page (``page`` and ``title``, the sheet's title too, in the template's context)
    that answers ``?format=xlsx`` with every row (the trash pages use it, with templates/_trash.html)."""
    from django.core.paginator import Paginator
    from django.shortcuts import render

    if wants_xlsx(request):
        return xlsx_response(filename=filename, title=title, columns=columns, rows=rows)
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    return render(request, template, {**(context or {}), "page": page, "title": title})
