from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from unittest import mock

import pytest
from django.core.mail.backends import locmem
from django.utils import timezone

from executions import queueing
from executions.errors import RetryLater
from executions.tasks import run_execution_task


@pytest.fixture(params=["vendor", "portable"])
def each_store(request: pytest.FixtureRequest) -> Iterator[str]:
    """Runs a test once with the store the database's vendor gets (PostgreSQL's fast paths)
    and once with the portable reference store (``executions.store``): both must keep the same
    promises. On SQLite both runs are the portable store."""
    from executions import store as stores

    stores.use(stores.PortableStore() if request.param == "portable" else None)
    try:
        yield request.param
    finally:
        stores.use(None)


@pytest.fixture
def enqueued() -> Iterator[list[int]]:
    """Execution ids sent to ``run_execution_task``, in order (no worker, no broker).

    Patched at the one seam where work leaves the process; list.append is atomic, so racing
    threads may share it.
    """
    sent: list[int] = []
    with mock.patch.object(run_execution_task, "delay", side_effect=sent.append):
        yield sent


# --- In-process engine tests: a controlled clock, the queue seam, the email backend ---------


class Clock:
    """The one clock of a test: ``django.utils.timezone.now`` reads it (engine, services,
    auto_now fields), and the test moves it explicitly."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def set(self, when: datetime) -> datetime:
        self.now = when.astimezone(UTC)
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Starts on Monday 30 March 2026, 09:00:04 in Oslo (CEST, the day after the DST change)."""
    fixed = Clock(datetime(2026, 3, 30, 7, 0, 4, tzinfo=UTC))
    monkeypatch.setattr(timezone, "now", lambda: fixed.now)
    return fixed


@dataclass
class Job:
    kind: str  # "run", "email", "report" or "alert"
    args: tuple[Any, ...]


@dataclass
class QueueRecorder:
    """Stands in for Celery at ``executions.queueing``: records what would be enqueued, and
    performs it on request, in order, in this process."""

    history: list[Job] = field(default_factory=list)
    todo: list[Job] = field(default_factory=list)
    retries: list[tuple[Job, RetryLater]] = field(default_factory=list)
    #: The options each step's fanned-out work was enqueued with, in order.
    options: list[dict[str, Any]] = field(default_factory=list)

    def record(self, kind: str, *args: Any) -> None:
        job = Job(kind, args)
        self.history.append(job)
        self.todo.append(job)

    def of(self, kind: str, *, pending_only: bool = False) -> list[tuple[Any, ...]]:
        jobs = self.todo if pending_only else self.history
        return [job.args for job in jobs if job.kind == kind]

    @property
    def runs(self) -> list[int]:
        return [args[0] for args in self.of("run")]

    @property
    def email_batches(self) -> list[tuple[int, int, list[int]]]:
        return [(e, s, list(ids)) for e, s, _type, ids in self.of("email")]

    @property
    def alerts(self) -> list[int]:
        return [args[0] for args in self.of("alert")]

    def perform(self, job: Job) -> None:
        from executions import alerts, engine

        if job.kind == "run":
            engine.run_execution(*job.args)
        elif job.kind == "alert":
            alerts.alert_failed_execution(*job.args)
        else:  # a step's fanned-out work, recorded by the queue it goes to
            execution_id, step_order, step_type, part = job.args
            engine.run_step_work(execution_id, step_order, step_type, part)

    def drain(self, *, kinds: tuple[str, ...] = ("run", "email", "report", "alert")) -> int:
        """Perform queued jobs of ``kinds`` (and whatever they enqueue) until none is left.
        A job that asks to be retried is set aside in ``retries``, not repeated."""
        done = 0
        while True:
            job = next((j for j in self.todo if j.kind in kinds), None)
            if job is None:
                return done
            self.todo.remove(job)
            try:
                self.perform(job)
            except RetryLater as retry:
                self.retries.append((job, retry))
            done += 1

    def clear(self) -> None:
        self.todo.clear()


@pytest.fixture
def queue(monkeypatch: pytest.MonkeyPatch) -> QueueRecorder:
    recorder = QueueRecorder()
    monkeypatch.setattr(queueing, "enqueue_run", lambda e: recorder.record("run", e))

    def step_work(e: int, s: int, step_type: str, part: Any, *, queue: str, **options) -> None:
        recorder.record(queue, e, s, step_type, None if part is None else list(part))
        recorder.options.append(options)  # countdown, task_id: a part handed over by a run

    monkeypatch.setattr(queueing, "enqueue_step_work", step_work)
    monkeypatch.setattr(queueing, "enqueue_alert", lambda e: recorder.record("alert", e))
    return recorder


@dataclass
class MailControl:
    """What the recording backend counts, and the faults it injects per address."""

    connections: int = 0
    opens: int = 0
    sent_to: list[str] = field(default_factory=list)
    failures: dict[str, list[Exception | None]] = field(default_factory=dict)
    before_send: Callable[[str], None] | None = None

    def fail(self, address: str, exc: Exception, *, times: int = 1) -> None:
        self.failures.setdefault(address, []).extend([exc] * times)

    def reset_counts(self) -> None:
        self.connections = 0
        self.opens = 0


class RecordingBackend(locmem.EmailBackend):
    """Django's locmem backend (``mailoutbox``), counting connections and failing on demand
    the way an SMTP backend would: the exception escapes ``send_messages``."""

    control: ClassVar[MailControl] = MailControl()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.control.connections += 1

    def open(self) -> bool:
        self.control.opens += 1
        return True

    def send_messages(self, messages: Any) -> int:
        for message in messages:
            for address in message.recipients():
                if self.control.before_send is not None:
                    self.control.before_send(address)
                pending = self.control.failures.get(address)
                if pending:
                    exc = pending.pop(0)
                    if exc is not None:
                        raise exc
                self.control.sent_to.append(address)
        return super().send_messages(messages)


@pytest.fixture
def mail_backend(settings: Any, mailoutbox: list[Any]) -> MailControl:
    settings.EMAIL_BACKEND = f"{RecordingBackend.__module__}.RecordingBackend"
    RecordingBackend.control = MailControl()
    return RecordingBackend.control


@dataclass
class LoopbackHTTP:
    """A real HTTP server on 127.0.0.1 that answers every request with ``status``."""

    base_url: str
    status: int = 200
    requests: list[tuple[str, str, bytes]] = field(default_factory=list)


@pytest.fixture
def loopback_http(settings: Any) -> Iterator[LoopbackHTTP]:
    state: dict[str, LoopbackHTTP] = {}

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            peer = state["peer"]
            peer.requests.append((self.command, self.path, body))
            payload = b'{"ok": true}'
            self.send_response(peer.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    state["peer"] = LoopbackHTTP(base_url=f"http://127.0.0.1:{port}/api")
    # Exactly this host:port is reachable; every other loopback port stays refused.
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{port}"]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state["peer"]
    finally:
        server.shutdown()
        server.server_close()


WorkflowFactory = Callable[..., Any]


@pytest.fixture
def make_workflow(db: None) -> WorkflowFactory:
    """Create a workflow through the one validator and save function (``workflow_create``).

    Scheduled weekly on Monday 09:00 Oslo unless ``event`` is given (then event based).
    """
    from automation.services import workflow_create

    def make(
        steps: list[dict[str, Any]],
        *,
        name: str = "Arbeidsflyt",
        event: dict[str, Any] | None = None,
        schedule: dict[str, Any] | None = None,
    ) -> Any:
        doc: dict[str, Any] = {"name": name, "steps": steps}
        if event is not None:
            doc.update(workflow_type="event_based", event=event)
        else:
            doc.update(
                workflow_type="scheduled",
                schedule=schedule
                or {
                    "schedule_type": "weekly",
                    "schedule_config": {"day": "monday", "time": "09:00"},
                    "timezone": "Europe/Oslo",
                },
            )
        return workflow_create(created_by=None, data=doc)

    return make


@pytest.fixture
def start_execution(db: None) -> Callable[..., Any]:
    """A queued execution of a workflow, created the way every entry point creates one."""
    from executions.models import WorkflowExecution
    from executions.services import execution_create

    def start(workflow: Any, *, trigger: str = "manual", **kwargs: Any) -> WorkflowExecution:
        execution, _created = execution_create(workflow=workflow, trigger=trigger, **kwargs)
        return execution

    return start


@pytest.fixture
def transitions_are_complete(db: None) -> Iterator[None]:
    """After the test: every execution's status history is one unbroken chain of recorded
    transitions ending in its current status, and current_step fits that status; every
    reason and error is stored as a catalogued code beside its English text."""
    yield
    from core.reasons import CATALOGUE, Reason
    from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution

    def coded(code: str, params: dict[str, Any], text: str, limit: int | None = None) -> bool:
        return code in CATALOGUE and Reason.stored(code, params).text[:limit] == text

    Status = WorkflowExecution.Status
    for execution in WorkflowExecution.objects.all():
        chain = list(ExecutionTransition.objects.filter(execution=execution))
        assert chain, f"execution {execution.pk} has no transitions"
        assert chain[0].from_status == ""
        for before, after in itertools.pairwise(chain):
            assert after.from_status == before.to_status, (execution.pk, before, after)
        assert chain[-1].to_status == execution.status, execution.pk
        if execution.status in (Status.WAITING, Status.RUNNING):
            assert execution.current_step is not None, execution.pk
        if execution.status == Status.COMPLETED:
            assert execution.current_step is None, execution.pk
        for t in chain:
            assert coded(t.reason_code, t.reason_params, t.reason, 500), (execution.pk, t.reason)
        if execution.error_message or execution.error_code:
            error = (execution.error_code, execution.error_params, execution.error_message)
            assert coded(*error), (execution.pk, error)
    for log in WorkflowActionLog.objects.exclude(error_message="", error_code=""):
        assert coded(log.error_code, log.error_params, log.error_message), log.pk
    for log in WorkflowActionLog.objects.filter(result_data__has_key="reason"):
        result = log.result_data
        why = (result.get("reason_code", ""), result.get("reason_params", {}), result["reason"])
        assert coded(*why), (log.pk, why)
