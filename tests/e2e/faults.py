"""Fault scenarios with a real worker, shared by the fault tests and ``benchmarks.bench_recovery``.

Each scenario starts a run of one email step through a real Celery worker (prefork, its own
process group), an SMTP sink on loopback and PostgreSQL, strikes one fault mid-run, ends it,
and measures on the monotonic clock, from the moment the fault ended: the first email the
sink accepts after it (the run moves again) and the run's completion. Recovery runs in this
process every ``WORKFLOW_RECOVERY_INTERVAL_S``, as beat runs ``recover_task`` in production.

The faults:

- ``sigkill``: every process of the worker is SIGKILLed while it sends; a new worker is up at
  once (a supervisor restarting it). The parts the dead processes held come back when their
  leases expire.
- ``redis``: the broker (a redis-server of the scenario's own, no persistence) is SIGKILLed
  and restarted empty after 2 s.
- ``postgres``: the worker reaches PostgreSQL through a TCP proxy of the scenario's own
  (``TcpProxy``); every connection through it is reset and new ones are refused for 20 s,
  which is what a server stopped with ``-m immediate`` looks like to its clients. The shared
  PostgreSQL itself is never touched. Recovery pauses meanwhile (beat's database is away too).
- ``smtp``: the SMTP sink stops (connections refused) for 60 s and starts again on its port.

Nothing here stops a shared service: only processes the scenario started.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
FAULTS = ("sigkill", "redis", "postgres", "smtp")
_runs = itertools.count(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate: Callable[[], object], *, timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


# --- Services of the scenario's own ---------------------------------------------------------


@dataclass
class Sink:
    """An SMTP server on a fixed loopback port that can be stopped and started again."""

    port: int = field(default_factory=free_port)
    delay_s: float = 0.0
    messages: list[Message] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    on_message: Callable[[int], None] | None = None
    controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.delay_s:
            time.sleep(self.delay_s)
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content))
            count = len(self.messages)
        if self.on_message is not None:
            self.on_message(count)
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def count(self) -> int:
        with self.lock:
            return len(self.messages)


def pump(source: socket.socket, target: socket.socket) -> None:
    """Copy ``source`` to ``target`` until either end closes, then shut both down."""
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class TcpProxy:
    """A loopback TCP proxy to ``upstream``; ``cut`` resets every connection through it and
    refuses new ones until ``restore``."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        pump(source, target)

    def cut(self) -> None:
        if self.listener is not None:
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.lock:
            sockets, self.sockets = self.sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                # A reset, as from a server that is gone, not a polite FIN.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def restore(self) -> None:
        self.start()


@dataclass
class Redis:
    """A redis-server of the scenario's own, keeping nothing on disk (a restart loses all)."""

    log_path: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [
                    *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                    *("--save", "", "--appendonly", "no", "--daemonize", "no"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(self._answers, timeout=20, what="redis-server to accept connections")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@contextlib.contextmanager
def publishing_to(url: str) -> Iterator[None]:
    """This process's Celery app publishes to (and checks the epoch of) ``url`` meanwhile."""
    from config.celery import app

    def drop_connections() -> None:
        app._pool = None
        app.amqp._producer_pool = None

    keys = ("broker_url", "broker_write_url", "broker_read_url")
    before = {key: app.conf[key] for key in keys}
    drop_connections()
    app.conf.update(dict.fromkeys(keys, url))
    try:
        yield
    finally:
        drop_connections()
        app.conf.update(before)


# --- The worker and beat ----------------------------------------------------------------------


@dataclass
class Worker:
    proc: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the main process and its pool processes (the whole process group)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=20)
        self.kill()
        self.proc.wait()


def database_url(port: int | None = None) -> str:
    from django.db import connection

    db = connection.settings_dict
    auth = db["USER"] or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{auth}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


class RecoveryBeat:
    """``executions.recovery.recover`` every ``interval`` seconds in a thread, as beat would."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.paused = threading.Event()
        self.stopped = threading.Event()
        self.rounds: list[tuple[float, Any]] = []
        self.errors: list[str] = []
        self.thread = threading.Thread(target=self._run, name="recovery-beat", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        from django.db import connection

        from executions import recovery

        try:
            while not self.stopped.wait(self.interval):
                if self.paused.is_set():
                    continue
                try:
                    self.rounds.append((time.monotonic(), recovery.recover()))
                except Exception as exc:
                    self.errors.append(repr(exc))
                    connection.close()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=60)

    def first(self, after: float, what: Callable[[Any], bool]) -> float | None:
        return next((t for t, r in self.rounds if t >= after and what(r)), None)


# --- Scenarios --------------------------------------------------------------------------------


@dataclass
class Outcome:
    fault: str
    execution_id: int
    customers: int
    #: Seconds from the fault's end to the first email after it, and to the run's completion.
    first_progress_s: float
    completed_s: float
    #: Seconds from the fault's start to the recovery round that took over lost work (if any):
    #: a worker's parts come back once their leases expire, even before a new worker is up.
    recovered_s: float | None
    statuses: dict[str, int]
    duplicates: list[str]
    #: Customers whose email reached the sink.
    delivered: int
    processes: int

    def line(self) -> str:
        recovered = "-" if self.recovered_s is None else f"{self.recovered_s:.1f}s after it struck"
        return (
            f"recovery[{self.fault}]: moving again {self.first_progress_s:.1f}s and completed "
            f"{self.completed_s:.1f}s after the fault ended (lost work taken over after "
            f"{recovered}); rows {self.statuses}; duplicates {len(self.duplicates)}"
        )


class Rig:
    """A sink, workers and recovery for one scenario; ``close`` stops what it started."""

    def __init__(self, tmp: Path, *, env: dict[str, str] | None = None) -> None:
        from django.conf import settings

        import executions.tasks  # noqa: F401  (registers the tasks this process enqueues)

        self.tmp = tmp
        self.env = env or {}
        self.sink = Sink()
        self.sink.start()
        self.workers: list[Worker] = []
        self.beat = RecoveryBeat(float(settings.WORKFLOW_RECOVERY_INTERVAL_S))

    def start_worker(
        self, *, broker: str | None = None, db_port: int | None = None, concurrency: int = 2
    ) -> Worker:
        number = len(self.workers) + 1
        env = {
            **os.environ,
            "DATABASE_URL": database_url(db_port),
            "CELERY_BROKER_URL": broker or os.environ["CELERY_BROKER_URL"],
            "CELERY_RESULT_BACKEND": "disabled://",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.sink.port),
            "EMAIL_TIMEOUT": "5",
            "WORKFLOW_RETRY_BASE_S": "0.2",
            "WORKFLOW_EMAIL_BATCH_SIZE": "25",
            "ADMIN_EMAILS": "ops@nordgrossisten.example",
            "VAR_DIR": str(self.tmp / "worker-var"),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            **self.env,
        }
        log_path = self.tmp / f"worker-{number}.log"
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                [
                    *(sys.executable, "-m", "celery", "-A", "config", "worker"),
                    *("-n", f"recovery{number}-{os.getpid()}@%h", "-Q", "email,default,report"),
                    *("--concurrency", str(concurrency), "--pool", "prefork"),
                    *("--without-gossip", "--without-mingle", "--loglevel", "INFO"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        worker = Worker(proc=proc, log_path=log_path)
        self.workers.append(worker)
        wait_for(
            lambda: "ready." in worker.log() or proc.poll() is not None,
            timeout=90,
            what="the worker to start",
        )
        assert proc.poll() is None, f"the worker exited at start:\n{worker.log()[-3000:]}"
        return worker

    def close(self) -> None:
        from django.db import connection

        self.beat.stop()
        for worker in self.workers:
            worker.stop()
        self.sink.stop()
        connection.close()


def _setup_run(n: int) -> tuple[Any, list[Any]]:
    from automation.services import workflow_create
    from customers.models import Customer
    from templates_app.services import template_create

    run = f"{os.getpid()}-{next(_runs)}"
    Customer.objects.all().delete()  # "all customers": this run's only
    customers = Customer.objects.bulk_create(
        Customer(name=f"Kunde {i:04}", email=f"kunde{i:04}-{run}@butikk.example") for i in range(n)
    )
    template = template_create(
        name=f"Ukens tilbud {run}",
        subject="Tilbud til {{ kunde_navn }}",
        body_html="<p>Hei {{ kunde_navn }}</p>",
        body_text="",
        variables=["kunde_navn"],
        category="bestilling",
    )
    workflow = workflow_create(
        created_by=None,
        data={
            "name": f"Tilbud {run}",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "09:00"},
            },
            "steps": [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
                }
            ],
        },
    )
    return workflow, customers


def _forget_unacknowledged() -> None:
    """Drop what killed workers left unacknowledged in the shared test broker: Redis would
    hand it out again after the visibility timeout, to whatever database then has those ids."""
    from config.celery import app

    with contextlib.suppress(Exception), app.connection_for_write() as conn:
        conn.default_channel.client.delete("unacked", "unacked_index")


def _status(execution_id: int) -> str:
    from executions.models import WorkflowExecution

    return WorkflowExecution.objects.filter(pk=execution_id).values_list("status", flat=True)[0]


def run_scenario(
    rig: Rig,
    fault: str,
    *,
    customers: int = 400,
    strike_at: int = 110,
    concurrency: int = 2,
    down_s: float | None = None,
) -> Outcome:
    """Run ``fault`` once (see the module docstring) and measure the recovery. The fault
    strikes at the ``strike_at``-th email, not at a multiple of the batch size (25): every
    sending process is then in the middle of a batch."""
    from executions import recovery
    from executions.models import WorkflowActionLog
    from executions.services import execution_start

    assert fault in FAULTS, fault
    workflow, people = _setup_run(customers)
    rig.sink.delay_s = 0.01
    redis = proxy = None
    stack = contextlib.ExitStack()
    try:
        if fault == "redis":
            redis = Redis(rig.tmp / "redis.log")
            redis.start()
            stack.callback(redis.kill)
            stack.enter_context(publishing_to(redis.url))
        if fault == "postgres":
            from django.db import connection

            db = connection.settings_dict
            proxy = TcpProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
            proxy.start()
            stack.callback(proxy.cut)
        broker = redis.url if redis else None
        rig.start_worker(
            broker=broker, db_port=proxy.port if proxy else None, concurrency=concurrency
        )
        recovery.broker_lost()  # the broker's epoch is known before anything goes wrong
        if not rig.beat.thread.is_alive():
            rig.beat.start()

        struck = threading.Event()
        struck_at: list[float] = []

        def strike(count: int) -> None:
            if count >= strike_at and not struck.is_set():
                struck_at.append(time.monotonic())
                struck.set()
                if fault == "sigkill":  # mid-send, from inside the SMTP conversation
                    rig.workers[-1].kill()

        rig.sink.on_message = strike
        execution = execution_start(workflow=workflow, triggered_by=None)
        wait_for(struck.is_set, timeout=120, what=f"{strike_at} emails")
        rig.sink.on_message = None

        if fault == "sigkill":
            rig.workers[-1].proc.wait(timeout=10)
            rig.start_worker(broker=broker, concurrency=concurrency)  # the supervisor
        elif fault == "redis":
            assert redis is not None
            redis.kill()
            time.sleep(down_s if down_s is not None else 2)
            redis.start()
        elif fault == "postgres":
            assert proxy is not None
            rig.beat.paused.set()
            proxy.cut()
            time.sleep(down_s if down_s is not None else 20)
            proxy.restore()
            rig.beat.paused.clear()
        elif fault == "smtp":
            rig.sink.stop()
            time.sleep(down_s if down_s is not None else 60)
            rig.sink.start()
        ended = time.monotonic()
        count_at_end = rig.sink.count()
        assert count_at_end < customers, "the run finished before the fault ended"

        wait_for(lambda: rig.sink.count() > count_at_end, timeout=660, what="the first email after")
        first = time.monotonic() - ended
        wait_for(
            lambda: _status(execution.pk) == "completed", timeout=660, what="the run to complete"
        )
        completed = time.monotonic() - ended
    finally:
        rig.sink.on_message = None
        for worker in rig.workers:
            worker.stop()
        rig.workers.clear()
        stack.close()
        _forget_unacknowledged()

    def took_over(result: Any) -> bool:
        return bool(result.leases_taken_over or result.parts_reenqueued or result.runs_requeued)

    taken = rig.beat.first(struck_at[0], took_over)
    rows = WorkflowActionLog.objects.filter(execution_id=execution.pk, action_type="send_email")
    addresses = {c.email for c in people}
    with rig.sink.lock:
        received = [m["To"] for m in rig.sink.messages if m["To"] in addresses]
    by_to = Counter(received)
    return Outcome(
        fault=fault,
        execution_id=execution.pk,
        customers=customers,
        first_progress_s=round(first, 2),
        completed_s=round(completed, 2),
        recovered_s=None if taken is None else round(taken - struck_at[0], 2),
        statuses=dict(Counter(rows.values_list("status", flat=True))),
        duplicates=sorted(to for to, n in by_to.items() if n > 1),
        delivered=len(by_to),
        processes=concurrency,
    )
