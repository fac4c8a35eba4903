"""The Message-ID of a customer email, derived from its claim's key.

Derived, not stored: the id of an email whose outcome is unknown (a worker died between
handing it to the mail server and recording it) is known without the row having recorded
anything, so the admins can look it up in the mail server's log.
"""

from __future__ import annotations

from django.conf import settings

__all__ = ["message_id"]


def message_id(execution_id: int, step_order: int, customer_id: int) -> str:
    """A Message-ID derived from the claim's key: a resend would carry the same id."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"
    return f"<wf-{execution_id}.{step_order}.{customer_id}@{domain}>"
