"""Statutory time limits of petitions in working days (FORMAT.md §5), holidays skipped, and the overdue flag."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dialogue import limits, services
from dialogue.models import Petition, PetitionTimeLimit
from reporting.models import Holiday

pytestmark = pytest.mark.django_db

RECEIVED = dt.date(2026, 2, 6)  # a Friday before Tết 2026 (16–20/02 are public holidays)


def test_a_complaint_is_due_30_working_days_later_tet_skipped(petition_for):
    assert petition_for().due_date == dt.date(2026, 3, 27)  # 6 weeks, plus the 5 days of Tết


def test_without_the_holidays_the_same_complaint_is_due_a_week_earlier(petition_for):
    Holiday.objects.filter(date__range=(dt.date(2026, 2, 16), dt.date(2026, 2, 20))).delete()
    assert petition_for().due_date == dt.date(2026, 3, 20)


@pytest.mark.parametrize(("complexity", "remote", "days"), [
    ("normal", False, 30), ("complex", False, 45), ("normal", True, 45), ("complex", True, 60),
    ("especially_complex", True, 60)])
def test_complaint_limits_for_complex_cases_and_remote_areas(complexity, remote, days, petition_for):
    petition = petition_for(complexity=complexity, remote_area=remote)
    holidays = limits.holidays_between(RECEIVED, RECEIVED + dt.timedelta(days=200))
    from reporting.periods import add_working_days

    assert petition.due_date == add_working_days(RECEIVED, days, holidays)
    assert limits.limit_days(limits.limit_for("complaint"), complexity=complexity, remote_area=remote) == days


def test_a_working_day_count_reaching_the_national_day(petition_for):
    # Received Friday 14/08/2026: 15 working days for a proposal skip 01/09 and 02/09.
    petition = petition_for(kind="proposal", received_on=dt.date(2026, 8, 14))
    assert petition.due_date == dt.date(2026, 9, 8)


def test_a_denunciation_is_extended_once_if_complex_twice_if_especially_complex(petition_for, users):
    complex_case = petition_for(kind="denunciation", complexity="complex")
    assert complex_case.due_date == dt.date(2026, 3, 27)
    extended = services.petition_extend(actor=users.unit_head, petition=complex_case, complexity="complex")
    assert (extended.extensions, extended.due_date) == (1, dt.date(2026, 5, 12))  # 60 working days, 30/04 and 01/05 off
    with pytest.raises(ValidationError) as refused:
        services.petition_extend(actor=users.unit_head, petition=extended, complexity="complex")
    assert refused.value.messages == ["Không thể gia hạn giải quyết đơn này thêm nữa."]
    again = services.petition_extend(actor=users.unit_head, petition=extended, complexity="especially_complex")
    assert again.extensions == 2
    assert again.due_date == limits.due_date(kind="denunciation", received_on=RECEIVED,
                                             complexity="especially_complex", extensions=2)
    assert (again.due_date - extended.due_date).days > 30


def test_an_ordinary_denunciation_or_a_complaint_is_not_extended(petition_for, users):
    for petition in (petition_for(kind="denunciation"), petition_for(complexity="complex")):
        with pytest.raises(ValidationError):
            services.petition_extend(actor=users.unit_head, petition=petition, complexity=petition.complexity)


def test_proposal_and_feedback_limits_are_configurable(petition_for):
    assert petition_for(kind="feedback").due_date == dt.date(2026, 3, 6)  # 15 working days, Tết skipped
    PetitionTimeLimit.objects.filter(kind="feedback").update(days=5)
    assert petition_for(kind="feedback").due_date == dt.date(2026, 2, 13)


def test_overdue_is_derived_from_the_due_date(petition_for, users):
    late = petition_for()
    due = late.due_date
    on_time = petition_for(received_on=dt.date(2026, 3, 2))
    assert list(Petition.objects.overdue(due)) == []  # the due date itself is still in time
    assert list(Petition.objects.overdue(due + dt.timedelta(days=1))) == [late]
    assert late.overdue_on(due + dt.timedelta(days=1)) and not on_time.overdue_on(due + dt.timedelta(days=1))
    flagged = dict(Petition.objects.with_overdue(due + dt.timedelta(days=1)).values_list("pk", "is_overdue"))
    assert flagged == {late.pk: True, on_time.pk: False}
    services.petition_resolve(actor=users.unit_head, petition=late, resolution="Đã trả lời.", today=due)
    assert late not in Petition.objects.overdue(due + dt.timedelta(days=30))


def test_a_holiday_keeps_a_petition_in_time(petition_for):
    petition = petition_for()
    monday = dt.date(2026, 3, 23)  # 30 working days without Tết would have ended on 20/03
    assert not Petition.objects.overdue(monday).exists()
    assert Petition.objects.overdue(dt.date(2026, 3, 30)).get() == petition


def test_the_received_date_cannot_be_in_the_future(org, users):
    with pytest.raises(ValidationError):
        services.petition_register(actor=users.unit_head, today=dt.date(2026, 3, 1), data={
            "unit": org.cdc, "kind": "complaint", "channel": "hotline", "received_on": dt.date(2026, 3, 2),
            "petitioner": "A", "summary": "B"})


def test_a_unit_head_registers_only_for_their_own_unit(org, users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.petition_register(actor=users.other_head, today=dt.date(2026, 3, 1), data={
            "unit": org.cdc, "kind": "complaint", "channel": "hotline", "received_on": dt.date(2026, 3, 1),
            "petitioner": "A", "summary": "B"})
