"""A step's one outside action (a report, a notice to staff): claimed once in the action log,
done by a worker on the step type's queue, never twice.

``prepare_one_off`` (in the step's ``run``, under the execution's lock) creates the step's one
``pending`` row and fans the work out; ``perform_one_off`` (the step's ``work``, in a worker)
flips the row to ``unknown`` before the outside action and to ``success`` after, so a crash in
between leaves ``unknown``, never a second send. A transient failure sets it back to
``pending`` and asks to be retried with backoff; a permanent one, or retries spent, fails it.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from typing import Any

from django.db.models import F

from core.reasons import Reason, no_error
from executions import queueing
from executions.engine import StepContext, retry_countdown
from executions.errors import PermanentStepError, RetryLater
from executions.models import WorkflowActionLog, WorkflowExecution

LogStatus = WorkflowActionLog.Status
#: The outside action: (execution, step, what the step kept on its row) -> what it did, for
#: the log; raises on failure.
Action = Callable[[WorkflowExecution, dict[str, Any], dict[str, Any]], dict[str, Any]]


def _is_permanent(exc: Exception) -> bool:
    return isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500


def prepare_one_off(
    ctx: StepContext,
    *,
    target_type: str,
    queue: str,
    failed: str,
    result: dict[str, Any] | None = None,
) -> bool:
    """Claim the step's one action and hand it to ``queue``; True if it was fanned out,
    False when an earlier attempt already did it. ``failed`` is the code of the step's error
    (with the action's error as ``error``) when the action failed for good in an earlier
    round; ``result`` is kept on the claimed row for the worker (what the step found when it
    ran)."""
    row, _created = WorkflowActionLog.objects.get_or_create(
        execution=ctx.execution,
        step_order=ctx.step_order,
        action_type=ctx.step["step_type"],
        target_type=target_type,
        target_id=0,
        defaults={
            "status": LogStatus.PENDING,
            "step_id": ctx.step.get("id"),
            "result_data": result or {},
        },
    )
    if row.status == LogStatus.FAILED:
        # Failed for good in an earlier round (its wrap-up was stopped by a pause): the
        # resumed step must fail too, not pass over it.
        error = Reason.stored(row.error_code, row.error_params, row.error_message)
        raise PermanentStepError(Reason(failed, error=error))
    if row.status != LogStatus.PENDING:
        return False  # done in an earlier attempt
    queueing.enqueue_step_work(
        ctx.execution.pk, ctx.step_order, ctx.step["step_type"], None, queue=queue
    )
    return True


def perform_one_off(execution_id: int, step_order: int, action: Action) -> None:
    """Claim the pending row and do ``action``; see the module docstring. ``action`` gets the
    execution, the step and what ``prepare_one_off`` kept on the row."""
    execution = WorkflowExecution.objects.select_related("workflow").get(pk=execution_id)
    step = next(s for s in execution.definition_snapshot["steps"] if s["step_order"] == step_order)
    rows = WorkflowActionLog.objects.filter(
        execution=execution, step_order=step_order, action_type=step["step_type"]
    )
    claimed = rows.filter(status=LogStatus.PENDING).update(
        status=LogStatus.UNKNOWN, attempts=F("attempts") + 1
    )
    if claimed != 1:
        return  # done, or being done, by someone else
    log = rows.get()
    try:
        result = action(execution, step, dict(log.result_data))
    except (smtplib.SMTPException, OSError) as exc:
        error = Reason.of(exc).error_fields()
        for name, value in error.items():
            setattr(log, name, value)
        if _is_permanent(exc) or log.attempts > int(step.get("max_retries", 3)):
            log.status = LogStatus.FAILED
            log.save(update_fields=["status", *error, "updated_at"])
            return
        log.status = LogStatus.PENDING
        log.save(update_fields=["status", *error, "updated_at"])
        raise RetryLater(retry_countdown(log.attempts)) from exc
    cleared = no_error()
    for name, value in cleared.items():
        setattr(log, name, value)
    log.status = LogStatus.SUCCESS
    log.result_data = result
    log.save(update_fields=["status", *cleared, "result_data", "updated_at"])
