"""Deciding about an unknown email with real peers: the resend goes through Django's SMTP
backend to a real SMTP server on loopback (aiosmtpd), and two decisions made at the same
moment in two database connections end with exactly one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, connections

from executions import decisions
from executions.message_ids import message_id, resend_message_id
from executions.models import EmailDecision, WorkflowActionLog
from executions.steps.send_email.gate import DJANGO_SMTP_BACKEND
from tests.executions.test_email_gate import _free_port
from tests.executions.test_email_step import (
    WorkerKilled,
    email_run,  # noqa: F401 (a fixture)
    send_batch,
)

pytestmark = pytest.mark.django_db(transaction=True)

LogStatus = WorkflowActionLog.Status


class Sink:
    """Takes every message and keeps it whole (envelope and data)."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.messages: list[tuple[list[str], bytes]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


@pytest.fixture
def sink() -> Iterator[Sink]:
    server = Sink()
    controller = Controller(server, hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


def staff(name: str = "staff-person") -> User:
    person = User.objects.create_user(username=name, password="x")
    person.groups.add(Group.objects.get_or_create(name="staff")[0])
    return person


@pytest.fixture
def unknown(email_run, queue, mail_backend, clock, sink, settings):  # noqa: F811 (the fixture)
    """A completed run whose kunde1 email's outcome was lost; from now on mail goes to the
    SMTP sink."""
    run = email_run(3)

    def killed(address: str) -> None:
        if address == "kunde1@example.com":
            raise WorkerKilled

    mail_backend.before_send = killed
    with pytest.raises(WorkerKilled):
        send_batch(run.execution.pk, 1, run.ids)
    mail_backend.before_send = None
    queue.drain()
    clock.advance(seconds=decisions.settle_seconds() + 1)
    settings.EMAIL_BACKEND = DJANGO_SMTP_BACKEND
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    run.log = WorkflowActionLog.objects.get(execution=run.execution, target_id=run.ids[1])
    assert run.log.status == LogStatus.UNKNOWN
    return run


def test_the_resend_reaches_the_smtp_server_with_a_new_message_id_referencing_the_first(
    unknown, sink: Sink
) -> None:
    decisions.email_resend(log=unknown.log, by=staff())

    [(recipients, data)] = sink.messages
    assert recipients == ["kunde1@example.com"]
    message = message_from_bytes(data)
    first = message_id(unknown.execution.pk, 1, unknown.ids[1])
    new = resend_message_id(unknown.execution.pk, 1, unknown.ids[1], 1)
    assert message["Message-ID"] == new
    assert message["References"] == first
    assert message["In-Reply-To"] is None  # not a reply: a copy of an email that may be lost
    assert message["To"] == "kunde1@example.com"
    assert message.is_multipart()  # the text and the HTML part, as the first time
    unknown.log.refresh_from_db()
    assert unknown.log.status == LogStatus.SUCCESS
    assert unknown.log.result_data["message_id"] == new


def test_a_resend_the_server_refuses_to_connect_to_fails_it(unknown, settings) -> None:
    settings.EMAIL_PORT = _free_port()  # nobody listens there
    decisions.email_resend(log=unknown.log, by=staff())
    unknown.log.refresh_from_db()
    assert unknown.log.status == LogStatus.FAILED
    assert unknown.log.error_message


def _at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released together; each result or the exception raised."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize(
    "services",
    [
        ("email_resend", "email_resend"),
        ("email_mark_delivered", "email_resend"),
        ("email_mark_delivered", "email_mark_delivered"),
    ],
)
def test_two_decisions_at_once_end_with_one(unknown, sink: Sink, services) -> None:
    people = [staff("first"), staff("second")]
    results = _at_once(
        *(
            (lambda s=service, p=person: getattr(decisions, s)(log=unknown.log.pk, by=p))
            for service, person in zip(services, people, strict=True)
        )
    )

    won = [r for r in results if isinstance(r, EmailDecision)]
    lost = [r for r in results if isinstance(r, decisions.DecisionError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert lost[0].code == "already_decided"
    assert EmailDecision.objects.filter(action_log=unknown.log).count() == 1
    resent = won[0].decision == EmailDecision.Decision.RESENT
    assert len(sink.messages) == (1 if resent else 0)
    unknown.log.refresh_from_db()
    assert unknown.log.status == LogStatus.SUCCESS


def test_the_database_refuses_a_second_decision_for_the_same_message_id(unknown) -> None:
    mid = message_id(unknown.execution.pk, 1, unknown.ids[1])
    fields = {"action_log": unknown.log, "execution": unknown.execution, "message_id": mid}
    EmailDecision.objects.create(decision="marked_delivered", **fields)
    with pytest.raises(IntegrityError):
        EmailDecision.objects.create(decision="resent", **fields)
