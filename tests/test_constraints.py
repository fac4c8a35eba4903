"""Integrity lives in the database: duplicates are refused even when code forgets to check."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from automation.models import WorkflowDefinition, WorkflowStep, WorkflowVersion
from executions.models import WorkflowActionLog, WorkflowExecution

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow() -> WorkflowDefinition:
    return WorkflowDefinition.objects.create(name="Ukentlig", workflow_type="scheduled")


def _refused(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_two_steps_with_the_same_order_in_one_workflow_are_refused(workflow):
    WorkflowStep.objects.create(workflow=workflow, step_order=1, step_type="send_email")
    _refused(
        lambda: WorkflowStep.objects.create(workflow=workflow, step_order=1, step_type="wait_until")
    )


def test_two_versions_with_the_same_number_are_refused(workflow):
    WorkflowVersion.objects.create(workflow=workflow, version=1, definition={})
    _refused(lambda: WorkflowVersion.objects.create(workflow=workflow, version=1, definition={}))


def test_an_active_status_without_is_active_is_refused(workflow):
    _refused(
        lambda: WorkflowDefinition.objects.filter(pk=workflow.pk).update(
            status="active", is_active=False
        )
    )


def test_two_executions_with_the_same_idempotency_key_are_refused(workflow):
    key = "schedule:1:2026-11-30T08:00:00+00:00"
    WorkflowExecution.objects.create(workflow=workflow, trigger="schedule", idempotency_key=key)
    _refused(
        lambda: WorkflowExecution.objects.create(
            workflow=workflow, trigger="schedule", idempotency_key=key
        )
    )
    # Executions without a key (e.g. test runs) are many.
    WorkflowExecution.objects.create(workflow=workflow, trigger="test")
    WorkflowExecution.objects.create(workflow=workflow, trigger="test")


def test_the_same_action_on_the_same_customer_in_one_step_is_refused(workflow):
    execution = WorkflowExecution.objects.create(workflow=workflow, trigger="manual")
    fields = {
        "execution": execution,
        "step_order": 1,
        "action_type": "send_email",
        "target_type": "customer",
        "target_id": 7,
    }
    WorkflowActionLog.objects.create(status="pending", **fields)
    _refused(lambda: WorkflowActionLog.objects.create(status="success", **fields))
    # Another step, or another action on the same customer, is a different row.
    WorkflowActionLog.objects.create(status="pending", **{**fields, "step_order": 2})
    WorkflowActionLog.objects.create(status="pending", **{**fields, "action_type": "create_order"})
