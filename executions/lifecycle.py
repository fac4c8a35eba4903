"""Pause, resume, cancel, retry and test runs: the services that steer an execution.

Each takes the execution's row lock, so it is serialised with the engine and the email batches
(which check the status under the same lock before every customer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from automation.registry import step_type_keys
from core.errors import DomainError
from core.reasons import Reason, no_error
from customers.models import Customer
from executions import queueing
from executions.engine import run_execution, transition
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.services import execution_create

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status


class ExecutionStateError(DomainError):
    """The execution is not in a state that allows this action."""

    status_code = 409

    def __init__(self, message: str, *, code: str = "invalid_state") -> None:
        super().__init__([{"path": "", "code": code, "message": message}])
        self.args = (message,)
        self.code = code

    def __str__(self) -> str:
        return str(self.args[0])


def _locked(execution: WorkflowExecution | int) -> WorkflowExecution:
    pk = execution if isinstance(execution, int) else execution.pk
    return WorkflowExecution.objects.select_for_update().get(pk=pk)


@transaction.atomic
def execution_pause(*, execution: WorkflowExecution | int, by=None) -> WorkflowExecution:
    execution = _locked(execution)
    if execution.status not in (Status.QUEUED, Status.RUNNING, Status.WAITING):
        raise ExecutionStateError(
            _("Only a queued, running or waiting execution can be paused (it is %(status)s).")
            % {"status": execution.get_status_display()}
        )
    execution.context["paused_from"] = execution.status
    transition(
        execution,
        Status.PAUSED,
        reason=Reason("execution.paused"),
        actor=by,
        context=execution.context,
    )
    return execution


@transaction.atomic
def execution_resume(*, execution: WorkflowExecution | int, by=None) -> WorkflowExecution:
    """Continue where it stopped; whoever was already emailed is not emailed again."""
    execution = _locked(execution)
    if execution.status != Status.PAUSED:
        raise ExecutionStateError(_("Only a paused execution can be resumed."))
    paused_from = execution.context.pop("paused_from", Status.QUEUED)
    if (
        paused_from == Status.WAITING
        and execution.resume_at
        and execution.resume_at > (timezone.now())
    ):
        transition(
            execution,
            Status.WAITING,
            reason=Reason("execution.resumed"),
            actor=by,
            context=execution.context,
        )
        return execution
    transition(
        execution,
        Status.QUEUED,
        reason=Reason("execution.resumed"),
        actor=by,
        resume_at=None,
        context=execution.context,
    )
    queueing.enqueue_run(execution.pk)
    return execution


@transaction.atomic
def execution_cancel(*, execution: WorkflowExecution | int, by=None) -> WorkflowExecution:
    execution = _locked(execution)
    if execution.is_finished:
        raise ExecutionStateError(_("The execution has already finished."))
    execution.action_logs.filter(status=LogStatus.PENDING).update(
        status=LogStatus.SKIPPED, **Reason("action.cancelled").error_fields()
    )
    transition(
        execution,
        Status.CANCELLED,
        reason=Reason("execution.cancelled"),
        actor=by,
        completed_at=timezone.now(),
        resume_at=None,
    )
    return execution


@transaction.atomic
def execution_retry(*, execution: WorkflowExecution | int, by=None) -> WorkflowExecution:
    """Resume a failed execution at the failed step, only for the customers not yet reached.

    Failed actions go back to `pending`; `unknown` ones (a crash hid whether the email left)
    stay as they are, so nobody is emailed twice.
    """
    execution = _locked(execution)
    if execution.status != Status.FAILED:
        raise ExecutionStateError(_("Only a failed execution can be retried."))
    step_order = execution.current_step
    execution.action_logs.filter(step_order=step_order, status=LogStatus.FAILED).update(
        status=LogStatus.PENDING, attempts=0, **no_error()
    )
    execution.context.setdefault("attempts", {}).pop(str(step_order), None)
    execution.context["awaiting_step"] = None
    transition(
        execution,
        Status.QUEUED,
        reason=Reason("execution.retried"),
        actor=by,
        **no_error(),
        completed_at=None,
        alerted_at=None,
        context=execution.context,
    )
    queueing.enqueue_run(execution.pk)
    return execution


def dead_letter_list():
    """Failed executions that still need someone: newest first, with their failed actions."""
    return (
        WorkflowExecution.objects.filter(status=Status.FAILED, is_test=False)
        .select_related("workflow")
        .order_by("-updated_at")
    )


@dataclass
class StepPreview:
    step_order: int
    name: str
    step_type: str
    status: str
    recipients: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    other: list[dict[str, Any]] = field(default_factory=list)


def execution_test_report(execution: WorkflowExecution) -> list[StepPreview]:
    """Per step: who would get which email (subject and body), who is skipped and why."""

    emailing_types = step_type_keys(lambda cls: cls.emails_customers)
    logs = list(execution.action_logs.order_by("step_order", "pk"))
    names = Customer.objects.in_bulk(
        {log.target_id for log in logs if log.target_type == "customer" and log.target_id}
    )
    report = []
    for step in sorted(
        execution.definition_snapshot.get("steps", []), key=lambda s: s["step_order"]
    ):
        preview = StepPreview(
            step_order=step["step_order"],
            name=step.get("name") or step["step_type"],
            step_type=step["step_type"],
            status="done",
        )
        for log in (log for log in logs if log.step_order == step["step_order"]):
            customer = names.get(log.target_id) if log.target_type == "customer" else None
            entry = {
                "customer_id": log.target_id,
                "customer": customer.name if customer else None,
                **log.result_data,
                # Why it was skipped, for the reader of this report (in the active language).
                "reason_label": log.reason_label,
            }
            if log.status == LogStatus.SKIPPED:
                if log.target_type == "execution":
                    preview.status = "skipped"
                preview.skipped.append(entry)
            elif log.action_type in emailing_types:
                preview.recipients.append(entry)
            else:
                preview.other.append({"action": log.action_type, **entry})
        report.append(preview)
    return report


def execution_test_run(*, workflow, by=None) -> WorkflowExecution:
    """Run the workflow now with waits skipped and nothing delivered or committed outside."""

    execution, _created = execution_create(
        workflow=workflow, trigger=WorkflowExecution.Trigger.TEST, triggered_by=by, is_test=True
    )
    run_execution(execution.pk)
    execution.refresh_from_db()
    return execution
