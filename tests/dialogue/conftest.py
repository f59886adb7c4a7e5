import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from dialogue import services


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def online_session(org, users):
    return services.session_save(actor=users.author, data={
        "title": "Đối thoại trực tuyến về bảo hiểm y tế", "form": "online",
        "starts_at": timezone.now() + dt.timedelta(days=7), "link": "https://syt.example.vn/doi-thoai",
        "organising_unit": org.nvy})


@pytest.fixture
def petition_for(org, users):
    def make(actor=None, **data):
        fields = {"unit": org.cdc, "kind": "complaint", "channel": "mailbox", "received_on": dt.date(2026, 2, 6),
                  "petitioner": "Ông Lê Văn Hạnh", "summary": "Khiếu nại thu tiền khám.", **data}
        return services.petition_register(actor=actor or users.unit_head, data=fields, today=dt.date(2026, 12, 1))
    return make
