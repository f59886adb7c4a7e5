"""Shared fixtures: a small department (the org chart of the seeds) and one user per role."""

import os
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from plans.choices import Role, UnitKind
from tests.browser.axe import AuditedBrowser
from tests.factories import PASSWORD, UnitFactory, UserFactory

# Fuzzing (tests/test_fuzz_forms.py, tests/test_fuzz_api.py): bounded under `make test` (profile "ci", the
# default), thorough on demand: HYPOTHESIS_PROFILE=thorough make test. No deadline: a page takes what it takes
# on a loaded machine; timings belong to benchmarks.
_FUZZ = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck), "print_blob": True}
hypothesis_settings.register_profile("ci", max_examples=6, **_FUZZ)
hypothesis_settings.register_profile("thorough", max_examples=150, **_FUZZ)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the tests' rows are rolled back, what was cached from them is not
    (and SQLite gives their ids again); so do the rendered fragments each process keeps."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()


@pytest.fixture
def org(db):
    """Sở Y tế with two rooms, two facilities and a partner body."""
    syt = UnitFactory(code="syt", name="Sở Y tế", short_name="Sở Y tế", kind=UnitKind.DEPARTMENT,
                      abbreviation="SYT", governing_body="UBND TỈNH QUẢNG NGÃI")
    nvy = UnitFactory(code="nvy", name="Phòng Nghiệp vụ Y", short_name="Phòng NVY", kind=UnitKind.ROOM,
                      parent=syt, abbreviation="NVY")
    tccb = UnitFactory(code="tccb", name="Phòng Tổ chức cán bộ", short_name="Phòng TCCB", kind=UnitKind.ROOM,
                       parent=syt, abbreviation="TCCB")
    cdc = UnitFactory(code="ttkscb", name="Trung tâm Kiểm soát bệnh tật", short_name="CDC",
                      kind=UnitKind.FACILITY, parent=syt, abbreviation="TTKSBT")
    bvdk = UnitFactory(code="bvdk", name="Bệnh viện Đa khoa tỉnh", short_name="BVĐK tỉnh",
                       kind=UnitKind.FACILITY, parent=syt, abbreviation="BVĐK")
    bdv = UnitFactory(code="bdvtu", name="Ban Dân vận Tỉnh ủy", short_name="BDVTU", kind=UnitKind.PARTNER,
                      abbreviation="BDVTU", is_party_body=True, governing_body="TỈNH ỦY QUẢNG NGÃI")
    return SimpleNamespace(syt=syt, nvy=nvy, tccb=tccb, cdc=cdc, bvdk=bvdk, bdv=bdv)


@pytest.fixture
def users(org):
    """One user per role; ``other_author`` writes in another room, ``other_head`` heads another facility."""
    return SimpleNamespace(
        author=UserFactory(username="chuyenvien", unit=org.nvy, roles=[Role.AUTHOR]),
        reviewer=UserFactory(username="truongphong", unit=org.nvy, roles=[Role.REVIEWER]),
        approver=UserFactory(username="giamdoc", unit=org.syt, roles=[Role.APPROVER]),
        unit_head=UserFactory(username="thutruong", unit=org.cdc, roles=[Role.UNIT_HEAD]),
        admin=UserFactory(username="quantri", unit=org.syt, roles=[Role.ADMIN], is_staff=True),
        other_author=UserFactory(username="chuyenvien2", unit=org.tccb, roles=[Role.AUTHOR]),
        other_reviewer=UserFactory(username="truongphong2", unit=org.tccb, roles=[Role.REVIEWER]),
        other_head=UserFactory(username="thutruong2", unit=org.bvdk, roles=[Role.UNIT_HEAD]),
        partner=UserFactory(username="dantvan", unit=org.bdv, roles=[Role.AUTHOR]),
    )


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker (in a thread of this process) on the configured broker: Redis under `make test`.

    Each xdist worker consumes only its own queue (see ``config.settings.test``).
    """
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    app.control.purge()  # tasks queued by earlier tests, which ran without a worker, name rows long gone
    with start_worker(app, pool="solo", concurrency=1, perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the test's own steps: the pages it visited must pass the accessibility audit."""
    result = yield
    browser = item.funcargs.get("browser")
    if isinstance(browser, AuditedBrowser):  # the browser tests' fixture (tests/browser/conftest.py)
        browser.auditor.settle()
        problems = browser.auditor.problems()
        if problems:
            raise AssertionError("Accessibility (axe-core, tests/browser/axe.py):\n  " + "\n  ".join(problems))
    return result
