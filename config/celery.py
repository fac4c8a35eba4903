"""The Celery app: three queues, late acknowledgement, one message at a time per process."""

from __future__ import annotations

import os

from celery import Celery
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
    task_routes={
        "executions.tasks.send_email_batch_task": {"queue": "email"},
        "executions.tasks.alert_failed_execution_task": {"queue": "email"},
        "executions.tasks.generate_report_task": {"queue": "report"},
    },
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
