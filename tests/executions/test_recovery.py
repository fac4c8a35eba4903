"""Recovery in seconds (executions/recovery.py, executions/leases.py).

A part of fanned-out work held under a lease is enqueued again once the lease expires; a
running execution whose row no worker has locked is queued again after a lease period; a
broker that lost its data gets every message the database knows of again; an unreachable mail
server costs no customer an attempt; a task that lost the database retries itself. The queue
seam is recorded (``queue``); the broker check talks to the test's real Redis.
"""

from __future__ import annotations

import os
import smtplib
from datetime import timedelta
from typing import Any

import pytest
from django.db import OperationalError
from django.utils import timezone

from customers.models import Customer
from executions import engine, leases, recovery
from executions.errors import RetryLater, ServiceUnavailable
from executions.models import WorkflowActionLog, WorkflowExecution, WorkLease
from executions.steps.send_email.sending import send_batch
from tests.customers.factories import CustomerFactory
from tests.executions.test_store import other_connection
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("transitions_are_complete")]

Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status


@pytest.fixture(autouse=True)
def recovery_settings(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.WORKFLOW_LEASE_S = 15
    settings.WORKFLOW_EMAIL_BATCH_SIZE = 2
    # The broker's epoch is tested on its own below; here the broker keeps its data.
    monkeypatch.setattr(recovery, "broker_lost", lambda: False)
    monkeypatch.setattr(recovery, "unacknowledged", lambda older_than: {})


@pytest.fixture
def email_workflow(make_workflow) -> Any:
    def make(count: int = 5) -> Any:
        template = EmailTemplateFactory(name="Bestillingsskjema")
        for i in range(count):
            CustomerFactory(name=f"Kunde {i}", email=f"kunde{i}@example.com")
        return make_workflow(
            [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
                }
            ]
        )

    return make


@pytest.fixture
def awaiting_emails(clock, queue, mail_backend, email_workflow, start_execution) -> Any:
    """A running execution whose email step was prepared; its batches are left in ``queue``."""

    def make(count: int = 5) -> WorkflowExecution:
        execution = start_execution(email_workflow(count))
        engine.run_execution(execution.pk)
        execution.refresh_from_db()
        assert execution.status == Status.RUNNING
        assert execution.context["awaiting_step"] == 1
        return execution

    return make


def _ids() -> list[int]:
    return sorted(WorkflowActionLog.objects.values_list("target_id", flat=True))


def _lease(execution: WorkflowExecution, part: list[int], *, task_id: str = "t1") -> WorkLease:
    leases.take(task_id, execution.pk, 1, "send_email", part)
    return WorkLease.objects.get(pk=task_id)


def _emails(mailoutbox: list[Any]) -> list[str]:
    return sorted(m.to[0] for m in mailoutbox if m.to[0].startswith("kunde"))


def test_an_expired_lease_is_enqueued_again_and_nobody_gets_two_emails(
    clock, queue, mail_backend, mailoutbox, awaiting_emails
) -> None:
    execution = awaiting_emails(5)
    ids = _ids()
    # A worker took the first batch, sent to the first customer, claimed the second and died
    # before the server answered; its message is gone with it.
    queue.todo.pop(0)
    _lease(execution, ids[:2])
    WorkflowActionLog.objects.filter(target_id=ids[0]).update(status=LogStatus.SUCCESS)
    WorkflowActionLog.objects.filter(target_id=ids[1]).update(status=LogStatus.UNKNOWN)

    clock.advance(seconds=14)
    assert recovery.recover().leases_taken_over == 0  # not expired yet
    clock.advance(seconds=2)
    result = recovery.recover()
    assert result.leases_taken_over == 1
    assert queue.of("email", pending_only=True)[-1] == (execution.pk, 1, "send_email", ids[:2])
    assert not WorkLease.objects.exists()
    assert recovery.recover().leases_taken_over == 0  # once

    queue.drain()
    # The first customer was sent to before, the second is `unknown`: neither again.
    assert _emails(mailoutbox) == [f"kunde{i}@example.com" for i in (2, 3, 4)]
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED
    assert WorkflowActionLog.objects.get(target_id=ids[1]).status == LogStatus.UNKNOWN


def test_an_expired_lease_ends_the_database_session_its_holder_left_behind(
    clock, queue, mail_backend, mailoutbox, awaiting_emails
) -> None:
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("sessions and their locks are PostgreSQL's")
    from executions.store.postgresql import POSTGRES, _step_work_key

    execution = awaiting_emails(4)
    ids = _ids()
    queue.todo.pop(0)
    # A worker sending the first batch was cut off from the network: its session lingers on
    # the server, holding the step's work lock, so the step would wait for it for hours.
    with other_connection() as cut_off, other_connection() as bystander:
        cut_off.execute("SELECT pg_advisory_lock_shared(%s)", [_step_work_key(execution.pk, 1)])
        lease = _lease(execution, ids[:2])
        assert lease.backend_pid == connection.connection.info.backend_pid  # the taker's own
        WorkLease.objects.filter(pk=lease.pk).update(backend_pid=cut_off.info.backend_pid)
        # Another lease names a session that holds no such lock (its pid given to another
        # session since): that one is left alone.
        _lease(execution, ids[2:], task_id="t2")
        WorkLease.objects.filter(pk="t2").update(backend_pid=bystander.info.backend_pid)
        with transaction.atomic():
            assert POSTGRES.step_work_elsewhere(execution.pk, 1)

        clock.advance(seconds=16)
        assert recovery.recover().leases_taken_over == 2

        with pytest.raises(Exception):  # noqa: B017 (the server ended it: any error will do)
            cut_off.execute("SELECT 1")
        assert bystander.execute("SELECT 1").fetchone() == (1,)
    with transaction.atomic():
        assert not POSTGRES.step_work_elsewhere(execution.pk, 1)
    queue.drain()
    assert _emails(mailoutbox) == sorted(f"kunde{i}@example.com" for i in range(4))
    execution.refresh_from_db()
    assert execution.status == Status.COMPLETED


def test_a_renewed_lease_is_not_taken_over(clock, queue, awaiting_emails) -> None:
    execution = awaiting_emails(2)
    _lease(execution, _ids())
    for _ in range(10):  # the holder's heartbeat, every few seconds, for a minute
        clock.advance(seconds=6)
        assert leases.renew(["t1"]) == {"t1"}
        assert recovery.recover().leases_taken_over == 0
    clock.advance(seconds=16)
    assert recovery.recover().leases_taken_over == 1


def test_an_expired_lease_of_a_step_that_moved_on_is_dropped_without_work(
    clock, queue, mail_backend, awaiting_emails
) -> None:
    execution = awaiting_emails(2)
    _lease(execution, _ids())
    queue.drain()  # another delivery of the batch did the work
    assert WorkflowExecution.objects.get(pk=execution.pk).status == Status.COMPLETED
    sent = len(queue.history)

    clock.advance(seconds=16)
    assert recovery.recover().leases_taken_over == 0
    assert len(queue.history) == sent
    assert not WorkLease.objects.exists()


def test_a_part_a_worker_reserved_is_leased_before_a_pool_process_starts_it(
    clock, queue, awaiting_emails
) -> None:
    from types import SimpleNamespace

    from executions import tasks

    execution = awaiting_emails(2)
    request = SimpleNamespace(
        name="executions.tasks.step_work_task",
        id="r1",
        args=[execution.pk, 1, "send_email", _ids()],
        kwargs={},
    )
    tasks._lease_received_work(request=request)
    lease = WorkLease.objects.get(pk="r1")
    assert (lease.holder, lease.part) == (leases.holder_id(), _ids())
    # The main process died with it reserved: it comes back once the lease expires.
    clock.advance(seconds=16)
    assert recovery.recover().leases_taken_over == 1
    tasks._lease_received_work(request=SimpleNamespace(name="other", id="r2", args=[], kwargs={}))
    assert not WorkLease.objects.filter(pk="r2").exists()


def test_a_lease_is_dropped_when_the_work_is_done_and_kept_over_a_retry_countdown(
    clock, queue, awaiting_emails
) -> None:
    execution = awaiting_emails(2)
    with leases.held("t2", execution.pk, 1, "send_email", [1]):
        assert WorkLease.objects.get(pk="t2").holder == leases.holder_id()
    assert not WorkLease.objects.exists()

    with pytest.raises(RetryLater), leases.held("t3", execution.pk, 1, "send_email", [1]):
        raise RetryLater(100)
    lease = WorkLease.objects.get(pk="t3")
    assert lease.lease_until == timezone.now() + timedelta(seconds=115)

    with pytest.raises(ValueError), leases.held("t4", execution.pk, 1, "send_email", [1]):
        raise ValueError("a bug")
    assert not WorkLease.objects.filter(pk="t4").exists()

    with leases.held("t5", execution.pk, 1, "send_email", [1], eager=True):
        assert not WorkLease.objects.filter(pk="t5").exists()


def test_a_running_execution_no_worker_holds_is_queued_again_after_a_lease_period(
    clock, queue, mail_backend, mailoutbox, email_workflow, start_execution
) -> None:
    execution = start_execution(email_workflow(3))
    # A worker claimed it and died in its first step (or lost the database there).
    assert engine._claim(execution.pk) is not None
    queue.clear()

    clock.advance(seconds=14)
    assert recovery.recover().runs_requeued == 0
    clock.advance(seconds=2)
    assert recovery.recover().runs_requeued == 1
    assert queue.runs == [execution.pk]
    assert WorkflowExecution.objects.get(pk=execution.pk).status == Status.QUEUED
    assert recovery.recover().runs_requeued == 0

    queue.drain()
    assert WorkflowExecution.objects.get(pk=execution.pk).status == Status.COMPLETED
    assert _emails(mailoutbox) == [f"kunde{i}@example.com" for i in range(3)]


def test_a_running_execution_awaiting_its_batches_is_left_to_their_leases(
    clock, queue, awaiting_emails
) -> None:
    awaiting_emails(3)
    clock.advance(seconds=600)
    assert recovery.recover().runs_requeued == 0


def test_after_a_broker_loss_every_queued_run_and_pending_customer_is_enqueued_again(
    clock,
    queue,
    mail_backend,
    mailoutbox,
    awaiting_emails,
    email_workflow,
    start_execution,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    execution = awaiting_emails(5)
    ids = _ids()
    WorkflowActionLog.objects.filter(target_id=ids[0]).update(status=LogStatus.SUCCESS)
    WorkflowActionLog.objects.filter(target_id=ids[1]).update(status=LogStatus.UNKNOWN)
    other = start_execution(execution.workflow)
    queue.clear()  # Redis restarted empty
    runs: list[list[int]] = []
    monkeypatch.setattr(recovery.queueing, "enqueue_runs", lambda ids, eta=None: runs.append(ids))
    monkeypatch.setattr(recovery, "broker_lost", lambda: True)

    result = recovery.recover()

    assert result.broker_lost
    assert (result.runs_reenqueued, result.parts_reenqueued) == (1, 2)
    assert runs == [[other.pk]]
    assert queue.of("email", pending_only=True) == [
        (execution.pk, 1, "send_email", ids[2:4]),
        (execution.pk, 1, "send_email", ids[4:]),
    ]
    queue.drain()
    assert _emails(mailoutbox) == [f"kunde{i}@example.com" for i in (2, 3, 4)]


def test_messages_a_gone_consumer_holds_without_a_lease_are_put_back(
    clock, queue, awaiting_emails, start_execution, monkeypatch: pytest.MonkeyPatch
) -> None:
    execution = awaiting_emails(2)
    queued = start_execution(execution.workflow)
    _lease(execution, [1], task_id="leased")
    held = {
        "orphan-part": recovery._Held("1", recovery.queueing.STEP_WORK_TASK, [execution.pk], None),
        "leased": recovery._Held("2", recovery.queueing.STEP_WORK_TASK, [execution.pk], None),
        "orphan-run": recovery._Held("3", recovery.queueing.RUN_TASK, [queued.pk], None),
        "eta-run": recovery._Held("4", recovery.queueing.RUN_TASK, [queued.pk], "2026-03-30T07:01"),
        "running-run": recovery._Held("5", recovery.queueing.RUN_TASK, [execution.pk], None),
    }
    put: list[str] = []
    monkeypatch.setattr(recovery, "_put_back", put.append)
    monkeypatch.setattr(recovery, "unacknowledged", lambda older_than: held)

    result = recovery.recover()

    assert result.orphans_put_back == 2
    assert sorted(put) == ["1", "3"]
    # An expired lease whose message the broker still holds: that message is put back.
    put.clear()
    clock.advance(seconds=16)
    held = {"leased": recovery._Held("2", recovery.queueing.STEP_WORK_TASK, [execution.pk], None)}
    sent = len(queue.history)
    result = recovery.recover()
    assert (result.leases_taken_over, result.orphans_put_back) == (1, 0)
    assert put == ["2"]
    assert len(queue.history) == sent  # no second message


def test_the_broker_epoch_tells_a_broker_that_lost_its_data(monkeypatch) -> None:
    from celery import current_app

    if not str(current_app.conf.broker_url).startswith("redis://"):
        pytest.skip("the broker's epoch lives in Redis")
    monkeypatch.undo()  # the real check
    with current_app.connection_for_write() as conn:
        client = conn.default_channel.client
        client.delete(recovery.EPOCH_KEY)
        assert recovery.broker_lost() is True  # gone: lost (and set again)
        assert recovery.broker_lost() is False
        assert client.exists(recovery.EPOCH_KEY)


def test_an_unreachable_mail_server_costs_nobody_an_attempt(
    clock, queue, settings, awaiting_emails
) -> None:
    execution = awaiting_emails(2)
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2

    with pytest.raises(ServiceUnavailable):
        send_batch(execution.pk, 1, _ids())

    rows = WorkflowActionLog.objects.filter(execution=execution)
    assert {(r.status, r.attempts) for r in rows} == {(LogStatus.PENDING, 0)}


def test_a_mail_server_gone_mid_batch_gives_the_customer_back_and_stops_the_batch(
    clock, queue, mail_backend, mailoutbox, awaiting_emails
) -> None:
    execution = awaiting_emails(3)
    ids = _ids()
    mail_backend.fail("kunde1@example.com", ConnectionRefusedError(111, "Connection refused"))

    with pytest.raises(ServiceUnavailable):
        send_batch(execution.pk, 1, ids)

    rows = {
        Customer.objects.get(pk=r.target_id).email: (r.status, r.attempts)
        for r in WorkflowActionLog.objects.filter(execution=execution)
    }
    assert rows == {
        "kunde0@example.com": (LogStatus.SUCCESS, 1),
        "kunde1@example.com": (LogStatus.PENDING, 0),
        "kunde2@example.com": (LogStatus.PENDING, 0),
    }
    send_batch(execution.pk, 1, ids)  # the task's retry, once the server is back
    assert _emails(mailoutbox) == [f"kunde{i}@example.com" for i in range(3)]


def test_a_disconnect_for_one_customer_still_counts_for_that_customer(
    clock, queue, mail_backend, awaiting_emails
) -> None:
    execution = awaiting_emails(2)
    mail_backend.fail("kunde0@example.com", smtplib.SMTPServerDisconnected("gone"))
    with pytest.raises(RetryLater) as retry:
        send_batch(execution.pk, 1, _ids())
    assert not isinstance(retry.value, ServiceUnavailable)


def test_a_batch_that_lost_the_database_retries_itself(monkeypatch) -> None:
    from executions import tasks

    calls: list[int] = []

    def flaky(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(tasks.engine, "run_step_work", flaky)
    monkeypatch.setattr(tasks.leases, "connection_retry_countdown", lambda retries: 0)
    tasks.step_work_task.apply(args=(1, 1, "send_email", [1]))
    assert len(calls) == 2


def test_a_run_that_lost_the_database_retries_itself(monkeypatch) -> None:
    from executions import tasks

    calls: list[int] = []

    def flaky(execution_id: int, **options: Any) -> None:
        calls.append(execution_id)
        if len(calls) == 1:
            raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(tasks.engine, "run_execution", flaky)
    monkeypatch.setattr(tasks.leases, "connection_retry_countdown", lambda retries: 0)
    tasks.run_execution_task.apply(args=(7,))
    assert calls == [7, 7]


def test_connection_retries_back_off_up_to_the_cap(settings) -> None:
    settings.WORKFLOW_CONNECTION_RETRY_MAX_S = 10
    assert 0.8 <= leases.connection_retry_countdown(0) <= 1.2
    assert 3.2 <= leases.connection_retry_countdown(2) <= 4.8
    assert 8 <= leases.connection_retry_countdown(50) <= 12


def test_the_recovery_task_is_scheduled_every_few_seconds() -> None:
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(name="recover-lost-work")
    assert task.task == "executions.tasks.recover_task"
    assert task.enabled
    assert task.interval.every == int(os.environ.get("WORKFLOW_RECOVERY_INTERVAL_S", 5))


def test_a_message_a_consumer_got_and_never_acknowledged_is_found_and_put_back(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against a real Redis (the test Redis, not the broker other tests use): kombu keeps a
    delivered, unacknowledged message in its ``unacked`` index; recovery reads it there and
    puts it back in its queue."""
    import time

    from config.celery import app
    from executions.tasks import step_work_task
    from tests.e2e.faults import publishing_to

    monkeypatch.undo()  # the real broker reading
    with publishing_to(redis_url), app.connection_for_write() as conn:
        channel = conn.default_channel
        client = channel.client
        client.flushdb()
        step_work_task.apply_async(args=(5, 1, "send_email", [1, 2]), queue="email", task_id="abc")
        got = channel.basic_get("email", no_ack=False)  # a consumer took it, then died
        assert got is not None
        tag = got.delivery_tag
        assert recovery.unacknowledged(older_than=15) == {}  # just delivered: a live consumer
        client.zadd(channel.unacked_index_key, {tag: time.time() - 60})

        held = recovery.unacknowledged(older_than=15)
        assert list(held) == ["abc"]
        assert (held["abc"].task, held["abc"].args) == (
            "executions.tasks.step_work_task",
            [5, 1, "send_email", [1, 2]],
        )
        recovery._put_back(held["abc"].tag)

        assert recovery.unacknowledged(older_than=0) == {}
        again = channel.basic_get("email", no_ack=True)
        assert again is not None and again.headers["id"] == "abc"
        client.flushdb()


def test_a_message_put_back_goes_to_the_front_of_its_queue(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A put-back part is the next one a worker takes, not the last: its customers waited a
    lease period already (found with two hosts, one cut off: its parts were put back behind
    the rest of the run and sent only at the run's very end, 15 s later). A queue of the
    test's own, so that tests sharing the test Redis do not meet."""
    import uuid

    from config.celery import app
    from executions.tasks import step_work_task
    from tests.e2e.faults import publishing_to

    monkeypatch.undo()  # the real broker reading
    queue = f"test-front-{uuid.uuid4().hex}"
    with publishing_to(redis_url), app.connection_for_write() as conn:
        channel = conn.default_channel
        for task_id in ("first", "second", "third"):
            step_work_task.apply_async(args=(5, 1, "send_email", [1]), queue=queue, task_id=task_id)
        got = channel.basic_get(queue, no_ack=False)  # a consumer took it, then was lost
        assert got is not None and got.headers["id"] == "first"

        recovery._put_back(got.delivery_tag)

        order = [channel.basic_get(queue, no_ack=True).headers["id"] for _ in range(3)]
        assert order == ["first", "second", "third"]


def test_a_retry_waits_for_the_broker_instead_of_being_rejected(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task's retry published while the broker is away: Celery gives up within seconds and
    rejects the task (a worker cut off from the network kept such tasks listed as running,
    their pool slots taken, and took no more work once reconnected); the tasks' ``_retry``
    tries again until the broker answers and the retry is published."""
    import threading
    import uuid
    from urllib.parse import urlsplit

    from celery.exceptions import Reject, Retry

    from config.celery import app
    from executions import tasks
    from tests.e2e.faults import TcpProxy, publishing_to

    monkeypatch.undo()  # the real broker
    monkeypatch.setattr(tasks, "RETRY_PUBLISH_PAUSE_S", 0.5)
    queue = f"test-retry-{uuid.uuid4().hex}"  # the test's own: tests share the test Redis
    upstream = urlsplit(redis_url)
    proxy = TcpProxy((upstream.hostname or "127.0.0.1", upstream.port or 6379))
    proxy.start()
    task = tasks.step_work_task
    task.push_request(
        id="cut-off",
        args=[5, 1, "send_email", [1, 2]],
        kwargs={},
        retries=0,
        delivery_info={"routing_key": queue, "exchange": ""},
        is_eager=False,
        called_directly=False,
    )
    try:
        with publishing_to(f"redis://127.0.0.1:{proxy.port}{upstream.path}"):
            proxy.cut()
            with pytest.raises(Reject):  # Celery on its own: given up, the task dropped
                task.retry(countdown=1)

            restore = threading.Timer(1.0, proxy.restore)
            restore.start()
            with pytest.raises(Retry):  # published after all: the worker carries on
                tasks._retry(task, countdown=1)
            restore.join()
            with app.connection_for_write() as conn:
                channel = conn.default_channel
                got = channel.basic_get(queue, no_ack=True)
                assert got is not None and got.headers["id"] == "cut-off"
    finally:
        task.pop_request()
        proxy.cut()
