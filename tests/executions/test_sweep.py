"""The dispatcher's sweep: work whose broker message was lost is enqueued again.

Redis without persistence forgets every message when it restarts; the database still knows
what is left to do. A queued execution nobody picked up, and an email step whose pending rows
stopped moving, are enqueued again after a quiet period; both are idempotent, so nobody is
emailed twice. The queue seam is recorded (``queue``), so "the message was lost" is simply
clearing what was recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.reasons import Reason
from customers.models import Customer
from executions import engine
from executions.dispatch import dispatch_due, sweep_stalled
from executions.lifecycle import execution_pause
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("transitions_are_complete", "each_store"),
]

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status


@pytest.fixture(autouse=True)
def thresholds(settings: Any) -> None:
    settings.WORKFLOW_STALLED_QUEUED_S = 60
    settings.WORKFLOW_STALLED_BATCH_S = 60
    settings.WORKFLOW_STALLED_RUNNING_S = 60
    settings.CELERY_MAX_COUNTDOWN_S = 600
    settings.WORKFLOW_EMAIL_BATCH_SIZE = 2


@pytest.fixture
def email_workflow(make_workflow) -> Any:
    def make(count: int = 5, *, max_retries: int = 3) -> Any:
        template = EmailTemplateFactory(name="Bestillingsskjema")
        for i in range(count):
            CustomerFactory(name=f"Kunde {i}", email=f"kunde{i}@example.com")
        return make_workflow(
            [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "max_retries": max_retries,
                    "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
                }
            ]
        )

    return make


@pytest.fixture
def awaiting_emails(clock, queue, mail_backend, email_workflow, start_execution) -> Any:
    """A running execution whose email step was prepared, and whose batches were then lost."""

    def make(count: int = 5) -> WorkflowExecution:
        execution = start_execution(email_workflow(count))
        engine.run_execution(execution.pk)
        execution.refresh_from_db()
        assert execution.status == Status.RUNNING
        assert execution.context["awaiting_step"] == 1
        queue.clear()  # Redis restarted: the batches are gone
        return execution

    return make


def _statuses(execution: WorkflowExecution) -> dict[str, str]:
    emails = dict(Customer.objects.values_list("pk", "email"))
    rows = WorkflowActionLog.objects.filter(execution=execution, action_type="send_email")
    return {emails[row.target_id]: row.status for row in rows}


def test_a_queued_execution_nobody_picked_up_is_enqueued_again_once_per_quiet_period(
    clock, queue, email_workflow, start_execution
) -> None:
    execution = start_execution(email_workflow(1))

    clock.advance(seconds=59)
    assert sweep_stalled() == (0, 0)
    clock.advance(seconds=2)
    assert sweep_stalled() == (1, 0)
    assert queue.runs == [execution.pk]
    assert sweep_stalled() == (0, 0)  # the sweep itself counts as activity

    clock.advance(seconds=61)
    assert sweep_stalled() == (1, 0)
    assert queue.runs == [execution.pk, execution.pk]


def test_a_queued_execution_in_a_retry_backoff_is_given_the_countdown_cap(
    clock, queue, email_workflow, start_execution
) -> None:
    execution = start_execution(email_workflow(1))
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        current_step=1, context={"attempts": {"1": 2}}
    )

    clock.advance(seconds=61)
    assert sweep_stalled() == (0, 0)  # its retry is due within CELERY_MAX_COUNTDOWN_S
    clock.advance(seconds=600)
    assert sweep_stalled() == (1, 0)
    assert queue.runs == [execution.pk]


def test_lost_email_batches_are_enqueued_again_and_everyone_gets_exactly_one_email(
    clock, queue, mail_backend, mailoutbox, awaiting_emails
) -> None:
    execution = awaiting_emails(5)
    # Before the restart, the first customer's email went out and the second one's outcome
    # was lost in a crash: neither is sent again.
    ids = sorted(WorkflowActionLog.objects.values_list("target_id", flat=True))
    WorkflowActionLog.objects.filter(target_id=ids[0]).update(status=LogStatus.SUCCESS)
    WorkflowActionLog.objects.filter(target_id=ids[1]).update(status=LogStatus.UNKNOWN)

    clock.advance(seconds=30)
    assert sweep_stalled() == (0, 0)
    clock.advance(seconds=31)
    assert sweep_stalled() == (0, 2)
    assert queue.of("email", pending_only=True) == [
        (execution.pk, 1, "send_email", ids[2:4]),
        (execution.pk, 1, "send_email", ids[4:]),
    ]
    assert sweep_stalled() == (0, 0)  # not again within the next quiet period

    queue.drain()
    customers = sorted(m.to[0] for m in mailoutbox if m.to[0].startswith("kunde"))
    assert customers == [f"kunde{i}@example.com" for i in (2, 3, 4)]
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert _statuses(execution)["kunde1@example.com"] == LogStatus.UNKNOWN
    assert len(mailoutbox) == 4  # and one alert: kunde1's outcome needs a look


def test_an_email_step_still_making_progress_is_left_alone(clock, queue, awaiting_emails) -> None:
    execution = awaiting_emails(4)
    clock.advance(seconds=120)
    # One batch is being worked on: a row changed just now.
    row = WorkflowActionLog.objects.filter(execution=execution).order_by("target_id").first()
    WorkflowActionLog.objects.filter(pk=row.pk).update(
        status=LogStatus.SUCCESS, updated_at=clock.now
    )
    assert sweep_stalled() == (0, 0)
    clock.advance(seconds=61)
    assert sweep_stalled() == (0, 2)


def test_pending_rows_waiting_for_a_retry_are_given_the_countdown_cap(
    clock, queue, awaiting_emails
) -> None:
    execution = awaiting_emails(2)
    WorkflowActionLog.objects.filter(execution=execution).update(
        **Reason.outside("451 4.3.0 Try again later").error_fields(), updated_at=clock.now
    )
    clock.advance(seconds=61)
    assert sweep_stalled() == (0, 0)
    clock.advance(seconds=600)
    assert sweep_stalled() == (0, 1)


def test_paused_executions_are_not_swept(clock, queue, awaiting_emails) -> None:
    execution = awaiting_emails(2)
    execution_pause(execution=execution, by=None)
    clock.advance(seconds=3600)
    assert sweep_stalled() == (0, 0)
    assert queue.of("email", pending_only=True) == []
    assert queue.of("run", pending_only=True) == []


def test_the_dispatcher_tick_sweeps_and_reports_it(clock, queue, awaiting_emails) -> None:
    awaiting_emails(3)
    clock.advance(seconds=61)
    result = dispatch_due()
    assert (result.swept_runs, result.swept_batches) == (0, 2)
    assert result.as_dict()["swept_batches"] == 2


def test_a_running_execution_whose_worker_died_is_queued_again_and_finishes_once(
    clock, queue, mail_backend, mailoutbox, email_workflow, start_execution
) -> None:
    execution = start_execution(email_workflow(3))
    # A worker took it and was killed in the middle of its first step: its message was
    # acknowledged (or will not come back before the visibility timeout), nothing holds it.
    assert engine._claim(execution.pk) is not None
    queue.clear()

    clock.advance(seconds=59)
    assert sweep_stalled() == (0, 0)
    clock.advance(seconds=2)
    assert sweep_stalled() == (1, 0)
    assert queue.runs == [execution.pk]
    execution.refresh_from_db()
    assert execution.status == Status.QUEUED
    assert execution.current_step == 1
    assert execution.transitions.last().reason == "no worker holds it any more: queued again"
    assert sweep_stalled() == (0, 0)

    queue.drain()
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert sorted(m.to[0] for m in mailoutbox) == [f"kunde{i}@example.com" for i in range(3)]


@pytest.mark.django_db(transaction=True)
def test_a_running_execution_a_worker_holds_is_left_alone(
    clock, queue, email_workflow, start_execution
) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks with SKIP LOCKED need PostgreSQL")
    import threading

    from django.db import connections, transaction

    execution = start_execution(email_workflow(1))
    assert engine._claim(execution.pk) is not None
    clock.advance(seconds=3600)  # a long step: the row has not changed for an hour
    locked, release = threading.Event(), threading.Event()

    def worker() -> None:
        try:
            with transaction.atomic():
                WorkflowExecution.objects.select_for_update().get(pk=execution.pk)
                locked.set()
                release.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert locked.wait(30)
        assert sweep_stalled() == (0, 0)
    finally:
        release.set()
        thread.join()
    assert sweep_stalled() == (1, 0)  # once the worker is gone


def test_a_lost_report_message_is_enqueued_again_and_the_report_sent_once(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory(name="Bestillingsskjema")
    CustomerFactory(name="Kunde 0", email="kunde0@example.com")
    execution = start_execution(
        make_workflow(
            [
                {
                    "step_order": 1,
                    "step_type": "generate_report",
                    "action_config": {
                        "report": "execution_summary",
                        "send_to": ["sjef@example.com"],
                    },
                },
                {
                    "step_order": 2,
                    "step_type": "send_email",
                    "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
                },
            ]
        )
    )
    engine.run_execution(execution.pk)
    assert queue.of("report", pending_only=True) == [(execution.pk, 1, "generate_report", None)]
    queue.clear()  # Redis restarted: the report's message is gone

    clock.advance(seconds=59)
    assert sweep_stalled() == (0, 0)
    clock.advance(seconds=2)
    assert sweep_stalled() == (0, 1)
    assert queue.of("report", pending_only=True) == [(execution.pk, 1, "generate_report", None)]
    assert sweep_stalled() == (0, 0)

    queue.drain()
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert sorted(m.to[0] for m in mailoutbox) == ["kunde0@example.com", "sjef@example.com"]
