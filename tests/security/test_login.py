"""Brute force on the log-in pages fails: a username, or an address, is locked after a few wrong
passwords, the right password included; the admin login is guarded the same; an administrator
unlocks in the admin. Sessions end after a working day without use."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
LOCKED = ("Đăng nhập sai quá nhiều lần. Việc đăng nhập bị khóa trong 15 phút; hãy thử lại sau "
          "hoặc nhờ quản trị viên mở khóa.")


def attempt(client, username, password, *, url="login", address="10.0.0.1"):
    return client.post(reverse(url), {"username": username, "password": password}, REMOTE_ADDR=address,
                       HTTP_ACCEPT_LANGUAGE="vi")


def fail(client, username, times, **options):
    for _ in range(times):
        response = attempt(client, username, "sai-mat-khau", **options)
        assert response.status_code in (200, 429)
    return response


def test_the_right_password_after_too_many_wrong_ones_is_refused(client, users, password):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail(client, users.author.username, 4)
    assert attempt(client, users.author.username, password).status_code == 302  # 4 wrong: still allowed
    client.logout()
    fail(client, users.author.username, 5)
    response = attempt(client, users.author.username, password)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # the form is shown again, with the lock-out message alone
    assert response.context["form"].non_field_errors() == [LOCKED]


def test_the_lock_holds_for_the_username_from_another_address_and_in_another_case(client, users, password):
    fail(client, users.author.username, 5, address="10.0.0.1")
    assert attempt(client, users.author.username.upper(), password, address="10.9.9.9").status_code == 429
    assert attempt(client, users.reviewer.username, password, address="10.9.9.9").status_code == 302


def test_one_address_trying_many_usernames_is_locked(client, users, password):
    for name in ("a1", "a2", "a3", "a4", "a5"):
        fail(client, name, 1, address="10.0.0.7")
    assert attempt(client, users.reviewer.username, password, address="10.0.0.7").status_code == 429
    assert attempt(client, users.reviewer.username, password, address="10.0.0.8").status_code == 302


def test_the_admin_login_is_guarded_too(client, users, password):
    fail(client, users.admin.username, 5, url="admin:login")
    response = attempt(client, users.admin.username, password, url="admin:login")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    # and a lock gained on one page holds on the other
    assert attempt(client, users.admin.username, password).status_code == 429


def test_an_administrator_unlocks_in_the_admin(client, users, password):
    fail(client, users.author.username, 5, address="10.0.0.3")
    assert attempt(client, users.author.username, password, address="10.0.0.3").status_code == 429
    client.force_login(users.admin)
    changelist = client.get(reverse("admin:axes_accessattempt_changelist"), HTTP_ACCEPT_LANGUAGE="vi")
    assert changelist.status_code == 200 and users.author.username in changelist.content.decode()
    ids = [str(pk) for pk in AccessAttempt.objects.values_list("pk", flat=True)]
    response = client.post(reverse("admin:axes_accessattempt_changelist"),
                           {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    client.logout()
    assert attempt(client, users.author.username, password, address="10.0.0.3").status_code == 302


def test_behind_the_proxy_the_forwarded_address_counts(client, users, password, settings):
    settings.PORTAL_BEHIND_PROXY = True
    for name in ("b1", "b2", "b3", "b4", "b5"):
        client.post(reverse("login"), {"username": name, "password": "x"}, REMOTE_ADDR="127.0.0.1",
                    HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    locked = client.post(reverse("login"), {"username": users.author.username, "password": password},
                         REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    other = client.post(reverse("login"), {"username": users.author.username, "password": password},
                        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert (locked.status_code, other.status_code) == (429, 302)


def test_a_session_ends_after_a_working_day_without_use_and_use_extends_it(client, users, settings):
    import time

    from config.middleware import SessionIdleMiddleware

    assert settings.SESSION_COOKIE_AGE == 10 * 60 * 60
    client.force_login(users.author)
    session = client.session
    session[SessionIdleMiddleware.KEY] = int(time.time()) - settings.PORTAL_SESSION_REFRESH_SECONDS - 1
    session.save()
    response = client.get(reverse("plans:list"))
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == settings.SESSION_COOKIE_AGE  # extended from now
    assert client.get(reverse("plans:list")).cookies.get(settings.SESSION_COOKIE_NAME) is None  # not rewritten
