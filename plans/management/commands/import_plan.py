"""Import a plan from a .txt, .docx or .pdf file.

    python manage.py import_plan PATH [--dry-run] [--json] [--user USERNAME]

``--json`` prints the extracted structure (and nothing else) on stdout; without
``--dry-run`` a draft plan is saved in the name of ``--user`` (default: the first
superuser or administrator).
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from plans.choices import Role
from plans.importing.extract import as_json_structure
from plans.importing.services import plan_import_from_file


class Command(BaseCommand):
    help = "Import a plan from a .txt, .docx or .pdf (text layer) file as a draft plan."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Extract only; save nothing.")
        parser.add_argument("--json", action="store_true", help="Print the extracted structure as JSON.")
        parser.add_argument("--user", help="Username of the importing user (default: the first administrator).")

    def _actor(self, username):
        users = get_user_model().objects.all()
        if username:
            actor = users.filter(username=username).first()
            if actor is None:
                raise CommandError(f"No user “{username}”.")
            return actor
        actor = (users.filter(is_superuser=True).order_by("pk").first()
                 or users.filter(Q(groups__name=Role.ADMIN)).order_by("pk").first())
        if actor is None:
            raise CommandError("No administrator to import as: pass --user USERNAME.")
        return actor

    def handle(self, *args, path, dry_run, json: bool, user, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        actor = None if dry_run else self._actor(user)
        try:
            extracted, plan = plan_import_from_file(actor=actor, name=file.name, data=file.read_bytes(),
                                                    today=timezone.localdate(), save=not dry_run)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except PermissionDenied as error:
            raise CommandError(f"User “{actor}” may not create plans.") from error
        if json:
            self.stdout.write(_dumps(as_json_structure(extracted)))
            return
        self.stdout.write(f"{len(extracted['sections'])} sections, "
                          f"{len(extracted['responsibilities'])} responsibilities, "
                          f"{len(extracted['report_deadlines'])} deadline proposals, "
                          f"{len(extracted['targets'])} target proposals.")
        if plan is not None:
            self.stdout.write(self.style.SUCCESS(f"Draft plan #{plan.pk} created: {plan.title}"))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
