"""GET /customers/{id}/activity: a customer's history across workflows, from the action logs."""

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
from core.reasons import Reason
from customers.models import Customer
from executions.activity import activity_item, customer_activity_list
from executions.api_activity import ActivitySerializer
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

Status = WorkflowActionLog.Status


def url(pk: int) -> str:
    return f"{BASE}/customers/{pk}/activity"


@pytest.fixture
def workflow(create_workflow: Callable[..., dict[str, Any]]) -> WorkflowDefinition:
    return WorkflowDefinition.objects.get(pk=create_workflow()["id"])


@pytest.fixture
def customer() -> Customer:
    return Customer.objects.create(name="Kafé X", email="post@kafex.example")


def run(workflow: WorkflowDefinition, *, is_test: bool = False) -> WorkflowExecution:
    return WorkflowExecution.objects.create(
        workflow=workflow, trigger="test" if is_test else "manual", is_test=is_test
    )


def log(
    execution: WorkflowExecution,
    customer_id: int,
    action_type: str,
    status: str,
    *,
    step_order: int = 1,
    days_ago: int = 0,
    **result: Any,
) -> WorkflowActionLog:
    row = WorkflowActionLog.objects.create(
        execution=execution,
        step_order=step_order,
        action_type=action_type,
        target_type="customer",
        target_id=customer_id,
        status=status,
        result_data=result,
    )
    if days_ago:
        at = timezone.now() - dt.timedelta(days=days_ago)
        WorkflowActionLog.objects.filter(pk=row.pk).update(performed_at=at)
    return row


@pytest.fixture
def history(workflow: WorkflowDefinition, customer: Customer) -> dict[str, WorkflowActionLog]:
    real = run(workflow)
    other = Customer.objects.create(name="Bakeriet", email="post@bakeriet.example")
    rows = {
        "old_email": log(
            real,
            customer.pk,
            "send_email",
            Status.SUCCESS,
            days_ago=20,
            email=customer.email,
            template="Påminnelse",
            subject="Husk bestillingen",
            message_id="<wf-1.1.1@example.test>",
        ),
        "order": log(
            real, customer.pk, "create_order", Status.SUCCESS, step_order=2, days_ago=3, order_id=7
        ),
        "skip": log(
            real,
            customer.pk,
            "send_email",
            Status.SKIPPED,
            step_order=3,
            **Reason("skip.unsubscribed").result_fields(),
        ),
    }
    # Neither a test run's "would send" nor another customer's email is this customer's history.
    log(run(workflow, is_test=True), customer.pk, "send_email", Status.SUCCESS, test=True)
    log(real, other.pk, "send_email", Status.SUCCESS, step_order=4, subject="Ikke din")
    return rows


def ids(client: APIClient, pk: int, **params: Any) -> list[int]:
    response = client.get(url(pk), params)
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_history_lists_what_real_runs_did_for_the_customer_newest_first(
    viewer: APIClient, customer: Customer, history: dict[str, WorkflowActionLog], workflow: Any
) -> None:
    response = viewer.get(url(customer.pk), HTTP_ACCEPT_LANGUAGE="en")

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 3
    assert [row["id"] for row in body["results"]] == [
        history["skip"].pk,
        history["order"].pk,
        history["old_email"].pk,
    ]
    skip, order, email = body["results"]
    assert email["kind"] == "email"
    assert email["subject"] == "Husk bestillingen"
    assert email["template"] == "Påminnelse"
    assert email["message_id"] == "<wf-1.1.1@example.test>"
    assert email["email"] == customer.email
    assert email["execution"] == history["old_email"].execution_id
    assert email["workflow"] == workflow.pk and email["workflow_name"] == workflow.name
    assert order["kind"] == "order" and order["order_id"] == 7
    assert skip["status"] == "skipped"
    assert skip["reason_code"] == "skip.unsubscribed"
    assert skip["reason_label"] == "unsubscribed"


def test_history_reason_is_in_the_readers_language(
    viewer: APIClient, customer: Customer, history: dict[str, WorkflowActionLog]
) -> None:
    body = viewer.get(
        url(customer.pk), {"kind": "email", "status": "skipped"}, HTTP_ACCEPT_LANGUAGE="nb"
    )

    assert body.json()["results"][0]["reason_label"] == "avmeldt"


def test_history_filters_by_kind_status_workflow_and_date(
    viewer: APIClient, customer: Customer, history: dict[str, WorkflowActionLog], workflow: Any
) -> None:
    pk = customer.pk
    assert ids(viewer, pk, kind="email") == [history["skip"].pk, history["old_email"].pk]
    assert ids(viewer, pk, kind="order") == [history["order"].pk]
    assert ids(viewer, pk, kind="other") == []
    assert ids(viewer, pk, status="success") == [history["order"].pk, history["old_email"].pk]
    assert ids(viewer, pk, workflow=workflow.pk + 1000) == []
    since = timezone.localdate() - dt.timedelta(days=10)
    assert ids(viewer, pk, performed_after=since.isoformat()) == [
        history["skip"].pk,
        history["order"].pk,
    ]
    assert ids(viewer, pk, performed_before=since.isoformat()) == [history["old_email"].pk]


def test_history_is_paginated_like_other_lists(
    viewer: APIClient, customer: Customer, history: dict[str, WorkflowActionLog]
) -> None:
    first = viewer.get(url(customer.pk), {"page_size": 2}).json()
    second = viewer.get(url(customer.pk), {"page_size": 2, "page": 2}).json()

    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    assert [row["id"] for row in second["results"]] == [history["old_email"].pk]
    assert_error(viewer.get(url(customer.pk), {"page": 3, "page_size": 2}), 404, "not_found")


def test_history_refuses_bad_filters_unknown_customers_and_strangers(
    viewer: APIClient, client_for: Callable[[str | None], APIClient], customer: Customer
) -> None:
    assert_error(viewer.get(url(customer.pk), {"kind": "sms"}), 400, "invalid_choice", "/kind")
    assert_error(viewer.get(url(customer.pk), {"performed_after": "igår"}), 400, "invalid_datetime")
    assert_error(viewer.get(url(customer.pk + 1000)), 404, "not_found")
    assert APIClient().get(url(customer.pk)).status_code == 401
    assert client_for(None).get(url(customer.pk)).status_code == 403


def _other_customers_and_statistics(workflow: WorkflowDefinition, customer: Customer) -> None:
    """Other customers' rows and statistics that say so: a plan must not hang on whatever
    statistics autovacuum or another test left for a nearly empty table."""
    runs = [run(workflow) for _ in range(20)]
    kinds = ("send_email", "create_order", "step")
    WorkflowActionLog.objects.bulk_create(
        WorkflowActionLog(
            execution=runs[n % len(runs)],
            step_order=1,
            action_type=kinds[n % 3],
            target_type="customer",
            target_id=customer.pk + 1 + n,
            status=("success", "failed", "skipped")[n % 3],
        )
        for n in range(3000)
    )
    with connection.cursor() as cursor:
        for model in (WorkflowActionLog, WorkflowExecution):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def test_history_reads_one_range_of_the_customer_index(
    requires_postgres: None, customer: Customer, workflow: WorkflowDefinition
) -> None:
    # With the planner told to avoid sequential scans, the query must have an index to use:
    # without action_log_customer_cover_idx it would read every action log (10 million rows).
    _other_customers_and_statistics(workflow, customer)
    qs = customer_activity_list(customer_id=customer.pk)[:20]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = qs.explain()

    assert "action_log_customer_cover_idx" in plan


@pytest.mark.parametrize(
    "filters",
    [{}, {"kind": "email", "status": "success"}, {"workflow_id": 1}, {"kind": "other"}],
)
def test_history_is_counted_from_the_index_alone(
    requires_postgres: None,
    customer: Customer,
    workflow: WorkflowDefinition,
    filters: dict[str, Any],
) -> None:
    # The page numbers need the count of a customer's rows (about 2,000 in the benchmark,
    # spread over the table): from action_log_customer_cover_idx alone, with test runs found
    # by execution_test_idx, instead of a heap page per row and a join to every execution.
    _other_customers_and_statistics(workflow, customer)
    qs = customer_activity_list(customer_id=customer.pk, **filters)
    with CaptureQueriesContext(connection) as queries:
        qs.count()
    (count,) = [q["sql"] for q in queries]
    with transaction.atomic(), connection.cursor() as cursor:
        # Small tables: tell the planner what the big one would (no whole-table reads).
        for setting in ("enable_seqscan", "enable_bitmapscan"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {count}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Index Only Scan using action_log_customer_cover_idx" in plan, plan
    assert "Index Only Scan using execution_test_idx" in plan, plan
    # No join to the executions for the rows themselves (only to a workflow's, when filtered).
    assert "executions_workflowexecution_pkey" not in plan, plan


def test_history_rows_are_what_the_activity_serializer_makes(
    viewer: APIClient, customer: Customer, history: dict[str, WorkflowActionLog]
) -> None:
    # The API builds its rows without ActivitySerializer (executions.api_activity.activity_row);
    # every field must still be what the serializer (the schema's description) makes of it,
    # in the request's language and time zone.
    failed = history["old_email"]
    WorkflowActionLog.objects.filter(pk=failed.pk).update(
        status=Status.FAILED,
        error_message="SMTP 550: no such mailbox",
        error_code="outside",
        error_params={"text": "SMTP 550: no such mailbox"},
    )
    for language in ("nb", "en"):
        response = viewer.get(url(customer.pk), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        logs = customer_activity_list(customer_id=customer.pk)
        with translation.override(language):
            items = [activity_item(row) for row in logs]
            data = ActivitySerializer(items, many=True).data
        expected = json.loads(JSONRenderer().render(data))
        assert response.json()["results"] == expected
        assert {row["error_label"] for row in expected} > {""}
