"""The history page (merged change log) and the diff between two points of a plan's history."""

import pytest
from django.urls import reverse
from django.utils import translation

from plans import history, services
from plans.choices import ItemStyle
from plans.models import Item
from tests.plans import test_views as shared

pytestmark = pytest.mark.django_db

plan = shared.plan  # the fixture: a draft of the author's room with one section and two items
text_of = shared.text_of


def moments(plan):
    """The moment of every entry of the history, oldest first."""
    return sorted(entry.when for entry in history.plan_history(plan))


def test_history_merges_changes_of_plan_and_children_with_field_diffs_and_workflow(plan, users, org):
    item = Item.objects.get(text="Đẩy mạnh tuyên truyền.")
    services.item_update(actor=users.author, item=item, expected_version=item.version, text="Đẩy mạnh truyền thông.",
                         style=ItemStyle.DASH)
    services.responsibility_save(actor=users.author, plan=plan, data={"item": item, "lead_unit": org.cdc},
                                 supporting_units=[org.bvdk])
    services.item_delete(actor=users.author, item=Item.objects.get(text="Tăng cường dân vận."))
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_return(actor=users.reviewer, plan=plan, comment="Bổ sung phân công.")

    with translation.override("en"):
        entries = history.plan_history(plan)
    assert entries == sorted(entries, key=lambda e: e.when, reverse=True)
    kinds = [(e.kind, e.label) for e in entries]
    assert ("+", "Phối hợp công tác dân vận năm 2026") in kinds
    assert ("+", "Mục đích, yêu cầu") in kinds
    assert ("-", "Tăng cường dân vận.") in kinds
    edit = next(e for e in entries if e.kind == "~" and e.label == "Đẩy mạnh truyền thông.")
    assert {(c.old, c.new) for c in edit.changes} >= {("Đẩy mạnh tuyên truyền.", "Đẩy mạnh truyền thông."),
                                                       ("Numbered (1., 1.1.)", "Dash (-)")}
    assert all(e.who == users.author for e in entries if e.kind in "+~-")
    responsibility = next(e for e in entries if e.kind == "~" and e.label == "Trung tâm Kiểm soát bệnh tật")
    assert [(c.old, c.new) for c in responsibility.changes] == [("—", "Bệnh viện Đa khoa tỉnh")]
    steps = [e for e in entries if e.kind == "workflow"]
    assert [e.transition.to_status for e in steps] == ["returned", "submitted"]
    assert steps[0].comment == "Bổ sung phân công." and steps[0].who == users.reviewer
    # a child's change bumps the plan's version: that echo is not listed as a change of the plan
    assert not [e for e in entries if e.what == "plan" and e.kind == "~" and not e.changes]


def test_history_page_shows_who_what_and_the_return_comment(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_return(actor=users.reviewer, plan=plan, comment="Bổ sung mục II.")
    client.force_login(users.author)
    response = client.get(reverse("plans:history", args=[plan.pk]))
    body = text_of(response)
    assert response.status_code == 200
    assert "Lịch sử kế hoạch" in body and "Bổ sung mục II." in body
    assert "Đẩy mạnh tuyên truyền." in body and "Bị trả lại" in body and "Đã trình duyệt" in body
    assert 'name="a"' in body and 'name="b"' in body


def test_history_page_query_count_does_not_grow_with_changes(client, plan, users, org,
                                                             django_assert_max_num_queries):
    section = plan.sections.get()
    for index in range(25):
        item = services.item_create(actor=users.author, section=section, text=f"Mục {index}", style="number")
        services.item_update(actor=users.author, item=item, expected_version=item.version, text=f"Mục {index}!",
                             style="dash")
        services.responsibility_save(actor=users.author, plan=plan, data={"item": item, "lead_unit": org.cdc},
                                     supporting_units=[org.bvdk])
    client.force_login(users.author)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("plans:history", args=[plan.pk]))
    assert response.status_code == 200
    with django_assert_max_num_queries(40):  # the log, and the plan's text at two moments
        response = client.get(reverse("plans:diff", args=[plan.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("user", ["other_author", "other_head", "partner"])
def test_history_and_diff_are_404_for_users_who_may_not_see_the_plan(client, plan, users, user):
    client.force_login(getattr(users, user))
    assert client.get(reverse("plans:history", args=[plan.pk])).status_code == 404
    assert client.get(reverse("plans:diff", args=[plan.pk])).status_code == 404


def test_history_needs_login(client, plan):
    response = client.get(reverse("plans:history", args=[plan.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_plan_text_at_rebuilds_the_numbered_text_at_each_moment(plan, users):
    before = moments(plan)[-1]
    first = Item.objects.get(text="Đẩy mạnh tuyên truyền.")
    services.item_delete(actor=users.author, item=first)
    second = Item.objects.get(text="Tăng cường dân vận.")
    services.item_update(actor=users.author, item=second, expected_version=second.version,
                         text="Tăng cường công tác dân vận.", style=ItemStyle.NUMBER)
    after = moments(plan)[-1]

    old = history.plan_text_at(plan.pk, before)
    new = history.plan_text_at(plan.pk, after)
    assert "I. Mục đích, yêu cầu" in old
    assert "1. Đẩy mạnh tuyên truyền." in old and "2. Tăng cường dân vận." in old
    assert "1. Tăng cường công tác dân vận." in new and not any("Đẩy mạnh" in line for line in new)
    assert history.plan_text_at(plan.pk, history.moment_of(0)) == []


def test_diff_page_shows_removed_and_added_lines_escaped(client, plan, users):
    item = Item.objects.get(text="Đẩy mạnh tuyên truyền.")
    before = moments(plan)[-1]
    services.item_update(actor=users.author, item=item, expected_version=item.version,
                         text="Đẩy mạnh <script>alert(1)</script> truyền thông.", style=ItemStyle.NUMBER)
    after = moments(plan)[-1]
    client.force_login(users.author)
    response = client.get(reverse("plans:diff", args=[plan.pk]),
                          {"a": history.point_of(before), "b": history.point_of(after)})
    body = text_of(response)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "tuyên truyền" in body and 'class="diff_' in body
    assert "thêm 1 dòng, bớt 1 dòng" in body


def test_diff_by_default_shows_what_changed_since_the_last_submission(client, plan, users):
    services.plan_submit(actor=users.author, plan=plan)
    services.plan_return(actor=users.reviewer, plan=plan, comment="Sửa mục 1.")
    item = Item.objects.get(text="Đẩy mạnh tuyên truyền.")
    services.item_update(actor=users.author, item=item, expected_version=item.version, text="Đẩy mạnh truyền thông.",
                         style=ItemStyle.NUMBER)
    client.force_login(users.author)
    response = client.get(reverse("plans:diff", args=[plan.pk]))
    diff = response.context["diff"]
    assert response.status_code == 200 and (diff.added, diff.removed) == (1, 1)
    assert "truyền thông" in text_of(response)


def test_diff_of_identical_points(client, plan, users):
    client.force_login(users.author)
    point = history.point_of(moments(plan)[-1])
    body = text_of(client.get(reverse("plans:diff", args=[plan.pk]), {"a": point, "b": point}))
    assert "Nội dung giống nhau ở hai thời điểm." in body


@pytest.mark.parametrize("bad", ["abc", "-5", "1e9", "9" * 40])
def test_diff_with_bad_points_is_a_translated_error_not_500(client, plan, users, bad):
    client.force_login(users.author)
    response = client.get(reverse("plans:diff", args=[plan.pk]), {"a": bad, "b": "1"})
    assert response.status_code == 200
    assert "Hãy chọn hai thời điểm trong lịch sử để so sánh." in text_of(response)


def test_history_in_english(client, plan, users):
    from django.conf import settings

    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    client.force_login(users.author)
    body = text_of(client.get(reverse("plans:history", args=[plan.pk])))
    assert "History of the plan" in body and "Compare A and B" in body
