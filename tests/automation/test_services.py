"""Workflow services: validate through the one validator, save atomically, versions, deploy."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from automation.models import (
    Integration,
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
)
from automation.selectors import workflow_get, workflow_list
from automation.services import (
    WorkflowConflict,
    WorkflowValidationError,
    workflow_archive,
    workflow_create,
    workflow_definition,
    workflow_deploy,
    workflow_pause,
    workflow_serialize,
    workflow_update,
)
from automation.validation import validate_workflow
from tests.automation.workflow_docs import Refs, make_refs, running_example

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


@pytest.fixture
def doc(refs: Refs) -> Doc:
    return running_example(refs)


@pytest.fixture
def user() -> Any:
    return get_user_model().objects.create_user(username="kari", password="x")


def _counts() -> tuple[int, int, int, int]:
    return (
        WorkflowDefinition.objects.count(),
        WorkflowStep.objects.count(),
        WorkflowSchedule.objects.count(),
        WorkflowVersion.objects.count(),
    )


def test_create_saves_the_running_example_as_a_draft(doc: Doc, refs: Refs, user: Any) -> None:
    workflow = workflow_create(created_by=user, data=doc)

    workflow = WorkflowDefinition.objects.get(pk=workflow.pk)
    assert workflow.status == "draft"
    assert workflow.is_active is False
    assert workflow.version == 1
    assert workflow.created_by == user
    steps = list(workflow.steps.order_by("step_order"))
    assert [s.template_id for s in steps] == [refs.order_form.pk, refs.reminder.pk]
    assert steps[1].condition_config == {"check": "orders_missing", "since": "execution_start"}
    assert workflow.schedule.schedule_type == "weekly"
    assert workflow.schedule.next_run is None
    version = workflow.versions.get()
    assert version.version == 1
    assert version.definition == validate_workflow(doc).normalised
    assert version.created_by == user


def test_create_saves_nothing_when_invalid(doc: Doc, user: Any) -> None:
    doc["steps"][1]["action_config"]["template_id"] = 999_999
    doc["schedule"]["timezone"] = "Nowhere/Land"
    before = _counts()
    with pytest.raises(WorkflowValidationError) as caught:
        workflow_create(created_by=user, data=doc)
    assert _counts() == before
    assert {(e["path"], e["code"]) for e in caught.value.errors} == {
        ("/steps/1/action_config/template_id", "unknown_template"),
        ("/schedule/timezone", "invalid_timezone"),
    }


def test_create_resolves_template_names(doc: Doc, refs: Refs) -> None:
    action = doc["steps"][0]["action_config"]
    del action["template_id"]
    action["template"] = refs.order_form.name
    workflow = workflow_create(created_by=None, data=doc)
    step = workflow.steps.get(step_order=1)
    assert step.template_id == refs.order_form.pk
    assert step.action_config["template_id"] == refs.order_form.pk
    assert "template" not in step.action_config


def test_event_based_workflow_has_no_schedule(doc: Doc) -> None:
    doc["workflow_type"] = "event_based"
    del doc["schedule"]
    doc["event"] = {"type": "customer.created"}
    workflow = workflow_create(created_by=None, data=doc)
    assert not WorkflowSchedule.objects.filter(workflow=workflow).exists()
    assert workflow_definition(workflow)["event"] == {"type": "customer.created"}


# --- Update --------------------------------------------------------------------------------


def test_update_makes_a_new_version(doc: Doc, user: Any) -> None:
    workflow = workflow_create(created_by=user, data=doc)
    doc["name"] = "Ukentlig bestilling v2"
    doc["steps"] = doc["steps"][:1]

    updated = workflow_update(workflow=workflow, data=doc, updated_by=user, expected_version=1)

    assert updated.version == 2
    assert updated.name == "Ukentlig bestilling v2"
    assert list(updated.steps.values_list("step_order", flat=True)) == [1]
    assert list(workflow.versions.values_list("version", flat=True)) == [2, 1]
    assert workflow_definition(updated) == validate_workflow(doc).normalised


def test_update_keeps_step_rows_in_place(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    first_pk = workflow.steps.get(step_order=1).pk
    doc["steps"][0]["name"] = "Nytt navn"
    workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=None)
    step = WorkflowStep.objects.get(pk=first_pk)
    assert step.name == "Nytt navn"


def test_stale_update_is_a_conflict_and_saves_nothing(doc: Doc, user: Any) -> None:
    workflow = workflow_create(created_by=user, data=doc)
    doc["name"] = "Mine endringer"
    workflow_update(workflow=workflow, data=doc, updated_by=user, expected_version=1)

    doc["name"] = "Noen andres endringer"
    with pytest.raises(WorkflowConflict) as caught:
        workflow_update(workflow=workflow, data=doc, updated_by=user, expected_version=1)

    assert caught.value.current_version == 2
    assert caught.value.as_dict()["errors"][0]["code"] == "version_conflict"
    workflow.refresh_from_db()
    assert (workflow.name, workflow.version) == ("Mine endringer", 2)


def test_update_without_expected_version_is_last_writer_wins(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    doc["name"] = "B"
    assert (
        workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=None).version
        == 2
    )


def test_invalid_update_saves_nothing(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    before = _counts()
    doc["steps"][0]["step_type"] = "send_fax"
    with pytest.raises(WorkflowValidationError):
        workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)
    assert _counts() == before
    workflow.refresh_from_db()
    assert workflow.version == 1


def test_unchanged_update_makes_no_new_version(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    again = workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)
    assert again.version == 1
    assert workflow.versions.count() == 1


def test_update_of_an_active_workflow_recomputes_next_run(doc: Doc) -> None:
    workflow = workflow_deploy(workflow=workflow_create(created_by=None, data=doc), by=None)
    doc["schedule"]["schedule_config"] = {"day": "friday", "time": "10:30"}
    workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)
    next_run = WorkflowSchedule.objects.get(workflow=workflow).next_run.astimezone(OSLO)
    assert (next_run.strftime("%A"), next_run.strftime("%H:%M")) == ("Friday", "10:30")


def test_update_of_a_draft_keeps_next_run_empty(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    doc["schedule"]["schedule_config"] = {"day": "friday", "time": "10:30"}
    workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)
    assert WorkflowSchedule.objects.get(workflow=workflow).next_run is None


def test_update_from_scheduled_to_event_based_drops_the_schedule(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    doc["workflow_type"] = "event_based"
    del doc["schedule"]
    doc["event"] = {"type": "order.created"}
    updated = workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)
    assert not WorkflowSchedule.objects.filter(workflow=workflow).exists()
    assert workflow_definition(updated) == validate_workflow(doc).normalised


# --- Deploy, pause, archive ------------------------------------------------------------------


def test_deploy_activates_and_sets_next_run(doc: Doc, user: Any) -> None:
    workflow = workflow_create(created_by=user, data=doc)
    before = timezone.now()
    workflow = workflow_deploy(workflow=workflow, by=user)
    assert (workflow.status, workflow.is_active) == ("active", True)
    next_run = WorkflowSchedule.objects.get(workflow=workflow).next_run
    assert before < next_run <= before + dt.timedelta(days=7)
    local = next_run.astimezone(OSLO)
    assert (local.weekday(), local.hour, local.minute) == (0, 9, 0)


def test_deploy_validates_the_stored_definition_again(doc: Doc, refs: Refs) -> None:
    doc["steps"].append(
        {
            "step_type": "call_integration",
            "action_config": {"integration_id": refs.integration.pk, "method": "GET", "path": "x"},
        }
    )
    workflow = workflow_create(created_by=None, data=doc)
    Integration.objects.filter(pk=refs.integration.pk).update(is_active=False)
    with pytest.raises(WorkflowValidationError) as caught:
        workflow_deploy(workflow=workflow, by=None)
    assert [e["code"] for e in caught.value.errors] == ["inactive_integration"]
    workflow.refresh_from_db()
    assert workflow.status == "draft"
    assert WorkflowSchedule.objects.get(workflow=workflow).next_run is None


def test_pause_clears_next_run(doc: Doc) -> None:
    workflow = workflow_deploy(workflow=workflow_create(created_by=None, data=doc), by=None)
    workflow = workflow_pause(workflow=workflow, by=None)
    assert (workflow.status, workflow.is_active) == ("paused", False)
    assert WorkflowSchedule.objects.get(workflow=workflow).next_run is None


def test_paused_workflow_can_be_deployed_again(doc: Doc) -> None:
    workflow = workflow_pause(
        workflow=workflow_deploy(workflow=workflow_create(created_by=None, data=doc), by=None),
        by=None,
    )
    workflow = workflow_deploy(workflow=workflow, by=None)
    assert workflow.status == "active"
    assert WorkflowSchedule.objects.get(workflow=workflow).next_run is not None


def test_archived_workflow_cannot_be_edited_or_deployed(doc: Doc) -> None:
    workflow = workflow_archive(workflow=workflow_create(created_by=None, data=doc), by=None)
    assert (workflow.status, workflow.is_active) == ("archived", False)
    with pytest.raises(WorkflowValidationError) as caught:
        workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=None)
    assert "workflow_archived" in {e["code"] for e in caught.value.errors}
    with pytest.raises(WorkflowValidationError):
        workflow_deploy(workflow=workflow, by=None)


# --- Serialisation and selectors -------------------------------------------------------------


def test_serialize_adds_read_only_fields_to_the_definition(doc: Doc, user: Any) -> None:
    workflow = workflow_deploy(workflow=workflow_create(created_by=user, data=doc), by=user)
    data = workflow_serialize(WorkflowDefinition.objects.get(pk=workflow.pk))

    definition = validate_workflow(doc).normalised
    assert definition is not None
    read_only = {"id", "status", "version", "is_active", "created_by", "created_at", "updated_at"}
    assert set(data) == set(definition) | read_only
    assert {k: v for k, v in data.items() if k not in read_only and k != "schedule"} == {
        k: v for k, v in definition.items() if k != "schedule"
    }
    assert (data["id"], data["status"], data["version"]) == (workflow.pk, "active", 1)
    assert (data["is_active"], data["created_by"]) == (True, user.pk)
    next_run = dt.datetime.fromisoformat(data["schedule"]["next_run"])
    assert next_run.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))
    assert next_run.strftime("%H:%M") == "09:00"  # shown in the schedule's own zone
    assert data["schedule"]["last_run"] is None
    assert dt.datetime.fromisoformat(data["created_at"]).utcoffset() is not None


def test_serialized_document_can_be_sent_back(doc: Doc) -> None:
    workflow = workflow_create(created_by=None, data=doc)
    data = workflow_serialize(workflow)
    data["name"] = "Endret"
    updated = workflow_update(
        workflow=workflow, data=data, updated_by=None, expected_version=data["version"]
    )
    assert (updated.name, updated.version) == ("Endret", 2)


def test_selectors_scope_by_user_and_status(doc: Doc, user: Any) -> None:
    other = get_user_model().objects.create_user(username="ola", password="x")
    staff = get_user_model().objects.create_user(username="sjef", password="x", is_staff=True)
    mine = workflow_create(created_by=user, data=doc)
    theirs = workflow_deploy(workflow=workflow_create(created_by=other, data=doc), by=other)

    assert list(workflow_list(user=user)) == [mine]
    assert set(workflow_list(user=staff)) == {mine, theirs}
    assert list(workflow_list(status="active")) == [theirs]
    assert workflow_get(pk=mine.pk, user=user) == mine
    with pytest.raises(WorkflowDefinition.DoesNotExist):
        workflow_get(pk=theirs.pk, user=user)
