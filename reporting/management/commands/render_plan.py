"""Render a plan as an official document: manage.py render_plan 12 --format pdf -o plan.pdf"""

from django.core.management.base import BaseCommand, CommandError

from plans.models import Plan
from reporting.documents import render
from reporting.documents.plans import plan_document


class Command(BaseCommand):
    help = "Render a plan as an official document (PDF or Word), without the queue."
    # The system checks load every URL conf, the API schema and the admin (~1 s) for a command that needs none
    # of them; ``manage.py check`` (and every deployment) runs them.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--format", dest="fmt", choices=["pdf", "docx"], default="pdf")
        parser.add_argument("-o", "--output", help="File to write (default: <number or plan id>.<format>).")

    def handle(self, *args, plan_id, fmt, output=None, **options):
        plan = Plan.objects.select_related("owner_unit").filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"Plan {plan_id} does not exist.")
        document = plan_document(plan)
        data = render(document, fmt)
        path = output or f"{document.filename}.{fmt}"
        with open(path, "wb") as handle:
            handle.write(data)
        self.stdout.write(f"{path}: {len(data)} bytes")
