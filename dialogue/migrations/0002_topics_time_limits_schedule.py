"""Seed 003's topics, the petitions' statutory time limits (FORMAT.md §5) and the daily reminder schedule."""

from django.db import migrations

TZ = "Asia/Ho_Chi_Minh"
REMINDERS = "dialogue: follow-up and petition reminders"

# Seed 003, section II: what the department's leaders discuss with citizens.
TOPICS = [
    "Phòng, chống dịch bệnh",
    "Bảo vệ, chăm sóc sức khỏe nhân dân",
    "Vệ sinh an toàn thực phẩm",
    "Đào tạo, tuyển dụng cán bộ y tế",
    "Xây dựng cơ sở vật chất, mua sắm trang thiết bị",
    "Chế độ chính sách bảo hiểm y tế",
]
# kind: (days, complex, remote, remote and complex, days per extension), in working days.
LIMITS = {
    "proposal": (15, 15, 15, 15, 0),
    "feedback": (15, 15, 15, 15, 0),
    "complaint": (30, 45, 45, 60, 0),
    "denunciation": (30, 30, 30, 30, 30),
}


def forwards(apps, schema_editor):
    Topic = apps.get_model("dialogue", "Topic")
    for order, name in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(name=name, defaults={"order": order})
    Limit = apps.get_model("dialogue", "PetitionTimeLimit")
    for kind, (days, complex_days, remote, remote_complex, extension) in LIMITS.items():
        Limit.objects.get_or_create(kind=kind, defaults={
            "days": days, "complex_days": complex_days, "remote_days": remote, "remote_complex_days": remote_complex,
            "extension_days": extension})
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _created = CrontabSchedule.objects.get_or_create(
        minute="10", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone=TZ)
    PeriodicTask.objects.update_or_create(name=REMINDERS, defaults={
        "task": "dialogue.tasks.dialogue_reminders_task", "crontab": crontab, "enabled": True})


def backwards(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=REMINDERS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("dialogue", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
