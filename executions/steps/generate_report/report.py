"""A report: an HTML email with a CSV attachment, built on the `report` queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.csv_export import csv_text
from customers.models import Customer, Order
from customers.selection import COUNTED_ORDER_STATUSES, apply_condition
from executions.models import WorkflowActionLog, WorkflowExecution


@dataclass
class Report:
    title: str
    columns: list[str]
    rows: list[list[Any]]

    def csv_bytes(self) -> bytes:
        # Customers' names, products and phone numbers are typed by people: written so that
        # none can run as a spreadsheet formula.
        return csv_text([self.columns, *self.rows]).encode("utf-8")


def build_report(
    kind: str, execution: WorkflowExecution, *, timezone_name: str, own_action: str
) -> Report:
    """The report ``kind`` for ``execution``; ``own_action`` (the report step's own rows) is
    left out of a summary."""
    now = timezone.now()
    if kind == "execution_summary":
        counts = (
            WorkflowActionLog.objects.filter(execution=execution)
            .exclude(action_type=own_action)
            .values("step_order", "action_type", "status")
            .annotate(n=Count("id"))
            .order_by("step_order", "action_type", "status")
        )
        return Report(
            title=_("Summary of %(workflow)s, run #%(id)s")
            % {"workflow": execution.workflow.name, "id": execution.pk},
            columns=[_("Step"), _("Action"), _("Status"), _("Count")],
            rows=[[c["step_order"], c["action_type"], c["status"], c["n"]] for c in counts],
        )
    if kind == "orders_missing":
        start = execution.scheduled_for or execution.started_at or now
        customers = apply_condition(
            Customer.objects.filter(active=True),
            {"check": "orders_missing", "days_back": 7},
            execution_start=start,
            now=now,
            timezone=timezone_name,
        ).order_by("name")
        return Report(
            title=_("Customers without an order in the last 7 days"),
            columns=[_("Customer"), _("Email"), _("Phone")],
            rows=[[c.name, c.email, c.phone] for c in customers],
        )
    if kind == "weekly_orders":
        orders = (
            Order.objects.filter(
                created_at__gte=now - timedelta(days=7), status__in=COUNTED_ORDER_STATUSES
            )
            .select_related("customer")
            .order_by("created_at")
        )
        rows = []
        for order in orders:
            local = timezone.localtime(order.created_at)
            for line in order.lines or [{}]:
                rows.append(
                    [
                        order.pk,
                        local.strftime("%d.%m.%Y %H:%M"),
                        order.customer.name,
                        line.get("sku", ""),
                        line.get("name", ""),
                        line.get("quantity", ""),
                    ]
                )
        return Report(
            title=_("Orders in the last 7 days"),
            columns=[_("Order"), _("Time"), _("Customer"), _("SKU"), _("Product"), _("Qty")],
            rows=rows,
        )
    raise ValueError(f"unknown report: {kind}")


def send_report(report: Report, *, send_to: list[str], kind: str) -> None:
    html = render_to_string("executions/report_email.html", {"report": report})
    text = f"{report.title}\n\n" + "\n".join(
        "; ".join(str(v) for v in row) for row in [report.columns, *report.rows]
    )
    message = EmailMultiAlternatives(
        subject=report.title,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=send_to,
    )
    message.attach_alternative(html, "text/html")
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    # Plain "text/csv": Django adds the charset itself (a second one would be a duplicate).
    message.attach(f"{kind}-{stamp}.csv", report.csv_bytes(), "text/csv")
    message.send()


def timezone_of(execution: WorkflowExecution) -> str:
    schedule = execution.definition_snapshot.get("schedule") or {}
    return schedule.get("timezone") or settings.TIME_ZONE
