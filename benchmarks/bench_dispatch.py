"""Dispatching due schedules: executions created per second by one `dispatch_due` tick.

Baseline, measured in the same run: the straightforward way, one transaction per schedule
(create its execution through the service, advance next_run, save). Both create the same rows.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime, timedelta

from django.db import transaction

from benchmarks import Result, machine_conditions

DUE = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 09:00 Oslo


def _make_schedules(n: int, tag: str) -> list[int]:
    from automation.models import WorkflowDefinition, WorkflowSchedule

    workflows = WorkflowDefinition.objects.bulk_create(
        WorkflowDefinition(
            name=f"{tag} {i}",
            workflow_type="scheduled",
            status="active",
            is_active=True,
        )
        for i in range(n)
    )
    schedules = WorkflowSchedule.objects.bulk_create(
        WorkflowSchedule(
            workflow=w,
            schedule_type="weekly",
            schedule_config={"day": "monday", "time": "09:00"},
            timezone="Europe/Oslo",
            next_run=DUE,
        )
        for w in workflows
    )
    return [s.pk for s in schedules]


def _park(ids: list[int]) -> None:
    """Take a set of schedules out of the dispatcher's sight while the other one is timed."""
    from automation.models import WorkflowSchedule

    WorkflowSchedule.objects.filter(pk__in=ids).update(next_run=None)


def run(args: argparse.Namespace) -> list[Result]:
    from automation.models import WorkflowSchedule
    from automation.scheduling import next_run_after
    from executions import queueing
    from executions.dispatch import dispatch_due
    from executions.services import execution_create, schedule_idempotency_key

    n = 300 if args.quick else 3000
    # Nothing is enqueued: this measures the database work of a tick, not the broker.
    queueing_enqueue_run = queueing.enqueue_run
    queueing.enqueue_run = lambda execution_id: None
    import executions.dispatch as dispatch_module

    original_enqueue = dispatch_module.execution_enqueue
    dispatch_module.execution_enqueue = lambda **kwargs: None
    try:
        naive_ids = _make_schedules(n, "naive")
        _park(naive_ids)
        fast_ids = _make_schedules(n, "dispatch")
        now = DUE + timedelta(seconds=5)

        start = time.perf_counter()
        result = dispatch_due(now=now)
        fast = time.perf_counter() - start
        assert result.queued == n, result

        WorkflowSchedule.objects.filter(pk__in=naive_ids).update(next_run=DUE)
        start = time.perf_counter()
        for schedule in WorkflowSchedule.objects.select_related("workflow").filter(
            pk__in=naive_ids
        ):
            with transaction.atomic():
                execution_create(
                    workflow=schedule.workflow,
                    trigger="schedule",
                    schedule=schedule,
                    scheduled_for=schedule.next_run,
                    idempotency_key=schedule_idempotency_key(
                        schedule_id=schedule.pk, scheduled_for=schedule.next_run
                    ),
                )
                schedule.last_run = schedule.next_run
                schedule.next_run = next_run_after(
                    schedule_type=schedule.schedule_type,
                    schedule_config=schedule.schedule_config,
                    timezone=schedule.timezone,
                    after=now,
                )
                schedule.save(update_fields=["last_run", "next_run"])
        naive = time.perf_counter() - start
        del fast_ids
    finally:
        queueing.enqueue_run = queueing_enqueue_run
        dispatch_module.execution_enqueue = original_enqueue
    return [
        Result(
            benchmark="dispatch",
            metric="schedules_per_second",
            value=round(n / fast, 1),
            baseline=round(n / naive, 1),
            conditions={
                **machine_conditions(),
                "due_schedules": n,
                "better": "higher",
                "baseline_is": "one transaction per schedule via execution_create",
            },
        )
    ]
