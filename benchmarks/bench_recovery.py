"""Time to recover from each fault, next to the stall sweep that recovered before.

Runs the fault scenarios of ``tests/e2e/faults.py`` (a real worker, Redis, PostgreSQL and an
SMTP sink; a worker SIGKILLed, Redis killed and restarted empty, PostgreSQL cut off for 20 s,
the mail server refusing connections for 60 s) ``--repeats`` times each and reports, per
fault, the 95th percentile of the seconds from the fault's end to the run moving again (the
first email after it) and to its completion.

The baseline is the old recovery of the same fault, measured in the same run with the
recovery task off: only the dispatcher's stall sweep, every ``WORKFLOW_DISPATCH_INTERVAL_S``,
with its ``WORKFLOW_STALLED_*_S`` of 300 s. That takes five minutes and more per fault, so it
is measured once per fault and only for the faults named in ``BENCH_RECOVERY_BASELINE``
(``sigkill,redis``, say); otherwise the baseline printed is the sweep period itself
(``conditions.baseline`` says which). Results are printed as each fault is done. The SMTP
fault was never a stall-sweep matter (each customer waited out the step's own backoff, spending
a retry per attempt); its baseline is the sweep period too.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import Result, machine_conditions
from benchmarks.worker import require_redis_broker


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _old_recovery(fault: str, tmp: Path) -> float:
    """Seconds from the fault's end to completion with only the dispatcher's stall sweep."""
    from django.conf import settings

    from executions import dispatch, recovery
    from tests.e2e.faults import Rig, run_scenario

    original = recovery.recover
    rig = Rig(tmp)

    def sweep_only() -> recovery.RecoveryResult:
        dispatch.dispatch_due()
        return recovery.RecoveryResult()

    recovery.recover = sweep_only  # type: ignore[assignment]
    rig.beat.interval = float(settings.WORKFLOW_DISPATCH_INTERVAL_S)
    try:
        return run_scenario(rig, fault).completed_s
    finally:
        recovery.recover = original  # type: ignore[assignment]
        rig.close()


def run(args: argparse.Namespace) -> Iterator[Result]:
    require_redis_broker()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from django.conf import settings

    from tests.e2e.faults import FAULTS, Rig, run_scenario

    repeats = 1 if args.quick else int(os.environ.get("BENCH_RECOVERY_REPEATS", "3"))
    measure_old = set(os.environ.get("BENCH_RECOVERY_BASELINE", "").split(","))
    faults = [f for f in os.environ.get("BENCH_RECOVERY_FAULTS", ",".join(FAULTS)).split(",") if f]
    sweep_s = float(settings.WORKFLOW_STALLED_BATCH_S)
    for fault in faults:
        firsts: list[float] = []
        completions: list[float] = []
        recovered: list[float] = []
        unknown = duplicates = 0
        for _ in range(repeats):
            with tempfile.TemporaryDirectory(prefix="bench-recovery-") as tmp:
                rig = Rig(Path(tmp))
                try:
                    outcome = run_scenario(rig, fault)
                finally:
                    rig.close()
            firsts.append(outcome.first_progress_s)
            completions.append(outcome.completed_s)
            if outcome.recovered_s is not None:
                recovered.append(outcome.recovered_s)
            unknown += outcome.statuses.get("unknown", 0)
            duplicates += len(outcome.duplicates)
            time.sleep(1)
        baseline, baseline_kind = sweep_s, "the stall sweep's period (WORKFLOW_STALLED_BATCH_S)"
        if fault in measure_old and fault != "smtp":
            with tempfile.TemporaryDirectory(prefix="bench-recovery-old-") as tmp:
                baseline = _old_recovery(fault, Path(tmp))
            baseline_kind = "measured: completion with the stall sweep only, same run"
        conditions = {
            **machine_conditions(),
            "better": "lower",
            "fault": fault,
            "repeats": repeats,
            "baseline": baseline_kind,
            "lease_s": settings.WORKFLOW_LEASE_S,
            "recovery_interval_s": settings.WORKFLOW_RECOVERY_INTERVAL_S,
            "moving_again_s": firsts,
            "completed_s": completions,
            "lost_work_taken_over_s": recovered,
            "unknown_rows": unknown,
            "duplicate_emails": duplicates,
        }
        yield Result(
            benchmark="recovery",
            metric=f"{fault}: p95 seconds from the fault's end to the run moving again",
            value=round(_p95(firsts), 2),
            baseline=baseline,
            conditions=conditions,
        )
        yield Result(
            benchmark="recovery",
            metric=f"{fault}: p95 seconds from the fault's end to the run's completion",
            value=round(_p95(completions), 2),
            baseline=baseline,
            conditions=conditions,
        )
