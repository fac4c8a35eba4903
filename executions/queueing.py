"""The one seam between the engine and Celery.

The engine is plain Python; whenever it needs work to happen in another process it calls these
functions, which enqueue the matching task after the current transaction commits (a task must
never see data that might still roll back). Tasks are found by name in Celery's registry, so
this module (and the engine that calls it) never imports the task wrappers in
``executions.tasks``, which import the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from celery import current_app
from django.db import transaction

RUN_TASK = "executions.tasks.run_execution_task"
STEP_WORK_TASK = "executions.tasks.step_work_task"
ALERT_TASK = "executions.tasks.alert_failed_execution_task"


def _task(name: str) -> Any:
    return current_app.tasks[name]


def enqueue_run(execution_id: int) -> None:
    transaction.on_commit(lambda: _task(RUN_TASK).delay(execution_id))


def enqueue_runs(execution_ids: list[int], *, eta: datetime | None = None) -> None:
    """Many at once (the dispatcher): one commit hook for the whole batch.

    With ``eta`` the runs are delivered at that moment (the dispatcher's look-ahead: runs due
    within seconds are queued before their due time). Only short ETAs belong here: a long
    wait is a durable ``waiting`` execution, never a message held by the broker.
    """
    if not execution_ids:
        return

    def send() -> None:
        task = _task(RUN_TASK)
        if eta is None:
            for execution_id in execution_ids:
                task.delay(execution_id)
            return
        # One producer (one pooled broker connection) for the whole batch: a look-ahead tick
        # sends thousands of these.
        with task.app.producer_or_acquire() as producer:
            for execution_id in execution_ids:
                task.apply_async(args=(execution_id,), eta=eta, producer=producer)

    transaction.on_commit(send)


def enqueue_step_work(
    execution_id: int,
    step_order: int,
    step_type: str,
    part: Sequence[int] | None,
    *,
    queue: str,
    countdown: float | None = None,
    task_id: str | None = None,
) -> None:
    """Fanned-out work of a step (an email batch, a report) on ``queue``: the step type's
    ``work`` runs in a worker, then the engine sees whether the step is done."""
    args = (execution_id, step_order, step_type, None if part is None else list(part))
    # The message's own description of its arguments (shown by monitoring tools and stored
    # with a failed task's result) names the customers by count and range: Celery would
    # otherwise write out the list, cut at 1,024 characters, for every batch (half the time
    # it took to enqueue a step's batches).
    described = "" if part is None else f", {batch_description(part)}"
    argsrepr = f"({execution_id}, {step_order}, {step_type!r}{described})"
    options: dict[str, Any] = {"queue": queue, "argsrepr": argsrepr}
    if countdown is not None:
        options["countdown"] = countdown
    if task_id is not None:
        options["task_id"] = task_id
    transaction.on_commit(lambda: _task(STEP_WORK_TASK).apply_async(args=args, **options))


def batch_description(customer_ids: Sequence[int]) -> str:
    if not customer_ids:
        return "[no customers]"
    count = len(customer_ids)
    noun = "customer" if count == 1 else "customers"
    return f"[{count} {noun}: {min(customer_ids)}..{max(customer_ids)}]"


def enqueue_alert(execution_id: int) -> None:
    transaction.on_commit(lambda: _task(ALERT_TASK).delay(execution_id))
