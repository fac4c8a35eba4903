"""Shared set-up for the dashboard, workflow and execution page tests: users per role, the
running example as a stored workflow, executions with action logs, and the Celery seam."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from unittest import mock

from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from automation.models import WorkflowDefinition
from automation.services import workflow_create, workflow_deploy
from executions import queueing
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.services import execution_create
from executions.tasks import run_execution_task
from tests.automation.workflow_docs import Refs, make_refs, running_example

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_as(role: str, *, language: str = "nb") -> Client:
    user = User.objects.create_user(username=f"{role}-user", password="x")
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    client.user = user  # type: ignore[attr-defined]
    return client


@contextlib.contextmanager
def no_celery() -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """Nothing leaves for Celery: ``executions.queueing`` (the one seam) records instead."""
    calls: dict[str, list[tuple[Any, ...]]] = {
        name: [] for name in ("run", "runs", "email", "report", "alert", "delay")
    }

    def recorder(name: str) -> Any:
        return lambda *args, **kwargs: calls[name].append(args)

    with (
        mock.patch.object(queueing, "enqueue_run", side_effect=recorder("run")),
        mock.patch.object(queueing, "enqueue_runs", side_effect=recorder("runs")),
        mock.patch.object(queueing, "enqueue_step_work", side_effect=recorder("step_work")),
        mock.patch.object(queueing, "enqueue_alert", side_effect=recorder("alert")),
        mock.patch.object(run_execution_task, "delay", side_effect=recorder("delay")),
    ):
        yield calls


def example_workflow(refs: Refs | None = None, *, active: bool = True, **changes: Any) -> Any:
    """The running example (weekly Monday 09:00 form, Thursday 15:00 reminder), stored
    through the one save function and, unless ``active=False``, deployed."""
    refs = refs or make_refs()
    doc = running_example(refs)
    doc.update(changes)
    workflow = workflow_create(created_by=None, data=doc)
    if active:
        workflow = workflow_deploy(workflow=workflow, by=None)
    return WorkflowDefinition.objects.get(pk=workflow.pk)


def make_execution(workflow: Any, *, status: str = "queued", **fields: Any) -> WorkflowExecution:
    """An execution created the way every entry point creates one, then moved to ``status``
    with its transitions recorded."""
    execution, _ = execution_create(workflow=workflow, trigger="manual")
    if status != "queued":
        before = execution.status
        now = timezone.now()
        defaults: dict[str, Any] = {"started_at": now}
        if status in ("running", "waiting", "paused", "failed"):
            defaults["current_step"] = 1
        if status in ("completed", "failed", "cancelled"):
            defaults["completed_at"] = now
        defaults.update(fields)
        WorkflowExecution.objects.filter(pk=execution.pk).update(status=status, **defaults)
        ExecutionTransition.objects.create(
            execution=execution,
            from_status=before,
            to_status=status,
            step_order=defaults.get("current_step"),
        )
        execution.refresh_from_db()
    return execution


def add_logs(execution: WorkflowExecution, customers: list[Any], statuses: list[str]) -> None:
    for customer, status in zip(customers, statuses, strict=True):
        WorkflowActionLog.objects.create(
            execution=execution,
            step_order=1,
            action_type="send_email",
            target_type="customer",
            target_id=customer.pk,
            status=status,
            result_data={"email": customer.email, "message_id": f"<m{customer.pk}@example>"},
            error_message="550 no such user" if status == "failed" else "",
        )
