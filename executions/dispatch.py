"""The dispatcher: turns due schedules and finished waits into queued executions.

Beat runs ``dispatch_due`` every few seconds (one django-celery-beat PeriodicTask). Each tick:

1. Claims due schedules in batches with ``SELECT ... FOR UPDATE SKIP LOCKED``: two
   dispatchers (two beats, a redelivered tick) split the rows instead of sharing them.
2. Creates one execution per (schedule, due time) under the unique idempotency key
   ``schedule:<id>:<due time in UTC>``; even a dispatcher that somehow saw the same row twice
   cannot create a second execution.
3. Advances ``next_run`` past ``now`` and sets ``last_run``, in the same transaction, and
   enqueues the executions only after that transaction commits.

   Look-ahead (``WORKFLOW_DISPATCH_LOOKAHEAD_S``, 0 switches it off): a tick also claims
   schedules due within that many seconds and creates their executions ahead of time, under
   the same key (so still exactly once), with ``scheduled_for`` = the due time, enqueued with
   a Celery ``eta`` of the due time. Ten thousand runs due in one minute are then queued
   before that minute starts instead of trickling out over the ticks after it. The engine
   does not start such a run before its due time, cancels it if its workflow was paused or
   archived meanwhile, and takes a fresh snapshot if the workflow was edited
   (``executions.services.scheduled_execution_check``). The look-ahead is seconds, far
   below the broker's visibility timeout: long waits never sit in the broker.
4. Re-queues executions whose durable wait is over (``waiting`` with ``resume_at <= now``).
5. Sweeps for work whose broker message was lost (Redis restarted without persistence, a
   purge): a ``queued`` execution nobody picked up for ``WORKFLOW_STALLED_QUEUED_S`` is
   enqueued again (counted from its due time when that is later: a run dispatched ahead
   of time waits for its ``eta``), and a ``running`` execution awaiting an email step whose
   action-log rows have not changed for ``WORKFLOW_STALLED_BATCH_S`` gets batches for its
   ``pending`` rows again; a ``running`` execution that awaits no batches, whose row no
   worker has locked (a worker holds it for the whole of a step) and that has not changed
   for ``WORKFLOW_STALLED_RUNNING_S`` lost its worker and is queued again. All are safe to
   repeat (the engine claims an execution before running it, a batch claims each customer
   before sending, every step may run twice), so a sweep that fires for work that was only
   slow costs a duplicate message, never a duplicate email. Work waiting for a retry countdown
   (a ``queued`` execution whose current step has attempts, a ``pending`` row with an error)
   is given ``CELERY_MAX_COUNTDOWN_S`` more before it counts as stalled, so backoff holds.
   A swept execution's ``updated_at`` (or its rows') is set to now, so the next sweep waits a
   full threshold again. Staleness is measured on the real clock (``timezone.now()``), not on
   the tick's ``now``.

Missed runs (the scheduler was down): a due time older than the workflow's grace window is
not run late. Only the newest missed due time is recorded, as a ``missed`` execution, and
admins get one email per tick; older missed due times are skipped without a row, so weeks of
downtime on a minutely schedule cost one row, not thousands. If a due time inside the grace
window exists as well, that one still runs (once, however many fell inside the window).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import mail_admins
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from automation.business_calendar import BusinessCalendar
from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.registry import step_types
from automation.scheduling import Occurrence, needs_calendar, next_occurrence_after
from core.reasons import Reason, names
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.services import (
    execution_create,
    execution_enqueue,
    schedule_idempotency_key,
    workflow_snapshots,
)
from executions.store import DispatchRow, store

logger = logging.getLogger(__name__)

Status = WorkflowExecution.Status


@dataclass
class DispatchResult:
    queued: int = 0
    missed: int = 0
    # Planned runs the holiday policy skipped, recorded as skipped executions.
    skipped: int = 0
    resumed: int = 0
    # Schedules whose config no longer yields a next run; they are switched off.
    broken: int = 0
    # Of ``queued``: runs created ahead of their due time (the look-ahead), sent with an eta.
    ahead: int = 0
    queued_ids: list[int] = field(default_factory=list)
    # One line per missed run, mailed to admins once per tick.
    missed_lines: list[str] = field(default_factory=list)
    # Stalled work enqueued again by the sweep: executions, and email batches.
    swept_runs: int = 0
    swept_batches: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "queued": self.queued,
            "ahead": self.ahead,
            "missed": self.missed,
            "skipped": self.skipped,
            "resumed": self.resumed,
            "broken": self.broken,
            "swept_runs": self.swept_runs,
            "swept_batches": self.swept_batches,
        }


@dataclass
class _Due:
    """What one claimed schedule turns into this tick."""

    schedule: WorkflowSchedule
    run: Occurrence | None  # the due time to run (now, or ahead of time), or to skip, if any
    missed: Occurrence | None  # the newest due time outside the grace window, if any
    next_run: datetime | None  # None: the schedule is broken and gets switched off

    @property
    def ran_at(self) -> datetime | None:
        """The run this tick starts (a skipped one is not a run: last_run stays)."""
        return self.run.at if self.run is not None else None


@dataclass
class _Row:
    """One execution a batch is to create."""

    schedule: WorkflowSchedule
    at: datetime  # its due time: scheduled_for
    status: str  # queued, missed, or skipped
    ahead: bool = False  # dispatched before its due time (the look-ahead)
    # What the holiday policy made of it: moved (the planned time and the holiday's name).
    occurrence: Occurrence | None = None


@dataclass
class _Created:
    pk: int
    row: _Row


class _NextRuns:
    """The schedules' next occurrences (runs, and planned runs the holiday policy skips),
    memoised for one tick, with the business calendar read once per tick.

    Schedules due together mostly share their rule, zone, policy and due time (every "Monday
    09:00 Oslo" workflow), so ten thousand of them cost a handful of computations, not ten
    thousand. A rule that cannot compute raises its ``ValueError`` again on every lookup.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str, str, datetime], Occurrence | str] = {}
        self._business: BusinessCalendar | None = None

    def _calendar(self, schedule: WorkflowSchedule) -> BusinessCalendar | None:
        if not needs_calendar(
            schedule.schedule_type, schedule.schedule_config or {}, schedule.holiday_policy
        ):
            return None
        if self._business is None:
            self._business = BusinessCalendar.load()
        return self._business

    def occurrence(self, schedule: WorkflowSchedule, after: datetime) -> Occurrence:
        """The first occurrence whose moment is strictly after ``after``."""
        key = (
            schedule.schedule_type,
            json.dumps(schedule.schedule_config, sort_keys=True, default=str),
            schedule.timezone,
            schedule.holiday_policy,
            after,
        )
        found = self._known.get(key)
        if found is None:
            try:
                found = next_occurrence_after(
                    schedule_type=schedule.schedule_type,
                    schedule_config=schedule.schedule_config,
                    timezone=schedule.timezone,
                    after=after,
                    holiday_policy=schedule.holiday_policy,
                    business=self._calendar(schedule),
                )
            except ValueError as exc:
                found = str(exc)
            self._known[key] = found
        if isinstance(found, str):
            raise ValueError(found)
        return found

    def after(self, schedule: WorkflowSchedule, after: datetime) -> datetime:
        return self.occurrence(schedule, after).moment

    def at(self, schedule: WorkflowSchedule, due: datetime) -> Occurrence:
        """The occurrence due at ``due`` (the schedule's ``next_run``); a plain run there when
        the rule no longer has one (its config changed since ``next_run`` was set)."""
        found = self.occurrence(schedule, due - timedelta(microseconds=1))
        return found if found.moment == due else Occurrence(due, due)


def _latest_at_or_before(
    schedule: WorkflowSchedule, first: datetime, limit: datetime, next_runs: _NextRuns
) -> Occurrence:
    """The newest occurrence <= ``limit``, given that ``first`` is a due time <= ``limit``."""
    latest = first
    # Jump close to `limit` before walking, so weeks of downtime on a minutely cron cost a
    # handful of calls instead of tens of thousands.
    for lookback in (timedelta(hours=1), timedelta(days=1), timedelta(days=32)):
        start = limit - lookback
        if start <= latest:
            break
        candidate = next_runs.after(schedule, start)
        if candidate <= limit:
            latest = candidate
            break
    while True:
        following = next_runs.after(schedule, latest)
        if following > limit:
            return next_runs.at(schedule, latest)
        latest = following


def _plan(schedule: WorkflowSchedule, now: datetime, next_runs: _NextRuns) -> _Due:
    due = schedule.next_run
    assert due is not None
    grace = timedelta(minutes=schedule.workflow.grace_minutes)
    try:
        if now - due <= grace:
            # Due now, or (the look-ahead) within the next few seconds: runs (or is skipped)
            # at `due`.
            run, missed = next_runs.at(schedule, due), None
        else:
            threshold = now - grace
            missed = _latest_at_or_before(schedule, due, threshold, next_runs)
            # A later due time may still be inside the window; it runs, late but within grace.
            candidate = next_runs.occurrence(schedule, threshold)
            run = candidate if candidate.moment <= now else None
        next_run = next_runs.after(schedule, max(now, due))
    except ValueError:
        logger.exception("schedule %s cannot compute its next run; switching it off", schedule.pk)
        return _Due(schedule=schedule, run=None, missed=None, next_run=None)
    return _Due(schedule=schedule, run=run, missed=missed, next_run=next_run)


def _rows(plan: _Due, now: datetime) -> list[_Row]:
    """The executions a plan records: the newest missed due time (a skipped one is recorded
    as skipped, not missed: nothing was lost), and the run or the skip that is due."""
    rows: list[_Row] = []
    if plan.missed is not None:
        status = Status.SKIPPED if plan.missed.at is None else Status.MISSED
        rows.append(_Row(plan.schedule, plan.missed.moment, status, occurrence=plan.missed))
    if plan.run is not None:
        if plan.run.at is None:
            rows.append(_Row(plan.schedule, plan.run.planned, Status.SKIPPED, occurrence=plan.run))
        else:
            at = plan.run.at
            rows.append(_Row(plan.schedule, at, Status.QUEUED, at > now, occurrence=plan.run))
    return rows


def _claim_batch(horizon: datetime, batch_size: int) -> list[WorkflowSchedule]:
    return list(
        WorkflowSchedule.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("workflow")
        .filter(
            next_run__lte=horizon,
            workflow__status=WorkflowDefinition.Status.ACTIVE,
            workflow__is_active=True,
        )
        .order_by("next_run", "pk")[:batch_size]
    )


_MISSED = Reason("execution.missed")
_DUE_AHEAD = Reason("execution.due_ahead")
_DUE = Reason("execution.due")


def _holiday(occurrence: Occurrence) -> dict[str, str]:
    assert occurrence.closure is not None
    return names(nb=occurrence.closure.name_nb, en=occurrence.closure.name_en)


def _reason(row: _Row) -> Reason:
    occurrence = row.occurrence
    if row.status == Status.SKIPPED and occurrence is not None and occurrence.adjusted:
        return Reason("execution.holiday_skipped", holiday=_holiday(occurrence))
    if row.status == Status.MISSED:
        return _MISSED
    if occurrence is not None and occurrence.adjusted:
        return Reason(
            "execution.holiday_moved", planned=occurrence.planned, holiday=_holiday(occurrence)
        )
    if row.ahead:
        return _DUE_AHEAD
    return _DUE


def _context(row: _Row) -> dict[str, Any]:
    context: dict[str, Any] = {}
    if row.ahead:
        # The engine checks such a run again when it starts (scheduled_execution_check).
        context["dispatched_ahead"] = True
    occurrence = row.occurrence
    if row.status == Status.QUEUED and occurrence is not None and occurrence.adjusted:
        # Moved by the holiday policy: a first step timed at the planned run moves with it.
        context["planned_for"] = occurrence.planned.isoformat()
    return context


def _insert(fresh: dict[str, _Row], snapshots: dict[int, dict[str, Any]]) -> dict[str, int]:
    """Insert the executions (and their first transitions) of ``fresh``; key -> new id. In one
    go through the store, or one by one after a lost key race."""
    rows = [
        DispatchRow(
            workflow_id=row.schedule.workflow_id,
            schedule_id=row.schedule.pk,
            status=row.status,
            scheduled_for=row.at,
            idempotency_key=key,
            context=_context(row),
            workflow_version=row.schedule.workflow.version,
            reason=_reason(row),
        )
        for key, row in fresh.items()
    ]
    ids = store().insert_dispatched(
        rows, snapshots, trigger=WorkflowExecution.Trigger.SCHEDULE, now=timezone.now()
    )
    if ids is not None:
        return ids
    ids = {}
    for key, row in fresh.items():
        execution, was_created = execution_create(
            workflow=row.schedule.workflow,
            trigger=WorkflowExecution.Trigger.SCHEDULE,
            scheduled_for=row.at,
            schedule=row.schedule,
            idempotency_key=key,
            status=row.status,
            context=_context(row),
            snapshot=snapshots[row.schedule.workflow_id],
            reason=_reason(row),
        )
        if was_created:
            ids[key] = execution.pk
    return ids


def _create_executions(rows: list[_Row], snapshots: dict[int, dict[str, Any]]) -> list[_Created]:
    """Create one execution per row (schedule, due time), skipping keys that exist."""
    keys = {
        schedule_idempotency_key(schedule_id=row.schedule.pk, scheduled_for=row.at): row
        for row in rows
    }
    existing = set(
        WorkflowExecution.objects.filter(idempotency_key__in=keys).values_list(
            "idempotency_key", flat=True
        )
    )
    fresh = {key: row for key, row in keys.items() if key not in existing}
    if not fresh:
        return []
    ids = _insert(fresh, snapshots)
    return [_Created(pk=ids[key], row=row) for key, row in fresh.items() if key in ids]


def _advance_schedules(plans: list[_Due]) -> None:
    """Write next_run and last_run of a batch with one UPDATE per distinct pair of values.

    Schedules due together mostly move to the same next run, so this is a handful of
    statements; ``bulk_update``'s CASE per row cost more than everything else in a tick.
    """
    groups: dict[tuple[datetime | None, datetime | None, bool], list[int]] = defaultdict(list)
    for plan in plans:
        sets_last_run = plan.ran_at is not None
        groups[(plan.next_run, plan.ran_at, sets_last_run)].append(plan.schedule.pk)
    for (next_run, run_at, sets_last_run), ids in groups.items():
        values: dict[str, datetime | None] = {"next_run": next_run}
        if sets_last_run:
            values["last_run"] = run_at
        WorkflowSchedule.objects.filter(pk__in=ids).update(**values)


@dataclass
class _Tick:
    now: datetime
    # Schedules due up to here are claimed: `now` plus the look-ahead.
    horizon: datetime
    batch_size: int
    next_runs: _NextRuns = field(default_factory=_NextRuns)


def _dispatch_batch(tick: _Tick, result: DispatchResult) -> int:
    """Claim and dispatch one batch in its own transaction; the number of schedules claimed."""
    with transaction.atomic():
        schedules = _claim_batch(tick.horizon, tick.batch_size)
        if not schedules:
            return 0
        # The snapshots are taken before next_run moves, in the same transaction as the
        # claim: one query reads the steps of every workflow of the batch.
        snapshots = workflow_snapshots([s.workflow for s in schedules])
        plans = [_plan(schedule, tick.now, tick.next_runs) for schedule in schedules]
        rows = [row for plan in plans for row in _rows(plan, tick.now)]
        created = _create_executions(rows, snapshots)

        _advance_schedules(plans)
        result.broken += sum(1 for plan in plans if plan.next_run is None)

        # Runs due by now go at once; runs dispatched ahead are delivered at their due time.
        by_eta: dict[datetime | None, list[int]] = defaultdict(list)
        missed: list[_Created] = []
        for execution in created:
            if execution.row.status == Status.MISSED:
                missed.append(execution)
            elif execution.row.status == Status.SKIPPED:
                result.skipped += 1
            else:
                by_eta[execution.row.at if execution.row.ahead else None].append(execution.pk)
        for eta, ids in by_eta.items():
            execution_enqueue(execution_ids=ids, eta=eta)
            result.queued += len(ids)
            result.queued_ids.extend(ids)
            if eta is not None:
                result.ahead += len(ids)
        if missed:
            WorkflowExecution.objects.filter(pk__in=[e.pk for e in missed]).update(
                alerted_at=tick.now
            )
            result.missed_lines.extend(_missed_line(e) for e in missed)
        result.missed += len(missed)
        return len(schedules)


def _missed_line(execution: _Created) -> str:
    schedule = execution.row.schedule
    local = execution.row.at.astimezone(ZoneInfo(schedule.timezone))
    return (
        f"- {schedule.workflow.name} (workflow {schedule.workflow_id}): "
        f"due {local:%Y-%m-%d %H:%M} {schedule.timezone}"
    )


def alert_admins_missed(lines: list[str]) -> None:
    """One email per tick for every run recorded as missed in it."""
    subject = f"{len(lines)} scheduled workflow run(s) missed"
    body = (
        "These scheduled runs were due longer ago than their workflow's grace window, "
        "probably because the scheduler was not running. They were recorded as missed "
        "and not run:\n\n" + "\n".join(lines)
    )
    try:
        mail_admins(subject, body, fail_silently=False)
    except Exception:
        # The missed rows are in the history either way; a mail failure must not undo them.
        logger.exception("could not email admins about missed runs")


def resume_waiting(*, now: datetime) -> list[int]:
    """Re-queue executions whose durable wait is over; the ids re-queued by this call."""
    resumed: list[int] = []
    candidates = list(
        WorkflowExecution.objects.filter(status=Status.WAITING, resume_at__lte=now).values_list(
            "pk", "current_step"
        )
    )
    for pk, current_step in candidates:
        with transaction.atomic():
            # Claim with a conditional update: only one dispatcher sees 1 here.
            claimed = WorkflowExecution.objects.filter(pk=pk, status=Status.WAITING).update(
                status=Status.QUEUED, resume_at=None, updated_at=timezone.now()
            )
            if claimed != 1:
                continue
            ExecutionTransition.objects.create(
                execution_id=pk,
                from_status=Status.WAITING,
                to_status=Status.QUEUED,
                step_order=current_step,
                **Reason("execution.wait_over").reason_fields(),
            )
            execution_enqueue(execution_ids=[pk])
        resumed.append(pk)
    return resumed


def _stalled_thresholds(setting: str) -> tuple[timedelta, timedelta]:
    """(quiet time after which work counts as stalled, the same for work in a retry backoff)."""
    quiet = timedelta(seconds=float(getattr(settings, setting, 300)))
    return quiet, quiet + timedelta(seconds=float(settings.CELERY_MAX_COUNTDOWN_S))


def sweep_stalled_queued() -> int:
    """Enqueue again every ``queued`` execution that no worker picked up in time."""
    from executions import queueing

    now = timezone.now()
    quiet, backoff = _stalled_thresholds("WORKFLOW_STALLED_QUEUED_S")
    swept = 0
    # A run dispatched ahead of its due time waits for its eta: it is stalled only once its
    # due time, too, lies a full threshold back.
    candidates = (
        WorkflowExecution.objects.filter(status=Status.QUEUED, updated_at__lt=now - quiet)
        .filter(Q(scheduled_for__isnull=True) | Q(scheduled_for__lt=now - quiet))
        .values_list("pk", "current_step", "context", "updated_at")
    )
    for pk, current_step, context, updated_at in candidates:
        attempts = (context or {}).get("attempts", {}).get(str(current_step), 0)
        if attempts and updated_at >= now - backoff:
            continue  # a retry is scheduled within the countdown cap
        with transaction.atomic():
            # Conditional: a worker may have claimed it meanwhile, or another dispatcher swept.
            touched = WorkflowExecution.objects.filter(
                pk=pk, status=Status.QUEUED, updated_at=updated_at
            ).update(updated_at=now)
            if touched != 1:
                continue
            queueing.enqueue_run(pk)
        swept += 1
    return swept


def sweep_stalled_batches() -> int:
    """Enqueue a step's fanned-out work (email batches, a report) again for its ``pending``
    rows when they stopped moving; each step type knows how (``StepType.redispatch``)."""
    now = timezone.now()
    quiet, backoff = _stalled_thresholds("WORKFLOW_STALLED_BATCH_S")
    LogStatus = WorkflowActionLog.Status
    registry = step_types()
    batches = 0
    running = WorkflowExecution.objects.filter(
        status=Status.RUNNING, updated_at__lt=now - quiet
    ).values_list("pk", "context")
    for pk, context in running:
        step_order = (context or {}).get("awaiting_step")
        if step_order is None:
            continue
        rows = WorkflowActionLog.objects.filter(execution_id=pk, step_order=step_order)
        with transaction.atomic():
            # Under the execution's lock: a pause, a cancel or the step's last batch waits.
            locked = (
                WorkflowExecution.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.RUNNING)
                .values_list("context", "definition_snapshot")
                .first()
            )
            if locked is None or locked[0].get("awaiting_step") != step_order:
                continue
            step = next(
                (s for s in locked[1].get("steps", []) if s.get("step_order") == step_order), None
            )
            cls = registry.get(step["step_type"]) if step else None
            if cls is None:
                continue
            latest = rows.aggregate(latest=Max("updated_at"))["latest"]
            if latest is None or latest >= now - quiet:
                continue  # no rows, or still making progress
            pending = list(
                rows.filter(status=LogStatus.PENDING, action_type=cls.key)
                .filter(Q(error_message="") | Q(updated_at__lt=now - backoff))
                .order_by("target_id")
                .values_list("pk", "target_id")
            )
            if not pending:
                continue
            WorkflowActionLog.objects.filter(pk__in=[row[0] for row in pending]).update(
                updated_at=now
            )
            batches += cls().redispatch(pk, step_order, [target for _pk, target in pending])
    return batches


def sweep_stalled_running() -> int:
    """Queue again every ``running`` execution that no worker holds any more.

    A worker holds the execution's row lock for the whole of each step, so a running
    execution whose row can be locked, that awaits no fanned-out work and that has not
    changed for ``WORKFLOW_STALLED_RUNNING_S`` lost its worker (killed in the middle of a
    step, or its last commits lost in a database crash) while its message was already
    acknowledged or is not due back for the broker's visibility timeout. Queued again, it
    repeats the step it was in, which every step type may do (its log rows and email claims
    remember what was done).
    """
    from executions import queueing
    from executions.engine import transition

    now = timezone.now()
    quiet, _ = _stalled_thresholds("WORKFLOW_STALLED_RUNNING_S")
    swept = 0
    candidates = WorkflowExecution.objects.filter(
        status=Status.RUNNING, updated_at__lt=now - quiet
    ).values_list("pk", flat=True)
    for pk in candidates:
        with transaction.atomic():
            execution = (
                WorkflowExecution.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.RUNNING, updated_at__lt=now - quiet)
                .first()
            )
            if execution is None or (execution.context or {}).get("awaiting_step") is not None:
                continue  # a worker holds it, it moved on, or its email batches are swept
            transition(
                execution,
                Status.QUEUED,
                reason=Reason("execution.requeued"),
            )
            queueing.enqueue_run(pk)
        swept += 1
    return swept


def sweep_stalled() -> tuple[int, int]:
    """Step 5 of the tick (see the module docstring): (executions, email batches) swept."""
    return sweep_stalled_queued() + sweep_stalled_running(), sweep_stalled_batches()


def lookahead() -> timedelta:
    """How far ahead of their due time runs are dispatched (``WORKFLOW_DISPATCH_LOOKAHEAD_S``)."""
    return timedelta(seconds=max(0.0, float(getattr(settings, "WORKFLOW_DISPATCH_LOOKAHEAD_S", 0))))


def dispatch_due(
    *, now: datetime | None = None, batch_size: int = 500, ahead: timedelta | None = None
) -> DispatchResult:
    """Dispatch every due schedule and resume every finished wait; see the module docstring.

    ``ahead`` overrides the look-ahead setting (``timedelta(0)``: only what is due by ``now``).
    """
    now = now or timezone.now()
    horizon = now + (lookahead() if ahead is None else ahead)
    tick = _Tick(now=now, horizon=horizon, batch_size=batch_size)
    result = DispatchResult()
    while _dispatch_batch(tick, result):
        pass
    if result.missed_lines:
        # After every batch has committed (at once when not inside an outer transaction).
        transaction.on_commit(partial(alert_admins_missed, result.missed_lines))
    result.resumed = len(resume_waiting(now=now))
    result.swept_runs, result.swept_batches = sweep_stalled()
    if result.swept_runs or result.swept_batches:
        logger.warning(
            "sweep re-enqueued %s stalled execution(s) and %s email batch(es)",
            result.swept_runs,
            result.swept_batches,
        )
    if result.queued or result.missed or result.resumed or result.broken:
        logger.info("dispatch at %s: %s", now.isoformat(), result.as_dict())
    return result
