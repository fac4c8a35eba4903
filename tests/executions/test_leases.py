"""A work lease is taken and dropped in one statement each (issue 24: every part of every step
takes one, so their round trips count in the executions per second), with
update_or_create's meaning: a retried task's id takes its old lease over."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from executions import leases
from executions.models import WorkLease


@pytest.fixture
def execution(make_workflow, start_execution):
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "check_condition",
                "condition_config": {"check": "customer_filter", "language": "nb"},
            }
        ]
    )
    return start_execution(workflow)


def test_a_lease_is_taken_in_one_statement(execution) -> None:
    with CaptureQueriesContext(connection) as statements:
        leases.take("task-1", execution.pk, 1, "send_email", [3, 4])

    assert len(statements) == 1
    lease = WorkLease.objects.get(task_id="task-1")
    assert (lease.execution_id, lease.step_order, lease.step_type, lease.part) == (
        execution.pk,
        1,
        "send_email",
        [3, 4],
    )
    assert lease.holder == leases.holder_id()
    assert lease.lease_until - lease.taken_at == leases.lease_period()
    assert abs(lease.taken_at - timezone.now()) < timedelta(seconds=30)


def test_taking_a_lease_again_takes_it_over(execution) -> None:
    leases.take("task-1", execution.pk, 1, "send_email", [3])
    WorkLease.objects.filter(task_id="task-1").update(
        holder="gone:1", lease_until=timezone.now() - timedelta(minutes=5)
    )

    leases.take("task-1", execution.pk, 2, "generate_report", None)

    lease = WorkLease.objects.get(task_id="task-1")
    assert (lease.step_order, lease.step_type, lease.holder) == (
        2,
        "generate_report",
        leases.holder_id(),
    )
    assert lease.lease_until > timezone.now()
    # No part is SQL NULL, as the ORM stores it (not a JSON null).
    assert WorkLease.objects.filter(task_id="task-1", part__isnull=True).exists()
    assert WorkLease.objects.count() == 1


def test_a_lease_is_dropped_in_one_statement_and_only_by_its_holder(execution) -> None:
    leases.take("mine", execution.pk, 1, "send_email", [1])
    leases.take("theirs", execution.pk, 1, "send_email", [2])
    WorkLease.objects.filter(task_id="theirs").update(holder="other-host:7")

    with CaptureQueriesContext(connection) as statements:
        leases._drop("mine")
        leases._drop("theirs")

    assert len(statements) == 2
    assert list(WorkLease.objects.values_list("task_id", flat=True)) == ["theirs"]


def test_a_held_block_leaves_no_lease_behind(execution) -> None:
    with leases.held("block", execution.pk, 1, "send_email", [1]):
        assert WorkLease.objects.filter(task_id="block").exists()

    assert not WorkLease.objects.exists()
