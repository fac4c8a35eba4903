"""A real Celery worker and a real SMTP server on loopback, for tests about the queue.

The worker is a separate process that talks to the same PostgreSQL test database and the same
Redis broker as the test, so the test's data must be committed (`transactional_db`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SmtpSink:
    """Collects every message it accepts; `refuse` decides per recipient what to answer."""

    messages: list[Message] = field(default_factory=list)
    refuse: Callable[[str], str | None] = lambda address: None
    delay_s: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    #: Called with the number of messages accepted so far, after each one is stored and
    #: before the client gets its answer (a fault can strike at a known point).
    on_message: Callable[[int], None] | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse(address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay_s:
            time.sleep(self.delay_s)  # a slow server, so a pause can land mid-batch
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content))
            count = len(self.messages)
        if self.on_message is not None:
            self.on_message(count)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        with self.lock:
            return [m for m in self.messages if address in m["To"]]

    def count(self) -> int:
        with self.lock:
            return len(self.messages)


@pytest.fixture
def smtp_server() -> Iterator[SmtpSink]:
    sink = SmtpSink(port=_free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


def wait_for(predicate: Callable[[], object], *, timeout: float = 60, what: str = "") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what or predicate}")


@pytest.fixture
def start_worker(
    transactional_db, smtp_server: SmtpSink, redis_url, tmp_path
) -> Iterator[Callable[..., Worker]]:
    """A factory: `start_worker(broker=..., env=..., concurrency=..., queues=...)` starts one
    more `celery worker` on all three queues (or `queues`) against the test database, waits
    until it is ready and stops it after the test. Each worker leads its own process group,
    so a test can SIGKILL it together with its pool processes (`Worker.kill`)."""
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run worker tests on PostgreSQL")
        pytest.skip("worker tests need PostgreSQL")
    default_broker = os.environ["CELERY_BROKER_URL"]
    if not default_broker.startswith("redis://"):
        pytest.skip("worker tests need Redis as the broker")

    import executions.tasks  # noqa: F401  (registers the tasks the test process enqueues)
    from config.celery import app

    app.control.purge()
    db = connection.settings_dict
    workers: list[Worker] = []

    def start(
        *,
        broker: str | None = None,
        env: dict[str, str] | None = None,
        concurrency: int = 2,
        queues: str = "email,default,report",
    ) -> Worker:
        number = len(workers) + 1
        worker_env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "CELERY_BROKER_URL": broker or default_broker,
            "CELERY_RESULT_BACKEND": "disabled://",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_server.port),
            "WORKFLOW_RETRY_BASE_S": "0.2",
            "WORKFLOW_EMAIL_BATCH_SIZE": "10",
            "ADMIN_EMAILS": "ops@nordgrossisten.example",
            "VAR_DIR": str(tmp_path / "worker-var"),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            **(env or {}),
        }
        log_path = tmp_path / f"worker-{number}.log"
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "worker",
                    "-n",
                    f"worker{number}@%h",
                    "-Q",
                    queues,
                    "--concurrency",
                    str(concurrency),
                    "--pool",
                    "prefork",
                    "--without-gossip",
                    "--without-mingle",
                    "--loglevel",
                    "INFO",
                ],
                cwd=ROOT,
                env=worker_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        worker = Worker(proc=proc, log_path=log_path)
        workers.append(worker)
        wait_for(
            lambda: "ready." in worker.log() or proc.poll() is not None,
            timeout=60,
            what="the worker to start",
        )
        assert proc.poll() is None, f"the worker exited at start:\n{worker.log()[-3000:]}"
        return worker

    try:
        yield start
    finally:
        for worker in workers:
            worker.stop()
        app.control.purge()
        # The workers' connections must be gone before the test database is flushed.
        connection.close()


@pytest.fixture
def celery_worker(start_worker: Callable[..., Worker]) -> Worker:
    """One worker on the test broker, concurrency 2."""
    return start_worker()


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
            self.proc.terminate()  # warm shutdown: running tasks finish
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=20)
        self.kill()  # whatever is left of the group
        self.proc.wait()
