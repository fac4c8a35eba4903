"""The send_email step in process: claims, at-most-once delivery, headers, one connection per
batch, transient and permanent failures, and the one alert per failed execution.

Email goes to Django's locmem backend through ``RecordingBackend`` (conftest), which counts
connections and raises SMTP errors for chosen addresses the way the SMTP backend would.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings

from automation.models import WorkflowStep
from customers.models import Customer
from executions import alerts, engine
from executions.errors import RetryLater
from executions.message_ids import message_id
from executions.models import Installation, WorkflowActionLog, WorkflowExecution
from executions.steps.send_email import sending
from executions.store.postgresql import COPY_FIELDS
from templates_app.models import EmailTemplate
from templates_app.services import email_address_suppress
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory


def send_batch(execution_id: int, step_order: int, ids: list[int]) -> None:
    """An email batch as a worker does it: the batch, then the engine's check for the end."""
    engine.run_step_work(execution_id, step_order, "send_email", ids)


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("transitions_are_complete", "each_store"),
]

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status


class WorkerKilled(BaseException):
    """Stands in for SIGKILL: nothing in the engine catches it, as nothing survives a kill."""


@dataclass
class EmailRun:
    execution: WorkflowExecution
    customers: list[Customer]
    template: EmailTemplate

    @property
    def ids(self) -> list[int]:
        return [c.pk for c in self.customers]

    def statuses(self) -> dict[str, str]:
        rows = WorkflowActionLog.objects.filter(
            execution=self.execution, step_order=1, action_type="send_email"
        )
        emails = {c.pk: c.email for c in Customer.objects.all()}
        return {emails[row.target_id]: row.status for row in rows}

    def refresh(self) -> WorkflowExecution:
        self.execution.refresh_from_db()
        return self.execution


@pytest.fixture
def email_run(clock, queue, mail_backend, make_workflow, start_execution) -> Any:
    """A started one-step email workflow (plus a report step after it), prepared by the
    engine: every recipient claimed as `pending`, batches recorded but not yet sent."""

    def make(
        count: int = 3,
        *,
        max_retries: int = 3,
        action: dict[str, Any] | None = None,
        template_name: str = "Bestillingsskjema",
    ) -> EmailRun:
        template = EmailTemplateFactory(name=template_name)
        customers = [
            CustomerFactory(name=f"Kunde {i}", email=f"kunde{i}@example.com") for i in range(count)
        ]
        workflow = make_workflow(
            [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "max_retries": max_retries,
                    "action_config": {
                        "template_id": template.pk,
                        "recipients": {"group": "all"},
                        **(action or {}),
                    },
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
        return EmailRun(execution=execution, customers=customers, template=template)

    return make


def test_the_step_claims_every_recipient_before_sending_anything(email_run, queue) -> None:
    run = email_run(3)

    assert run.statuses() == {f"kunde{i}@example.com": LogStatus.PENDING for i in range(3)}
    assert queue.email_batches == [(run.execution.pk, 1, run.ids)]
    assert run.refresh().context["awaiting_step"] == 1


def test_claimed_rows_hold_the_step_the_recipient_and_the_template(email_run) -> None:
    run = email_run(2)

    rows = WorkflowActionLog.objects.filter(execution=run.execution, action_type="send_email")
    step = run.execution.definition_snapshot["steps"][0]
    emails = {c.pk: c.email for c in run.customers}
    for row in rows:
        assert (row.step_id, row.step_order, row.target_type) == (step.get("id"), 1, "customer")
        assert row.result_data == {"email": emails[row.target_id], "template": "Bestillingsskjema"}
        assert (row.attempts, row.error_message) == (0, "")
        assert row.performed_at == row.updated_at is not None
    assert sorted(rows.values_list("target_id", flat=True)) == run.ids


def test_claimed_rows_keep_any_text_as_it_was_written(email_run) -> None:
    # On PostgreSQL the rows go in as COPY's text format, in which tabs, newlines and
    # backslashes have meanings of their own (and \N is NULL).
    name = 'Tilbud\tuke 49\nÆØÅ "æøå" \\N C:\\mal \\\\ \u2603'
    run = email_run(2, template_name=name)

    rows = WorkflowActionLog.objects.filter(execution=run.execution, action_type="send_email")
    assert [row.result_data["template"] for row in rows] == [name, name]
    assert rows.filter(result_data__template=name).count() == 2  # as JSON in the database too


def test_copy_fields_are_every_column_of_the_action_log() -> None:
    # On PostgreSQL the first run of a step copies its rows in column by column: a new field
    # must be added there too.
    fields = {f.name for f in WorkflowActionLog._meta.concrete_fields if not f.primary_key}
    assert set(COPY_FIELDS) == fields
    assert len(COPY_FIELDS) == len(fields)


def test_preparing_the_step_again_keeps_every_claim_it_has(email_run, queue) -> None:
    run = email_run(3)
    sent, *rest = run.customers
    WorkflowActionLog.objects.filter(execution=run.execution, target_id=sent.pk).update(
        status=LogStatus.SUCCESS
    )
    batches_before = len(queue.email_batches)

    ctx = engine.StepContext(
        execution=run.refresh(),
        step=run.execution.definition_snapshot["steps"][0],
        now=run.execution.created_at,
    )
    prepared = sending.prepare_step(ctx, ctx.step["action_config"])

    assert prepared.pending == [c.pk for c in rest]
    assert queue.email_batches[batches_before:] == [(run.execution.pk, 1, [c.pk for c in rest])]
    assert run.statuses()[sent.email] == LogStatus.SUCCESS
    assert WorkflowActionLog.objects.filter(execution=run.execution, step_order=1).count() == 3


def test_batches_follow_the_batch_size(email_run, queue, settings) -> None:
    settings.WORKFLOW_EMAIL_BATCH_SIZE = 2
    run = email_run(5)

    assert [ids for _e, _s, ids in queue.email_batches] == [run.ids[:2], run.ids[2:4], run.ids[4:]]


def test_a_long_step_ends_in_quarter_batches(email_run, queue, settings) -> None:
    # More than four batches: the last two batches' worth goes in quarter batches, so that the
    # worker that finishes last waits for a short batch, not a whole one.
    settings.WORKFLOW_EMAIL_BATCH_SIZE = 8
    run = email_run(40)

    batches = [ids for _e, _s, ids in queue.email_batches]
    assert [len(ids) for ids in batches] == [8, 8, 8] + [2] * 8
    assert [c for ids in batches for c in ids] == run.ids


def test_a_redelivered_batch_never_emails_anyone_twice(email_run, queue, mailoutbox) -> None:
    run = email_run(3)
    a, b, c = run.ids

    # A first delivery got through two customers before its worker was lost...
    send_batch(run.execution.pk, 1, [a, b])
    # ...then the whole batch is delivered again, twice.
    send_batch(run.execution.pk, 1, [a, b, c])
    send_batch(run.execution.pk, 1, [a, b, c])

    assert sorted(m.to[0] for m in mailoutbox) == [f"kunde{i}@example.com" for i in range(3)]
    assert set(run.statuses().values()) == {LogStatus.SUCCESS}
    assert run.refresh().current_step == 2


def test_a_send_interrupted_by_a_crash_is_marked_unknown_and_never_resent(
    email_run, queue, mail_backend, mailoutbox
) -> None:
    run = email_run(3)

    def killed_while_sending_to_kunde1(address: str) -> None:
        if address == "kunde1@example.com":
            raise WorkerKilled

    mail_backend.before_send = killed_while_sending_to_kunde1
    with pytest.raises(WorkerKilled):
        send_batch(run.execution.pk, 1, run.ids)
    assert run.statuses() == {
        "kunde0@example.com": LogStatus.SUCCESS,
        "kunde1@example.com": LogStatus.UNKNOWN,  # did the server get it? nobody knows
        "kunde2@example.com": LogStatus.PENDING,
    }

    # The broker redelivers the batch to a fresh worker.
    mail_backend.before_send = None
    queue.drain()

    customers = [m for m in mailoutbox if m.to != [a for _n, a in settings.ADMINS]]
    assert sorted(m.to[0] for m in customers) == ["kunde0@example.com", "kunde2@example.com"]
    assert run.statuses()["kunde1@example.com"] == LogStatus.UNKNOWN
    assert run.refresh().status == Status.COMPLETED
    # Completed, but someone has to look at the mail server's log: one alert, naming the
    # Message-ID to look for.
    alert = [m for m in mailoutbox if m.to == [a for _n, a in settings.ADMINS]]
    assert len(alert) == 1
    assert "ukjent utfall" in alert[0].subject  # in the site's language
    assert message_id(run.execution.pk, 1, run.ids[1]) in alert[0].body
    assert alerts.alert_failed_execution(run.execution.pk) is False  # once only


def test_unknown_outcomes_are_counted_in_the_admin_alert(
    email_run, queue, mail_backend, mailoutbox
) -> None:
    run = email_run(3)
    # kunde0's send was lost in a crash; kunde2's address does not exist.
    WorkflowActionLog.objects.filter(execution=run.execution, target_id=run.ids[0]).update(
        status=LogStatus.UNKNOWN
    )
    mail_backend.fail(
        "kunde2@example.com",
        smtplib.SMTPRecipientsRefused({"kunde2@example.com": (550, b"5.1.1 No such user")}),
    )

    queue.drain()

    assert run.refresh().status == Status.FAILED
    alert = [m for m in mailoutbox if m.to == [a for _n, a in settings.ADMINS]]
    assert len(alert) == 1
    assert "Feilede handlinger: 1" in alert[0].body
    assert "Ukjent utfall (ikke sendt på nytt): 1" in alert[0].body
    assert "kunde0@example.com" not in [m.to[0] for m in mailoutbox]


def test_message_id_is_derived_from_execution_step_and_customer(
    email_run, queue, mailoutbox
) -> None:
    run = email_run(2)
    queue.drain()

    pk = run.execution.pk
    key = Installation.objects.get().key
    by_address = {m.to[0]: m for m in mailoutbox}
    for customer in run.customers:
        expected = f"<wf-{key}.{pk}.1.{customer.pk}@nordgrossisten.example>"
        message = by_address[customer.email]
        assert message.message()["Message-ID"] == expected
        row = WorkflowActionLog.objects.get(
            execution=run.execution, target_type="customer", target_id=customer.pk
        )
        assert row.result_data["message_id"] == expected
    assert message_id(pk, 1, run.ids[0]) == f"<wf-{key}.{pk}.1.{run.ids[0]}@nordgrossisten.example>"


def test_every_message_carries_one_click_unsubscribe_headers(email_run, queue, mailoutbox) -> None:
    email_run(3)
    queue.drain()

    assert len(mailoutbox) == 3
    for message in mailoutbox:
        mime = message.message()
        assert mime["List-Unsubscribe"].startswith("<http")
        assert mime["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # The same link is in the body, so a reader without the button can leave too.
        link = mime["List-Unsubscribe"].strip("<>")
        assert link in message.alternatives[0][0]


def test_message_has_the_rendered_template_and_step_addresses(email_run, queue, mailoutbox) -> None:
    email_run(1, action={"from_email": "salg@example.com", "reply_to": "svar@example.com"})
    queue.drain()

    (message,) = mailoutbox
    assert message.subject == "Hei Kunde 0"
    assert message.from_email == "salg@example.com"
    assert message.reply_to == ["svar@example.com"]
    assert "Hei Kunde 0!" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<p>Hei Kunde 0!</p>" in html


def test_a_batch_sends_over_one_connection(email_run, queue, mail_backend, mailoutbox) -> None:
    run = email_run(4)
    mail_backend.reset_counts()

    send_batch(run.execution.pk, 1, run.ids)

    assert len(mailoutbox) == 4
    assert (mail_backend.connections, mail_backend.opens) == (1, 1)


def test_unsubscribed_customers_still_get_transactional_email(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    confirmation = EmailTemplateFactory(category=EmailTemplate.Category.CONFIRMATION)
    marketing = EmailTemplateFactory(category=EmailTemplate.Category.BESTILLING)
    CustomerFactory(email="left@example.com", unsubscribed_at=clock.now)
    workflow = make_workflow(
        [
            {
                "step_order": order,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
            }
            for order, template in ((1, confirmation), (2, marketing))
        ]
    )
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)
    queue.drain()

    assert [m.to for m in mailoutbox] == [["left@example.com"]]
    logs = dict(
        WorkflowActionLog.objects.filter(execution=execution).values_list("step_order", "status")
    )
    assert logs == {1: LogStatus.SUCCESS, 2: LogStatus.SKIPPED}


# --- Failures -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        smtplib.SMTPResponseException(451, b"4.7.1 Try again later"),
    ],
    ids=["disconnected", "451"],
)
def test_a_transient_error_leaves_the_customer_pending_and_asks_for_a_retry(
    email_run, queue, mail_backend, mailoutbox, error: Exception
) -> None:
    run = email_run(3)
    mail_backend.fail("kunde1@example.com", error)

    with pytest.raises(RetryLater) as retry:
        send_batch(run.execution.pk, 1, run.ids)

    assert retry.value.countdown > 0
    assert run.statuses() == {
        "kunde0@example.com": LogStatus.SUCCESS,
        "kunde1@example.com": LogStatus.PENDING,
        "kunde2@example.com": LogStatus.SUCCESS,
    }
    row = WorkflowActionLog.objects.get(execution=run.execution, target_id=run.ids[1])
    assert row.attempts == 1
    assert row.error_message
    assert run.refresh().status == Status.RUNNING  # the step is not done yet

    # The task's retry delivers the same batch again: only kunde1 is sent to.
    send_batch(run.execution.pk, 1, run.ids)

    assert sorted(m.to[0] for m in mailoutbox) == [f"kunde{i}@example.com" for i in range(3)]
    assert run.refresh().status == Status.QUEUED
    assert run.execution.current_step == 2


def test_a_transient_error_that_persists_fails_the_customer_after_max_retries(
    email_run, queue, mail_backend, mailoutbox
) -> None:
    run = email_run(2, max_retries=2)
    mail_backend.fail(
        "kunde0@example.com", smtplib.SMTPResponseException(451, b"4.3.0 Busy"), times=10
    )

    for _attempt in range(2):  # the first try and one retry...
        with pytest.raises(RetryLater):
            send_batch(run.execution.pk, 1, run.ids)
    send_batch(run.execution.pk, 1, run.ids)  # ...and the second, last, retry

    row = WorkflowActionLog.objects.get(execution=run.execution, target_id=run.ids[0])
    assert (row.status, row.attempts) == (LogStatus.FAILED, 3)
    assert "451" in row.error_message
    assert [m.to[0] for m in mailoutbox] == ["kunde1@example.com"]
    execution = run.refresh()
    assert execution.status == Status.FAILED
    assert execution.current_step == 1
    assert queue.alerts == [execution.pk]


def test_a_permanent_5xx_fails_the_customer_at_once_and_the_execution_when_the_step_is_done(
    email_run, queue, mail_backend, mailoutbox
) -> None:
    run = email_run(3)
    mail_backend.fail(
        "kunde1@example.com",
        smtplib.SMTPRecipientsRefused({"kunde1@example.com": (550, b"5.1.1 No such user")}),
    )

    send_batch(run.execution.pk, 1, run.ids)  # no RetryLater: nothing to retry

    row = WorkflowActionLog.objects.get(execution=run.execution, target_id=run.ids[1])
    assert (row.status, row.attempts) == (LogStatus.FAILED, 1)
    assert "No such user" in row.error_message
    assert sorted(m.to[0] for m in mailoutbox) == ["kunde0@example.com", "kunde2@example.com"]
    execution = run.refresh()
    assert execution.status == Status.FAILED
    assert execution.error_message == "Step 1: 1 action failed"
    assert (execution.error_code, execution.error_params) == (
        "step.actions_failed",
        {"step": 1, "count": 1},
    )
    assert execution.current_step == 1
    assert queue.alerts == [execution.pk]


def test_a_failed_execution_alerts_the_admins_exactly_once(
    email_run, queue, mail_backend, mailoutbox
) -> None:
    run = email_run(1)
    mail_backend.fail(
        "kunde0@example.com",
        smtplib.SMTPRecipientsRefused({"kunde0@example.com": (550, b"5.1.1 No such user")}),
    )
    queue.drain(kinds=("email",))
    assert queue.alerts == [run.execution.pk]

    # The alert task delivered three times (redelivery, a manual re-run...).
    sent = [alerts.alert_failed_execution(run.execution.pk) for _ in range(3)]

    assert sent == [True, False, False]
    admin_mail = [m for m in mailoutbox if m.to == [address for _n, address in settings.ADMINS]]
    assert len(admin_mail) == 1
    assert f"(#{run.execution.pk})" in admin_mail[0].subject
    assert "kunde0" not in admin_mail[0].to[0]
    assert run.refresh().alerted_at is not None


def test_an_alert_that_cannot_be_sent_is_released_for_the_next_try(
    email_run, queue, mail_backend, mailoutbox
) -> None:
    run = email_run(1)
    mail_backend.fail(
        "kunde0@example.com",
        smtplib.SMTPRecipientsRefused({"kunde0@example.com": (550, b"5.1.1 No such user")}),
    )
    queue.drain(kinds=("email",))
    admin = settings.ADMINS[0][1]
    mail_backend.fail(admin, smtplib.SMTPServerDisconnected("down"))

    with pytest.raises(smtplib.SMTPServerDisconnected):
        alerts.alert_failed_execution(run.execution.pk)
    assert run.refresh().alerted_at is None

    assert alerts.alert_failed_execution(run.execution.pk) is True
    assert len([m for m in mailoutbox if m.to == [admin]]) == 1


def test_a_missing_template_fails_the_step_permanently(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
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
    execution = start_execution(workflow)
    # The template went away after the run started (the snapshot still names it).
    WorkflowStep.objects.filter(workflow=workflow).update(template=None)
    template.delete()

    engine.run_execution(execution.pk)

    execution.refresh_from_db()
    assert execution.status == Status.FAILED
    assert "email template not found" in execution.error_message
    assert "retries" not in execution.error_message
    assert execution.context.get("attempts", {}) == {}
    assert queue.email_batches == []
    assert queue.alerts == [execution.pk]
    assert mailoutbox == []


def test_a_template_deleted_between_claim_and_batch_fails_the_claimed_customers(
    email_run, queue, mailoutbox
) -> None:
    run = email_run(2)
    WorkflowStep.objects.update(template=None)
    run.template.delete()

    queue.drain(kinds=("email",))

    assert set(run.statuses().values()) == {LogStatus.FAILED}
    row = WorkflowActionLog.objects.filter(execution=run.execution).first()
    assert "email template not found" in row.error_message
    assert run.refresh().status == Status.FAILED
    assert mailoutbox == []
    assert queue.alerts == [run.execution.pk]


def test_a_customer_who_unsubscribes_after_the_claim_is_skipped_at_send_time(
    email_run, queue, mailoutbox, clock
) -> None:
    run = email_run(3)
    # While the batch waits in the queue (or in a retry's backoff), one customer unsubscribes
    # and another's address bounces elsewhere.
    Customer.objects.filter(email="kunde0@example.com").update(unsubscribed_at=clock.now)
    email_address_suppress(email="kunde2@example.com", reason="hard bounce")

    queue.drain()

    assert [m.to[0] for m in mailoutbox] == ["kunde1@example.com"]
    rows = {
        row.result_data["email"]: (row.status, row.result_data.get("reason"))
        for row in WorkflowActionLog.objects.filter(execution=run.execution, step_order=1)
    }
    assert rows == {
        "kunde0@example.com": (LogStatus.SKIPPED, "unsubscribed"),
        "kunde1@example.com": (LogStatus.SUCCESS, None),
        "kunde2@example.com": (LogStatus.SKIPPED, "address suppressed (hard bounce)"),
    }
    assert run.refresh().status == Status.COMPLETED
