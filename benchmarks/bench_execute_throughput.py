"""Executions through the front door: ``POST /workflows/{id}/execute`` under load, to completion.

Ours: CLIENTS closed-loop clients (threads of this process, each with its own connection) call
``POST /api/v1/workflow-automation/workflows/{id}/execute``, each request with an
``Idempotency-Key`` of its own, for SECONDS. The workflow has three steps: ``check_condition``
(a customer_filter over a one-customer group), ``create_order`` for that customer (one order
line) and ``send_email`` to that customer, delivered to a loopback SMTP sink. The server is
``gunicorn config.wsgi -w WORKERS`` (sync workers); one Celery worker (prefork,
``--concurrency CONCURRENCY``) on Redis runs the executions against PostgreSQL.

Reported:
- ``accepted_per_s``: 202 answers per second of the POST phase, and the POST's p95;
- ``completed_per_s``: executions completed per second, from the first POST to the last
  execution's ``completed_at`` (every execution must complete: the benchmark waits for all);
- every email sent once: the sink's count equals the number of executions, one ``success`` log
  per execution, no ``unknown``, and one order per execution.

Baselines in the same run, on the same server and worker:
- a trivial Django view (``GET /healthz``, no auth, no database) with the same clients;
- a bare Celery task round trip: the same number of closed-loop clients each publish a task that
  does nothing but answer on a Redis list, and wait for the answer (``benchmarks.tasks.echo``).

Target (issue 24): at least 150 completed executions/s on this 2-core machine (n8n publishes
72/s in queue mode on 2 vCPUs).
"""

from __future__ import annotations

import argparse
import http.client
import os
import threading
import time
import uuid
from typing import Any

from django.db import connection

from benchmarks import Result, machine_conditions
from benchmarks.load import HOST, LoadStats, database_url, drive, gunicorn, server_description
from benchmarks.worker import (
    celery_worker,
    require_redis_broker,
    smtp_sink,
    system_cpu_seconds,
    tree_cpu_seconds,
    wait_for,
)

CLIENTS = 32
WORKERS = 2
CONCURRENCY = int(os.environ.get("BENCH_WORKER_CONCURRENCY", "2"))
TARGET = 150.0
API = "/api/v1/workflow-automation"
GROUP = "bench-execute"
SKU = "BENCH-1"


def _setup() -> Any:
    from automation.services import workflow_create
    from customers.models import Customer, CustomerGroup
    from templates_app.services import template_create

    group = CustomerGroup.objects.create(slug=GROUP, name="Bench execute")
    customer = Customer.objects.create(name="Kafé Benk", email="kafe.benk@bench.example")
    group.customers.add(customer)
    template = template_create(
        name="Bestillingsskjema (bench execute)",
        subject="Bestill til {{ kunde_navn }}",
        body_html='<p>Hei {{ kunde_navn }}!</p><p><a href="{{ bestilling_link }}">Bestill</a></p>',
        body_text="",
        variables=["kunde_navn", "bestilling_link"],
        category="bestilling",
    )
    return workflow_create(
        created_by=None,
        data={
            "name": "Bench execute throughput",
            # Never deployed, so the schedule never fires: only the API's execute runs it.
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "09:00"},
            },
            "steps": [
                {
                    "step_order": 1,
                    "step_type": "check_condition",
                    "condition_config": {"check": "customer_filter", "group": GROUP},
                },
                {
                    "step_order": 2,
                    "step_type": "create_order",
                    "action_config": {
                        "recipients": {"from_step": 1},
                        "mode": "lines",
                        "lines": [{"sku": SKU, "name": "Kaffe 1 kg", "quantity": 2}],
                    },
                },
                {
                    "step_order": 3,
                    "step_type": "send_email",
                    "action_config": {"template_id": template.pk, "recipients": {"from_step": 1}},
                },
            ],
        },
    )


def _token() -> str:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework_simplejwt.tokens import RefreshToken

    user = get_user_model().objects.create_user(username="bench-execute-business")
    user.groups.add(Group.objects.get(name="business"))
    return str(RefreshToken.for_user(user).access_token)


def _post_load(port: int, path: str, token: str, seconds: float) -> tuple[LoadStats, list[int]]:
    """CLIENTS threads POST back to back for ``seconds``; the execution ids answered."""
    latencies: list[float] = []
    ids: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()
    gate = threading.Event()
    deadline: list[float] = []

    def client() -> None:
        import json

        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        mine: list[float] = []
        my_ids: list[int] = []
        my_errors: list[str] = []
        gate.wait()
        while time.perf_counter() < deadline[0]:
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex}
            began = time.perf_counter()
            try:
                conn.request("POST", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                my_errors.append(repr(exc))
                continue
            if response.status == 202:
                mine.append(time.perf_counter() - began)
                my_ids.append(json.loads(body)["execution_id"])
            else:
                my_errors.append(f"{response.status} {body[:200]!r}")
        conn.close()
        with lock:
            latencies.extend(mine)
            ids.extend(my_ids)
            errors.extend(my_errors)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline.append(began + seconds)
    gate.set()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    stats = LoadStats(
        requests=len(latencies),
        errors=len(errors),
        seconds=time.perf_counter() - began,
        latencies_s=latencies,
    )
    if errors:
        raise RuntimeError(f"{len(errors)} POSTs failed, e.g. {errors[:3]}")
    return stats, ids


def _celery_round_trips(seconds: float) -> LoadStats:
    """CLIENTS threads: publish ``benchmarks.tasks.echo`` and wait for its answer, back to back."""
    import redis

    from benchmarks.tasks import echo
    from config.celery import app

    latencies: list[float] = []
    lock = threading.Lock()
    gate = threading.Event()
    deadline: list[float] = []

    def client() -> None:
        r = redis.Redis.from_url(app.conf.broker_url)
        key = f"bench:echo:{uuid.uuid4().hex}"
        mine: list[float] = []
        gate.wait()
        while time.perf_counter() < deadline[0]:
            began = time.perf_counter()
            echo.apply_async(args=(key,), queue="default")
            if r.blpop([key], timeout=60) is None:
                raise TimeoutError("a bare Celery task did not answer within 60 s")
            mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline.append(began + seconds)
    gate.set()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return LoadStats(len(latencies), 0, time.perf_counter() - began, latencies)


def _wait_completed(ids: list[int], timeout: float) -> float:
    """Wait until every execution in ``ids`` has finished; the last completed_at (epoch)."""
    from django.db.models import Max

    from executions.models import WorkflowExecution

    executions = WorkflowExecution.objects.filter(pk__in=ids)
    wait_for(
        lambda: not executions.exclude(status__in=["completed", "failed", "cancelled"]).exists(),
        timeout=timeout,
        what=f"{len(ids)} executions to finish",
        every=0.5,
    )
    failed = executions.exclude(status="completed").count()
    if failed:
        example = executions.exclude(status="completed").values("pk", "status", "error_message")[0]
        raise RuntimeError(f"{failed} executions did not complete, e.g. {example}")
    return executions.aggregate(last=Max("completed_at"))["last"].timestamp()


def _workflow_orders() -> int:
    from customers.models import Order

    return Order.objects.filter(source=Order.Source.WORKFLOW).count()


def _once_each(ids: list[int], sink_count: int, orders: int) -> dict[str, int]:
    from executions.models import WorkflowActionLog

    logs = WorkflowActionLog.objects.filter(execution_id__in=ids, action_type="send_email")
    facts = {
        "executions": len(ids),
        "emails_at_sink": sink_count,
        "email_logs_success": logs.filter(status="success").count(),
        "email_logs_unknown": logs.filter(status="unknown").count(),
        "orders": orders,
    }
    n = len(ids)
    if not (facts["emails_at_sink"] == facts["email_logs_success"] == facts["orders"] == n):
        raise RuntimeError(f"not exactly once per execution: {facts}")
    return facts


def _postmaster_pid() -> int | None:
    """The PostgreSQL server's process (its postmaster.pid), when it runs on this machine and
    its data directory is readable; else None."""
    from pathlib import Path

    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        directory = cursor.fetchone()[0]
    try:
        return int((Path(directory) / "postmaster.pid").read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return None


def _server_pid(port: int) -> int | None:
    """The gunicorn master serving ``port`` (found by its command line)."""
    from pathlib import Path

    bind = f"{HOST}:{port}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if bind in cmdline and any(part.endswith(b"gunicorn") for part in cmdline[:2]):
            return int(entry.name)
    return None


class _CpuMeter:
    """CPU seconds used meanwhile by the whole machine and by its parts: the web server, the
    Celery worker, PostgreSQL (the postmaster and every backend, ended ones included), the
    SMTP sink and this process (the clients); the rest is Redis and anything else running."""

    def __init__(self, worker: Any, sink: Any, port: int) -> None:
        self.parts = {
            "server": _server_pid(port),
            "worker": worker.proc.pid,
            "postgresql": _postmaster_pid(),
            "smtp_sink": sink.process.pid,
        }
        self.start = self._read()

    def _read(self) -> dict[str, float]:
        times = os.times()
        reading = {"machine": system_cpu_seconds(), "clients": times.user + times.system}
        for name, pid in self.parts.items():
            if pid is not None:
                reading[name] = tree_cpu_seconds(pid)
        return reading

    def ms_per(self, count: int) -> dict[str, float]:
        end = self._read()
        used = {name: end[name] - self.start[name] for name in self.start}
        used["rest"] = used["machine"] - sum(
            value for name, value in used.items() if name != "machine"
        )
        return {name: round(1000 * value / count, 2) for name, value in used.items()}


def _summary(stats: LoadStats) -> dict[str, Any]:
    return {
        "requests": stats.requests,
        "per_s": round(stats.requests_per_second, 1),
        "p50_ms": round(stats.latency_ms(50), 2),
        "p95_ms": round(stats.latency_ms(95), 2),
    }


def run(args: argparse.Namespace) -> list[Result]:
    require_redis_broker()
    seconds = 5.0 if args.quick else 20.0
    baseline_seconds = 3.0 if args.quick else 10.0
    workflow = _setup()
    token = _token()
    env = {
        "DATABASE_URL": database_url(connection.settings_dict),
        "DJANGO_DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    path = f"{API}/workflows/{workflow.pk}/execute"
    load_before = os.getloadavg()[0]
    with (
        smtp_sink() as sink,
        celery_worker(concurrency=CONCURRENCY, smtp_port=sink.port) as worker,
        gunicorn(env={**env, "CELERY_BROKER_URL": worker.broker}, workers=WORKERS) as port,
    ):
        # Warm up: every server worker and pool process, one run to completion.
        _, warm_ids = _post_load(port, path, token, 1.0)
        _wait_completed(warm_ids, timeout=300)
        drive(port, ["/healthz"], concurrency=WORKERS * 2, seconds=1.0)
        _celery_round_trips(1.0)
        trivial = drive(port, ["/healthz"], concurrency=CLIENTS, seconds=baseline_seconds)
        celery_rt = _celery_round_trips(baseline_seconds)

        sink_before = sink.count()
        orders_before = _workflow_orders()
        cpu_before = worker.cpu_seconds()
        meter = _CpuMeter(worker, sink, port)
        started = time.time()
        posts, ids = _post_load(port, path, token, seconds)
        last_completed = _wait_completed(ids, timeout=600)
        # The sink counts what the worker delivered; give a straggler a moment to be counted.
        wait_for(lambda: sink.count() - sink_before >= len(ids), timeout=30, what="the sink")
        worker_cpu = worker.cpu_seconds() - cpu_before
        cpu_ms = meter.ms_per(len(ids))
        facts = _once_each(ids, sink.count() - sink_before, _workflow_orders() - orders_before)
    completed_per_s = len(ids) / (last_completed - started)
    conditions = {
        **machine_conditions(),
        "workflow": "check_condition (1-customer group) -> create_order (1 line) -> send_email",
        "server": server_description(WORKERS),
        "worker": f"celery prefork, concurrency {CONCURRENCY}, queues email,default,report",
        "clients": f"{CLIENTS} threads, closed loop, {seconds} s of POSTs, JWT, own keys",
        "loadavg_1m_before": round(load_before, 2),
        "posts": _summary(posts),
        "trivial_view": _summary(trivial),
        "celery_round_trip": _summary(celery_rt),
        "once_each": facts,
        "worker_cpu_ms_per_execution": round(1000 * worker_cpu / len(ids), 2),
        # Where the machine's CPU went, per execution, from the first POST to the last
        # completion (2 cores: 150 executions/s leaves 13.3 ms of CPU for each in all).
        "cpu_ms_per_execution": cpu_ms,
        "target_completed_per_s": TARGET,
        "drain_seconds_after_posts": round(last_completed - started - posts.seconds, 1),
    }
    return [
        Result(
            benchmark="execute_throughput",
            metric="completed_per_s",
            value=round(completed_per_s, 1),
            baseline=round(celery_rt.requests_per_second, 1),
            conditions={
                **conditions,
                "baseline_is": "bare Celery task round trips/s, same run",
                "better": "higher",
            },
        ),
        Result(
            benchmark="execute_throughput",
            metric="accepted_per_s",
            value=round(posts.requests_per_second, 1),
            baseline=round(trivial.requests_per_second, 1),
            conditions={
                **conditions,
                "baseline_is": "GET /healthz req/s, same server, same run",
                "better": "higher",
            },
        ),
        Result(
            benchmark="execute_throughput",
            metric="post_p95_ms",
            value=round(posts.latency_ms(95), 2),
            baseline=round(trivial.latency_ms(95), 2),
            conditions={
                **conditions,
                "baseline_is": "GET /healthz p95, same run",
                "better": "lower",
            },
        ),
    ]
