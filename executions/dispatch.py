"""The dispatcher: turns due schedules and finished waits into queued executions.

Beat runs ``dispatch_due`` every few seconds (one django-celery-beat PeriodicTask). Each tick:

1. Claims due schedules in batches with ``SELECT ... FOR UPDATE SKIP LOCKED``: two
   dispatchers (two beats, a redelivered tick) split the rows instead of sharing them.
2. Creates one execution per (schedule, due time) under the unique idempotency key
   ``schedule:<id>:<due time in UTC>``; even a dispatcher that somehow saw the same row twice
   cannot create a second execution.
3. Advances ``next_run`` past ``now`` and sets ``last_run``, in the same transaction, and
   enqueues the executions only after that transaction commits.
4. Re-queues executions whose durable wait is over (``waiting`` with ``resume_at <= now``).
5. Sweeps for work whose broker message was lost (Redis restarted without persistence, a
   purge): a ``queued`` execution nobody picked up for ``WORKFLOW_STALLED_QUEUED_S`` is
   enqueued again, and a ``running`` execution awaiting an email step whose action-log rows
   have not changed for ``WORKFLOW_STALLED_BATCH_S`` gets batches for its ``pending`` rows
   again. Both are safe to repeat (the engine claims an execution before running it, a batch
   claims each customer before sending), so a sweep that fires for work that was only slow
   costs a duplicate message, never a duplicate email. Work waiting for a retry countdown
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

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import mail_admins
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.scheduling import next_run_after
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.services import (
    execution_create,
    execution_enqueue,
    schedule_idempotency_key,
    workflow_snapshot,
)

logger = logging.getLogger(__name__)

Status = WorkflowExecution.Status


@dataclass
class DispatchResult:
    queued: int = 0
    missed: int = 0
    resumed: int = 0
    # Schedules whose config no longer yields a next run; they are switched off.
    broken: int = 0
    queued_ids: list[int] = field(default_factory=list)
    # One line per missed run, mailed to admins once per tick.
    missed_lines: list[str] = field(default_factory=list)
    # Stalled work enqueued again by the sweep: executions, and email batches.
    swept_runs: int = 0
    swept_batches: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "queued": self.queued,
            "missed": self.missed,
            "resumed": self.resumed,
            "broken": self.broken,
            "swept_runs": self.swept_runs,
            "swept_batches": self.swept_batches,
        }


@dataclass
class _Due:
    """What one claimed schedule turns into this tick."""

    schedule: WorkflowSchedule
    run_at: datetime | None  # the due time to run now, if any
    missed_at: datetime | None  # the newest due time outside the grace window, if any
    next_run: datetime | None  # None: the schedule is broken and gets switched off


def _next_after(schedule: WorkflowSchedule, after: datetime) -> datetime:
    return next_run_after(
        schedule_type=schedule.schedule_type,
        schedule_config=schedule.schedule_config,
        timezone=schedule.timezone,
        after=after,
    )


def _latest_at_or_before(schedule: WorkflowSchedule, first: datetime, limit: datetime) -> datetime:
    """The newest due time <= ``limit``, given that ``first`` is a due time <= ``limit``."""
    latest = first
    # Jump close to `limit` before walking, so weeks of downtime on a minutely cron cost a
    # handful of calls instead of tens of thousands.
    for lookback in (timedelta(hours=1), timedelta(days=1), timedelta(days=32)):
        start = limit - lookback
        if start <= latest:
            break
        candidate = _next_after(schedule, start)
        if candidate <= limit:
            latest = candidate
            break
    while True:
        following = _next_after(schedule, latest)
        if following > limit:
            return latest
        latest = following


def _plan(schedule: WorkflowSchedule, now: datetime) -> _Due:
    due = schedule.next_run
    assert due is not None
    grace = timedelta(minutes=schedule.workflow.grace_minutes)
    try:
        if now - due <= grace:
            run_at, missed_at = due, None
        else:
            threshold = now - grace
            missed_at = _latest_at_or_before(schedule, due, threshold)
            # A later due time may still be inside the window; it runs, late but within grace.
            candidate = _next_after(schedule, threshold)
            run_at = candidate if candidate <= now else None
        next_run = _next_after(schedule, max(now, due))
    except ValueError:
        logger.exception("schedule %s cannot compute its next run; switching it off", schedule.pk)
        return _Due(schedule=schedule, run_at=None, missed_at=None, next_run=None)
    return _Due(schedule=schedule, run_at=run_at, missed_at=missed_at, next_run=next_run)


def _claim_batch(now: datetime, batch_size: int) -> list[WorkflowSchedule]:
    return list(
        WorkflowSchedule.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("workflow")
        .prefetch_related("workflow__steps")
        .filter(
            next_run__lte=now,
            workflow__status=WorkflowDefinition.Status.ACTIVE,
            workflow__is_active=True,
        )
        .order_by("next_run", "pk")[:batch_size]
    )


def _create_executions(
    rows: list[tuple[WorkflowSchedule, datetime, str]],
    snapshots: dict[int, dict[str, Any]],
) -> list[WorkflowExecution]:
    """Create one execution per (schedule, due time, status), skipping keys that exist.

    Bulk inserts for speed; if a concurrent writer wins a key between the check and the
    insert, fall back to the race-safe one-by-one path for this batch.
    """
    keys = {
        schedule_idempotency_key(schedule_id=schedule.pk, scheduled_for=at): (schedule, at, status)
        for schedule, at, status in rows
    }
    existing = set(
        WorkflowExecution.objects.filter(idempotency_key__in=keys).values_list(
            "idempotency_key", flat=True
        )
    )
    fresh = {key: row for key, row in keys.items() if key not in existing}
    if not fresh:
        return []
    executions = [
        WorkflowExecution(
            workflow=schedule.workflow,
            schedule=schedule,
            status=status,
            trigger=WorkflowExecution.Trigger.SCHEDULE,
            scheduled_for=at,
            idempotency_key=key,
            definition_snapshot=snapshots[schedule.workflow_id],
            workflow_version=schedule.workflow.version,
            context={},
        )
        for key, (schedule, at, status) in fresh.items()
    ]
    try:
        with transaction.atomic():
            created = WorkflowExecution.objects.bulk_create(executions)
            ExecutionTransition.objects.bulk_create(
                [
                    ExecutionTransition(
                        execution=execution,
                        from_status="",
                        to_status=execution.status,
                        reason=(
                            "missed: outside the grace window"
                            if execution.status == Status.MISSED
                            else "due by schedule"
                        ),
                    )
                    for execution in created
                ]
            )
        return created
    except IntegrityError:
        logger.warning("idempotency key race while dispatching; retrying one by one")
    result: list[WorkflowExecution] = []
    for key, (schedule, at, status) in fresh.items():
        execution, was_created = execution_create(
            workflow=schedule.workflow,
            trigger=WorkflowExecution.Trigger.SCHEDULE,
            scheduled_for=at,
            schedule=schedule,
            idempotency_key=key,
            status=status,
            snapshot=snapshots[schedule.workflow_id],
            reason="missed: outside the grace window" if status == Status.MISSED else "",
        )
        if was_created:
            result.append(execution)
    return result


def _advance_schedules(plans: list[_Due]) -> None:
    """Write next_run and last_run of a batch with one UPDATE per distinct pair of values.

    Schedules due together mostly move to the same next run, so this is a handful of
    statements; ``bulk_update``'s CASE per row cost more than everything else in a tick.
    """
    groups: dict[tuple[datetime | None, datetime | None, bool], list[int]] = defaultdict(list)
    for plan in plans:
        sets_last_run = plan.run_at is not None
        groups[(plan.next_run, plan.run_at, sets_last_run)].append(plan.schedule.pk)
    for (next_run, run_at, sets_last_run), ids in groups.items():
        values: dict[str, datetime | None] = {"next_run": next_run}
        if sets_last_run:
            values["last_run"] = run_at
        WorkflowSchedule.objects.filter(pk__in=ids).update(**values)


def _dispatch_batch(now: datetime, batch_size: int, result: DispatchResult) -> int:
    """Claim and dispatch one batch in its own transaction; the number of schedules claimed."""
    with transaction.atomic():
        schedules = _claim_batch(now, batch_size)
        if not schedules:
            return 0
        # The snapshot is taken before next_run moves, in the same transaction as the claim.
        snapshots = {s.workflow_id: workflow_snapshot(s.workflow) for s in schedules}
        plans = [_plan(schedule, now) for schedule in schedules]
        rows: list[tuple[WorkflowSchedule, datetime, str]] = []
        for plan in plans:
            if plan.missed_at is not None:
                rows.append((plan.schedule, plan.missed_at, Status.MISSED))
            if plan.run_at is not None:
                rows.append((plan.schedule, plan.run_at, Status.QUEUED))
        created = _create_executions(rows, snapshots)

        _advance_schedules(plans)
        result.broken += sum(1 for plan in plans if plan.next_run is None)

        queued = [e.pk for e in created if e.status == Status.QUEUED]
        missed = [e for e in created if e.status == Status.MISSED]
        execution_enqueue(execution_ids=queued)
        if missed:
            WorkflowExecution.objects.filter(pk__in=[e.pk for e in missed]).update(alerted_at=now)
            result.missed_lines.extend(_missed_line(e) for e in missed)
        result.queued += len(queued)
        result.queued_ids.extend(queued)
        result.missed += len(missed)
        return len(schedules)


def _missed_line(execution: WorkflowExecution) -> str:
    due = execution.scheduled_for
    assert due is not None and execution.schedule is not None
    local = due.astimezone(ZoneInfo(execution.schedule.timezone))
    return (
        f"- {execution.workflow.name} (workflow {execution.workflow_id}): "
        f"due {local:%Y-%m-%d %H:%M} {execution.schedule.timezone}"
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
                reason="wait is over",
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
    candidates = WorkflowExecution.objects.filter(
        status=Status.QUEUED, updated_at__lt=now - quiet
    ).values_list("pk", "current_step", "context", "updated_at")
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
    """Enqueue email batches again for ``pending`` rows of email steps that stopped moving."""
    from executions import emailing, queueing

    now = timezone.now()
    quiet, backoff = _stalled_thresholds("WORKFLOW_STALLED_BATCH_S")
    LogStatus = WorkflowActionLog.Status
    batches = 0
    running = WorkflowExecution.objects.filter(
        status=Status.RUNNING, updated_at__lt=now - quiet
    ).values_list("pk", "context")
    for pk, context in running:
        step_order = (context or {}).get("awaiting_step")
        if step_order is None:
            continue
        rows = WorkflowActionLog.objects.filter(
            execution_id=pk, step_order=step_order, action_type=emailing.ACTION
        )
        with transaction.atomic():
            # Under the execution's lock: a pause, a cancel or the step's last batch waits.
            locked = (
                WorkflowExecution.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.RUNNING)
                .values_list("context", flat=True)
                .first()
            )
            if locked is None or locked.get("awaiting_step") != step_order:
                continue
            latest = rows.aggregate(latest=Max("updated_at"))["latest"]
            if latest is None or latest >= now - quiet:
                continue  # no email rows (another kind of step), or still making progress
            stalled = list(
                rows.filter(status=LogStatus.PENDING)
                .filter(Q(error_message="") | Q(updated_at__lt=now - backoff))
                .order_by("target_id")
                .values_list("target_id", flat=True)
            )
            if not stalled:
                continue
            rows.filter(status=LogStatus.PENDING, target_id__in=stalled).update(updated_at=now)
            size = emailing.batch_size()
            for start in range(0, len(stalled), size):
                queueing.enqueue_email_batch(pk, step_order, stalled[start : start + size])
                batches += 1
    return batches


def sweep_stalled() -> tuple[int, int]:
    """Step 5 of the tick (see the module docstring): (executions, email batches) swept."""
    return sweep_stalled_queued(), sweep_stalled_batches()


def dispatch_due(*, now: datetime | None = None, batch_size: int = 500) -> DispatchResult:
    """Dispatch every due schedule and resume every finished wait; see the module docstring."""
    now = now or timezone.now()
    result = DispatchResult()
    while _dispatch_batch(now, batch_size, result):
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
