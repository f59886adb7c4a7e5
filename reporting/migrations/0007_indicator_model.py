"""Indicators become one model: the JSON ``ReportingObligation.indicators`` turns into ``Indicator`` rows
(one per code: the first obligation naming a code defines it) linked in order through ``ObligationIndicator``."""

from decimal import Decimal, InvalidOperation

import django.db.models.deletion
from django.db import migrations, models

KINDS = ("integer", "decimal", "percent")


def _bound(value):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None
    return number.quantize(Decimal("0.0001")) if number.is_finite() and abs(number) < 10**14 else None


def json_to_rows(apps, schema_editor):
    Obligation = apps.get_model("reporting", "ReportingObligation")
    Indicator = apps.get_model("reporting", "Indicator")
    Link = apps.get_model("reporting", "ObligationIndicator")
    by_code = {}
    links = []
    for obligation in Obligation.objects.order_by("pk").only("pk", "indicators"):
        seen = set()
        for raw in obligation.indicators or []:
            code = str(raw.get("code") or "").strip()[:64] if isinstance(raw, dict) else ""
            if not code or code in seen:
                continue
            seen.add(code)
            if code not in by_code:
                low, high = _bound(raw.get("min")), _bound(raw.get("max"))
                if low is not None and high is not None and low > high:
                    low = high = None
                by_code[code] = Indicator.objects.create(
                    code=code, name=str(raw.get("label") or code).strip()[:255],
                    unit_of_measure=str(raw.get("unit") or "").strip()[:64],
                    type=raw.get("type") if raw.get("type") in KINDS else "decimal", min_value=low, max_value=high)
            links.append(Link(obligation_id=obligation.pk, indicator=by_code[code], order=len(seen) - 1))
    Link.objects.bulk_create(links)
    if schema_editor.connection.vendor == "postgresql":  # check the new links now: the column is dropped next
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def rows_to_json(apps, schema_editor):
    Obligation = apps.get_model("reporting", "ReportingObligation")
    Link = apps.get_model("reporting", "ObligationIndicator")
    found = {}
    for link in Link.objects.select_related("indicator").order_by("obligation_id", "order", "id"):
        i = link.indicator
        spec = {"code": i.code, "label": i.name, "unit": i.unit_of_measure, "type": i.type}
        for key, bound in (("min", i.min_value), ("max", i.max_value)):
            if bound is not None:
                spec[key] = str(bound.normalize())
        found.setdefault(link.obligation_id, []).append(spec)
    for pk, specs in found.items():
        Obligation.objects.filter(pk=pk).update(indicators=specs)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0006_submission_section_values"),
    ]

    operations = [
        migrations.CreateModel(
            name="Indicator",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                ("code", models.CharField(help_text="A short key, e.g. so_luot; values are stored under it.",
                                          max_length=64, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("unit_of_measure", models.CharField(blank=True, help_text="Shown after the value, e.g. lượt, %, "
                                                     "triệu đồng.", max_length=64, verbose_name="unit of measure")),
                ("type", models.CharField(choices=[("integer", "Whole number"), ("decimal", "Decimal number"),
                                                   ("percent", "Percentage")], default="decimal", max_length=10,
                                          verbose_name="type")),
                ("min_value", models.DecimalField(blank=True, decimal_places=4, max_digits=18, null=True,
                                                  verbose_name="minimum")),
                ("max_value", models.DecimalField(blank=True, decimal_places=4, max_digits=18, null=True,
                                                  verbose_name="maximum")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
            ],
            options={
                "verbose_name": "indicator",
                "verbose_name_plural": "indicators",
                "ordering": ["code"],
                "constraints": [models.CheckConstraint(
                    condition=models.Q(("min_value__isnull", True), ("max_value__isnull", True),
                                       ("min_value__lte", models.F("max_value")), _connector="OR"),
                    name="indicator_min_below_max", violation_error_message="The minimum is above the maximum.")],
            },
        ),
        migrations.CreateModel(
            name="ObligationIndicator",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("indicator", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                                related_name="obligation_links", to="reporting.indicator",
                                                verbose_name="indicator")),
                ("obligation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                 related_name="indicator_links", to="reporting.reportingobligation",
                                                 verbose_name="obligation")),
            ],
            options={
                "verbose_name": "indicator of an obligation",
                "verbose_name_plural": "indicators of obligations",
                "ordering": ["obligation", "order", "id"],
                "constraints": [models.UniqueConstraint(fields=("obligation", "indicator"),
                                                        name="obligationindicator_unique",
                                                        violation_error_message="This indicator is already asked.")],
            },
        ),
        migrations.RunPython(json_to_rows, rows_to_json),
        migrations.RemoveField(model_name="reportingobligation", name="indicators"),
        migrations.AddField(
            model_name="reportingobligation",
            name="linked_indicators",
            field=models.ManyToManyField(blank=True, related_name="obligations", through="reporting.ObligationIndicator",
                                         to="reporting.indicator", verbose_name="indicators"),
        ),
    ]
