"""The reference implementation of the action store: Django's ORM, any database.

Read ``executions.store`` first. Every method here says what it promises; the PostgreSQL
implementation keeps the same promises faster.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from core.reasons import Reason, no_error
from customers.models import Customer
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from templates_app.models import EmailTemplate

logger = logging.getLogger(__name__)

LogStatus = WorkflowActionLog.Status
Status = WorkflowExecution.Status


@dataclass(frozen=True)
class ActionRow:
    """One new action-log row of a step: its target, status and result."""

    target_id: int
    status: str
    result: dict[str, Any]


@dataclass(frozen=True)
class SentRecord:
    """A send to record as a success: its row and what the log keeps of it."""

    row_id: int
    result: dict[str, Any]


@dataclass(frozen=True)
class DispatchRow:
    """One execution a dispatcher tick creates for a due time of a schedule."""

    workflow_id: int
    schedule_id: int
    status: str
    scheduled_for: datetime
    idempotency_key: str
    context: dict[str, Any]
    workflow_version: int
    reason: Reason


class Claim:
    """A claim of one customer's row, possibly still on its way to the database.

    ``result()`` answers the row's attempts once claimed, or None when it was not claimed
    (not pending any more, or the execution is not running); it raises the database's error,
    every time it is asked, when the claim failed. ``abandon()`` gives up on an unread claim.
    """

    def result(self) -> int | None:
        raise NotImplementedError

    def abandon(self) -> None:
        pass


class _Resolved(Claim):
    """A claim made synchronously: its answer (or error) is already known."""

    def __init__(self, attempts: int | None = None, error: Exception | None = None) -> None:
        self._attempts = attempts
        self._error = error

    def result(self) -> int | None:
        if self._error is not None:
            raise self._error
        return self._attempts


class PortableStore:
    """Django's ORM: the reference every faster implementation must agree with."""

    name = "portable"
    #: ``start_claim`` sends the claim without waiting for it (its answer is read later).
    pipelined = False

    # --- A step's rows --------------------------------------------------------------------

    def insert_actions(
        self,
        *,
        execution_id: int,
        step_id: int | None,
        step_order: int,
        action_type: str,
        target_type: str,
        rows: Sequence[ActionRow],
        fresh: bool,
    ) -> None:
        """Insert a step's rows; rows that exist already (a repeated step) are kept as they
        are. ``fresh``: the caller saw no row of this step, under the execution's lock."""
        WorkflowActionLog.objects.bulk_create(
            (
                WorkflowActionLog(
                    execution_id=execution_id,
                    step_id=step_id,
                    step_order=step_order,
                    action_type=action_type,
                    target_type=target_type,
                    target_id=row.target_id,
                    status=row.status,
                    result_data=row.result,
                )
                for row in rows
            ),
            ignore_conflicts=True,
            batch_size=1000,
        )

    def batch_rows(
        self,
        *,
        execution_id: int,
        step_order: int,
        action_type: str,
        target_type: str,
        target_ids: Sequence[int],
    ) -> list[tuple[int, int, str]]:
        """``(target id, row id, status)`` of the given targets' rows of one step."""
        return list(
            WorkflowActionLog.objects.filter(
                execution_id=execution_id,
                step_order=step_order,
                action_type=action_type,
                target_type=target_type,
                target_id__in=list(target_ids),
            )
            .order_by()
            .values_list("target_id", "pk", "status")
        )

    def customers_by_id(self, ids: Sequence[int]) -> dict[int, Customer]:
        """The customers with these ids (the ones that still exist)."""
        return Customer.objects.in_bulk(list(ids))

    # --- Claiming one customer ------------------------------------------------------------

    def record_success(self, sent: SentRecord) -> None:
        WorkflowActionLog.objects.filter(pk=sent.row_id).update(
            status=LogStatus.SUCCESS,
            **no_error(),
            result_data=sent.result,
            updated_at=timezone.now(),
        )

    def claim(
        self, *, execution_id: int, row_id: int | None, sent: SentRecord | None
    ) -> int | None:
        """Record ``sent`` (if any) and claim the row: ``pending`` -> ``unknown`` with one
        more attempt, only while the execution is ``running`` (checked under a lock on its
        row, so a pause waits for the claim and the claim for the pause). Answers the row's
        attempts, or None when it was not claimed. Commits before it returns."""
        with transaction.atomic():
            if sent is not None:
                self.record_success(sent)
            running = (
                WorkflowExecution.objects.select_for_update()
                .filter(pk=execution_id, status=Status.RUNNING)
                .exists()
            )
            if not running or row_id is None:
                return None
            rows = WorkflowActionLog.objects.filter(pk=row_id, status=LogStatus.PENDING)
            if not rows.update(
                status=LogStatus.UNKNOWN, attempts=F("attempts") + 1, updated_at=timezone.now()
            ):
                return None
            return WorkflowActionLog.objects.values_list("attempts", flat=True).get(pk=row_id)

    def start_claim(
        self, *, execution_id: int, row_id: int | None, sent: SentRecord | None
    ) -> Claim:
        """``claim``, as a ``Claim`` to read later; here it is made at once."""
        try:
            return _Resolved(self.claim(execution_id=execution_id, row_id=row_id, sent=sent))
        except Exception as exc:  # read back by result(), as a pipelined claim's error is
            return _Resolved(error=exc)

    # --- The engine -----------------------------------------------------------------------

    def lock_for_step(self, execution_id: int) -> tuple[str, datetime]:
        """Lock the execution's row for one step (in the caller's transaction) and read its
        ``(status, updated_at)``."""
        return (
            WorkflowExecution.objects.select_for_update()
            .values_list("status", "updated_at")
            .get(pk=execution_id)
        )

    def execution_for_update(self, execution_id: int) -> WorkflowExecution | None:
        """The execution, its row locked in the caller's transaction; None when it is gone."""
        return WorkflowExecution.objects.select_for_update().filter(pk=execution_id).first()

    def batch_execution(self, execution_id: int) -> WorkflowExecution:
        """The execution as a batch of fanned-out work reads it: every field but the context,
        of which only the triggering ``event`` (the rest, every step's customer ids say, can
        run to tens of kilobytes). Raises ``WorkflowExecution.DoesNotExist`` when it is gone."""
        execution = (
            WorkflowExecution.objects.defer("context")
            .annotate(event=KeyTransform("event", "context"))
            .get(pk=execution_id)
        )
        execution.context = {"event": execution.event}
        return execution

    @contextlib.contextmanager
    def doing_step_work(self, execution_id: int, step_order: int) -> Iterator[None]:
        """Mark one part of a step's fanned-out work as in progress for the block, so that
        ``step_work_elsewhere`` sees it from another process. Here: nothing (one process)."""
        yield

    def step_work_elsewhere(self, execution_id: int, step_order: int) -> bool:
        """Whether another part of the step is still in progress (``doing_step_work``).
        Its rows may say `unknown` for a moment (a send claimed, its
        success not recorded yet): the step is not done, and that part checks again when it
        ends. Here: never."""
        return False

    def end_orphaned_step_work(self, backend_pid: int, execution_id: int, step_order: int) -> bool:
        """End the database session ``backend_pid`` if it still holds the step's work lock
        (``doing_step_work``): its holder's lease expired, so it is cut off or gone, and the
        step would wait for it. True if one was ended. Here: nothing to end."""
        return False

    def step_has_pending(self, execution_id: int, step_order: int) -> bool:
        """Whether a row of the step's fanned-out work is still ``pending``."""
        return WorkflowActionLog.objects.filter(
            execution_id=execution_id, step_order=step_order, status=LogStatus.PENDING
        ).exists()

    def step_counts(self, execution_id: int, step_order: int) -> tuple[int, int]:
        """How many rows of the step are ``(pending, failed)``."""
        counts = WorkflowActionLog.objects.filter(
            execution_id=execution_id, step_order=step_order
        ).aggregate(
            pending=Count("pk", filter=Q(status=LogStatus.PENDING)),
            failed=Count("pk", filter=Q(status=LogStatus.FAILED)),
        )
        return counts["pending"], counts["failed"]

    def has_unknown(self, execution_id: int) -> bool:
        """Whether a send of the execution ended ``unknown`` (the mail server may have it)."""
        return WorkflowActionLog.objects.filter(
            execution_id=execution_id, status=LogStatus.UNKNOWN
        ).exists()

    def template(self, template_id: int) -> EmailTemplate | None:
        """The email template ``template_id``; None when there is none."""
        return EmailTemplate.objects.filter(pk=template_id).first()

    def create_execution(self, execution: WorkflowExecution, first: ExecutionTransition) -> bool:
        """Insert a new ``execution`` and its ``first`` transition, in the caller's
        transaction if any; False (nothing written, the caller's transaction still usable)
        when an execution with its ``idempotency_key`` exists."""
        key = execution.idempotency_key
        if key is not None and WorkflowExecution.objects.filter(idempotency_key=key).exists():
            return False
        try:
            # The savepoint keeps the caller's transaction usable after a lost race.
            with transaction.atomic():
                execution.save(force_insert=True)
                first.execution = execution
                first.save(force_insert=True)
        except IntegrityError:
            if key is None:
                raise
            execution.pk = None
            return False
        return True

    def save_transition(
        self, execution: WorkflowExecution, fields: Sequence[str], row: ExecutionTransition
    ) -> None:
        """Write ``fields`` of ``execution`` (its ``updated_at`` too, set to now on the
        instance) and insert the transition ``row``, in the caller's transaction if any.
        Raises ``DatabaseError`` when the execution's row is gone, as ``save`` does."""
        execution.save(update_fields=list(dict.fromkeys([*fields, "updated_at"])))
        row.save()

    # --- The dispatcher -------------------------------------------------------------------

    def insert_dispatched(
        self,
        rows: Sequence[DispatchRow],
        snapshots: dict[int, dict[str, Any]],
        *,
        trigger: str,
        now: datetime,
    ) -> dict[str, int] | None:
        """Insert the executions of a tick and their first transitions; answers
        ``idempotency key -> new id``, or None when a concurrent dispatcher won some key (the
        caller then creates them one by one)."""
        executions = [
            WorkflowExecution(
                workflow_id=row.workflow_id,
                schedule_id=row.schedule_id,
                status=row.status,
                trigger=trigger,
                scheduled_for=row.scheduled_for,
                idempotency_key=row.idempotency_key,
                definition_snapshot=snapshots[row.workflow_id],
                workflow_version=row.workflow_version,
                context=row.context,
            )
            for row in rows
        ]
        reasons = {row.idempotency_key: row.reason for row in rows}
        try:
            with transaction.atomic():
                created = WorkflowExecution.objects.bulk_create(executions)
                ExecutionTransition.objects.bulk_create(
                    ExecutionTransition(
                        execution=execution,
                        from_status="",
                        to_status=execution.status,
                        **reasons[execution.idempotency_key].reason_fields(),
                    )
                    for execution in created
                )
        except IntegrityError:
            logger.warning("idempotency key race while dispatching; retrying one by one")
            return None
        return {execution.idempotency_key: execution.pk for execution in created}
