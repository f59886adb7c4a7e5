"""``manage.py reporting_tick --today 2026-06-01 [--through 2026-06-30]``: replay the daily reporting job."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from reporting.services import reporting_tick


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Open due report requests, send reminders and mark overdue requests for a day or a range of days."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="the day to run (YYYY-MM-DD); default: today in Asia/Ho_Chi_Minh")
        parser.add_argument("--through", help="run every day from --today through this day (YYYY-MM-DD)")

    def handle(self, *args, today=None, through=None, **options):
        from django.utils import timezone

        first = _date(today) if today else timezone.localdate()
        last = _date(through) if through else first
        if last < first:
            raise CommandError("--through is before --today")
        totals = [0, 0, 0]
        day = first
        while day <= last:
            summary = reporting_tick(today=day)
            for label, rows in (("created", summary.created), ("reminded", summary.reminded),
                                ("overdue", summary.overdue)):
                for row in rows:
                    self.stdout.write(f"{day:%d/%m/%Y} {label}: {row}")
            totals[0] += len(summary.created)
            totals[1] += len(summary.reminded)
            totals[2] += len(summary.overdue)
            day += dt.timedelta(days=1)
        self.stdout.write(self.style.SUCCESS(
            f"{first:%d/%m/%Y}–{last:%d/%m/%Y}: {totals[0]} request(s) created, "
            f"{totals[1]} reminder(s) sent, {totals[2]} request(s) marked overdue."
        ))
