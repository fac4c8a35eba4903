"""Writes on executions: creating them exactly once, starting them, enqueuing them.

Every execution is created through ``execution_create`` so that each has a snapshot of its
workflow (an execution never sees later edits), an initial transition, and, when the caller
has one, an idempotency key that makes a repeated request return the first execution.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.scheduling import next_run_after
from core.reasons import Reason
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


def workflow_snapshots(workflows: list[WorkflowDefinition]) -> dict[int, dict[str, Any]]:
    """``workflow_snapshot`` of many workflows at once, by workflow id (one query for steps)."""
    from automation.services import workflow_serialize_many

    return workflow_serialize_many(workflows)


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
    reason: Reason | None = None,
    snapshot: dict[str, Any] | None = None,
) -> tuple[WorkflowExecution, bool]:
    """Get or create the execution for ``idempotency_key``; ``(execution, created)``.

    Race-safe: two callers with the same key both get the one row. Does not enqueue: the
    caller decides (a missed run is recorded but never run); see ``execution_enqueue``.
    """
    from executions.store import store

    if snapshot is None:
        snapshot = workflow_snapshot(workflow)
    execution = WorkflowExecution(
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
    first = ExecutionTransition(
        execution=execution,
        from_status="",
        to_status=status,
        **(reason or Reason("execution.created", trigger=trigger)).reason_fields(),
        actor=triggered_by,
    )
    if store().create_execution(execution, first):
        return execution, True
    # The key's execution exists (made by an earlier request, or by another process between
    # a check and an insert: under READ COMMITTED the insert waited for it to commit).
    return WorkflowExecution.objects.get(idempotency_key=idempotency_key), False


def execution_enqueue(*, execution_ids: Iterable[int], eta: datetime | None = None) -> None:
    """Send ``run_execution_task`` for each execution once the current transaction commits
    (through ``executions.queueing``, the one seam to Celery), at ``eta`` if given.

    Never before the commit: a worker must find the row, and a rolled-back execution must not
    run. Outside a transaction the callback runs at once.
    """
    from executions import queueing

    queueing.enqueue_runs(list(execution_ids), eta=eta)


@dataclass
class ScheduledStart:
    """What may happen to a scheduled execution that a worker is about to start."""

    # Not yet: its due time is this many seconds away (a message delivered early).
    wait_s: float | None = None
    # It must not run; why (the workflow was paused or archived since it was dispatched).
    cancel_reason: Reason | None = None
    # Fields to write with the start: a fresh snapshot when the workflow was edited since.
    fields: dict[str, Any] = field(default_factory=dict)


def scheduled_execution_check(*, execution: WorkflowExecution, now: datetime) -> ScheduledStart:
    """Whether a schedule-triggered execution may start now, and from which snapshot.

    The dispatcher creates runs up to ``WORKFLOW_DISPATCH_LOOKAHEAD_S`` ahead of their due
    time (``context["dispatched_ahead"]``), so the world may change between its snapshot
    and its due time. Such a run does not start before its due time; at its start it is
    cancelled if its workflow is no longer active, and runs the workflow's current version
    if it was edited meanwhile (as if it had been dispatched at its due time), unless the
    edit moved the schedule away from this due time. A run dispatched at or after its due
    time starts as it always did. The engine calls this under the execution's row lock,
    before the first step.
    """
    due = execution.scheduled_for
    if due is None or not (execution.context or {}).get("dispatched_ahead"):
        return ScheduledStart()  # dispatched at its due time: its snapshot is of that time
    if due > now:
        # At most the look-ahead: delivered early (clocks apart, a message sent again).
        return ScheduledStart(wait_s=(due - now).total_seconds())
    workflow = WorkflowDefinition.objects.select_related("schedule").get(pk=execution.workflow_id)
    if workflow.status != WorkflowDefinition.Status.ACTIVE or not workflow.is_active:
        return ScheduledStart(cancel_reason=Reason("execution.workflow_inactive"))
    if workflow.version == execution.workflow_version:
        return ScheduledStart()
    schedule = getattr(workflow, "schedule", None)
    if not _still_due(schedule, due):
        return ScheduledStart(cancel_reason=Reason("execution.schedule_changed"))
    return ScheduledStart(
        fields={
            "definition_snapshot": workflow_snapshot(workflow),
            "workflow_version": workflow.version,
        }
    )


def _still_due(schedule: WorkflowSchedule | None, due: datetime) -> bool:
    """Whether ``due`` is a due time of the schedule as it is now (after its holiday policy:
    a moved run is due at its new time)."""
    if schedule is None:
        return False
    try:
        return (
            next_run_after(
                schedule_type=schedule.schedule_type,
                schedule_config=schedule.schedule_config,
                timezone=schedule.timezone,
                after=due - timedelta(seconds=1),
                holiday_policy=schedule.holiday_policy,
            )
            == due
        )
    except ValueError:
        return False


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
            reason=Reason("execution.started_by_hand"),
        )
        if created:
            execution_enqueue(execution_ids=[execution.pk])
    return execution
