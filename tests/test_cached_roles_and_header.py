"""The roles and the header's state come from the Django cache (shared by the web processes) and follow every
change at once: a role taken away, a group deleted, a new notice, the bell read."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from plans.choices import Role
from plans.models import User
from reporting import notifications, selectors, services

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request reads them (a new object: nothing kept on the instance)."""
    return User.objects.get(pk=user.pk)


def test_a_role_taken_away_or_a_deleted_group_is_gone_on_the_next_request(users):
    assert Role.UNIT_HEAD in fresh(users.unit_head).roles  # now cached
    users.unit_head.groups.remove(Group.objects.get(name=Role.UNIT_HEAD))
    assert Role.UNIT_HEAD not in fresh(users.unit_head).roles
    group = Group.objects.get(name=Role.REVIEWER)
    group.user_set.add(users.unit_head)
    assert Role.REVIEWER in fresh(users.unit_head).roles
    group.user_set.clear()
    assert Role.REVIEWER not in fresh(users.unit_head).roles and Role.REVIEWER not in fresh(users.reviewer).roles
    Group.objects.get(name=Role.AUTHOR).delete()
    assert fresh(users.author).roles == frozenset()


def test_the_bell_follows_new_notices_and_reading_them(client, users):
    client.force_login(users.reviewer)
    page = client.get(reverse("plans:list")).content.decode()
    assert 'id="unread-count"' not in page and selectors.header_state(fresh(users.reviewer))["unread"] == 0
    notifications.notify([users.reviewer], kind="report_reminder",
                         params={"title": "Báo cáo quý", "period": "Quý I", "due": "05/04/2026", "days": 3})
    page = client.get(reverse("plans:list")).content.decode()
    assert 'id="unread-count">1<' in page
    services.notifications_mark_read(actor=users.reviewer)
    assert 'id="unread-count"' not in client.get(reverse("plans:list")).content.decode()


def test_the_calendar_link_changes_at_once_when_rotated(client, users):
    client.force_login(users.reviewer)
    old = selectors.calendar_token(fresh(users.reviewer))
    assert old in client.get(reverse("plans:list")).content.decode()
    client.post(reverse("reporting:calendar_rotate"))
    page = client.get(reverse("plans:list")).content.decode()
    assert old not in page and selectors.calendar_token(fresh(users.reviewer)) in page
    assert client.get(reverse("reporting:calendar", args=[old])).status_code == 404


def test_the_menu_is_kept_rendered_and_follows_a_role_the_language_and_the_search_at_once(client, users):
    client.force_login(users.unit_head)
    home = reverse("plans:list")
    assert 'id="nav-inbox"' in client.get(home).content.decode()  # "Reports due": a unit head's
    users.unit_head.groups.remove(Group.objects.get(name=Role.UNIT_HEAD))
    assert 'id="nav-inbox"' not in client.get(home).content.decode()
    Group.objects.get(name=Role.REVIEWER).user_set.add(users.unit_head)
    page = client.get(home).content.decode()
    assert 'id="nav-review"' in page and ">Báo cáo chờ duyệt<" in page
    client.cookies["django_language"] = "en"
    assert ">Review queue<" in client.get(home).content.decode()
    assert 'value="tiêm chủng"' in client.get(reverse("search"), {"q": "tiêm chủng"}).content.decode()
    assert 'value="tiêm chủng"' not in client.get(home).content.decode()


def test_a_page_reads_the_header_in_the_round_trip_of_the_roles(client, org, users, monkeypatch):
    from django.core.cache import cache

    from tests.reporting.test_inbox import make_obligation

    make_obligation(org)
    client.force_login(users.unit_head)
    client.get(reverse("reporting:inbox"))  # everything cached
    keys, inside = [], []  # the keys of each round trip (the tests' local-memory get_many calls get: not counted)
    for name in ("get", "get_many"):
        method = getattr(cache, name)

        def read(key, *args, _method=method, **kwargs):
            if not inside:
                keys.append(key)
            inside.append(key)
            try:
                return _method(key, *args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(cache, name, read)
    page = client.get(reverse("reporting:inbox")).content.decode()
    header = selectors.header_key(users.unit_head)
    # the session's, then one for the roles, the header and the unit's generations (the inbox's key): nothing more
    assert len(keys) == 2 and keys[0].startswith("django.contrib.sessions"), keys
    assert keys[1] == [f"plans:group-names:v1:{users.unit_head.pk}", header,
                       *selectors.unit_generation_keys(users.unit_head)]
    assert 'id="nav-notifications"' in page and "Báo cáo 6 tháng PCTN" in page
