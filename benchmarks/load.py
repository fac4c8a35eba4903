"""Small helpers for the latency and load benchmarks: percentiles, a local gunicorn, and a
closed-loop HTTP load driver (threads, each with its own connection to 127.0.0.1).

Traffic goes only to the server started here, on 127.0.0.1, and every run is bounded in time.
"""

from __future__ import annotations

import http.client
import math
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

HOST = "127.0.0.1"


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile (0 < p <= 100) of ``values``; nan when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def database_url(settings_dict: Mapping[str, object]) -> str:
    """A DATABASE_URL for the database Django is connected to (the benchmark's test DB)."""
    user = quote(str(settings_dict.get("USER") or ""), safe="")
    password = quote(str(settings_dict.get("PASSWORD") or ""), safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def server_description(workers: int) -> str:
    return (
        f"gunicorn -c python:config.gunicorn config.wsgi -w {workers} "
        "(sync, preloaded, max_requests 2000), DJANGO_DEBUG=0"
    )


@contextmanager
def gunicorn(
    *, env: Mapping[str, str], workers: int = 2, startup_timeout: float = 30.0
) -> Iterator[int]:
    """Run ``gunicorn -c python:config.gunicorn config.wsgi`` on a free port of 127.0.0.1;
    yields the port.

    The server is stopped (SIGTERM, then SIGKILL) when the block exits; its output goes to a
    temporary log that is shown on stderr if it does not come up.
    """
    port = free_port()
    executable = Path(sys.executable).with_name("gunicorn")
    base_dir = Path(__file__).resolve().parent.parent
    with tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log") as log:
        process = subprocess.Popen(
            [
                str(executable),
                # Measured as deployed: the production settings (preloaded app, replaced
                # workers, an access line per request), with the benchmark's bind and workers.
                "-c",
                "python:config.gunicorn",
                "config.wsgi",
                "-w",
                str(workers),
                "-b",
                f"{HOST}:{port}",
                "--log-level",
                "warning",
            ],
            cwd=base_dir,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(port, process, startup_timeout)
        except Exception:
            log.flush()
            log.seek(0)
            print(log.read()[-4000:], file=sys.stderr)
            _stop(process)
            raise
        try:
            yield port
        finally:
            _stop(process)


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on {HOST}:{port} within {timeout} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@dataclass
class LoadStats:
    requests: int
    errors: int
    seconds: float
    latencies_s: list[float]

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def latency_ms(self, p: float) -> float:
        return percentile(self.latencies_s, p) * 1000


def drive(
    port: int,
    paths: Sequence[str],
    *,
    headers: Mapping[str, str] | None = None,
    concurrency: int = 16,
    seconds: float = 10.0,
    max_requests: int = 1_000_000,
) -> LoadStats:
    """Closed loop: ``concurrency`` threads each send GET requests back to back (cycling
    through ``paths``) for ``seconds``; keep-alive where the server allows it (gunicorn's
    sync workers close after each response, and http.client then reconnects)."""
    sent_headers = dict(headers or {})
    latencies: list[float] = []
    counters = {"errors": 0}
    lock = threading.Lock()
    start_gate = threading.Event()
    budget = max(1, max_requests // concurrency)
    deadline_holder: list[float] = []

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        mine: list[float] = []
        errors = 0
        start_gate.wait()
        deadline = deadline_holder[0]
        i = offset
        while len(mine) + errors < budget:
            began = time.perf_counter()
            if began >= deadline:
                break
            path = paths[i % len(paths)]
            i += 1
            try:
                conn.request("GET", path, headers=sent_headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                ok = False
            if ok:
                mine.append(time.perf_counter() - began)
            else:
                errors += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            counters["errors"] += errors

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline_holder.append(began + seconds)
    start_gate.set()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - began
    return LoadStats(
        requests=len(latencies),
        errors=counters["errors"],
        seconds=elapsed,
        latencies_s=latencies,
    )
