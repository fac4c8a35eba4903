"""Dispatch lag: from a schedule's due time to its execution created and queued, in real time.

For N = 100, 1,000 and 10,000 (--quick: 100 and 1,000) active weekly workflows whose
schedules are all due at the same instant D (a minute boundary), our dispatcher runs the way
beat runs it: ``dispatch_due()`` once per tick. The tick is ``TICK_S`` (1 s here;
``WORKFLOW_DISPATCH_INTERVAL_S`` is 10 s by default), and the ticks are placed in the worst
phase: one tick runs ``PHASE_S`` before the schedules become claimable (D minus the
look-ahead) and finds nothing, so they wait almost a whole tick for the next one.

Our side is measured twice: with the look-ahead (``WORKFLOW_DISPATCH_LOOKAHEAD_S``, the
production setting: runs due within it are created ahead of time and sent with ``eta`` = D)
and with the look-ahead off (``lookahead_0`` metrics: everything is created after D, so
those numbers show how fast a tick itself is). Each run is really published to the broker
(``CELERY_BROKER_URL``), on a queue of its own that no worker reads and that is purged
afterwards: ``run_execution_task.apply_async`` is wrapped, after the transaction commits as
always, and stamps each message when its publish returns. The lag of an execution is
max(that moment, D) - D: a run queued ahead with an eta is delivered at D, on time, not early.

Baseline, in the same run: django-celery-beat's ``DatabaseScheduler`` with one PeriodicTask
per schedule (a crontab at D's minute, hour, day and month, Europe/Oslo) driven in-process
the way ``celery beat`` drives it (``tick()``, sleep for the interval it returns, sync when
due). Its broker send is replaced by a timestamp (the task name is not a registered task, so
beat calls ``send_task``, which the subclass overrides), which favours the baseline: our side
pays for its publishes. The baseline's due time is the minute after ours (D + 60 s), so the
two never compete for the machine.

What neither side includes: the broker hop (beat -> broker -> a worker running the dispatch
task) and a worker picking up the queued run.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection

from benchmarks import Result, machine_conditions
from benchmarks.load import percentile

TICK_S = 1.0
# The tick before D runs this long before it, so the due schedules wait for the next tick.
PHASE_S = 0.1
# D is at least this far ahead once everything is set up.
LEAD_S = 5.0
# Give up this long after D. A side that has not dispatched everything by then is reported
# with the missing ones counted at the deadline, so its percentiles are lower bounds (beat
# compares its whole schedule with the previous one on every tick and sends one entry per
# tick: O(N) per entry, which at 10,000 entries takes far longer than this).
TIMEOUT_S = 120.0
ZONE = ZoneInfo("Europe/Oslo")
PREFIX = "bench-lag"
NOOP_TASK = "benchmarks.dispatch_lag.noop"  # deliberately not a registered task
QUEUE = "bench-dispatch-lag"  # our runs are published here; no worker reads it
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass
class Run:
    lags_s: list[float]
    expected: int
    notes: dict[str, object] = field(default_factory=dict)

    def lags_with_missing(self, deadline_lag: float) -> list[float]:
        missing = self.expected - len(self.lags_s)
        return self.lags_s + [deadline_lag] * max(missing, 0)


# --- Setup -----------------------------------------------------------------------------------


def _create_schedules(n: int, tag: str, holiday_policy: str = "run") -> list[int]:
    """N active weekly workflows, parked (next_run NULL) until D is known."""
    from automation.models import WorkflowDefinition, WorkflowSchedule

    workflows = WorkflowDefinition.objects.bulk_create(
        WorkflowDefinition(
            name=f"{PREFIX} {tag} {i}", workflow_type="scheduled", status="active", is_active=True
        )
        for i in range(n)
    )
    schedules = WorkflowSchedule.objects.bulk_create(
        WorkflowSchedule(
            workflow=w,
            schedule_type="weekly",
            schedule_config={"day": "monday", "time": "09:00"},
            timezone="Europe/Oslo",
            holiday_policy=holiday_policy,
            next_run=None,
        )
        for w in workflows
    )
    return [s.pk for s in schedules]


def _create_periodic_tasks(n: int, tag: str):
    """N enabled PeriodicTasks sharing one crontab (set to D's minute later)."""
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    crontab = CrontabSchedule.objects.create(
        minute="0", hour="0", day_of_month="1", month_of_year="1", timezone="Europe/Oslo"
    )
    created = datetime.now(UTC)
    PeriodicTask.objects.bulk_create(
        PeriodicTask(
            name=f"{PREFIX} {tag} {i}",
            task=NOOP_TASK,
            crontab=crontab,
            enabled=True,
            last_run_at=created,
        )
        for i in range(n)
    )
    return crontab


def _next_minute(after: datetime) -> datetime:
    return (after + timedelta(minutes=1)).replace(second=0, microsecond=0)


def _arm_ours(schedule_ids: list[int], due: datetime) -> None:
    from automation.models import WorkflowSchedule

    local = due.astimezone(ZONE)
    WorkflowSchedule.objects.filter(pk__in=schedule_ids).update(
        next_run=due,
        schedule_config={"day": DAY_NAMES[local.weekday()], "time": f"{local:%H:%M}"},
    )


def _arm_beat(crontab, due: datetime) -> None:
    from django_celery_beat.models import PeriodicTask, PeriodicTasks

    local = due.astimezone(ZONE)
    crontab.minute = str(local.minute)
    crontab.hour = str(local.hour)
    crontab.day_of_month = str(local.day)
    crontab.month_of_year = str(local.month)
    crontab.save()
    # Only the benchmark's tasks: the dispatcher's own periodic task (and any other) is
    # switched off for the baseline so that it measures nothing but the N entries.
    PeriodicTask.objects.exclude(name__startswith=PREFIX).update(enabled=False)
    PeriodicTasks.update_changed()


# --- Our dispatcher --------------------------------------------------------------------------


def _purge_queue() -> None:
    from config.celery import app

    with app.connection_for_write() as conn:
        channel = conn.default_channel
        channel.queue_declare(QUEUE, auto_delete=False)
        channel.queue_purge(QUEUE)
        channel.queue_delete(QUEUE)


def _drive_ours(schedule_ids: list[int], due: datetime, lookahead_s: float) -> Run:
    from executions.dispatch import dispatch_due
    from executions.models import WorkflowExecution
    from executions.tasks import run_execution_task

    n = len(schedule_ids)
    sent: dict[int, float] = {}  # execution id -> when its publish returned
    publish = run_execution_task.apply_async

    def apply_async(args=None, kwargs=None, **options):
        # The real publish (``delay`` goes through here too), to a queue no worker reads.
        result = publish(args, kwargs, **{**options, "queue": QUEUE})
        sent.setdefault(args[0], time.time())
        return result

    run_execution_task.apply_async = apply_async
    due_ts = due.timestamp()
    # Ticks at first_tick + k * TICK_S: one runs PHASE_S before the schedules become
    # claimable (D - look-ahead), the next one claims them.
    first_tick = due_ts - lookahead_s - PHASE_S
    k = max(math.ceil((time.time() - first_tick) / TICK_S), -3)
    deadline = due_ts + TIMEOUT_S
    ticks: list[tuple[float, float, int]] = []  # (start - D, duration, queued)
    try:
        while len(sent) < n and time.time() < deadline:
            delay = first_tick + k * TICK_S - time.time()
            if delay > 0:
                time.sleep(delay)
            k += 1
            started = time.time()
            result = dispatch_due(ahead=timedelta(seconds=lookahead_s))
            ended = time.time()
            if result.queued:
                ticks.append((started - due_ts, ended - started, result.queued))
    finally:
        del run_execution_task.apply_async
        _purge_queue()
    mine = WorkflowExecution.objects.filter(schedule_id__in=schedule_ids, scheduled_for=due)
    ids = list(mine.values_list("pk", flat=True))
    # Nothing of this run stays queued: later ticks' sweeps must not publish it again.
    mine.update(status=WorkflowExecution.Status.CANCELLED)
    stamps = [sent[pk] for pk in ids if pk in sent]
    notes: dict[str, object] = {"lookahead_s": lookahead_s}
    if ticks:
        notes.update(
            {
                "first_claiming_tick_s": round(ticks[0][0], 3),
                "dispatch_seconds": round(sum(t[1] for t in ticks), 3),
                "claiming_ticks": len(ticks),
                "executions_per_s": round(n / max(sum(t[1] for t in ticks), 1e-9)),
            }
        )
    if stamps:
        notes["last_queued_s"] = round(max(stamps) - due_ts, 3)  # negative: before D
    return Run(lags_s=[max(t, due_ts) - due_ts for t in stamps], expected=n, notes=notes)


# --- django-celery-beat's DatabaseScheduler -------------------------------------------------


def _recording_scheduler_class():
    from django_celery_beat.schedulers import DatabaseScheduler

    class RecordingScheduler(DatabaseScheduler):
        """Beat's DatabaseScheduler with the broker send replaced by a timestamp."""

        def __init__(self, *args, **kwargs):
            self.applied: list[float] = []
            super().__init__(*args, **kwargs)

        def send_task(self, name, *args, **kwargs):
            if name == NOOP_TASK:
                self.applied.append(time.time())
            return None

    return RecordingScheduler


def _drive_beat(n: int, due: datetime) -> Run:
    from config.celery import app

    beat_logger = logging.getLogger("celery.beat")
    level = beat_logger.level
    # Beat logs one INFO line per sent task; 10,000 lines on stderr would only bury the
    # results (it costs beat a little time, so this favours the baseline if anything).
    beat_logger.setLevel(logging.WARNING)
    loaded = time.time()
    scheduler = _recording_scheduler_class()(app=app)
    load_seconds = time.time() - loaded
    due_ts = due.timestamp()
    deadline = due_ts + TIMEOUT_S
    try:
        # What celery.beat.Service.start does, bounded by the deadline.
        while len(scheduler.applied) < n and time.time() < deadline:
            interval = scheduler.tick()
            if interval and interval > 0:
                time.sleep(max(0.0, min(interval, deadline - time.time())))
                if scheduler.should_sync():
                    scheduler._do_sync()
    finally:
        beat_logger.setLevel(level)
        scheduler.close()  # writes the entries beat marked as run, like beat on shutdown
        scheduler._finalize.cancel()
    applied = scheduler.applied
    notes = {
        "initial_load_seconds": round(load_seconds, 3),
        "max_interval_s": scheduler.max_interval,
    }
    if applied:
        notes["last_sent_after_due_s"] = round(applied[-1] - due_ts, 3)
    return Run(lags_s=[t - due_ts for t in applied], expected=n, notes=notes)


# --- The benchmark -----------------------------------------------------------------------------


def _round(n: int, lookahead_s: float) -> tuple[Run, Run, Run]:
    """(ours with the look-ahead, the baseline, ours without it) for N schedules."""
    from django_celery_beat.models import PeriodicTask

    tag = f"n{n}"
    schedule_ids = _create_schedules(n, tag)
    crontab = _create_periodic_tasks(n, tag)
    # The first tick must come before the schedules become claimable (D - look-ahead).
    due = _next_minute(datetime.now(UTC) + timedelta(seconds=lookahead_s + LEAD_S))
    beat_due = due + timedelta(minutes=1)
    _arm_ours(schedule_ids, due)
    _arm_beat(crontab, beat_due)
    try:
        ahead = _drive_ours(schedule_ids, due, lookahead_s)
        # The scheduler loads its entries now, well before its due time (D + 60 s).
        beat = _drive_beat(n, beat_due)
        if lookahead_s:
            again = _next_minute(datetime.now(UTC) + timedelta(seconds=LEAD_S))
            _arm_ours(schedule_ids, again)
            plain = _drive_ours(schedule_ids, again, 0.0)
        else:
            plain = ahead
    finally:
        # Raw SQL: QuerySet.delete() would send django-celery-beat's post_delete signal, one
        # UPDATE of its change timestamp per task (a minute for 10,000), and nothing listens.
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {PeriodicTask._meta.db_table} WHERE name LIKE %s", [f"{PREFIX} %"]
            )
        crontab.delete()
    return ahead, beat, plain


def _round_with_holiday_policy(n: int, lookahead_s: float) -> Run:
    """Ours again, every schedule with the holiday policy ``next_business_day``: each tick
    reads the business calendar (public holidays and closed days) and applies the policy to
    every due time. D is a business day here (a closed day is added for the day after it, so
    the calendar has a closed day to look at); what this measures is what the policy costs."""
    from automation.models import ClosedDay, WorkflowSchedule

    schedule_ids = _create_schedules(n, f"n{n}-holiday", holiday_policy="next_business_day")
    due = _next_minute(datetime.now(UTC) + timedelta(seconds=lookahead_s + LEAD_S))
    tomorrow = due.astimezone(ZONE).date() + timedelta(days=1)
    closed = ClosedDay.objects.create(name=f"{PREFIX} closed", start=tomorrow, end=tomorrow)
    _arm_ours(schedule_ids, due)
    try:
        return _drive_ours(schedule_ids, due, lookahead_s)
    finally:
        closed.delete()
        WorkflowSchedule.objects.filter(pk__in=schedule_ids).update(next_run=None)


def _results(
    n: int, label: str, ours: Run, beat: Run, conditions: dict[str, object]
) -> list[Result]:
    target = TICK_S + 1.0
    ours_lags = ours.lags_with_missing(TIMEOUT_S)
    beat_lags = beat.lags_with_missing(TIMEOUT_S)
    p99 = percentile(ours_lags, 99)
    conditions = {
        **conditions,
        "dispatched": len(ours.lags_s),
        "percentiles_are_lower_bounds": {
            "ours": len(ours.lags_s) < n,
            "baseline": len(beat.lags_s) < n,
        },
        "ours": ours.notes,
    }
    return [
        Result(
            benchmark="dispatch_lag",
            metric=f"lag_p99_s_{n}{label}",
            value=round(p99, 3),
            baseline=round(percentile(beat_lags, 99), 3),
            conditions={
                **conditions,
                "target": f"p99 <= tick + 1 s = {target} s",
                "meets_target": p99 <= target and len(ours.lags_s) == n,
            },
        ),
        Result(
            benchmark="dispatch_lag",
            metric=f"lag_p50_s_{n}{label}",
            value=round(percentile(ours_lags, 50), 3),
            baseline=round(percentile(beat_lags, 50), 3),
            conditions=conditions,
        ),
    ]


def run(args: argparse.Namespace) -> list[Result]:
    from django.conf import settings

    sizes = (100, 1000) if args.quick else (100, 1000, 10_000)
    lookahead_s = float(settings.WORKFLOW_DISPATCH_LOOKAHEAD_S)
    results: list[Result] = []
    for n in sizes:
        ahead, beat, plain = _round(n, lookahead_s)
        conditions = {
            **machine_conditions(),
            "schedules_due": n,
            "tick_s": TICK_S,
            "tick_phase": (
                f"worst: a tick runs {PHASE_S} s before the schedules become claimable "
                "(the due time minus the look-ahead)"
            ),
            "production_tick_s": settings.WORKFLOW_DISPATCH_INTERVAL_S,
            "broker": settings.CELERY_BROKER_URL.split("://", 1)[0],
            "baseline_sent": len(beat.lags_s),
            "timeout_s": TIMEOUT_S,
            "loadavg_1m_at_end": round(os.getloadavg()[0], 2),
            "baseline_notes": beat.notes,
            "better": "lower",
            "unit": "seconds after the due time",
            "baseline_is": (
                "django-celery-beat DatabaseScheduler, one PeriodicTask (crontab) per schedule, "
                "broker send replaced by a timestamp"
            ),
        }
        results += _results(n, "", ahead, beat, {**conditions, "lookahead_s": lookahead_s})
        if lookahead_s:
            results += _results(n, "_lookahead_0", plain, beat, {**conditions, "lookahead_s": 0})
        if n == sizes[-1]:
            policy = _round_with_holiday_policy(n, lookahead_s)
            results += _results(
                n,
                "_holiday_policy",
                policy,
                beat,
                {**conditions, "lookahead_s": lookahead_s, "holiday_policy": "next_business_day"},
            )
    return results
