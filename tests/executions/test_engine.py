"""The engine in process: the running example with a controlled clock, manual runs, retries
of non-email steps, and the audit trail of status changes.

No Celery worker: ``executions.queueing`` is replaced by a recorder (the ``queue`` fixture)
and the tests perform what would have been enqueued. The end-to-end tests with a real worker
are in tests/e2e/.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from automation.integrations import integration_create
from automation.models import Integration
from automation.services import workflow_deploy
from customers.models import Customer, Order
from customers.services import customer_create, customers_unsubscribe, order_create
from executions import engine
from executions.dispatch import dispatch_due
from executions.errors import RetryLater
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.services import execution_start
from templates_app.models import EmailTemplate
from templates_app.services import email_address_suppress, template_create

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("transitions_are_complete", "each_store"),
]

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status
OSLO = ZoneInfo("Europe/Oslo")
SUNDAY_NOON = datetime(2026, 3, 29, 12, 0, tzinfo=OSLO)
MONDAY_0900 = datetime(2026, 3, 30, 9, 0, tzinfo=OSLO)
THURSDAY_1500 = datetime(2026, 4, 2, 15, 0, tzinfo=OSLO)
LINES = [{"sku": "KAFFE-1", "name": "Kaffe 1 kg", "quantity": 2}]


def email_log(execution: WorkflowExecution, step_order: int) -> dict[int, tuple[str, str]]:
    """customer id -> (status, reason or error) of one email step."""
    rows = WorkflowActionLog.objects.filter(
        execution=execution, step_order=step_order, action_type="send_email"
    )
    return {
        row.target_id: (row.status, (row.result_data or {}).get("reason") or row.error_message)
        for row in rows
    }


def assert_transitions_chain(execution: WorkflowExecution) -> list[str]:
    """Every status change is recorded: the transitions form one unbroken chain that ends in
    the execution's current status. Returns the statuses in order."""
    execution.refresh_from_db()
    transitions = list(ExecutionTransition.objects.filter(execution=execution))
    assert transitions[0].from_status == ""
    for before, after in itertools.pairwise(transitions):
        assert after.from_status == before.to_status, (before, after)
    assert transitions[-1].to_status == execution.status
    return [t.to_status for t in transitions]


def form_templates() -> tuple[EmailTemplate, EmailTemplate]:
    form = template_create(
        name="Bestillingsskjema",
        subject="Ukens bestilling, {{ kunde_navn }}",
        body_html=(
            "<p>Hei {{ kunde_navn }}!</p>"
            '<p><a href="{{ bestilling_link }}">Bestill her</a></p>'
            '<p><a href="{{ avmeldingslenke }}">Meld deg av</a></p>'
        ),
        variables=["kunde_navn", "bestilling_link"],
        category="bestilling",
    )
    reminder = template_create(
        name="Påminnelse",
        subject="Har du husket bestillingen, {{ kunde_navn }}?",
        body_html=(
            "<p>Hei {{ kunde_navn }}, vi har ikke fått bestillingen din ennå.</p>"
            '<p><a href="{{ bestilling_link }}">Bestill her</a></p>'
            '<p><a href="{{ avmeldingslenke }}">Meld deg av</a></p>'
        ),
        variables=["kunde_navn", "bestilling_link"],
        category="reminder",
    )
    return form, reminder


def running_example(form: EmailTemplate, reminder: EmailTemplate) -> dict[str, Any]:
    """The document of shared/docs/workflow-format.md, with real template ids."""
    return {
        "name": "Ukentlig bestilling",
        "description": "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "monday", "time": "09:00"},
            "timezone": "Europe/Oslo",
        },
        "steps": [
            {
                "step_order": 1,
                "name": "Send bestillingsskjema",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "monday", "time": "09:00"},
                "action_config": {"template_id": form.pk, "recipients": {"group": "all"}},
            },
            {
                "step_order": 2,
                "name": "Påminnelse",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "thursday", "time": "15:00"},
                "action_config": {"template_id": reminder.pk, "recipients": {"group": "all"}},
                "condition_config": {"check": "orders_missing", "since": "execution_start"},
            },
        ],
    }


def wait_until_form(form: EmailTemplate, reminder: EmailTemplate) -> dict[str, Any]:
    """The same workflow written with explicit wait_until and check_condition steps."""
    doc = running_example(form, reminder)
    doc["name"] = "Ukentlig bestilling (wait_until)"
    doc["steps"] = [
        {
            "step_order": 1,
            "step_type": "send_email",
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
            "condition_config": {"check": "orders_missing", "since": "execution_start"},
        },
        {
            "step_order": 4,
            "step_type": "send_email",
            "action_config": {"template_id": reminder.pk, "recipients": {"from_step": 3}},
        },
    ]
    return doc


@dataclass
class Example:
    workflow: Any
    customers: dict[str, Customer]
    form: EmailTemplate
    reminder: EmailTemplate


@pytest.fixture
def example(clock, mail_backend) -> Example:
    """The running example, deployed on Sunday, with customers of every kind."""
    from automation.services import workflow_create

    clock.set(SUNDAY_NOON)
    form, reminder = form_templates()
    workflow = workflow_create(created_by=None, data=running_example(form, reminder))
    workflow_deploy(workflow=workflow, by=None)
    customers = {
        name: customer_create(name=name.title(), email=f"{name}@example.com")
        for name in ("anna", "bjorn", "cecilie", "dag", "eva", "frode", "gunn")
    }
    customers_unsubscribe(customers=Customer.objects.filter(pk=customers["eva"].pk))
    email_address_suppress(email="frode@example.com", reason="hard bounce")
    customers["gunn"].active = False
    customers["gunn"].save()
    # Dag ordered on Sunday, before the run started: that order is last week's.
    order_create(customer=customers["dag"], lines=LINES, source=Order.Source.ORDER_FORM)
    return Example(workflow=workflow, customers=customers, form=form, reminder=reminder)


def dispatch(clock, enqueued: list[int], capture, when: datetime) -> list[int]:
    """One dispatcher tick at ``when``; the execution ids it enqueued."""
    clock.set(when)
    before = len(enqueued)
    with capture(execute=True):
        dispatch_due(now=clock.now)
    return enqueued[before:]


def test_running_example_sends_the_form_monday_and_reminds_only_who_has_not_ordered_thursday(
    example: Example,
    clock,
    queue,
    mailoutbox,
    enqueued: list[int],
    django_capture_on_commit_callbacks,
) -> None:
    c = example.customers

    # Monday 09:00 Oslo: the dispatcher creates the scheduled execution.
    started = dispatch(
        clock, enqueued, django_capture_on_commit_callbacks, MONDAY_0900 + timedelta(seconds=4)
    )
    execution = WorkflowExecution.objects.get()
    assert started == [execution.pk]
    assert execution.trigger == WorkflowExecution.Trigger.SCHEDULE
    assert execution.scheduled_for == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)

    engine.run_execution(execution.pk)
    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.RUNNING, 1)
    sendable = sorted(c[n].pk for n in ("anna", "bjorn", "cecilie", "dag"))
    assert queue.email_batches == [(execution.pk, 1, sendable)]

    queue.drain()

    assert sorted(m.to[0] for m in mailoutbox) == [
        "anna@example.com",
        "bjorn@example.com",
        "cecilie@example.com",
        "dag@example.com",
    ]
    assert {m.subject for m in mailoutbox if m.to == ["anna@example.com"]} == {
        "Ukens bestilling, Anna"
    }
    monday = email_log(execution, 1)
    assert monday == {
        **{pk: (LogStatus.SUCCESS, "") for pk in sendable},
        c["eva"].pk: (LogStatus.SKIPPED, "unsubscribed"),
        c["frode"].pk: (LogStatus.SKIPPED, "address suppressed (hard bounce)"),
    }  # the inactive customer is not a recipient at all

    # It now waits, durably, for Thursday 15:00 Oslo of the same week (13:00 UTC in CEST).
    execution.refresh_from_db()
    assert execution.status == Status.WAITING
    assert execution.current_step == 2
    assert execution.resume_at == datetime(2026, 4, 2, 13, 0, tzinfo=UTC)
    assert execution.resume_at == THURSDAY_1500

    # Between Monday and Thursday: Anna places an order, Bjørn's is only a draft (e.g. a
    # standing order prepared for him), Cecilie cancels hers. Only Anna's counts.
    clock.set(datetime(2026, 3, 31, 10, 0, tzinfo=OSLO))
    order_create(customer=c["anna"], lines=LINES, source=Order.Source.ORDER_FORM)
    order_create(
        customer=c["bjorn"], lines=LINES, source=Order.Source.ADMIN, status=Order.Status.DRAFT
    )
    order_create(
        customer=c["cecilie"], lines=LINES, source=Order.Source.API, status=Order.Status.CANCELLED
    )

    # A tick just before Thursday 15:00 leaves it waiting.
    early = dispatch(
        clock, enqueued, django_capture_on_commit_callbacks, THURSDAY_1500 - timedelta(minutes=1)
    )
    assert early == []
    resumed = dispatch(
        clock, enqueued, django_capture_on_commit_callbacks, THURSDAY_1500 + timedelta(seconds=3)
    )
    assert resumed == [execution.pk]

    mailoutbox.clear()
    engine.run_execution(execution.pk)
    queue.drain()

    reminded = sorted(m.to[0] for m in mailoutbox)
    assert reminded == ["bjorn@example.com", "cecilie@example.com", "dag@example.com"]
    assert all(m.subject.startswith("Har du husket bestillingen") for m in mailoutbox)
    thursday = email_log(execution, 2)
    assert c["anna"].pk not in thursday
    assert thursday[c["eva"].pk] == (LogStatus.SKIPPED, "unsubscribed")
    assert thursday[c["frode"].pk] == (LogStatus.SKIPPED, "address suppressed (hard bounce)")

    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert execution.current_step is None
    assert assert_transitions_chain(execution) == [
        Status.QUEUED,  # created by the dispatcher
        Status.RUNNING,
        Status.QUEUED,  # step 1's emails are all out
        Status.RUNNING,
        Status.WAITING,
        Status.QUEUED,  # the wait is over
        Status.RUNNING,
        # step 2's emails are all out, and it was the last step: completed by the last
        # batch, with no run queued only to complete it
        Status.COMPLETED,
    ]


def test_both_forms_of_the_running_example_wait_for_the_same_thursday(
    clock, queue, mail_backend, start_execution
) -> None:
    from automation.services import workflow_create

    clock.set(SUNDAY_NOON)
    form, reminder = form_templates()
    customer_create(name="Anna", email="anna@example.com")
    resume_at = {}
    for doc in (running_example(form, reminder), wait_until_form(form, reminder)):
        workflow = workflow_create(created_by=None, data=doc)
        clock.set(MONDAY_0900 + timedelta(seconds=2))
        execution = start_execution(workflow, trigger="schedule", scheduled_for=MONDAY_0900)
        engine.run_execution(execution.pk)
        queue.drain()
        execution.refresh_from_db()
        assert execution.status == Status.WAITING
        resume_at[doc["name"]] = execution.resume_at
    assert set(resume_at.values()) == {THURSDAY_1500}


def test_manual_run_sends_step_one_now_but_waits_for_step_two(
    clock,
    queue,
    mail_backend,
    mailoutbox,
    enqueued: list[int],
    django_capture_on_commit_callbacks,
) -> None:
    from automation.services import workflow_create

    form, reminder = form_templates()
    workflow = workflow_create(created_by=None, data=running_example(form, reminder))
    customer_create(name="Anna", email="anna@example.com")
    # "Run now" on a Wednesday: step 1 is for Mondays, but the run stands in for the schedule.
    clock.set(datetime(2026, 4, 1, 10, 30, tzinfo=OSLO))
    with django_capture_on_commit_callbacks(execute=True):
        execution = execution_start(workflow=workflow, triggered_by=None)
    assert enqueued == [execution.pk]

    engine.run_execution(execution.pk)
    queue.drain()

    assert [m.to for m in mailoutbox] == [["anna@example.com"]]
    execution.refresh_from_db()
    assert execution.status == Status.WAITING
    assert execution.current_step == 2
    assert execution.resume_at == THURSDAY_1500


def test_manual_run_of_the_wait_until_form_still_waits_for_thursday(
    clock, queue, mail_backend, mailoutbox, start_execution
) -> None:
    """Only the first step stands in for the schedule; a later wait_until is a real wait."""
    from automation.services import workflow_create

    form, reminder = form_templates()
    workflow = workflow_create(created_by=None, data=wait_until_form(form, reminder))
    customer_create(name="Anna", email="anna@example.com")
    clock.set(datetime(2026, 4, 1, 10, 30, tzinfo=OSLO))
    execution = start_execution(workflow, trigger=WorkflowExecution.Trigger.MANUAL)

    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert len(mailoutbox) == 1  # only the order form
    assert (execution.status, execution.current_step) == (Status.WAITING, 2)
    assert execution.resume_at == THURSDAY_1500


def test_a_scheduled_run_that_starts_late_runs_its_first_step_at_once(
    clock, queue, mail_backend, mailoutbox, start_execution
) -> None:
    from automation.services import workflow_create

    form, reminder = form_templates()
    workflow = workflow_create(created_by=None, data=running_example(form, reminder))
    customer_create(name="Anna", email="anna@example.com")
    clock.set(MONDAY_0900 + timedelta(minutes=20))  # the dispatcher was behind
    execution = start_execution(workflow, trigger="schedule", scheduled_for=MONDAY_0900)

    engine.run_execution(execution.pk)
    queue.drain()

    assert len(mailoutbox) == 1
    execution.refresh_from_db()
    assert execution.resume_at == THURSDAY_1500


def test_a_run_picked_up_twice_runs_once(clock, queue, mail_backend, start_execution) -> None:
    """Every message may arrive twice: only the first delivery claims the execution."""
    from automation.services import workflow_create

    form, reminder = form_templates()
    workflow = workflow_create(created_by=None, data=running_example(form, reminder))
    customer_create(name="Anna", email="anna@example.com")
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)
    engine.run_execution(execution.pk)

    assert len(queue.email_batches) == 1
    assert [t for t in assert_transitions_chain(execution)] == [Status.QUEUED, Status.RUNNING]


def test_the_last_email_step_completing_does_not_rerun_earlier_steps(
    clock, queue, mail_backend, mailoutbox, loopback_http, start_execution, make_workflow
) -> None:
    """After the last fanned-out step the execution is done: it must not start over at
    step 1 (which would call the integration a second time)."""
    integration = integration_create(
        name="ERP",
        base_url=loopback_http.base_url,
        auth_type=Integration.AuthType.NONE,
        credentials={},
        headers=None,
        created_by=None,
        test_connection=False,
    )
    form, _reminder = form_templates()
    customer_create(name="Anna", email="anna@example.com")
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "call_integration",
                "action_config": {"integration_id": integration.pk, "method": "POST"},
            },
            {
                "step_order": 2,
                "step_type": "send_email",
                "action_config": {"template_id": form.pk, "recipients": {"group": "all"}},
            },
        ]
    )
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert len(loopback_http.requests) == 1
    assert len(mailoutbox) == 1


# --- Retries of a step that is not an email step --------------------------------------------


def integration_workflow(make_workflow, base_url: str, *, max_retries: int = 3) -> Any:
    integration = integration_create(
        name="ERP",
        base_url=base_url,
        auth_type=Integration.AuthType.NONE,
        credentials={},
        headers=None,
        created_by=None,
        test_connection=False,
    )
    return make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "call_integration",
                "max_retries": max_retries,
                "action_config": {
                    "integration_id": integration.pk,
                    "method": "POST",
                    "path": "/orders/sync",
                    "body": {"run": "{{ kjoring_id }}"},
                },
            }
        ]
    )


def test_a_503_from_an_integration_requeues_the_execution_with_growing_backoff(
    clock, queue, loopback_http, settings, start_execution, make_workflow
) -> None:
    settings.WORKFLOW_RETRY_BASE_S = 30
    loopback_http.status = 503
    execution = start_execution(integration_workflow(make_workflow, loopback_http.base_url))

    countdowns = []
    for _attempt in range(2):
        with pytest.raises(RetryLater) as retry:
            engine.run_execution(execution.pk)
        countdowns.append(retry.value.countdown)
        execution.refresh_from_db()
        assert execution.status == Status.QUEUED  # ready for the delayed redelivery
        assert execution.current_step == 1

    assert execution.context["attempts"] == {"1": 2}
    # Exponential backoff with jitter: 30 s * 2**attempt, times 0.5..1.
    assert 15 <= countdowns[0] <= 30
    assert 30 <= countdowns[1] <= 60
    assert [r[:2] for r in loopback_http.requests] == [("POST", "/api/orders/sync")] * 2
    assert json.loads(loopback_http.requests[0][2]) == {"run": str(execution.pk)}

    # The server recovers: the next attempt succeeds and the execution completes.
    loopback_http.status = 200
    engine.run_execution(execution.pk)
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert queue.alerts == []


def test_an_integration_that_keeps_failing_fails_the_execution_after_max_retries(
    clock, queue, loopback_http, start_execution, make_workflow
) -> None:
    loopback_http.status = 503
    execution = start_execution(
        integration_workflow(make_workflow, loopback_http.base_url, max_retries=2)
    )

    for _retry in range(2):
        with pytest.raises(RetryLater):
            engine.run_execution(execution.pk)
    engine.run_execution(execution.pk)  # the third attempt is the last

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert "after 2 retries" in execution.error_message
    assert "HTTP 503" in execution.error_message
    assert len(loopback_http.requests) == 3
    assert queue.alerts == [execution.pk]
    assert assert_transitions_chain(execution) == [
        Status.QUEUED,
        Status.RUNNING,
        Status.QUEUED,
        Status.RUNNING,
        Status.QUEUED,
        Status.RUNNING,
        Status.FAILED,
    ]


def test_a_404_from_an_integration_fails_at_once(
    clock, queue, loopback_http, start_execution, make_workflow
) -> None:
    loopback_http.status = 404
    execution = start_execution(integration_workflow(make_workflow, loopback_http.base_url))

    engine.run_execution(execution.pk)

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert "HTTP 404" in execution.error_message
    assert "retries" not in execution.error_message
    assert len(loopback_http.requests) == 1
    assert queue.alerts == [execution.pk]


def test_an_integration_pointing_at_the_metadata_service_is_refused_without_traffic(
    clock, queue, monkeypatch, settings, start_execution, make_workflow
) -> None:
    from automation import http as outbound

    def no_connection(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(outbound, "_connect", no_connection)
    # Even allow-listing it by name does not open a cloud metadata address.
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = ["169.254.169.254"]
    # Saved while it pointed somewhere public; its URL changed in the database later (saving
    # the workflow now would be refused: automation.policy).
    integration = Integration.objects.create(name="Metadata", base_url="https://erp.example.com/")
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "call_integration",
                "action_config": {
                    "integration_id": integration.pk,
                    "method": "GET",
                    "path": "latest/meta-data/iam/security-credentials/",
                },
            }
        ]
    )
    Integration.objects.filter(pk=integration.pk).update(base_url="http://169.254.169.254/")
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert "cloud metadata service address" in execution.error_message
    assert "retries" not in execution.error_message  # refused for good, not retried


@pytest.mark.parametrize(("budget_s", "transactions"), [(60.0, 1), (0.0, 5)])
def test_steps_that_only_touch_the_database_share_a_transaction_within_the_budget(
    clock, queue, make_workflow, start_execution, monkeypatch, budget_s, transactions
) -> None:
    """Consecutive local steps run under one lock (one commit) for up to STEP_GROUP_S; the
    group ends with the first step that is not local (here the email step, whose batches go
    to the queue when the group commits)."""
    template = template_create(
        name="Skjema", subject="Hei", body_html="<p>Hei</p>", body_text="", variables=[]
    )
    customer_create(name="Anna", email="anna@example.com")
    check = {
        "step_type": "check_condition",
        "condition_config": {"check": "customer_filter", "active": True},
    }
    workflow = make_workflow(
        [
            {"step_order": 1, **check},
            {"step_order": 2, **check},
            {
                "step_order": 3,
                "step_type": "wait_until",
                "trigger_config": {"at": "2020-01-01T00:00:00+00:00"},
            },
            {"step_order": 4, **check},
            {
                "step_order": 5,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
            },
        ]
    )
    monkeypatch.setattr(engine, "STEP_GROUP_S", budget_s)
    locks = []  # the step the database says is current, each time a group takes the lock
    real = engine.store()

    class Watched(type(real)):  # type: ignore[misc]
        def lock_for_step(self, pk: int):
            locked = super().lock_for_step(pk)
            current = WorkflowExecution.objects.values_list("current_step", flat=True).get(pk=pk)
            locks.append(current)
            return locked

    monkeypatch.setattr(engine, "store", Watched)
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)

    # Within the budget: all five steps in one transaction. Without: every step alone, each
    # group finding the progress of the one before it saved.
    assert locks == [1, 2, 3, 4, 5][:transactions]
    execution.refresh_from_db()
    assert (execution.current_step, execution.context["awaiting_step"]) == (5, 5)
    logged = WorkflowActionLog.objects.filter(execution=execution).values_list("step_order")
    assert sorted({order for (order,) in logged}) == [1, 2, 3, 4, 5]
