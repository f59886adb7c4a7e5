import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .choices import PlanKind, PlanStatus
from .models import Plan


class PlanTable(tables.Table):
    """The plan list. Issuers come from the selector's prefetch: no query per row."""

    number = tables.Column(verbose_name=_("Number"), accessor="number", order_by=("number", "symbol"),
                           empty_values=())
    title = tables.Column(verbose_name=_("Title"), linkify=True)
    year = tables.Column(verbose_name=_("Year"))
    kind = tables.Column(verbose_name=_("Kind"))
    status = tables.Column(verbose_name=_("Status"))
    issuers = tables.Column(verbose_name=_("Issuing units"), accessor="pk", orderable=False, empty_values=())
    owner_unit = tables.Column(verbose_name=_("Drafting unit"), accessor="owner_unit__name",
                               order_by=("owner_unit__name",))
    issued_on = tables.DateColumn(verbose_name=_("Date of issue"), format="d/m/Y")

    class Meta:
        model = Plan
        fields = ("number", "title", "year", "kind", "status", "issuers", "owner_unit", "issued_on")
        attrs = {"class": "table table-hover table-sm align-middle", "id": "plan-table"}
        empty_text = _("No plan matches these filters.")
        orderable = True

    def render_number(self, record):
        return record.number_display if record.number else "—"  # "/KH-SYT" means nothing until issued

    def render_kind(self, record, value):
        return format_html('<span class="badge text-bg-{}">{}</span>', PlanKind.color_of(record.kind), value)

    def render_status(self, record, value):
        return format_html('<span class="badge text-bg-{}">{}</span>', PlanStatus.color_of(record.status), value)

    def render_issuers(self, record):
        return format_html_join(mark_safe("<br>"), "{}", ((link.unit.display_short,)
                                                         for link in record.issuer_links.all()))
