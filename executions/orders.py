"""create_order: draft orders for customers, e.g. the standing order of whoever has not ordered."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from customers.models import Order
from customers.selection import COUNTED_ORDER_STATUSES
from executions.models import WorkflowActionLog

ACTION = "create_order"
LogStatus = WorkflowActionLog.Status


def _last_lines(customer_id: int) -> list[dict[str, Any]] | None:
    order = (
        Order.objects.filter(customer_id=customer_id, status__in=COUNTED_ORDER_STATUSES)
        .order_by("-created_at")
        .only("lines")
        .first()
    )
    return [dict(line) for line in order.lines] if order and order.lines else None


def create_orders(ctx: Any, action_config: dict[str, Any]) -> list[int]:
    """One order per recipient; idempotent per (execution, step, customer) through the order's
    external id and the action log's unique row. Test runs only log what would be created."""
    from customers.services import order_create

    mode = action_config.get("mode", "repeat_last")
    status = action_config.get("status", Order.Status.DRAFT)
    customers = list(ctx.customers(action_config.get("recipients")))
    for customer in customers:
        lines = _last_lines(customer.pk) if mode == "repeat_last" else action_config["lines"]
        common = {
            "action_type": ACTION,
            "target_type": WorkflowActionLog.TargetType.CUSTOMER,
            "target_id": customer.pk,
        }
        if not lines:
            ctx.log(
                **common,
                status=LogStatus.SKIPPED,
                result_data={"reason": gettext_noop("no previous order to repeat")},
            )
            continue
        external_id = f"wf-{ctx.execution.pk}-{ctx.step_order}-{customer.pk}"
        if ctx.is_test:
            ctx.log(
                **common,
                status=LogStatus.SUCCESS,
                result_data={"test": True, "would_create": {"lines": lines, "status": status}},
            )
            continue
        order = Order.objects.filter(external_id=external_id).first() or order_create(
            customer=customer,
            lines=lines,
            source=Order.Source.WORKFLOW,
            status=status,
            external_id=external_id,
            note=f"Created by workflow execution #{ctx.execution.pk}",
        )
        ctx.log(
            **common,
            status=LogStatus.SUCCESS,
            result_data={"order_id": order.pk, "lines": lines, "status": order.status},
        )
    return [c.pk for c in customers]
