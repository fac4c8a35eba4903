"""/metrics: Prometheus text from the database, the broker and the shared step histogram,
protected by METRICS_TOKEN / METRICS_ALLOWED_IPS and off in production when neither is set."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from automation.demo import demo_load
from automation.models import WorkflowDefinition
from customers.models import Customer
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.signals import step_run
from ops import stepstats
from ops.metrics import snapshot_cache

Status = WorkflowExecution.Status


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_IPS = []
    snapshot_cache.clear()
    yield
    snapshot_cache.clear()


def _samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    samples = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def _get(client, **extra):
    return client.get("/metrics", **extra)


# --- Access --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_production_without_a_token_or_addresses_has_no_metrics(client, settings):
    settings.DEBUG = False
    assert _get(client).status_code == 404


@pytest.mark.django_db
def test_development_serves_them_without_configuration(client, settings):
    settings.DEBUG = True
    response = _get(client)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "workflow_executions" in response.content.decode()


@pytest.mark.django_db
def test_a_bearer_token_is_required_when_set(client, settings):
    settings.DEBUG = False
    settings.METRICS_TOKEN = "s3cret-token"
    missing = _get(client)
    assert missing.status_code == 401 and missing["WWW-Authenticate"].startswith("Bearer")
    assert _get(client, HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert _get(client, HTTP_AUTHORIZATION="Basic s3cret-token").status_code == 401
    assert _get(client, HTTP_AUTHORIZATION="Bearer s3cret-token").status_code == 200


@pytest.mark.django_db
def test_allowed_addresses_and_networks(client, settings):
    settings.DEBUG = False
    settings.METRICS_ALLOWED_IPS = ["10.1.2.3", "192.168.7.0/24"]
    assert _get(client, REMOTE_ADDR="10.1.2.4").status_code == 403
    assert _get(client, REMOTE_ADDR="10.1.2.3").status_code == 200
    assert _get(client, REMOTE_ADDR="192.168.7.200").status_code == 200
    # Both set: both are required.
    settings.METRICS_TOKEN = "t"
    assert _get(client, REMOTE_ADDR="10.1.2.3").status_code == 401
    assert _get(client, REMOTE_ADDR="10.1.2.4", HTTP_AUTHORIZATION="Bearer t").status_code == 403
    assert _get(client, REMOTE_ADDR="10.1.2.3", HTTP_AUTHORIZATION="Bearer t").status_code == 200


# --- Content -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_executions_emails_unknown_outcomes_and_dispatch_lag(client, settings):
    settings.DEBUG = True
    demo_load()
    workflow = WorkflowDefinition.objects.get(name="Ukentlig bestilling")
    customers = list(Customer.objects.order_by("pk")[:5])
    statuses = [Status.COMPLETED, Status.COMPLETED, Status.FAILED, Status.WAITING, Status.QUEUED]
    executions = [
        WorkflowExecution.objects.create(workflow=workflow, trigger="manual", status=status)
        for status in statuses
    ]
    email_statuses = ["success", "success", "success", "failed", "unknown"]
    for customer, status in zip(customers, email_statuses, strict=True):
        WorkflowActionLog.objects.create(
            execution=executions[0],
            step_order=1,
            action_type="send_email",
            target_type="customer",
            target_id=customer.pk,
            status=status,
        )
    # A wait that ended two minutes ago and nobody resumed: the dispatcher is behind.
    WorkflowExecution.objects.filter(pk=executions[3].pk).update(
        resume_at=timezone.now() - timedelta(seconds=120)
    )
    # Schedules of this test are in the future; only the wait is overdue.
    workflow.schedule.next_run = timezone.now() + timedelta(days=1)
    workflow.schedule.save(update_fields=["next_run"])

    samples = _samples(_get(client).content.decode())

    assert samples[("workflow_executions", (("status", "completed"),))] == 2
    assert samples[("workflow_executions", (("status", "failed"),))] == 1
    assert samples[("workflow_executions", (("status", "paused"),))] == 0
    assert samples[("workflow_emails", (("status", "success"),))] == 3
    assert samples[("workflow_emails", (("status", "failed"),))] == 1
    assert samples[("workflow_emails", (("status", "unknown"),))] == 1
    assert samples[("workflow_unknown_outcomes", (("action_type", "send_email"),))] == 1
    assert samples[("workflow_dispatch_lag_seconds", ())] >= 120
    assert samples[("workflow_metrics_source_up", (("source", "database"),))] == 1


@pytest.mark.django_db
def test_queue_depth_per_queue_from_the_broker(client, settings, redis_url):
    from config.celery import app

    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs Redis as the broker")
    settings.DEBUG = True
    app.control.purge()
    try:
        for _ in range(3):
            app.send_task("executions.tasks.step_work_task", args=[0, 1, "report"], queue="report")
        app.send_task("executions.tasks.alert_failed_execution_task", args=[0], queue="email")
        samples = _samples(_get(client).content.decode())
    finally:
        app.control.purge()
    assert samples[("workflow_queue_depth", (("queue", "report"),))] == 3
    assert samples[("workflow_queue_depth", (("queue", "email"),))] == 1
    assert samples[("workflow_queue_depth", (("queue", "default"),))] == 0
    assert samples[("workflow_metrics_source_up", (("source", "broker"),))] == 1


@pytest.mark.django_db
def test_step_durations_are_a_histogram_shared_through_redis(client, settings, redis_url):
    settings.DEBUG = True
    stepstats.reset()
    try:
        for _ in range(3):
            with step_run("create_order", execution_id=1, step_order=2):
                pass
        with pytest.raises(RuntimeError), step_run("call_integration", 1, 3):
            raise RuntimeError("the integration is down")
        if settings.CELERY_BROKER_URL.startswith("redis://"):
            # What another process (a worker on another machine) wrote is there too.
            from ops.stepstats import KEY, _redis

            _redis().hincrby(KEY, "send_email|ok|13", 2)
            _redis().hincrbyfloat(KEY, "send_email|ok|sum", 400.0)
        samples = _samples(_get(client).content.decode())
    finally:
        stepstats.reset()
    name = "workflow_step_duration_seconds"
    ok = (("outcome", "ok"), ("step_type", "create_order"))
    assert samples[(f"{name}_count", ok)] == 3
    assert samples[(f"{name}_bucket", ((("le", "+Inf"), *ok)))] == 3
    error = (("outcome", "error"), ("step_type", "call_integration"))
    assert samples[(f"{name}_count", error)] == 1
    if settings.CELERY_BROKER_URL.startswith("redis://"):
        slow = (("outcome", "ok"), ("step_type", "send_email"))
        assert samples[(f"{name}_count", slow)] == 2
        assert samples[(f"{name}_bucket", (("le", "60.0"), *slow))] == 0
        assert samples[(f"{name}_bucket", (("le", "300.0"), *slow))] == 2
        assert samples[(f"{name}_sum", slow)] == 400.0


def test_step_durations_go_to_redis_together_within_a_second(settings, redis_url, monkeypatch):
    """Not one round trip per step (issue 24): a process's observations wait up to FLUSH_S
    and go in one pipeline; its own snapshot has them at once, others' within FLUSH_S."""
    import time

    from ops.stepstats import KEY, _redis

    settings.CELERY_BROKER_URL = redis_url
    monkeypatch.setattr(stepstats, "FLUSH_S", 0.3)
    stepstats.reset()
    try:
        for seconds in (0.001, 0.002, 0.03):
            stepstats.observe("send_email", seconds, True)
        stepstats.observe("create_order", 0.2, False)
        raw = _redis().hgetall(KEY)
        assert raw == {}  # nothing sent yet
        mine = stepstats.snapshot()
        assert sum(mine[("send_email", "ok")][0]) == 3
        assert sum(mine[("create_order", "error")][0]) == 1

        deadline = time.monotonic() + 5
        while not raw and time.monotonic() < deadline:
            time.sleep(0.05)
            raw = _redis().hgetall(KEY)
        fields = {field.decode(): float(value) for field, value in raw.items()}
        assert fields["send_email|ok|0"] == 2 and fields["send_email|ok|3"] == 1
        assert fields["create_order|error|5"] == 1
        assert abs(fields["send_email|ok|sum"] - 0.033) < 1e-9
        # Sent once: this process no longer adds them to what Redis has.
        assert sum(stepstats.snapshot()[("send_email", "ok")][0]) == 3
    finally:
        stepstats.reset()
