"""The Message-ID of a customer email, derived from its claim's key.

Derived, not stored: the id of an email whose outcome is unknown (a worker died between
handing it to the mail server and recording it) is known without the row having recorded
anything, so the admins can look it up in the mail server's log.

``<wf-INSTALL.EXECUTION.STEP.CUSTOMER@domain>``: ``INSTALL`` is the installation's random key
(the ``Installation`` row, the same for every process and machine sharing the database), so a
database made anew, or a second installation sending from the same domain, never reuses the
ids of mail already sent, which recipients' mail systems would take for duplicates.
"""

from __future__ import annotations

import secrets
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connection

from executions.models import Installation

__all__ = [
    "EmailRef",
    "email_ref",
    "installation_key",
    "message_id",
    "message_id_prefix",
    "resend_message_id",
    "tracking_metadata",
]

#: The key as read from the database; it never changes once written.
_cached_key: str | None = None


def new_installation_key() -> str:
    """12 random lowercase hex digits: allowed as they are in a Message-ID's left part."""
    return secrets.token_hex(6)


def installation_key() -> str:
    """This installation's key: read once per process, made if the row is missing."""
    global _cached_key
    if _cached_key is not None:
        return _cached_key
    row, created = Installation.objects.get_or_create(
        pk=1, defaults={"key": new_installation_key()}
    )
    # A key made inside a transaction is only ours once committed (a rollback would take it
    # away and another process would make another): kept in memory only when read, or made
    # and committed at once.
    if not created or not connection.in_atomic_block:
        _cached_key = row.key
    return row.key


def forget_installation_key() -> None:
    """Read the key from the database again next time (tests that empty the database)."""
    global _cached_key
    _cached_key = None


def _domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"


def message_id(execution_id: int, step_order: int, customer_id: int) -> str:
    """A Message-ID derived from the claim's key: a resend would carry the same id."""
    return f"<wf-{installation_key()}.{execution_id}.{step_order}.{customer_id}@{_domain()}>"


def message_id_prefix(execution_id: int, step_order: int | None = None) -> str:
    """How the Message-IDs of a run (or of one of its steps) begin, to pick its mail out of
    a mailbox or a mail server's log."""
    prefix = f"<wf-{installation_key()}.{execution_id}."
    return prefix if step_order is None else f"{prefix}{step_order}."


def resend_message_id(execution_id: int, step_order: int, customer_id: int, resend: int) -> str:
    """The Message-ID of the ``resend``-th sending again (1, 2, ...) of an email whose outcome
    was unknown: the first email's id with ``.r<n>`` before the domain, so it is new, and
    still derived (a resend whose own outcome is lost can be looked up too)."""
    local, _at, domain = (
        message_id(execution_id, step_order, customer_id).strip("<>").rpartition("@")
    )
    return f"<{local}.r{resend}@{domain}>"


class EmailRef(NamedTuple):
    """Which claim an email belongs to, and the Message-ID it was sent with."""

    execution_id: int
    step_order: int
    customer_id: int
    message_id: str


_METADATA_KEYS = ("wf_execution", "wf_step", "wf_customer", "wf_message_id")


def tracking_metadata(
    execution_id: int, step_order: int, customer_id: int, message_id: str
) -> dict[str, str]:
    """Anymail's ``metadata`` for a customer email: the provider sends it back with every
    tracking event of the message, so an event finds its claim even when the worker died
    before recording anything (the provider's own id was never stored then)."""
    values = (execution_id, step_order, customer_id, message_id)
    return {key: str(value) for key, value in zip(_METADATA_KEYS, values, strict=True)}


def email_ref(metadata: Any) -> EmailRef | None:
    """The claim a tracking event's metadata names, or None (another sender's email)."""
    if not isinstance(metadata, dict):
        return None
    try:
        execution, step, customer, mid = (metadata[key] for key in _METADATA_KEYS)
        return EmailRef(int(execution), int(step), int(customer), str(mid))
    except (KeyError, TypeError, ValueError):
        return None
