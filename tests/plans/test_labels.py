"""Labels begin with a capital letter in Vietnamese ("Đơn vị chủ trì", "Thời hạn", "Cơ quan chủ quản")."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import AbstractUser
from django.urls import reverse
from django.utils import translation

from plans import services
from plans.choices import ItemStyle

pytestmark = pytest.mark.django_db

DJANGO_USER_FIELDS = {field.name for field in AbstractUser._meta.get_fields()}


def test_every_field_label_of_the_plans_models_begins_with_a_capital():
    lower = []
    with translation.override("vi"):
        for model in apps.get_app_config("plans").get_models():
            if model.__name__.startswith("Historical"):
                continue  # django-simple-history's copies of the fields below, and its own
            for field in model._meta.get_fields():
                label = str(getattr(field, "verbose_name", "") or "")
                if field.name not in DJANGO_USER_FIELDS and label and label[0] != label[0].upper():
                    lower.append(f"{model.__name__}.{field.name}: {label}")
    assert lower == []


def test_the_editor_and_header_forms_show_capitalised_labels(client, org, users):
    plan = services.plan_create(actor=users.author, data={"year": 2026, "title": "Kế hoạch năm 2026"})
    section = services.section_create(actor=users.author, plan=plan, title="Mục đích")
    item = services.item_create(actor=users.author, section=section, text="Tuyên truyền.", style=ItemStyle.DASH)
    client.force_login(users.author)
    editor = client.get(reverse("plans:editor", args=[plan.pk]), {"edit": f"newresponsibility-{item.pk}"})
    labels = re.findall(r"<label[^>]*>\s*([^<*]+?)\s*(?:<|\*)", editor.content.decode())
    assert {"Đơn vị chủ trì", "Thời hạn", "Đơn vị phối hợp"} <= set(labels)
    header = client.get(reverse("plans:edit", args=[plan.pk])).content.decode()
    assert re.search(r"<label[^>]*>\s*Cơ quan chủ quản", header) and re.search(r"<label[^>]*>\s*Trích yếu", header)
