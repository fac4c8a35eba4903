"""Reads of executions and their action logs, scoped to the workflows the user may see."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet

from automation.selectors import workflow_list
from executions.models import WorkflowActionLog, WorkflowExecution

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser | None

LogStatus = WorkflowActionLog.Status


def execution_list(
    *,
    user: User = None,
    workflow_id: int | None = None,
    status: str | None = None,
    created_after: datetime | None = None,
    created_before: datetime | None = None,
    is_test: bool | None = None,
) -> QuerySet[WorkflowExecution]:
    """Executions of workflows the user may see, newest first, with their workflow."""
    qs = WorkflowExecution.objects.select_related("workflow").filter(
        workflow__in=workflow_list(user=user).values("pk")
    )
    if workflow_id is not None:
        qs = qs.filter(workflow_id=workflow_id)
    if status is not None:
        qs = qs.filter(status=status)
    if created_after is not None:
        qs = qs.filter(created_at__gte=created_after)
    if created_before is not None:
        qs = qs.filter(created_at__lt=created_before)
    if is_test is not None:
        qs = qs.filter(is_test=is_test)
    return qs.order_by("-created_at", "-pk")


def execution_get(*, pk: int, user: User = None) -> WorkflowExecution:
    """One execution the user may see; ``WorkflowExecution.DoesNotExist`` otherwise."""
    return execution_list(user=user).get(pk=pk)


def action_log_list(
    *,
    execution: WorkflowExecution,
    status: str | None = None,
    step_order: int | None = None,
) -> QuerySet[WorkflowActionLog]:
    qs = execution.action_logs.all()
    if status is not None:
        qs = qs.filter(status=status)
    if step_order is not None:
        qs = qs.filter(step_order=step_order)
    return qs.order_by("step_order", "pk")


def execution_progress(execution: WorkflowExecution) -> dict[str, int]:
    """Per-customer action counts of one execution, in one aggregate query.

    Only actions on customers count: step-level rows (target ``execution``) are markers, not
    work items. ``total`` includes ``pending`` actions (claimed, not yet done).
    """
    counts: dict[str, Any] = WorkflowActionLog.objects.filter(
        execution=execution, target_type=WorkflowActionLog.TargetType.CUSTOMER
    ).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=LogStatus.SUCCESS)),
        failed=Count("pk", filter=Q(status=LogStatus.FAILED)),
        skipped=Count("pk", filter=Q(status=LogStatus.SKIPPED)),
        unknown=Count("pk", filter=Q(status=LogStatus.UNKNOWN)),
    )
    return {key: int(value or 0) for key, value in counts.items()}
