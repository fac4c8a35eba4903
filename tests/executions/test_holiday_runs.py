"""The holiday policy at run time: the dispatcher records a planned run the policy skips as a
``skipped`` execution (why, in the history) and dispatches a moved one at its new time; inside
a run, a step that waits for a weekday is skipped or moved the same way.

2027: Kristi himmelfartsdag is Thursday 6 May; 17 May (Grunnlovsdag and 2. pinsedag) is a
Monday. Oslo is on CEST (UTC+2) all May.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import translation

from automation.models import ClosedDay, WorkflowSchedule
from automation.services import workflow_create, workflow_deploy
from customers.services import customer_create
from executions import engine
from executions.dispatch import dispatch_due
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.executions.test_engine import form_templates, running_example

pytestmark = pytest.mark.django_db

Status = WorkflowExecution.Status
SUNDAY_BEFORE_ASCENSION = datetime(2027, 5, 2, 10, 0, tzinfo=UTC)
MONDAY_MAY_3 = datetime(2027, 5, 3, 7, 0, tzinfo=UTC)  # 09:00 Oslo
ASCENSION_1500 = datetime(2027, 5, 6, 13, 0, tzinfo=UTC)  # Thursday 15:00 Oslo
FRIDAY_MAY_7_1500 = datetime(2027, 5, 7, 13, 0, tzinfo=UTC)
SUNDAY_MAY_16 = datetime(2027, 5, 16, 10, 0, tzinfo=UTC)
MAY_17_0900 = datetime(2027, 5, 17, 7, 0, tzinfo=UTC)
MAY_18_0900 = datetime(2027, 5, 18, 7, 0, tzinfo=UTC)


def _deploy(policy: str, clock, when: datetime) -> Any:
    clock.set(when)
    form, reminder = form_templates()
    doc = running_example(form, reminder)
    doc["schedule"]["holiday_policy"] = policy
    workflow = workflow_create(created_by=None, data=doc)
    workflow_deploy(workflow=workflow, by=None)
    for name in ("Anna", "Bjorn"):
        customer_create(name=name, email=f"{name.lower()}@example.com")
    return workflow


def _tick(clock, capture, when: datetime) -> Any:
    clock.set(when)
    with capture(execute=True):
        return dispatch_due(now=when, ahead=timedelta(0))


def _labels(execution: WorkflowExecution, language: str) -> list[str]:
    with translation.override(language):
        return [t.reason_label for t in execution.transitions.all()]


# --- The dispatcher ----------------------------------------------------------------------


def test_a_planned_run_on_a_holiday_is_recorded_as_skipped_and_not_run(
    clock, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = _deploy("skip", clock, SUNDAY_MAY_16)
    schedule = WorkflowSchedule.objects.get(workflow=workflow)
    assert schedule.next_run == MAY_17_0900  # the dispatcher looks at the skipped run too

    result = _tick(clock, django_capture_on_commit_callbacks, MAY_17_0900 + timedelta(seconds=3))

    execution = WorkflowExecution.objects.get(workflow=workflow)
    assert (execution.status, execution.scheduled_for) == (Status.SKIPPED, MAY_17_0900)
    assert execution.is_finished
    assert (result.skipped, result.queued, result.missed) == (1, 0, 0)
    assert enqueued == []
    [nb] = _labels(execution, "nb")
    [en] = _labels(execution, "en")
    assert nb.startswith("hoppet over: ") and "Grunnlovsdag" in nb
    assert en.startswith("skipped: ") and "Constitution Day" in en
    schedule.refresh_from_db()
    assert schedule.next_run == MAY_17_0900 + timedelta(days=7)
    assert schedule.last_run is None  # a skipped run is not a run

    # The same tick again (a second beat) records nothing more.
    _tick(clock, django_capture_on_commit_callbacks, MAY_17_0900 + timedelta(seconds=4))
    assert WorkflowExecution.objects.filter(workflow=workflow).count() == 1


def test_a_closed_day_skips_with_its_own_name(
    clock, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    monday = datetime(2027, 1, 11, 8, 0, tzinfo=UTC)  # 09:00 Oslo (CET)
    ClosedDay.objects.create(
        name="Varetelling", start=monday.date(), end=monday.date() + timedelta(days=1)
    )
    workflow = _deploy("skip", clock, monday - timedelta(days=1))

    _tick(clock, django_capture_on_commit_callbacks, monday + timedelta(seconds=2))

    execution = WorkflowExecution.objects.get(workflow=workflow)
    assert execution.status == Status.SKIPPED
    assert _labels(execution, "nb") == ["hoppet over: Varetelling"]
    assert execution.transitions.get().reason == "skipped: Varetelling"  # the API's English


def test_a_run_moved_to_the_next_business_day_runs_there_and_its_first_step_with_it(
    clock, queue, mailoutbox, mail_backend, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = _deploy("next_business_day", clock, SUNDAY_MAY_16)
    schedule = WorkflowSchedule.objects.get(workflow=workflow)
    assert schedule.next_run == MAY_18_0900

    assert (
        _tick(clock, django_capture_on_commit_callbacks, MAY_17_0900 + timedelta(hours=1)).queued
        == 0
    )
    result = _tick(clock, django_capture_on_commit_callbacks, MAY_18_0900 + timedelta(seconds=2))

    execution = WorkflowExecution.objects.get(workflow=workflow)
    assert result.queued == 1 and enqueued == [execution.pk]
    assert execution.scheduled_for == MAY_18_0900
    assert execution.context["planned_for"] == MAY_17_0900.isoformat()
    [nb] = _labels(execution, "nb")
    assert nb.startswith("planlagt kjøring, flyttet fra 17.05.2027 09:00: ")
    schedule.refresh_from_db()
    assert schedule.next_run == MAY_17_0900 + timedelta(days=7)
    assert schedule.last_run == MAY_18_0900

    # The first step ("Monday 09:00") moves with the run instead of waiting for next Monday;
    # the reminder still waits for Thursday of the same week.
    engine.run_execution(execution.pk)
    queue.drain()
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.com", "bjorn@example.com"]
    execution.refresh_from_db()
    assert execution.status == Status.WAITING
    assert execution.resume_at == datetime(2027, 5, 20, 13, 0, tzinfo=UTC)


def test_a_run_moved_to_the_previous_business_day_sends_at_once(
    clock, queue, mailoutbox, mail_backend, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = _deploy("previous_business_day", clock, datetime(2027, 5, 13, 10, 0, tzinfo=UTC))
    friday = datetime(2027, 5, 14, 7, 0, tzinfo=UTC)  # 09:00 Oslo, the business day before
    assert WorkflowSchedule.objects.get(workflow=workflow).next_run == friday

    _tick(clock, django_capture_on_commit_callbacks, friday + timedelta(seconds=2))
    execution = WorkflowExecution.objects.get(workflow=workflow)
    engine.run_execution(execution.pk)
    queue.drain()

    assert len(mailoutbox) == 2  # not held back until the holiday itself


def test_a_skipped_due_time_long_past_is_recorded_as_skipped_not_missed(
    clock, enqueued: list[int], django_capture_on_commit_callbacks, mailoutbox
) -> None:
    workflow = _deploy("skip", clock, SUNDAY_MAY_16)

    # The scheduler was down for the whole day.
    result = _tick(clock, django_capture_on_commit_callbacks, MAY_17_0900 + timedelta(hours=12))

    execution = WorkflowExecution.objects.get(workflow=workflow)
    assert execution.status == Status.SKIPPED
    assert (result.missed, result.skipped) == (0, 1)
    assert mailoutbox == []  # nothing was lost: no alert


# --- Steps inside a run ------------------------------------------------------------------


def _monday_run(clock, queue, enqueued, capture, policy: str) -> WorkflowExecution:
    workflow = _deploy(policy, clock, SUNDAY_BEFORE_ASCENSION)
    _tick(clock, capture, MONDAY_MAY_3 + timedelta(seconds=2))
    execution = WorkflowExecution.objects.get(workflow=workflow)
    engine.run_execution(execution.pk)
    queue.drain()
    execution.refresh_from_db()
    return execution


def test_a_reminder_on_a_holiday_is_skipped_with_its_reason(
    clock, queue, mailoutbox, mail_backend, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    execution = _monday_run(clock, queue, enqueued, django_capture_on_commit_callbacks, "skip")

    assert len(mailoutbox) == 2  # Monday's form only
    assert execution.status == Status.COMPLETED
    step = WorkflowActionLog.objects.get(execution=execution, action_type="step")
    assert step.status == WorkflowActionLog.Status.SKIPPED
    with translation.override("nb"):
        assert step.reason_label.startswith("hoppet over: ")
        assert "Kristi himmelfartsdag" in step.reason_label


def test_a_reminder_on_a_holiday_moves_to_the_next_business_day(
    clock, queue, mailoutbox, mail_backend, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    execution = _monday_run(
        clock, queue, enqueued, django_capture_on_commit_callbacks, "next_business_day"
    )

    assert execution.status == Status.WAITING
    assert execution.resume_at == FRIDAY_MAY_7_1500
    with translation.override("nb"):
        waiting = execution.transitions.filter(to_status=Status.WAITING).get().reason_label
    assert waiting.startswith("steg 2 venter til 07.05.2027 15:00, flyttet fra 06.05.2027 15:00")

    # Thursday passes without it; Friday 15:00 sends the reminder.
    assert (
        _tick(
            clock, django_capture_on_commit_callbacks, ASCENSION_1500 + timedelta(minutes=5)
        ).resumed
        == 0
    )
    assert (
        _tick(
            clock, django_capture_on_commit_callbacks, FRIDAY_MAY_7_1500 + timedelta(seconds=2)
        ).resumed
        == 1
    )
    mailoutbox.clear()
    engine.run_execution(execution.pk)
    queue.drain()
    assert len(mailoutbox) == 2


def test_a_reminder_moved_onto_the_next_regular_run_is_skipped(
    clock, queue, mailoutbox, mail_backend, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    """A daily run at 09:00 whose step waits for Thursday 15:00: moved to Friday, it would
    reach Friday's own run, so it is skipped instead."""
    clock.set(datetime(2027, 5, 5, 10, 0, tzinfo=UTC))
    form, reminder = form_templates()
    doc = running_example(form, reminder)
    doc["schedule"] = {
        "schedule_type": "weekly",
        "schedule_config": {"days": ["wednesday", "friday"], "time": "09:00"},
        "timezone": "Europe/Oslo",
        "holiday_policy": "next_business_day",
    }
    doc["steps"][0]["trigger_type"] = "immediate"
    doc["steps"][0].pop("trigger_config")
    workflow = workflow_create(created_by=None, data=doc)
    workflow_deploy(workflow=workflow, by=None)
    customer_create(name="Anna", email="anna@example.com")
    execution, _ = _start(workflow, datetime(2027, 5, 5, 7, 0, tzinfo=UTC))

    engine.run_execution(execution.pk)
    queue.drain()

    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    step = WorkflowActionLog.objects.get(execution=execution, action_type="step")
    assert step.status == WorkflowActionLog.Status.SKIPPED


def _start(workflow: Any, scheduled_for: datetime) -> tuple[WorkflowExecution, bool]:
    from executions.services import execution_create

    return execution_create(
        workflow=workflow,
        trigger=WorkflowExecution.Trigger.SCHEDULE,
        scheduled_for=scheduled_for,
        idempotency_key=f"test:{workflow.pk}:{scheduled_for.isoformat()}",
    )


# --- The history ---------------------------------------------------------------------------


def test_the_execution_history_says_which_holiday_skipped_a_run(
    clock, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    from django.urls import reverse

    from tests.pages.workflow_helpers import client_as

    workflow = _deploy("skip", clock, SUNDAY_MAY_16)
    _tick(clock, django_capture_on_commit_callbacks, MAY_17_0900 + timedelta(seconds=3))

    page = client_as("business").get(reverse("executions:execution-list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert workflow.name in html
    assert '<span class="badge skipped">Hoppet over</span>' in html
    why = html[html.index('<small class="muted">Hoppet over: ') :].split("</small>")[0]
    assert "Grunnlovsdag" in why  # 2027: also Andre pinsedag


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        # 2. påskedag: to Tuesday 30 March; with skip nothing runs that week at all.
        ("next_business_day", [datetime(2027, 3, 30, 7, 0, tzinfo=UTC)]),
        ("skip", []),
    ],
)
def test_easter_monday_over_a_week_of_ticks(
    policy: str,
    expected: list[datetime],
    clock,
    enqueued: list[int],
    django_capture_on_commit_callbacks,
) -> None:
    workflow = _deploy(policy, clock, datetime(2027, 3, 28, 10, 0, tzinfo=UTC))

    tick = datetime(2027, 3, 29, 6, 0, tzinfo=UTC)
    while tick < datetime(2027, 4, 4, 0, 0, tzinfo=UTC):  # every 15 minutes until Sunday
        _tick(clock, django_capture_on_commit_callbacks, tick)
        tick += timedelta(minutes=15)

    runs = WorkflowExecution.objects.filter(workflow=workflow)
    assert [e.scheduled_for for e in runs.filter(status=Status.QUEUED)] == expected
    skipped = [e.scheduled_for for e in runs.filter(status=Status.SKIPPED)]
    assert skipped == ([datetime(2027, 3, 29, 7, 0, tzinfo=UTC)] if policy == "skip" else [])


def test_a_christmas_closure_skips_the_monday_inside_it(
    clock, enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    ClosedDay.objects.create(
        name="Julestengt",
        start=datetime(2026, 12, 24).date(),
        end=datetime(2027, 1, 1).date(),
    )
    workflow = _deploy("skip", clock, datetime(2026, 12, 20, 10, 0, tzinfo=UTC))
    monday_21, monday_28, monday_4 = (
        datetime(2026, 12, 21, 8, 0, tzinfo=UTC),
        datetime(2026, 12, 28, 8, 0, tzinfo=UTC),
        datetime(2027, 1, 4, 8, 0, tzinfo=UTC),
    )
    for moment in (monday_21, monday_28, monday_4):
        _tick(clock, django_capture_on_commit_callbacks, moment + timedelta(seconds=5))

    runs = WorkflowExecution.objects.filter(workflow=workflow).order_by("scheduled_for")
    assert [(e.scheduled_for, e.status) for e in runs] == [
        (monday_21, Status.QUEUED),
        (monday_28, Status.SKIPPED),
        (monday_4, Status.QUEUED),
    ]
    assert _labels(runs[1], "nb") == ["hoppet over: Julestengt"]
