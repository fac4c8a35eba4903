"""Event triggers: an event (order created, customer created, webhook) starts every active
event-based workflow that listens for it, exactly once per (workflow, event)."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from automation.models import WorkflowDefinition
from automation.registry import step_type_keys
from core.reasons import Reason
from executions.models import WorkflowExecution
from executions.services import (
    event_idempotency_key,
    execution_create,
    execution_enqueue,
)

logger = logging.getLogger(__name__)

#: Events that customers' services publish and that start workflows.
SUBSCRIBED_EVENTS: tuple[str, ...] = ("order.created", "customer.created")


def _listens(workflow: WorkflowDefinition, event_type: str, payload: dict[str, Any]) -> bool:
    event = workflow.event if isinstance(workflow.event, dict) else {}
    if event.get("type") != event_type:
        return False
    if event_type == "webhook":
        # A named webhook workflow only answers its own name; an unnamed one answers all.
        wanted = event.get("name")
        if wanted and payload.get("name") != wanted:
            return False
    return True


def _active_listeners(event_type: str, payload: dict[str, Any]) -> list[WorkflowDefinition]:
    # JSON lookups on `event` differ between SQLite and PostgreSQL for nested keys; the set of
    # active event-based workflows is small, so filter the type in Python.
    return [
        workflow
        for workflow in WorkflowDefinition.objects.filter(
            status=WorkflowDefinition.Status.ACTIVE,
            is_active=True,
            workflow_type=WorkflowDefinition.WorkflowType.EVENT_BASED,
        ).prefetch_related("steps")
        if _listens(workflow, event_type, payload)
    ]


def event_emails_customer(event_type: str, payload: dict[str, Any]) -> bool:
    """Whether an active workflow listening for the event emails the event's own customer
    (a step of a type that emails customers, switched on, sent to ``event_customer``)."""
    emailing = step_type_keys(lambda cls: cls.emails_customers)
    for workflow in _active_listeners(event_type, payload):
        for step in workflow.steps.all():
            recipients = (step.action_config or {}).get("recipients")
            if (
                step.is_active
                and step.step_type in emailing
                and isinstance(recipients, dict)
                and recipients.get("event_customer")
            ):
                return True
    return False


def start_event_workflows(event_type: str, payload: dict[str, Any]) -> list[WorkflowExecution]:
    """Create and enqueue one execution per listening workflow; the executions, new or not.

    ``payload["event_id"]`` identifies the event (e.g. ``"order.created:42"``): an event
    delivered twice finds the executions of its first delivery and enqueues nothing.
    """
    event_id = payload.get("event_id")
    if not event_id:
        raise ValueError("event payload needs an 'event_id'")
    workflows = _active_listeners(event_type, payload)
    if not workflows:
        return []
    executions: list[WorkflowExecution] = []
    with transaction.atomic():
        for workflow in workflows:
            execution, created = execution_create(
                workflow=workflow,
                trigger=WorkflowExecution.Trigger.EVENT,
                idempotency_key=event_idempotency_key(workflow_id=workflow.pk, event_id=event_id),
                context={"event": payload},
                reason=Reason("execution.event", event=event_type),
            )
            if created:
                execution_enqueue(execution_ids=[execution.pk])
            executions.append(execution)
    return executions


def subscribe_event_workflows() -> None:
    """Called from ``ExecutionsConfig.ready``; ``subscribe`` ignores a repeated handler."""
    try:
        from customers.events import answer_emails_customer, subscribe
    except ImportError:
        # customers.events is written in parallel; until it exists no event fires.
        logger.warning("customers.events not available; event-based workflows will not start")
        return
    for event_type in SUBSCRIBED_EVENTS:
        # customers.events calls handler(event_type, payload) after commit.
        subscribe(event_type, start_event_workflows)
    answer_emails_customer(event_emails_customer)
