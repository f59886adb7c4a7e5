"""The portal's icon: every page names it, and ``/favicon.ico`` leads to it (no 404 page at a first visit)."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_name_the_icon_and_favicon_ico_leads_to_it(client, users):
    icon = static("img/favicon.svg")
    assert finders.find("img/favicon.svg")
    assert f'<link rel="icon" href="{icon}" type="image/svg+xml">' in client.get(reverse("login")).content.decode()
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, icon)
