"""Creating and starting executions: one per idempotency key, enqueued after commit."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django_celery_beat.models import PeriodicTask

from executions.models import WorkflowExecution
from executions.services import execution_create, execution_start
from tests.automation.factories import WorkflowDefinitionFactory, WorkflowStepFactory

pytestmark = pytest.mark.django_db


def test_execution_create_snapshots_the_workflow_and_records_the_first_transition() -> None:
    workflow = WorkflowDefinitionFactory(name="Ukentlig bestilling")
    WorkflowStepFactory(workflow=workflow, step_order=1)

    execution, created = execution_create(workflow=workflow, trigger="manual")

    assert created
    assert execution.status == WorkflowExecution.Status.QUEUED
    assert execution.definition_snapshot["name"] == "Ukentlig bestilling"
    assert execution.workflow_version == workflow.version
    assert list(execution.transitions.values_list("from_status", "to_status")) == [("", "queued")]


def test_snapshot_does_not_follow_later_edits() -> None:
    workflow = WorkflowDefinitionFactory(name="Before")
    execution, _ = execution_create(workflow=workflow, trigger="manual")

    workflow.name = "After"
    workflow.save()
    execution.refresh_from_db()

    assert execution.definition_snapshot["name"] == "Before"


def test_execution_create_with_a_known_key_returns_the_first_execution() -> None:
    workflow = WorkflowDefinitionFactory()

    first, first_created = execution_create(
        workflow=workflow, trigger="manual", idempotency_key="k"
    )
    again, again_created = execution_create(
        workflow=workflow, trigger="manual", idempotency_key="k"
    )

    assert (first_created, again_created) == (True, False)
    assert first.pk == again.pk
    assert first.transitions.count() == 1


def test_execution_start_enqueues_after_commit(
    enqueued: list[int], django_capture_on_commit_callbacks, django_user_model
) -> None:
    user = django_user_model.objects.create_user(username="staff")
    workflow = WorkflowDefinitionFactory()

    with django_capture_on_commit_callbacks(execute=True):
        execution = execution_start(workflow=workflow, triggered_by=user)

    assert execution.trigger == WorkflowExecution.Trigger.MANUAL
    assert execution.triggered_by == user
    assert execution.idempotency_key is None
    assert enqueued == [execution.pk]


def test_run_now_twice_with_the_same_key_starts_once(
    enqueued: list[int], django_capture_on_commit_callbacks
) -> None:
    workflow = WorkflowDefinitionFactory()

    with django_capture_on_commit_callbacks(execute=True):
        first = execution_start(workflow=workflow, triggered_by=None, idempotency_key="abc")
        second = execution_start(workflow=workflow, triggered_by=None, idempotency_key="abc")

    assert first.pk == second.pk
    assert first.idempotency_key == f"manual:{workflow.pk}:abc"
    assert enqueued == [first.pk]


# --- The periodic task ----------------------------------------------------------------------

migration = importlib.import_module("executions.migrations.0002_dispatch_periodic_task")


def test_migration_creates_one_dispatch_task_every_ten_seconds() -> None:
    task = PeriodicTask.objects.get(name="dispatch-due-workflows")

    assert task.task == "executions.tasks.dispatch_due_task"
    assert task.enabled
    assert (task.interval.every, task.interval.period) == (10, "seconds")


def test_migration_is_idempotent_and_reversible() -> None:
    migration.create_dispatch_task(apps, None)
    assert PeriodicTask.objects.filter(name="dispatch-due-workflows").count() == 1

    migration.remove_dispatch_task(apps, None)
    assert not PeriodicTask.objects.filter(name="dispatch-due-workflows").exists()

    migration.create_dispatch_task(apps, None)
    assert PeriodicTask.objects.filter(name="dispatch-due-workflows").count() == 1
