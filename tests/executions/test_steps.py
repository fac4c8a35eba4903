"""Each step type run by the engine in process: conditions, recipients, waits, standing
orders, reports and integration calls."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from automation.integrations import integration_create
from automation.models import Integration
from customers.models import Order
from executions import engine
from executions.dispatch import dispatch_due
from executions.engine import StepContext
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.steps.call_integration import CallIntegration
from executions.steps.create_order import CreateOrder
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("transitions_are_complete")]

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status
OSLO = ZoneInfo("Europe/Oslo")


def send_step(step_order: int, template_id: int, recipients: dict[str, Any], **extra: Any):
    return {
        "step_order": step_order,
        "step_type": "send_email",
        "action_config": {"template_id": template_id, "recipients": recipients},
        **extra,
    }


def check_step(step_order: int, **condition: Any) -> dict[str, Any]:
    return {"step_order": step_order, "step_type": "check_condition", "condition_config": condition}


def run_to_the_end(execution: WorkflowExecution, queue: Any) -> WorkflowExecution:
    engine.run_execution(execution.pk)
    queue.drain()
    execution.refresh_from_db()
    return execution


def recipients_of(mailoutbox: list[Any]) -> list[str]:
    return sorted(m.to[0] for m in mailoutbox)


def step_log(execution: WorkflowExecution, step_order: int) -> WorkflowActionLog:
    return WorkflowActionLog.objects.get(
        execution=execution, step_order=step_order, target_type="execution"
    )


# --- Conditions and recipients --------------------------------------------------------------


def test_a_condition_based_step_whose_condition_finds_nobody_is_skipped_and_logged(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    customer = CustomerFactory()
    OrderFactory(customer=customer, created_at=clock.now - timedelta(days=1))
    workflow = make_workflow(
        [
            send_step(
                1,
                template.pk,
                {"group": "all"},
                trigger_type="condition_based",
                condition_config={"check": "orders_missing", "days_back": 7},
            ),
            check_step(2, check="customer_filter", language="nb"),
        ]
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert execution.status == Status.COMPLETED
    assert mailoutbox == []
    skipped = step_log(execution, 1)
    assert (skipped.status, skipped.result_data) == (
        LogStatus.SKIPPED,
        {"reason": "condition does not hold", "reason_code": "skip.condition"},
    )
    assert step_log(execution, 2).status == LogStatus.SUCCESS  # the next step ran


def test_a_condition_based_step_that_holds_acts_on_the_matching_customers_only(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    ordered = CustomerFactory(email="ordered@example.com")
    CustomerFactory(email="forgot@example.com")
    OrderFactory(customer=ordered, created_at=clock.now - timedelta(days=1))
    workflow = make_workflow(
        [
            send_step(
                1,
                template.pk,
                {"group": "all"},
                trigger_type="condition_based",
                condition_config={"check": "orders_missing", "days_back": 7},
            )
        ]
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert execution.status == Status.COMPLETED
    assert recipients_of(mailoutbox) == ["forgot@example.com"]


def test_an_inactive_step_is_skipped_and_logged(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    CustomerFactory()
    workflow = make_workflow(
        [
            send_step(1, template.pk, {"group": "all"}, is_active=False),
            check_step(2, check="customer_filter", language="nb"),
        ]
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert execution.status == Status.COMPLETED
    assert mailoutbox == []
    assert step_log(execution, 1).result_data == {
        "reason": "step is inactive",
        "reason_code": "skip.step_inactive",
    }
    assert not WorkflowActionLog.objects.filter(execution=execution, action_type="send_email")


def test_from_step_sends_to_the_customer_set_a_check_produced(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    ordered = CustomerFactory(email="ordered@example.com")
    CustomerFactory(email="forgot@example.com")
    CustomerFactory(email="also-forgot@example.com")
    OrderFactory(customer=ordered, created_at=clock.now - timedelta(days=2))
    workflow = make_workflow(
        [
            check_step(1, check="orders_missing", days_back=7),
            send_step(2, template.pk, {"from_step": 1}),
        ]
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert recipients_of(mailoutbox) == ["also-forgot@example.com", "forgot@example.com"]
    check = step_log(execution, 1)
    assert check.result_data["count"] == 2
    assert sorted(execution.context["outputs"]["1"]) == sorted(check.result_data["customer_ids"])
    assert ordered.pk not in execution.context["outputs"]["1"]


def test_customer_filter_selects_by_group_and_language(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    cafes = CustomerGroupFactory(slug="kafeer")
    CustomerFactory(email="kafe-nb@example.com", groups=[cafes])
    CustomerFactory(email="kafe-en@example.com", groups=[cafes], language="en")
    CustomerFactory(email="butikk-en@example.com", language="en")
    CustomerFactory(email="gone@example.com", groups=[cafes], language="en", active=False)
    workflow = make_workflow(
        [
            check_step(1, check="customer_filter", group="kafeer", language="en"),
            send_step(2, template.pk, {"from_step": 1}),
            send_step(
                3,
                template.pk,
                {"group": "kafeer"},
                condition_config={"check": "customer_filter", "language": "nb"},
            ),
        ]
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert execution.status == Status.COMPLETED
    by_step = {}
    for row in WorkflowActionLog.objects.filter(execution=execution, action_type="send_email"):
        by_step.setdefault(row.step_order, []).append(row.result_data["email"])
    assert by_step == {2: ["kafe-en@example.com"], 3: ["kafe-nb@example.com"]}


def test_orders_missing_with_days_back_counts_only_placed_orders_in_the_window(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    recent = CustomerFactory(email="recent@example.com")
    old = CustomerFactory(email="old@example.com")
    draft = CustomerFactory(email="draft@example.com")
    cancelled = CustomerFactory(email="cancelled@example.com")
    delivered = CustomerFactory(email="delivered@example.com")
    OrderFactory(customer=recent, created_at=clock.now - timedelta(days=6, hours=23))
    OrderFactory(customer=old, created_at=clock.now - timedelta(days=7, hours=1))
    OrderFactory(customer=draft, created_at=clock.now, status=Order.Status.DRAFT)
    OrderFactory(customer=cancelled, created_at=clock.now, status=Order.Status.CANCELLED)
    OrderFactory(customer=delivered, created_at=clock.now, status=Order.Status.DELIVERED)
    workflow = make_workflow(
        [
            send_step(
                1,
                template.pk,
                {"group": "all"},
                condition_config={"check": "orders_missing", "days_back": 7},
            )
        ]
    )

    run_to_the_end(start_execution(workflow), queue)

    assert recipients_of(mailoutbox) == [
        "cancelled@example.com",
        "draft@example.com",
        "old@example.com",
    ]


def test_orders_missing_since_last_monday_starts_at_monday_midnight_in_oslo(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    monday_early = CustomerFactory(email="monday-early@example.com")
    sunday_late = CustomerFactory(email="sunday-late@example.com")
    CustomerFactory(email="never@example.com")
    # Monday 00:30 in Oslo is Sunday 22:30 in UTC: the window is local.
    OrderFactory(customer=monday_early, created_at=datetime(2026, 3, 30, 0, 30, tzinfo=OSLO))
    OrderFactory(customer=sunday_late, created_at=datetime(2026, 3, 29, 23, 30, tzinfo=OSLO))
    workflow = make_workflow(
        [
            send_step(
                1,
                template.pk,
                {"group": "all"},
                condition_config={"check": "orders_missing", "since": "last_monday"},
            )
        ]
    )
    clock.set(datetime(2026, 4, 2, 15, 0, tzinfo=OSLO))  # Thursday

    run_to_the_end(start_execution(workflow), queue)

    assert recipients_of(mailoutbox) == ["never@example.com", "sunday-late@example.com"]


def test_has_ordered_is_the_complement_of_orders_missing(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    buyer = CustomerFactory(email="buyer@example.com")
    CustomerFactory(email="browser@example.com")
    OrderFactory(customer=buyer, created_at=clock.now - timedelta(days=1))
    workflow = make_workflow(
        [
            send_step(
                1,
                template.pk,
                {"group": "all"},
                condition_config={"check": "has_ordered", "days_back": 7},
            )
        ]
    )

    run_to_the_end(start_execution(workflow), queue)

    assert recipients_of(mailoutbox) == ["buyer@example.com"]


def test_event_customer_is_the_customer_of_the_triggering_event(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory(
        category="confirmation",
        subject="Ordre {{ ordre_nummer }} er mottatt",
        variables=["ordre_nummer"],
    )
    buyer = CustomerFactory(email="buyer@example.com", unsubscribed_at=clock.now)
    CustomerFactory(email="bystander@example.com")
    order = OrderFactory(customer=buyer, created_at=clock.now)
    workflow = make_workflow(
        [send_step(1, template.pk, {"event_customer": True})], event={"type": "order.created"}
    )
    execution = start_execution(
        workflow,
        trigger=WorkflowExecution.Trigger.EVENT,
        context={"event": {"customer_id": buyer.pk, "order_id": order.pk}},
    )

    run_to_the_end(execution, queue)

    # A confirmation is transactional: it reaches a customer who unsubscribed from marketing.
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["buyer@example.com"], f"Ordre {order.pk} er mottatt")
    ]


def test_event_customer_without_a_customer_in_the_event_emails_nobody(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    CustomerFactory()
    workflow = make_workflow(
        [send_step(1, template.pk, {"event_customer": True})], event={"type": "customer.created"}
    )
    execution = start_execution(workflow, trigger="event", context={"event": {}})

    execution = run_to_the_end(execution, queue)

    assert execution.status == Status.COMPLETED
    assert mailoutbox == []


# --- Waits ----------------------------------------------------------------------------------


def test_wait_until_with_a_delay_waits_durably_and_then_continues(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    template = EmailTemplateFactory()
    CustomerFactory(email="kunde@example.com")
    workflow = make_workflow(
        [
            {"step_order": 1, "step_type": "wait_until", "trigger_config": {"delay_minutes": 90}},
            send_step(2, template.pk, {"group": "all"}),
        ]
    )
    # Even "run now" keeps a delay: only a first step's weekday and time are the schedule's.
    execution = start_execution(workflow, trigger=WorkflowExecution.Trigger.MANUAL)

    engine.run_execution(execution.pk)
    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.WAITING, 1)
    assert execution.resume_at == clock.now + timedelta(minutes=90)
    assert mailoutbox == []

    # A run message delivered early (a retry, a duplicate) does not end the wait.
    engine.run_execution(execution.pk)
    execution.refresh_from_db()
    assert execution.status == Status.WAITING

    clock.advance(minutes=91)
    assert dispatch_due(now=clock.now).resumed == 1
    execution = run_to_the_end(execution, queue)

    assert execution.status == Status.COMPLETED
    assert recipients_of(mailoutbox) == ["kunde@example.com"]
    assert step_log(execution, 1).result_data == {
        "until": (datetime(2026, 3, 30, 8, 30, 4, tzinfo=UTC)).isoformat()
    }


def test_a_time_based_step_at_a_fixed_moment_waits_for_it(
    clock, queue, make_workflow, start_execution
) -> None:
    workflow = make_workflow(
        [
            check_step(1, check="customer_filter", language="nb"),
            {
                "step_order": 2,
                "step_type": "check_condition",
                "trigger_type": "time_based",
                "trigger_config": {"at": "2026-04-01T12:00:00+02:00"},
                "condition_config": {"check": "orders_missing", "days_back": 7},
            },
        ]
    )
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)

    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.WAITING, 2)
    assert execution.resume_at == datetime(2026, 4, 1, 10, 0, tzinfo=UTC)


# --- create_order ---------------------------------------------------------------------------


def standing_order_workflow(make_workflow, **config: Any) -> Any:
    return make_workflow(
        [
            check_step(1, check="orders_missing", since="execution_start"),
            {
                "step_order": 2,
                "step_type": "create_order",
                "action_config": {"recipients": {"from_step": 1}, "mode": "repeat_last", **config},
            },
        ]
    )


def test_create_order_repeats_the_last_order_as_a_draft_from_the_workflow(
    clock, queue, make_workflow, start_execution
) -> None:
    regular = CustomerFactory(email="regular@example.com")
    newcomer = CustomerFactory(email="newcomer@example.com")
    OrderFactory(
        customer=regular,
        created_at=clock.now - timedelta(days=14),
        lines=[{"sku": "BRØD-1", "name": "Grovbrød", "quantity": 4}],
    )
    OrderFactory(
        customer=regular,
        created_at=clock.now - timedelta(days=7),
        lines=[{"sku": "KAFFE-1", "name": "Kaffe 1 kg", "quantity": 2}],
    )
    OrderFactory(customer=regular, created_at=clock.now - timedelta(days=1), status="cancelled")
    execution = start_execution(standing_order_workflow(make_workflow))

    execution = run_to_the_end(execution, queue)

    assert execution.status == Status.COMPLETED
    (order,) = Order.objects.filter(source=Order.Source.WORKFLOW)
    assert order.customer == regular
    assert order.status == Order.Status.DRAFT
    assert order.lines == [{"sku": "KAFFE-1", "name": "Kaffe 1 kg", "quantity": 2}]
    assert order.external_id == f"wf-{execution.pk}-2-{regular.pk}"
    logs = {
        row.target_id: row
        for row in WorkflowActionLog.objects.filter(execution=execution, step_order=2)
    }
    assert logs[regular.pk].status == LogStatus.SUCCESS
    assert logs[regular.pk].result_data["order_id"] == order.pk
    assert (logs[newcomer.pk].status, logs[newcomer.pk].result_data) == (
        LogStatus.SKIPPED,
        {"reason": "no previous order to repeat", "reason_code": "skip.no_previous_order"},
    )


def test_create_order_is_idempotent_when_the_step_runs_again(
    clock, queue, make_workflow, start_execution
) -> None:
    regular = CustomerFactory()
    OrderFactory(customer=regular, created_at=clock.now - timedelta(days=7))
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "create_order",
                "action_config": {"recipients": {"group": "all"}, "mode": "repeat_last"},
            }
        ]
    )
    execution = start_execution(workflow)
    step = execution.definition_snapshot["steps"][0]
    ctx = StepContext(execution=execution, step=step, now=clock.now)
    config = CreateOrder.Config.model_validate(step["action_config"])

    # The step runs twice for the same execution (a retry, a redelivered message).
    first = CreateOrder().run(ctx, config)
    second = CreateOrder().run(ctx, config)

    assert first.customer_ids == second.customer_ids == [regular.pk]
    assert Order.objects.filter(source=Order.Source.WORKFLOW).count() == 1
    assert WorkflowActionLog.objects.filter(execution=execution, step_order=1).count() == 1


def test_create_order_with_lines_can_place_orders(
    clock, queue, make_workflow, start_execution
) -> None:
    customer = CustomerFactory()
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "create_order",
                "action_config": {
                    "recipients": {"customer_ids": [customer.pk]},
                    "mode": "lines",
                    "lines": [{"sku": "MELK-1", "quantity": 10}],
                    "status": "placed",
                },
            }
        ]
    )

    run_to_the_end(start_execution(workflow), queue)

    (order,) = Order.objects.filter(customer=customer)
    assert (order.status, order.source) == (Order.Status.PLACED, Order.Source.WORKFLOW)
    assert [(line["sku"], line["quantity"]) for line in order.lines] == [("MELK-1", 10)]


# --- generate_report ------------------------------------------------------------------------


def report_workflow(make_workflow, report: str = "execution_summary") -> Any:
    template = EmailTemplateFactory()
    return make_workflow(
        [
            send_step(1, template.pk, {"group": "all"}),
            {
                "step_order": 2,
                "step_type": "generate_report",
                "action_config": {"report": report, "send_to": ["sjef@example.com"]},
            },
        ]
    )


def test_generate_report_claims_the_report_and_hands_it_to_the_report_queue(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    CustomerFactory()
    execution = start_execution(report_workflow(make_workflow))
    engine.run_execution(execution.pk)
    queue.drain(kinds=("email", "run"))

    assert queue.of("report") == [(execution.pk, 2, "generate_report", None)]
    row = WorkflowActionLog.objects.get(execution=execution, step_order=2)
    assert (row.action_type, row.target_type, row.status) == (
        "generate_report",
        "report",
        LogStatus.PENDING,
    )
    execution.refresh_from_db()
    assert (execution.status, execution.current_step) == (Status.RUNNING, 2)
    assert execution.context["awaiting_step"] == 2


def test_the_report_is_one_html_email_with_a_semicolon_csv_with_bom(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    CustomerFactory(email="kunde@example.com")
    CustomerFactory(email="borte@example.com", unsubscribed_at=clock.now)
    execution = start_execution(report_workflow(make_workflow))
    engine.run_execution(execution.pk)
    queue.drain(kinds=("email", "run"))
    mailoutbox.clear()

    engine.run_step_work(execution.pk, 2, "generate_report", None)
    engine.run_step_work(
        execution.pk, 2, "generate_report", None
    )  # a redelivered task sends nothing more

    (message,) = mailoutbox
    assert message.to == ["sjef@example.com"]
    assert f"#{execution.pk}" in message.subject
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<table" in html
    (part,) = [p for p in message.message().walk() if p.get_filename()]
    assert part.get_filename() == "execution_summary-2026-03-30.csv"
    assert part["Content-Type"] == 'text/csv; charset="utf-8"'
    raw = part.get_payload(decode=True)
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) == 4  # step, action, status, count (in the site's language)
    assert rows[1:] == [["1", "send_email", "skipped", "1"], ["1", "send_email", "success", "1"]]

    row = WorkflowActionLog.objects.get(execution=execution, step_order=2)
    assert row.status == LogStatus.SUCCESS
    assert row.result_data["rows"] == 2
    queue.drain()
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED


def test_a_report_that_the_mail_server_refuses_fails_the_execution(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    import smtplib

    CustomerFactory()
    execution = start_execution(report_workflow(make_workflow, "weekly_orders"))
    mail_backend.fail("sjef@example.com", smtplib.SMTPResponseException(554, b"Rejected"))

    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert WorkflowActionLog.objects.get(execution=execution, step_order=2).status == "failed"
    assert queue.alerts == [execution.pk]


# --- call_integration -----------------------------------------------------------------------


def test_call_integration_sends_the_request_and_logs_the_answer(
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
                "action_config": {
                    "integration_id": integration.pk,
                    "method": "PUT",
                    "path": "/status",
                    "body": "done {{ arbeidsflyt }}",
                },
            }
        ],
        name="Synk",
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert execution.status == Status.COMPLETED
    assert loopback_http.requests == [("PUT", "/api/status", b"done Synk")]
    row = WorkflowActionLog.objects.get(execution=execution)
    assert row.result_data == {"method": "PUT", "path": "/status", "status": 200, "bytes": 12}


def test_every_variable_the_editor_offers_for_a_body_is_filled_in(
    clock, queue, loopback_http, make_workflow, start_execution
) -> None:
    """The editor page offers ``CallIntegration.variables``; each is one the step fills."""
    integration = integration_create(
        name="ERP",
        base_url=loopback_http.base_url,
        auth_type=Integration.AuthType.NONE,
        credentials={},
        headers=None,
        created_by=None,
        test_connection=False,
    )
    body = {name: "{{ " + name + " }}" for name in CallIntegration.variables}
    assert body  # the editor has something to offer
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "call_integration",
                "action_config": {
                    "integration_id": integration.pk,
                    "method": "POST",
                    "path": "/sync",
                    "body": body,
                },
            }
        ],
        name="Synk",
    )

    execution = run_to_the_end(start_execution(workflow), queue)

    assert execution.status == Status.COMPLETED
    [(_method, _path, sent)] = loopback_http.requests
    filled = json.loads(sent)
    assert set(filled) == set(CallIntegration.variables)
    assert not [value for value in filled.values() if "{{" in value]
    assert filled["arbeidsflyt"] == "Synk"
