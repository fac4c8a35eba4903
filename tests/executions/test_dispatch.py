"""The dispatcher turns due schedules into exactly one queued execution each.

The clock is the explicit ``now`` argument. These tests run on any database; the racing ones
(PostgreSQL only) are in test_dispatch_race.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from automation.models import WorkflowSchedule
from executions.dispatch import dispatch_due
from executions.models import ExecutionTransition, WorkflowExecution
from tests.automation.factories import (
    WorkflowDefinitionFactory,
    WorkflowScheduleFactory,
    WorkflowStepFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_store")]

Status = WorkflowExecution.Status
MONDAY_0900 = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # 09:00 CEST, the day after the change


def test_due_schedule_gets_one_execution_and_next_run_advances(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    schedule = WorkflowScheduleFactory(next_run=MONDAY_0900)
    WorkflowStepFactory(workflow=schedule.workflow, step_order=1)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900 + timedelta(seconds=4))

    execution = WorkflowExecution.objects.get()
    assert result.queued == 1
    assert execution.status == Status.QUEUED
    assert execution.trigger == WorkflowExecution.Trigger.SCHEDULE
    assert execution.schedule == schedule
    assert execution.scheduled_for == MONDAY_0900
    assert execution.idempotency_key == f"schedule:{schedule.pk}:2026-03-30T07:00:00+00:00"
    assert execution.definition_snapshot["name"] == schedule.workflow.name
    assert [s["step_order"] for s in execution.definition_snapshot["steps"]] == [1]
    assert list(execution.transitions.values_list("from_status", "to_status")) == [
        ("", Status.QUEUED)
    ]
    assert enqueued == [execution.pk]
    schedule.refresh_from_db()
    assert schedule.next_run == MONDAY_0900 + timedelta(days=7)
    assert schedule.last_run == MONDAY_0900


def test_enqueue_waits_for_commit(enqueued: list[int], django_capture_on_commit_callbacks) -> None:
    WorkflowScheduleFactory(next_run=MONDAY_0900)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        dispatch_due(now=MONDAY_0900)

    assert enqueued == []
    assert len(callbacks) == 1


def test_dispatching_the_same_tick_twice_creates_no_duplicate(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    schedule = WorkflowScheduleFactory(next_run=MONDAY_0900)
    now = MONDAY_0900 + timedelta(seconds=1)

    with django_capture_on_commit_callbacks(execute=True):
        first = dispatch_due(now=now)
        second = dispatch_due(now=now)

    assert (first.queued, second.queued) == (1, 0)
    assert WorkflowExecution.objects.filter(schedule=schedule).count() == 1
    assert len(enqueued) == 1


def test_a_schedule_rewound_to_a_dispatched_time_is_not_run_again(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    # As if next_run had not been advanced (a crash, a restored backup): the idempotency key
    # of (schedule, due time) still allows one execution only.
    schedule = WorkflowScheduleFactory(next_run=MONDAY_0900)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due(now=MONDAY_0900)
        WorkflowSchedule.objects.filter(pk=schedule.pk).update(next_run=MONDAY_0900)
        result = dispatch_due(now=MONDAY_0900 + timedelta(seconds=10))

    assert result.queued == 0
    assert WorkflowExecution.objects.count() == 1
    assert len(enqueued) == 1
    schedule.refresh_from_db()
    assert schedule.next_run == MONDAY_0900 + timedelta(days=7)


def test_schedules_not_yet_due_or_of_inactive_workflows_are_left_alone(
    enqueued: list[int], django_capture_on_commit_callbacks, settings
) -> None:
    # Beyond the look-ahead (runs due within it are dispatched early: test_dispatch_lookahead).
    ahead = timedelta(seconds=settings.WORKFLOW_DISPATCH_LOOKAHEAD_S)
    later = WorkflowScheduleFactory(next_run=MONDAY_0900 + ahead + timedelta(seconds=1))
    paused = WorkflowScheduleFactory(
        next_run=MONDAY_0900, workflow=WorkflowDefinitionFactory(paused=True)
    )
    unscheduled = WorkflowScheduleFactory(next_run=None)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900)

    assert result.queued == 0
    assert not WorkflowExecution.objects.exists()
    assert enqueued == []
    for schedule in (later, paused, unscheduled):
        before = schedule.next_run
        schedule.refresh_from_db()
        assert schedule.next_run == before


def test_many_due_schedules_are_dispatched_across_batches(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    schedules = WorkflowScheduleFactory.create_batch(25, next_run=MONDAY_0900)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900, batch_size=7)

    assert result.queued == 25
    assert set(WorkflowExecution.objects.values_list("schedule_id", flat=True)) == {
        s.pk for s in schedules
    }
    assert len(set(enqueued)) == 25


# --- Missed runs -----------------------------------------------------------------------------


def test_run_missed_by_more_than_the_grace_window_is_recorded_not_run(
    enqueued: list[int], django_capture_on_commit_callbacks, mailoutbox
) -> None:
    schedule = WorkflowScheduleFactory(next_run=MONDAY_0900)  # grace 360 minutes
    now = MONDAY_0900 + timedelta(hours=6, minutes=1)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=now)

    execution = WorkflowExecution.objects.get()
    assert (result.queued, result.missed) == (0, 1)
    assert execution.status == Status.MISSED
    assert execution.scheduled_for == MONDAY_0900
    assert execution.alerted_at == now
    assert execution.transitions.get().to_status == Status.MISSED
    assert enqueued == []
    assert len(mailoutbox) == 1
    assert f"{schedule.workflow.name} (workflow {schedule.workflow_id}): due 2026-03-30 09:00" in (
        mailoutbox[0].body
    )
    schedule.refresh_from_db()
    assert schedule.next_run == MONDAY_0900 + timedelta(days=7)
    assert schedule.last_run is None


def test_run_late_but_within_the_grace_window_runs_once(
    enqueued: list[int], django_capture_on_commit_callbacks, mailoutbox
) -> None:
    WorkflowScheduleFactory(next_run=MONDAY_0900)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900 + timedelta(hours=5, minutes=59))
        again = dispatch_due(now=MONDAY_0900 + timedelta(hours=6))

    execution = WorkflowExecution.objects.get()
    assert (result.queued, again.queued) == (1, 0)
    assert execution.status == Status.QUEUED
    assert enqueued == [execution.pk]
    assert mailoutbox == []


def test_grace_window_is_per_workflow(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = WorkflowDefinitionFactory(grace_minutes=5)
    WorkflowScheduleFactory(workflow=workflow, next_run=MONDAY_0900)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900 + timedelta(minutes=6))

    assert result.missed == 1
    assert enqueued == []


def test_weeks_of_downtime_record_only_the_newest_missed_run(
    enqueued: list[int], django_capture_on_commit_callbacks, mailoutbox
) -> None:
    schedule = WorkflowScheduleFactory(
        schedule_type="daily", schedule_config={"time": "09:00"}, next_run=MONDAY_0900
    )
    # Four weeks later, 08:00 local: yesterday's 09:00 is the newest missed run.
    now = datetime(2026, 4, 27, 6, 0, tzinfo=UTC)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=now)

    execution = WorkflowExecution.objects.get()
    assert (result.queued, result.missed) == (0, 1)
    assert execution.scheduled_for == datetime(2026, 4, 26, 7, 0, tzinfo=UTC)
    assert len(mailoutbox) == 1
    schedule.refresh_from_db()
    assert schedule.next_run == datetime(2026, 4, 27, 7, 0, tzinfo=UTC)


def test_downtime_on_a_frequent_schedule_runs_the_first_run_inside_the_window(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    schedule = WorkflowScheduleFactory(
        schedule_type="cron", schedule_config={"expression": "0 * * * *"}, next_run=MONDAY_0900
    )
    now = MONDAY_0900 + timedelta(days=20, minutes=10)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=now)

    by_status = dict(WorkflowExecution.objects.values_list("status", "scheduled_for"))
    assert (result.queued, result.missed) == (1, 1)
    assert by_status == {
        Status.MISSED: now - timedelta(hours=6, minutes=10),
        Status.QUEUED: now - timedelta(hours=5, minutes=10),
    }
    assert len(enqueued) == 1
    schedule.refresh_from_db()
    assert schedule.next_run == now + timedelta(minutes=50)


def test_schedule_that_can_no_longer_compute_a_run_is_switched_off(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    schedule = WorkflowScheduleFactory(
        schedule_type="cron", schedule_config={"expression": "bad"}, next_run=MONDAY_0900
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900)

    assert result.broken == 1
    assert enqueued == []
    schedule.refresh_from_db()
    assert schedule.next_run is None


# --- Durable waits ---------------------------------------------------------------------------


def test_waiting_execution_whose_wait_is_over_is_requeued_exactly_once(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = WorkflowDefinitionFactory()
    due = WorkflowExecution.objects.create(
        workflow=workflow,
        trigger=WorkflowExecution.Trigger.SCHEDULE,
        status=Status.WAITING,
        resume_at=MONDAY_0900,
        current_step=2,
    )
    not_yet = WorkflowExecution.objects.create(
        workflow=workflow,
        trigger=WorkflowExecution.Trigger.SCHEDULE,
        status=Status.WAITING,
        resume_at=MONDAY_0900 + timedelta(hours=1),
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = dispatch_due(now=MONDAY_0900 + timedelta(seconds=5))
        second = dispatch_due(now=MONDAY_0900 + timedelta(seconds=15))

    assert (first.resumed, second.resumed) == (1, 0)
    assert enqueued == [due.pk]
    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert (due.status, due.resume_at) == (Status.QUEUED, None)
    assert not_yet.status == Status.WAITING
    transition = ExecutionTransition.objects.get(execution=due)
    assert (transition.from_status, transition.to_status, transition.step_order) == (
        Status.WAITING,
        Status.QUEUED,
        2,
    )


def test_runs_missed_in_one_tick_are_reported_in_one_email(
    enqueued: list[int], django_capture_on_commit_callbacks, mailoutbox
) -> None:
    WorkflowScheduleFactory.create_batch(3, next_run=MONDAY_0900)

    with django_capture_on_commit_callbacks(execute=True):
        result = dispatch_due(now=MONDAY_0900 + timedelta(days=1), batch_size=1)

    assert result.missed == 3
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.endswith("3 scheduled workflow run(s) missed")
