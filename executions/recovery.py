"""Recovery in seconds from a lost worker, a lost broker or a database restart.

Beat runs ``recover`` every ``WORKFLOW_RECOVERY_INTERVAL_S`` (the periodic task
``recover-lost-work``). Each run is a few indexed queries when nothing is wrong:

1. **The broker lost its data** (Redis restarted without persistence, a failover to an empty
   replica): a key of ours in the broker's database (``EPOCH_KEY``, set when missing) is gone.
   Every message the database says should exist is enqueued again at once: each ``queued``
   execution (at its due time, if that is still ahead), and each ``pending`` customer of an
   email step that a ``running`` execution awaits (``StepType.redispatch``). Work that is in
   fact still in a worker's hands is then done twice over, which the claims make harmless:
   the engine claims an execution before running it, a batch claims each customer before
   sending and skips whoever is not ``pending``.
2. **A worker process died holding work** (SIGKILL, an out-of-memory kill, a lost machine): the
   parts of fanned-out work it held (``WorkLease``, renewed by its heartbeat, see
   ``executions.leases``) expire within ``WORKFLOW_LEASE_S``; each expired part is enqueued
   again (if its execution still awaits that step) and its lease dropped.
3. **A running execution lost its worker** (killed in a step, or the step's transaction lost
   in a database restart): a worker holds the execution's row lock for the whole of a step,
   and PostgreSQL releases it the moment the holder's connection dies; so a ``running``
   execution that awaits no fanned-out work, whose row can be locked and that has not changed
   for ``WORKFLOW_LEASE_S`` is queued again. Its step runs again, which every step may do.

What recovery never does: touch a claimed (``unknown``) customer. A send whose process died
between the claim and the server's answer stays ``unknown`` and is reported; at most one per
sending process per crash. The dispatcher's stall sweeps (``executions.dispatch``, 300 s of
quiet) stay as the last net under all of this, for what no lease covers (a run message a dead
worker had reserved but not started, a broker that was down without losing its data while a
message was being published).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from automation.registry import step_types
from core.reasons import Reason
from executions import queueing
from executions.engine import transition
from executions.models import WorkflowActionLog, WorkflowExecution, WorkLease

logger = logging.getLogger(__name__)

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status

#: Set in the broker's Redis database when missing; its absence means the broker lost its data.
EPOCH_KEY = "workflow-automation:broker-epoch"


@dataclass
class RecoveryResult:
    #: The broker had lost its data (or this is the first recovery against it).
    broker_lost: bool = False
    #: Queued executions and parts of fanned-out work enqueued again after a broker loss.
    runs_reenqueued: int = 0
    parts_reenqueued: int = 0
    #: Parts of work whose holder's lease expired, enqueued again.
    leases_taken_over: int = 0
    #: Running executions no worker held, queued again.
    runs_requeued: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def acted(self) -> bool:
        return bool(
            self.runs_reenqueued
            or self.parts_reenqueued
            or self.leases_taken_over
            or self.runs_requeued
        )


def lease_period() -> timedelta:
    return timedelta(seconds=float(settings.WORKFLOW_LEASE_S))


def broker_lost() -> bool:
    """True when the broker's Redis no longer has ``EPOCH_KEY`` (it is set again at once).

    False for brokers other than Redis (the filesystem broker of a development machine keeps
    its messages on disk)."""
    url = str(current_app.conf.broker_write_url or current_app.conf.broker_url or "")
    if not url.startswith(("redis://", "rediss://")):
        return False
    with current_app.connection_for_write() as conn:
        client = conn.default_channel.client
        return bool(client.set(EPOCH_KEY, timezone.now().isoformat(), nx=True))


def _step(execution_snapshot: dict[str, Any], step_order: int) -> dict[str, Any] | None:
    return next(
        (s for s in execution_snapshot.get("steps", []) if s.get("step_order") == step_order),
        None,
    )


def reenqueue_everything(now: datetime) -> tuple[int, int]:
    """After a broker loss: enqueue every queued execution and the pending parts of every
    awaited step again; (executions, parts)."""
    runs_now: list[int] = []
    ahead: dict[datetime, list[int]] = {}
    for pk, scheduled_for in WorkflowExecution.objects.filter(status=Status.QUEUED).values_list(
        "pk", "scheduled_for"
    ):
        if scheduled_for is not None and scheduled_for > now:
            ahead.setdefault(scheduled_for, []).append(pk)
        else:
            runs_now.append(pk)
    with transaction.atomic():
        queueing.enqueue_runs(runs_now)
        for eta, ids in ahead.items():
            queueing.enqueue_runs(ids, eta=eta)
    parts = 0
    registry = step_types()
    awaiting = WorkflowExecution.objects.filter(
        status=Status.RUNNING, context__awaiting_step__isnull=False
    ).values_list("pk", "context", "definition_snapshot")
    for pk, context, snapshot in awaiting:
        step_order = (context or {}).get("awaiting_step")
        step = _step(snapshot or {}, step_order) if step_order is not None else None
        cls = registry.get(step["step_type"]) if step else None
        if cls is None:
            continue
        pending = list(
            WorkflowActionLog.objects.filter(
                execution_id=pk,
                step_order=step_order,
                action_type=cls.key,
                status=LogStatus.PENDING,
            )
            .order_by("target_id")
            .values_list("target_id", flat=True)
        )
        if not pending:
            continue
        with transaction.atomic():
            parts += cls().redispatch(pk, step_order, pending)
    return len(runs_now) + sum(len(ids) for ids in ahead.values()), parts


def take_over_expired_leases(now: datetime) -> int:
    """Enqueue again each part of work whose lease expired; how many."""
    registry = step_types()
    taken = 0
    expired = list(
        WorkLease.objects.filter(lease_until__lt=now)
        .order_by("lease_until")
        .values_list("task_id", "lease_until", "execution_id", "step_order", "step_type", "part")
    )
    for task_id, lease_until, execution_id, step_order, step_type, part in expired:
        with transaction.atomic():
            # Conditional: another recovery took it, or its holder renewed it meanwhile.
            deleted, _ = WorkLease.objects.filter(task_id=task_id, lease_until=lease_until).delete()
            if not deleted:
                continue
            cls = registry.get(step_type)
            awaited = (
                WorkflowExecution.objects.filter(
                    pk=execution_id, status=Status.RUNNING, context__awaiting_step=step_order
                ).exists()
                if cls is not None
                else False
            )
            if not awaited:
                continue  # the step moved on, or the run was paused or cancelled
            logger.warning(
                "work lease %s (%s of execution %s, step %s) expired: enqueued again",
                task_id,
                step_type,
                execution_id,
                step_order,
            )
            queueing.enqueue_step_work(execution_id, step_order, step_type, part, queue=cls.queue)
        taken += 1
    return taken


def take_over_running(now: datetime) -> int:
    """Queue again every ``running`` execution that awaits no fanned-out work, whose row no
    worker has locked and that has not changed for a lease period; how many."""
    quiet = now - lease_period()
    requeued = 0
    candidates = list(
        WorkflowExecution.objects.filter(status=Status.RUNNING, updated_at__lt=quiet).values_list(
            "pk", flat=True
        )
    )
    for pk in candidates:
        with transaction.atomic():
            execution = (
                WorkflowExecution.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.RUNNING, updated_at__lt=quiet)
                .first()
            )
            if execution is None or (execution.context or {}).get("awaiting_step") is not None:
                continue  # a worker holds it, it moved on, or its parts hold leases
            transition(execution, Status.QUEUED, reason=Reason("execution.requeued"))
            queueing.enqueue_run(pk)
        requeued += 1
    return requeued


def recover(*, now: datetime | None = None) -> RecoveryResult:
    """One round of recovery (see the module docstring)."""
    now = now or timezone.now()
    result = RecoveryResult()
    try:
        result.broker_lost = broker_lost()
    except Exception as exc:  # the broker is away: nothing to enqueue to; next round
        logger.warning("could not check the broker's epoch: %s", exc)
    if result.broker_lost:
        result.runs_reenqueued, result.parts_reenqueued = reenqueue_everything(now)
    result.leases_taken_over = take_over_expired_leases(now)
    result.runs_requeued = take_over_running(now)
    if result.acted:
        logger.warning("recovery: %s", result.as_dict())
    return result
