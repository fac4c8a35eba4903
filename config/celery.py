"""The Celery app: three queues, late acknowledgement, one message at a time per process."""

from __future__ import annotations

import os
from typing import Any

from celery import Celery
from celery.signals import task_postrun, task_prerun
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("workflow_automation")
app.config_from_object("django.conf:settings", namespace="CELERY")

app.conf.update(
    task_queues=(
        Queue("email", routing_key="email", queue_arguments={"x-max-priority": 10}),
        Queue("default", routing_key="default", queue_arguments={"x-max-priority": 10}),
        Queue("report", routing_key="report", queue_arguments={"x-max-priority": 10}),
    ),
    task_default_queue="default",
    task_default_routing_key="default",
    task_default_priority=5,
    # A step's fanned-out work goes to its step type's queue (StepType.queue), named when
    # it is enqueued; alerts ride the high-priority email queue.
    task_routes={"executions.tasks.alert_failed_execution_task": {"queue": "email"}},
    # A message is acknowledged only when its task has finished, and given back to the queue
    # when the worker process dies, so no work is lost; every task is therefore idempotent.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_track_started=True,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
)

app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def _close_old_database_connections(sender: Any = None, **kwargs: Any) -> None:
    """A task is to a worker what a request is to the web server: before and after it, drop
    the database connections that are too old (CONN_MAX_AGE), broken after an error or left
    in a transaction, as Django does around every request. The rest are reused, instead of
    the new connection per task that Celery's fixup would make (see CELERY_DB_REUSE_MAX)."""
    from django.db import close_old_connections

    if getattr(getattr(sender, "request", None), "is_eager", False):
        return  # an eager task runs inside its caller's request or transaction
    close_old_connections()
