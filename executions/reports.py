"""generate_report: an HTML email with a CSV attachment, built on the `report` queue."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Count, F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from config.csv_export import csv_text
from customers.models import Customer, Order
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.recipients import COUNTED_ORDER_STATUSES, apply_condition

ACTION = "generate_report"


@dataclass
class Report:
    title: str
    columns: list[str]
    rows: list[list[Any]]

    def csv_bytes(self) -> bytes:
        # Customers' names, products and phone numbers are typed by people: written so that
        # none can run as a spreadsheet formula.
        return csv_text([self.columns, *self.rows]).encode("utf-8")


def build_report(kind: str, execution: WorkflowExecution, *, timezone_name: str) -> Report:
    now = timezone.now()
    if kind == "execution_summary":
        counts = (
            WorkflowActionLog.objects.filter(execution=execution)
            .exclude(action_type=ACTION)
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


def _timezone_of(execution: WorkflowExecution) -> str:
    schedule = execution.definition_snapshot.get("schedule") or {}
    return schedule.get("timezone") or settings.TIME_ZONE


def prepare_report_step(ctx: Any, action_config: dict[str, Any]) -> bool:
    """Claim the report in the action log and hand it to the `report` queue; True if it was
    fanned out. Test runs build the report and log a preview without sending it."""
    from executions import queueing
    from executions.errors import PermanentStepError

    kind = action_config["report"]
    common = {
        "action_type": ACTION,
        "target_type": WorkflowActionLog.TargetType.REPORT,
        "target_id": 0,
    }
    if ctx.is_test:
        report = build_report(kind, ctx.execution, timezone_name=ctx.timezone)
        ctx.log(
            **common,
            status=WorkflowActionLog.Status.SUCCESS,
            result_data={
                "test": True,
                "title": report.title,
                "rows": len(report.rows),
                "send_to": action_config.get("send_to", []),
            },
        )
        return False
    row, _created = WorkflowActionLog.objects.get_or_create(
        execution=ctx.execution,
        step_order=ctx.step_order,
        **common,
        defaults={"status": WorkflowActionLog.Status.PENDING, "step_id": ctx.step.get("id")},
    )
    if row.status == WorkflowActionLog.Status.FAILED:
        # Failed for good in an earlier round (its wrap-up was stopped by a pause): the
        # resumed step must fail too, not pass over it.
        raise PermanentStepError(
            gettext_noop("the report could not be sent: %(error)s") % {"error": row.error_message}
        )
    if row.status != WorkflowActionLog.Status.PENDING:
        return False  # already sent in an earlier attempt
    queueing.enqueue_report(ctx.execution.pk, ctx.step_order)
    return True


def run_report_step(execution_id: int, step_order: int) -> None:
    """Build and send one report step's email; called on the `report` queue."""
    from executions.engine import retry_countdown, step_work_finished
    from executions.errors import RetryLater

    execution = WorkflowExecution.objects.select_related("workflow").get(pk=execution_id)
    step = next(s for s in execution.definition_snapshot["steps"] if s["step_order"] == step_order)
    config = step.get("action_config") or {}
    row = WorkflowActionLog.objects.filter(
        execution=execution,
        step_order=step_order,
        action_type=ACTION,
        status=WorkflowActionLog.Status.PENDING,
    )
    claimed = row.update(status=WorkflowActionLog.Status.UNKNOWN, attempts=F("attempts") + 1)
    if claimed != 1:
        step_work_finished(execution_id, step_order)
        return
    log = WorkflowActionLog.objects.get(
        execution=execution, step_order=step_order, action_type=ACTION
    )
    report = build_report(config["report"], execution, timezone_name=_timezone_of(execution))
    try:
        send_report(report, send_to=list(config.get("send_to", [])), kind=config["report"])
    except (smtplib.SMTPException, OSError) as exc:
        permanent = isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500
        if permanent or log.attempts > int(step.get("max_retries", 3)):
            log.status = WorkflowActionLog.Status.FAILED
            log.error_message = str(exc)[:2000]
            log.save(update_fields=["status", "error_message", "updated_at"])
            step_work_finished(execution_id, step_order)
            return
        log.status = WorkflowActionLog.Status.PENDING
        log.error_message = str(exc)[:2000]
        log.save(update_fields=["status", "error_message", "updated_at"])
        raise RetryLater(retry_countdown(log.attempts)) from exc
    log.status = WorkflowActionLog.Status.SUCCESS
    log.error_message = ""
    log.result_data = {
        "title": report.title,
        "rows": len(report.rows),
        "send_to": list(config.get("send_to", [])),
    }
    log.save(update_fields=["status", "error_message", "result_data", "updated_at"])
    step_work_finished(execution_id, step_order)
