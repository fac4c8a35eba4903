"""Readiness: ``/readyz`` answers 200 when this web process can do its work and the rest of
the system is there to carry it out, 503 naming each part that is not.

``/healthz`` (config/urls.py) stays liveness: the process answers, nothing else is asked.

The checks are django-health-check's where it has one (database, cache) and ours, on its base
class, where the question is this product's (the broker through kombu, whatever the transport;
the dispatcher's heartbeat; a live consumer on each of our queues). Cheap enough to poll
every few seconds: the database and the broker are each asked one trivial question; the
Celery workers are asked (a broadcast that waits ``READYZ_CELERY_TIMEOUT_S`` for their
answers) at most once per ``READYZ_CELERY_CACHE_S`` in each process, and every check has its
own timeout.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views import View
from health_check.base import HealthCheck, HealthCheckResult
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable

from ops.signals import DISPATCH_TASK, DISPATCHER

QUEUES = ("default", "email", "report")


def celery_app() -> Any:
    """The project's Celery app (config/celery.py, loaded with the settings package), taken as
    Celery's current app: ops sits below config and does not import it."""
    from celery import current_app

    return current_app._get_current_object()


def _seconds(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (any kombu transport; Redis answers a PING)."""

    timeout = datetime.timedelta(seconds=2)

    def run(self) -> None:
        app = celery_app()
        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
                client = getattr(conn.default_channel, "client", None)
                if client is not None and hasattr(client, "ping"):
                    client.ping()  # Redis: a connection alone proves little
        except Exception as exc:
            raise ServiceUnavailable(f"broker unreachable ({exc.__class__.__name__})") from exc


def dispatch_interval_s() -> float | None:
    """The dispatcher's tick: its periodic task's interval (editable in the admin), or None
    when that task is disabled or gone."""
    from django_celery_beat.models import PeriodicTask

    task = (
        PeriodicTask.objects.filter(task=DISPATCH_TASK, enabled=True)
        .select_related("interval")
        .order_by("pk")
        .first()
    )
    if task is None:
        return None
    if task.interval is not None:
        return task.interval.schedule.run_every.total_seconds()
    return float(settings.WORKFLOW_DISPATCH_INTERVAL_S)


@dataclasses.dataclass
class Dispatcher(HealthCheck):
    """The dispatcher finished a tick within the last three ticks (a worker ran it)."""

    ticks: int = dataclasses.field(default=3, repr=False)

    def run(self) -> None:
        from django.db import connection

        try:
            self._check()
        finally:
            # Checks run in a thread of the event loop's executor: its connection is this
            # thread's and would outlive the request (as the library's Database check avoids).
            connection.close()

    def _check(self) -> None:
        from ops.models import Heartbeat

        interval = dispatch_interval_s()
        if interval is None:
            raise ServiceUnavailable("the dispatch periodic task is disabled or missing")
        beat = Heartbeat.objects.filter(name=DISPATCHER).first()
        if beat is None:
            raise ServiceUnavailable("the dispatcher has not run yet")
        age = (timezone.now() - beat.at).total_seconds()
        if age > self.ticks * interval:
            raise ServiceUnavailable(
                f"the dispatcher last ran {age:.0f} s ago, more than {self.ticks} ticks "
                f"of {interval:g} s"
            )


class _ConsumerCache:
    """The queues Celery workers consume, asked at most once per READYZ_CELERY_CACHE_S in this
    process (a broadcast that waits its whole timeout for answers); one asker at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._at = -1e9
        self._value: dict[str, int] | Exception = {}

    def consumers(self) -> dict[str, int]:
        with self._lock:
            if time.monotonic() - self._at > _seconds("READYZ_CELERY_CACHE_S", 10):
                self._value = self._ask()
                self._at = time.monotonic()
            if isinstance(self._value, Exception):
                raise self._value
            return self._value

    def clear(self) -> None:
        with self._lock:
            self._at = -1e9

    @staticmethod
    def _ask() -> dict[str, int] | Exception:
        app = celery_app()
        try:
            replies = app.control.inspect(
                timeout=_seconds("READYZ_CELERY_TIMEOUT_S", 1.0)
            ).active_queues()
        except Exception as exc:
            return ServiceUnavailable(f"cannot ask the workers ({exc.__class__.__name__})")
        counts: dict[str, int] = {}
        for queues in (replies or {}).values():
            for queue in queues or []:
                name = queue.get("name")
                if name:
                    counts[name] = counts.get(name, 0) + 1
        return counts


consumer_cache = _ConsumerCache()


@dataclasses.dataclass
class QueueConsumer(HealthCheck):
    """At least one live Celery worker consumes ``queue``."""

    queue: str = "default"
    timeout = datetime.timedelta(seconds=5)

    def run(self) -> None:
        if not consumer_cache.consumers().get(self.queue):
            raise ServiceUnavailable(f"no live worker consumes the {self.queue!r} queue")


def readiness_checks() -> list[tuple[str, HealthCheck]]:
    checks: list[tuple[str, HealthCheck]] = [
        ("database", Database()),
        ("broker", Broker()),
    ]
    if getattr(settings, "CACHE_URL", ""):
        # Shared state of every web process (webhook replay ids): not optional when set.
        checks.append(("cache", Cache()))
    checks.append(("dispatcher", Dispatcher()))
    checks += [(f"queue:{queue}", QueueConsumer(queue=queue)) for queue in QUEUES]
    return checks


async def _run_all(checks: list[HealthCheck]) -> list[HealthCheckResult]:
    return await asyncio.gather(*(check.get_result() for check in checks))


def run_checks(checks: list[HealthCheck]) -> list[HealthCheckResult]:
    """Run django-health-check's checks concurrently (each with its own timeout), on an event
    loop of their own in a thread of their own: a sync view, so it works whatever the calling
    thread holds (gunicorn's sync workers have no loop; a thread with a running loop, as in
    tests beside Playwright, could not start another)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="readyz") as pool:
        return pool.submit(asyncio.run, _run_all(checks)).result()


class ReadinessView(View):
    """``{"status": "ready" | "unavailable", "checks": {name: "ok" | reason}}``, 200 or 503."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        named = readiness_checks()
        results = run_checks([check for _, check in named])
        report = {
            name: ("ok" if result.error is None else str(result.error))
            for (name, _), result in zip(named, results, strict=True)
        }
        failed = [name for (name, _), result in zip(named, results, strict=True) if result.error]
        body: dict[str, Any] = {"status": "unavailable" if failed else "ready", "checks": report}
        if failed:
            body["failed"] = failed
        response = JsonResponse(body, status=503 if failed else 200)
        add_never_cache_headers(response)
        # A 503 here is an answer, not an error of ours: Django would log it as one and mail
        # the admins on every poll while, say, a worker restarts. Each failed check is logged
        # (as a warning) by django-health-check already.
        response._has_been_logged = True  # type: ignore[attr-defined]
        return response
