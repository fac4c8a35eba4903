"""SMTP sending with the claim as a gate before DATA, so the claim's round trip overlaps the
SMTP conversation instead of preceding it.

An SMTP server takes responsibility for a message only when it accepts the data that follows
DATA. Until then the transaction can be undone (RSET) and nothing is delivered. So a batch
serializes the message first, sends the customer's claim to the database without waiting for
the answer, and hands the message to this backend, which says MAIL FROM and RCPT TO while the
claim's statement and commit are on their way. Right before DATA the backend waits for the
claim: if it was granted, the message goes out; if not (the execution was paused, the
customer was sent to before) or the claim failed, the transaction is reset, the error passed
on, and the server never saw the message.

The at-most-once rule is unchanged: no message is handed over before its customer's claim is
committed. Only Django's own SMTP backend is gated (it is the one whose protocol we can see
into); every other backend (Anymail's providers, the console or file backends) is used as
configured, with the claim made before the send.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import sanitize_address

DJANGO_SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


class _Gated:
    """An SMTP connection that calls ``gate`` (once) before DATA; a gate that raises resets
    the mail transaction and passes the error on."""

    gate: Callable[[], None] | None = None

    def data(self, msg: Any) -> tuple[int, bytes]:
        gate, self.gate = self.gate, None
        if gate is not None:
            try:
                gate()
            except BaseException:
                try:
                    self.rset()  # type: ignore[attr-defined]
                except (smtplib.SMTPException, OSError):
                    self.close()  # type: ignore[attr-defined]
                raise
        return super().data(msg)  # type: ignore[misc]


class GatedSMTP(_Gated, smtplib.SMTP):
    pass


class GatedSMTP_SSL(_Gated, smtplib.SMTP_SSL):
    pass


@lru_cache(maxsize=64)
def _sender(address: str | tuple[str, str], encoding: str) -> str:
    """The sender as the SMTP envelope names it: one or two addresses for a whole batch, so
    parsed once rather than for every message (4 % of a batch's time went to it)."""
    return sanitize_address(address, encoding)


@dataclass(frozen=True)
class Envelope:
    """A message as the SMTP transaction carries it: built before the claim."""

    from_email: str
    recipients: list[str]
    data: bytes


class GatedEmailBackend(EmailBackend):
    """Django's SMTP backend, plus ``envelope`` and ``send_gated`` for one message behind a
    gate. The envelope is what Django's backend itself would send."""

    @property
    def connection_class(self) -> type[smtplib.SMTP]:
        return GatedSMTP_SSL if self.use_ssl else GatedSMTP

    def envelope(self, message: EmailMessage) -> Envelope:
        encoding = message.encoding or settings.DEFAULT_CHARSET
        return Envelope(
            from_email=_sender(message.from_email, encoding),
            recipients=[sanitize_address(a, encoding) for a in message.recipients()],
            data=message.message().as_bytes(linesep="\r\n"),
        )

    def send_gated(self, envelope: Envelope, gate: Callable[[], None]) -> None:
        """Send one message; ``gate`` runs right before DATA and may raise to stop it.

        If the send fails before DATA the gate is never called, and the caller settles the
        claim itself."""
        if not envelope.recipients:
            raise ValueError("a message without recipients")
        with self._lock:
            self.open()
            connection = self.connection
            if connection is None:  # only with fail_silently, which batches never use
                raise smtplib.SMTPServerDisconnected("no connection to the email server")
            connection.gate = gate
            try:
                connection.sendmail(envelope.from_email, envelope.recipients, envelope.data)
            finally:
                connection.gate = None
                if connection.sock is None:  # closed after a failed reset: reconnect next time
                    self.connection = None


def batch_connection() -> Any:
    """The email backend for one batch: the gated SMTP backend when Django's SMTP backend is
    configured (with the same settings), otherwise the configured backend."""
    if settings.EMAIL_BACKEND == DJANGO_SMTP_BACKEND:
        return GatedEmailBackend()
    return get_connection()
