"""Event-based workflows start once per (workflow, event), however often the event arrives."""

from __future__ import annotations

import pytest

from customers.services import customer_create, order_create
from executions.events import start_event_workflows
from executions.models import WorkflowExecution
from tests.automation.factories import WorkflowDefinitionFactory, WorkflowStepFactory

pytestmark = pytest.mark.django_db


def order_event(order_id: int = 7, customer_id: int = 3) -> dict[str, object]:
    return {
        "order_id": order_id,
        "customer_id": customer_id,
        "event_id": f"order.created:{order_id}",
    }


def test_event_starts_each_listening_workflow_once(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    listening = WorkflowDefinitionFactory(event_based=True)
    WorkflowStepFactory(workflow=listening, step_order=1)
    WorkflowDefinitionFactory(event_based=True, event={"type": "customer.created"})
    WorkflowDefinitionFactory(event_based=True, paused=True)
    WorkflowDefinitionFactory()  # scheduled

    with django_capture_on_commit_callbacks(execute=True):
        executions = start_event_workflows("order.created", order_event())

    assert [e.workflow for e in executions] == [listening]
    execution = executions[0]
    assert execution.trigger == WorkflowExecution.Trigger.EVENT
    assert execution.context == {"event": order_event()}
    assert execution.idempotency_key == f"event:{listening.pk}:order.created:7"
    assert execution.definition_snapshot["steps"][0]["step_order"] == 1
    assert enqueued == [execution.pk]


def test_event_delivered_twice_starts_one_execution(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    WorkflowDefinitionFactory(event_based=True)

    with django_capture_on_commit_callbacks(execute=True):
        first = start_event_workflows("order.created", order_event())
        second = start_event_workflows("order.created", order_event())

    assert [e.pk for e in first] == [e.pk for e in second]
    assert WorkflowExecution.objects.count() == 1
    assert len(enqueued) == 1


def test_different_events_start_separate_executions(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    WorkflowDefinitionFactory(event_based=True)

    with django_capture_on_commit_callbacks(execute=True):
        start_event_workflows("order.created", order_event(order_id=1))
        start_event_workflows("order.created", order_event(order_id=2))

    assert WorkflowExecution.objects.count() == 2
    assert len(enqueued) == 2


def test_named_webhook_workflow_answers_only_its_name(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    named = WorkflowDefinitionFactory(event_based=True, event={"type": "webhook", "name": "crm"})
    any_webhook = WorkflowDefinitionFactory(event_based=True, event={"type": "webhook"})

    with django_capture_on_commit_callbacks(execute=True):
        crm = start_event_workflows("webhook", {"name": "crm", "event_id": "webhook:a"})
        other = start_event_workflows("webhook", {"name": "erp", "event_id": "webhook:b"})

    assert {e.workflow for e in crm} == {named, any_webhook}
    assert [e.workflow for e in other] == [any_webhook]


def test_event_without_an_id_is_rejected() -> None:
    with pytest.raises(ValueError, match="event_id"):
        start_event_workflows("order.created", {"order_id": 1})


def test_creating_an_order_starts_order_workflows(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = WorkflowDefinitionFactory(event_based=True)

    with django_capture_on_commit_callbacks(execute=True):
        customer = customer_create(name="Kari Nordmann", email="kari@example.com")
        order = order_create(customer=customer, lines=[], source="api")

    execution = WorkflowExecution.objects.get(workflow=workflow)
    assert execution.context["event"] == {
        "order_id": order.pk,
        "customer_id": customer.pk,
        "event_id": f"order.created:{order.pk}",
    }
    assert enqueued == [execution.pk]


def test_creating_a_customer_starts_customer_workflows(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = WorkflowDefinitionFactory(event_based=True, event={"type": "customer.created"})

    with django_capture_on_commit_callbacks(execute=True):
        customer = customer_create(name="Ola Nordmann", email="ola@example.com")

    execution = WorkflowExecution.objects.get(workflow=workflow)
    assert execution.context["event"]["event_id"] == f"customer.created:{customer.pk}"
    assert enqueued == [execution.pk]
