import django_tables2 as tables
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .choices import PlanKind, PlanStatus
from .models import Plan


class PlanTable(tables.Table):
    """The plan list. Issuers come from the selector's prefetch: no query per row.

    django-tables2 writes the header, the sorting links and the pagination; the rows are written by ``rows_html``
    (``plans/_plan_table.html``): its generic cell rendering (an ``inspect.signature`` and a template pass per
    cell) took ~60 % of the page for 25 plans."""

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
        template_name = "plans/_plan_table.html"

    def render_number(self, record):
        return record.number_display if record.number else "—"  # "/KH-SYT" means nothing until issued

    def render_kind(self, record, value):
        return format_html('<span class="badge text-bg-{}">{}</span>', PlanKind.color_of(record.kind), value)

    def render_status(self, record, value):
        return format_html('<span class="badge text-bg-{}">{}</span>', PlanStatus.color_of(record.status), value)

    def render_issuers(self, record):
        return format_html_join(mark_safe("<br>"), "{}", ((link.unit.display_short,)
                                                         for link in record.issuer_links.all()))

    def rows_html(self) -> SafeString:
        """The ``<tr>`` of this page's plans: each cell what the column above renders (``render_…``, a link to the
        plan, "—" for nothing), as django-tables2 would (``tests/plans/test_plan_table.py`` compares the two)."""
        rows = []
        for row in self.paginated_rows:
            plan = row.record
            cells = (self.render_number(plan),
                     format_html('<a href="{}">{}</a>', plan.get_absolute_url(), plan.title),
                     plan.year,
                     self.render_kind(plan, plan.get_kind_display()),
                     self.render_status(plan, plan.get_status_display()),
                     self.render_issuers(plan),
                     plan.owner_unit.name if plan.owner_unit_id else "—",
                     date_format(plan.issued_on, "d/m/Y") if plan.issued_on else "—")
            rows.append(format_html('<tr class="{}">{}</tr>', row.get_even_odd_css_class(),
                                    format_html_join("", "<td>{}</td>", ((cell,) for cell in cells))))
        return mark_safe("\n".join(rows))  # noqa: S308 - every part went through format_html
