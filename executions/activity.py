"""A customer's history: everything the workflows did for one customer, newest first.

Read from the action logs: one row per customer per step, so the only way in is the partial
index ``action_log_customer_cover_idx`` (target_id, -performed_at, -id) on rows whose target is
a customer, which carries execution, status and action type: every filter narrows that range,
and the count of a page's rows reads that index alone. Nothing reads the table by anything
else.

Test runs are left out: they send nothing and create nothing, and a customer's history is
what actually happened to them. The customer's page and ``GET /customers/{id}/activity`` read
this module (the customers app may not import executions: the page loads it as a fragment).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from automation.registry import step_type_keys
from automation.selectors import visible_workflows_q
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.selectors import step_type_label

if TYPE_CHECKING:
    from executions.selectors import User

KIND_EMAIL = "email"
KIND_ORDER = "order"
KIND_OTHER = "other"
KIND_CHOICES = [
    (KIND_EMAIL, _("Emails")),
    (KIND_ORDER, _("Orders created")),
    (KIND_OTHER, _("Other actions")),
]


def _email_actions() -> list[str]:
    return sorted(step_type_keys(lambda cls: cls.emails_customers))


def _order_actions() -> list[str]:
    return sorted(step_type_keys(lambda cls: cls.creates_orders))


def kind_of(action_type: str) -> str:
    if action_type in _email_actions():
        return KIND_EMAIL
    if action_type in _order_actions():
        return KIND_ORDER
    return KIND_OTHER


#: The columns the page and the API show (``only``): an execution's context and definition
#: snapshot can be large, and neither is shown.
SHOWN_FIELDS = (
    "id",
    "execution_id",
    "step_order",
    "action_type",
    "target_type",
    "target_id",
    "status",
    "result_data",
    "error_message",
    "error_code",
    "error_params",
    "performed_at",
    "updated_at",
    "execution__workflow_id",
    "execution__workflow__name",
)


def _executions(**filters: Any) -> QuerySet[WorkflowExecution]:
    return WorkflowExecution.objects.filter(**filters).values("pk")


def customer_activity_list(
    *,
    customer_id: int,
    user: User = None,
    kind: str | None = None,
    workflow_id: int | None = None,
    status: str | None = None,
    performed_after: dt.datetime | None = None,
    performed_before: dt.datetime | None = None,
) -> QuerySet[WorkflowActionLog]:
    """The action logs on one customer in real runs of workflows the user may see, newest
    first, each with its execution and workflow (the columns shown only).

    Every condition is on the log table itself (executions by subquery, not by a join), so
    that counting the rows for the page numbers reads ``action_log_customer_cover_idx``
    alone: test runs from ``execution_test_idx``, the rest from the index's own columns."""
    qs = WorkflowActionLog.objects.filter(
        target_type=WorkflowActionLog.TargetType.CUSTOMER, target_id=customer_id
    ).exclude(execution_id__in=_executions(is_test=True))
    visible = visible_workflows_q(user, prefix="workflow__")
    if visible:
        qs = qs.filter(execution_id__in=WorkflowExecution.objects.filter(visible).values("pk"))
    if kind == KIND_EMAIL:
        qs = qs.filter(action_type__in=_email_actions())
    elif kind == KIND_ORDER:
        qs = qs.filter(action_type__in=_order_actions())
    elif kind == KIND_OTHER:
        qs = qs.exclude(Q(action_type__in=_email_actions()) | Q(action_type__in=_order_actions()))
    if workflow_id is not None:
        qs = qs.filter(execution_id__in=_executions(workflow_id=workflow_id))
    if status is not None:
        qs = qs.filter(status=status)
    if performed_after is not None:
        qs = qs.filter(performed_at__gte=performed_after)
    if performed_before is not None:
        qs = qs.filter(performed_at__lt=performed_before)
    return (
        qs.select_related("execution__workflow")
        .only(*SHOWN_FIELDS)
        .order_by("-performed_at", "-pk")
    )


@dataclass(frozen=True)
class ActivityItem:
    """One thing done for a customer, as the page and the API show it."""

    log: WorkflowActionLog
    kind: str
    action_label: Any
    template: str
    subject: str
    message_id: str
    email: str
    order_id: int | None
    reason_label: str
    error_label: str

    @property
    def execution(self) -> Any:
        return self.log.execution

    @property
    def workflow(self) -> Any:
        return self.log.execution.workflow


def activity_item(log: WorkflowActionLog) -> ActivityItem:
    result = log.result_data if isinstance(log.result_data, dict) else {}
    order_id = result.get("order_id")
    return ActivityItem(
        log=log,
        kind=kind_of(log.action_type),
        action_label=step_type_label(log.action_type),
        template=str(result.get("template") or ""),
        subject=str(result.get("subject") or ""),
        message_id=str(result.get("message_id") or ""),
        email=str(result.get("email") or ""),
        order_id=order_id if isinstance(order_id, int) else None,
        reason_label=log.reason_label,
        error_label=log.error_label,
    )
