"""The running example and its failure modes through the real queue.

A real Celery worker (three queues), Redis as the broker, PostgreSQL, and an SMTP server on
loopback. The durable waits are hours or days long, so "time passes" by moving an execution's
computed wait into the past, which is exactly what the clock would do.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from automation.demo import demo_load
from automation.models import WorkflowDefinition
from automation.services import workflow_create, workflow_deploy, workflow_pause
from customers.models import Customer, Order
from customers.services import order_create
from executions.dispatch import dispatch_due
from executions.lifecycle import execution_pause, execution_resume
from executions.message_ids import message_id_prefix
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.services import execution_start
from templates_app.models import EmailTemplate
from tests.e2e.conftest import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.slow]
OSLO = ZoneInfo("Europe/Oslo")
Status = WorkflowExecution.Status


def _next_monday_0900() -> datetime:
    today = timezone.localtime(timezone.now(), OSLO).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime(monday.year, monday.month, monday.day, 9, 0, tzinfo=OSLO)


def _status(execution: WorkflowExecution) -> str:
    execution.refresh_from_db()
    return execution.status


def _time_passes(execution: WorkflowExecution) -> None:
    """The wait the execution is in is over: move it (and its computed target) to the past."""
    execution.refresh_from_db()
    past = timezone.now() - timedelta(seconds=1)
    waits = execution.context.get("waits", {})
    waits[str(execution.current_step)] = past.isoformat()
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        resume_at=past, context={**execution.context, "waits": waits}
    )


def test_running_example_sends_form_monday_and_reminds_thursday_only_who_did_not_order(
    celery_worker, smtp_server
):
    demo_load()
    workflow = WorkflowDefinition.objects.get(name="Ukentlig bestilling")
    workflow_deploy(workflow=workflow, by=None)
    # Only the running example's mail at the sink: the demo's order confirmation (active, an
    # order.created workflow) would answer the orders placed below with mail of its own.
    for other in WorkflowDefinition.objects.filter(status=WorkflowDefinition.Status.ACTIVE).exclude(
        pk=workflow.pk
    ):
        workflow_pause(workflow=other, by=None)
    monday = _next_monday_0900()
    workflow.schedule.next_run = monday
    workflow.schedule.save(update_fields=["next_run"])

    # Beat's tick at Monday 09:00: one execution, whatever else happens.
    dispatch_due(now=monday + timedelta(seconds=5))
    dispatch_due(now=monday + timedelta(seconds=15))
    executions = WorkflowExecution.objects.filter(workflow=workflow)
    assert executions.count() == 1
    execution = executions.get()
    assert execution.scheduled_for == monday

    # The worker sees that Monday 09:00 has not come yet (it is in the future): a durable wait.
    wait_for(lambda: _status(execution) == Status.WAITING, what="the Monday wait")
    assert execution.resume_at == monday

    _time_passes(execution)
    dispatch_due()
    eligible = Customer.objects.filter(
        active=True, unsubscribed_at__isnull=True, suppressed_at__isnull=True
    )
    wait_for(lambda: smtp_server.count() == eligible.count(), what="the order forms")
    wait_for(lambda: _status(execution) == Status.WAITING, what="the Thursday wait")
    # Step 2 waits for the first Thursday 15:00 (Oslo wall clock) after step 1 completed.
    # (Step 1 really completed today, since the test moved its Monday wait into the past.)
    resume_local = timezone.localtime(execution.resume_at, OSLO)
    assert (resume_local.weekday(), resume_local.hour, resume_local.minute) == (3, 15, 0)
    assert timedelta(0) < execution.resume_at - timezone.now() <= timedelta(days=7)

    forms = list(smtp_server.messages)
    assert sorted(m["To"] for m in forms) == sorted(c.email for c in eligible)
    for message in forms:
        assert message["Message-ID"].startswith(message_id_prefix(execution.pk, 1))
        assert message["List-Unsubscribe"] and "/k/avmeld/" in message["List-Unsubscribe"]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribed = Customer.objects.get(active=True, unsubscribed_at__isnull=False)
    skipped = WorkflowActionLog.objects.get(
        execution=execution, step_order=1, target_id=unsubscribed.pk
    )
    assert skipped.status == WorkflowActionLog.Status.SKIPPED
    assert skipped.result_data["reason"] == "unsubscribed"

    # Two customers order on Tuesday (through the order form's service).
    ordered = list(eligible.order_by("pk")[:2])
    for customer in ordered:
        order_create(
            customer=customer,
            lines=[{"sku": "MEL-25", "name": "Hvetemel 25 kg", "quantity": 2}],
            source=Order.Source.ORDER_FORM,
            # Tuesday of the simulated week (the execution started "on Monday").
            created_at=monday + timedelta(days=1),
        )

    _time_passes(execution)
    dispatch_due()
    wait_for(lambda: _status(execution) == Status.COMPLETED, what="the reminder step")
    reminders = smtp_server.messages[len(forms) :]
    assert sorted(m["To"] for m in reminders) == sorted(
        c.email for c in eligible if c not in ordered
    )
    assert all(m["Message-ID"].startswith(message_id_prefix(execution.pk, 2)) for m in reminders)

    # A redelivered batch (or a second worker) never emails anyone twice.
    from executions.tasks import step_work_task

    for step_order in (1, 2):
        step_work_task.apply_async(
            args=(execution.pk, step_order, "send_email", [c.pk for c in eligible]),
            queue="email",
        )
    dispatch_due()
    import time

    time.sleep(3)
    assert smtp_server.count() == len(forms) + len(reminders)
    transitions = list(execution.transitions.values_list("to_status", flat=True))
    assert transitions[0] == Status.QUEUED and transitions[-1] == Status.COMPLETED
    assert transitions.count(Status.WAITING) == 2


def _one_step_workflow(template: EmailTemplate, *, max_retries: int = 3) -> WorkflowDefinition:
    return workflow_create(
        created_by=None,
        data={
            "name": "Tilbud",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "09:00"},
            },
            "steps": [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "max_retries": max_retries,
                    "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
                }
            ],
        },
    )


def _template() -> EmailTemplate:
    from templates_app.services import template_create

    return template_create(
        name="Ukens tilbud",
        subject="Tilbud til {{ kunde_navn }}",
        body_html="<p>Hei {{ kunde_navn }}</p>",
        body_text="",
        variables=["kunde_navn"],
        category="bestilling",
    )


def _customers(n: int) -> list[Customer]:
    return Customer.objects.bulk_create(
        Customer(name=f"Kunde {i:03}", email=f"kunde{i:03}@butikk.example") for i in range(n)
    )


def test_transient_failures_are_retried_permanent_ones_fail_the_run_and_alert_admins_once(
    celery_worker, smtp_server
):
    _customers(5)
    attempts: dict[str, int] = {}

    def refuse(address: str) -> str | None:
        attempts[address] = attempts.get(address, 0) + 1
        if address == "kunde001@butikk.example" and attempts[address] <= 2:
            return "451 4.3.0 Try again later"
        if address == "kunde002@butikk.example":
            return "550 5.1.1 No such mailbox"
        return None

    smtp_server.refuse = refuse
    workflow = _one_step_workflow(_template())
    execution = execution_start(workflow=workflow, triggered_by=None)

    wait_for(lambda: _status(execution) == Status.FAILED, what="the run to fail", timeout=90)
    logs = {
        log.target_id: log
        for log in WorkflowActionLog.objects.filter(execution=execution, action_type="send_email")
    }
    by_email = {c.email: c.pk for c in Customer.objects.all()}
    flaky = logs[by_email["kunde001@butikk.example"]]
    dead = logs[by_email["kunde002@butikk.example"]]
    assert flaky.status == WorkflowActionLog.Status.SUCCESS and flaky.attempts == 3
    assert dead.status == WorkflowActionLog.Status.FAILED and dead.attempts == 1
    assert "550" in dead.error_message
    assert attempts["kunde002@butikk.example"] == 1  # a permanent error is not retried

    alert = wait_for(
        lambda: [m for m in smtp_server.messages if "ops@nordgrossisten.example" in m["To"]],
        what="the admin alert",
    )
    import time

    time.sleep(2)
    alerts = [m for m in smtp_server.messages if "ops@nordgrossisten.example" in m["To"]]
    assert len(alerts) == 1 and alert
    assert "Tilbud" in alerts[0]["Subject"]
    customer_mail = [m for m in smtp_server.messages if "butikk.example" in m["To"]]
    assert len(customer_mail) == 4  # everyone but the dead address, each once


def test_pause_stops_before_the_next_customer_and_resume_sends_to_the_rest_once(
    celery_worker, smtp_server
):
    customers = _customers(40)
    smtp_server.delay_s = 0.1
    workflow = _one_step_workflow(_template())
    execution = execution_start(workflow=workflow, triggered_by=None)

    wait_for(lambda: smtp_server.count() >= 5, what="the first emails")
    execution_pause(execution=execution, by=None)
    import time

    time.sleep(1)  # a message handed over before the pause may still be finishing
    sent_at_pause = smtp_server.count()
    time.sleep(2)
    assert smtp_server.count() == sent_at_pause < len(customers)
    assert _status(execution) == Status.PAUSED

    execution_resume(execution=execution, by=None)
    wait_for(lambda: _status(execution) == Status.COMPLETED, what="completion", timeout=90)
    addresses = [m["To"] for m in smtp_server.messages]
    assert sorted(addresses) == sorted(c.email for c in customers)  # all, each exactly once


def test_worker_processes_keep_their_database_connection_from_task_to_task(
    celery_worker, smtp_server
):
    """Celery's Django fixup would close the connection after every task: a new PostgreSQL
    backend per task. The worker applies Django's request rules instead (config/celery.py)."""
    from django.db import connection

    def sessions() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
            )
            return cursor.fetchone()[0]

    customers = _customers(60)  # six batches of ten, besides the step's own tasks
    workflow = _one_step_workflow(_template())
    before = sessions()
    execution = execution_start(workflow=workflow, triggered_by=None)
    wait_for(lambda: _status(execution) == Status.COMPLETED, what="completion", timeout=90)

    assert smtp_server.count() == len(customers)
    # One connection per pool process (two), not one per task (eight or more). A backend's
    # session is counted when it starts reporting; closed ones report at the latest on exit.
    assert sessions() - before <= 3
