"""The execution engine: walks an execution's snapshot of its workflow, one step at a time.

Plain Python, no Celery: the tasks in ``executions.tasks`` are thin wrappers, and everything
that must happen in another process goes through ``executions.queueing``. Every entry point
is safe to call twice with the same arguments, because every message may arrive twice.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from automation.registry import StepType, get_step_type, step_types
from automation.scheduling import next_run_after, step_trigger, trigger_time_after
from core.reasons import Reason, names, no_error
from customers.selection import apply_condition, resolve_recipients
from executions import leases, queueing
from executions.errors import (
    PermanentStepError,
    RetryableStepError,
    RetryLater,
    ServiceUnavailable,
)
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.signals import step_run
from executions.store import store

logger = logging.getLogger(__name__)

Status = WorkflowExecution.Status


@dataclass
class StepContext:
    """What a step type sees of the execution it runs in."""

    execution: WorkflowExecution
    step: dict[str, Any]
    now: datetime
    attempt: int = 0
    #: The run may do a small part of a step's fanned-out work itself, right after the step
    #: commits (``StepResult.work_here``), instead of sending it to another worker.
    may_work_here: bool = False

    @property
    def step_order(self) -> int:
        return int(self.step["step_order"])

    @property
    def is_test(self) -> bool:
        return self.execution.is_test

    @property
    def timezone(self) -> str:
        schedule = self.execution.definition_snapshot.get("schedule") or {}
        return schedule.get("timezone") or settings.TIME_ZONE

    @property
    def holiday_policy(self) -> str:
        """The schedule's holiday policy, also for its steps that wait for a weekday."""
        schedule = self.execution.definition_snapshot.get("schedule") or {}
        return schedule.get("holiday_policy") or "run"

    @property
    def outputs(self) -> dict[str, list[int]]:
        return self.execution.context.setdefault("outputs", {})

    @property
    def execution_start(self) -> datetime:
        return execution_clock(self.execution)

    def customers(self, recipients: dict[str, Any] | None = None) -> QuerySet:
        """The step's customers: its recipients, narrowed by its condition_config."""
        recipients = recipients or self.step.get("action_config", {}).get("recipients")
        customers = resolve_recipients(
            recipients or {"group": "all"},
            outputs=self.outputs,
            event=self.execution.context.get("event"),
        )
        condition = self.step.get("condition_config") or {}
        if condition.get("check"):
            customers = apply_condition(
                customers,
                condition,
                execution_start=self.execution_start,
                now=self.now,
                timezone=self.timezone,
            )
        return customers.order_by("pk")

    def log(
        self,
        *,
        action_type: str,
        target_type: str,
        target_id: int | None,
        status: str,
        result_data: dict[str, Any] | None = None,
        error: Reason | None = None,
    ) -> WorkflowActionLog:
        """Write (or, for a repeated step, update) the one log row of this action.

        One INSERT ... ON CONFLICT DO UPDATE on the row's unique key, so a repeated step (a
        retry, a redelivered message) updates its row instead of adding one. A row without a
        target is outside the unique key (NULLs never conflict) and is looked up instead.
        """
        values = {
            "status": status,
            "result_data": result_data or {},
            **(error.error_fields() if error is not None else no_error()),
            "step_id": self.step.get("id"),
        }
        key = {
            "execution": self.execution,
            "step_order": self.step_order,
            "target_type": target_type,
            "target_id": target_id,
            "action_type": action_type,
        }
        if target_id is None:
            row, _ = WorkflowActionLog.objects.update_or_create(**key, defaults=values)
            return row
        row = WorkflowActionLog(**key, **values, updated_at=timezone.now())
        WorkflowActionLog.objects.bulk_create(
            [row],
            update_conflicts=True,
            unique_fields=["execution", "step_order", "target_type", "target_id", "action_type"],
            update_fields=[*values, "updated_at"],
        )
        return row


@dataclass
class StepResult:
    #: The customer set this step produced (for `{"from_step": n}` and previews).
    customer_ids: list[int] | None = None
    #: Work was fanned out to other tasks; the engine continues when they report back.
    fanned_out: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    #: Fanned-out work this run does itself once the step has committed (only when
    #: ``StepContext.may_work_here``): the one part (an email batch's customers), which then
    #: needs no message, no other worker and no second read of the execution.
    work_here: list[int] | None = None


@dataclass(frozen=True)
class WorkHere:
    """A step's fanned-out part that the run does itself after the commit."""

    step_order: int
    step_type: str
    part: list[int]


def execution_clock(execution: WorkflowExecution) -> datetime:
    """The moment an execution's timed steps count from: its scheduled time, else its start."""
    return execution.scheduled_for or execution.started_at or execution.created_at


def transition(
    execution: WorkflowExecution,
    to_status: str,
    *,
    reason: Reason | None = None,
    actor=None,
    **fields: Any,
) -> None:
    """Change status (and any other fields) and record the transition, and why."""
    from_status = execution.status
    execution.status = to_status
    for name, value in fields.items():
        setattr(execution, name, value)
    store().save_transition(
        execution,
        ["status", *fields],
        ExecutionTransition(
            execution=execution,
            from_status=from_status,
            to_status=to_status,
            step_order=execution.current_step,
            **(reason.reason_fields() if reason is not None else {}),
            actor=actor,
        ),
    )


def retry_countdown(attempt: int) -> float:
    """Exponential backoff with full jitter, capped below the broker's visibility timeout."""
    base = float(getattr(settings, "WORKFLOW_RETRY_BASE_S", 30))
    cap = float(settings.CELERY_MAX_COUNTDOWN_S)
    return min(cap, base * (2**attempt)) * random.uniform(0.5, 1.0)


def _steps(execution: WorkflowExecution) -> list[dict[str, Any]]:
    return sorted(execution.definition_snapshot.get("steps", []), key=lambda s: s["step_order"])


def _runs_locally(step: dict[str, Any]) -> bool:
    cls = step_types().get(step["step_type"])
    return cls is not None and cls.runs_locally


def _waits_for_trigger(step: dict[str, Any]) -> bool:
    cls = step_types().get(step["step_type"])
    return cls is not None and cls.waits_for_trigger


def _step_type(step: dict[str, Any]) -> tuple[StepType, Any]:
    step_type = get_step_type(step["step_type"])
    raw = step.get(step_type.config_field) or {}
    return step_type(), step_type.Config.model_validate(raw)


def _claim(execution_id: int) -> WorkflowExecution | None:
    """Move a queued execution to running; None when another worker won or it is not queued."""
    with transaction.atomic():
        execution = store().execution_for_update(execution_id)
        if execution is None or execution.status != Status.QUEUED:
            return None
        fields: dict[str, Any] = {}
        if execution.started_at is None and execution.trigger == WorkflowExecution.Trigger.SCHEDULE:
            # Dispatched ahead of its due time (the look-ahead): not before that time, not
            # if the workflow was paused or archived since, from its current version.
            from executions.services import scheduled_execution_check

            check = scheduled_execution_check(execution=execution, now=timezone.now())
            if check.wait_s is not None:
                raise RetryLater(check.wait_s)
            if check.cancel_reason:
                transition(
                    execution,
                    Status.CANCELLED,
                    reason=check.cancel_reason,
                    completed_at=timezone.now(),
                )
                return None
            for name, value in check.fields.items():
                setattr(execution, name, value)
            fields.update(check.fields)
        if execution.started_at is None:
            fields["started_at"] = timezone.now()
            # Only a fresh execution starts at its first step: once started, no current step
            # means the last step is done (its fanned-out work re-queued it to complete).
            steps = _steps(execution)
            fields["current_step"] = steps[0]["step_order"] if steps else None
        transition(execution, Status.RUNNING, reason=Reason("execution.picked_up"), **fields)
    return execution


def _next_regular_run(ctx: StepContext, after: datetime) -> datetime | None:
    """The workflow's next run after ``after`` by the schedule the execution runs from; a step
    the holiday policy moves never reaches it. None without a schedule (or one that broke)."""
    schedule = ctx.execution.definition_snapshot.get("schedule") or {}
    if not schedule.get("schedule_type"):
        return None
    try:
        return next_run_after(
            schedule_type=schedule["schedule_type"],
            schedule_config=schedule.get("schedule_config") or {},
            timezone=ctx.timezone,
            after=after,
            holiday_policy=ctx.holiday_policy,
        )
    except ValueError:
        return None


def _plan_wait(ctx: StepContext, trigger_config: dict[str, Any]) -> None:
    """Decide once when a timed step runs, with the holiday policy: ``waits[step]`` is the
    moment (ISO) or ``"skipped"``; ``holidays[step]`` says which holiday moved or skipped it."""
    key = str(ctx.step_order)
    waits = ctx.execution.context.setdefault("waits", {})
    reference = ctx.execution.context.get("previous_step_completed_at")
    planned_for = ctx.execution.context.get("planned_for")
    if reference is None and planned_for is not None:
        # A run the holiday policy moved: a first step timed at the planned run (the
        # schedule's own weekday and time) moves with it, to when the run was dispatched.
        planned = datetime.fromisoformat(planned_for)
        at = trigger_time_after(trigger_config=trigger_config, timezone=ctx.timezone, after=planned)
        if at == planned:
            waits[key] = execution_clock(ctx.execution).isoformat()
            return
    after = datetime.fromisoformat(reference) if reference else execution_clock(ctx.execution)
    occurrence = step_trigger(
        trigger_config=trigger_config,
        timezone=ctx.timezone,
        after=after,
        holiday_policy=ctx.holiday_policy,
        before=_next_regular_run(ctx, execution_clock(ctx.execution)),
    )
    if occurrence.closure is not None:
        ctx.execution.context.setdefault("holidays", {})[key] = {
            "planned": occurrence.planned.isoformat(),
            "holiday": names(nb=occurrence.closure.name_nb, en=occurrence.closure.name_en),
        }
    waits[key] = "skipped" if occurrence.at is None else occurrence.at.isoformat()


def _wait_target(ctx: StepContext) -> datetime | Reason | None:
    """When a time-based step may run: a moment to wait for, None if it may run now, or the
    reason it is skipped (its day is a public holiday or a closed day, and the workflow's
    holiday policy skips it)."""
    step = ctx.step
    timed = step.get("trigger_type") == "time_based" or _waits_for_trigger(step)
    if not timed or ctx.is_test:
        return None
    waits = ctx.execution.context.setdefault("waits", {})
    key = str(ctx.step_order)
    if key not in waits:
        steps = _steps(ctx.execution)
        trigger_config = step.get("trigger_config") or {}
        # "Run now" means: start now, as if the schedule had fired. The schedule stands for the
        # first step's weekday and time only, so that step does not wait for them; a delay or
        # a fixed moment still applies, and a later timed step (the reminder, a wait after an
        # immediate first step) still waits.
        if (
            ctx.execution.trigger == WorkflowExecution.Trigger.MANUAL
            and steps
            and steps[0]["step_order"] == ctx.step_order
            and trigger_config.get("time") is not None
        ):
            return None
        _plan_wait(ctx, trigger_config)
    if waits[key] == "skipped":
        holiday = ctx.execution.context["holidays"][key]["holiday"]
        return Reason("skip.holiday", holiday=holiday)
    target = datetime.fromisoformat(waits[key])
    return target if target > ctx.now else None


def _wait_reason(ctx: StepContext, target: datetime) -> Reason:
    moved = (ctx.execution.context.get("holidays") or {}).get(str(ctx.step_order))
    if moved is None:
        return Reason("execution.waits", step=ctx.step_order, at=target)
    return Reason(
        "execution.waits_moved",
        step=ctx.step_order,
        at=target,
        planned=moved["planned"],
        holiday=moved["holiday"],
    )


def _advance(execution: WorkflowExecution, step_order: int, now: datetime) -> int | None:
    """Record a finished step and return the next step's order (None when it was the last)."""
    execution.context["previous_step_completed_at"] = now.isoformat()
    # A finished step awaits nothing more: a late duplicate of its work (a redelivered batch
    # or report) must not find it "awaited" and move the execution back to the next step.
    execution.context["awaiting_step"] = None
    later = [s["step_order"] for s in _steps(execution) if s["step_order"] > step_order]
    return later[0] if later else None


def _save_progress(execution: WorkflowExecution) -> None:
    execution.save(update_fields=["current_step", "context", "updated_at"])


def _fail(execution: WorkflowExecution, error: Reason) -> None:
    transition(
        execution,
        Status.FAILED,
        reason=error,
        **error.error_fields(),
        completed_at=timezone.now(),
        current_step=execution.current_step,
        context=execution.context,
    )
    if not execution.is_test:
        queueing.enqueue_alert(execution.pk)


#: How long consecutive local steps (``StepType.runs_locally``) may hold the execution's lock
#: in one transaction.
STEP_GROUP_S = 0.1


def _complete(execution: WorkflowExecution) -> None:
    transition(
        execution,
        Status.COMPLETED,
        reason=Reason("execution.completed"),
        completed_at=timezone.now(),
        current_step=execution.current_step,
        context=execution.context,
    )
    if store().has_unknown(execution.pk):
        queueing.enqueue_alert(execution.pk)  # someone must check the mail server's log


def run_execution(execution_id: int, *, work_here: bool = False, lease: bool = False) -> None:
    """Run an execution as far as it can go now.

    1. Claim it (queued -> running); if another worker has it, or it is paused, cancelled or
       finished, do nothing.
    2. From `current_step` on, for each step of the snapshot, each in a transaction holding
       the execution's row lock (consecutive steps that run locally may share one, for at
       most STEP_GROUP_S):
       a. stop if someone paused or cancelled the execution meanwhile;
       b. skip inactive steps, and condition_based steps whose condition finds no customer;
       c. a time-based step whose moment has not come: status `waiting` with `resume_at`
          (the dispatcher re-queues it then), and stop;
       d. run the step type; a step that fanned out work (email batches) stops here and the
          last batch re-queues the execution;
       e. a retryable error re-queues the execution with backoff until max_retries; a
          permanent one, or retries spent, fails it and alerts the admins.
    3. After the last step: `completed`.

    With ``work_here`` (the run task) a step whose fanned-out work is one small part (an
    email to a few customers) lets the run do that part itself once the step has committed,
    under a lease when ``lease`` (``_work_here``), instead of sending it to another worker.
    """
    execution = _claim(execution_id)
    if execution is None:
        return
    while True:
        countdown: float | None = None
        here: WorkHere | None = None
        with transaction.atomic():
            status, updated_at = store().lock_for_step(execution_id)
            if status != Status.RUNNING:  # paused or cancelled meanwhile
                return
            if updated_at != execution.updated_at:  # changed by someone else: read it again
                execution = WorkflowExecution.objects.get(pk=execution_id)
            started = time.monotonic()
            while True:
                steps = {s["step_order"]: s for s in _steps(execution)}
                if execution.current_step is None or execution.current_step not in steps:
                    _complete(execution)
                    return
                step = steps[execution.current_step]
                outcome = _run_step(execution, step, may_work_here=work_here)
                if isinstance(outcome, float):
                    countdown = outcome
                    break
                if isinstance(outcome, WorkHere):
                    here = outcome
                    break
                if outcome == "stop":
                    return
                # Steps that only read and write this database go on in the same transaction
                # (the lock is still held, so no pause or cancel can have come in between) for
                # up to STEP_GROUP_S; anything else commits first, so that a crash never
                # repeats an outside effect of a step that had finished.
                if not _runs_locally(step) or time.monotonic() - started > STEP_GROUP_S:
                    # The group's progress, written once: nobody else can see the row before
                    # the commit anyway, and every way out of a step that ends the group
                    # (a wait, a retry, a failure, fanned-out work, the end) writes it too.
                    _save_progress(execution)
                    break
        if countdown is not None:
            # Raised after the commit, so the re-queued state and the attempt count persist.
            raise RetryLater(countdown)
        if here is not None:
            # After the commit: the part's rows are claimable (pending) and the execution
            # awaits the step, as for a part sent to another worker.
            _work_here(execution_id, here, lease=lease)
            return


def _run_step(
    execution: WorkflowExecution, step: dict[str, Any], *, may_work_here: bool = False
) -> str | float | WorkHere:
    """Run one step inside the caller's transaction: "next" to go on, "stop" to return, a
    countdown in seconds after which the execution is to be retried, or the part of the
    step's fanned-out work to do after the commit."""
    now = timezone.now()
    ctx = StepContext(execution=execution, step=step, now=now, may_work_here=may_work_here)
    outcome = _step_without_running(ctx)
    if outcome is None:
        outcome = _run_step_type(ctx)
    if outcome == "next":
        # Saved by the caller when the group of steps ends (``_save_progress``).
        execution.current_step = _advance(execution, ctx.step_order, now)
    return outcome


def _step_without_running(ctx: StepContext) -> str | None:
    """The outcome of a step that is not to run now (inactive, skipped, waiting for its
    moment, a condition that finds no customer), or None when it is to run."""
    step = ctx.step
    if not step.get("is_active", True):
        _log_skipped(ctx, Reason("skip.step_inactive"))
        return "next"
    target = _wait_target(ctx)
    if isinstance(target, Reason):
        _log_skipped(ctx, target)
        return "next"
    if target is not None:
        transition(
            ctx.execution,
            Status.WAITING,
            reason=_wait_reason(ctx, target),
            resume_at=target,
            current_step=ctx.step_order,
            context=ctx.execution.context,
        )
        return "stop"
    if _no_event_customer(ctx):
        _log_skipped(ctx, Reason("skip.no_event_customer"))
        return "next"
    if step.get("trigger_type") == "condition_based" and not ctx.customers().exists():
        _log_skipped(ctx, Reason("skip.condition"))
        return "next"
    return None


def _no_event_customer(ctx: StepContext) -> bool:
    """Whether the step is for the event's customer and the event names none we know (a
    webhook that named no customer, or one that is unknown or inactive): it has no recipient,
    and the log says why rather than showing a step that reached nobody."""
    recipients = (ctx.step.get("action_config") or {}).get("recipients")
    if not isinstance(recipients, dict) or recipients.get("event_customer") is not True:
        return False
    event = ctx.execution.context.get("event")
    return not resolve_recipients(recipients, outputs={}, event=event).exists()


def _log_skipped(ctx: StepContext, reason: Reason) -> None:
    ctx.log(
        action_type="step",
        target_type="execution",
        target_id=ctx.execution.pk,
        status=WorkflowActionLog.Status.SKIPPED,
        result_data=reason.result_fields(),
    )


def _run_step_type(ctx: StepContext) -> str | float | WorkHere:
    """Run the step's type, counting its attempt; what its result or its error means for the
    execution."""
    execution, step, order = ctx.execution, ctx.step, ctx.step_order
    attempts = execution.context.setdefault("attempts", {})
    ctx.attempt = int(attempts.get(str(order), 0))
    try:
        step_type, config = _step_type(step)
        # A failing step leaves no half-written rows behind; step_run times it (metrics, logs).
        with transaction.atomic(), step_run(step["step_type"], execution.pk, order):
            result = step_type.run(ctx, config) or StepResult()
    except RetryableStepError as exc:
        attempts[str(order)] = ctx.attempt + 1
        return _retry_or_fail(ctx, exc)
    except PermanentStepError as exc:
        _fail(execution, Reason("step.failed", step=order, error=Reason.of(exc)))
        return "stop"
    except Exception as exc:
        logger.exception("step %s of execution %s crashed", order, execution.pk)
        _fail(
            execution,
            Reason("step.crashed", step=order, type=exc.__class__.__name__, error=Reason.of(exc)),
        )
        return "stop"
    if result.customer_ids is not None:
        ctx.outputs[str(order)] = result.customer_ids
    if result.fanned_out:
        execution.context["awaiting_step"] = order
        _save_progress(execution)
        if result.work_here and ctx.may_work_here:
            return WorkHere(order, step["step_type"], list(result.work_here))
        return "stop"
    return "next"


def _retry_or_fail(ctx: StepContext, exc: RetryableStepError) -> str | float:
    """After a retryable error (its attempt already counted): re-queued with a backoff, the
    countdown returned, or failed ("stop") once the step's retries are spent."""
    execution, order = ctx.execution, ctx.step_order
    max_retries = int(ctx.step.get("max_retries", 3))
    if ctx.attempt + 1 > max_retries:
        _fail(
            execution,
            Reason(
                "step.failed_after_retries", step=order, retries=max_retries, error=Reason.of(exc)
            ),
        )
        return "stop"
    countdown = retry_countdown(ctx.attempt)
    transition(
        execution,
        Status.QUEUED,
        reason=Reason(
            "execution.retry", step=order, seconds=round(countdown), error=Reason.of(exc)
        ),
        current_step=order,
        context=execution.context,
    )
    return countdown


def run_step_work(
    execution_id: int, step_order: int, step_type: str, part: list[int] | None
) -> None:
    """Do one part of a step's fanned-out work (an email batch, a report) in a worker, then
    see whether the step is done. A ``RetryLater`` from the work passes on (the task retries
    it) without that check: the work is not over."""
    with store().doing_step_work(execution_id, step_order):
        get_step_type(step_type)().work(execution_id, step_order, part)
    step_work_finished(execution_id, step_order)


def _work_here(execution_id: int, here: WorkHere, *, lease: bool) -> None:
    """Do a step's one small part of fanned-out work in this run, as a worker would
    (``run_step_work``), holding a lease on it like any part (``executions.leases``): if this
    process dies, recovery sends the part to another worker within seconds.

    What a worker's part would retry later (failures that may pass, the mail server or the
    database away) is handed to a step-work task with that countdown, under the same id as
    the lease, which the lease covers until then; a hand-off that cannot be published (the
    broker away too) is left to recovery when the lease runs out.
    """
    lease_id = f"here-{uuid.uuid4().hex}"
    try:
        with leases.held(
            lease_id if lease else None,
            execution_id,
            here.step_order,
            here.step_type,
            here.part,
        ):
            try:
                run_step_work(execution_id, here.step_order, here.step_type, here.part)
            except (ServiceUnavailable, OperationalError, InterfaceError) as away:
                raise RetryLater(leases.connection_retry_countdown(0)) from away
    except RetryLater as retry:
        try:
            queueing.enqueue_step_work(
                execution_id,
                here.step_order,
                here.step_type,
                here.part,
                queue=get_step_type(here.step_type).queue,
                countdown=retry.countdown,
                task_id=lease_id,
            )
        except Exception as exc:  # the broker is away: the lease runs out, recovery sends it
            logger.warning("could not hand over part of step %s: %s", here.step_order, exc)


def step_work_finished(execution_id: int, step_order: int) -> None:
    """Called when fanned-out work of a step may be complete (after each email batch).

    The last caller to find no pending action left moves the execution on: re-queued for its
    next step, completed when it was the last step, or failed (with one alert) when some
    actions failed for good.
    """
    if store().step_has_pending(execution_id, step_order):
        # Not the last: leave without the execution's lock, which every claim of the batches
        # still sending would wait for. Whoever finishes the last pending action gets here
        # after its own rows are committed, and then sees everyone else's.
        return
    if store().step_work_elsewhere(execution_id, step_order):
        # Another part is still sending: its last send may be claimed (`unknown`) with its
        # success not yet recorded. It checks again when it ends; were it finished here, the
        # execution would complete as if that email's outcome were unknown.
        return
    with transaction.atomic():
        execution = store().execution_for_update(execution_id)
        if execution is None:
            return  # deleted meanwhile (its workflow deleted): nothing to move on
        if execution.context.get("awaiting_step") != step_order:
            return  # someone else already moved it on
        if execution.status not in (Status.RUNNING, Status.QUEUED):
            return  # paused or cancelled: resume re-dispatches what is pending
        pending, failed = store().step_counts(execution_id, step_order)
        if pending:
            return
        execution.context["awaiting_step"] = None
        if failed:
            _fail(execution, Reason("step.actions_failed", step=step_order, count=failed))
            return
        execution.current_step = _advance(execution, step_order, timezone.now())
        if execution.current_step is None and execution.status == Status.RUNNING:
            # That was the last step: complete here, under the lock, rather than queue a run
            # whose only work would be to complete (a broker round trip and a claim).
            _complete(execution)
            return
        transition(
            execution,
            Status.QUEUED,
            reason=Reason("execution.step_done", step=step_order),
            current_step=execution.current_step,
            context=execution.context,
        )
        queueing.enqueue_run(execution.pk)
