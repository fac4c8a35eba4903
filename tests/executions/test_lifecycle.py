"""Steering an execution: pause, resume, cancel, retry, the dead-letter list and test runs."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings

from automation.integrations import integration_create
from automation.models import Integration, WorkflowStep
from customers.models import Customer, Order
from executions import engine, lifecycle
from executions.lifecycle import (
    ExecutionStateError,
    dead_letter_list,
    execution_cancel,
    execution_pause,
    execution_resume,
    execution_retry,
    execution_test_run,
)
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from tests.customers.factories import CustomerFactory, OrderFactory
from tests.templates_app.factories import EmailTemplateFactory


def send_batch(execution_id: int, step_order: int, ids: list[int]) -> None:
    """An email batch as a worker does it: the batch, then the engine's check for the end."""
    engine.run_step_work(execution_id, step_order, "send_email", ids)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("transitions_are_complete")]

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status


def refused(address: str) -> smtplib.SMTPRecipientsRefused:
    return smtplib.SMTPRecipientsRefused({address: (550, b"5.1.1 No such user")})


def statuses(execution: WorkflowExecution, step_order: int = 1) -> dict[str, str]:
    emails = dict(Customer.objects.values_list("pk", "email"))
    rows = WorkflowActionLog.objects.filter(
        execution=execution, step_order=step_order, action_type="send_email"
    )
    return {emails[row.target_id]: row.status for row in rows}


def sent_to(mailoutbox: list[Any]) -> list[str]:
    """Who got a customer email (alerts to the admins left out)."""
    admins = {address for _name, address in settings.ADMINS}
    return sorted(m.to[0] for m in mailoutbox if m.to[0] not in admins)


@pytest.fixture
def two_step_run(clock, queue, mail_backend, make_workflow, start_execution) -> Any:
    """Step 1 emails three customers (prepared, batches not yet sent); step 2 checks a
    condition, so the execution completes once step 1 is through."""
    template = EmailTemplateFactory()
    for i in range(3):
        CustomerFactory(name=f"Kunde {i}", email=f"kunde{i}@example.com")
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
            },
            {
                "step_order": 2,
                "step_type": "check_condition",
                "condition_config": {"check": "customer_filter", "language": "nb"},
            },
        ]
    )
    execution = start_execution(workflow)
    engine.run_execution(execution.pk)
    return execution


def the_batch(queue: Any) -> tuple[int, int, list[int]]:
    (batch,) = queue.email_batches
    return batch


# --- Pause and resume -----------------------------------------------------------------------


def test_pause_takes_effect_before_the_next_customer(
    two_step_run, queue, mail_backend, mailoutbox
) -> None:
    execution = two_step_run

    def pause_during_the_first_send(address: str) -> None:
        if address == "kunde0@example.com":
            execution_pause(execution=execution.pk)

    mail_backend.before_send = pause_during_the_first_send
    send_batch(*the_batch(queue))

    # The email already handed to the server went out; nobody after it.
    assert sent_to(mailoutbox) == ["kunde0@example.com"]
    assert statuses(execution) == {
        "kunde0@example.com": LogStatus.SUCCESS,
        "kunde1@example.com": LogStatus.PENDING,
        "kunde2@example.com": LogStatus.PENDING,
    }
    execution.refresh_from_db()
    assert execution.status == Status.PAUSED
    assert execution.current_step == 1


def test_a_paused_execution_sends_nobody(two_step_run, queue, mailoutbox) -> None:
    execution_pause(execution=two_step_run.pk)

    send_batch(*the_batch(queue))

    assert mailoutbox == []
    assert set(statuses(two_step_run).values()) == {LogStatus.PENDING}


def test_resume_sends_only_to_those_still_pending(
    two_step_run, queue, mail_backend, mailoutbox
) -> None:
    execution = two_step_run
    mail_backend.before_send = lambda address: (
        execution_pause(execution=execution.pk) if address == "kunde0@example.com" else None
    )
    queue.drain()
    mail_backend.before_send = None
    assert sent_to(mailoutbox) == ["kunde0@example.com"]

    execution_resume(execution=execution.pk)
    execution.refresh_from_db()
    assert execution.status == Status.QUEUED
    assert queue.of("run", pending_only=True) == [(execution.pk,)]
    queue.drain()

    assert sent_to(mailoutbox) == [f"kunde{i}@example.com" for i in range(3)]
    assert set(statuses(execution).values()) == {LogStatus.SUCCESS}
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    to_statuses = list(execution.transitions.values_list("to_status", flat=True))
    assert to_statuses == [
        Status.QUEUED,
        Status.RUNNING,
        Status.PAUSED,
        Status.QUEUED,  # resumed
        Status.RUNNING,
        Status.QUEUED,  # step 1 done
        Status.RUNNING,
        Status.COMPLETED,
    ]


def test_a_failure_before_a_pause_still_fails_the_execution_after_resume(
    two_step_run, queue, mail_backend, mailoutbox
) -> None:
    """The pause lands after the last customer but before the step is wrapped up: resuming
    must not skip over the customer who failed for good."""
    execution = two_step_run
    mail_backend.fail("kunde0@example.com", refused("kunde0@example.com"))
    mail_backend.before_send = lambda address: (
        execution_pause(execution=execution.pk) if address == "kunde2@example.com" else None
    )
    queue.drain()
    mail_backend.before_send = None
    execution.refresh_from_db()
    assert execution.status == Status.PAUSED

    execution_resume(execution=execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert execution.current_step == 1
    assert queue.alerts == [execution.pk]


def test_pause_and_resume_of_a_waiting_execution_keep_the_wait(
    clock, queue, make_workflow, start_execution
) -> None:
    workflow = make_workflow(
        [{"step_order": 1, "step_type": "wait_until", "trigger_config": {"delay_minutes": 90}}]
    )
    execution = start_execution(workflow, trigger="schedule", scheduled_for=clock.now)
    engine.run_execution(execution.pk)
    execution.refresh_from_db()
    resume_at = execution.resume_at
    assert (execution.status, resume_at) == (Status.WAITING, clock.now + timedelta(minutes=90))

    execution_pause(execution=execution.pk)
    clock.advance(minutes=10)
    execution_resume(execution=execution.pk)  # the wait is not over yet
    execution.refresh_from_db()
    assert (execution.status, execution.resume_at) == (Status.WAITING, resume_at)
    assert queue.runs == []

    execution_pause(execution=execution.pk)
    clock.advance(minutes=90)
    execution_resume(execution=execution.pk)  # the wait ended while it was paused
    execution.refresh_from_db()
    assert execution.status == Status.QUEUED
    queue.drain()
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED


def test_only_live_executions_can_be_paused_and_only_paused_ones_resumed(
    two_step_run, queue
) -> None:
    with pytest.raises(ExecutionStateError):
        execution_resume(execution=two_step_run.pk)
    execution_cancel(execution=two_step_run.pk)
    with pytest.raises(ExecutionStateError):
        execution_pause(execution=two_step_run.pk)


# --- Cancel ---------------------------------------------------------------------------------


def test_cancel_stops_sending_and_marks_pending_customers_skipped(
    two_step_run, queue, mail_backend, mailoutbox, django_user_model
) -> None:
    execution = two_step_run
    staff = django_user_model.objects.create_user(username="staff")
    mail_backend.before_send = lambda address: (
        execution_cancel(execution=execution.pk, by=staff)
        if address == "kunde0@example.com"
        else None
    )

    queue.drain()

    assert sent_to(mailoutbox) == ["kunde0@example.com"]
    assert statuses(execution) == {
        "kunde0@example.com": LogStatus.SUCCESS,
        "kunde1@example.com": LogStatus.SKIPPED,
        "kunde2@example.com": LogStatus.SKIPPED,
    }
    assert set(
        WorkflowActionLog.objects.filter(status=LogStatus.SKIPPED).values_list(
            "error_message", flat=True
        )
    ) == {"execution cancelled"}
    execution.refresh_from_db()
    assert execution.status == Status.CANCELLED
    assert execution.completed_at is not None
    last = ExecutionTransition.objects.filter(execution=execution).last()
    assert (last.from_status, last.to_status, last.actor) == (
        Status.RUNNING,
        Status.CANCELLED,
        staff,
    )
    # A late batch or run message finds nothing to do.
    send_batch(execution.pk, 1, [c.pk for c in Customer.objects.all()])
    engine.run_execution(execution.pk)
    assert len(mailoutbox) == 1
    with pytest.raises(ExecutionStateError):
        execution_cancel(execution=execution.pk)


# --- Retry and the dead-letter list ---------------------------------------------------------


def test_retry_resumes_at_the_failed_step_only_for_customers_not_reached(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    for name in ("reached", "unknown", "bounced", "refused"):
        CustomerFactory(name=name, email=f"{name}@example.com")
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "check_condition",
                "condition_config": {"check": "customer_filter", "language": "nb"},
            },
            {
                "step_order": 2,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"from_step": 1}},
            },
            {
                "step_order": 3,
                "step_type": "check_condition",
                "condition_config": {"check": "orders_missing", "days_back": 7},
            },
        ]
    )
    execution = start_execution(workflow)
    engine.run_execution(execution.pk)
    # A crash hid whether "unknown" got the email; two addresses are refused.
    WorkflowActionLog.objects.filter(
        target_id=Customer.objects.get(name="unknown").pk, step_order=2
    ).update(status=LogStatus.UNKNOWN)
    mail_backend.fail("bounced@example.com", refused("bounced@example.com"))
    mail_backend.fail("refused@example.com", refused("refused@example.com"))
    queue.drain()
    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.FAILED, 2)
    assert sent_to(mailoutbox) == ["reached@example.com"]
    assert list(dead_letter_list()) == [execution]

    # The mail server's problem is fixed; staff retry from the dead-letter list.
    mailoutbox.clear()
    execution_retry(execution=execution.pk)
    execution.refresh_from_db()
    assert execution.status == Status.QUEUED
    assert (execution.error_message, execution.alerted_at) == ("", None)
    assert statuses(execution, 2) == {
        "reached@example.com": LogStatus.SUCCESS,
        "unknown@example.com": LogStatus.UNKNOWN,
        "bounced@example.com": LogStatus.PENDING,
        "refused@example.com": LogStatus.PENDING,
    }
    queue.drain()

    assert sent_to(mailoutbox) == ["bounced@example.com", "refused@example.com"]
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert statuses(execution, 2)["unknown@example.com"] == LogStatus.UNKNOWN
    # Step 1 did not run again: its log row is the one from the first attempt.
    assert WorkflowActionLog.objects.filter(execution=execution, step_order=1).count() == 1
    assert WorkflowActionLog.objects.filter(execution=execution, step_order=3).count() == 1
    assert list(dead_letter_list()) == []


def test_retry_after_a_step_error_runs_the_step_again_with_fresh_attempts(
    clock, queue, loopback_http, make_workflow, start_execution
) -> None:
    integration = integration_create(
        name="ERP",
        base_url=loopback_http.base_url,
        auth_type=Integration.AuthType.NONE,
        credentials={},
        headers=None,
        created_by=None,
        test_connection=False,
    )
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "call_integration",
                "max_retries": 0,
                "action_config": {"integration_id": integration.pk, "method": "GET"},
            }
        ]
    )
    execution = start_execution(workflow)
    loopback_http.status = 503
    engine.run_execution(execution.pk)
    execution.refresh_from_db()
    assert execution.status == Status.FAILED

    loopback_http.status = 200
    execution_retry(execution=execution.pk)
    execution.refresh_from_db()
    assert "1" not in execution.context.get("attempts", {})
    queue.drain(kinds=("run",))

    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert len(loopback_http.requests) == 2


def test_only_a_failed_execution_can_be_retried(two_step_run) -> None:
    with pytest.raises(ExecutionStateError):
        execution_retry(execution=two_step_run.pk)


def test_dead_letter_list_holds_failed_real_runs_newest_first(
    clock, make_workflow, start_execution
) -> None:
    workflow = make_workflow(
        [{"step_order": 1, "step_type": "wait_until", "trigger_config": {"delay_minutes": 1}}]
    )
    older = start_execution(workflow, status=Status.FAILED)
    clock.advance(minutes=5)
    newer = start_execution(workflow, status=Status.FAILED)
    start_execution(workflow, status=Status.COMPLETED)
    start_execution(workflow, status=Status.FAILED, is_test=True)

    assert list(dead_letter_list()) == [newer, older]


# --- Test runs ------------------------------------------------------------------------------


def test_a_test_run_skips_waits_and_delivers_nothing_and_reports_who_would_get_what(
    clock, queue, mail_backend, mailoutbox, loopback_http, make_workflow
) -> None:
    form = EmailTemplateFactory(name="Skjema", subject="Ukens bestilling, {{ kunde_navn }}")
    reminder = EmailTemplateFactory(name="Påminnelse", subject="Husk bestillingen!")
    integration = integration_create(
        name="ERP",
        base_url=loopback_http.base_url,
        auth_type=Integration.AuthType.NONE,
        credentials={},
        headers=None,
        created_by=None,
        test_connection=False,
    )
    anna = CustomerFactory(name="Anna", email="anna@example.com")
    bjorn = CustomerFactory(name="Bjørn", email="bjorn@example.com")
    eva = CustomerFactory(name="Eva", email="eva@example.com", unsubscribed_at=clock.now)
    OrderFactory(customer=anna, created_at=clock.now - timedelta(days=10))
    orders_before = Order.objects.count()
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "monday", "time": "09:00"},
                "action_config": {"template_id": form.pk, "recipients": {"group": "all"}},
            },
            {
                "step_order": 2,
                "step_type": "wait_until",
                "trigger_config": {"day": "thursday", "time": "15:00"},
            },
            {
                "step_order": 3,
                "step_type": "check_condition",
                "condition_config": {"check": "orders_missing", "days_back": 7},
            },
            {
                "step_order": 4,
                "step_type": "send_email",
                "action_config": {"template_id": reminder.pk, "recipients": {"from_step": 3}},
            },
            {
                "step_order": 5,
                "step_type": "create_order",
                "action_config": {"recipients": {"from_step": 3}, "mode": "repeat_last"},
            },
            {
                "step_order": 6,
                "step_type": "call_integration",
                "action_config": {"integration_id": integration.pk, "method": "POST"},
            },
            {
                "step_order": 7,
                "step_type": "generate_report",
                "action_config": {"report": "execution_summary", "send_to": ["sjef@example.com"]},
            },
            {
                "step_order": 8,
                "step_type": "send_email",
                "trigger_type": "condition_based",
                "condition_config": {"check": "customer_filter", "language": "en"},
                "action_config": {"template_id": form.pk, "recipients": {"group": "all"}},
            },
        ]
    )
    # A Wednesday: a real run would wait for Thursday at step 2.
    clock.set(clock.now + timedelta(days=2))

    execution = execution_test_run(workflow=workflow)

    assert execution.is_test
    assert execution.trigger == WorkflowExecution.Trigger.TEST
    assert execution.status == Status.COMPLETED
    assert execution.resume_at is None
    assert mailoutbox == []
    assert Order.objects.count() == orders_before
    assert loopback_http.requests == []
    assert queue.history == []  # no batches, reports, runs or alerts enqueued

    report = {step.step_order: step for step in lifecycle.execution_test_report(execution)}
    form_step = report[1]
    assert form_step.step_type == "send_email"
    assert {r["email"]: r["subject"] for r in form_step.recipients} == {
        "anna@example.com": "Ukens bestilling, Anna",
        "bjorn@example.com": "Ukens bestilling, Bjørn",
    }
    anna_entry = next(r for r in form_step.recipients if r["customer_id"] == anna.pk)
    assert anna_entry["customer"] == "Anna"
    assert "<p>Hei Anna!</p>" in anna_entry["html"]
    assert "Hei Anna!" in anna_entry["text"]
    assert [(s["customer_id"], s["reason"]) for s in form_step.skipped] == [
        (eva.pk, "unsubscribed")
    ]
    # Anna ordered 10 days ago, so nobody ordered within 7 days: all three are reminded
    # (Eva is skipped as unsubscribed), and the standing order is only described.
    assert {r["email"] for r in report[4].recipients} == {"anna@example.com", "bjorn@example.com"}
    assert [(o["customer_id"], o["action"]) for o in report[5].other] == [(anna.pk, "create_order")]
    assert report[5].other[0]["would_create"]["status"] == "draft"
    assert [s["customer_id"] for s in report[5].skipped] == sorted([bjorn.pk, eva.pk])
    assert report[6].other[0]["would_call"]["method"] == "POST"
    assert report[7].other[0]["send_to"] == ["sjef@example.com"]
    assert report[8].status == "skipped"
    assert report[8].skipped[0]["reason"] == "condition does not hold"


def test_a_report_that_failed_before_a_pause_still_fails_the_execution_after_resume(
    clock, queue, mail_backend, make_workflow, start_execution
) -> None:
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "generate_report",
                "action_config": {"report": "weekly_orders", "send_to": ["sjef@example.com"]},
            }
        ]
    )
    execution = start_execution(workflow)
    engine.run_execution(execution.pk)
    execution_pause(execution=execution.pk)
    mail_backend.fail("sjef@example.com", smtplib.SMTPResponseException(554, b"Rejected"))
    queue.drain(kinds=("report",))  # the report job was already on its way

    execution_resume(execution=execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert "report could not be sent" in execution.error_message
    assert queue.alerts == [execution.pk]


def test_a_late_duplicate_job_of_an_earlier_step_does_not_move_the_execution_back(
    clock, queue, mail_backend, mailoutbox, loopback_http, make_workflow, start_execution
) -> None:
    integration = integration_create(
        name="ERP",
        base_url=loopback_http.base_url,
        auth_type=Integration.AuthType.NONE,
        credentials={},
        headers=None,
        created_by=None,
        test_connection=False,
    )
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "generate_report",
                "action_config": {"report": "weekly_orders", "send_to": ["sjef@example.com"]},
            },
            {
                "step_order": 2,
                "step_type": "check_condition",
                "condition_config": {"check": "customer_filter", "language": "nb"},
            },
            {
                "step_order": 3,
                "step_type": "call_integration",
                "action_config": {"integration_id": integration.pk, "method": "POST"},
            },
        ]
    )
    execution = start_execution(workflow)
    engine.run_execution(execution.pk)
    # The pause lands after the report went out but before step 1 is wrapped up.
    mail_backend.before_send = lambda address: execution_pause(execution=execution.pk)
    queue.drain()
    mail_backend.before_send = None
    execution_resume(execution=execution.pk)
    loopback_http.status = 503
    queue.drain()  # step 1 has nothing left, step 2 runs, step 3 asks for a retry
    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.QUEUED, 3)
    runs_before = len(queue.runs)

    # A copy of step 1's report job arrives late (a redelivered message).
    engine.run_step_work(execution.pk, 1, "generate_report", None)

    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.QUEUED, 3)
    assert len(queue.runs) == runs_before
    assert WorkflowActionLog.objects.filter(execution=execution, step_order=2).count() == 1
    assert len(mailoutbox) == 1


def test_a_failing_test_run_alerts_nobody(
    clock, queue, mail_backend, mailoutbox, make_workflow
) -> None:
    template = EmailTemplateFactory()
    CustomerFactory()
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
            }
        ]
    )
    WorkflowStep.objects.update(template=None)
    template.delete()

    execution = execution_test_run(workflow=workflow)

    assert execution.status == Status.FAILED
    assert "email template not found" in execution.error_message
    assert queue.alerts == []
    assert mailoutbox == []
    assert list(dead_letter_list()) == []
