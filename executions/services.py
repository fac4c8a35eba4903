"""Writes on executions: creating them exactly once, starting them, enqueuing them.

Every execution is created through ``execution_create`` so that each has a snapshot of its
workflow (an execution never sees later edits), an initial transition, and, when the caller
has one, an idempotency key that makes a repeated request return the first execution.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from automation.models import WorkflowDefinition, WorkflowSchedule
from executions.models import ExecutionTransition, WorkflowExecution

Status = WorkflowExecution.Status
Trigger = WorkflowExecution.Trigger


class ExecutionNotAllowed(Exception):
    """The workflow may not be run (e.g. it is archived)."""


def schedule_idempotency_key(*, schedule_id: int, scheduled_for: datetime) -> str:
    """The key of the one execution a schedule may have for one due time.

    Always formatted in UTC so the same instant gives the same key whatever zone the
    datetime arrived in.
    """
    return f"schedule:{schedule_id}:{scheduled_for.astimezone(UTC).isoformat()}"


def event_idempotency_key(*, workflow_id: int, event_id: str) -> str:
    return f"event:{workflow_id}:{event_id}"


def manual_idempotency_key(*, workflow_id: int, key: str) -> str:
    # Namespaced so a caller's key can never collide with a schedule's or an event's.
    return f"manual:{workflow_id}:{key}"


def workflow_snapshot(workflow: WorkflowDefinition) -> dict[str, Any]:
    """The canonical JSON an execution runs from."""
    # Imported here: automation.services pulls in the validator, which executions' models and
    # migrations must not depend on at import time.
    from automation.services import workflow_serialize

    return workflow_serialize(workflow)


def execution_create(
    *,
    workflow: WorkflowDefinition,
    trigger: str,
    scheduled_for: datetime | None = None,
    schedule: WorkflowSchedule | None = None,
    idempotency_key: str | None = None,
    triggered_by: Any | None = None,
    context: dict[str, Any] | None = None,
    is_test: bool = False,
    status: str = Status.QUEUED,
    reason: str = "",
    snapshot: dict[str, Any] | None = None,
) -> tuple[WorkflowExecution, bool]:
    """Get or create the execution for ``idempotency_key``; ``(execution, created)``.

    Race-safe: two callers with the same key both get the one row. Does not enqueue: the
    caller decides (a missed run is recorded but never run); see ``execution_enqueue``.
    """
    if idempotency_key is not None:
        existing = WorkflowExecution.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    if snapshot is None:
        snapshot = workflow_snapshot(workflow)
    try:
        # The savepoint keeps the caller's transaction usable after a lost race.
        with transaction.atomic():
            execution = WorkflowExecution.objects.create(
                workflow=workflow,
                schedule=schedule,
                status=status,
                trigger=trigger,
                triggered_by=triggered_by,
                scheduled_for=scheduled_for,
                idempotency_key=idempotency_key,
                context=context or {},
                definition_snapshot=snapshot,
                workflow_version=workflow.version,
                is_test=is_test,
            )
            ExecutionTransition.objects.create(
                execution=execution,
                from_status="",
                to_status=status,
                reason=reason or f"created ({trigger})",
                actor=triggered_by,
            )
    except IntegrityError:
        if idempotency_key is None:
            raise
        # Another process inserted the same key between our check and our insert; under
        # READ COMMITTED the insert waited for it to commit, so the row is visible now.
        return WorkflowExecution.objects.get(idempotency_key=idempotency_key), False
    return execution, True


def execution_enqueue(*, execution_ids: Iterable[int]) -> None:
    """Send ``run_execution_task`` for each execution once the current transaction commits
    (through ``executions.queueing``, the one seam to Celery).

    Never before the commit: a worker must find the row, and a rolled-back execution must not
    run. Outside a transaction the callback runs at once.
    """
    from executions import queueing

    queueing.enqueue_runs(list(execution_ids))


def execution_start(
    *,
    workflow: WorkflowDefinition,
    triggered_by: Any | None,
    idempotency_key: str | None = None,
    context: dict[str, Any] | None = None,
) -> WorkflowExecution:
    """ "Run now": create a manual execution and enqueue it after commit.

    With an ``idempotency_key`` (e.g. from a form or an API header) a repeated request returns
    the execution of the first one instead of starting another.
    """
    if workflow.status == WorkflowDefinition.Status.ARCHIVED:
        raise ExecutionNotAllowed(_("An archived workflow cannot be run."))
    key = (
        manual_idempotency_key(workflow_id=workflow.pk, key=idempotency_key)
        if idempotency_key is not None
        else None
    )
    with transaction.atomic():
        execution, created = execution_create(
            workflow=workflow,
            trigger=Trigger.MANUAL,
            idempotency_key=key,
            triggered_by=triggered_by,
            context=context,
            reason="started by hand",
        )
        if created:
            execution_enqueue(execution_ids=[execution.pk])
    return execution
