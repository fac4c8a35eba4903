"""A real Celery worker and an SMTP sink for the benchmarks that go through the queue.

The worker is ``celery -A config worker`` in a subprocess, pointed at the benchmark's throw-away
database (``connection.settings_dict["NAME"]`` once ``benchmarks.db`` has set it up) and at a
Redis broker, the way ``tests/e2e/conftest.py`` starts one for the end-to-end tests. It also
imports ``benchmarks.tasks`` (``-I``) so the baseline tasks exist without touching the product.

The SMTP sink is aiosmtpd on a free loopback port. It runs in a process of its own rather than
a thread of the benchmark process: a limit script that sends from the benchmark process would
otherwise share one GIL with the sink, which would lower the limit and flatter our ratio.

CPU time is read from ``/proc/<pid>/stat`` (utime + stime of every process of the worker's
tree, plus cutime + cstime of the main process for pool children that were already reaped),
in clock ticks divided by ``SC_CLK_TCK``. It is the CPU of the worker processes only: the
database server, the broker and the sink are not counted, for our path or for any baseline.
``system_cpu_seconds`` (from /proc/stat) gives the whole machine's busy time beside it.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLK_TCK = os.sysconf("SC_CLK_TCK")


class BenchmarkSetupError(RuntimeError):
    """The environment cannot run this benchmark (no Redis broker, no PostgreSQL)."""


def require_redis_broker() -> str:
    """The Redis broker URL, or a clear error: the real worker needs Redis (and PostgreSQL)."""
    from django.conf import settings
    from django.db import connection

    broker = os.environ.get("CELERY_BROKER_URL") or settings.CELERY_BROKER_URL
    if not broker.startswith("redis://"):
        raise BenchmarkSetupError(
            "this benchmark runs a real Celery worker and needs a Redis broker: set "
            f"CELERY_BROKER_URL=redis://HOST:PORT/DB (got {broker!r})"
        )
    if connection.vendor != "postgresql":
        raise BenchmarkSetupError(
            "this benchmark runs a real Celery worker in another process and needs PostgreSQL: "
            "set DATABASE_URL=postgres://..."
        )
    return broker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate: Callable[[], object], *, timeout: float, what: str, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


# --- CPU time ------------------------------------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may contain spaces; everything after its ")" is fixed.
    return raw[raw.rindex(")") + 2 :].split()


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    kids: list[int] = []
    for tid in tasks:
        with suppress(OSError):
            kids += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
    return kids


def tree_cpu_seconds(pid: int) -> float:
    """utime + stime of `pid` and all its live descendants, plus what its reaped children
    used (cutime + cstime, which the kernel adds to a parent when it waits for a child)."""
    total_ticks = 0
    stack = [(pid, True)]
    while stack:
        current, is_root = stack.pop()
        fields = _stat(current)
        if fields is None:
            continue
        # After the ")": state=0 ... utime=11, stime=12, cutime=13, cstime=14.
        ticks = int(fields[11]) + int(fields[12])
        if is_root:
            ticks += int(fields[13]) + int(fields[14])
        total_ticks += ticks
        stack.extend((child, False) for child in _children(current))
    return total_ticks / CLK_TCK


def system_cpu_seconds() -> float:
    """Busy CPU time of the whole machine (every process: database, broker, sink, ...), from
    the first line of /proc/stat (user + nice + system + irq + softirq + steal)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


# --- SMTP sink -----------------------------------------------------------------------------


class _CountingHandler:
    def __init__(self, counter) -> None:
        self.counter = counter

    async def handle_DATA(self, server, session, envelope):
        with self.counter.get_lock():
            self.counter.value += 1
        return "250 Message accepted for delivery"


def _sink_main(port: int, counter, ready) -> None:
    import logging

    from aiosmtpd.controller import Controller

    # aiosmtpd logs every SMTP command at INFO: that would cost the sink more than the SMTP.
    logging.getLogger("mail.log").setLevel(logging.WARNING)

    controller = Controller(_CountingHandler(counter), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


@dataclass
class SmtpSink:
    port: int
    process: multiprocessing.process.BaseProcess
    _counter: object

    def count(self) -> int:
        return self._counter.value  # type: ignore[attr-defined]


@contextmanager
def smtp_sink() -> Iterator[SmtpSink]:
    """An SMTP server on a free loopback port that accepts and counts every message."""
    ctx = multiprocessing.get_context("spawn")
    counter = ctx.Value("q", 0)
    ready = ctx.Event()
    port = free_port()
    process = ctx.Process(target=_sink_main, args=(port, counter, ready), daemon=True)
    process.start()
    try:
        if not ready.wait(30):
            raise BenchmarkSetupError("the SMTP sink did not start")
        yield SmtpSink(port=port, process=process, _counter=counter)
    finally:
        process.terminate()
        process.join(10)


# --- Celery worker -------------------------------------------------------------------------


@dataclass
class Worker:
    proc: subprocess.Popen
    log_path: Path
    concurrency: int
    broker: str

    def cpu_seconds(self) -> float:
        return tree_cpu_seconds(self.proc.pid)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _database_url() -> str:
    from django.db import connection

    db = connection.settings_dict
    auth = db["USER"] or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


@contextmanager
def celery_worker(
    *,
    concurrency: int,
    smtp_port: int | None = None,
    queues: str = "email,default,report",
    extra_env: dict[str, str] | None = None,
) -> Iterator[Worker]:
    """`celery worker` (prefork) on `queues` against the benchmark database and broker.

    The benchmark's data must be committed before the worker can see it (the runner does not
    wrap benchmarks in a transaction). Queues are purged before and after.
    """
    from django.conf import settings
    from django.db import connection

    from config.celery import app

    broker = require_redis_broker()
    app.control.purge()
    workdir = Path(tempfile.mkdtemp(prefix="bench-worker-"))
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        # The product's own result backend unless the caller overrides it.
        "CELERY_RESULT_BACKEND": os.environ.get(
            "CELERY_RESULT_BACKEND", str(settings.CELERY_RESULT_BACKEND)
        ),
        "VAR_DIR": str(workdir / "var"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **(extra_env or {}),
    }
    if smtp_port is not None:
        env.update(
            {
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp_port),
            }
        )
    log_path = workdir / "worker.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-I",
            "benchmarks.tasks",
            "-Q",
            queues,
            "--concurrency",
            str(concurrency),
            "--pool",
            "prefork",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    worker = Worker(proc=proc, log_path=log_path, concurrency=concurrency, broker=broker)
    try:
        try:
            wait_for(
                lambda: proc.poll() is not None or " ready." in worker.log(),
                timeout=60,
                what="the worker to start",
            )
        except TimeoutError as exc:
            raise BenchmarkSetupError(f"{exc}; log:\n{worker.log()[-3000:]}") from exc
        if proc.poll() is not None:
            raise BenchmarkSetupError(f"the worker exited; log:\n{worker.log()[-3000:]}")
        yield worker
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        app.control.purge()
        # The worker's connections must be gone before the test database is dropped.
        connection.close()
