"""Performance harness.

Each benchmark is a module in this package with a ``run(args) -> list[Result]`` function that
measures our code next to a baseline measured in the same run on the same machine (so the
numbers compare like with like), and prints nothing itself. ``python -m benchmarks NAME``
runs one, ``python -m benchmarks all`` runs every one, ``python -m benchmarks --list`` lists
them. Each result is printed as one JSON object per line.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Result:
    benchmark: str
    metric: str
    value: float
    baseline: float
    #: value / baseline; what "better" means is in `conditions["better"]`.
    ratio: float = field(init=False)
    conditions: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ratio = round(self.value / self.baseline, 3) if self.baseline else float("inf")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def machine_conditions() -> dict[str, Any]:
    import os

    from django.db import connection

    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "database": connection.vendor,
    }


def best_of(repeats: int, fn: Callable[[], Any]) -> float:
    """The fastest of `repeats` wall-clock timings of `fn()`, in seconds."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return min(timings)
