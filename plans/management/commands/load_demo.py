"""``manage.py load_demo``: the demo department, its users and plans (see docs/demo.md)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from plans.choices import Role
from plans.demo import loader, org


class Command(BaseCommand):
    help = "Load the demo department, its users (one password for all) and demo plans. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true",
                            help="Delete the demo plans and build them again; reset the demo users' passwords.")
        parser.add_argument("--force", action="store_true",
                            help="Load even though DEBUG is off (the demo users share one published password: "
                                 "never on a real database).")

    def handle(self, *args, reset=False, force=False, **options):
        if not (settings.DEBUG or force or getattr(settings, "PORTAL_DEMO_ALLOWED", False)):
            raise CommandError("load_demo creates users (an administrator among them) with the published demo "
                               "password. It runs only with DEBUG on, or with --force on a database that is not "
                               "a real one.")
        verbose = options["verbosity"] > 1
        call_command("load_holidays", verbosity=options["verbosity"], stdout=self.stdout)  # deadlines skip them
        result = loader.load(reset=reset, log=self.stdout.write if verbose else lambda message: None)
        self.stdout.write(self.style.SUCCESS(
            f"Demo: {result.units_created} units, {result.users_created} users, {result.plans_created} plans created; "
            f"{result.plans_skipped} plans already there; {result.seeds_imported} seeds kept as import records."))
        self.print_logins()

    def print_logins(self):
        role_names = dict(Role.choices)
        rows = [("Username", "Password", "Role", "Unit", "Name")]
        unit_names = {code: name for code, name, *_rest in org.UNITS}
        for username, full_name, unit_code, roles, _position in org.USERS:
            rows.append((username, org.PASSWORD, ", ".join(str(role_names[r]) for r in roles),
                         unit_names[unit_code], full_name))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        rule = "+".join("-" * (w + 2) for w in widths)
        self.stdout.write(f"+{rule}+")
        for index, row in enumerate(rows):
            self.stdout.write("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
            if index == 0:
                self.stdout.write(f"+{rule}+")
        self.stdout.write(f"+{rule}+")
