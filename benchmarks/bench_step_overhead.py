"""Engine overhead per step: a workflow of cheap steps through the real worker.

Ours: a workflow of STEPS cheap steps (alternately a ``check_condition`` customer_filter over a
small group and a ``wait_until`` whose moment is already past), started with
``execution_start`` and run by a real Celery worker (prefork) on Redis and PostgreSQL. Wall
time runs from just before ``execution_start`` to the execution's ``completed_at`` (written by
the worker, same machine clock); ms per step = wall time / STEPS.

Baseline, measured in the same run against the same worker and broker: a raw Celery chain of
STEPS trivial tasks (``benchmarks.tasks.noop``, which stores no result), from just before
``apply_async`` to the finish time the last task pushes to Redis; ms per task = wall / STEPS.

Each is run twice to warm up, then REPEATS times interleaved; the best run is reported
(``best_of`` semantics), all runs are in the conditions. Target: ours <= 1.5 x the chain.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid

from benchmarks import Result, machine_conditions
from benchmarks.worker import celery_worker, require_redis_broker, wait_for

GROUP = "bench-steps"
PAST = "2020-01-01T00:00:00+00:00"
TARGET = 1.5


def _workflow(steps: int):
    from automation.services import workflow_create
    from customers.models import Customer, CustomerGroup

    group, _ = CustomerGroup.objects.get_or_create(slug=GROUP, defaults={"name": "Bench steps"})
    members = Customer.objects.bulk_create(
        Customer(name=f"Steg {i}", email=f"steg{i}@bench.example") for i in range(20)
    )
    group.customers.add(*members)
    definition = []
    for order in range(1, steps + 1):
        if order % 2:
            definition.append(
                {
                    "step_order": order,
                    "step_type": "check_condition",
                    "condition_config": {"check": "customer_filter", "group": GROUP},
                }
            )
        else:
            definition.append(
                {"step_order": order, "step_type": "wait_until", "trigger_config": {"at": PAST}}
            )
    return workflow_create(
        created_by=None,
        data={
            "name": f"Bench {steps} steps",
            # Never deployed, so the schedule never fires: only execution_start runs it.
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "09:00"},
            },
            "steps": definition,
        },
    )


def _run_ours(workflow) -> float:
    from executions.models import WorkflowExecution
    from executions.services import execution_start

    start = time.time()
    execution = execution_start(workflow=workflow, triggered_by=None)
    done = wait_for(
        lambda: (
            WorkflowExecution.objects.filter(pk=execution.pk, status__in=["completed", "failed"])
            .values_list("status", "completed_at")
            .first()
        ),
        timeout=120,
        what=f"execution {execution.pk} to finish",
        every=0.01,
    )
    status, completed_at = done
    if status != "completed":
        raise RuntimeError(f"execution {execution.pk} ended {status}")
    return completed_at.timestamp() - start


def _run_chain(steps: int, client) -> float:
    from celery import chain

    from benchmarks.tasks import noop

    key = f"bench:chain:{uuid.uuid4().hex}"
    start = time.time()
    chain(*(noop.si(i, steps - 1, key) for i in range(steps))).apply_async()
    popped = client.blpop([key], timeout=120)
    if popped is None:
        raise TimeoutError("the Celery chain did not finish in 120s")
    client.delete(key)
    return float(popped[1]) - start


def run(args: argparse.Namespace) -> list[Result]:
    import redis

    require_redis_broker()  # before any setup: fail fast and clearly
    steps = 10 if args.quick else 40
    repeats = 3 if args.quick else 7
    concurrency = 2
    workflow = _workflow(steps)
    ours: list[float] = []
    chained: list[float] = []
    with celery_worker(concurrency=concurrency, queues="default") as worker:
        client = redis.Redis.from_url(worker.broker)
        for _ in range(2):  # warm-up: imports, connections, caches in every pool process
            _run_ours(workflow)
            _run_chain(steps, client)
        for _ in range(repeats):
            ours.append(_run_ours(workflow))
            chained.append(_run_chain(steps, client))
    per_step = [1000 * t / steps for t in ours]
    per_task = [1000 * t / steps for t in chained]
    value = min(per_step)
    baseline = min(per_task)
    return [
        Result(
            benchmark="step_overhead",
            metric="ms_per_step",
            value=round(value, 3),
            baseline=round(baseline, 3),
            conditions={
                **machine_conditions(),
                "steps": steps,
                "repeats": repeats,
                "step_types": (
                    "check_condition customer_filter (20-customer group) / wait_until past"
                ),
                "worker": f"celery prefork, concurrency {concurrency}, queue default",
                "broker": "redis",
                "result_backend": _result_backend(),
                "ours_ms_per_step_all": [round(x, 3) for x in per_step],
                "chain_ms_per_task_all": [round(x, 3) for x in per_task],
                "ours_ms_per_step_median": round(statistics.median(per_step), 3),
                "chain_ms_per_task_median": round(statistics.median(per_task), 3),
                "better": "lower",
                "target": f"ratio <= {TARGET}",
                "target_met": value <= TARGET * baseline,
                "baseline_is": f"raw Celery chain of {steps} no-op tasks (no result stored)",
            },
        )
    ]


def _result_backend() -> str:
    import os

    from django.conf import settings

    return os.environ.get("CELERY_RESULT_BACKEND", str(settings.CELERY_RESULT_BACKEND))
