"""Indicators are one model: linked in order to obligations, checked the same way everywhere, migrated from JSON."""

import pytest
from django.urls import reverse

from plans.choices import PlanStatus
from reporting import services
from reporting.indicators import resolve, values_errors
from reporting.models import DeadlineRule, Indicator, IndicatorType, PeriodType, ReportingObligation
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return PlanFactory(owner_unit=org.nvy, status=PlanStatus.ISSUED, title="Tiếp xúc, đối thoại năm 2026", year=2026)


def obligation_data(org, **extra):
    return {"title": "Báo cáo 6 tháng", "units_rule": "all_facilities", "recipient_unit": org.nvy,
            "period_type": PeriodType.SIX_MONTHLY, "calendar": "nd09", "deadline_rule": DeadlineRule.FIXED,
            "fixed_deadlines": ["05/06"], "reminder_offsets": [7], "sections": ["results"], **extra}


def post_data(org, **extra):
    data = {"title": "Báo cáo năm", "units_rule": "all_facilities", "recipient_unit": org.nvy.pk,
            "period_type": "annual", "calendar": "nd09", "deadline_rule": "fixed", "fixed_deadlines": "25/11",
            "deadline_days": "0", "shift_rule": "previous_working_day", "open_days_before": "30",
            "reminder_offsets": "7, 3", "sections": ["results"], "include_tasks": "on"}
    data.update(extra)
    return data


def test_an_indicator_reads_as_its_name_and_unit_and_a_percentage_is_bounded():
    share = Indicator.objects.create(code="ty_le", name="Tỷ lệ xã", unit_of_measure="%", type=IndicatorType.PERCENT)
    assert str(share) == "Tỷ lệ xã (%)" and (share.low, share.high) == (0, 100)
    assert values_errors([share], {"ty_le": "101"}) == {"ty_le": "Giá trị không được vượt quá 100."}


def test_values_are_checked_against_indicator_objects():
    count = Indicator.objects.create(code="so_vu", name="Số vụ", type=IndicatorType.INTEGER, min_value=0,
                                     max_value=1000)
    assert values_errors([count], {"so_vu": "2.5"}) == {"so_vu": "Nhập số nguyên."}
    assert values_errors([count], {"so_vu": "-1"}) == {"so_vu": "Giá trị phải từ 0 trở lên."}
    assert values_errors([count], {"so_vu": "hai"}) == {"so_vu": "Nhập một số."}
    assert values_errors([count], {"so_vu": "12"}) == {}


def test_obligations_share_one_indicator_per_code_in_their_own_order(org, plan, users):
    first = services.obligation_save(actor=users.author, plan=plan, data=obligation_data(org, indicators=[
        {"code": "so_cuoc", "label": "Số cuộc", "unit": "cuộc", "type": "integer", "min": "0"},
        {"code": "ty_le", "label": "Tỷ lệ", "unit": "%", "type": "percent"}]))
    second = services.obligation_save(actor=users.author, plan=plan, data=obligation_data(
        org, title="Báo cáo năm", period_type=PeriodType.ANNUAL, fixed_deadlines=["25/11"],
        indicators=["ty_le", "so_cuoc"]))
    assert Indicator.objects.count() == 2
    assert [i.code for i in first.indicators] == ["so_cuoc", "ty_le"]
    assert [i.code for i in ReportingObligation.objects.get(pk=second.pk).indicators] == ["ty_le", "so_cuoc"]
    assert set(Indicator.objects.get(code="ty_le").obligations.all()) == {first, second}


def test_an_obligations_indicators_are_read_in_one_query(org, plan, users, django_assert_num_queries):
    saved = services.obligation_save(actor=users.author, plan=plan, data=obligation_data(
        org, indicators=[{"code": f"c{n}", "label": f"Chỉ tiêu {n}"} for n in range(5)]))
    obligation = ReportingObligation.objects.get(pk=saved.pk)
    with django_assert_num_queries(1):
        assert [i.code for i in obligation.indicators] == ["c0", "c1", "c2", "c3", "c4"]


def test_a_spec_defines_its_indicator_and_a_bare_code_links_it_unchanged():
    (made,) = resolve([{"code": "so_luot", "label": "Số lượt", "unit": "lượt", "type": "integer"}])
    (same,) = resolve(["so_luot", "khong_co"])
    assert same.pk == made.pk and Indicator.objects.count() == 1
    resolve([{"code": "so_luot", "label": "Số lượt người", "unit": "lượt người", "type": "integer"}])
    assert Indicator.objects.get().unit_of_measure == "lượt người"


def test_obligation_form_picks_an_existing_indicator_by_its_code_and_adds_new_ones(client, org, users, plan):
    shared = Indicator.objects.create(code="so_luot", name="Số lượt tiếp công dân", unit_of_measure="lượt",
                                      type=IndicatorType.INTEGER)
    client.force_login(users.author)
    url = reverse("reporting:obligation_create", args=[plan.pk])
    page = client.get(url)
    assert "so_luot" in page.content.decode()  # the catalogue is shown
    response = client.post(url, post_data(org, indicators="so_luot | tên khác bị bỏ qua\nmoi | Chỉ tiêu mới | vụ | "
                                                            "integer | 0 | 10"))
    assert response.status_code == 302
    obligation = ReportingObligation.objects.get()
    assert [i.code for i in obligation.indicators] == ["so_luot", "moi"]
    shared.refresh_from_db()
    assert shared.name == "Số lượt tiếp công dân"
    new = Indicator.objects.get(code="moi")
    assert (new.name, new.unit_of_measure, new.type, new.low, new.high) == ("Chỉ tiêu mới", "vụ", "integer", 0, 10)
    page = client.get(reverse("reporting:obligation_update", args=[obligation.pk]))
    assert page.context["form"].initial["indicators"] == ("so_luot | Số lượt tiếp công dân | lượt | integer\n"
                                                           "moi | Chỉ tiêu mới | vụ | integer | 0 | 10")


@pytest.mark.parametrize("text,message", [
    ("a | A\na | B", "Dòng 2: mỗi chỉ tiêu cần có mã riêng."),
    ("x" * 65, "Dòng 1: mã và đơn vị tính tối đa 64 ký tự, tên chỉ tiêu tối đa 255 ký tự."),
    ("a | A | | integer | 1e20", "Dòng 1: giá trị tối thiểu và tối đa phải là số."),
])
def test_obligation_form_refuses_bad_indicator_lines(client, org, users, plan, text, message):
    client.force_login(users.author)
    response = client.post(reverse("reporting:obligation_create", args=[plan.pk]), post_data(org, indicators=text),
                           HTTP_ACCEPT_LANGUAGE="vi")
    assert response.context["form"].errors["indicators"] == [message]
    assert not Indicator.objects.exists()


@pytest.mark.django_db(transaction=True)  # SQLite's schema editor needs its foreign key checks off: no atomic
def test_migration_turns_json_indicators_into_shared_rows(org):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("reporting", "0006_submission_section_values")], [("reporting", "0007_indicator_model")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Obligation = old.get_model("reporting", "ReportingObligation")
    common = {"plan_id": PlanFactory(owner_unit=org.nvy).pk, "recipient_unit_id": org.nvy.pk,
              "period_type": "annual", "fixed_deadlines": ["25/11"]}
    first = Obligation.objects.create(title="A", indicators=[
        {"code": "so_vu", "label": "Số vụ", "unit": "vụ", "type": "integer", "min": "0", "max": "50"},
        {"code": "ty_le", "label": "Tỷ lệ", "unit": "%", "type": "percent"}, {"label": "không mã"}], **common)
    second = Obligation.objects.create(title="B", indicators=[{"code": "ty_le", "label": "Tên khác"},
                                                              {"code": "so_vu"}], **common)
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    new = executor.loader.project_state(after).apps
    Indicator_ = new.get_model("reporting", "Indicator")
    Link = new.get_model("reporting", "ObligationIndicator")
    assert sorted(Indicator_.objects.values_list("code", "name", "unit_of_measure", "type")) == [
        ("so_vu", "Số vụ", "vụ", "integer"), ("ty_le", "Tỷ lệ", "%", "percent")]
    assert Indicator_.objects.get(code="so_vu").max_value == 50

    def codes(obligation):
        return list(Link.objects.filter(obligation_id=obligation.pk).order_by("order")
                    .values_list("indicator__code", flat=True))

    assert codes(first) == ["so_vu", "ty_le"] and codes(second) == ["ty_le", "so_vu"]
    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
