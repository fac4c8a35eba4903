"""Trivial Celery tasks for the baselines of the queue benchmarks.

Not part of the product: the benchmark worker imports this module with ``-I benchmarks.tasks``.
The task does nothing and stores no result (``ignore_result``), so a chain of them is the floor
of what Celery itself costs per hop on the broker: publish, deliver, ack.
"""

from __future__ import annotations

import time

from config.celery import app

_redis = None


@app.task(name="benchmarks.tasks.noop", ignore_result=True)
def noop(index: int, last: int, done_key: str) -> None:
    """Link `index` of a chain; the last one pushes its finish time (a float) to `done_key`."""
    if index != last:
        return
    global _redis
    if _redis is None:
        import redis

        _redis = redis.Redis.from_url(app.conf.broker_url)
    _redis.rpush(done_key, repr(time.time()))


@app.task(name="benchmarks.tasks.echo", ignore_result=True)
def echo(reply_key: str) -> None:
    """Answer on `reply_key` at once: one bare task round trip (publish, deliver, run, reply)."""
    global _redis
    if _redis is None:
        import redis

        _redis = redis.Redis.from_url(app.conf.broker_url)
    _redis.rpush(reply_key, b"1")
