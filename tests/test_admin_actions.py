"""Steering executions from the admin: lifecycle actions, dead letters, the test-run report."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import constants
from django.urls import reverse

from automation.models import WorkflowDefinition
from automation.services import workflow_create
from customers.models import Customer
from executions import queueing
from executions.lifecycle import execution_test_run
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.factories import WorkflowDefinitionFactory
from tests.automation.workflow_docs import make_refs, running_example

pytestmark = pytest.mark.django_db

Status = WorkflowExecution.Status
CHANGELIST_URL = "admin:executions_workflowexecution_changelist"


@pytest.fixture(autouse=True)
def english_and_fast(settings) -> None:
    settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def queued(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[Any, ...]]]:
    """The one seam to Celery, recorded instead of sent."""
    calls: dict[str, list[tuple[Any, ...]]] = {}
    for name in ("enqueue_run", "enqueue_step_work", "enqueue_alert"):
        monkeypatch.setattr(
            queueing, name, lambda *args, _name=name: calls.setdefault(_name, []).append(args)
        )
    return calls


@pytest.fixture
def workflow() -> WorkflowDefinition:
    return WorkflowDefinitionFactory(name="Ukentlig bestilling")


def make_execution(workflow: WorkflowDefinition, status: str, **kwargs: Any) -> WorkflowExecution:
    return WorkflowExecution.objects.create(
        workflow=workflow, trigger=WorkflowExecution.Trigger.MANUAL, status=status, **kwargs
    )


def make_log(execution: WorkflowExecution, status: str, target_id: int = 1) -> WorkflowActionLog:
    return WorkflowActionLog.objects.create(
        execution=execution,
        step_order=1,
        action_type="send_email",
        target_type=WorkflowActionLog.TargetType.CUSTOMER,
        target_id=target_id,
        status=status,
    )


def act(client: Any, action: str, *executions: WorkflowExecution) -> list[tuple[int, str]]:
    response = client.post(
        reverse(CHANGELIST_URL),
        {"action": action, "_selected_action": [e.pk for e in executions]},
        follow=True,
    )
    assert response.status_code == 200
    return [(message.level, str(message)) for message in response.context["messages"]]


def listed(client: Any, **params: str) -> set[int]:
    response = client.get(reverse(CHANGELIST_URL), params)
    assert response.status_code == 200
    return {execution.pk for execution in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("pause", Status.COMPLETED),
        ("resume", Status.RUNNING),
        ("cancel", Status.CANCELLED),
        ("retry", Status.WAITING),
    ],
)
def test_action_in_the_wrong_state_shows_an_error_and_changes_nothing(
    admin_client, workflow, action, status
):
    execution = make_execution(workflow, status)

    messages = act(admin_client, action, execution)

    assert [level for level, _ in messages] == [constants.ERROR]
    assert f"Execution {execution.pk}:" in messages[0][1]
    execution.refresh_from_db()
    assert execution.status == status


def test_pause_then_resume_requeues_the_execution(admin_client, workflow, queued):
    execution = make_execution(workflow, Status.RUNNING)

    assert act(admin_client, "pause", execution)[0][0] == constants.SUCCESS
    execution.refresh_from_db()
    assert execution.status == Status.PAUSED

    assert act(admin_client, "resume", execution)[0][0] == constants.SUCCESS
    execution.refresh_from_db()
    assert execution.status == Status.QUEUED
    assert queued["enqueue_run"] == [(execution.pk,)]
    assert list(execution.transitions.values_list("reason", flat=True))[-2:] == [
        "paused",
        "resumed",
    ]


def test_cancel_stops_the_execution(admin_client, workflow):
    execution = make_execution(workflow, Status.WAITING)

    act(admin_client, "cancel", execution)

    execution.refresh_from_db()
    assert execution.status == Status.CANCELLED


def test_retry_only_resets_the_customers_not_yet_reached(admin_client, workflow, queued):
    execution = make_execution(workflow, Status.FAILED, current_step=1)
    reached = make_log(execution, WorkflowActionLog.Status.SUCCESS, target_id=1)
    failed = make_log(execution, WorkflowActionLog.Status.FAILED, target_id=2)
    unknown = make_log(execution, WorkflowActionLog.Status.UNKNOWN, target_id=3)

    act(admin_client, "retry", execution)

    execution.refresh_from_db()
    assert execution.status == Status.QUEUED
    assert queued["enqueue_run"] == [(execution.pk,)]
    statuses = {log.pk: log.status for log in execution.action_logs.all()}
    assert statuses == {reached.pk: "success", failed.pk: "pending", unknown.pk: "unknown"}


def test_one_bad_execution_does_not_stop_the_others(admin_client, workflow):
    running = make_execution(workflow, Status.RUNNING)
    done = make_execution(workflow, Status.COMPLETED)

    messages = act(admin_client, "pause", running, done)

    assert sorted(level for level, _ in messages) == [constants.SUCCESS, constants.ERROR]
    running.refresh_from_db()
    assert running.status == Status.PAUSED


def test_dead_letters_filter_lists_failed_real_runs_and_unknown_outcomes(admin_client, workflow):
    failed = make_execution(workflow, Status.FAILED)
    failed_test = make_execution(workflow, Status.FAILED, is_test=True)
    unknown = make_execution(workflow, Status.COMPLETED)
    make_log(unknown, WorkflowActionLog.Status.UNKNOWN)
    make_log(unknown, WorkflowActionLog.Status.UNKNOWN, target_id=2)
    fine = make_execution(workflow, Status.COMPLETED)
    make_log(fine, WorkflowActionLog.Status.SUCCESS)

    assert listed(admin_client, needs_attention="yes") == {failed.pk, unknown.pk}
    assert listed(admin_client) == {failed.pk, failed_test.pk, unknown.pk, fine.pk}


def test_changelist_links_to_the_dead_letters_and_counts_problem_actions(admin_client, workflow):
    execution = make_execution(workflow, Status.FAILED)
    make_log(execution, WorkflowActionLog.Status.FAILED, target_id=1)
    make_log(execution, WorkflowActionLog.Status.UNKNOWN, target_id=2)
    make_log(execution, WorkflowActionLog.Status.SUCCESS, target_id=3)

    response = admin_client.get(reverse(CHANGELIST_URL))

    content = response.content.decode()
    assert 'href="?needs_attention=yes"' in content
    [row] = response.context["cl"].result_list
    assert row.problem_total == 2
    assert f"execution__id__exact={execution.pk}&amp;status__in=failed%2Cunknown" in content


def test_test_run_page_shows_who_gets_what_and_who_is_skipped(admin_client, admin_user):
    refs = make_refs()
    Customer.objects.filter(pk=refs.customers[0].pk).update(suppressed_at="2026-01-01T00:00Z")
    workflow = workflow_create(created_by=None, data=running_example(refs))
    execution = execution_test_run(workflow=workflow, by=admin_user)

    response = admin_client.get(
        reverse("admin:executions_workflowexecution_change", args=[execution.pk])
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="test-run-report"' in content
    assert "Bestill nå" in content  # the subject each recipient gets
    assert refs.customers[1].name in content
    assert "address suppressed" in content  # why the first customer is skipped
    assert "<pre>" in content  # context and snapshot pretty-printed


def test_real_runs_have_no_test_report(admin_client, workflow):
    execution = make_execution(workflow, Status.COMPLETED)

    response = admin_client.get(
        reverse("admin:executions_workflowexecution_change", args=[execution.pk])
    )

    assert response.status_code == 200
    assert 'class="test-run-report"' not in response.content.decode()
