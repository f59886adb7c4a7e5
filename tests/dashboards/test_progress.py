"""What each task's lead unit last reported (``reporting.progress``) stays true as reports are submitted, duties
change hands and obligations go: the overview counts its done tasks from it."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from plans.models import Responsibility
from reporting import progress, services
from reporting.dashboards import selectors
from reporting.models import ReportRequest, RequestStatus, Submission, TaskProgress

from .conftest import TODAY, at

pytestmark = pytest.mark.django_db


def _progress() -> dict:
    return dict(TaskProgress.objects.values_list("responsibility_id", "status"))


def _done(user) -> set:
    scope = selectors.scope_for(user)
    return {t.pk for t in selectors.task_list(scope, today=TODAY, year=2026, state="done")}


def test_reports_written_through_the_orm_leave_the_last_status_of_each_task(province):
    p = province
    assert _progress() == {p.r1.pk: "done", p.r2.pk: "in_progress", p.r3.pk: "done"}
    assert TaskProgress.objects.get(pk=p.r3.pk).submission.request_id == p.bvdk_q2.pk


def test_a_report_submitted_by_a_unit_head_moves_its_tasks_and_a_draft_does_not(province, users):
    p = province
    request = ReportRequest.objects.get(pk=p.cdc_q2.pk)
    services.report_save_draft(actor=users.unit_head, report_request=request,
                               data={"task_updates": {str(p.r2.pk): {"status": "done", "note": ""}}})
    assert _progress()[p.r2.pk] == "in_progress"
    assert p.r2.pk not in _done(users.approver)
    services.report_submit(actor=users.unit_head, report_request=ReportRequest.objects.get(pk=p.cdc_q2.pk),
                           data={"task_updates": {str(p.r2.pk): {"status": "done", "note": ""},
                                                  str(p.r1.pk): {"status": "not_done", "note": "Chưa xong"}}},
                           now=timezone.now())
    assert _progress() == {p.r1.pk: "not_done", p.r2.pk: "done", p.r3.pk: "done"}
    assert {p.r2.pk, p.r3.pk} <= _done(users.approver) and p.r1.pk not in _done(users.approver)


def test_a_report_naming_another_units_task_changes_nothing(province):
    p = province
    Submission.objects.create(request=p.cdc_q2, version=1, submitted_at=at(TODAY),
                              task_updates={str(p.r4.pk): {"status": "done"}, str(p.r3.pk): {"status": "not_done"}})
    assert _progress() == {p.r1.pk: "done", p.r2.pk: "in_progress", p.r3.pk: "done"}


def test_a_task_given_to_another_unit_takes_that_units_reports(province):
    p = province
    p.r1.lead_unit = p.bvdk_q1.unit
    p.r1.save()
    assert p.r1.pk not in _progress()  # BVĐK never reported on it
    Submission.objects.create(request=p.bvdk_q1, version=2, submitted_at=at(TODAY),
                              task_updates={str(p.r1.pk): {"status": "in_progress"}})
    assert _progress()[p.r1.pk] == "in_progress"


def test_an_obligation_deleted_takes_its_reports_out_of_the_progress(province, django_capture_on_commit_callbacks):
    p = province
    with django_capture_on_commit_callbacks(execute=True):
        p.obligation.delete()
    assert _progress() == {}
    assert not ReportRequest.objects.filter(status=RequestStatus.SUBMITTED).exists()


def test_refresh_all_rebuilds_a_lost_table(province):
    before = _progress()
    TaskProgress.objects.all().delete()
    TaskProgress.objects.create(responsibility=province.r4, status="done", submission=Submission.objects.first())
    progress.refresh_all()
    assert _progress() == before


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_table_from_the_reports_already_there(province):
    executor = MigrationExecutor(connection)
    executor.migrate([("reporting", "0010_consolidated_soft_delete_history")])
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert _progress() == {province.r1.pk: "done", province.r2.pk: "in_progress", province.r3.pk: "done"}
    assert Responsibility.objects.count() == 5


def test_a_report_status_that_is_not_a_task_status_counts_as_not_done(province):
    p = province
    Submission.objects.create(request=p.cdc_q2, version=1, submitted_at=at(TODAY + dt.timedelta(days=1)),
                              task_updates={str(p.r1.pk): {"status": "finished!"}})
    assert _progress()[p.r1.pk] == ""
