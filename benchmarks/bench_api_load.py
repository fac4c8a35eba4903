"""The REST API under load: req/s and p95 latency under gunicorn with concurrent clients.

Data: 1,000,000 action-log rows (100,000 with --quick) over 1,000 executions, spread over 60
days, inserted with one INSERT ... SELECT generate_series each (PostgreSQL), then VACUUM
ANALYZE (what autovacuum does to a table of old rows).

Server: ``gunicorn -c python:config.gunicorn config.wsgi -w 2`` (the production settings) on a
free port of 127.0.0.1, with
DJANGO_DEBUG=0 and DATABASE_URL pointing at the benchmark's throw-away database. Clients:
``CONCURRENCY`` threads of this process, closed loop, for ``SECONDS`` per endpoint, each
request carrying a JWT access token of a developer (Authorization: Bearer).

Endpoints, one after the other:

- ``GET /api/v1/workflow-automation/executions/{id}/status``, cycling through 50 executions
  of 1,000 action-log rows each (the status counts an execution's rows in one query);
- ``GET /api/v1/workflow-automation/dashboard/metrics``: answers from the per-process cache
  for 30 s after computing (LocMemCache without CACHE_URL), so under load this is mostly the
  cached path; the computed path is timed in-process on the same data (best of 5, cache
  cleared) and reported in the conditions;
- baseline: ``GET /healthz``, a trivial Django view (no auth, no database) on the same server
  in the same run, measured first and again last (the reported baseline is the better of the
  two runs, and both are in the conditions).

The client threads share the machine (and the GIL of this process) with the server; that
holds for the baseline as much as for our endpoints.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

from django.db import connection

from benchmarks import Result, best_of, machine_conditions
from benchmarks.load import LoadStats, database_url, drive, gunicorn, server_description

DAYS_OF_HISTORY = 60
N_EXECUTIONS = 1_000
STATUS_IDS = 50
CONCURRENCY = 16
WORKERS = 2
API = "/api/v1/workflow-automation"


def _seed(n_logs: int) -> tuple[list[int], float]:
    """Executions and action logs; the ids of STATUS_IDS executions, and the seconds taken."""
    from automation.models import WorkflowDefinition

    started = time.perf_counter()
    workflow = WorkflowDefinition.objects.create(
        name="bench api load", workflow_type="scheduled", status="active", is_active=True
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
            RETURNING id
            """,
            [workflow.pk, minutes // 29, N_EXECUTIONS],
        )
        execution_ids = sorted(row[0] for row in cursor.fetchall())
        # Row g belongs to execution g mod N (each gets n_logs / N rows); target_id = g keeps
        # the once-per-target constraint satisfied.
        cursor.execute(
            """
            INSERT INTO executions_workflowactionlog
                (execution_id, step_order, action_type, target_type, target_id, status,
                 result_data, error_message, error_code, error_params, attempts, performed_at,
                 updated_at)
            SELECT (%s::bigint[])[1 + g %% %s], 1,
                   CASE WHEN g %% 10 = 0 THEN 'step' ELSE 'send_email' END,
                   'customer', g,
                   CASE WHEN g %% 25 = 0 THEN 'failed' ELSE 'success' END,
                   '{}'::jsonb, '', '', '{}'::jsonb, 1,
                   now() - (g %% %s) * interval '1 minute', now()
            FROM generate_series(1, %s) AS g
            """,
            [execution_ids, len(execution_ids), minutes, n_logs],
        )
        # As autovacuum leaves a table whose rows are older than its threshold: statistics,
        # and the visibility map that lets the status count from action_log_progress_idx
        # alone (without it, every counted row's heap page is read as well).
        cursor.execute("VACUUM ANALYZE executions_workflowactionlog")
        cursor.execute("ANALYZE executions_workflowexecution")
    step = max(1, len(execution_ids) // STATUS_IDS)
    return execution_ids[::step][:STATUS_IDS], time.perf_counter() - started


def _token() -> str:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework_simplejwt.tokens import RefreshToken

    user = get_user_model().objects.create_user(username="bench-api-load-developer")
    user.groups.add(Group.objects.get(name="developer"))
    return str(RefreshToken.for_user(user).access_token)


def _computed_dashboard_ms() -> float:
    from executions.dashboard import dashboard_metrics

    dashboard_metrics(use_cache=False)  # warm up
    return best_of(5, lambda: dashboard_metrics(use_cache=False)) * 1000


def _summary(stats: LoadStats) -> dict[str, Any]:
    return {
        "requests": stats.requests,
        "errors": stats.errors,
        "req_per_s": round(stats.requests_per_second, 1),
        "p50_ms": round(stats.latency_ms(50), 2),
        "p95_ms": round(stats.latency_ms(95), 2),
        "p99_ms": round(stats.latency_ms(99), 2),
    }


def run(args: argparse.Namespace) -> list[Result]:
    n_logs = 100_000 if args.quick else 1_000_000
    seconds = 3.0 if args.quick else 10.0
    status_ids, seed_seconds = _seed(n_logs)
    computed_ms = _computed_dashboard_ms()
    token = _token()
    env = {
        "DATABASE_URL": database_url(connection.settings_dict),
        "DJANGO_DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    auth = {"Authorization": f"Bearer {token}"}
    status_paths = [f"{API}/executions/{pk}/status" for pk in status_ids]
    metrics_paths = [f"{API}/dashboard/metrics"]
    load_before = os.getloadavg()[0]
    with gunicorn(env=env, workers=WORKERS) as port:
        # Warm up every worker and path (connections, imports, plans); also checks that each
        # endpoint answers 200 with these credentials.
        for paths, headers in ((["/healthz"], {}), (status_paths, auth), (metrics_paths, auth)):
            warm = drive(port, paths, headers=headers, concurrency=WORKERS * 2, seconds=1.0)
            if warm.errors or not warm.requests:
                raise RuntimeError(f"{paths[0]}: {warm.errors} errors while warming up")
        trivial_first = drive(port, ["/healthz"], concurrency=CONCURRENCY, seconds=seconds)
        status = drive(port, status_paths, headers=auth, concurrency=CONCURRENCY, seconds=seconds)
        metrics = drive(port, metrics_paths, headers=auth, concurrency=CONCURRENCY, seconds=seconds)
        trivial_last = drive(port, ["/healthz"], concurrency=CONCURRENCY, seconds=seconds)
    trivial = max(trivial_first, trivial_last, key=lambda s: s.requests_per_second)
    conditions = {
        **machine_conditions(),
        "action_logs": n_logs,
        "executions": N_EXECUTIONS,
        "action_logs_per_execution": n_logs // N_EXECUTIONS,
        "seed_seconds": round(seed_seconds, 1),
        "server": server_description(WORKERS),
        "clients": f"{CONCURRENCY} threads, closed loop, {seconds} s per endpoint, JWT",
        "loadavg_1m_before": round(load_before, 2),
        "baseline_is": "GET /healthz (trivial Django view) on the same server, same run",
        "healthz_first": _summary(trivial_first),
        "healthz_last": _summary(trivial_last),
    }
    endpoints = (
        ("execution_status", status, {"status_ids_cycled": len(status_paths)}),
        (
            "dashboard_metrics",
            metrics,
            {
                "cache": "per-process LocMemCache, 30 s; mostly cache hits under load",
                "computed_in_process_ms": round(computed_ms, 2),
            },
        ),
    )
    results: list[Result] = []
    for name, stats, extra in endpoints:
        endpoint_conditions = {**conditions, **extra, name: _summary(stats)}
        results.append(
            Result(
                benchmark="api_load",
                metric=f"{name}_req_per_s",
                value=round(stats.requests_per_second, 1),
                baseline=round(trivial.requests_per_second, 1),
                conditions={**endpoint_conditions, "better": "higher"},
            )
        )
        results.append(
            Result(
                benchmark="api_load",
                metric=f"{name}_p95_ms",
                value=round(stats.latency_ms(95), 2),
                baseline=round(trivial.latency_ms(95), 2),
                conditions={**endpoint_conditions, "better": "lower"},
            )
        )
    return results
