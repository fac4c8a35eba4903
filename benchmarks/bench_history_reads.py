"""History reads at scale: the execution list and a customer's history over 10 million
action logs, through the API and the pages, under gunicorn with concurrent clients.

Data (``HISTORY_ACTION_LOGS``, 10,000,000 by default; 200,000 with --quick): 20,000
executions of 10 workflows over 60 days (a third of them failed, the rest completed), each
acting on 500 of 5,000 customers: row g belongs to execution g mod 20,000 and customer
(37 * execution + g div 20,000) mod 5,000, so every customer has about 2,000 rows spread over
the whole period, and an execution's rows lie far apart in the table (written round-robin, the
worst case for reading one execution's or one customer's rows). The secondary indexes are
dropped for the load and built again afterwards, as a restore would; then ANALYZE.

Server and clients as in ``api_load`` (``gunicorn config.wsgi -w 2``, 16 closed-loop client
threads, 10 s per endpoint); the API with a developer's JWT, the pages with a session cookie.
Endpoints, each cycling through 20 different filters or customers:

- ``GET /api/v1/workflow-automation/executions?workflow=W&status=failed``
  ``&created_after=D1&created_before=D2``
- ``GET /api/v1/workflow-automation/customers/{id}/activity``
- ``GET /kjoringer/?workflow=W&status=failed&date_from=D1&date_to=D2`` (the page)
- ``GET /kunder/{id}/historikk/`` (the page)

Baseline: ``GET /healthz`` on the same server in the same run. Target (issue 24): p95 under
100 ms for the list and the customer history at 10,000,000 action logs. Each endpoint is also
measured with ``HISTORY_LOW_CONCURRENCY`` (4) clients; its p95 and req/s are in the
conditions (``<endpoint>_at_4``); ``HISTORY_CONCURRENCY`` (16) is the reported figure.

Reusing the seed: building 10,000,000 rows takes minutes. With ``BENCH_KEEP_DB=1`` (see
benchmarks/db.py) the throw-away database is kept after the run, and the next run with it
reuses the seed when it is there and is exactly this one (10 "bench history" workflows, 5,000
customers, 20,000 executions and ``HISTORY_ACTION_LOGS`` action logs, counted); any other
content is refused rather than measured. ``seed_reused`` in the conditions says which it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from typing import Any

from django.db import connection

from benchmarks import Result, machine_conditions
from benchmarks.db import keep_database
from benchmarks.load import LoadStats, database_url, drive, gunicorn, server_description

EXECUTIONS = 20_000
WORKFLOWS = 10
CUSTOMERS = 5_000
DAYS = 60
CHUNK = 1_000_000
CONCURRENCY = int(os.environ.get("HISTORY_CONCURRENCY", 16))
LOW_CONCURRENCY = int(os.environ.get("HISTORY_LOW_CONCURRENCY", 4))
WORKERS = 2
API = "/api/v1/workflow-automation"
LOG_TABLE = "executions_workflowactionlog"


def _secondary_indexes() -> list[tuple[str, str]]:
    """(name, definition) of the log table's indexes that back no constraint."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.tablename = %s AND NOT EXISTS (
                SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """,
            [LOG_TABLE],
        )
        return cursor.fetchall()


def _seed(n_logs: int) -> dict[str, Any]:
    from automation.models import WorkflowDefinition
    from customers.models import Customer

    started = time.perf_counter()
    workflows = [
        WorkflowDefinition.objects.create(
            name=f"bench history {i}", workflow_type="scheduled", status="active", is_active=True
        ).pk
        for i in range(WORKFLOWS)
    ]
    customers = Customer.objects.bulk_create(
        Customer(name=f"Kunde {i:05}", email=f"kunde{i:05}@historikk.example")
        for i in range(CUSTOMERS)
    )
    customer_ids = [c.pk for c in customers]
    minutes = DAYS * 24 * 60
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO executions_workflowexecution
                (workflow_id, status, trigger, created_at, updated_at, context,
                 definition_snapshot, workflow_version, is_test, error_message, error_code,
                 error_params)
            SELECT (%s::bigint[])[1 + g %% %s],
                   CASE WHEN g %% 3 = 0 THEN 'failed' ELSE 'completed' END,
                   'schedule', now() - (g * %s / %s) * interval '1 minute',
                   now(), '{}'::jsonb, '{}'::jsonb, 1, false, '', '', '{}'::jsonb
            FROM generate_series(1, %s) AS g
            RETURNING id
            """,
            [workflows, WORKFLOWS, minutes, EXECUTIONS, EXECUTIONS],
        )
        execution_ids = sorted(row[0] for row in cursor.fetchall())
        indexes = _secondary_indexes()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        per_execution = max(1, n_logs // EXECUTIONS)
        for first in range(1, n_logs + 1, CHUNK):
            last = min(n_logs, first + CHUNK - 1)
            cursor.execute(
                """
                INSERT INTO executions_workflowactionlog
                    (execution_id, step_order, action_type, target_type, target_id, status,
                     result_data, error_message, error_code, error_params, attempts,
                     performed_at, updated_at)
                SELECT (%(executions)s::bigint[])[1 + g %% %(n_exec)s], 1, 'send_email',
                       'customer',
                       (%(customers)s::bigint[])[
                           1 + ((g %% %(n_exec)s) * 37 + (g / %(n_exec)s)) %% %(n_cust)s],
                       CASE WHEN g %% 40 = 0 THEN 'failed' ELSE 'success' END,
                       '{}'::jsonb, '', '', '{}'::jsonb, 1,
                       now() - ((g %% %(n_exec)s) * %(minutes)s / %(n_exec)s) * interval '1 minute',
                       now()
                FROM generate_series(%(first)s, %(last)s) AS g
                """,
                {
                    "executions": execution_ids,
                    "customers": customer_ids,
                    "n_exec": EXECUTIONS,
                    "n_cust": CUSTOMERS,
                    "minutes": minutes,
                    "first": first,
                    "last": last,
                },
            )
        loaded = time.perf_counter()
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute(f"VACUUM ANALYZE {LOG_TABLE}")
        cursor.execute("ANALYZE executions_workflowexecution")
    return {
        "workflows": workflows,
        "customers": customer_ids,
        "rows_per_execution": per_execution,
        "load_seconds": round(loaded - started, 1),
        "index_seconds": round(time.perf_counter() - loaded, 1),
    }


def _existing_seed(n_logs: int) -> dict[str, Any] | None:
    """The seed a kept database already holds (BENCH_KEEP_DB=1), or None when it holds none;
    RuntimeError when it holds something else than this seed of ``n_logs`` action logs."""
    from automation.models import WorkflowDefinition
    from customers.models import Customer
    from executions.models import WorkflowActionLog, WorkflowExecution

    workflows = list(
        WorkflowDefinition.objects.filter(name__startswith="bench history ")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not workflows and not WorkflowActionLog.objects.exists():
        return None
    customers = list(
        Customer.objects.filter(email__endswith="@historikk.example")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    sizes = {
        "workflows": (len(workflows), WORKFLOWS),
        "customers": (len(customers), CUSTOMERS),
        "executions": (WorkflowExecution.objects.count(), EXECUTIONS),
        "action_logs": (WorkflowActionLog.objects.count(), n_logs),
    }
    wrong = {name: found for name, (found, wanted) in sizes.items() if found != wanted}
    if wrong:
        raise RuntimeError(f"the kept database holds another seed: {wrong}; drop it")
    return {
        "workflows": workflows,
        "customers": customers,
        "rows_per_execution": max(1, n_logs // EXECUTIONS),
        "load_seconds": 0.0,
        "index_seconds": 0.0,
    }


def _developer() -> Any:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _created = get_user_model().objects.get_or_create(username="bench-history-developer")
    user.groups.add(Group.objects.get(name="developer"))
    return user


def _credentials(user: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Headers for the API (JWT) and for the pages (a session cookie)."""
    from django.test import Client
    from rest_framework_simplejwt.tokens import RefreshToken

    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    return (
        {"Authorization": f"Bearer {RefreshToken.for_user(user).access_token}"},
        {"Cookie": f"sessionid={session}", "Accept-Language": "nb"},
    )


def _paths(seed: dict[str, Any]) -> dict[str, list[str]]:
    today = dt.date.today()
    lists, pages, activity, activity_pages = [], [], [], []
    for i in range(20):
        workflow = seed["workflows"][i % WORKFLOWS]
        start = today - dt.timedelta(days=5 + (i * 2) % (DAYS - 10))
        end = start + dt.timedelta(days=7)
        lists.append(
            f"{API}/executions?workflow={workflow}&status=failed"
            f"&created_after={start.isoformat()}&created_before={end.isoformat()}"
        )
        pages.append(
            f"/kjoringer/?workflow={workflow}&status=failed"
            f"&date_from={start.isoformat()}&date_to={end.isoformat()}"
        )
        customer = seed["customers"][(i * 241) % CUSTOMERS]
        activity.append(f"{API}/customers/{customer}/activity")
        activity_pages.append(f"/kunder/{customer}/historikk/")
    return {
        "executions_list_api": lists,
        "customer_activity_api": activity,
        "executions_list_page": pages,
        "customer_history_page": activity_pages,
    }


def _summary(stats: LoadStats) -> dict[str, Any]:
    return {
        "requests": stats.requests,
        "errors": stats.errors,
        "req_per_s": round(stats.requests_per_second, 1),
        "p50_ms": round(stats.latency_ms(50), 2),
        "p95_ms": round(stats.latency_ms(95), 2),
    }


def run(args: argparse.Namespace) -> list[Result]:
    n_logs = 200_000 if args.quick else int(os.environ.get("HISTORY_ACTION_LOGS", 10_000_000))
    seconds = 3.0 if args.quick else 10.0
    seed = _existing_seed(n_logs) if keep_database() else None
    reused = seed is not None
    if seed is None:
        seed = _seed(n_logs)
    api_headers, page_headers = _credentials(_developer())
    env = {
        "DATABASE_URL": database_url(connection.settings_dict),
        "DJANGO_DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    paths = _paths(seed)
    headers = {
        "executions_list_api": api_headers,
        "customer_activity_api": api_headers,
        "executions_list_page": page_headers,
        "customer_history_page": page_headers,
    }
    load_before = os.getloadavg()[0]
    measured: dict[str, LoadStats] = {}
    low: dict[str, LoadStats] = {}
    with gunicorn(env=env, workers=WORKERS) as port:
        for name, endpoint_paths in paths.items():
            warm = drive(
                port, endpoint_paths, headers=headers[name], concurrency=WORKERS * 2, seconds=1.0
            )
            if warm.errors or not warm.requests:
                raise RuntimeError(f"{endpoint_paths[0]}: {warm.errors} errors while warming up")
        trivial = drive(port, ["/healthz"], concurrency=CONCURRENCY, seconds=seconds)
        for name, endpoint_paths in paths.items():
            measured[name] = drive(
                port,
                endpoint_paths,
                headers=headers[name],
                concurrency=CONCURRENCY,
                seconds=seconds,
            )
        for name, endpoint_paths in paths.items():
            low[name] = drive(
                port,
                endpoint_paths,
                headers=headers[name],
                concurrency=LOW_CONCURRENCY,
                seconds=seconds,
            )
    conditions = {
        **machine_conditions(),
        "action_logs": n_logs,
        "executions": EXECUTIONS,
        "workflows": WORKFLOWS,
        "customers": CUSTOMERS,
        "days": DAYS,
        "rows_per_execution": seed["rows_per_execution"],
        "rows_per_customer": n_logs // CUSTOMERS,
        "seed_load_seconds": seed["load_seconds"],
        "seed_index_seconds": seed["index_seconds"],
        "seed_reused": reused,
        "server": server_description(WORKERS),
        "clients": f"{CONCURRENCY} threads, closed loop, {seconds} s per endpoint",
        "loadavg_1m_before": round(load_before, 2),
        "healthz": _summary(trivial),
        "baseline_is": "GET /healthz (trivial Django view) on the same server, same run",
        "target_p95_ms": 100,
    }
    results: list[Result] = []
    for name, stats in measured.items():
        results.append(
            Result(
                benchmark="history_reads",
                metric=f"{name}_p95_ms",
                value=round(stats.latency_ms(95), 2),
                baseline=round(trivial.latency_ms(95), 2),
                conditions={
                    **conditions,
                    name: _summary(stats),
                    f"{name}_at_{LOW_CONCURRENCY}": _summary(low[name]),
                    "better": "lower",
                },
            )
        )
    return results
