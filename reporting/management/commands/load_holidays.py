"""``manage.py load_holidays``: Vietnam's public holidays (Labour Code 2019, Art. 112) into ``Holiday``.

Idempotent and respectful of the administrators' edits: it adds the official days that are missing and
never changes or deletes a row. A day counts as present when a row has its date or, in the same year,
its name — so a day an administrator moved in the admin (the Government chose 03/09 instead of 01/09)
is not added back at its old date, and a renamed day keeps its new name.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from reporting.models import Holiday
from reporting.periods import LUNAR_DATES, public_holidays


@transaction.atomic
def load_holidays(years) -> list[Holiday]:
    """Create the missing official holidays of ``years``; return the rows created."""
    years = list(years)
    rows = Holiday.objects.filter(date__year__in=years).values_list("date", "name")
    dates = {day for day, _name in rows}
    names = {(day.year, name) for day, name in rows}
    missing = [Holiday(date=day, name=name) for year in years for day, name in public_holidays(year)
               if day not in dates and (year, name) not in names]
    from reporting.selectors import setup_changed

    created = Holiday.objects.bulk_create(missing, ignore_conflicts=True)
    if created:
        setup_changed()  # the deadlines move: a bulk insert sends no signal
    return created


class Command(BaseCommand):
    help = "Add Vietnam's official public holidays that are missing (never changes or deletes a row)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", type=int, default=min(LUNAR_DATES),
                            help="First year (default: %(default)s).")
        parser.add_argument("--to", dest="last", type=int, default=max(LUNAR_DATES),
                            help="Last year (default: %(default)s, the last year whose lunar dates are known).")

    def handle(self, *args, first, last, **options):
        created = load_holidays(range(first, last + 1))
        if options["verbosity"]:
            self.stdout.write(f"Public holidays {first}–{last}: {len(created)} added.")
        unknown = [year for year in range(first, last + 1) if year not in LUNAR_DATES]
        if unknown:
            self.stderr.write(f"Lunar dates unknown for {', '.join(map(str, unknown))}: Tết and the Hùng Kings' day "
                              "were not added (add them to reporting.periods.LUNAR_DATES or in the admin).")
