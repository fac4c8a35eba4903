"""/dashboard/metrics: per-day numbers in local days, the success rate, failures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

METRICS = f"{BASE}/dashboard/metrics"


def _at(days_ago: int, hour: int = 12) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def history(create_workflow: Any, refs: Any) -> dict[str, Any]:
    workflow = WorkflowDefinition.objects.get(pk=create_workflow()["id"])
    WorkflowDefinition.objects.filter(pk=workflow.pk).update(status="active", is_active=True)

    def execution(days_ago: int, status: str, **fields: Any) -> WorkflowExecution:
        row = WorkflowExecution.objects.create(
            workflow=workflow, trigger="schedule", status=status, **fields
        )
        WorkflowExecution.objects.filter(pk=row.pk).update(created_at=_at(days_ago))
        return row

    today_ok = execution(0, "completed")
    execution(1, "completed")
    failed = execution(2, "failed", error_message="SMTP down")
    execution(3, "completed", is_test=True)  # test runs are left out
    execution(20, "failed")  # outside the window: counted only as a failure
    customers = [c.pk for c in refs.customers]
    for offset, customer in enumerate(customers):
        WorkflowActionLog.objects.create(
            execution=today_ok,
            step_order=1,
            action_type="send_email",
            target_type="customer",
            target_id=customer,
            status="success" if offset < 2 else "failed",
        )
    WorkflowActionLog.objects.filter(target_id=customers[1]).update(performed_at=_at(1))
    return {"workflow": workflow, "failed": failed}


def test_metrics(viewer: APIClient, history: dict[str, Any]) -> None:
    response = viewer.get(METRICS)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["active_workflows"] == 1
    per_day = body["executions_per_day"]
    assert len(per_day) == 14
    assert per_day[-1]["date"] == timezone.localdate().isoformat()
    assert [d["total"] for d in per_day[-4:]] == [0, 1, 1, 1]
    assert per_day[-3]["failed"] == 1
    assert [d["sent"] for d in body["emails_per_day"][-2:]] == [1, 1]
    assert body["success_rate_7d"] == round(2 / 3, 4)
    attention = body["failures_needing_attention"]
    assert attention["count"] == 2
    assert attention["latest"][0]["id"] == history["failed"].pk
    assert attention["latest"][0]["error_message"] == "SMTP down"


def test_metrics_are_cached_briefly(viewer: APIClient, history: dict[str, Any]) -> None:
    viewer.get(METRICS)
    with CaptureQueriesContext(connection) as queries:
        assert viewer.get(METRICS).status_code == 200
    assert not [q for q in queries if "executions_" in q["sql"]]


def test_metrics_read_large_tables_only_through_date_bounds(
    viewer: APIClient, history: dict[str, Any]
) -> None:
    with CaptureQueriesContext(connection) as queries:
        viewer.get(METRICS)
    for query in queries:
        sql = query["sql"]
        if 'FROM "executions_workflowactionlog"' in sql:
            assert '"performed_at" >=' in sql, sql
        if 'FROM "executions_workflowexecution"' in sql and "COUNT" in sql.upper():
            # Either date-bounded or on the failed rows only (through the status index).
            assert '"created_at" >=' in sql or "'failed'" in sql or "%s" in sql, sql


def test_metrics_without_any_data(viewer: APIClient) -> None:
    body = viewer.get(METRICS).json()
    assert body["success_rate_7d"] is None
    assert body["failures_needing_attention"] == {"count": 0, "latest": []}


def test_metrics_need_a_role(client_for: Any) -> None:
    assert_error(APIClient().get(METRICS), 401, "not_authenticated")
    assert_error(client_for(None).get(METRICS), 403, "permission_denied")
