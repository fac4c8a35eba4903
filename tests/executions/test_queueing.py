"""What an email batch's message says about itself, read back from the real broker."""

from __future__ import annotations

import os

import pytest

from executions import queueing


@pytest.fixture
def email_queue():
    if not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
        pytest.skip("reads the message back from Redis")
    from config.celery import app

    app.control.purge()
    with app.connection_for_read() as connection:
        yield connection.default_channel
    app.control.purge()


@pytest.mark.django_db
def test_an_email_batch_names_its_customers_by_count_and_range(
    email_queue, django_capture_on_commit_callbacks
) -> None:
    ids = list(range(1001, 1201))
    with django_capture_on_commit_callbacks(execute=True):
        queueing.enqueue_step_work(7, 2, "send_email", ids, queue="email")
    message = email_queue.basic_get("email", no_ack=True)

    assert message.headers["task"] == "executions.tasks.step_work_task"
    # Monitoring and a failed task's stored result show this, not a list cut at 1,024 characters.
    assert message.headers["argsrepr"] == "(7, 2, 'send_email', [200 customers: 1001..1200])"
    args, kwargs, _ = message.decode()
    assert (args, kwargs) == ([7, 2, "send_email", ids], {})  # the task still gets every id


def test_a_batch_description_reads_well_for_any_size() -> None:
    assert queueing.batch_description([42]) == "[1 customer: 42..42]"
    assert queueing.batch_description([9, 3, 5]) == "[3 customers: 3..9]"
    assert queueing.batch_description([]) == "[no customers]"
