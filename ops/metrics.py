"""Prometheus metrics at ``/metrics``, the same from any web process on any machine.

What can be counted in the database or the broker is read from there when scraped (cached for
``METRICS_CACHE_S`` per process), not kept in a process's memory: several gunicorn workers on
several machines would each count only their own share. Step durations are a histogram that
every worker adds to in Redis (ops/stepstats.py).

Access (``METRICS_TOKEN``, ``METRICS_ALLOWED_IPS``): a bearer token, source addresses, or both;
with neither, production answers 404 (metrics off) and development serves them to anyone.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from automation.registry import step_type_keys
from ops import stepstats
from ops.health import QUEUES, celery_app

logger = logging.getLogger(__name__)


def _customer_email_actions() -> list[str]:
    """The step types whose action-log rows are emails to customers (the registry says)."""
    return sorted(step_type_keys(lambda cls: cls.emails_customers))


def queue_depths() -> dict[str, int]:
    """Messages waiting in each of our queues, as the broker counts them (kombu's passive
    declare: every priority level of a Redis queue; not those a worker holds)."""
    app = celery_app()
    depths: dict[str, int] = {}
    with app.connection_for_read() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        channel = conn.default_channel
        for queue in QUEUES:
            try:
                depths[queue] = int(channel.queue_declare(queue=queue, passive=True).message_count)
            except Exception:  # a queue nobody declared yet holds nothing
                depths[queue] = 0
    return depths


def database_snapshot() -> dict[str, Any]:
    from automation.models import WorkflowSchedule
    from executions.models import WorkflowActionLog, WorkflowExecution
    from ops.models import Heartbeat
    from ops.signals import DISPATCHER

    now = timezone.now()
    executions = dict(
        WorkflowExecution.objects.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    emails = dict(
        WorkflowActionLog.objects.filter(action_type__in=_customer_email_actions())
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    unknown = dict(
        WorkflowActionLog.objects.filter(status=WorkflowActionLog.Status.UNKNOWN)
        .order_by()
        .values_list("action_type")
        .annotate(n=Count("pk"))
        .values_list("action_type", "n")
    )
    # The oldest work that is due and not yet dispatched: a schedule whose run time has come,
    # or a durable wait that is over. 0 when the dispatcher keeps up.
    due = [
        WorkflowSchedule.objects.filter(next_run__lte=now).aggregate(at=Min("next_run"))["at"],
        WorkflowExecution.objects.filter(
            status=WorkflowExecution.Status.WAITING, resume_at__lte=now
        ).aggregate(at=Min("resume_at"))["at"],
    ]
    oldest = min((at for at in due if at is not None), default=None)
    beat = Heartbeat.objects.filter(name=DISPATCHER).first()
    return {
        "executions": executions,
        "emails": emails,
        "unknown": unknown,
        "dispatch_lag_s": (now - oldest).total_seconds() if oldest else 0.0,
        "dispatcher_age_s": (now - beat.at).total_seconds() if beat else None,
    }


class _Cached:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._at = -1e9
        self._value: dict[str, Any] = {}

    def get(self) -> dict[str, Any]:
        with self._lock:
            if time.monotonic() - self._at > float(getattr(settings, "METRICS_CACHE_S", 5)):
                self._value = self._collect()
                self._at = time.monotonic()
            return self._value

    def clear(self) -> None:
        with self._lock:
            self._at = -1e9

    @staticmethod
    def _collect() -> dict[str, Any]:
        value: dict[str, Any] = {"errors": []}
        try:
            value.update(database_snapshot())
        except Exception as exc:
            logger.warning("metrics: the database could not be read: %s", exc)
            value["errors"].append("database")
        try:
            value["queues"] = queue_depths()
        except Exception as exc:
            logger.warning("metrics: the broker could not be read: %s", exc)
            value["errors"].append("broker")
        try:
            value["steps"] = stepstats.snapshot()
        except Exception as exc:
            logger.warning("metrics: step durations could not be read: %s", exc)
            value["errors"].append("step_durations")
        return value


snapshot_cache = _Cached()


class WorkflowCollector:
    def collect(self) -> Iterator[Any]:
        data = snapshot_cache.get()
        statuses = [s.value for s in _execution_statuses()]
        if "executions" in data:
            family = GaugeMetricFamily(
                "workflow_executions", "Workflow executions by status.", labels=["status"]
            )
            for status in statuses:
                family.add_metric([status], data["executions"].get(status, 0))
            yield family
            family = GaugeMetricFamily(
                "workflow_emails",
                "Emails to customers by status (pending: claimed, not yet sent; unknown: the "
                "outcome was lost in a crash and is never resent blindly).",
                labels=["status"],
            )
            for status in _action_statuses():
                family.add_metric([status], data["emails"].get(status, 0))
            yield family
            family = GaugeMetricFamily(
                "workflow_unknown_outcomes",
                "Actions whose outcome is unknown (a crash between sending and recording); "
                "someone must check them, e.g. in the mail server's log.",
                labels=["action_type"],
            )
            for action_type, count in sorted(data["unknown"].items()) or [
                (_customer_email_actions()[0], 0)
            ]:
                family.add_metric([action_type], count)
            yield family
            yield GaugeMetricFamily(
                "workflow_dispatch_lag_seconds",
                "How long the oldest due schedule or finished wait has waited to be dispatched.",
                value=data["dispatch_lag_s"],
            )
            if data["dispatcher_age_s"] is not None:
                yield GaugeMetricFamily(
                    "workflow_dispatcher_last_run_age_seconds",
                    "Seconds since the dispatcher last finished a tick.",
                    value=data["dispatcher_age_s"],
                )
        if "queues" in data:
            family = GaugeMetricFamily(
                "workflow_queue_depth", "Messages waiting in each Celery queue.", labels=["queue"]
            )
            for queue, depth in sorted(data["queues"].items()):
                family.add_metric([queue], depth)
            yield family
        if "steps" in data:
            family = HistogramMetricFamily(
                "workflow_step_duration_seconds",
                "How long a step type ran inside the engine (an email step: until its batches "
                "are queued), by outcome (error: it raised).",
                labels=["step_type", "outcome"],
            )
            bounds = stepstats.bucket_bounds()
            for (step_type, outcome), (counts, total) in sorted(data["steps"].items()):
                cumulative, buckets = 0.0, []
                for bound, count in zip(bounds, counts, strict=True):
                    cumulative += count
                    buckets.append((bound, cumulative))
                family.add_metric([step_type, outcome], buckets, total)
            yield family
        family = GaugeMetricFamily(
            "workflow_metrics_source_up",
            "1 when this scrape could read the source, 0 when it could not.",
            labels=["source"],
        )
        for source in ("database", "broker", "step_durations"):
            family.add_metric([source], 0 if source in data["errors"] else 1)
        yield family


def _execution_statuses() -> list[Any]:
    from executions.models import WorkflowExecution

    return list(WorkflowExecution.Status)


def _action_statuses() -> list[str]:
    from executions.models import WorkflowActionLog

    return [s.value for s in WorkflowActionLog.Status]


def _client_allowed(request: HttpRequest, networks: list[str]) -> bool:
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    for network in networks:
        try:
            if address in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            logger.warning("METRICS_ALLOWED_IPS: %r is not an address or network", network)
    return False


def _refusal(request: HttpRequest) -> HttpResponse | None:
    token = getattr(settings, "METRICS_TOKEN", "")
    networks = getattr(settings, "METRICS_ALLOWED_IPS", [])
    if not token and not networks:
        if settings.DEBUG:
            return None  # development: nothing to protect, nothing to configure
        return HttpResponse("Not found.\n", status=404, content_type="text/plain")
    if networks and not _client_allowed(request, networks):
        return HttpResponse("Forbidden.\n", status=403, content_type="text/plain")
    if token:
        given = request.headers.get("Authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), token.encode()
        ):
            response = HttpResponse("Unauthorized.\n", status=401, content_type="text/plain")
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    return None


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    refusal = _refusal(request)
    if refusal is not None:
        return refusal
    registry = CollectorRegistry(auto_describe=False)
    registry.register(WorkflowCollector())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
