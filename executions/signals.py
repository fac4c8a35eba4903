"""Signals the engine sends for whoever watches it (metrics, structured logs: the ops app),
so that the engine does not depend on them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.dispatch import Signal

#: Sent when a step type starts running: ``step_type``, ``execution_id``, ``step_order``.
step_started = Signal()
#: Sent when it has returned or raised: the same plus ``seconds`` and ``ok`` (False: it raised).
step_finished = Signal()


@contextmanager
def step_run(step_type: str, execution_id: int, step_order: int) -> Iterator[None]:
    """Around one run of a step type: announces it and how long it took."""
    details = {"step_type": step_type, "execution_id": execution_id, "step_order": step_order}
    step_started.send(sender=step_type, **details)
    started = time.monotonic()
    ok = False
    try:
        yield
        ok = True
    finally:
        step_finished.send(sender=step_type, seconds=time.monotonic() - started, ok=ok, **details)
