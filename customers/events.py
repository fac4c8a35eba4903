"""A tiny, explicit publish/subscribe for business events of the customers app.

The executions app starts event-based workflows on ``customer.created`` and ``order.created``.
It subscribes here at start-up, so ``customers`` never imports ``executions`` and dependencies
keep pointing one way (executions -> customers).

Handlers run after the surrounding transaction commits, never for a rolled-back write, each
with its own copy of the payload. A handler that raises is logged and does not stop the others:
the write it reacts to has already been committed and must not look failed to the caller.
Payloads carry an ``event_id`` that is stable for the event, so a subscriber can de-duplicate
an event that reaches it twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)

CUSTOMER_CREATED = "customer.created"
ORDER_CREATED = "order.created"

Handler = Callable[[str, dict], None]

_handlers: dict[str, list[Handler]] = {}


def subscribe(event_type: str, handler: Handler) -> None:
    """Call ``handler(event_type, payload)`` after each committed ``event_type``.

    Subscribing the same handler twice is a no-op, so an app's ``ready()`` running twice
    (as it can in tests and some servers) does not double every event.
    """
    handlers = _handlers.setdefault(event_type, [])
    if handler not in handlers:
        handlers.append(handler)


def unsubscribe(event_type: str, handler: Handler) -> None:
    handlers = _handlers.get(event_type, [])
    if handler in handlers:
        handlers.remove(handler)


def publish(event_type: str, payload: dict) -> None:
    # The handler list is taken now: a handler subscribed between the write and the commit
    # did not exist when the event happened.
    for handler in list(_handlers.get(event_type, ())):
        transaction.on_commit(partial(_call, handler, event_type, dict(payload)))


def _call(handler: Handler, event_type: str, payload: dict) -> None:
    try:
        handler(event_type, payload)
    except Exception:
        logger.exception(
            "Handler %r failed for event %s (%s)",
            handler,
            event_type,
            payload.get("event_id"),
        )


# --- What a subscriber will do -----------------------------------------------------------------
# The order form's thank-you page promises an email confirmation only when one will be sent.
# Whether it will is the subscribers' knowledge (the workflows are theirs): each may register a
# check, asked with the event that was published.

EmailCheck = Callable[[str, dict], bool]

_email_checks: list[EmailCheck] = []


def answer_emails_customer(check: EmailCheck) -> None:
    """Register ``check(event_type, payload)``: True when the event will email its customer.
    Registering the same check twice is a no-op."""
    if check not in _email_checks:
        _email_checks.append(check)


def emails_customer(event_type: str, payload: dict) -> bool:
    """Whether a subscriber will email the event's customer; False when nobody says so (a
    check that raises counts as no: the page must not promise what may not come)."""
    for check in list(_email_checks):
        try:
            if check(event_type, dict(payload)):
                return True
        except Exception:
            logger.exception("Email check %r failed for event %s", check, event_type)
    return False
