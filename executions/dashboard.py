"""The dashboard's numbers, computed cheaply enough to serve on every page load.

Large tables (action logs grow by one row per customer per step) are only ever read through
a date-bounded range on an index: ``action_log_dashboard_idx`` (action_type, status,
performed_at) for emails, ``created_at`` for executions. Nothing counts a whole table per
request, and the result is cached briefly so a wall of dashboards costs one query set.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from automation.models import WorkflowDefinition
from automation.registry import step_type_keys
from executions.models import WorkflowActionLog, WorkflowExecution

DAYS = 14
SUCCESS_RATE_DAYS = 7
RECENT_FAILURES = 5
CACHE_SECONDS = 30

Status = WorkflowExecution.Status


def _day_starts(now: dt.datetime) -> tuple[list[dt.date], dt.datetime]:
    """The last ``DAYS`` local dates (oldest first) and the aware start of the first."""
    today = timezone.localdate(now)
    days = [today - dt.timedelta(days=offset) for offset in range(DAYS - 1, -1, -1)]
    start = timezone.make_aware(dt.datetime.combine(days[0], dt.time.min))
    return days, start


def dashboard_metrics(*, now: dt.datetime | None = None, use_cache: bool = True) -> dict[str, Any]:
    """Active workflows; executions and emails per day (last 14 local days); the success
    rate of the last 7 days; failed executions that still need someone."""
    now = now or timezone.now()
    key = f"dashboard-metrics:{timezone.localdate(now).isoformat()}"
    if use_cache:
        cached = cache.get(key)
        if cached is not None:
            return cached
    metrics = _compute(now)
    if use_cache:
        cache.set(key, metrics, CACHE_SECONDS)
    return metrics


def _compute(now: dt.datetime) -> dict[str, Any]:
    days, start = _day_starts(now)
    zone = timezone.get_current_timezone()

    executions = {
        row["day"]: row
        for row in WorkflowExecution.objects.filter(created_at__gte=start, is_test=False)
        .annotate(day=TruncDate("created_at", tzinfo=zone))
        .values("day")
        .annotate(
            total=Count("pk"),
            completed=Count("pk", filter=Q(status=Status.COMPLETED)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
        )
    }
    emails = {
        row["day"]: row["sent"]
        # The filter matches the index's leading columns and bounds its last one: the
        # database reads only the last 14 days' successful emails from the index. A test
        # run's rows say "success" for an email it only rendered: only real runs count, so
        # the number is what reached the mail server.
        for row in WorkflowActionLog.objects.filter(
            action_type__in=sorted(step_type_keys(lambda cls: cls.emails_customers)),
            status=WorkflowActionLog.Status.SUCCESS,
            performed_at__gte=start,
            execution__is_test=False,
        )
        .annotate(day=TruncDate("performed_at", tzinfo=zone))
        .values("day")
        .annotate(sent=Count("pk"))
    }

    per_day = [
        {
            "date": day.isoformat(),
            "total": executions.get(day, {}).get("total", 0),
            "completed": executions.get(day, {}).get("completed", 0),
            "failed": executions.get(day, {}).get("failed", 0),
        }
        for day in days
    ]
    recent = per_day[-SUCCESS_RATE_DAYS:]
    completed = sum(d["completed"] for d in recent)
    failed = sum(d["failed"] for d in recent)
    finished = completed + failed

    failures = WorkflowExecution.objects.filter(status=Status.FAILED, is_test=False)
    latest_failures = [
        {
            "id": execution.pk,
            "workflow": execution.workflow_id,
            "workflow_name": execution.workflow.name,
            "error_message": execution.error_message,
            # Language-neutral (the metrics are cached for everyone): the API adds the label.
            "error_code": execution.error_code,
            "error_params": execution.error_params,
            "updated_at": timezone.localtime(execution.updated_at).isoformat(),
        }
        for execution in failures.select_related("workflow").order_by("-created_at")[
            :RECENT_FAILURES
        ]
    ]
    return {
        "generated_at": timezone.localtime(now).isoformat(),
        "active_workflows": WorkflowDefinition.objects.filter(
            status=WorkflowDefinition.Status.ACTIVE
        ).count(),
        "executions_per_day": per_day,
        "emails_per_day": [{"date": day.isoformat(), "sent": emails.get(day, 0)} for day in days],
        "success_rate_7d": round(completed / finished, 4) if finished else None,
        "failures_needing_attention": {
            # Counted through execution_status_idx (status, -created_at): only failed rows.
            "count": failures.count(),
            "latest": latest_failures,
        },
    }
