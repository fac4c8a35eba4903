"""The claim as a gate before DATA (executions/steps/send_email/gate.py), with Django's SMTP
backend, a real SMTP server on loopback (aiosmtpd) and PostgreSQL.

The claim's statement is on its way to the database while the backend says MAIL FROM and
RCPT TO; the message's data goes out only once the claim is committed. Checked from the
server's side: when a message is accepted, its customer's row is already claimed in the
database, and a refused claim leaves nothing delivered, with the connection still good for
the next customer.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope, Session
from django.core.mail import EmailMessage
from django.core.mail.message import sanitize_address
from django.db import DatabaseError, connection

from customers.models import Customer
from executions import engine
from executions.engine import step_work_finished
from executions.errors import RetryLater
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.steps.send_email.gate import (
    DJANGO_SMTP_BACKEND,
    GatedEmailBackend,
    GatedSMTP,
    batch_connection,
)
from tests.executions.test_email_step import email_run  # noqa: F401 (a fixture)


def send_batch(execution_id: int, step_order: int, ids: list[int]) -> None:
    """An email batch as a worker does it: the batch, then the engine's check for the end."""
    engine.run_step_work(execution_id, step_order, "send_email", ids)


pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the gate is used on PostgreSQL only"
    ),
]

LogStatus = WorkflowActionLog.Status


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """Accepts every message, noting the claim row's status at the moment of acceptance."""

    def __init__(self, dsn: str) -> None:
        self.port = _free_port()
        self.lock = threading.Lock()
        self.accepted: list[tuple[str, str, int]] = []  # (recipient, row status, attempts)
        self.transactions = 0  # MAIL FROM commands: transactions started
        self.connections = 0
        self.refuse_rcpt: dict[str, str] = {}
        self.drop_after_data: set[str] = set()  # take the data, then hang up without a reply
        self.refuse_data: dict[str, str] = {}  # recipient -> the answer to its data
        self.on_rcpt: dict[str, str] = {}  # recipient -> SQL to run when it is named
        #: recipient -> (set when its data arrives, the data is answered once this is set)
        self.hold_data: dict[str, tuple[threading.Event, threading.Event]] = {}
        self._db = psycopg.connect(dsn, autocommit=True)

    async def handle_EHLO(
        self, server: Any, session: Session, envelope: Envelope, hostname, responses
    ):
        with self.lock:
            self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server: Any, session: Session, envelope: Envelope, address, opts):
        with self.lock:
            self.transactions += 1
        envelope.mail_from = address
        envelope.mail_options.extend(opts)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Session, envelope: Envelope, address, opts):
        if address in self.on_rcpt:
            self._db.execute(self.on_rcpt[address])
        if address in self.refuse_rcpt:
            return self.refuse_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        recipient = envelope.rcpt_tos[0]
        row = self._db.execute(
            "SELECT status, attempts FROM executions_workflowactionlog"
            " WHERE action_type = 'send_email' AND result_data->>'email' = %s",
            [recipient],
        ).fetchone()
        with self.lock:
            self.accepted.append((recipient, *row))
        if recipient in self.hold_data:
            reached, release = self.hold_data[recipient]
            reached.set()
            while not release.is_set():
                await asyncio.sleep(0.01)
        if recipient in self.drop_after_data:
            server.transport.close()
        if recipient in self.refuse_data:
            return self.refuse_data[recipient]
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self.lock:
            return [recipient for recipient, _, _ in self.accepted]


@pytest.fixture
def smtp(settings: Any) -> Iterator[Server]:
    db = connection.settings_dict
    server = Server(
        f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} dbname={db['NAME']}"
        f" user={db['USER']}" + (f" password={db['PASSWORD']}" if db.get("PASSWORD") else "")
    )
    controller = Controller(server, hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
        server._db.close()


@pytest.fixture
def smtp_run(email_run, smtp: Server, settings: Any):  # noqa: F811 (the imported fixture)
    """``email_run`` sending through Django's SMTP backend to ``smtp``."""

    def make(count: int = 3, **kwargs: Any):
        run = email_run(count, **kwargs)
        settings.EMAIL_BACKEND = DJANGO_SMTP_BACKEND
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = smtp.port
        return run

    return make


def test_the_smtp_backend_is_gated_and_others_are_used_as_configured(settings) -> None:
    settings.EMAIL_BACKEND = DJANGO_SMTP_BACKEND
    assert isinstance(batch_connection(), GatedEmailBackend)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert not isinstance(batch_connection(), GatedEmailBackend)


def test_the_envelope_names_each_messages_own_sender() -> None:
    # The sender is parsed once per address, not once per message: a batch alternating
    # between senders still gets each one's own, as Django's backend would send it.
    backend = GatedEmailBackend()
    senders = [
        "Grossisten Øst AS <ordre@grossisten.example>",
        "ordre@bær.example",  # an internationalized domain: punycode in the envelope
        "Grossisten Øst AS <ordre@grossisten.example>",
        "salg@grossisten.example",
    ]
    envelopes = [
        backend.envelope(EmailMessage("Hei", "Tekst", from_email=s, to=["kunde@butikk.example"]))
        for s in senders
    ]
    assert [e.from_email for e in envelopes] == [sanitize_address(s, "utf-8") for s in senders]
    assert envelopes[1].from_email == "ordre@xn--br-1ia.example"


def test_every_message_is_accepted_only_after_its_customer_is_claimed(smtp_run, smtp) -> None:
    run = smtp_run(12)
    send_batch(run.execution.pk, 1, run.ids)

    assert sorted(smtp.recipients()) == sorted(c.email for c in run.customers)
    # At the moment the server took each message, its row was claimed (unknown, one attempt):
    # never pending, so a crash at that moment could not lead to a second send.
    assert {(status, attempts) for _, status, attempts in smtp.accepted} == {(LogStatus.UNKNOWN, 1)}
    assert set(run.statuses().values()) == {LogStatus.SUCCESS}


def test_a_refused_claim_resets_the_transaction_and_the_batch_goes_on(smtp_run, smtp) -> None:
    run = smtp_run(4)
    first, taken = run.customers[0], run.customers[1]
    # While the first message is on its way, another delivery of this batch sends to the
    # second customer: pending when the batch started, no longer pending when claimed.
    smtp.on_rcpt = {
        first.email: "UPDATE executions_workflowactionlog SET status = 'success'"
        f" WHERE action_type = 'send_email' AND target_id = {taken.pk}"
    }

    send_batch(run.execution.pk, 1, run.ids)

    assert taken.email not in smtp.recipients()
    assert sorted(smtp.recipients()) == sorted(c.email for c in run.customers if c != taken)
    # Its transaction was started (MAIL FROM) and reset, and the same connection went on.
    assert smtp.transactions == 4
    assert smtp.connections == 1


def test_a_pause_before_the_claim_stops_the_batch_with_nothing_delivered(smtp_run, smtp) -> None:
    run = smtp_run(3)
    WorkflowExecution.objects.filter(pk=run.execution.pk).update(
        status=WorkflowExecution.Status.PAUSED
    )

    send_batch(run.execution.pk, 1, run.ids)

    assert smtp.recipients() == []
    assert set(run.statuses().values()) == {LogStatus.PENDING}


def _assert_tried_once_and_failed_with(run: Any, code: str) -> None:
    """Every customer was claimed once (a refusal is never retried within the batch), and the
    one failed for good says the server's code."""
    rows = WorkflowActionLog.objects.filter(execution=run.execution, action_type="send_email")
    assert set(rows.values_list("attempts", flat=True)) == {1}
    assert code in rows.get(status=LogStatus.FAILED).error_message


def test_a_recipient_refused_before_data_settles_the_claim(smtp_run, smtp) -> None:
    run = smtp_run(3)
    refused, deferred = run.customers[0].email, run.customers[1].email
    smtp.refuse_rcpt = {refused: "550 No such user", deferred: "451 Try again later"}

    with pytest.raises(RetryLater):
        send_batch(run.execution.pk, 1, run.ids)

    assert smtp.recipients() == [run.customers[2].email]
    statuses = run.statuses()
    assert statuses == {
        refused: LogStatus.FAILED,
        deferred: LogStatus.PENDING,
        run.customers[2].email: LogStatus.SUCCESS,
    }
    _assert_tried_once_and_failed_with(run, "550")


def test_a_message_that_cannot_be_built_after_its_claim_settles_the_claim(smtp_run, smtp) -> None:
    # Gated, the claim goes out before the message is built: a message that cannot be built
    # (here an address that would inject a header) must settle that claim, with no SMTP
    # transaction for it, and the batch goes on.
    run = smtp_run(3)
    broken = run.customers[1]
    Customer.objects.filter(pk=broken.pk).update(email="kunde1@example.com\nBcc: spy@example.com")

    with pytest.raises(RetryLater):  # not a permanent error: retried like a failed send
        send_batch(run.execution.pk, 1, run.ids)

    assert smtp.recipients() == [run.customers[0].email, run.customers[2].email]
    assert smtp.transactions == 2
    row = WorkflowActionLog.objects.get(
        execution=run.execution, action_type="send_email", target_id=broken.pk
    )
    assert (row.status, row.attempts) == (LogStatus.PENDING, 1)
    assert "Invalid address" in row.error_message
    assert connection.connection is not None  # the claim was read, not abandoned


def test_data_sent_without_an_answer_leaves_the_outcome_unknown(smtp_run, smtp) -> None:
    run = smtp_run(3)
    lost = run.customers[1].email
    smtp.drop_after_data = {lost}

    send_batch(run.execution.pk, 1, run.ids)

    # The server may have taken it: not retried, not resent; the others go out as usual over
    # a new connection.
    assert run.statuses() == {
        run.customers[0].email: LogStatus.SUCCESS,
        lost: LogStatus.UNKNOWN,
        run.customers[2].email: LogStatus.SUCCESS,
    }
    assert sorted(smtp.recipients()) == sorted(c.email for c in run.customers)


def test_data_answered_with_an_error_settles_that_customer_and_the_batch_goes_on(
    smtp_run, smtp
) -> None:
    # The server takes the data and then refuses it: nothing was accepted, so the claim is
    # settled like a refusal before DATA (failed for good on 5xx, pending again on 4xx).
    run = smtp_run(5)
    rejected, deferred, closing = (c.email for c in run.customers[1:4])
    smtp.refuse_data = {
        rejected: "554 Message rejected",
        deferred: "451 Try again later",
        closing: "421 Closing the connection",
    }
    with pytest.raises(RetryLater):
        send_batch(run.execution.pk, 1, run.ids)

    assert run.statuses() == {
        run.customers[0].email: LogStatus.SUCCESS,
        rejected: LogStatus.FAILED,
        deferred: LogStatus.PENDING,
        closing: LogStatus.PENDING,
        run.customers[4].email: LogStatus.SUCCESS,
    }
    _assert_tried_once_and_failed_with(run, "554")
    # A 421 closes the connection; the last customer went out over a new one.
    assert smtp.connections == 2


def test_a_batch_finds_each_of_its_customers_and_notes_who_is_gone(smtp_run, smtp) -> None:
    run = smtp_run(4)
    gone = run.customers[2]
    Customer.objects.filter(pk=gone.pk).delete()  # after the step was prepared
    # Without statistics on the table (customers just imported) a plain IN reads every row;
    # the batch looks each customer up by its key instead, and must still find the right one.
    Customer.objects.filter(pk=run.customers[1].pk).update(name="Kafé Nord")

    send_batch(run.execution.pk, 1, run.ids)

    rows = {
        row.target_id: row
        for row in WorkflowActionLog.objects.filter(
            execution=run.execution, action_type="send_email"
        )
    }
    assert rows[gone.pk].status == LogStatus.FAILED
    assert rows[gone.pk].error_message == "customer no longer exists"
    assert sorted(smtp.recipients()) == sorted(c.email for c in run.customers if c != gone)
    subjects = {pk: row.result_data.get("subject") for pk, row in rows.items() if pk != gone.pk}
    assert subjects == {
        run.customers[0].pk: "Hei Kunde 0",
        run.customers[1].pk: "Hei Kafé Nord",
        run.customers[3].pk: "Hei Kunde 3",
    }


class WorkerKilled(BaseException):
    """Nothing in the engine catches it, as nothing survives a kill."""


def test_leaving_with_a_claim_unread_closes_the_database_connection(
    smtp_run, smtp, monkeypatch
) -> None:
    run = smtp_run(2)

    def killed(self, *args, **kwargs):
        raise WorkerKilled

    monkeypatch.setattr(GatedSMTP, "rcpt", killed)  # the claim is on its way, unread

    with pytest.raises(WorkerKilled):
        send_batch(run.execution.pk, 1, run.ids)

    # The connection was closed rather than reused with an answer waiting in it; the next
    # query opens a new one. Nothing was delivered: the first row is `unknown` if its claim
    # committed before the connection closed (reported, never resent), `pending` if not.
    assert connection.connection is None
    assert smtp.recipients() == []
    assert run.statuses()[run.customers[0].email] in {LogStatus.UNKNOWN, LogStatus.PENDING}
    assert run.statuses()[run.customers[1].email] == LogStatus.PENDING


def test_a_claim_that_fails_in_the_database_stops_the_batch_before_data(smtp_run, smtp) -> None:
    run = smtp_run(2)
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '300ms'")
    # Someone holds the execution's row (as a pause would): the claim's share lock waits, and
    # the statement times out while the backend is already at RCPT TO.
    holder = psycopg.connect(smtp._db.info.dsn)
    holder.execute(
        "SELECT 1 FROM executions_workflowexecution WHERE id = %s FOR UPDATE", [run.execution.pk]
    )
    try:
        with pytest.raises(DatabaseError, match="statement timeout"):
            send_batch(run.execution.pk, 1, run.ids)
    finally:
        holder.rollback()
        holder.close()
        connection.close()  # drops the session's statement_timeout

    assert smtp.recipients() == []
    assert smtp.transactions == 1  # started, then reset at the gate
    assert set(run.statuses().values()) == {LogStatus.PENDING}


def test_the_claim_is_prepared_once_per_connection_and_again_if_deallocated(smtp_run, smtp) -> None:
    run = smtp_run(4)
    first, second = run.ids[:2], run.ids[2:]

    def prepared() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'wf_%'")
            return [name for (name,) in cursor.fetchall()]

    send_batch(run.execution.pk, 1, first)
    assert prepared() == ["wf_email_claim"]
    # Something resets the session between batches (a pooler's DISCARD ALL, say): the next
    # claim finds no statement, which did nothing, and is prepared and sent again.
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")

    send_batch(run.execution.pk, 1, second)

    assert prepared() == ["wf_email_claim"]
    assert sorted(smtp.recipients()) == sorted(c.email for c in run.customers)
    assert set(run.statuses().values()) == {LogStatus.SUCCESS}
    assert smtp.transactions == 4


def test_a_batch_that_is_not_the_last_leaves_without_the_executions_lock(smtp_run, smtp) -> None:
    run = smtp_run(4)
    first, rest = run.ids[:2], run.ids[2:]
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '500ms'")
    # Someone holds the execution's row (the other batches' claims take it, briefly, in turn):
    # the batch's own claims were committed before, and with customers still pending it must
    # not wait for the row only to find that it is not the last.
    send_batch(run.execution.pk, 1, first[:1])
    holder = psycopg.connect(smtp._db.info.dsn)
    holder.execute(
        "SELECT 1 FROM executions_workflowexecution WHERE id = %s FOR UPDATE", [run.execution.pk]
    )
    try:
        step_work_finished(run.execution.pk, 1)  # would time out waiting for the lock
    finally:
        holder.rollback()
        holder.close()
        connection.close()  # drops the session's lock_timeout

    send_batch(run.execution.pk, 1, first[1:] + rest)
    assert set(run.statuses().values()) == {LogStatus.SUCCESS}
    assert run.refresh().context["awaiting_step"] is None  # the last batch moved it on


def test_a_step_is_not_done_while_another_batch_is_still_sending(smtp_run, smtp) -> None:
    run = smtp_run(4)
    slow, fast = run.customers[:2], run.customers[2:]
    # The slow batch's last message is at the server: its row is claimed (`unknown`) and its
    # success is recorded only once the server answers. The other batch finishes meanwhile,
    # with no customer of the step pending.
    reached, release = threading.Event(), threading.Event()
    smtp.hold_data = {slow[-1].email: (reached, release)}
    errors: list[BaseException] = []

    def slow_batch() -> None:
        try:
            send_batch(run.execution.pk, 1, [c.pk for c in slow])
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=slow_batch)
    thread.start()
    try:
        assert reached.wait(20)
        send_batch(run.execution.pk, 1, [c.pk for c in fast])

        execution = run.refresh()
        # Not moved on as if that email's outcome were unknown (the last step would complete
        # and alert the admins about it): the slow batch moves the step on when it ends.
        assert execution.status == WorkflowExecution.Status.RUNNING
        assert execution.context["awaiting_step"] == 1
    finally:
        release.set()
        thread.join(30)
    assert not errors
    assert set(run.statuses().values()) == {LogStatus.SUCCESS}
    # The slow batch, the last to end, moved the step on (to the report step after it).
    execution = run.refresh()
    assert execution.context["awaiting_step"] is None
    assert execution.status == WorkflowExecution.Status.QUEUED
