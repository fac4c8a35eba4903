"""/executions/{id}/emails/{log_id}/mark-delivered and /resend, and the unknown emails in an
execution's detail: staff only, one-way (409 once decided), documented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition
from customers.models import Customer
from executions.message_ids import message_id, resend_message_id
from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution
from executions.services import execution_create
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

EXECUTIONS = f"{BASE}/executions"


def decide(execution: WorkflowExecution, log: WorkflowActionLog, name: str) -> str:
    return f"{EXECUTIONS}/{execution.pk}/emails/{log.pk}/{name}"


@pytest.fixture
def execution(create_workflow: Callable[..., dict[str, Any]]) -> WorkflowExecution:
    workflow = WorkflowDefinition.objects.get(pk=create_workflow()["id"])
    execution, _ = execution_create(workflow=workflow, trigger="manual")
    WorkflowExecution.objects.filter(pk=execution.pk).update(status="completed")
    return execution


@pytest.fixture
def unknown(execution: WorkflowExecution) -> WorkflowActionLog:
    """kunde's email whose outcome was lost an hour ago (step 1 sends the email)."""
    step = next(s for s in execution.definition_snapshot["steps"] if s["step_order"] == 1)
    assert step["step_type"] == "send_email"
    customer = Customer.objects.create(name="Kari Nordmann", email="kari@example.com")
    log = WorkflowActionLog.objects.create(
        execution=execution,
        step_order=1,
        action_type="send_email",
        target_type="customer",
        target_id=customer.pk,
        status="unknown",
        result_data={"email": customer.email},
    )
    WorkflowActionLog.objects.filter(pk=log.pk).update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    log.refresh_from_db()
    return log


def test_the_detail_lists_each_unknown_email_with_its_message_id(
    client_for: Callable[[str], APIClient], execution: WorkflowExecution, unknown
) -> None:
    body = client_for("viewer").get(f"{EXECUTIONS}/{execution.pk}").json()
    [email] = body["unknown_emails"]
    assert email["id"] == unknown.pk
    assert email["email"] == "kari@example.com"
    assert email["subject"]
    assert email["message_id"] == message_id(execution.pk, 1, unknown.target_id)
    assert dt.datetime.fromisoformat(email["decidable_from"]) < timezone.now()
    assert body["email_decisions"] == []


def test_staff_mark_it_delivered_once(
    client_for: Callable[[str], APIClient], execution: WorkflowExecution, unknown, user_for
) -> None:
    staff = client_for("staff")
    response = staff.post(decide(execution, unknown, "mark-delivered"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["decision"]["decision"] == "marked_delivered"
    assert body["decision"]["decided_by"] == user_for("staff").pk
    assert body["action_log"]["status"] == "success"

    detail = staff.get(f"{EXECUTIONS}/{execution.pk}").json()
    assert detail["unknown_emails"] == []
    assert [d["decision"] for d in detail["email_decisions"]] == ["marked_delivered"]

    for name in ("mark-delivered", "resend"):
        assert_error(staff.post(decide(execution, unknown, name)), 409, "already_decided")
    assert EmailDecision.objects.count() == 1


def test_staff_send_it_again_with_a_new_message_id(
    client_for: Callable[[str], APIClient],
    execution: WorkflowExecution,
    unknown,
    mailoutbox: list[Any],
) -> None:
    response = client_for("staff").post(decide(execution, unknown, "resend"))
    assert response.status_code == 200, response.content
    body = response.json()
    new_id = resend_message_id(execution.pk, 1, unknown.target_id, 1)
    assert body["decision"]["new_message_id"] == new_id
    assert body["action_log"]["status"] == "success"
    assert body["action_log"]["result_data"]["resent_of"] == body["decision"]["message_id"]
    [sent] = mailoutbox
    assert sent.to == ["kari@example.com"]
    assert sent.extra_headers["Message-ID"] == new_id
    assert sent.extra_headers["References"] == body["decision"]["message_id"]


def test_a_fresh_unknown_email_is_not_decided_yet(
    client_for: Callable[[str], APIClient], execution: WorkflowExecution, unknown
) -> None:
    WorkflowActionLog.objects.filter(pk=unknown.pk).update(updated_at=timezone.now())
    response = client_for("staff").post(decide(execution, unknown, "resend"))
    assert_error(response, 409, "not_settled")


@pytest.mark.parametrize("role", ["viewer", "business", "developer"])
@pytest.mark.parametrize("name", ["mark-delivered", "resend"])
def test_only_staff_decide(
    client_for: Callable[[str], APIClient], execution: WorkflowExecution, unknown, role, name
) -> None:
    assert_error(client_for(role).post(decide(execution, unknown, name)), 403, "permission_denied")
    assert_error(APIClient().post(decide(execution, unknown, name)), 401, "not_authenticated")
    unknown.refresh_from_db()
    assert unknown.status == "unknown"


def test_a_row_that_is_no_customer_email_or_of_another_execution_is_not_found(
    client_for: Callable[[str], APIClient], execution: WorkflowExecution, unknown
) -> None:
    staff = client_for("staff")
    step_marker = WorkflowActionLog.objects.create(
        execution=execution,
        step_order=1,
        action_type="step",
        target_type="execution",
        target_id=execution.pk,
        status="unknown",
    )
    assert_error(staff.post(decide(execution, step_marker, "resend")), 404, "not_found")
    other, _ = execution_create(workflow=execution.workflow, trigger="manual")
    assert_error(staff.post(decide(other, unknown, "resend")), 404, "not_found")
    assert not EmailDecision.objects.exists()
