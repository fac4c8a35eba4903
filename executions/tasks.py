"""Celery tasks: thin wrappers that pass ids to plain-Python services.

Every message may arrive twice (late acknowledgement, redelivery), so each task's work is
idempotent: the engine claims an execution before running it, the dispatcher claims schedules
under row locks and a unique key, and fanned-out step work (email batches) claims each
customer in the action log. Each is enqueued through ``executions.queueing``.

Outages: a task that lost the database (``OperationalError``, ``InterfaceError``: PostgreSQL
restarted, a connection cut) or the broker while publishing retries itself after 1, 2, 4...
seconds, capped at ``WORKFLOW_CONNECTION_RETRY_MAX_S``, for as long as the outage lasts; so
does an email batch that could not reach the mail server at all (``ServiceUnavailable``). A
step's fanned-out work holds a lease while it runs (``executions.leases``), so work whose
worker died is taken over by ``executions.recovery`` within seconds.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from celery import shared_task
from celery.exceptions import Reject
from celery.signals import task_received
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from executions import alerts, dispatch, engine, leases, recovery
from executions.errors import RetryLater, ServiceUnavailable

logger = logging.getLogger(__name__)

#: Errors that mean "a service we depend on is away", retried with a short backoff.
OUTAGES = (OperationalError, InterfaceError, BrokerError, ConnectionError)


#: How long a task's retry waits for a broker that is away before it is given up, and the
#: pause between attempts to publish it. Celery gives up publishing a retry within seconds
#: and then rejects (drops) the task; a worker whose own connection to the broker hung (its
#: machine cut off from the network) kept each task so rejected listed as running, its pool
#: slot taken for good, and with both of its processes' retries rejected it took no more
#: work once it was reconnected (tests/e2e/test_two_hosts.py). Waiting, the pool process
#: publishes the retry once the broker answers again and the worker carries on; its part was
#: taken over meanwhile (its lease expired), and the retry finds every customer claimed.
RETRY_PUBLISH_WAIT_S = 600.0
RETRY_PUBLISH_PAUSE_S = 2.0


def _broker_away(rejected: Reject) -> bool:
    return isinstance(rejected.reason, (BrokerError, ConnectionError, OSError))


def _retry(task: Any, *, countdown: float | None = None, exc: BaseException | None = None) -> Any:
    """``task.retry``, its publishing tried again while the broker is away (up to
    ``RETRY_PUBLISH_WAIT_S``); raises ``Retry`` once published, as ``task.retry`` does."""
    deadline = time.monotonic() + RETRY_PUBLISH_WAIT_S
    while True:
        try:
            return task.retry(countdown=countdown, exc=exc)
        except Reject as rejected:
            if not _broker_away(rejected) or time.monotonic() >= deadline:
                raise
            logger.warning("could not publish the retry of %s: %s", task.request.id, rejected)
            time.sleep(RETRY_PUBLISH_PAUSE_S)


def _retry_outage(task: Any, exc: BaseException) -> Any:
    countdown = leases.connection_retry_countdown(task.request.retries)
    return _retry(task, countdown=countdown, exc=exc)


# An execution reports through its own record (status, transitions, action log): its task
# result (always None) and STARTED state are not stored, two result-backend writes per run;
# errors still are.
@shared_task(
    bind=True,
    acks_late=True,
    max_retries=None,
    ignore_result=True,
    store_errors_even_if_ignored=True,
)
def run_execution_task(self, execution_id: int) -> None:
    try:
        # A small part of a step's fanned-out work (an email to a few customers) is done
        # here, under a lease (none for an eager run: a test, a run inside a request).
        engine.run_execution(execution_id, work_here=True, lease=not self.request.is_eager)
    except RetryLater as retry:
        # The engine counts attempts per step itself (max_retries of the step).
        raise _retry(self, countdown=retry.countdown) from retry
    except OUTAGES as exc:
        # Claimed before the outage, the execution stays `running` without a worker:
        # recovery queues it again once its row is unlocked for a lease period.
        raise _retry_outage(self, exc) from exc


# Step work reports through the action log: its task result (always None) is not stored, nor
# its STARTED state (task_track_started), two result-backend writes per batch; errors still are.
@shared_task(
    bind=True,
    acks_late=True,
    max_retries=None,
    ignore_result=True,
    store_errors_even_if_ignored=True,
)
def step_work_task(
    self, execution_id: int, step_order: int, step_type: str, part: list[int] | None = None
) -> None:
    try:
        with leases.held(
            self.request.id,
            execution_id,
            step_order,
            step_type,
            part,
            eager=bool(self.request.is_eager),
        ):
            engine.run_step_work(execution_id, step_order, step_type, part)
    except ServiceUnavailable as down:
        countdown = leases.connection_retry_countdown(self.request.retries)
        leases.leave_for_countdown(self.request.id, countdown)
        raise _retry(self, countdown=countdown) from down
    except RetryLater as retry:
        raise _retry(self, countdown=retry.countdown) from retry
    except OUTAGES as exc:
        raise _retry_outage(self, exc) from exc


@task_received.connect
def _lease_received_work(sender: Any = None, request: Any = None, **kwargs: Any) -> None:
    """In the worker's main process: a part of a step's work was reserved for this worker;
    hold its lease from now on (``leases.received``)."""
    if request is None or getattr(request, "name", None) != step_work_task.name:
        return
    try:
        args = list(request.args or ()) + list((request.kwargs or {}).values())
        leases.received(request.id, *args[:4])
    except Exception:  # the part runs without a lease; the stall sweep still covers it
        logger.warning("could not take the lease of %s", getattr(request, "id", "?"))


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=60)
def alert_failed_execution_task(self, execution_id: int) -> bool:
    try:
        return alerts.alert_failed_execution(execution_id)
    except Exception as exc:  # the mail server may be down: the claim was released, try again
        raise _retry(self, exc=exc) from exc


@shared_task(acks_late=True, ignore_result=True)
def dispatch_due_task() -> dict[str, Any]:
    return dispatch.dispatch_due().as_dict()


@shared_task(acks_late=True, ignore_result=True)
def recover_task() -> dict[str, Any]:
    return recovery.recover().as_dict()
