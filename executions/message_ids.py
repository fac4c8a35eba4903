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

from django.conf import settings
from django.db import connection

from executions.models import Installation

__all__ = ["installation_key", "message_id", "message_id_prefix"]

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
