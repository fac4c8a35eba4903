"""An email step to a few customers is sent by the run itself (issue 24): no batch message
and no second worker, a lease on the part while it sends, and whatever a batch would retry
later handed to a step-work task under the same lease; larger steps still go in batches."""

from __future__ import annotations

import smtplib
from typing import Any

import pytest
from django.utils import timezone
from django.utils.module_loading import import_string

from executions import engine, leases
from executions.models import WorkflowActionLog, WorkflowExecution, WorkLease
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

LogStatus = WorkflowActionLog.Status


@pytest.fixture
def small_run(clock, queue, mail_backend, make_workflow, start_execution) -> Any:
    """A started two-step workflow: an email to every customer, then a condition check."""

    def make(count: int) -> tuple[WorkflowExecution, list[Any]]:
        template = EmailTemplateFactory(name="Bestillingsskjema")
        customers = [
            CustomerFactory(name=f"Kunde {i}", email=f"kunde{i}@example.com") for i in range(count)
        ]
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
        return start_execution(workflow), customers

    return make


def _statuses(execution: WorkflowExecution) -> list[str]:
    rows = WorkflowActionLog.objects.filter(execution=execution, action_type="send_email")
    return sorted(rows.values_list("status", flat=True))


def test_a_step_to_a_few_customers_is_sent_by_the_run_itself(small_run, queue, mail_backend):
    execution, customers = small_run(3)

    engine.run_execution(execution.pk, work_here=True)

    assert queue.email_batches == []  # no batch message
    assert sorted(mail_backend.sent_to) == sorted(c.email for c in customers)
    assert _statuses(execution) == [LogStatus.SUCCESS] * 3
    # The step is done: the execution went on to its next step as after any batch.
    assert queue.runs == [execution.pk]
    queue.drain()
    execution.refresh_from_db()
    assert execution.status == WorkflowExecution.Status.COMPLETED
    assert len(mail_backend.sent_to) == 3


def test_the_last_step_sent_by_the_run_completes_the_execution(
    clock, queue, mail_backend, make_workflow, start_execution
):
    template = EmailTemplateFactory(name="Påminnelse")
    CustomerFactory(email="kafe@example.com")
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
            }
        ]
    )
    execution = start_execution(workflow)

    engine.run_execution(execution.pk, work_here=True)

    execution.refresh_from_db()
    assert execution.status == WorkflowExecution.Status.COMPLETED
    assert mail_backend.sent_to == ["kafe@example.com"]
    assert queue.history == []  # no batch, no second run


@pytest.mark.parametrize("limit", [2, 0])
def test_more_customers_than_the_limit_go_in_batches(
    small_run, queue, mail_backend, settings, limit
):
    settings.WORKFLOW_EMAILS_IN_RUN = limit
    execution, customers = small_run(3)

    engine.run_execution(execution.pk, work_here=True)

    assert queue.email_batches == [(execution.pk, 1, [c.pk for c in customers])]
    assert mail_backend.sent_to == []
    assert _statuses(execution) == [LogStatus.PENDING] * 3


def test_a_run_that_is_not_the_run_task_sends_nothing_itself(small_run, queue, mail_backend):
    execution, customers = small_run(2)

    engine.run_execution(execution.pk)

    assert queue.email_batches == [(execution.pk, 1, [c.pk for c in customers])]
    assert mail_backend.sent_to == []


def test_the_run_holds_a_lease_on_the_part_while_it_sends(small_run, queue, mail_backend):
    execution, customers = small_run(2)
    seen: list[list[tuple[Any, ...]]] = []
    mail_backend.before_send = lambda address: seen.append(
        list(WorkLease.objects.values_list("execution_id", "step_order", "part", "holder"))
    )

    engine.run_execution(execution.pk, work_here=True, lease=True)

    ids = [c.pk for c in customers]
    assert seen == [[(execution.pk, 1, ids, leases.holder_id())]] * 2
    assert not WorkLease.objects.exists()  # dropped once the part was done
    assert len(mail_backend.sent_to) == 2


def test_what_may_pass_is_handed_to_a_step_work_task_under_the_same_lease(
    small_run, queue, mail_backend
):
    execution, customers = small_run(3)
    mail_backend.fail("kunde1@example.com", smtplib.SMTPResponseException(451, b"Try later"))

    engine.run_execution(execution.pk, work_here=True, lease=True)

    ids = [c.pk for c in customers]
    assert _statuses(execution) == [LogStatus.PENDING, LogStatus.SUCCESS, LogStatus.SUCCESS]
    assert queue.email_batches == [(execution.pk, 1, ids)]
    options = queue.options[0]
    assert options["countdown"] > 0 and options["task_id"].startswith("here-")
    # The lease covers the part until its retry is due (plus a lease period): if the task
    # were lost, recovery would send the part again.
    lease = WorkLease.objects.get(pk=options["task_id"])
    assert lease.lease_until >= timezone.now() + leases.lease_period()
    # The handed-over part sends to whoever is still pending, once.
    queue.drain(kinds=("email",))
    assert sorted(mail_backend.sent_to) == sorted(c.email for c in customers)
    assert _statuses(execution) == [LogStatus.SUCCESS] * 3


def test_an_unreachable_mail_server_hands_the_part_over_with_nobody_claimed(
    small_run, queue, mail_backend, monkeypatch, settings
):
    execution, customers = small_run(2)

    def refuse(self) -> bool:
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(import_string(settings.EMAIL_BACKEND), "open", refuse)

    engine.run_execution(execution.pk, work_here=True)

    assert _statuses(execution) == [LogStatus.PENDING] * 2
    assert queue.email_batches == [(execution.pk, 1, [c.pk for c in customers])]
    assert queue.options[0]["countdown"] > 0
    assert mail_backend.sent_to == []


def test_the_run_task_sends_a_small_step_itself(small_run, queue, mail_backend):
    from executions.tasks import run_execution_task

    execution, customers = small_run(2)

    run_execution_task.apply(args=(execution.pk,), throw=True)

    assert queue.email_batches == []
    assert sorted(mail_backend.sent_to) == sorted(c.email for c in customers)
    assert not WorkLease.objects.exists()  # an eager run (a test) holds no lease
