"""The dispatcher's look-ahead: runs due within ``WORKFLOW_DISPATCH_LOOKAHEAD_S`` are created
ahead of time and sent with their due time as Celery ``eta``, still exactly once; the engine
starts them at their due time, and not at all if their workflow was stopped meanwhile.

The broker is replaced at the task (``run_execution_task``): ``sent`` records what would be
published and when it would be delivered.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock

import pytest

from automation.models import WorkflowSchedule
from automation.services import workflow_archive, workflow_deploy, workflow_pause, workflow_update
from customers.services import customer_create
from executions import engine, queueing
from executions.dispatch import dispatch_due, sweep_stalled_queued
from executions.errors import RetryLater
from executions.models import ExecutionTransition, WorkflowExecution
from executions.tasks import run_execution_task
from templates_app.services import template_create
from tests.automation.factories import WorkflowScheduleFactory
from tests.executions.test_dispatch_race import make_due_schedules, race

pytestmark = pytest.mark.django_db

Status = WorkflowExecution.Status
DUE = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
LOOKAHEAD_S = 60


def scheduled_times() -> list[datetime]:
    """The due times of every execution, in order."""
    return list(
        WorkflowExecution.objects.order_by("scheduled_for").values_list("scheduled_for", flat=True)
    )


@pytest.fixture(autouse=True)
def lookahead(settings: Any) -> int:
    settings.WORKFLOW_DISPATCH_LOOKAHEAD_S = LOOKAHEAD_S
    return LOOKAHEAD_S


@pytest.fixture
def sent() -> Iterator[list[tuple[int, datetime | None]]]:
    """(execution id, eta) of every ``run_execution_task`` published; list.append is atomic,
    so racing threads may share it."""
    messages: list[tuple[int, datetime | None]] = []

    def apply_async(args: tuple[int], eta: datetime | None = None, **options: Any) -> None:
        messages.append((args[0], eta))

    with (
        mock.patch.object(run_execution_task, "delay", side_effect=lambda pk: apply_async((pk,))),
        mock.patch.object(run_execution_task, "apply_async", side_effect=apply_async),
    ):
        yield messages


def tick(now: datetime, capture: Any, **kwargs: Any) -> Any:
    with capture(execute=True):
        return dispatch_due(now=now, **kwargs)


# --- The dispatcher ---------------------------------------------------------------------------


def test_a_run_due_within_the_lookahead_is_created_ahead_and_delivered_at_its_due_time(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks, clock
) -> None:
    schedule = WorkflowScheduleFactory(next_run=DUE)
    now = clock.set(DUE - timedelta(seconds=45))

    result = tick(now, django_capture_on_commit_callbacks)

    execution = WorkflowExecution.objects.get()
    assert (result.queued, result.ahead) == (1, 1)
    assert execution.status == Status.QUEUED
    assert execution.scheduled_for == DUE
    assert execution.idempotency_key == f"schedule:{schedule.pk}:2026-03-30T07:00:00+00:00"
    assert execution.context == {"dispatched_ahead": True}
    assert execution.transitions.get().reason == "due by schedule, queued ahead of its due time"
    assert sent == [(execution.pk, DUE)]
    schedule.refresh_from_db()
    assert schedule.next_run == DUE + timedelta(days=7)
    assert schedule.last_run == DUE


def test_runs_due_later_than_the_lookahead_wait_for_a_later_tick(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks
) -> None:
    WorkflowScheduleFactory(next_run=DUE)

    early = tick(DUE - timedelta(seconds=LOOKAHEAD_S + 1), django_capture_on_commit_callbacks)
    in_time = tick(DUE - timedelta(seconds=LOOKAHEAD_S), django_capture_on_commit_callbacks)

    assert (early.queued, in_time.queued) == (0, 1)
    assert len(sent) == 1


def test_every_tick_before_and_after_the_due_time_leaves_one_execution(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks
) -> None:
    schedule = WorkflowScheduleFactory(next_run=DUE)

    for offset in range(-90, 31, 10):
        tick(DUE + timedelta(seconds=offset), django_capture_on_commit_callbacks)
        if offset == 0:
            # As if next_run had not been advanced (a crash, a restored backup).
            WorkflowSchedule.objects.filter(pk=schedule.pk).update(next_run=DUE)

    execution = WorkflowExecution.objects.get()
    assert execution.scheduled_for == DUE
    assert sent == [(execution.pk, DUE)]


def test_a_frequent_schedule_gets_each_due_time_in_the_lookahead_once(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks, settings
) -> None:
    settings.WORKFLOW_DISPATCH_LOOKAHEAD_S = 150
    WorkflowScheduleFactory(
        schedule_type="cron", schedule_config={"expression": "* * * * *"}, next_run=DUE
    )

    tick(DUE - timedelta(seconds=30), django_capture_on_commit_callbacks)
    tick(DUE, django_capture_on_commit_callbacks)

    due_times = [DUE, DUE + timedelta(minutes=1), DUE + timedelta(minutes=2)]
    assert scheduled_times() == due_times
    assert sorted(eta for _, eta in sent) == due_times


def test_lookahead_zero_dispatches_only_what_is_due(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks, settings
) -> None:
    settings.WORKFLOW_DISPATCH_LOOKAHEAD_S = 0
    due = WorkflowScheduleFactory(next_run=DUE)
    soon = WorkflowScheduleFactory(next_run=DUE + timedelta(seconds=1))

    result = tick(DUE, django_capture_on_commit_callbacks)

    execution = WorkflowExecution.objects.get()
    assert (result.queued, result.ahead) == (1, 0)
    assert execution.schedule_id == due.pk
    assert execution.context == {}
    assert execution.transitions.get().reason == "due by schedule"
    assert sent == [(execution.pk, None)]
    soon.refresh_from_db()
    assert soon.next_run == DUE + timedelta(seconds=1)


def test_a_run_already_due_is_sent_at_once_without_eta(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks
) -> None:
    WorkflowScheduleFactory(next_run=DUE)

    tick(DUE + timedelta(seconds=3), django_capture_on_commit_callbacks)

    execution = WorkflowExecution.objects.get()
    assert execution.context == {}
    assert sent == [(execution.pk, None)]


@pytest.mark.django_db(transaction=True)
def test_racing_dispatchers_ticking_ahead_create_one_execution_per_due_time(
    requires_postgres: None, sent: list[tuple[int, datetime | None]]
) -> None:
    schedule_ids = make_due_schedules(300, DUE)

    def ticks() -> int:
        # Three ticks each, all before the due time: every one of them may claim the rows.
        return sum(
            dispatch_due(now=DUE + timedelta(seconds=offset), batch_size=20).queued
            for offset in (-50, -40, -30)
        )

    results = race(ticks, threads=3)

    assert sum(results) == 300
    executions = WorkflowExecution.objects.filter(schedule_id__in=schedule_ids)
    assert executions.count() == 300
    assert executions.values("schedule_id").distinct().count() == 300
    assert sorted(pk for pk, _ in sent) == sorted(executions.values_list("pk", flat=True))
    assert {eta for _, eta in sent} == {DUE}


# --- Daylight saving time ---------------------------------------------------------------------


def ticks_between(start: datetime, end: datetime, every: timedelta, capture: Any) -> None:
    now = start
    while now <= end:
        tick(now, capture)
        now += every


@pytest.mark.parametrize(
    ("local_day", "expected", "day_after"),
    [
        # Spring: 02:30 does not exist; it runs at the first instant after the gap, 03:00 CEST.
        (
            "2026-03-29",
            datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
            datetime(2026, 3, 30, 0, 30, tzinfo=UTC),  # 02:30 CEST
        ),
        # Autumn: 02:30 happens twice; it runs at the first one, 02:30 CEST.
        (
            "2026-10-25",
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            datetime(2026, 10, 26, 1, 30, tzinfo=UTC),  # 02:30 CET
        ),
    ],
)
def test_a_daily_run_on_a_dst_change_day_is_dispatched_ahead_once(
    local_day: str,
    expected: datetime,
    day_after: datetime,
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
) -> None:
    day = datetime.fromisoformat(local_day).replace(tzinfo=UTC)
    schedule = WorkflowScheduleFactory(
        schedule_type="daily",
        schedule_config={"time": "02:30"},
        timezone="Europe/Oslo",
        next_run=expected,
    )

    # Every 30 s from 00:15 to 01:45 UTC: both 02:30s of the autumn night (00:30 and 01:30
    # UTC), the gap of the spring one (01:00 UTC).
    ticks_between(
        day + timedelta(minutes=15),
        day + timedelta(hours=1, minutes=45),
        timedelta(seconds=30),
        django_capture_on_commit_callbacks,
    )

    execution = WorkflowExecution.objects.get()
    assert execution.scheduled_for == expected
    assert sent == [(execution.pk, expected)]
    schedule.refresh_from_db()
    assert schedule.next_run == day_after


def test_an_hourly_cron_runs_once_in_the_repeated_hour_with_lookahead(
    sent: list[tuple[int, datetime | None]], django_capture_on_commit_callbacks
) -> None:
    first = datetime(2026, 10, 24, 22, 0, tzinfo=UTC)  # 00:00 CEST
    WorkflowScheduleFactory(
        schedule_type="cron",
        schedule_config={"expression": "0 * * * *"},
        timezone="Europe/Oslo",
        next_run=first,
    )

    ticks_between(
        first - timedelta(minutes=2),
        first + timedelta(hours=5, minutes=2),
        timedelta(seconds=55),  # shorter than the look-ahead: each run is dispatched ahead
        django_capture_on_commit_callbacks,
    )

    # 00:00, 01:00, 02:00 CEST; 02:00 CET (the repeated hour) is skipped; 03:00, 04:00 CET.
    expected = [first + timedelta(hours=h) for h in (0, 1, 2, 4, 5)]
    assert scheduled_times() == expected
    assert sorted(eta for _, eta in sent) == expected


# --- The sweep --------------------------------------------------------------------------------


def test_the_sweep_does_not_enqueue_a_run_waiting_for_its_due_time(
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
    clock,
    settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.WORKFLOW_STALLED_QUEUED_S = 20
    swept: list[int] = []
    monkeypatch.setattr(queueing, "enqueue_run", swept.append)
    WorkflowScheduleFactory(next_run=DUE)
    tick(clock.set(DUE - timedelta(seconds=LOOKAHEAD_S)), django_capture_on_commit_callbacks)
    execution = WorkflowExecution.objects.get()

    for now in (DUE - timedelta(seconds=5), DUE, DUE + timedelta(seconds=19)):
        clock.set(now)
        assert sweep_stalled_queued() == 0, now
    assert swept == []

    # A full threshold after its due time nobody has picked it up: its message was lost.
    clock.set(DUE + timedelta(seconds=21))
    assert sweep_stalled_queued() == 1
    assert swept == [execution.pk]


# --- The engine at the due time -----------------------------------------------------------------


@pytest.fixture
def mailing_workflow(make_workflow: Any, clock: Any) -> Any:
    """A deployed weekly (Monday 09:00 Oslo) workflow that emails one customer at once."""
    clock.set(DUE - timedelta(days=1))
    template = template_create(
        name="Ukens tilbud", subject="Hei {{ kunde_navn }}", body_html="<p>Hei!</p>"
    )
    customer_create(name="Anna", email="anna@example.com")
    workflow = make_workflow([email_step(template.pk, name="Send tilbud")])
    workflow = workflow_deploy(workflow=workflow, by=None)
    WorkflowSchedule.objects.filter(workflow=workflow).update(next_run=DUE)
    workflow.refresh_from_db()
    return workflow


def email_step(template_id: int, *, name: str) -> dict[str, Any]:
    return {
        "step_order": 1,
        "name": name,
        "step_type": "send_email",
        "trigger_type": "immediate",
        "action_config": {"template_id": template_id, "recipients": {"group": "all"}},
    }


def pre_dispatch(clock: Any, capture: Any) -> WorkflowExecution:
    tick(clock.set(DUE - timedelta(seconds=30)), capture)
    return WorkflowExecution.objects.get()


def test_a_run_dispatched_ahead_does_not_start_before_its_due_time(
    mailing_workflow: Any,
    clock: Any,
    queue: Any,
    mailoutbox: list[Any],
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
) -> None:
    execution = pre_dispatch(clock, django_capture_on_commit_callbacks)

    clock.set(DUE - timedelta(seconds=2))  # a message delivered early
    with pytest.raises(RetryLater) as retry:
        engine.run_execution(execution.pk)
    assert retry.value.countdown == pytest.approx(2)
    execution.refresh_from_db()
    assert execution.status == Status.QUEUED

    clock.set(DUE + timedelta(milliseconds=5))
    engine.run_execution(execution.pk)
    queue.drain()
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert execution.started_at == DUE + timedelta(milliseconds=5)
    assert [m.to for m in mailoutbox] == [["anna@example.com"]]


@pytest.mark.parametrize("stop", [workflow_pause, workflow_archive])
def test_a_workflow_stopped_before_the_due_time_cancels_its_run_and_sends_nothing(
    stop: Any,
    mailing_workflow: Any,
    clock: Any,
    queue: Any,
    mailoutbox: list[Any],
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
) -> None:
    execution = pre_dispatch(clock, django_capture_on_commit_callbacks)
    clock.set(DUE - timedelta(seconds=10))
    stop(workflow=mailing_workflow, by=None)

    clock.set(DUE)
    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.CANCELLED
    assert execution.completed_at == DUE
    assert execution.started_at is None
    last = ExecutionTransition.objects.filter(execution=execution).last()
    assert (last.from_status, last.to_status, last.reason) == (
        Status.QUEUED,
        Status.CANCELLED,
        "workflow is no longer active",
    )
    assert mailoutbox == []
    assert queue.email_batches == [] and queue.alerts == []


def test_a_workflow_paused_and_deployed_again_before_the_due_time_runs_once(
    mailing_workflow: Any,
    clock: Any,
    queue: Any,
    mailoutbox: list[Any],
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
) -> None:
    execution = pre_dispatch(clock, django_capture_on_commit_callbacks)
    clock.set(DUE - timedelta(seconds=20))
    workflow_pause(workflow=mailing_workflow, by=None)
    workflow_deploy(workflow=mailing_workflow, by=None)  # next_run is DUE again
    tick(clock.set(DUE - timedelta(seconds=10)), django_capture_on_commit_callbacks)

    clock.set(DUE)
    engine.run_execution(execution.pk)
    queue.drain()

    assert WorkflowExecution.objects.get().status == Status.COMPLETED
    assert len(sent) == 1
    assert len(mailoutbox) == 1


def test_a_workflow_edited_before_the_due_time_runs_its_new_version(
    mailing_workflow: Any,
    clock: Any,
    queue: Any,
    mailoutbox: list[Any],
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
) -> None:
    from automation.services import workflow_definition

    execution = pre_dispatch(clock, django_capture_on_commit_callbacks)
    assert execution.definition_snapshot["steps"][0]["name"] == "Send tilbud"
    other = template_create(
        name="Nytt tilbud", subject="Nytt tilbud, {{ kunde_navn }}", body_html="<p>Nytt!</p>"
    )
    clock.set(DUE - timedelta(seconds=10))
    doc = workflow_definition(mailing_workflow)
    doc["steps"] = [email_step(other.pk, name="Send nytt tilbud")]
    edited = workflow_update(
        workflow=mailing_workflow, data=doc, updated_by=None, expected_version=1
    )

    clock.set(DUE)
    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert execution.workflow_version == edited.version == 2
    assert execution.definition_snapshot["version"] == 2
    assert execution.definition_snapshot["steps"][0]["name"] == "Send nytt tilbud"
    assert [m.subject for m in mailoutbox] == ["Nytt tilbud, Anna"]


def test_a_schedule_moved_away_from_the_due_time_cancels_the_run_dispatched_for_it(
    mailing_workflow: Any,
    clock: Any,
    queue: Any,
    mailoutbox: list[Any],
    sent: list[tuple[int, datetime | None]],
    django_capture_on_commit_callbacks,
) -> None:
    from automation.services import workflow_definition

    execution = pre_dispatch(clock, django_capture_on_commit_callbacks)
    clock.set(DUE - timedelta(seconds=10))
    doc = workflow_definition(mailing_workflow)
    doc["schedule"]["schedule_config"] = {"day": "monday", "time": "10:00"}
    workflow_update(workflow=mailing_workflow, data=doc, updated_by=None, expected_version=1)

    clock.set(DUE)
    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.CANCELLED
    assert execution.transitions.last().reason == (
        "the schedule changed: no longer due at this time"
    )
    assert mailoutbox == []
    schedule = WorkflowSchedule.objects.get(workflow=mailing_workflow)
    assert schedule.next_run == DUE + timedelta(hours=1)
