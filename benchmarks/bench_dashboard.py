"""GET /api/v1/workflow-automation/dashboard/metrics on a large action log.

Measured: the endpoint computing its numbers (cache cleared before each request), and the
endpoint answering from its 30-second cache, next to a naive baseline in the same run: the
same numbers with per-day ``__date`` lookups (no index can serve them) and whole-table
counts, the way a first dashboard is usually written.

Data: 200,000 action-log rows (20,000 with --quick) and 2,000 executions spread over 60 days,
inserted with one INSERT ... SELECT generate_series each (PostgreSQL).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from typing import Any

from django.db import connection

from benchmarks import Result, best_of, machine_conditions

DAYS_OF_HISTORY = 60
REPEATS = 5


def _setup(n_logs: int, n_executions: int) -> Any:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from automation.models import WorkflowDefinition

    workflow = WorkflowDefinition.objects.create(
        name="bench", workflow_type="scheduled", status="active", is_active=True
    )
    minutes = DAYS_OF_HISTORY * 24 * 60
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO executions_workflowexecution
                (workflow_id, status, trigger, created_at, updated_at, context,
                 definition_snapshot, workflow_version, is_test, error_message, error_code,
                 error_params)
            SELECT %s,
                   CASE WHEN g %% 10 = 0 THEN 'failed' ELSE 'completed' END,
                   'schedule',
                   now() - (g %% %s) * interval '1 minute' * 29,
                   now(), '{}'::jsonb, '{}'::jsonb, 1, false, '', '', '{}'::jsonb
            FROM generate_series(1, %s) AS g
            """,
            [workflow.pk, minutes // 29, n_executions],
        )
        cursor.execute(
            """
            INSERT INTO executions_workflowactionlog
                (execution_id, step_order, action_type, target_type, target_id, status,
                 result_data, error_message, error_code, error_params, attempts, performed_at,
                 updated_at)
            SELECT e.ids[1 + g %% array_length(e.ids, 1)], 1,
                   CASE WHEN g %% 10 = 0 THEN 'step' ELSE 'send_email' END,
                   'customer', g,
                   CASE WHEN g %% 25 = 0 THEN 'failed' ELSE 'success' END,
                   '{}'::jsonb, '', '', '{}'::jsonb, 1,
                   now() - (g %% %s) * interval '1 minute', now()
            FROM generate_series(1, %s) AS g,
                 (SELECT array_agg(id) AS ids FROM executions_workflowexecution) AS e
            """,
            [minutes, n_logs],
        )
        cursor.execute("ANALYZE executions_workflowactionlog")
        cursor.execute("ANALYZE executions_workflowexecution")
    user = get_user_model().objects.create_user(username="bench-viewer")
    user.groups.add(Group.objects.get(name="viewer"))
    return user


def _naive_metrics() -> dict[str, Any]:
    from django.utils import timezone

    from automation.models import WorkflowDefinition
    from executions.models import WorkflowActionLog, WorkflowExecution

    today = timezone.localdate()
    days = [today - dt.timedelta(days=n) for n in range(13, -1, -1)]
    return {
        "active_workflows": WorkflowDefinition.objects.filter(status="active").count(),
        "executions_per_day": [
            WorkflowExecution.objects.filter(created_at__date=day).count() for day in days
        ],
        "emails_per_day": [
            WorkflowActionLog.objects.filter(
                action_type="send_email", status="success", performed_at__date=day
            ).count()
            for day in days
        ],
        "emails_total": WorkflowActionLog.objects.filter(action_type="send_email").count(),
        "success_rate": WorkflowExecution.objects.filter(status="completed").count()
        / max(WorkflowExecution.objects.count(), 1),
        "failures": WorkflowExecution.objects.filter(status="failed").count(),
    }


def run(args: argparse.Namespace) -> list[Result]:
    from django.core.cache import cache
    from django.test.utils import setup_test_environment
    from rest_framework.test import APIClient

    n_logs = 20_000 if args.quick else 200_000
    n_executions = 2_000
    user = _setup(n_logs, n_executions)
    with contextlib.suppress(RuntimeError):  # already set up by another benchmark
        setup_test_environment()  # lets the test client's "testserver" host through
    client = APIClient()
    client.force_authenticate(user)
    url = "/api/v1/workflow-automation/dashboard/metrics"

    def computed() -> None:
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, response.content

    def cached() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.content

    computed()  # warm up connections and plans
    naive = best_of(REPEATS, _naive_metrics)
    ours = best_of(REPEATS, computed)
    cached()
    from_cache = best_of(REPEATS * 4, cached)
    conditions = {
        **machine_conditions(),
        "action_logs": n_logs,
        "executions": n_executions,
        "days_of_history": DAYS_OF_HISTORY,
        "better": "lower",
        "unit": "ms per request (best of several)",
        "baseline": "naive: per-day __date counts and whole-table counts, no cache",
    }
    return [
        Result(
            benchmark="dashboard",
            metric="metrics_endpoint_computed_ms",
            value=round(ours * 1000, 2),
            baseline=round(naive * 1000, 2),
            conditions=conditions,
        ),
        Result(
            benchmark="dashboard",
            metric="metrics_endpoint_cached_ms",
            value=round(from_cache * 1000, 2),
            baseline=round(naive * 1000, 2),
            conditions=conditions,
        ),
    ]
