"""Dispatchers racing on PostgreSQL: each thread has its own connection and transaction, a
barrier starts them together, and the row locks and the unique key must keep every due run
to exactly one execution."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest
from django.db import connection

from automation.models import WorkflowDefinition, WorkflowSchedule
from executions.dispatch import DispatchResult, dispatch_due
from executions.models import WorkflowExecution
from executions.services import execution_create

T = TypeVar("T")

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("each_store")]

DUE = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def race(target: Callable[[], T], threads: int = 2) -> list[T]:
    """Run ``target`` in ``threads`` threads released together; their results."""
    barrier = threading.Barrier(threads)
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=30)
            results.append(target())
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=600)
    if errors:
        raise errors[0]
    assert len(results) == threads
    return results


def make_due_schedules(count: int, due: datetime = DUE) -> list[int]:
    """``count`` active weekly workflows due at ``due``, created in bulk; the schedule ids."""
    workflows = WorkflowDefinition.objects.bulk_create(
        WorkflowDefinition(
            name=f"Load {n}",
            workflow_type=WorkflowDefinition.WorkflowType.SCHEDULED,
            status=WorkflowDefinition.Status.ACTIVE,
            is_active=True,
        )
        for n in range(count)
    )
    schedules = WorkflowSchedule.objects.bulk_create(
        WorkflowSchedule(
            workflow=workflow,
            schedule_type=WorkflowSchedule.ScheduleType.WEEKLY,
            schedule_config={"day": "monday", "time": "09:00"},
            timezone="Europe/Oslo",
            next_run=due,
        )
        for workflow in workflows
    )
    return [s.pk for s in schedules]


def assert_each_dispatched_once(schedule_ids: list[int], enqueued: list[int]) -> None:
    executions = WorkflowExecution.objects.filter(schedule_id__in=schedule_ids)
    assert executions.count() == len(schedule_ids)
    assert executions.values("schedule_id").distinct().count() == len(schedule_ids)
    assert sorted(enqueued) == sorted(executions.values_list("pk", flat=True))
    assert not WorkflowSchedule.objects.filter(pk__in=schedule_ids, next_run__lte=DUE).exists()


def test_two_dispatchers_racing_create_no_duplicate(
    requires_postgres: None, enqueued: list[int]
) -> None:
    schedule_ids = make_due_schedules(300)

    results = race(lambda: dispatch_due(now=DUE + timedelta(seconds=3), batch_size=20))

    assert sum(r.queued for r in results) == 300
    assert_each_dispatched_once(schedule_ids, enqueued)


def test_same_idempotency_key_from_two_connections_gives_one_execution(
    requires_postgres: None,
) -> None:
    workflow = WorkflowDefinition.objects.create(
        name="Racing", workflow_type="scheduled", status="active", is_active=True
    )

    def create() -> tuple[int, bool]:
        execution, created = execution_create(
            workflow=workflow, trigger="manual", idempotency_key="manual:race:1"
        )
        return execution.pk, created

    results = race(create, threads=4)

    assert len({pk for pk, _ in results}) == 1
    assert sorted(created for _, created in results) == [False, False, False, True]
    assert WorkflowExecution.objects.filter(idempotency_key="manual:race:1").count() == 1


@pytest.mark.slow
def test_ten_thousand_schedules_due_in_one_minute_are_each_dispatched_once(
    requires_postgres: None, enqueued: list[int]
) -> None:
    # Due over one minute, so batches see several distinct due times.
    schedule_ids: list[int] = []
    for second in range(0, 60, 6):
        schedule_ids += make_due_schedules(1000, DUE + timedelta(seconds=second))
    now = DUE + timedelta(minutes=1)

    started = time.perf_counter()
    results: list[DispatchResult] = race(lambda: dispatch_due(now=now, batch_size=500))
    elapsed = time.perf_counter() - started

    print(f"\n10,000 due schedules, 2 racing dispatchers: {elapsed:.2f} s")
    assert sum(r.queued for r in results) == 10_000
    executions = WorkflowExecution.objects.filter(schedule_id__in=schedule_ids)
    assert executions.count() == 10_000
    assert executions.values("schedule_id").distinct().count() == 10_000
    assert len(enqueued) == len(set(enqueued)) == 10_000
    assert not WorkflowSchedule.objects.filter(next_run__lte=now).exists()
