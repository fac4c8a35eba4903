"""Inbound webhook events: ``POST /api/v1/workflow-automation/events``.

A business system tells us that something happened ("crm.customer_updated", ...) and every
active event-based workflow listening for ``{"type": "webhook"}`` (with that ``name``, or
none) starts once. The endpoint has no user: the sender proves itself by signing each request.

The sender's contract:

- ``X-Webhook-Timestamp``: the time of sending, in unix seconds.
- ``X-Webhook-Signature``: ``sha256=<hex HMAC-SHA256 of "{timestamp}.{raw body}">`` under
  ``settings.WEBHOOK_SIGNING_SECRET``. Several comma-separated signatures are accepted (any
  one matching), so a sender can sign with an old and a new secret while rotating.
- Body: ``{"id": "<unique per event>", "name": "<event name>", "data": {...}}``.
- The customer the event is about (optional, for workflows that send to ``event_customer``):
  ``data.customer_id`` (our customer's id, a positive integer) or ``data.customer_email``
  (an active customer's address, matched whatever its case), not both; null is the same as
  leaving it out. It is resolved when the event arrives and kept as the event's
  ``customer_id``; a customer we do not know (no such id, no active customer or several with
  that address) still lets the event in, for the workflows that need no customer, and a step
  sending to ``event_customer`` then skips, logging that the event named no known customer.

A signed body is still refused (400, never a 500 that a sender would retry for ever) unless
every value can be stored as it came: no ``NaN`` or ``Infinity`` (not JSON, though Python
reads them), no number too large for a float, no NUL character or unpaired surrogate in any
string or key (PostgreSQL stores neither), and no nesting deeper than ``MAX_EVENT_DEPTH``.

Replays: a timestamp further than ``WEBHOOK_TOLERANCE_S`` (5 minutes) from our clock is
refused, so a captured request is only good for that window; within it the event id is
remembered in the cache and a repeat answers with the executions of the first delivery.
Beyond the cache, ``start_event_workflows`` keys each execution by (workflow, event id) under
a unique constraint, so the same id never starts a workflow twice, whatever the cache holds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import time
from dataclasses import dataclass, field
from typing import Any, Final

from django.conf import settings
from django.core.cache import cache

from core.pointer import pointer
from core.text import unstorable_text
from customers.selection import event_customer_named
from executions.events import start_event_workflows

WEBHOOK_EVENT_TYPE: Final = "webhook"
SIGNATURE_PREFIX: Final = "sha256="
MAX_EVENT_ID_LENGTH: Final = 200
MAX_EVENT_NAME_LENGTH: Final = 100
#: Objects and arrays inside one another, the body's own object included.
MAX_EVENT_DEPTH: Final = 32
#: The keys of ``data`` that name the customer the event is about.
CUSTOMER_ID_KEY: Final = "customer_id"
CUSTOMER_EMAIL_KEY: Final = "customer_email"
MAX_CUSTOMER_EMAIL_LENGTH: Final = 254
# A customer id beyond PostgreSQL's bigint names nobody, but a lookup would be a 500.
_MAX_CUSTOMER_ID: Final = 2**63 - 1
# Enough problems to fix a sender's encoder, few enough to keep the answer small.
_MAX_REPORTED_PROBLEMS: Final = 20
_CACHE_PREFIX: Final = "webhooks:event:"


class WebhookAuthError(Exception):
    """The request is not proven to come from the sender (answer 401). Messages never
    contain the expected signature or the secret."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def as_api_errors(self) -> list[dict[str, str]]:
        return [{"path": "", "code": self.code, "message": self.message}]


class WebhookPayloadError(Exception):
    """A signed request whose body is not a valid event (answer 400)."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__("; ".join(f"{e['path']}: {e['message']}" for e in errors))
        self.errors = errors

    def as_api_errors(self) -> list[dict[str, str]]:
        return list(self.errors)


@dataclass(frozen=True)
class WebhookEvent:
    id: str
    name: str
    data: Any = field(default_factory=dict)

    @property
    def event_id(self) -> str:
        # Namespaced so that a sender's id can never collide with "order.created:42".
        return f"{WEBHOOK_EVENT_TYPE}:{self.id}"

    @property
    def names_customer(self) -> bool:
        """Whether ``data`` names the customer the event is about (``customer_id`` or
        ``customer_email``, checked by ``webhook_event_parse``)."""
        return (
            self.data.get(CUSTOMER_ID_KEY) is not None
            or self.data.get(CUSTOMER_EMAIL_KEY) is not None
        )

    def as_payload(self) -> dict[str, Any]:
        """What ``start_event_workflows`` gets and an execution keeps as ``context.event``.

        An event that names a customer gets ``customer_id``: that customer's id, or None when
        we know no such customer (``event_customer`` recipients then find nobody)."""
        payload: dict[str, Any] = {"name": self.name, "data": self.data, "event_id": self.event_id}
        if self.names_customer:
            payload["customer_id"] = event_customer_named(
                customer_id=self.data.get(CUSTOMER_ID_KEY),
                email=self.data.get(CUSTOMER_EMAIL_KEY),
            )
        return payload


@dataclass(frozen=True)
class WebhookResult:
    event: WebhookEvent
    execution_ids: list[int]
    #: True when the replay cache answered: nothing was started by this request.
    duplicate: bool


def webhook_signature(*, timestamp: str, body: bytes, secret: str | None = None) -> str:
    """The ``X-Webhook-Signature`` value a sender puts on ``body`` sent at ``timestamp``."""
    key = (secret if secret is not None else settings.WEBHOOK_SIGNING_SECRET).encode()
    message = timestamp.encode("ascii") + b"." + body
    return SIGNATURE_PREFIX + hmac.new(key, message, hashlib.sha256).hexdigest()


def webhook_verify(
    *,
    timestamp: str | None,
    signature: str | None,
    body: bytes,
    now: float | None = None,
) -> None:
    """Raise ``WebhookAuthError`` unless ``signature`` signs ``body`` at a fresh ``timestamp``."""
    if not timestamp or not signature:
        raise WebhookAuthError(
            "signature_missing",
            "Sign the request: X-Webhook-Timestamp and X-Webhook-Signature are required.",
        )
    timestamp = timestamp.strip()
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        raise WebhookAuthError(
            "timestamp_invalid", "X-Webhook-Timestamp must be the time in unix seconds."
        )
    expected = webhook_signature(timestamp=timestamp, body=body)
    candidates = [part.strip() for part in signature.split(",")][:5]
    # Compare every candidate, in constant time each, so timing says nothing about which.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(candidate.encode(), expected.encode())
    if not matched:
        raise WebhookAuthError(
            "signature_invalid",
            'The signature does not match: sign "{timestamp}.{raw body}" with HMAC-SHA256 '
            'and send it as "sha256=<hex>".',
        )
    tolerance = int(settings.WEBHOOK_TOLERANCE_S)
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > tolerance:
        raise WebhookAuthError(
            "timestamp_out_of_range",
            f"X-Webhook-Timestamp is more than {tolerance} seconds away from the server's "
            "clock; send the time of sending and check the sender's clock.",
        )


class _NotJSONNumber(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotJSONNumber(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 reads as infinity
        raise _NotJSONNumber(text)
    return value


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NotJSONNumber:
        raise WebhookPayloadError(
            [
                {
                    "path": "",
                    "code": "invalid_number",
                    "message": "NaN, Infinity and numbers beyond a double are not JSON numbers; "
                    "send them as strings or null.",
                }
            ]
        ) from None
    except RecursionError:
        # Nested deeper than the parser goes: far beyond MAX_EVENT_DEPTH.
        raise WebhookPayloadError([_too_deep("")]) from None
    except ValueError:  # UnicodeDecodeError included
        raise WebhookPayloadError(
            [{"path": "", "code": "invalid_json", "message": "The body is not valid JSON."}]
        ) from None


def _too_deep(path: str) -> dict[str, str]:
    return {
        "path": path,
        "code": "too_deep",
        "message": f"The event is nested deeper than {MAX_EVENT_DEPTH} levels.",
    }


def _text_problem(text: str) -> str | None:
    reason = unstorable_text(text)
    if reason == "nul":
        return "The text contains a NUL character (\\u0000), which cannot be stored."
    if reason == "surrogate":
        return "The text contains an unpaired surrogate (invalid Unicode), which cannot be stored."
    return None


def _storable_problems(document: Any) -> list[dict[str, str]]:
    """Every place in ``document`` that could not be stored as it is, as JSON pointers.

    Iterative, so that depth costs no recursion; it stops at the first container too deep.
    """
    problems: list[dict[str, str]] = []
    stack: list[tuple[Any, str, int]] = [(document, "", 1)]
    while stack and len(problems) < _MAX_REPORTED_PROBLEMS:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            message = _text_problem(value)
            if message:
                problems.append({"path": path, "code": "invalid_text", "message": message})
        elif isinstance(value, dict | list):
            if depth > MAX_EVENT_DEPTH:
                problems.append(_too_deep(path))
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            children = []
            for key, item in items:
                if isinstance(key, str) and (message := _text_problem(key)):
                    # The key itself cannot be shown in the pointer: point at its object.
                    problems.append({"path": path, "code": "invalid_text", "message": message})
                    continue
                children.append((item, f"{path}{pointer(key)}", depth + 1))
            stack.extend(reversed(children))  # depth first, in document order
    return problems


def webhook_event_parse(body: bytes) -> WebhookEvent:
    """The event in a (verified) body; raises ``WebhookPayloadError`` listing every problem."""
    document = _loads(body)
    problems = _storable_problems(document)
    if problems:
        raise WebhookPayloadError(problems)
    if not isinstance(document, dict):
        raise WebhookPayloadError(
            [{"path": "", "code": "invalid_type", "message": "The body must be a JSON object."}]
        )
    errors: list[dict[str, str]] = []
    event_id = document.get("id")
    if isinstance(event_id, int) and not isinstance(event_id, bool):
        event_id = str(event_id)
    if not isinstance(event_id, str) or not event_id.strip():
        errors.append({"path": "/id", "code": "required", "message": "Give the event a unique id."})
    elif len(event_id) > MAX_EVENT_ID_LENGTH:
        errors.append(
            {
                "path": "/id",
                "code": "too_long",
                "message": f"The id is longer than {MAX_EVENT_ID_LENGTH} characters.",
            }
        )
    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        errors.append(
            {
                "path": "/name",
                "code": "required",
                "message": "Give the event a name (the name webhook workflows listen for).",
            }
        )
    elif len(name) > MAX_EVENT_NAME_LENGTH:
        errors.append(
            {
                "path": "/name",
                "code": "too_long",
                "message": f"The name is longer than {MAX_EVENT_NAME_LENGTH} characters.",
            }
        )
    data = document.get("data", {})
    if data is None:
        data = {}
    if not isinstance(data, dict):
        errors.append(
            {"path": "/data", "code": "invalid_type", "message": "data must be a JSON object."}
        )
    else:
        errors.extend(_customer_problems(data))
    unknown = sorted(set(document) - {"id", "name", "data"})
    for key in unknown:
        errors.append(
            {
                "path": pointer(key),
                "code": "unknown_field",
                "message": "An event has id, name and data; put everything else in data.",
            }
        )
    if errors:
        raise WebhookPayloadError(errors)
    assert isinstance(event_id, str) and isinstance(name, str)
    return WebhookEvent(id=event_id.strip(), name=name.strip(), data=data)


def _customer_problems(data: dict[str, Any]) -> list[dict[str, str]]:
    """What is wrong with how ``data`` names the event's customer (nothing when it names none)."""
    problems: list[dict[str, str]] = []
    customer_id = data.get(CUSTOMER_ID_KEY)
    email = data.get(CUSTOMER_EMAIL_KEY)
    if customer_id is not None and (
        isinstance(customer_id, bool)
        or not isinstance(customer_id, int)
        or not 1 <= customer_id <= _MAX_CUSTOMER_ID
    ):
        problems.append(
            {
                "path": pointer("data", CUSTOMER_ID_KEY),
                "code": "invalid_type",
                "message": "customer_id must be the customer's id: a positive integer "
                "(or leave it out).",
            }
        )
    if email is not None:
        if not isinstance(email, str):
            problems.append(
                {
                    "path": pointer("data", CUSTOMER_EMAIL_KEY),
                    "code": "invalid_type",
                    "message": "customer_email must be the customer's email address, a string "
                    "(or leave it out).",
                }
            )
        elif len(email) > MAX_CUSTOMER_EMAIL_LENGTH:
            problems.append(
                {
                    "path": pointer("data", CUSTOMER_EMAIL_KEY),
                    "code": "too_long",
                    "message": f"customer_email is longer than {MAX_CUSTOMER_EMAIL_LENGTH} "
                    "characters.",
                }
            )
    if customer_id is not None and email is not None:
        problems.append(
            {
                "path": pointer("data", CUSTOMER_EMAIL_KEY),
                "code": "customer_ambiguous",
                "message": "Name the customer by customer_id or by customer_email, not both.",
            }
        )
    return problems


def webhook_event_receive(*, event: WebhookEvent) -> WebhookResult:
    """Start the workflows listening for ``event`` (at most once per workflow and event id)."""
    key = _cache_key(event.id)
    cached = cache.get(key)
    if isinstance(cached, list):
        return WebhookResult(event=event, execution_ids=cached, duplicate=True)
    executions = start_event_workflows(WEBHOOK_EVENT_TYPE, event.as_payload())
    execution_ids = [execution.pk for execution in executions]
    # A timestamp may lie up to the tolerance in the future or the past, so a signed request
    # stays acceptable for twice the tolerance: remember the id that long.
    cache.set(key, execution_ids, timeout=2 * int(settings.WEBHOOK_TOLERANCE_S))
    return WebhookResult(event=event, execution_ids=execution_ids, duplicate=False)


def _cache_key(event_id: str) -> str:
    # Hashed: sender ids may hold characters or lengths a cache backend refuses in keys.
    return _CACHE_PREFIX + hashlib.sha256(event_id.encode()).hexdigest()
