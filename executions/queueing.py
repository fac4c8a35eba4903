"""The one seam between the engine and Celery.

The engine is plain Python; whenever it needs work to happen in another process it calls these
functions, which enqueue the matching task after the current transaction commits (a task must
never see data that might still roll back).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction


def enqueue_run(execution_id: int) -> None:
    from executions.tasks import run_execution_task

    transaction.on_commit(lambda: run_execution_task.delay(execution_id))


def enqueue_runs(execution_ids: list[int], *, eta: datetime | None = None) -> None:
    """Many at once (the dispatcher): one commit hook for the whole batch.

    With ``eta`` the runs are delivered at that moment (the dispatcher's look-ahead: runs due
    within seconds are queued before their due time). Only short ETAs belong here: a long
    wait is a durable ``waiting`` execution, never a message held by the broker.
    """
    if not execution_ids:
        return
    from executions.tasks import run_execution_task

    def send() -> None:
        if eta is None:
            for execution_id in execution_ids:
                run_execution_task.delay(execution_id)
            return
        # One producer (one pooled broker connection) for the whole batch: a look-ahead tick
        # sends thousands of these.
        with run_execution_task.app.producer_or_acquire() as producer:
            for execution_id in execution_ids:
                run_execution_task.apply_async(args=(execution_id,), eta=eta, producer=producer)

    transaction.on_commit(send)


def enqueue_email_batch(execution_id: int, step_order: int, customer_ids: list[int]) -> None:
    from executions.tasks import send_email_batch_task

    # The message's own description of its arguments (shown by monitoring tools and stored
    # with a failed task's result) names the customers by count and range: Celery would
    # otherwise write out the list, cut at 1,024 characters, for every batch (half the time
    # it took to enqueue a step's batches).
    argsrepr = f"({execution_id}, {step_order}, {batch_description(customer_ids)})"
    transaction.on_commit(
        lambda: send_email_batch_task.apply_async(
            args=(execution_id, step_order, customer_ids), queue="email", argsrepr=argsrepr
        )
    )


def batch_description(customer_ids: list[int]) -> str:
    if not customer_ids:
        return "[no customers]"
    count = len(customer_ids)
    noun = "customer" if count == 1 else "customers"
    return f"[{count} {noun}: {min(customer_ids)}..{max(customer_ids)}]"


def enqueue_report(execution_id: int, step_order: int) -> None:
    from executions.tasks import generate_report_task

    transaction.on_commit(
        lambda: generate_report_task.apply_async(args=(execution_id, step_order), queue="report")
    )


def enqueue_alert(execution_id: int) -> None:
    from executions.tasks import alert_failed_execution_task

    transaction.on_commit(lambda: alert_failed_execution_task.delay(execution_id))
