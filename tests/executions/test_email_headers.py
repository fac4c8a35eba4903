"""The headers of customer emails as a real mail server receives them (issue 25, 5): Django's
SMTP backend, the send_email step's batch and an SMTP server on loopback (aiosmtpd).

- Message-ID: ``<wf-INSTALL.EXECUTION.STEP.CUSTOMER@domain>``, INSTALL being the
  installation's key;
- Reply-To: the step's address, else the template's, else ``DEFAULT_REPLY_TO``, else none;
- List-Unsubscribe: the one-click https link, and a ``mailto:`` beside it when
  ``UNSUBSCRIBE_MAILTO`` is set; List-Unsubscribe-Post stays.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage as MimeMessage
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.test import Client

from customers import links
from customers.models import Customer
from executions import engine
from executions.message_ids import message_id
from executions.models import Installation, WorkflowActionLog
from executions.steps.send_email.gate import DJANGO_SMTP_BACKEND
from templates_app.models import EmailTemplate
from tests.executions.test_email_step import email_run  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the SMTP path is PostgreSQL's"),
]


class Inbox:
    """An SMTP server on 127.0.0.1 that keeps every message it accepts, parsed."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.lock = threading.Lock()
        self.messages: list[MimeMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> MimeMessage:
        with self.lock:
            (message,) = [m for m in self.messages if m["To"] == address]
        return message


def unfolded(message: MimeMessage, name: str) -> str:
    """A header's value as one line (a long one comes folded over several)."""
    return " ".join(str(message[name]).split())


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    server = Inbox()
    controller = Controller(server, hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def send(email_run, inbox: Inbox, settings: Any):  # noqa: F811 (the imported fixture)
    """``send(count, template_reply_to=..., action=...)``: a one-step email run, its batch sent
    through Django's SMTP backend to ``inbox``; returns the run."""

    def run(count: int = 2, *, template_reply_to: str = "", action: dict | None = None):
        emails = email_run(count, action=action)
        EmailTemplate.objects.filter(pk=emails.template.pk).update(reply_to=template_reply_to)
        settings.EMAIL_BACKEND = DJANGO_SMTP_BACKEND
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = inbox.port
        engine.run_step_work(emails.execution.pk, 1, "send_email", emails.ids)
        assert set(emails.statuses().values()) == {WorkflowActionLog.Status.SUCCESS}
        return emails

    return run


def test_the_message_id_carries_the_installation_key(send, inbox: Inbox, settings) -> None:
    Installation.objects.update_or_create(pk=1, defaults={"key": "c0ffee123456"})
    run = send(2)

    for customer in run.customers:
        received = inbox.to(customer.email)["Message-ID"]
        assert (
            received
            == f"<wf-c0ffee123456.{run.execution.pk}.1.{customer.pk}@nordgrossisten.example>"
        )
        assert received == message_id(run.execution.pk, 1, customer.pk)
        row = WorkflowActionLog.objects.get(execution=run.execution, target_id=customer.pk)
        assert row.result_data["message_id"] == received


def test_without_a_mailbox_list_unsubscribe_is_the_one_click_link(send, inbox, settings) -> None:
    settings.UNSUBSCRIBE_MAILTO = ""
    run = send(1)

    received = inbox.to(run.customers[0].email)
    assert re.fullmatch(
        r"<https?://[^<>,]+/k/avmeld/[^<>,]+/>", unfolded(received, "List-Unsubscribe")
    )
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_mailto_alternative_follows_the_one_click_link(send, inbox, settings) -> None:
    settings.UNSUBSCRIBE_MAILTO = "avmelding@nordgrossisten.example"
    run = send(2)

    for customer in run.customers:
        received = inbox.to(customer.email)
        assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        https, mailto = re.fullmatch(
            r"<([^<>]+)>, *<([^<>]+)>", unfolded(received, "List-Unsubscribe")
        ).groups()
        assert https == links.unsubscribe_url(customer)
        parts = urlsplit(mailto)
        assert (parts.scheme, unquote(parts.path)) == ("mailto", "avmelding@nordgrossisten.example")
        word, token = parse_qs(parts.query)["subject"][0].split(" ")
        assert word == "unsubscribe"
        # The subject names exactly this customer.
        assert links.unsubscribe_verify(token) == customer

    # The https link still unsubscribes in one click (RFC 8058).
    customer = run.customers[0]
    answer = Client().post(
        urlsplit(links.unsubscribe_url(customer)).path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    assert Customer.objects.get(pk=customer.pk).unsubscribed_at is not None


@pytest.mark.parametrize(
    ("default", "template", "step", "expected"),
    [
        ("", "", None, None),
        ("svar@nordgrossisten.example", "", None, "svar@nordgrossisten.example"),
        (
            "svar@nordgrossisten.example",
            "salg@nordgrossisten.example",
            None,
            "salg@nordgrossisten.example",
        ),
        (
            "svar@nordgrossisten.example",
            "salg@nordgrossisten.example",
            "ola@nordgrossisten.example",
            "ola@nordgrossisten.example",
        ),
        ("", "", "ola@nordgrossisten.example", "ola@nordgrossisten.example"),
    ],
    ids=[
        "none",
        "the default",
        "the template's",
        "the step's over the template's",
        "the step's alone",
    ],
)
def test_reply_to_is_the_steps_else_the_templates_else_the_default(
    send, inbox: Inbox, settings, default, template, step, expected
) -> None:
    settings.DEFAULT_REPLY_TO = default
    run = send(1, template_reply_to=template, action={"reply_to": step} if step else None)

    received = inbox.to(run.customers[0].email)
    assert received.get_all("Reply-To") == ([expected] if expected else None)
