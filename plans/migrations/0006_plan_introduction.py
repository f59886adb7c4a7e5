"""``Plan.summary`` held the introduction: it is now called ``introduction`` (and so is the key of an import's
extraction that fills it)."""

from django.db import migrations, models


def _rename_key(apps, old, new):
    PlanImport = apps.get_model("plans", "PlanImport")
    for record in PlanImport.objects.filter(extracted__has_key=old).only("pk", "extracted"):
        record.extracted[new] = record.extracted.pop(old)
        PlanImport.objects.filter(pk=record.pk).update(extracted=record.extracted)


def forwards(apps, schema_editor):
    _rename_key(apps, "summary", "introduction")


def backwards(apps, schema_editor):
    _rename_key(apps, "introduction", "summary")


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0005_planissuer_history"),
    ]

    operations = [
        migrations.RenameField(model_name="plan", old_name="summary", new_name="introduction"),
        migrations.RenameField(model_name="historicalplan", old_name="summary", new_name="introduction"),
        migrations.AlterField(
            model_name="plan",
            name="title",
            field=models.CharField(max_length=500, verbose_name="title (summary line, trích yếu)"),
        ),
        migrations.AlterField(
            model_name="historicalplan",
            name="title",
            field=models.CharField(max_length=500, verbose_name="title (summary line, trích yếu)"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
