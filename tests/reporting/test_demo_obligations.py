"""The demo plans carry their confirmed reporting obligations; today's requests are in the unit heads' inboxes."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from reporting.models import ReportingObligation, ReportRequest

pytestmark = pytest.mark.django_db(transaction=False)


def obligations_of(title_start):
    return {(o.period_type, tuple(o.fixed_deadlines), o.recipient_unit.code, o.plan.year)
            for o in ReportingObligation.objects.filter(plan__title__startswith=title_start, plan__source_file="")
            .select_related("plan", "recipient_unit")}


def test_load_demo_creates_the_obligations_once(client):
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert obligations_of("Tiếp xúc, đối thoại") == {
        ("six_monthly", ("05/06",), "ttra", 2020), ("annual", ("25/11",), "ttra", 2020)}
    assert obligations_of("Học tập và làm theo") == {
        ("six_monthly", ("15/06",), "tccb", 2023), ("annual", ("15/12",), "tccb", 2023)}
    dan_van = ReportingObligation.objects.filter(plan__title="Phối hợp công tác dân vận năm 2021",
                                                 plan__source_file="")
    assert sorted(dan_van.values_list("period_type", flat=True)) == ["one_off", "quarterly", "six_monthly"]
    assert dan_van.get(period_type="one_off").one_off_due.month == 12
    for obligation in ReportingObligation.objects.all():
        obligation.full_clean()
    count = ReportingObligation.objects.count()
    # the demo ran the daily tick for today; run it for a day of the demo year to check what it opens
    from plans.models import Unit
    from reporting.demo import load_obligations

    load_obligations(units={u.code: u for u in Unit.objects.all()}, users={}, log=lambda m: None,
                     today=dt.date(2026, 11, 23))
    requests = ReportRequest.objects.count()
    opened = ReportRequest.objects.filter(obligation__plan__year=2026, due_date=dt.date(2026, 12, 15))
    assert opened.count() == 7  # every active facility owes the fourth quarter's report
    assert not ReportRequest.objects.filter(obligation__plan__year__lt=2026).exists()

    call_command("load_demo", verbosity=0, stdout=io.StringIO())  # idempotent
    assert ReportingObligation.objects.count() == count and ReportRequest.objects.count() == requests

    from plans.models import User

    head = User.objects.get(username="cdc.giamdoc")
    client.force_login(head)
    rows = client.get(reverse("reporting:inbox") + "?all=1").context["rows"]
    assert set(opened.filter(unit=head.unit).values_list("pk", flat=True)) <= {r.pk for r in rows}
    assert any(r.due_date == dt.date(2026, 12, 15) for r in rows)
