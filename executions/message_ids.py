"""The Message-ID of a customer email, derived from its claim's key.

Derived, not stored: the id of an email whose outcome is unknown (a worker died between
handing it to the mail server and recording it) is known without the row having recorded
anything, so the admins can look it up in the mail server's log.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.conf import settings

__all__ = ["EmailRef", "email_ref", "message_id", "resend_message_id", "tracking_metadata"]


def message_id(execution_id: int, step_order: int, customer_id: int) -> str:
    """A Message-ID derived from the claim's key: a resend would carry the same id."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"
    return f"<wf-{execution_id}.{step_order}.{customer_id}@{domain}>"


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
