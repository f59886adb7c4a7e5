"""Seed Vietnamese public holidays 2020–2027 and the daily/weekly Celery beat schedules.

Both are editable in the admin afterwards (Holiday; Periodic tasks of django-celery-beat).
"""

from django.db import migrations

TZ = "Asia/Ho_Chi_Minh"
SCHEDULES = [
    # name, task, minute, hour, day_of_week
    ("reporting: daily tick", "reporting.tasks.reporting_tick_task", "0", "6", "*"),
    ("reporting: weekly overdue digest", "reporting.tasks.weekly_digest_task", "30", "7", "1"),
]


def seed(apps, schema_editor):
    from reporting.periods import public_holidays

    Holiday = apps.get_model("reporting", "Holiday")
    for year in range(2020, 2028):
        for day, name in public_holidays(year):
            Holiday.objects.get_or_create(date=day, defaults={"name": name})

    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, minute, hour, day_of_week in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_week=day_of_week, day_of_month="*", month_of_year="*", timezone=TZ,
        )
        PeriodicTask.objects.update_or_create(name=name, defaults={"task": task, "crontab": crontab,
                                                                   "enabled": True})


def unseed(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[s[0] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("reporting", "0002_reporting_obligations"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
