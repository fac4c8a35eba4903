"""A loopback HTTP server that speaks the OpenAI and Anthropic wire protocols, for tests.

The real ``openai`` and ``anthropic`` SDKs talk to it through ``OPENAI_BASE_URL`` /
``ANTHROPIC_BASE_URL``, so the tests cover what the SDKs send and how they read what comes
back (status codes, Retry-After, finish/stop reasons), not a mock's idea of it.

Each test scripts the answers in order with ``FakeLLM.queue(...)``; every request is kept in
``FakeLLM.requests`` (path, headers, JSON body) for assertions. Unscripted requests get a 500.

Also here: the business data the assistant tests share (templates, groups, customers) and
users in the role groups, as plain functions the test modules wrap in fixtures.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# --- Scripted answers -----------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict (sent as JSON) or str (sent as is)
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before answering (client timeouts)


def openai_completion(
    content: str | dict[str, Any],
    *,
    finish_reason: str = "stop",
    model: str = "gpt-test",
    prompt_tokens: int = 1200,
    completion_tokens: int = 340,
) -> Reply:
    """A ``chat.completion``; a dict ``content`` is sent as its JSON text."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    return Reply(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 1_760_000_000,
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text, "refusal": None},
                    "logprobs": None,
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


def anthropic_message(
    content: list[dict[str, Any]],
    *,
    stop_reason: str = "tool_use",
    model: str = "claude-test",
    input_tokens: int = 1500,
    output_tokens: int = 410,
) -> Reply:
    return Reply(
        body={
            "id": "msg_test",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": content,
            "stop_reason": stop_reason,
            "stop_sequence": None,
            "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens},
        }
    )


def anthropic_tool_use(name: str, tool_input: Any, **kwargs: Any) -> Reply:
    block = {"type": "tool_use", "id": "toolu_test", "name": name, "input": tool_input}
    return anthropic_message([block], **kwargs)


def anthropic_text(text: str, **kwargs: Any) -> Reply:
    kwargs.setdefault("stop_reason", "end_turn")
    return anthropic_message([{"type": "text", "text": text}], **kwargs)


def rate_limited(provider: str = "openai") -> Reply:
    """429 with a Retry-After the SDKs honour at once (retry-after-ms: 1 ms)."""
    if provider == "anthropic":
        body = {
            "type": "error",
            "error": {"type": "rate_limit_error", "message": "Rate limited"},
        }
    else:
        body = {
            "error": {
                "message": "Rate limit reached",
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            }
        }
    return Reply(status=429, body=body, headers={"retry-after-ms": "1", "retry-after": "0"})


# --- The server -------------------------------------------------------------------------------


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeLLM:
    """``with FakeLLM() as llm: llm.queue(...); settings.OPENAI_BASE_URL = llm.openai_url``."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # Scripting
    def queue(self, *replies: Reply) -> None:
        with self._lock:
            self._script.extend(replies)

    def _next(self) -> Reply:
        with self._lock:
            if self._script:
                return self._script.popleft()
        return Reply(status=500, body={"error": {"message": "no scripted reply left"}})

    @property
    def pending(self) -> int:
        return len(self._script)

    # Lifecycle
    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def openai_url(self) -> str:
        return f"{self.base_url}/v1"

    @property
    def anthropic_url(self) -> str:
        return self.base_url

    def start(self) -> FakeLLM:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body: Any = json.loads(raw or b"null")
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                fake.requests.append(
                    Recorded(
                        method="POST",
                        path=self.path,
                        headers={k.lower(): v for k, v in self.headers.items()},
                        body=body,
                    )
                )
                reply = fake._next()
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                payload = (
                    reply.body
                    if isinstance(reply.body, str)
                    else json.dumps(reply.body, ensure_ascii=False)
                ).encode("utf-8")
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeLLM:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # Assertions
    def last_body(self) -> dict[str, Any]:
        assert self.requests, "the SDK sent no request"
        return self.requests[-1].body


# --- Shared test data ---------------------------------------------------------------------------


@dataclass
class World:
    order_form: Any
    reminder: Any
    confirmation: Any
    kafeer: Any
    butikker: Any
    customers: list[Any]


def make_world(*, customers: int = 25, ordered: int = 5) -> World:
    """Three templates, two groups, ``customers`` active customers (5 of them cafés), of whom
    the first ``ordered`` placed an order a moment ago, plus one inactive customer."""
    from django.utils import timezone

    from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory
    from tests.templates_app.factories import EmailTemplateFactory

    order_form = EmailTemplateFactory(name="Bestillingsskjema", category="bestilling")
    reminder = EmailTemplateFactory(name="Påminnelse", category="reminder")
    confirmation = EmailTemplateFactory(name="Ordrebekreftelse", category="confirmation")
    kafeer = CustomerGroupFactory(slug="kafeer", name="Kafeer")
    butikker = CustomerGroupFactory(slug="butikker", name="Butikker")
    people = [CustomerFactory(groups=[kafeer] if i < 5 else [butikker]) for i in range(customers)]
    CustomerFactory(active=False)
    for customer in people[:ordered]:
        OrderFactory(customer=customer, created_at=timezone.now() - timedelta(minutes=1))
    return World(order_form, reminder, confirmation, kafeer, butikker, people)


def make_user(username: str, role: str | None) -> Any:
    """A user in the role group ``role`` ("business", "developer", ...; None: no role)."""
    from django.contrib.auth.models import Group, User

    # No password: hashing one costs more than the rest of a test.
    user = User.objects.create(username=username)
    if role:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    return user


def running_example(world: World) -> dict[str, Any]:
    """workflow-format.md's running example with this world's template ids."""
    return {
        "name": "Ukentlig bestilling",
        "description": "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "monday", "time": "09:00"},
            "timezone": "Europe/Oslo",
        },
        "steps": [
            {
                "step_order": 1,
                "name": "Send bestillingsskjema",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "monday", "time": "09:00"},
                "action_config": {
                    "template_id": world.order_form.pk,
                    "recipients": {"group": "all"},
                },
            },
            {
                "step_order": 2,
                "name": "Påminnelse",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "thursday", "time": "15:00"},
                "action_config": {"template_id": world.reminder.pk, "recipients": {"group": "all"}},
                "condition_config": {"check": "orders_missing", "since": "execution_start"},
            },
        ],
    }
