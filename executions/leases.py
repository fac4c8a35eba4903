"""Leases on a step's fanned-out work, renewed by a heartbeat in each worker process.

A worker process that starts a part of a step's work (an email batch, a report) writes a
``WorkLease`` row for it: the task's id and arguments, itself as the holder (host:pid), and
``lease_until`` = now + ``WORKFLOW_LEASE_S``. A daemon thread of the process (one per process,
started with its first lease, again after a fork) pushes ``lease_until`` of every part the
process holds forward every ``WORKFLOW_LEASE_RENEW_S``, one UPDATE on its own database
connection. When the part is done the row is deleted; when it is to be retried after a
countdown (the worker keeps the retried message in memory until then) the lease is left to run
until the countdown is over, plus a lease period, without renewal.

So a lease that expired means its holder stopped: the process was killed, its machine lost or
cut off from the database, or its retry message lost with the broker. ``executions.recovery``
enqueues such a part again within seconds instead of waiting for the 300 s stall sweep. A
holder that was only slow (a renewal lost in a database outage) costs a second message for
the same part, which claims each customer before sending and skips whoever is not pending:
never a second email.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import socket
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from executions.errors import RetryLater
from executions.models import WorkLease

logger = logging.getLogger(__name__)


def lease_period() -> timedelta:
    return timedelta(seconds=float(settings.WORKFLOW_LEASE_S))


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class _Heartbeat:
    """The process's renewal thread and the task ids it renews."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.held: set[str] = set()
        self.pid: int | None = None
        self.thread: threading.Thread | None = None
        self.stop = threading.Event()

    def add(self, task_id: str) -> None:
        with self.lock:
            if self.pid != os.getpid() or self.thread is None or not self.thread.is_alive():
                # First lease of this process (or of a child forked from it: threads do not
                # survive a fork, and the parent's leases are not the child's).
                self.held = set()
                self.pid = os.getpid()
                self.stop = threading.Event()
                self.thread = threading.Thread(
                    target=self._run, args=(self.stop,), name="lease-heartbeat", daemon=True
                )
                self.thread.start()
            self.held.add(task_id)

    def discard(self, task_id: str) -> None:
        with self.lock:
            self.held.discard(task_id)

    def _run(self, stop: threading.Event) -> None:
        from django.db import connection as thread_connection  # this thread's own

        while not stop.wait(float(settings.WORKFLOW_LEASE_RENEW_S)):
            with self.lock:
                held = list(self.held)
            if not held:
                continue
            try:
                still = renew(held)
                with self.lock:
                    # Leases a pool process took on, or that are gone, are not ours to renew.
                    self.held -= set(held) - still
                    idle = not self.held
                if idle:
                    thread_connection.close()  # no connection kept for nothing
            except Exception as exc:  # the database is away: the next beat tries again
                logger.warning("could not renew %s work lease(s): %s", len(held), exc)
                with contextlib.suppress(Exception):
                    thread_connection.close()


_heartbeat = _Heartbeat()


def renew(task_ids: list[str]) -> set[str]:
    """Push the leases of ``task_ids`` held by this process forward; the ids still held."""
    mine = WorkLease.objects.filter(task_id__in=task_ids, holder=holder_id())
    mine.update(lease_until=timezone.now() + lease_period())
    return set(mine.values_list("task_id", flat=True))


def received(
    task_id: str,
    execution_id: int,
    step_order: int,
    step_type: str,
    part: list[int] | None = None,
) -> None:
    """A worker's main process received (reserved) a part: it holds the lease until a pool
    process starts the part and takes the lease on (``held``), and for as long as the part
    waits for its retry countdown in the main process's memory. Had the main process died
    with the part reserved, the message would stay invisible for the broker's visibility
    timeout (hours); with the lease, it is enqueued again within seconds."""
    take(task_id, execution_id, step_order, step_type, part)
    _heartbeat.add(task_id)


def take(
    task_id: str, execution_id: int, step_order: int, step_type: str, part: list[int] | None
) -> None:
    now = timezone.now()
    values = {
        "task_id": task_id,
        "execution": execution_id,
        "step_order": step_order,
        "step_type": step_type,
        "part": part,
        "holder": holder_id(),
        "lease_until": now + lease_period(),
        "taken_at": now,
        "backend_pid": _backend_pid(),
    }
    # A retried task keeps its id: the lease it left for its countdown is taken again. One
    # statement (an upsert, in autocommit), not update_or_create's six (a transaction, a
    # locking read, a savepoint around the insert): every part of every step takes one.
    fields = [WorkLease._meta.get_field(name) for name in values]
    params = [
        field.get_db_prep_save(value, connection)
        for field, value in zip(fields, values.values(), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql([field.column for field in fields]), params)


def _backend_pid() -> int | None:
    """This connection's PostgreSQL session, known to the driver without a round trip."""
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    return connection.connection.info.backend_pid


def _upsert_sql(columns: list[str]) -> str:
    """``INSERT ... ON CONFLICT (task_id) DO UPDATE``: PostgreSQL and SQLite (3.24+) alike."""
    quote = connection.ops.quote_name
    key, *rest = columns
    return (
        f"INSERT INTO {quote(WorkLease._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({quote(key)}) DO UPDATE SET "
        + ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in rest)
    )


@contextlib.contextmanager
def held(
    task_id: str | None,
    execution_id: int,
    step_order: int,
    step_type: str,
    part: list[int] | None,
    *,
    eager: bool = False,
) -> Iterator[None]:
    """Hold a lease on one part of a step's work for the duration of the block.

    A ``RetryLater`` leaving the block keeps the lease until its countdown is over (plus a
    lease period); any other way out drops it. Eager tasks (tests, a run inside a request)
    and tasks without an id hold none.
    """
    if eager or not task_id:
        yield
        return
    take(task_id, execution_id, step_order, step_type, part)
    _heartbeat.add(task_id)
    try:
        yield
    except RetryLater as retry:
        _heartbeat.discard(task_id)
        _leave_for_countdown(task_id, retry.countdown)
        raise
    except BaseException:
        _heartbeat.discard(task_id)
        _drop(task_id)
        raise
    _heartbeat.discard(task_id)
    _drop(task_id)


def leave_for_countdown(task_id: str | None, countdown: float) -> None:
    """The part's retry waits ``countdown`` seconds in the worker's memory: the lease runs
    until then, plus a lease period (the task wrapper, for errors it retries itself)."""
    if task_id:
        _heartbeat.discard(task_id)
        _leave_for_countdown(task_id, countdown)


def _leave_for_countdown(task_id: str, countdown: float) -> None:
    until = timezone.now() + timedelta(seconds=countdown) + lease_period()
    try:
        WorkLease.objects.filter(task_id=task_id, holder=holder_id()).update(lease_until=until)
    except Exception as exc:  # the database is away: the lease expires as it stands
        logger.warning("could not extend the work lease %s: %s", task_id, exc)


def _drop(task_id: str) -> None:
    # One statement in autocommit (a queryset's delete() would wrap it in a transaction and
    # collect related rows first; a lease has none).
    quote = connection.ops.quote_name
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {quote(WorkLease._meta.db_table)} "
                f"WHERE {quote('task_id')} = %s AND {quote('holder')} = %s",
                [task_id, holder_id()],
            )
    except Exception as exc:  # the lease expires and its part is enqueued once more: harmless
        logger.warning("could not drop the work lease %s: %s", task_id, exc)


def jittered(seconds: float) -> float:
    return seconds * random.uniform(0.8, 1.2)


def connection_retry_countdown(retries: int) -> float:
    """1, 2, 4, ... seconds, capped at ``WORKFLOW_CONNECTION_RETRY_MAX_S``, with jitter."""
    cap = float(settings.WORKFLOW_CONNECTION_RETRY_MAX_S)
    return jittered(min(cap, 2.0 ** min(retries, 16)))


def describe(lease: WorkLease) -> dict[str, Any]:
    return {
        "task_id": lease.task_id,
        "execution_id": lease.execution_id,
        "step_order": lease.step_order,
        "holder": lease.holder,
    }
