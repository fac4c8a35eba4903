"""Celery tasks: thin wrappers that pass ids to plain-Python services.

Every message may arrive twice (late acknowledgement, redelivery), so each task's work is
idempotent: the engine claims an execution before running it, the dispatcher claims schedules
under row locks and a unique key, and fanned-out step work (email batches) claims each
customer in the action log. Each is enqueued through ``executions.queueing``.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from executions import alerts, dispatch, engine
from executions.errors import RetryLater


@shared_task(bind=True, acks_late=True, max_retries=None)
def run_execution_task(self, execution_id: int) -> None:
    try:
        engine.run_execution(execution_id)
    except RetryLater as retry:
        # The engine counts attempts per step itself (max_retries of the step).
        raise self.retry(countdown=retry.countdown) from retry


# Step work reports through the action log: its task result (always None) is not stored, nor
# its STARTED state (task_track_started), two result-backend writes per batch; errors still are.
@shared_task(
    bind=True,
    acks_late=True,
    max_retries=None,
    ignore_result=True,
    store_errors_even_if_ignored=True,
)
def step_work_task(
    self, execution_id: int, step_order: int, step_type: str, part: list[int] | None = None
) -> None:
    try:
        engine.run_step_work(execution_id, step_order, step_type, part)
    except RetryLater as retry:
        raise self.retry(countdown=retry.countdown) from retry


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=60)
def alert_failed_execution_task(self, execution_id: int) -> bool:
    try:
        return alerts.alert_failed_execution(execution_id)
    except Exception as exc:  # the mail server may be down: the claim was released, try again
        raise self.retry(exc=exc) from exc


@shared_task(acks_late=True, ignore_result=True)
def dispatch_due_task() -> dict[str, Any]:
    return dispatch.dispatch_due().as_dict()
