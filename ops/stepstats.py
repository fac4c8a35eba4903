"""Step durations as a Prometheus histogram that every process adds to and any web process
reads: the buckets live in Redis (the broker's, or CACHE_URL's), so /metrics on any machine
shows the steps run by every worker on every machine.

Without Redis (zero configuration) they are kept in this process only, which is what a
single-process development run needs and all it can have.

A process sends its observations to Redis at most once per ``FLUSH_S`` (one pipeline), not one
round trip per step (three for a three-step run: a measurable part of the executions per
second): a timer started by the first observation sends what came in meanwhile. So another
process's /metrics sees a step within ``FLUSH_S``; this process's own /metrics at once
(``snapshot`` adds what it has not sent yet); a process killed loses its last second of
observations, never a step.
"""

from __future__ import annotations

import atexit
import bisect
import logging
import os
import threading
from collections import defaultdict
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

#: Upper bounds in seconds: a database-only step takes milliseconds, an integration call or a
#: report up to minutes.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)
KEY = "workflow:metrics:step_duration"

_client_lock = threading.Lock()
_client: Any = None
_client_url: str | None = None
# The in-process fallback: {(step_type, ok): [count per bucket..., +Inf], sum}
_local: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0] * (len(BUCKETS) + 2))
_local_lock = threading.Lock()

#: How long an observation may wait in the process before it is sent to Redis.
FLUSH_S = 1.0
# Observations not yet sent: {hash field: increment}, for the process that made them.
_unsent: dict[str, float] = {}
_unsent_lock = threading.Lock()
_unsent_pid: int | None = None
_timer: threading.Timer | None = None


def redis_url() -> str:
    """Where the shared histogram lives: the broker when it is Redis, else CACHE_URL."""
    for url in (settings.CELERY_BROKER_URL, getattr(settings, "CACHE_URL", "")):
        if url and url.startswith(("redis://", "rediss://", "unix://")):
            return url
    return ""


def _redis() -> Any:
    global _client, _client_url
    url = redis_url()
    if not url:
        return None
    with _client_lock:
        if _client is None or _client_url != url:
            import redis

            # Short timeouts: a slow Redis must not hold up a step for its metric.
            _client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
            _client_url = url
        return _client


def _bucket(seconds: float) -> int:
    """Index of the first bucket whose bound is >= seconds (len(BUCKETS): +Inf)."""
    return bisect.bisect_left(BUCKETS, seconds)


def observe(step_type: str, seconds: float, ok: bool) -> None:
    """Record one run of a step type. Never raises: metrics must not fail a step."""
    outcome = "ok" if ok else "error"
    index = _bucket(seconds)
    client = _redis()
    if client is None:
        with _local_lock:
            row = _local[(step_type, outcome)]
            row[index] += 1
            row[-1] += seconds
        return
    prefix = f"{step_type}|{outcome}"
    global _timer, _unsent_pid
    with _unsent_lock:
        if _unsent_pid != os.getpid():
            # Forked (a worker's pool process): the parent's unsent ones are the parent's.
            _unsent.clear()
            _unsent_pid, _timer = os.getpid(), None
        count, total = f"{prefix}|{index}", f"{prefix}|sum"
        _unsent[count] = _unsent.get(count, 0) + 1
        _unsent[total] = _unsent.get(total, 0.0) + seconds
        if _timer is None:
            _timer = threading.Timer(FLUSH_S, flush)
            _timer.daemon = True
            _timer.start()


def _take_unsent() -> dict[str, float]:
    global _timer
    with _unsent_lock:
        if _unsent_pid != os.getpid():
            return {}
        taken = dict(_unsent)
        _unsent.clear()
        _timer = None
    return taken


def flush() -> None:
    """Send this process's unsent observations to Redis (the timer; at exit). Never raises."""
    taken = _take_unsent()
    client = _redis() if taken else None
    if client is None:
        return
    try:
        pipe = client.pipeline(transaction=False)
        for field, increment in taken.items():
            if field.endswith("|sum"):
                pipe.hincrbyfloat(KEY, field, increment)
            else:
                pipe.hincrby(KEY, field, int(increment))
        pipe.execute()
    except Exception as exc:  # a metric lost is better than a step failed
        logger.warning("could not record %d step durations: %s", len(taken) // 2, exc)


atexit.register(flush)


def snapshot() -> dict[tuple[str, str], tuple[list[float], float]]:
    """{(step_type, outcome): (non-cumulative counts per bucket incl. +Inf, sum)}."""
    client = _redis()
    result: dict[tuple[str, str], tuple[list[float], float]] = {}
    if client is None:
        with _local_lock:
            for key, row in _local.items():
                result[key] = (list(row[:-1]), row[-1])
        return result
    raw = {field.decode(): float(value) for field, value in client.hgetall(KEY).items()}
    with _unsent_lock:
        if _unsent_pid == os.getpid():
            for field, increment in _unsent.items():
                raw[field] = raw.get(field, 0.0) + increment
    for field, value in raw.items():
        step_type, outcome, slot = field.rsplit("|", 2)
        counts, total = result.get((step_type, outcome), ([0.0] * (len(BUCKETS) + 1), 0.0))
        if slot == "sum":
            total = float(value)
        else:
            counts[int(slot)] += float(value)
        result[(step_type, outcome)] = (counts, total)
    return result


def bucket_bounds() -> list[str]:
    return [repr(float(b)) for b in BUCKETS] + ["+Inf"]


def reset() -> None:
    """Forget every observation (tests)."""
    with _local_lock:
        _local.clear()
    _take_unsent()
    client = _redis()
    if client is not None:
        client.delete(KEY)


__all__ = ["BUCKETS", "bucket_bounds", "flush", "observe", "reset", "snapshot"]
