"""Logging in and out, changing one's password; the interface speaks Vietnamese unless told otherwise."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese_even_for_an_english_browser(client):
    response = client.get(reverse("login"), headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_wrong_password_gets_a_translated_error_and_keeps_the_username(client, users):
    response = client.post(reverse("login"), {"username": "chuyenvien", "password": "sai-mat-khau"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "mật khẩu chính xác" in page  # Django's Vietnamese message
    assert 'value="chuyenvien"' in page


def test_login_then_logout(client, users, password):
    response = client.post(reverse("login"), {"username": "chuyenvien", "password": password})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("plans:list")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("plans:list")).status_code == 302  # back to the login page


def test_password_change(client, users, password):
    client.force_login(users.author)
    bad = client.post(reverse("password_change"), {"old_password": "khong-dung", "new_password1": "x",
                                                   "new_password2": "y"})
    assert bad.status_code == 200 and "Mật khẩu cũ" in bad.content.decode()
    new = "Kehoach@2027-moi"
    good = client.post(reverse("password_change"), {"old_password": password, "new_password1": new,
                                                    "new_password2": new})
    assert good.status_code == 302 and good["Location"] == reverse("password_change_done")
    users.author.refresh_from_db()
    assert users.author.check_password(new)


def test_english_through_the_language_switcher(client, users):
    client.force_login(users.author)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("plans:list")})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("plans:list")).content.decode()
    assert "Plans" in page and "Kế hoạch mới" not in page
