"""The workflow admin goes through the one validator and the workflow services."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from django.urls import reverse

from automation.models import WorkflowDefinition, WorkflowStep, WorkflowVersion
from automation.services import workflow_create, workflow_update
from executions import queueing
from executions.models import WorkflowExecution
from tests.automation.workflow_docs import Refs, make_refs, running_example

pytestmark = pytest.mark.django_db

ADD_URL = "admin:automation_workflowdefinition_add"
CHANGELIST_URL = "admin:automation_workflowdefinition_changelist"


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
def refs() -> Refs:
    return make_refs()


def change_url(workflow: WorkflowDefinition) -> str:
    return reverse("admin:automation_workflowdefinition_change", args=[workflow.pk])


def definition_errors(response: Any) -> list[str]:
    return list(response.context["adminform"].form.errors.get("definition", []))


def post_action(client: Any, action: str, *workflows: WorkflowDefinition, **extra: str) -> Any:
    return client.post(
        reverse(CHANGELIST_URL),
        {"action": action, "_selected_action": [w.pk for w in workflows], **extra},
        follow=True,
    )


def messages_of(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_add_page_creates_the_running_example_as_version_1(admin_client, admin_user, refs):
    response = admin_client.post(
        reverse(ADD_URL), {"definition": json.dumps(running_example(refs))}
    )

    assert response.status_code == 302, definition_errors(response)
    workflow = WorkflowDefinition.objects.get()
    assert workflow.name == "Ukentlig bestilling"
    assert workflow.version == 1
    assert workflow.status == WorkflowDefinition.Status.DRAFT
    assert workflow.created_by == admin_user
    steps = list(workflow.steps.order_by("step_order"))
    assert [step.template_id for step in steps] == [refs.order_form.pk, refs.reminder.pk]
    assert list(workflow.versions.values_list("version", flat=True)) == [1]


def test_change_page_shows_the_saved_definition_next_runs_and_history(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))

    response = admin_client.get(change_url(workflow))

    content = response.content.decode()
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert json.loads(form["definition"].value())["steps"][1]["name"] == "Påminnelse"
    assert form["expected_version"].value() == 1
    next_runs = re.search(r'<ol class="workflow-next-runs">(.*?)</ol>', content, re.S)
    assert next_runs is not None
    runs = re.findall(r"<li>(.*?)</li>", next_runs.group(1))
    assert len(runs) == 5
    # Oslo wall time, in the reader's language (the admin is in English here).
    assert all(run.startswith("Monday ") and ", 09:00 " in run for run in runs)
    assert (
        reverse("admin:automation_workflowversion_change", args=[workflow.versions.get().pk])
        in content
    )
    # The saved steps are shown, never as form fields that would go around the validator.
    assert 'name="steps-0-step_order"' not in content
    assert "Send bestillingsskjema" in content


def test_invalid_definition_names_the_path_and_saves_nothing(admin_client, refs):
    document = running_example(refs)
    document["steps"][1]["action_config"]["template_id"] = 99999
    document["steps"][1]["trigger_config"]["day"] = "torsdag"  # Norwegian: fine

    response = admin_client.post(reverse(ADD_URL), {"definition": json.dumps(document)})

    assert response.status_code == 200
    errors = definition_errors(response)
    assert len(errors) == 1, errors
    assert errors[0].startswith("/steps/1/action_config/template_id: ")
    assert errors[0].endswith("(unknown_template)")
    assert "/steps/1/action_config/template_id" in response.content.decode()
    assert not WorkflowDefinition.objects.exists()
    assert not WorkflowStep.objects.exists()
    assert not WorkflowVersion.objects.exists()


def test_norwegian_day_names_are_saved_in_english(admin_client, refs):
    document = running_example(refs)
    document["schedule"]["schedule_config"]["day"] = "mandag"
    document["steps"][1]["trigger_config"]["day"] = "torsdag"

    response = admin_client.post(reverse(ADD_URL), {"definition": json.dumps(document)})

    assert response.status_code == 302, definition_errors(response)
    workflow = WorkflowDefinition.objects.get()
    assert workflow.schedule.schedule_config["day"] == "monday"
    assert workflow.steps.get(step_order=2).trigger_config["day"] == "thursday"


def test_broken_json_reports_the_line(admin_client, refs):
    response = admin_client.post(reverse(ADD_URL), {"definition": '{\n  "name": "x",\n}'})

    assert response.status_code == 200
    assert "line 3" in definition_errors(response)[0]
    assert not WorkflowDefinition.objects.exists()


def test_change_saves_a_new_version_through_the_service(admin_client, admin_user, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))
    document = running_example(refs)
    document["description"] = "Endret i admin"

    response = admin_client.post(
        change_url(workflow), {"definition": json.dumps(document), "expected_version": 1}
    )

    assert response.status_code == 302, definition_errors(response)
    workflow.refresh_from_db()
    assert workflow.version == 2
    assert workflow.description == "Endret i admin"
    assert workflow.versions.get(version=2).created_by == admin_user


def test_stale_edit_shows_the_conflict_and_keeps_the_other_edit(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))
    theirs = running_example(refs)
    theirs["description"] = "Their edit"
    workflow_update(workflow=workflow, data=theirs, updated_by=None, expected_version=1)
    mine = running_example(refs)
    mine["description"] = "My edit"

    response = admin_client.post(
        change_url(workflow), {"definition": json.dumps(mine), "expected_version": 1}
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [error.code for error in form.non_field_errors().as_data()] == ["version_conflict"]
    assert "current version is 2" in response.content.decode()
    workflow.refresh_from_db()
    assert (workflow.version, workflow.description) == (2, "Their edit")


def test_status_and_version_are_not_editable(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))

    response = admin_client.get(change_url(workflow))

    form = response.context["adminform"].form
    assert set(form.fields) == {"definition", "expected_version"}


def test_deploy_action_activates_and_sets_next_run(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))

    response = post_action(admin_client, "deploy", workflow)

    workflow.refresh_from_db()
    assert workflow.status == WorkflowDefinition.Status.ACTIVE
    assert workflow.is_active
    assert workflow.schedule.next_run is not None
    assert any("Ukentlig bestilling" in message for message in messages_of(response))


def test_deploy_action_reports_a_definition_that_became_invalid(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))
    WorkflowStep.objects.filter(workflow=workflow, step_order=2).update(
        action_config={"template_id": 99999, "recipients": {"group": "all"}}, template=None
    )

    response = post_action(admin_client, "deploy", workflow)

    workflow.refresh_from_db()
    assert workflow.status == WorkflowDefinition.Status.DRAFT
    [message] = messages_of(response)
    assert "/steps/1/action_config/template_id" in message
    assert message.count("unknown_template") == 1


def test_pause_and_archive_actions(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))
    post_action(admin_client, "deploy", workflow)

    post_action(admin_client, "pause", workflow)
    workflow.refresh_from_db()
    assert workflow.status == WorkflowDefinition.Status.PAUSED
    assert workflow.schedule.next_run is None

    post_action(admin_client, "archive", workflow)
    workflow.refresh_from_db()
    assert workflow.status == WorkflowDefinition.Status.ARCHIVED


def test_run_now_posted_twice_with_the_same_key_starts_one_execution(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))
    listing = admin_client.get(reverse(CHANGELIST_URL))
    key = listing.context["action_key"]
    assert f'name="action_key" value="{key}"' in listing.content.decode()

    first = post_action(admin_client, "run_now", workflow, action_key=key)
    second = post_action(admin_client, "run_now", workflow, action_key=key)

    execution = WorkflowExecution.objects.get()
    assert execution.trigger == WorkflowExecution.Trigger.MANUAL
    assert not execution.is_test
    link = reverse("admin:executions_workflowexecution_change", args=[execution.pk])
    assert link in messages_of(first)[0]
    assert link in messages_of(second)[0]
    assert "same click" in messages_of(second)[0]


def test_run_now_from_a_new_page_starts_another_execution(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))

    for _ in range(2):
        key = admin_client.get(reverse(CHANGELIST_URL)).context["action_key"]
        post_action(admin_client, "run_now", workflow, action_key=key)

    assert WorkflowExecution.objects.count() == 2


def test_test_run_action_creates_a_test_execution_and_links_to_it(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))

    response = post_action(admin_client, "test_run", workflow)

    execution = WorkflowExecution.objects.get()
    assert execution.is_test
    assert execution.trigger == WorkflowExecution.Trigger.TEST
    [message] = messages_of(response)
    assert reverse("admin:executions_workflowexecution_change", args=[execution.pk]) in message
    # Nothing left the system: no email batches were queued.
    assert not execution.action_logs.filter(status="pending").exists()


def test_steps_cannot_be_edited_around_the_validator(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))
    step = workflow.steps.get(step_order=1)
    before = copy.deepcopy(step.action_config)

    response = admin_client.post(
        reverse("admin:automation_workflowstep_change", args=[step.pk]),
        {"step_order": 1, "step_type": "send_email", "action_config": "{}"},
    )

    assert response.status_code == 403
    step.refresh_from_db()
    assert step.action_config == before


def test_the_admin_shows_schedules_and_steps_in_words_not_json(admin_client, refs):
    workflow = workflow_create(created_by=None, data=running_example(refs))

    content = admin_client.get(change_url(workflow)).content.decode()

    assert "Every Monday at 09:00 (Europe/Oslo)" in content
    assert "{&quot;day&quot;: &quot;monday&quot;" not in content
    assert "Thursday 15:00" in content  # the reminder step, as the workflow page says it
    schedule = workflow.schedule
    listing = admin_client.get(reverse("admin:automation_workflowschedule_changelist"))
    assert "Every Monday at 09:00 (Europe/Oslo)" in listing.content.decode()
    page = admin_client.get(reverse("admin:automation_workflowschedule_change", args=[schedule.pk]))
    assert "Every Monday at 09:00 (Europe/Oslo)" in page.content.decode()
    assert "schedule_config" not in page.content.decode()


def test_the_admin_names_the_third_party_apps_in_norwegian(admin_client):
    admin_client.cookies["django_language"] = "nb"

    content = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()

    assert "Planlagte oppgaver" in content and "Periodic Tasks" not in content
    assert "Celery-resultater" in content and "Celery Results" not in content
