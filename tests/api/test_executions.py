"""/executions: list with filters, detail, status with progress, logs, and steering."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition
from customers.models import Customer
from executions.api import ExecutionSerializer
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.api.conftest import BASE, assert_error, make_user

pytestmark = pytest.mark.django_db

EXECUTIONS = f"{BASE}/executions"
Status = WorkflowExecution.Status


def url(pk: int, action: str = "") -> str:
    return f"{EXECUTIONS}/{pk}" + (f"/{action}" if action else "")


@pytest.fixture
def workflow(create_workflow: Callable[..., dict[str, Any]]) -> WorkflowDefinition:
    return WorkflowDefinition.objects.get(pk=create_workflow()["id"])


@pytest.fixture
def make_execution(workflow: WorkflowDefinition) -> Callable[..., WorkflowExecution]:
    def make(**fields: Any) -> WorkflowExecution:
        created_at = fields.pop("created_at", None)
        fields.setdefault("current_step", 1)
        execution = WorkflowExecution.objects.create(workflow=workflow, trigger="manual", **fields)
        if created_at is not None:
            WorkflowExecution.objects.filter(pk=execution.pk).update(created_at=created_at)
        return execution

    return make


def log(execution: WorkflowExecution, target_id: int | None, status: str, **kw: Any) -> None:
    WorkflowActionLog.objects.create(
        execution=execution,
        step_order=kw.pop("step_order", 1),
        action_type=kw.pop("action_type", "send_email"),
        target_type=kw.pop("target_type", "customer"),
        target_id=target_id,
        status=status,
        **kw,
    )


def test_list_filters_by_workflow_status_dates_and_test_runs(
    viewer: APIClient, make_execution: Callable[..., WorkflowExecution], workflow: Any
) -> None:
    now = timezone.now()
    old = make_execution(status=Status.COMPLETED, created_at=now - dt.timedelta(days=10))
    failed = make_execution(status=Status.FAILED)
    test_run = make_execution(status=Status.COMPLETED, is_test=True)

    def ids(**params: Any) -> list[int]:
        response = viewer.get(EXECUTIONS, params)
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids() == [test_run.pk, failed.pk, old.pk]
    assert ids(status="failed") == [failed.pk]
    assert ids(is_test="true") == [test_run.pk]
    assert ids(is_test="false") == [failed.pk, old.pk]
    assert ids(workflow=workflow.pk + 1) == []
    since = (now - dt.timedelta(days=1)).isoformat()
    assert ids(created_after=since) == [test_run.pk, failed.pk]
    assert ids(created_before=since) == [old.pk]
    day = timezone.localdate(now - dt.timedelta(days=10)).isoformat()
    assert ids(created_after=day, created_before=timezone.localdate(now).isoformat()) == [old.pk]

    row = viewer.get(EXECUTIONS).json()["results"][0]
    assert row["workflow_name"] == workflow.name


def test_list_refuses_bad_filters(viewer: APIClient) -> None:
    assert_error(viewer.get(EXECUTIONS, {"status": "asleep"}), 400, "invalid_choice", "/status")
    assert_error(viewer.get(EXECUTIONS, {"created_after": "yesterday"}), 400, "invalid_datetime")
    assert_error(viewer.get(EXECUTIONS, {"workflow": "x"}), 400, "invalid", "/workflow")


def test_detail_has_the_snapshot_and_transitions(
    viewer: APIClient, make_execution: Callable[..., WorkflowExecution]
) -> None:
    execution = make_execution(definition_snapshot={"name": "snap"})

    body = viewer.get(url(execution.pk)).json()

    assert body["id"] == execution.pk
    assert body["definition_snapshot"] == {"name": "snap"}
    assert body["transitions"] == []
    assert_error(viewer.get(url(execution.pk + 100)), 404, "not_found")


def test_status_counts_progress_in_one_query(
    viewer: APIClient, make_execution: Callable[..., WorkflowExecution], refs: Any
) -> None:
    execution = make_execution(status=Status.RUNNING, current_step=2)
    customers = list(Customer.objects.values_list("pk", flat=True))
    for customer, status in zip(customers, ["success", "failed", "unknown"], strict=True):
        log(execution, customer, status)
    log(execution, customers[0], "skipped", step_order=2)
    log(execution, customers[1], "pending", step_order=2)
    log(execution, None, "skipped", target_type="execution", action_type="step")

    with CaptureQueriesContext(connection) as queries:
        response = viewer.get(url(execution.pk, "status"))

    assert response.status_code == 200
    assert response.json() == {
        "id": execution.pk,
        "status": "running",
        "current_step": 2,
        "is_finished": False,
        "progress": {"sent": 1, "total": 5, "failed": 1, "skipped": 1, "unknown": 1},
    }
    progress_queries = [q for q in queries if "executions_workflowactionlog" in q["sql"]]
    assert len(progress_queries) == 1


def test_status_is_two_statements_the_user_with_their_role_and_the_execution(
    viewer: APIClient, make_execution: Callable[..., WorkflowExecution]
) -> None:
    # The endpoint is polled: authentication reads the user and the role in one statement,
    # the status and every count come in another.
    execution = make_execution(status=Status.RUNNING, current_step=1)
    viewer.get(url(execution.pk, "status"))  # warm: the first request reads more (sessions...)

    with CaptureQueriesContext(connection) as queries:
        response = viewer.get(url(execution.pk, "status"))

    assert response.status_code == 200
    assert len(queries) == 2, [q["sql"][:120] for q in queries]
    assert response.json()["progress"] == {
        "total": 0,
        "sent": 0,
        "failed": 0,
        "skipped": 0,
        "unknown": 0,
    }


def test_status_of_someone_elses_execution_is_not_found_for_a_user_without_a_role(
    client_for: Callable[[str | None], APIClient],
    user_for: Callable[[str | None], Any],
    make_execution: Callable[..., WorkflowExecution],
    workflow: WorkflowDefinition,
) -> None:
    # A signed-in user in no role group sees only the workflows they created; the status
    # endpoint's own statement applies the same rule as every other read.
    execution = make_execution()
    nobody = client_for(None)
    assert nobody.get(url(execution.pk, "status")).status_code in (403, 404)
    workflow.created_by = user_for(None)
    workflow.save(update_fields=["created_by"])
    from executions.selectors import execution_status

    assert execution_status(pk=execution.pk, user=user_for(None))["id"] == execution.pk
    assert execution_status(pk=execution.pk, user=user_for("viewer"))["id"] == execution.pk
    with pytest.raises(WorkflowExecution.DoesNotExist):
        execution_status(pk=execution.pk, user=make_user(None, username="someone-else"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_progress_is_counted_from_the_index_alone(
    make_execution: Callable[..., WorkflowExecution],
) -> None:
    # The counts need execution, status and target_type: action_log_progress_idx holds all
    # three, so the status statement reads no row of the table (whatever pages an
    # execution's rows lie on: 1,000 page reads for a 1,000-customer execution without it).
    from executions.selectors import execution_status

    execution = make_execution()
    # Other executions' customer rows, and statistics that say so: in an empty table every
    # index on customer rows costs the planner the same (action_log_customer_cover_idx
    # carries execution and status too), and it would pick one by chance.
    other = make_execution()
    WorkflowActionLog.objects.bulk_create(
        WorkflowActionLog(
            execution=other,
            step_order=1,
            action_type="send_email",
            target_type="customer",
            target_id=n,
            status="success",
        )
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {WorkflowActionLog._meta.db_table}")
    with CaptureQueriesContext(connection) as queries:
        execution_status(pk=execution.pk)
    (statement,) = [q["sql"] for q in queries]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {statement}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using action_log_progress_idx" in plan, plan


def test_logs_are_paginated_and_filtered(
    viewer: APIClient, make_execution: Callable[..., WorkflowExecution], refs: Any
) -> None:
    execution = make_execution()
    customers = list(Customer.objects.values_list("pk", flat=True))
    for customer in customers:
        log(execution, customer, "success")
    log(execution, customers[0], "failed", step_order=2, error_message="550 no such user")

    page = viewer.get(url(execution.pk, "logs"), {"page_size": 2}).json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]

    failed = viewer.get(url(execution.pk, "logs"), {"status": "failed"}).json()["results"]
    assert [(r["step_order"], r["error_message"]) for r in failed] == [(2, "550 no such user")]
    assert viewer.get(url(execution.pk, "logs"), {"step": 1}).json()["count"] == 3
    assert_error(viewer.get(url(execution.pk, "logs"), {"step": "one"}), 400, "invalid", "/step")
    assert_error(viewer.get(url(execution.pk + 9, "logs")), 404, "not_found")


def test_pause_resume_cancel(
    business: APIClient, make_execution: Callable[..., WorkflowExecution], queued: dict
) -> None:
    execution = make_execution(status=Status.RUNNING)

    paused = business.post(url(execution.pk, "pause"))
    assert paused.status_code == 200, paused.json()
    assert paused.json()["status"] == "paused"
    assert_error(business.post(url(execution.pk, "pause")), 409, "invalid_state")

    resumed = business.post(url(execution.pk, "resume"))
    assert resumed.json()["status"] == "queued"
    assert queued["run"] == [(execution.pk,)]
    assert_error(business.post(url(execution.pk, "resume")), 409, "invalid_state")

    cancelled = business.post(url(execution.pk, "cancel"))
    assert cancelled.json()["status"] == "cancelled"
    assert_error(business.post(url(execution.pk, "cancel")), 409, "invalid_state")


def test_retry_only_a_failed_execution(
    business: APIClient, make_execution: Callable[..., WorkflowExecution], queued: dict
) -> None:
    failed = make_execution(status=Status.FAILED)
    running = make_execution(status=Status.RUNNING)

    retried = business.post(url(failed.pk, "retry"))

    assert retried.status_code == 200, retried.json()
    assert retried.json()["status"] == "queued"
    assert queued["run"] == [(failed.pk,)]
    body = assert_error(business.post(url(running.pk, "retry")), 409, "invalid_state")
    assert body["errors"][0]["message"]  # readable, in the request's language
    assert_error(business.post(url(running.pk + 99, "retry")), 404, "not_found")


def test_executions_of_invisible_workflows_are_404(
    client_for: Callable[[str | None], APIClient],
    make_execution: Callable[..., WorkflowExecution],
) -> None:
    # A user without a role sees nothing at all: 403 before any lookup.
    execution = make_execution()
    assert_error(client_for(None).get(url(execution.pk)), 403, "permission_denied")


def test_list_rows_are_what_the_execution_serializer_makes(
    viewer: APIClient,
    make_execution: Callable[..., WorkflowExecution],
) -> None:
    # The list builds its rows without ExecutionSerializer (executions.api.execution_row);
    # every field must still be what the serializer (the schema's description) makes of it,
    # in the request's language and time zone.
    now = timezone.now()
    make_execution(status=Status.QUEUED, current_step=None)
    make_execution(
        status=Status.FAILED,
        started_at=now - dt.timedelta(minutes=5),
        completed_at=now,
        resume_at=now + dt.timedelta(hours=1),
        scheduled_for=now - dt.timedelta(minutes=6),
        error_message="step 2 failed: boom",
        error_code="step.failed",
        error_params={"step": 2, "error": {"code": "outside", "params": {"text": "boom"}}},
        triggered_by=make_user("business", "starter"),
        is_test=True,
        workflow_version=3,
    )
    make_execution(status=Status.COMPLETED, error_message="plain words", error_code="")
    for language in ("nb", "en"):
        response = viewer.get(EXECUTIONS, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        rows = response.json()["results"]
        executions = WorkflowExecution.objects.select_related("workflow").order_by(
            "-created_at", "-pk"
        )
        with translation.override(language):
            expected = json.loads(
                JSONRenderer().render(ExecutionSerializer(executions, many=True).data)
            )
        assert rows == expected
        assert {row["error_label"] for row in rows} >= {"plain words"}


def test_list_reads_only_the_columns_it_shows(
    viewer: APIClient, make_execution: Callable[..., WorkflowExecution]
) -> None:
    # An execution's context and definition snapshot can be large; the list shows neither.
    make_execution(status=Status.COMPLETED, context={"big": "x" * 1000})
    with CaptureQueriesContext(connection) as queries:
        assert viewer.get(EXECUTIONS).status_code == 200
    listed = [q["sql"] for q in queries if "executions_workflowexecution" in q["sql"]]
    assert listed
    assert not [sql for sql in listed if "definition_snapshot" in sql or '."context"' in sql]
