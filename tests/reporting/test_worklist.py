"""Where each role lands, what waits for a reviewer or an approver, the oversight list and the compliance figures."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import services as plan_services
from plans.choices import ItemStyle, PlanStatus
from plans.landing import landing_url
from plans.models import PlanTransition
from reporting.models import Notification, ReportRequest, RequestStatus
from tests.reporting.test_inbox import make_obligation

pytestmark = pytest.mark.django_db


def _plan(users, title):
    plan = plan_services.plan_create(actor=users.author, data={"year": 2026, "title": title, "place": "Quảng Ngãi"})
    section = plan_services.section_create(actor=users.author, plan=plan, title="Mục đích")
    plan_services.item_create(actor=users.author, section=section, text="Tuyên truyền.", style=ItemStyle.NUMBER)
    plan.refresh_from_db()
    return plan


@pytest.fixture
def waiting(org, users):
    """A draft, a plan submitted 3 days ago, one approved today; a CDC report submitted 2 days ago."""
    _plan(users, "Kế hoạch còn nháp")
    submitted = plan_services.plan_submit(actor=users.author, plan=_plan(users, "Kế hoạch chờ thẩm định"))
    PlanTransition.objects.filter(plan=submitted).update(created_at=timezone.now() - dt.timedelta(days=3))
    approved = plan_services.plan_submit(actor=users.author, plan=_plan(users, "Kế hoạch chờ cấp số"))
    approved = plan_services.plan_approve(actor=users.approver, plan=approved)
    make_obligation(org)
    request = ReportRequest.objects.get(unit=org.cdc)
    request.status, request.submitted_at = RequestStatus.SUBMITTED, timezone.now() - dt.timedelta(days=2)
    request.save()
    return {"submitted": submitted, "approved": approved, "request": request}


@pytest.mark.parametrize(("actor", "target"), [
    ("unit_head", "reporting:inbox"), ("reviewer", "reporting:worklist"), ("approver", "reporting:dashboard"),
    ("author", "plans:list"), ("admin", "plans:list"), ("partner", "plans:list"),
])
def test_each_role_lands_where_its_work_is_after_login(client, users, password, actor, target):
    user = getattr(users, actor)
    assert landing_url(user) == reverse(target)
    response = client.post(reverse("login"), {"username": user.username, "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(target) and response.status_code == 200


def test_a_landing_page_that_is_not_installed_falls_back_to_the_plan_list(users, monkeypatch):
    from plans import landing

    monkeypatch.setattr(landing, "LANDINGS", ((landing.Role.REVIEWER, "nowhere:worklist"),))
    assert landing_url(users.reviewer) == reverse("plans:list")


def test_reviewer_sees_submitted_plans_of_their_room_and_reports_with_their_age(client, users, waiting,
                                                                              django_assert_max_num_queries):
    client.force_login(users.reviewer)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("reporting:worklist"))
    plans, reports = response.context["plans"], response.context["reports"]
    assert [(p.title, p.days_waiting) for p in plans] == [("Kế hoạch chờ thẩm định", 3)]
    assert [(r.pk, r.days_waiting) for r in reports] == [(waiting["request"].pk, 2)]
    page = response.content.decode()
    assert "Việc chờ tôi xử lý" in page and "3 ngày" in page and "2 ngày" in page
    assert reverse("reporting:review", args=[waiting["request"].pk]) in page


def test_approver_sees_submitted_and_approved_plans_oldest_first(client, users, waiting):
    client.force_login(users.approver)
    response = client.get(reverse("reporting:worklist"))
    assert [(p.title, p.status, p.days_waiting) for p in response.context["plans"]] == [
        ("Kế hoạch chờ thẩm định", PlanStatus.SUBMITTED, 3), ("Kế hoạch chờ cấp số", PlanStatus.APPROVED, 0)]
    page = response.content.decode()
    assert "Cấp số, ban hành" in page and "hôm nay" in page


def test_a_forwarded_plan_waits_for_the_approver_not_the_reviewer(client, users, waiting):
    plan_services.plan_forward(actor=users.reviewer, plan=waiting["submitted"], comment="Đồng ý, trình lãnh đạo.")
    for user, expected in ((users.approver, True), (users.reviewer, False)):
        client.force_login(user)
        shown = {p.pk for p in client.get(reverse("reporting:worklist")).context["plans"]}
        assert (waiting["submitted"].pk in shown) is expected


def test_other_rooms_reviewer_sees_nothing_and_authors_are_refused(client, users, waiting):
    client.force_login(users.other_reviewer)
    response = client.get(reverse("reporting:worklist"))
    assert list(response.context["plans"]) == [] and list(response.context["reports"]) == []
    for user in (users.author, users.unit_head):
        client.force_login(user)
        assert client.get(reverse("reporting:worklist")).status_code == 403
        assert client.get(reverse("reporting:oversight")).status_code == 403


def test_menu_links_every_page_of_the_role_and_counts_unread_notifications(client, users, waiting,
                                                                         django_assert_max_num_queries):
    Notification.objects.create(user=users.reviewer, text="Báo cáo mới")
    Notification.objects.create(user=users.reviewer, text="Báo cáo khác")
    Notification.objects.create(user=users.reviewer, text="Đã đọc", read_at=timezone.now())
    client.force_login(users.reviewer)
    page = client.get(reverse("plans:list")).content.decode()
    for name in ("reporting:worklist", "reporting:review_queue", "reporting:oversight", "reporting:notifications"):
        assert f'href="{reverse(name)}"' in page, name
    assert 'id="unread-count">2<' in page
    client.post(reverse("reporting:notifications"))
    assert 'id="unread-count"' not in client.get(reverse("plans:list")).content.decode()
    client.force_login(users.unit_head)
    page = client.get(reverse("plans:list")).content.decode()
    assert f'href="{reverse("reporting:inbox")}"' in page and f'href="{reverse("reporting:notifications")}"' in page
    assert f'href="{reverse("reporting:worklist")}"' not in page


def test_oversight_lists_the_obligations_reporting_to_my_unit(client, users, waiting):
    client.force_login(users.approver)
    response = client.get(reverse("reporting:oversight"))
    obligation = waiting["request"].obligation
    assert [o.pk for o in response.context["rows"]] == [obligation.pk]
    assert reverse("reporting:compliance", args=[obligation.pk]) in response.content.decode()
    client.force_login(users.other_reviewer)
    assert list(client.get(reverse("reporting:oversight")).context["rows"]) == []


def test_every_compliance_figure_opens_the_list_behind_it(client, org, users, django_assert_max_num_queries):
    obligation, _task = make_obligation(org)
    cdc, bvdk = (ReportRequest.objects.get(unit=unit) for unit in (org.cdc, org.bvdk))
    cdc.status, cdc.submitted_at = RequestStatus.SUBMITTED, timezone.make_aware(dt.datetime(2026, 6, 1, 9))
    cdc.save()
    client.force_login(users.reviewer)
    page = client.get(reverse("reporting:compliance", args=[obligation.pk])).content.decode()
    for request in (cdc, bvdk):
        assert reverse("reporting:review", args=[request.pk]) in page
    units_url = reverse("reporting:compliance_units", args=[obligation.pk, cdc.period_id])
    assert f"{units_url}?state=missing" in page and f"{units_url}?state=done" in page
    with django_assert_max_num_queries(10):
        response = client.get(units_url, {"state": "missing"})
    missing = [unit.code for unit, _req in response.context["rows"]]
    assert bvdk.due_date < timezone.localdate() and missing == ["bvdk"]
    assert reverse("reporting:review", args=[bvdk.pk]) in response.content.decode()
    assert [u.code for u, _r in client.get(units_url, {"state": "done"}).context["rows"]] == ["ttkscb"]
    assert client.get(units_url, {"state": "nonsense"}).context["state"] == "missing"
    assert client.get(reverse("reporting:compliance_units", args=[obligation.pk, 999999])).status_code == 404
    client.force_login(users.other_reviewer)
    assert client.get(units_url).status_code == 404
