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
   ``executions.leases``) expire within ``WORKFLOW_LEASE_S``; each expired part's own message
   is put back in its queue when the broker still holds it for the dead consumer, or the part
   is enqueued again (if its execution still awaits that step), and its lease dropped. A
   message the dead worker had received but not yet leased or claimed (in kombu's
   ``unacked`` index for longer than a lease period: a live worker leases a part, or claims a
   run, within milliseconds) is put back as well, instead of after the visibility timeout.
   A holder only cut off from the network leaves its database session open on the server,
   with the step's work lock (``engine.step_work_finished`` waits for every part still
   sending); taking its part over ends that session, so the step is not held up for hours.
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

import base64
import json
import logging
import time
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
from executions.store import store

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
    #: Messages a consumer that is gone had received but not started, put back in their queue.
    orphans_put_back: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def acted(self) -> bool:
        return bool(
            self.runs_reenqueued
            or self.parts_reenqueued
            or self.leases_taken_over
            or self.runs_requeued
            or self.orphans_put_back
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


@dataclass
class _Held:
    """A message the broker handed to a consumer that has not acknowledged it."""

    tag: str
    task: str
    args: list[Any]
    eta: str | None


def _redis_channel(conn: Any) -> Any | None:
    url = str(current_app.conf.broker_write_url or current_app.conf.broker_url or "")
    if not url.startswith(("redis://", "rediss://")):
        return None
    return conn.default_channel


def unacknowledged(older_than: float) -> dict[str, _Held]:
    """Task id -> message, for every message of ours the broker handed out more than
    ``older_than`` seconds ago and that was not acknowledged since (kombu's Redis transport
    keeps them in ``unacked``, indexed by delivery time, until the visibility timeout of
    hours puts them back). Empty for other brokers."""
    held: dict[str, _Held] = {}
    with current_app.connection_for_write() as conn:
        channel = _redis_channel(conn)
        if channel is None:
            return held
        client = channel.client
        cutoff = time.time() - older_than
        tags = client.zrangebyscore(channel.unacked_index_key, "-inf", cutoff)
        for tag in tags:
            raw = client.hget(channel.unacked_key, tag)
            if raw is None:
                continue
            try:
                message = json.loads(raw)[0]
                headers = message.get("headers") or {}
                body = message["body"]
                if (message.get("properties") or {}).get("body_encoding") == "base64":
                    body = base64.b64decode(body)
                args = json.loads(body)[0]
            except (ValueError, KeyError, IndexError, TypeError):
                continue
            name = headers.get("task")
            if name in (queueing.STEP_WORK_TASK, queueing.RUN_TASK) and headers.get("id"):
                tag = tag.decode() if isinstance(tag, bytes) else str(tag)
                held[headers["id"]] = _Held(tag, name, list(args), headers.get("eta"))
    return held


def _put_back(tag: str) -> None:
    """The unacknowledged message goes back to the front of its queue, as the visibility
    timeout would put it back hours later: its customers have waited a lease period already.

    kombu's Redis transport publishes with LPUSH and consumes with (B)RPOP, so the front of a
    queue is its right end, where ``leftmost=False`` (RPUSH) restores to; ``leftmost=True``
    would put it behind everything waiting."""
    with current_app.connection_for_write() as conn:
        channel = conn.default_channel
        channel.qos.restore_by_tag(tag, client=channel.client, leftmost=False)


def put_back_orphans(held: dict[str, _Held]) -> int:
    """Put back each message a consumer got more than a lease period ago and holds without
    a lease: a part of step work nobody leased (a live worker leases what it receives in
    milliseconds), or a run of an execution still ``queued`` without an eta (a live worker
    claims it in milliseconds). Its holder is gone; how many were put back."""
    if not held:
        return 0
    leased = set(WorkLease.objects.filter(task_id__in=held).values_list("task_id", flat=True))
    runs = {
        task_id: int(message.args[0])
        for task_id, message in held.items()
        if message.task == queueing.RUN_TASK and message.eta is None and message.args
    }
    queued = set(
        WorkflowExecution.objects.filter(pk__in=runs.values(), status=Status.QUEUED).values_list(
            "pk", flat=True
        )
    )
    put = 0
    for task_id, message in held.items():
        orphan_part = message.task == queueing.STEP_WORK_TASK and task_id not in leased
        orphan_run = task_id in runs and runs[task_id] in queued
        if not (orphan_part or orphan_run):
            continue
        logger.warning(
            "message %s (%s) held by a consumer that is gone: put back", task_id, message.task
        )
        _put_back(message.tag)
        put += 1
    return put


def take_over_expired_leases(now: datetime, held: dict[str, _Held] | None = None) -> int:
    """Enqueue again each part of work whose lease expired (its own message put back, when
    the broker still holds it for the dead consumer); how many."""
    held = held or {}
    registry = step_types()
    taken = 0
    expired = list(
        WorkLease.objects.filter(lease_until__lt=now)
        .order_by("lease_until")
        .values_list(
            "task_id",
            "lease_until",
            "execution_id",
            "step_order",
            "step_type",
            "part",
            "backend_pid",
        )
    )
    for task_id, lease_until, execution_id, step_order, step_type, part, pid in expired:
        with transaction.atomic():
            # Conditional: another recovery took it, or its holder renewed it meanwhile.
            deleted, _ = WorkLease.objects.filter(task_id=task_id, lease_until=lease_until).delete()
            if not deleted:
                continue
            if pid is not None:
                # A holder cut off from the database (not dead: its session lingers on the
                # server) still holds the step's work lock, and the step would wait for it.
                store().end_orphaned_step_work(pid, execution_id, step_order)
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
            message = held.pop(task_id, None)
            if message is not None:
                _put_back(message.tag)
            else:
                queueing.enqueue_step_work(
                    execution_id, step_order, step_type, part, queue=cls.queue
                )
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
    held: dict[str, _Held] = {}
    if not result.broker_lost:
        try:
            held = unacknowledged(older_than=lease_period().total_seconds())
        except Exception as exc:
            logger.warning("could not read the broker's unacknowledged messages: %s", exc)
    result.leases_taken_over = take_over_expired_leases(now, held)
    result.orphans_put_back = put_back_orphans(held)
    result.runs_requeued = take_over_running(now)
    if result.acted:
        logger.warning("recovery: %s", result.as_dict())
    return result
