"""Faults through the real queue: a worker killed mid-batch, and Redis restarted mid-run.

A worker that is SIGKILLed never acknowledges the batch it was running (late acknowledgement),
so Redis hands it to the next worker once the visibility timeout has passed; the batch claims
each customer in the action log, so whoever already got the email is not sent it again. A
Redis without persistence forgets every message when it restarts; the dispatcher's sweep
(executions/dispatch.py) finds the work the database still knows about and enqueues it again.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from customers.models import Customer
from executions.dispatch import dispatch_due
from executions.message_ids import message_id
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.services import execution_start
from tests.e2e.conftest import SmtpSink, Worker, _free_port, wait_for
from tests.e2e.test_queue import _customers, _one_step_workflow, _status, _template

pytestmark = [pytest.mark.worker, pytest.mark.slow]
Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status

# A dead worker's unacknowledged batch is handed out again this long after its delivery.
VISIBILITY_TIMEOUT_S = 5
FAST_REDELIVERY = {
    "CELERY_VISIBILITY_TIMEOUT_S": str(VISIBILITY_TIMEOUT_S),
    # Retry countdowns must stay below the visibility timeout (config/settings.py).
    "CELERY_MAX_COUNTDOWN_S": "1",
}


def _send_email_rows(execution: WorkflowExecution) -> list[WorkflowActionLog]:
    return list(WorkflowActionLog.objects.filter(execution=execution, action_type="send_email"))


def _admin_alerts(sink: SmtpSink) -> list[Any]:
    with sink.lock:  # ADMIN_EMAILS of the workers (tests/e2e/conftest.py)
        return [m for m in sink.messages if m["To"] == "ops@nordgrossisten.example"]


def _assert_one_email_each(sink: SmtpSink, customers: list[Customer]) -> None:
    """Every customer got exactly one email: counted by recipient and by Message-ID."""
    addresses = {c.email for c in customers}
    with sink.lock:
        messages = [m for m in sink.messages if m["To"] in addresses]
    by_to = Counter(m["To"] for m in messages)
    by_id = Counter(m["Message-ID"] for m in messages)
    assert [to for to, n in by_to.items() if n > 1] == []
    assert [mid for mid, n in by_id.items() if n > 1] == []
    assert sorted(by_to) == sorted(c.email for c in customers)
    assert len(by_id) == len(customers)


def test_a_worker_killed_mid_batch_leaves_every_customer_one_email_and_one_final_row(
    start_worker: Callable[..., Worker], smtp_server: SmtpSink
) -> None:
    customers = _customers(1000)
    smtp_server.delay_s = 0.005
    env = {**FAST_REDELIVERY, "WORKFLOW_EMAIL_BATCH_SIZE": "50"}
    # One pool process, so the kill lands at a known point: the 300th message has reached
    # the server, and its sender waits for the answer with the customer claimed (`unknown`).
    first = start_worker(env=env, concurrency=1)
    killed = threading.Event()

    def kill_at_300(count: int) -> None:
        if count == 300 and not killed.is_set():
            first.kill()
            killed.set()

    smtp_server.on_message = kill_at_300
    execution = execution_start(workflow=_one_step_workflow(_template()), triggered_by=None)

    wait_for(killed.is_set, timeout=60, what="300 emails and the kill")
    killed_at = time.monotonic()
    first.proc.wait(timeout=10)
    wait_for(lambda: first.proc.poll() is not None, timeout=10, what="the worker to die")
    # Nothing of the dead worker sends any more.
    time.sleep(1)
    assert smtp_server.count() == 300
    rows = _send_email_rows(execution)
    assert Counter(r.status for r in rows)[LogStatus.UNKNOWN] == 1
    assert _status(execution) == Status.RUNNING

    # Its batch was delivered before the kill: once the visibility timeout has passed since
    # then, the next worker gets it back when it starts polling.
    wait_for(
        lambda: time.monotonic() > killed_at + VISIBILITY_TIMEOUT_S + 1,
        timeout=VISIBILITY_TIMEOUT_S + 5,
        what="the visibility timeout",
    )
    start_worker(env=env, concurrency=2)
    wait_for(lambda: _status(execution) == Status.COMPLETED, timeout=90, what="completion")

    rows = _send_email_rows(execution)
    by_customer = Counter(r.target_id for r in rows)
    assert sorted(by_customer) == sorted(c.pk for c in customers)
    assert set(by_customer.values()) == {1}  # exactly one final row each
    statuses = Counter(r.status for r in rows)
    # The one send the kill interrupted is `unknown` (it was delivered, but nobody could
    # record that); it was not sent again. Everyone else: `success`.
    assert statuses == {LogStatus.SUCCESS: 999, LogStatus.UNKNOWN: 1}
    _assert_one_email_each(smtp_server, customers)
    # The run completed with one outcome nobody knows: the admins hear of it, once.
    unknown = next(r for r in rows if r.status == LogStatus.UNKNOWN)
    wait_for(lambda: _admin_alerts(smtp_server), timeout=30, what="the admins' alert")
    time.sleep(1)
    [alert] = _admin_alerts(smtp_server)
    assert message_id(execution.pk, 1, unknown.target_id) in alert.get_payload(decode=True).decode()


# --- Redis restarted mid-run ----------------------------------------------------------------


@dataclass
class RedisServer:
    """A redis-server of this test's own, keeping nothing on disk (a restart loses all)."""

    port: int
    log_path: str
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(self._answers, timeout=20, what="redis-server to accept connections")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@pytest.fixture
def own_redis(tmp_path) -> Iterator[RedisServer]:
    server = RedisServer(port=_free_port(), log_path=str(tmp_path / "redis.log"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def publishing_to(url: str) -> Iterator[None]:
    """The test process's Celery app publishes to `url` for the duration."""
    from config.celery import app

    def drop_connections() -> None:
        # Forget the cached pools (kombu keeps them per connection); the next publish
        # opens a connection to whatever broker_url says then.
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


def test_a_run_completes_after_redis_restarts_and_loses_every_message(
    start_worker: Callable[..., Worker], smtp_server: SmtpSink, own_redis: RedisServer, settings
) -> None:
    # The dispatcher runs in this process (as beat would, every few seconds).
    settings.WORKFLOW_STALLED_QUEUED_S = 2
    settings.WORKFLOW_STALLED_BATCH_S = 2
    customers = _customers(200)
    smtp_server.delay_s = 0.02
    with publishing_to(own_redis.url):
        start_worker(broker=own_redis.url, env=FAST_REDELIVERY)
        execution = execution_start(workflow=_one_step_workflow(_template()), triggered_by=None)
        wait_for(lambda: smtp_server.count() >= 40, timeout=60, what="the first 40 emails")

        own_redis.stop()
        time.sleep(2)  # Redis is down for a while
        own_redis.start()  # ...and comes back empty
        assert smtp_server.count() < len(customers)

        swept: list[int] = []

        def dispatcher_tick_until_completed() -> bool:
            with contextlib.suppress(Exception):  # the publisher may still be reconnecting
                result = dispatch_due()
                swept.append(result.swept_runs + result.swept_batches)
            if _status(execution) == Status.COMPLETED:
                return True
            time.sleep(1)
            return False

        wait_for(dispatcher_tick_until_completed, timeout=90, what="completion")
        assert sum(swept) > 0  # the lost work came back through the sweep

    rows = _send_email_rows(execution)
    assert sorted(r.target_id for r in rows) == sorted(c.pk for c in customers)
    assert {r.status for r in rows} == {LogStatus.SUCCESS}
    _assert_one_email_each(smtp_server, customers)
