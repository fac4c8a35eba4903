"""Reads of executions and their action logs, scoped to the workflows the user may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.registry import get_step_type as _step_type
from automation.registry import step_type_keys
from automation.selectors import visible_workflows_q, workflow_list, workflow_visibility
from core.postgresql import prepared_cursor
from customers.models import Customer
from executions.decisions import current_message_id, settle_seconds
from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser | None

LogStatus = WorkflowActionLog.Status


def execution_list(
    *,
    user: User = None,
    workflow_id: int | None = None,
    status: str | None = None,
    created_after: datetime | None = None,
    created_before: datetime | None = None,
    is_test: bool | None = None,
    customer_ids: list[int] | None = None,
) -> QuerySet[WorkflowExecution]:
    """Executions of workflows the user may see, newest first, with their workflow;
    with ``customer_ids``, only those that acted on one of these customers."""
    qs = WorkflowExecution.objects.select_related("workflow").filter(
        visible_workflows_q(user, prefix="workflow__")
    )
    if workflow_id is not None:
        qs = qs.filter(workflow_id=workflow_id)
    if status is not None:
        qs = qs.filter(status=status)
    if created_after is not None:
        qs = qs.filter(created_at__gte=created_after)
    if created_before is not None:
        qs = qs.filter(created_at__lt=created_before)
    if is_test is not None:
        qs = qs.filter(is_test=is_test)
    if customer_ids is not None:
        # Through action_log_customer_idx: the logs on these customers, not the whole table.
        qs = qs.filter(
            pk__in=WorkflowActionLog.objects.filter(
                target_type=WorkflowActionLog.TargetType.CUSTOMER, target_id__in=customer_ids
            ).values("execution_id")
        )
    return qs.order_by("-created_at", "-pk")


def execution_get(*, pk: int, user: User = None) -> WorkflowExecution:
    """One execution the user may see; ``WorkflowExecution.DoesNotExist`` otherwise."""
    return execution_list(user=user).get(pk=pk)


def action_log_list(
    *,
    execution: WorkflowExecution,
    status: str | None = None,
    step_order: int | None = None,
) -> QuerySet[WorkflowActionLog]:
    qs = execution.action_logs.all()
    if status is not None:
        qs = qs.filter(status=status)
    if step_order is not None:
        qs = qs.filter(step_order=step_order)
    return qs.order_by("step_order", "pk")


def _progress_counts() -> dict[str, Count]:
    """Per-customer action counts as aggregates over action-log rows."""
    on_customer = Q(target_type=WorkflowActionLog.TargetType.CUSTOMER)

    def count(status: str | None = None) -> Count:
        where = on_customer if status is None else on_customer & Q(status=status)
        # status, not pk: the rows are counted from action_log_progress_idx alone.
        return Count("status", filter=where)

    return {
        "total": count(),
        "sent": count(LogStatus.SUCCESS),
        "failed": count(LogStatus.FAILED),
        "skipped": count(LogStatus.SKIPPED),
        "unknown": count(LogStatus.UNKNOWN),
    }


def execution_status(*, pk: int, user: User = None) -> dict[str, Any]:
    """An execution's status and progress (as ``execution_progress``) in one statement:
    the status endpoint is polled while an execution runs. ``WorkflowExecution.DoesNotExist``
    when there is none the user may see.

    Plain SQL rather than the ORM: compiling the equivalent queryset (five filtered counts
    over a join) cost about ten times the statement itself. The rows are counted per status
    from action_log_progress_idx alone (executions/migrations/0012), in its order, and the
    few counts are then summed up: about half the work of testing every row against each
    status. Prepared once per connection (``core.postgresql.prepared_cursor``)."""
    sees_all, creator = workflow_visibility(user)
    if not sees_all and creator is None:
        raise WorkflowExecution.DoesNotExist(f"execution {pk}")
    execution = WorkflowExecution._meta.db_table
    log = WorkflowActionLog._meta.db_table
    workflow = WorkflowDefinition._meta.db_table
    counted = (LogStatus.SUCCESS, LogStatus.FAILED, LogStatus.SKIPPED, LogStatus.UNKNOWN)
    sums = ", ".join("SUM(CASE WHEN g.status = %s THEN g.n ELSE 0 END)" for _ in counted)
    owner = (
        ""
        if sees_all
        else f" AND e.workflow_id IN (SELECT id FROM {workflow} w WHERE w.created_by_id = %s)"
    )
    sql = (
        f"SELECT e.id, e.status, e.current_step, SUM(g.n), {sums} "
        f"FROM {execution} e LEFT JOIN (SELECT l.status, COUNT(*) AS n FROM {log} l "
        "WHERE l.execution_id = %s AND l.target_type = %s GROUP BY l.status) g ON TRUE "
        f"WHERE e.id = %s{owner} GROUP BY e.id, e.status, e.current_step"
    )
    params: list[Any] = [*counted, pk, WorkflowActionLog.TargetType.CUSTOMER, pk]
    if not sees_all:
        params.append(creator)
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        raise WorkflowExecution.DoesNotExist(f"execution {pk}")
    pk_, status, current_step, total, *per_status = row
    return {
        "id": pk_,
        "status": status,
        "current_step": current_step,
        "is_finished": status in WorkflowExecution.FINISHED_STATUSES,
        "progress": {
            "total": int(total or 0),
            **{
                key: int(n or 0)
                for key, n in zip(("sent", "failed", "skipped", "unknown"), per_status, strict=True)
            },
        },
    }


def execution_progress(execution: WorkflowExecution) -> dict[str, int]:
    """Per-customer action counts of one execution, in one aggregate query.

    Only actions on customers count: step-level rows (target ``execution``) are markers, not
    work items. ``total`` includes ``pending`` actions (claimed, not yet done).
    """
    counts: dict[str, Any] = WorkflowActionLog.objects.filter(execution=execution).aggregate(
        **_progress_counts()
    )
    return {key: int(value or 0) for key, value in counts.items()}


# --- Emails whose outcome is unknown, and the decisions about them ---------------------------


@dataclass
class UnknownEmail:
    """An email whose outcome is unknown, as the people deciding about it see it."""

    log: WorkflowActionLog
    customer: Customer | None
    subject: str
    message_id: str
    #: From when a person may decide (the row has been quiet long enough).
    decidable_from: datetime

    @property
    def decidable(self) -> bool:
        return timezone.now() >= self.decidable_from


def unknown_email_list(*, execution: WorkflowExecution) -> list[UnknownEmail]:
    """The execution's customer emails whose outcome is unknown (a handful at most: one per
    sending process per crash), with the subject rendered again and their Message-ID."""
    emailing = step_type_keys(lambda cls: cls.emails_customers)
    logs = list(
        execution.action_logs.filter(
            status=LogStatus.UNKNOWN,
            action_type__in=emailing,
            target_type=WorkflowActionLog.TargetType.CUSTOMER,
        ).order_by("step_order", "target_id")
    )
    customers = Customer.objects.in_bulk({log.target_id for log in logs if log.target_id})
    settle = timedelta(seconds=settle_seconds())
    return [
        UnknownEmail(
            log=log,
            customer=customers.get(log.target_id),
            subject=_step_type(log.action_type)().email_subject(
                execution.pk, log.step_order, log.target_id or 0
            ),
            message_id=current_message_id(log),
            decidable_from=log.updated_at + settle,
        )
        for log in logs
    ]


def unknown_email_get(*, execution: WorkflowExecution, log_id: int) -> WorkflowActionLog:
    """One of the execution's customer emails; ``WorkflowActionLog.DoesNotExist`` otherwise."""
    return execution.action_logs.get(
        pk=log_id,
        action_type__in=step_type_keys(lambda cls: cls.emails_customers),
        target_type=WorkflowActionLog.TargetType.CUSTOMER,
    )


def email_decision_list(*, execution: WorkflowExecution) -> QuerySet[EmailDecision]:
    return execution.email_decisions.select_related("decided_by", "action_log").order_by(
        "decided_at", "pk"
    )


# --- The business pages: timeline and upcoming runs ------------------------------------------


def step_type_label(key: str) -> Any:
    """The registry's human name of a step type; the key itself for an unknown one."""
    from automation.registry import get_step_type

    try:
        return get_step_type(key).label
    except KeyError:
        return key


@dataclass(frozen=True)
class TimelineStep:
    """One step of an execution's snapshot, as the execution page shows it."""

    step_order: int
    name: str
    step_type: str
    label: Any  # the step type's human name (lazily translated)
    # done, skipped, current, waiting, paused, failed, cancelled or pending
    state: str
    reached_at: datetime | None = None
    resume_at: datetime | None = None
    counts: dict[str, int] = field(default_factory=dict)


_STATE_AT_CURRENT_STEP = {
    WorkflowExecution.Status.QUEUED: "current",
    WorkflowExecution.Status.RUNNING: "current",
    WorkflowExecution.Status.WAITING: "waiting",
    WorkflowExecution.Status.PAUSED: "paused",
    WorkflowExecution.Status.FAILED: "failed",
    WorkflowExecution.Status.CANCELLED: "cancelled",
}


def execution_timeline(execution: WorkflowExecution) -> list[TimelineStep]:
    """The steps of the execution's snapshot with where the execution stands on each.

    Steps before ``current_step`` are done (or skipped, when the engine left a step-level
    "skipped" marker); the current one takes the execution's state; later ones are pending.
    ``reached_at`` is the first recorded transition at that step. Two queries: transitions,
    and per-step counts of the action logs.
    """
    Status = WorkflowExecution.Status
    steps = sorted(execution.definition_snapshot.get("steps") or [], key=lambda s: s["step_order"])
    reached: dict[int, datetime] = {}
    for step_order, at in execution.transitions.exclude(step_order=None).values_list(
        "step_order", "at"
    ):
        reached.setdefault(step_order, at)
    counts: dict[int, dict[str, int]] = {}
    skipped_steps: set[int] = set()
    for row in (
        WorkflowActionLog.objects.filter(execution=execution)
        .values("step_order", "target_type", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if row["target_type"] == WorkflowActionLog.TargetType.EXECUTION:
            if row["status"] == LogStatus.SKIPPED:
                skipped_steps.add(row["step_order"])
            continue
        per_step = counts.setdefault(row["step_order"], {})
        per_step[row["status"]] = per_step.get(row["status"], 0) + row["n"]

    current = execution.current_step
    started = execution.started_at is not None
    timeline = []
    for step in steps:
        order = step["step_order"]
        if execution.status == Status.COMPLETED or (started and current is None):
            state = "done"
        elif not started or current is None or order > current:
            state = "pending"
        elif order < current:
            state = "done"
        else:
            state = _STATE_AT_CURRENT_STEP.get(execution.status, "current")
        if state == "done" and order in skipped_steps:
            state = "skipped"
        timeline.append(
            TimelineStep(
                step_order=order,
                name=step.get("name") or "",
                step_type=step["step_type"],
                label=step_type_label(step["step_type"]),
                state=state,
                reached_at=reached.get(order),
                resume_at=execution.resume_at if state == "waiting" else None,
                counts=counts.get(order, {}),
            )
        )
    return timeline


@dataclass(frozen=True)
class UpcomingRun:
    at: datetime
    workflow: WorkflowDefinition


def upcoming_run_list(
    *, user: User = None, now: datetime | None = None, days: int = 7, limit: int = 20
) -> list[UpcomingRun]:
    """The scheduled runs of active workflows in the next ``days`` days, soonest first.

    At most ``limit`` runs in all (and per workflow, so an hourly cron cannot crowd out
    the rest's computation).
    """
    from automation.scheduling import upcoming_runs

    now = now or timezone.now()
    horizon = now + timedelta(days=days)
    runs: list[UpcomingRun] = []
    for workflow in workflow_list(user=user, status=WorkflowDefinition.Status.ACTIVE):
        try:
            schedule = workflow.schedule
        except WorkflowSchedule.DoesNotExist:
            continue
        if schedule.next_run is None:
            continue
        # The next due run may be slightly overdue (the dispatcher has not claimed it yet).
        first = max(schedule.next_run, now) - timedelta(microseconds=1)
        try:
            times = upcoming_runs(
                schedule_type=schedule.schedule_type,
                schedule_config=schedule.schedule_config,
                timezone=schedule.timezone,
                after=first,
                count=limit,
            )
        except ValueError:  # a stale row the validator would reject today
            continue
        runs.extend(UpcomingRun(at=at, workflow=workflow) for at in times if at < horizon)
    runs.sort(key=lambda run: (run.at, run.workflow.name))
    return runs[:limit]
