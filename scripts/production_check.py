"""The README's production run, on this machine: two web processes (gunicorn), two Celery
workers and one beat, with the production settings (deploy/production.env), on one PostgreSQL
and one Redis, and the running example of docs/workflow-format.md end to end against an SMTP
sink on loopback.

Like a real deployment it builds first and runs elsewhere: `collectstatic` runs in this
checkout (where node_modules is), and every process then runs from a copy of the source
without node_modules, .venv or var/, serving the front-end files from STATIC_ROOT alone.

    .venv/bin/python scripts/production_check.py [--database-url URL] [--redis-url URL]

--database-url names a PostgreSQL server (a throw-away database is created there and dropped
after); --redis-url a Redis database that is flushed before and after. Defaults:
TEST_DATABASE_URL's server and TEST_REDIS_URL, else 127.0.0.1. Prints one JSON summary line;
exits 0 when everything held. Every port is a free one; nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
# What a release (a git checkout, an image) does not carry; node_modules above all.
NOT_SHIPPED = (
    "node_modules",
    ".venv",
    "var",
    ".git",
    "test-artifacts",
    "staticfiles",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
)
WORKFLOW = "Ukentlig bestilling"
API = "/api/v1/workflow-automation"


class Failed(Exception):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate: Callable[[], Any], what: str, timeout: float = 90) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise Failed(f"timed out after {timeout:.0f} s waiting for {what}")


# --- The SMTP sink -------------------------------------------------------------------------


class Sink:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def recipients(self, message_id_prefix: str) -> list[str]:
        """Who got the messages whose Message-ID starts so (a run's step's: <wf-KEY.RUN.STEP.)."""
        with self.lock:
            return [
                m["To"]
                for m in self.messages
                if (m["Message-ID"] or "").startswith(message_id_prefix)
            ]

    def others(self, *prefixes: str) -> list[str]:
        with self.lock:
            return [
                f"{m['To']}: {m['Subject']}"
                for m in self.messages
                if not (m["Message-ID"] or "").startswith(prefixes)
            ]


# --- Processes -----------------------------------------------------------------------------


class Processes:
    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, args: list[str], env: dict[str, str], cwd: Path) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:
            self.running[name] = subprocess.Popen(
                args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def check_alive(self) -> None:
        for name, proc in self.running.items():
            if proc.poll() is not None:
                raise Failed(f"{name} exited ({proc.returncode}):\n{self.log(name)[-3000:]}")

    def stop(self) -> None:
        for proc in self.running.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.running.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


# --- HTTP, as the TLS-terminating proxy would pass it on -----------------------------------


def http(
    method: str, url: str, *, token: str = "", body: Any = None, timeout: float = 30
) -> tuple[int, Any]:
    headers = {"X-Forwarded-Proto": "https", "Accept": "application/json"}
    data = None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, kind = response.status, response.read(), response.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        status, raw, kind = error.code, error.read(), error.headers.get("Content-Type", "")
    if (kind or "").startswith("application/json"):
        return status, json.loads(raw or b"null")
    return status, raw.decode("utf-8", "replace")


# --- The environment -----------------------------------------------------------------------


def production_env(
    tmp: Path, *, database_url: str, redis_url: str, smtp_port: int
) -> tuple[dict[str, str], dict[str, str]]:
    """deploy/production.env with this machine's addresses, and throw-away secrets in files."""
    from cryptography.fernet import Fernet

    secrets_dir = tmp / "secrets"
    secrets_dir.mkdir()
    values = {
        "secret_key": secrets.token_urlsafe(50),
        "jwt_signing_key": secrets.token_urlsafe(50),
        "webhook_signing_secret": secrets.token_urlsafe(32),
        "metrics_token": secrets.token_urlsafe(24),
        "field_encryption_key": Fernet.generate_key().decode(),
    }
    for name, value in values.items():
        (secrets_dir / name).write_text(value)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
    }
    for line in (ROOT / "deploy" / "production.env").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.replace("/run/secrets", str(secrets_dir))
    env.update(
        {
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
            "SITE_URL": "https://127.0.0.1",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": redis_url,
            "CACHE_URL": redis_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "false",
            "ADMIN_EMAILS": "drift@example.invalid",
            "STATIC_ROOT": str(tmp / "static"),
            "VAR_DIR": str(tmp / "var"),
            # A quick tick and small batches: both workers get email batches to send.
            "WORKFLOW_DISPATCH_INTERVAL_S": "1",
            "WORKFLOW_EMAIL_BATCH_SIZE": "5",
            "WEB_CONCURRENCY": "2",
        }
    )
    return env, values


def _server_and_database(url: str, name: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    server = parts._replace(path="/postgres").geturl()
    return server, parts._replace(path=f"/{name}").geturl()


@contextlib.contextmanager
def throwaway_database(server_url: str) -> Iterator[str]:
    import psycopg

    name = f"workflow_production_check_{secrets.token_hex(4)}"
    admin, database_url = _server_and_database(server_url, name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def flushed_redis(url: str) -> Iterator[str]:
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()


def release_copy(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_SHIPPED), symlinks=True)
    return target


# --- The run -------------------------------------------------------------------------------


@dataclass
class Stage:
    """Which part of the check is under way: the summary names it when the check fails."""

    now: str = "setup"


def run(database_server: str, redis_url: str, tmp: Path, summary: dict[str, Any]) -> None:
    from aiosmtpd.controller import Controller

    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    (tmp / "logs").mkdir()
    processes = Processes(tmp / "logs")
    stage = Stage()
    try:
        with throwaway_database(database_server) as database_url, flushed_redis(redis_url):
            env, secret_values = production_env(
                tmp, database_url=database_url, redis_url=redis_url, smtp_port=smtp_port
            )
            release = _build_and_migrate(env, tmp, stage)
            base = _start_processes(processes, env, release)
            _wait_until_ready(base, processes, summary, stage)
            _connect_as_operator(env, release)
            _running_example(base, sink, processes, summary, secret_values)
            _check_static_files(base, summary, stage)
            stage.now = "JSON logs"
            _check_logs(processes, summary)
            summary["ok"] = True
    except Exception as exc:
        _record_failure(exc, summary, stage, processes)
        raise
    finally:
        processes.stop()
        controller.stop()


def _build_and_migrate(env: dict[str, str], tmp: Path, stage: Stage) -> Path:
    """Build where node_modules is, then migrate from the release copy, which has none."""
    stage.now = "build: collectstatic in the checkout (node_modules is here)"
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    release = release_copy(tmp / "release")
    assert not (release / "node_modules").exists()
    stage.now = "migrate"
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=release,
        env=env,
        check=True,
    )
    return release


def _worker_command(number: int) -> list[Any]:
    return [
        PYTHON,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "-n",
        f"worker{number}@%h",
        "-Q",
        "email,default,report",
        "--concurrency",
        "2",
        "--loglevel",
        "INFO",
    ]


def _start_processes(processes: Processes, env: dict[str, str], release: Path) -> dict[str, str]:
    """Two gunicorn web processes, two workers and beat, from the release; the web
    processes' base URLs by name."""
    webs = {"web1": free_port(), "web2": free_port()}
    for name, port in webs.items():
        processes.start(
            name,
            [PYTHON, "-m", "gunicorn", "-c", "python:config.gunicorn", "config.wsgi"],
            {**env, "PORT": str(port), "GUNICORN_BIND": f"127.0.0.1:{port}"},
            release,
        )
    for number in (1, 2):
        processes.start(f"worker{number}", _worker_command(number), env, release)
    processes.start(
        "beat",
        [PYTHON, "-m", "celery", "-A", "config", "beat", "--loglevel", "INFO"],
        env,
        release,
    )
    return {name: f"http://127.0.0.1:{port}" for name, port in webs.items()}


def _wait_until_ready(
    base: dict[str, str], processes: Processes, summary: dict[str, Any], stage: Stage
) -> None:
    stage.now = "both web processes ready (/readyz: database, broker, dispatcher, queues)"

    def ready() -> bool:
        processes.check_alive()
        try:
            return all(http("GET", f"{b}/readyz")[0] == 200 for b in base.values())
        except OSError:
            return False

    try:
        wait_for(ready, "/readyz to answer 200 on both web processes", timeout=120)
    except Failed:
        with contextlib.suppress(OSError):
            summary["readyz"] = http("GET", f"{base['web1']}/readyz")[1]
        raise
    summary["readyz"] = http("GET", f"{base['web2']}/readyz")[1]


def _connect_as_operator(env: dict[str, str], release: Path) -> None:
    """This process speaks to the same database with the same settings, as an operator's
    `manage.py shell` would: the demo data, and time passing."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(release))
    import django

    django.setup()


def _check_static_files(base: dict[str, str], summary: dict[str, Any], stage: Stage) -> None:
    stage.now = "static files served from STATIC_ROOT"
    status, _ = http("GET", f"{base['web1']}/static/vendor/htmx/htmx.min.js")
    if status != 200:
        raise Failed(f"htmx.min.js answered {status}")
    status, _ = http("GET", f"{base['web2']}/static/js/app.js")
    if status != 200:
        raise Failed(f"app.js answered {status}")
    summary["static"] = "ok"


def _record_failure(
    exc: Exception, summary: dict[str, Any], stage: Stage, processes: Processes
) -> None:
    """What failed where in the summary, and each process's last log lines on stderr."""
    summary["ok"] = False
    summary["failed_at"] = stage.now
    summary["error"] = f"{exc.__class__.__name__}: {exc}"
    for name in processes.running:
        with contextlib.suppress(OSError):
            tail = processes.log(name)[-2500:]
            print(f"----- {name} (last lines) -----\n{tail}", file=sys.stderr)


def _running_example(
    base: dict[str, str],
    sink: Sink,
    processes: Processes,
    summary: dict[str, Any],
    secret_values: dict[str, str],
) -> None:
    """docs/workflow-format.md's running example on the production processes: deployed
    through the API, Monday's forms, two orders and their confirmations, Thursday's reminders
    to the others, the run's status from both web processes, and /metrics."""
    from customers.models import Customer
    from executions.message_ids import message_id_prefix

    token, workflow_id = _deploy_example(base)
    run = _scheduled_run(workflow_id, processes)
    eligible = Customer.objects.filter(
        active=True, unsubscribed_at__isnull=True, suppressed_at__isnull=True
    )
    form_id, reminder_id = message_id_prefix(run.pk, 1), message_id_prefix(run.pk, 2)
    forms = _monday_forms(run, sink, eligible, form_id)
    ordered, confirmations = _two_orders(eligible, sink, form_id, reminder_id)
    reminders = _thursday_reminders(run, sink, eligible, ordered, reminder_id)
    for name in ("web1", "web2"):
        status, body = http("GET", f"{base[name]}{API}/executions/{run.pk}/status", token=token)
        if status != 200 or body.get("status") != "completed":
            raise Failed(f"{name}: execution status {status} {body}")
    summary.update(
        execution=run.pk,
        forms=len(forms),
        reminders=len(reminders),
        ordered=len(ordered),
        # Anything else that reached the sink besides the confirmations checked above (an
        # error mail to the admins, say): none expected.
        other_emails=[
            line for line in sink.others(form_id, reminder_id) if line not in confirmations
        ],
        confirmations=len(confirmations),
    )
    sent = len(forms) + len(reminders) + len(ordered)
    summary["metrics"] = _check_metrics(base, secret_values["metrics_token"], sent)


def _deploy_example(base: dict[str, str]) -> tuple[str, int]:
    """The demo data and an operator's account; the example workflow deployed through the API
    of one web process, then the other (a token works on every machine). Returns the token
    and the workflow's id."""
    from django.contrib.auth import get_user_model

    from automation.demo import demo_load

    demo_load()
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("drift", "drift@example.invalid", password)
    credentials = {"username": "drift", "password": password}
    status, tokens = http("POST", f"{base['web1']}/api/v1/auth/token", body=credentials)
    if status != 200:
        raise Failed(f"token: {status} {tokens}")
    token = tokens["access"]
    status, listing = http("GET", f"{base['web2']}{API}/workflows", token=token)
    if status != 200:
        raise Failed(f"workflow list: {status} {listing}")
    workflow_id = next(w["id"] for w in listing["results"] if w["name"] == WORKFLOW)
    deploy_url = f"{base['web2']}{API}/workflows/{workflow_id}/deploy"
    status, deployed = http("PUT", deploy_url, token=token)
    if status not in (200, 201):
        raise Failed(f"deploy: {status} {deployed}")
    return token, workflow_id


def _scheduled_run(workflow_id: int, processes: Processes) -> Any:
    """Monday 09:00 arrives: the schedule is due now, and beat's dispatcher takes it. Returns
    the run, waiting for Monday 09:00."""
    from django.utils import timezone

    from automation.models import WorkflowDefinition
    from executions.models import WorkflowExecution

    workflow = WorkflowDefinition.objects.get(pk=workflow_id)
    workflow.schedule.next_run = timezone.now() - timedelta(seconds=1)
    workflow.schedule.save(update_fields=["next_run"])

    def execution() -> WorkflowExecution | None:
        processes.check_alive()
        return WorkflowExecution.objects.filter(workflow=workflow).first()

    run = wait_for(execution, "the dispatcher to start the run")
    wait_for(
        lambda: _status(run) == WorkflowExecution.Status.WAITING,
        "the run to wait for Monday 09:00",
    )
    return run


def _monday_forms(run: Any, sink: Sink, eligible: Any, form_id: str) -> list[str]:
    """Monday 09:00 passes: the order form goes to every eligible customer, and the run waits
    for Thursday. Returns the forms' recipients."""
    from executions.models import WorkflowExecution

    _time_passes(run)
    wait_for(lambda: len(sink.recipients(form_id)) >= eligible.count(), "the forms", timeout=120)
    wait_for(
        lambda: _status(run) == WorkflowExecution.Status.WAITING,
        "the run to wait for Thursday 15:00",
    )
    forms = sorted(sink.recipients(form_id))
    if forms != sorted(c.email for c in eligible):
        raise Failed(f"the forms went to {forms}")
    return forms


def _two_orders(
    eligible: Any, sink: Sink, form_id: str, reminder_id: str
) -> tuple[list[Any], list[str]]:
    """Two customers order between the form and the reminder; the demo's active
    "Ordrebekreftelse" workflow confirms each of these orders by email. Returns the two
    customers and the confirmations ("address: subject")."""
    from django.utils import timezone

    from customers.models import Order
    from customers.services import order_create

    ordered = list(eligible.order_by("pk")[:2])
    for customer in ordered:
        order_create(
            customer=customer,
            lines=[{"sku": "MEL-25", "name": "Hvetemel 25 kg", "quantity": 2}],
            source=Order.Source.ORDER_FORM,
            created_at=timezone.now(),
        )
    wait_for(
        lambda: len(sink.others(form_id, reminder_id)) >= len(ordered),
        "the order confirmations",
        timeout=120,
    )
    confirmations = sink.others(form_id, reminder_id)
    if sorted(line.split(":")[0] for line in confirmations) != sorted(c.email for c in ordered):
        raise Failed(f"the order confirmations were {confirmations}")
    return ordered, confirmations


def _thursday_reminders(
    run: Any, sink: Sink, eligible: Any, ordered: list[Any], reminder_id: str
) -> list[str]:
    """Thursday 15:00 passes: the reminder goes to the eligible customers who did not order,
    and the run completes. Returns the reminders' recipients."""
    from executions.models import WorkflowExecution

    _time_passes(run)
    wait_for(
        lambda: _status(run) == WorkflowExecution.Status.COMPLETED, "the reminders", timeout=120
    )
    reminders = sorted(sink.recipients(reminder_id))
    expected = sorted(c.email for c in eligible if c not in ordered)
    if reminders != expected:
        raise Failed(f"the reminders went to {reminders}, not {expected}")
    return reminders


def _check_metrics(base: dict[str, str], metrics_token: str, sent: int) -> dict[str, Any]:
    """/metrics with the token, from either web process: the same numbers. ``sent``: the
    emails the example sent. Returns what the summary shows of them.

    A worker sends its step durations to Redis within ``stepstats.FLUSH_S`` and a web process
    keeps a scrape for ``METRICS_CACHE_S``, so the numbers may lag the run by a few seconds:
    scraped until they agree, for at most 30 s; then the last scrape's difference is the
    failure."""
    status, _ = http("GET", f"{base['web1']}/metrics")
    if status != 401:
        raise Failed(f"/metrics without the token answered {status}")
    deadline = time.monotonic() + 30
    while True:
        try:
            return _metrics_agree(base, metrics_token, sent)
        except Failed:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _metrics_agree(base: dict[str, str], metrics_token: str, sent: int) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{base['web1']}/metrics", headers={"Authorization": f"Bearer {metrics_token}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    samples = _samples(text)
    emails = samples.get(("workflow_emails", (("status", "success"),)))
    if emails != sent:
        raise Failed(f"workflow_emails{{status=success}} is {emails}")
    completed = samples.get(("workflow_executions", (("status", "completed"),)))
    if not completed or completed < 1:
        raise Failed("workflow_executions{status=completed} is missing")
    steps = sum(
        value
        for (name, labels), value in samples.items()
        if name == "workflow_step_duration_seconds_count" and ("step_type", "send_email") in labels
    )
    if steps < 2:
        raise Failed(f"send_email steps in the histogram: {steps}")
    return {"emails_success": emails, "send_email_steps": steps}


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    from prometheus_client.parser import text_string_to_metric_families

    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _status(execution: Any) -> str:
    execution.refresh_from_db()
    return execution.status


def _time_passes(execution: Any) -> None:
    """The wait the execution is in is over, as the clock would make it (tests/e2e does the
    same): move its computed target into the past; the dispatcher resumes it."""
    from django.utils import timezone

    from executions.models import WorkflowExecution

    execution.refresh_from_db()
    past = timezone.now() - timedelta(seconds=1)
    waits = execution.context.get("waits", {})
    waits[str(execution.current_step)] = past.isoformat()
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        resume_at=past, context={**execution.context, "waits": waits}
    )


def _check_logs(processes: Processes, summary: dict[str, Any]) -> None:
    """LOG_FORMAT=json: the workers' log lines are JSON objects, the run's carry its id."""
    run_id = summary["execution"]
    with_id = 0
    for name in ("worker1", "worker2"):
        for line in processes.log(name).splitlines():
            if not line.startswith("{"):
                continue  # Celery's start-up banner is printed, not logged
            record = json.loads(line)
            if not {"time", "level", "logger", "message"} <= set(record):
                raise Failed(f"{name}: a log line without the standard fields: {line}")
            if record.get("execution_id") == run_id:
                with_id += 1
    if not with_id:
        raise Failed("no worker log line names the execution")
    access = [
        json.loads(line)
        for line in processes.log("web1").splitlines()
        if line.startswith("{") and "/readyz" in line
    ]
    if not access:
        raise Failed("gunicorn's access lines are not JSON")
    summary["log_lines_with_execution_id"] = with_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_db = os.environ.get("TEST_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/"
    parser.add_argument("--database-url", default=default_db)
    parser.add_argument(
        "--redis-url", default=os.environ.get("TEST_REDIS_URL") or "redis://127.0.0.1:6379/15"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="production-check-"))
    summary: dict[str, Any] = {"check": "production", "folder": str(tmp)}
    started = time.monotonic()
    try:
        run(args.database_url, args.redis_url, tmp, summary)
    except Exception:
        pass
    finally:
        summary["seconds"] = round(time.monotonic() - started, 1)
        print(json.dumps(summary, default=str))
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0 if summary.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
