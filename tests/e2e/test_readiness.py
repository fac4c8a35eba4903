"""/readyz against the real parts: PostgreSQL, Redis as the broker, real Celery workers.

The checks run in threads of the view's executor, so every test's data is committed
(transactional_db, as the worker fixtures need anyway).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from ops.health import consumer_cache
from ops.models import Heartbeat
from ops.signals import DISPATCH_TASK, DISPATCHER
from tests.e2e.conftest import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.slow]
QUEUE_CHECKS = ["queue:default", "queue:email", "queue:report"]


@pytest.fixture(autouse=True)
def _setup(settings, transactional_db, redis_url):
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs Redis as the broker")
    settings.READYZ_CELERY_TIMEOUT_S = 1.0
    settings.READYZ_CELERY_CACHE_S = 300  # only clear() asks again, within a test
    # A transactional test starts from an empty database: the migration's periodic task too.
    interval, _ = IntervalSchedule.objects.get_or_create(every=10, period="seconds")
    PeriodicTask.objects.get_or_create(
        name="dispatch-due-workflows", defaults={"task": DISPATCH_TASK, "interval": interval}
    )
    consumer_cache.clear()
    yield
    consumer_cache.clear()


def _ready(client) -> tuple[int, dict]:
    consumer_cache.clear()
    response = client.get("/readyz")
    return response.status_code, response.json()


def test_not_ready_names_each_missing_part(client, mailoutbox):
    status, body = _ready(client)
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"] == "ok"
    assert sorted(body["failed"]) == sorted(["dispatcher", *QUEUE_CHECKS])
    assert "has not run yet" in body["checks"]["dispatcher"]
    assert "'email'" in body["checks"]["queue:email"]
    # An answer, not a server error: no "[Django] ERROR" mail to the admins on every poll.
    assert mailoutbox == []


def test_ready_when_the_dispatcher_ran_and_every_queue_has_a_worker(client, celery_worker):
    from executions.tasks import dispatch_due_task

    # Beat's job, done by hand: the worker runs the dispatcher, which leaves its heartbeat.
    dispatch_due_task.apply_async(queue="default")
    wait_for(lambda: Heartbeat.objects.filter(name=DISPATCHER).exists(), what="the heartbeat")
    status, body = _ready(client)
    assert status == 200, body
    assert body == {
        "status": "ready",
        "checks": {
            "database": "ok",
            "broker": "ok",
            "dispatcher": "ok",
            "queue:default": "ok",
            "queue:email": "ok",
            "queue:report": "ok",
        },
    }


def test_a_queue_without_a_consumer_is_named(client, start_worker):
    Heartbeat.objects.create(name=DISPATCHER, at=timezone.now())
    start_worker(queues="default,email")
    status, body = _ready(client)
    assert status == 503
    assert body["failed"] == ["queue:report"]


def test_a_dispatcher_silent_for_more_than_three_ticks_is_named(client, celery_worker):
    Heartbeat.objects.create(name=DISPATCHER, at=timezone.now() - timedelta(seconds=15))
    status, body = _ready(client)
    assert status == 200, body
    Heartbeat.objects.filter(name=DISPATCHER).update(at=timezone.now() - timedelta(seconds=45))
    status, body = _ready(client)
    assert status == 503
    assert body["failed"] == ["dispatcher"]
    assert "more than 3 ticks of 10 s" in body["checks"]["dispatcher"]
    # The tick is the periodic task's interval, as edited in the admin.
    task = PeriodicTask.objects.get(task=DISPATCH_TASK)
    task.interval, _ = IntervalSchedule.objects.get_or_create(every=60, period="seconds")
    task.save()
    assert _ready(client)[0] == 200
    task.enabled = False
    task.save()
    status, body = _ready(client)
    assert body["failed"] == ["dispatcher"]
    assert "disabled" in body["checks"]["dispatcher"]


def test_the_broker_being_down_is_named(client, monkeypatch):
    from config.celery import app

    Heartbeat.objects.create(name=DISPATCHER, at=timezone.now())
    for name in ("broker_url", "broker_read_url", "broker_write_url"):
        monkeypatch.setattr(app.conf, name, "redis://127.0.0.1:9/0")  # nothing listens there
    status, body = _ready(client)
    assert status == 503
    assert "broker" in body["failed"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["dispatcher"] == "ok"


def test_the_workers_are_asked_at_most_once_per_cache_period(client, celery_worker):
    """Polling every few seconds costs no broadcast each time: the answer is kept."""
    Heartbeat.objects.create(name=DISPATCHER, at=timezone.now())
    assert _ready(client)[0] == 200
    celery_worker.stop()
    # Within READYZ_CELERY_CACHE_S the kept answer stands ...
    assert client.get("/readyz").status_code == 200
    # ... and the next question finds no worker.
    status, body = _ready(client)
    assert status == 503
    assert sorted(body["failed"]) == QUEUE_CHECKS
