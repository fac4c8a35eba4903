"""/workflows: create, list, read, replace, patch, archive, test, deploy, pause, execute,
next-runs; each with its error paths."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition
from executions.models import WorkflowExecution
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]
WORKFLOWS = f"{BASE}/workflows"
OSLO = ZoneInfo("Europe/Oslo")


def url(pk: int, action: str = "") -> str:
    return f"{WORKFLOWS}/{pk}" + (f"/{action}" if action else "")


# --- Create ---------------------------------------------------------------------------------


def test_create_returns_201_with_id_and_the_workflow(business: APIClient, doc: Doc) -> None:
    response = business.post(WORKFLOWS, doc, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["id"] == WorkflowDefinition.objects.get().pk
    assert body["status"] == "draft" and body["version"] == 1 and body["is_active"] is False
    assert [s["name"] for s in body["steps"]] == ["Send bestillingsskjema", "Påminnelse"]
    assert body["schedule"]["next_run"] is None
    assert response["Location"] == url(body["id"])
    assert response["ETag"] == '"1"'


def test_create_lists_every_problem_and_saves_nothing(business: APIClient, doc: Doc) -> None:
    doc["steps"][1]["action_config"]["template_id"] = 999_999
    del doc["name"]

    body = assert_error(
        business.post(WORKFLOWS, doc, format="json"),
        400,
        "unknown_template",
        path="/steps/1/action_config/template_id",
    )

    assert "/name" in {e["path"] for e in body["errors"]}
    assert not WorkflowDefinition.objects.exists()


def test_create_refuses_a_document_that_is_not_an_object(business: APIClient) -> None:
    assert_error(business.post(WORKFLOWS, [1, 2], format="json"), 400, "invalid_type")


def test_malformed_json_is_400_and_other_media_types_415(business: APIClient) -> None:
    broken = business.post(WORKFLOWS, "{not json", content_type="application/json")
    assert_error(broken, 400, "parse_error")
    form = business.post(WORKFLOWS, {"name": "x"}, format="multipart")
    assert_error(form, 415, "unsupported_media_type")


def test_unknown_method_is_405(business: APIClient) -> None:
    assert_error(business.delete(WORKFLOWS), 405, "method_not_allowed")


# --- List -----------------------------------------------------------------------------------


def test_list_filters_and_paginates(
    viewer: APIClient, create_workflow: Callable[..., Doc], doc: Doc
) -> None:
    names = ["Alpha weekly", "Beta weekly", "Gamma daily"]
    created = [create_workflow({**copy.deepcopy(doc), "name": name}) for name in names]
    WorkflowDefinition.objects.filter(pk=created[0]["id"]).update(status="active", is_active=True)

    everything = viewer.get(WORKFLOWS).json()
    assert everything["count"] == 3
    assert [w["name"] for w in everything["results"]] == names

    assert [w["name"] for w in viewer.get(WORKFLOWS, {"status": "active"}).json()["results"]] == [
        "Alpha weekly"
    ]
    assert viewer.get(WORKFLOWS, {"search": "WEEKLY"}).json()["count"] == 2
    assert viewer.get(WORKFLOWS, {"workflow_type": "event_based"}).json()["count"] == 0

    page = viewer.get(WORKFLOWS, {"page_size": 2, "page": 2}).json()
    assert [w["name"] for w in page["results"]] == ["Gamma daily"]
    assert page["previous"] and page["next"] is None


def test_list_refuses_bad_filters_and_pages(viewer: APIClient) -> None:
    assert_error(viewer.get(WORKFLOWS, {"status": "sleeping"}), 400, "invalid_choice", "/status")
    assert_error(viewer.get(WORKFLOWS, {"page": 9}), 404, "not_found")


def test_page_size_is_capped_at_200(viewer: APIClient) -> None:
    from core.api import WorkflowAutomationPagination

    assert WorkflowAutomationPagination.max_page_size == 200
    assert viewer.get(WORKFLOWS, {"page_size": 10_000}).status_code == 200


# --- Read, replace, patch, archive ----------------------------------------------------------


def test_get_and_404(viewer: APIClient, create_workflow: Callable[..., Doc]) -> None:
    workflow = create_workflow()
    response = viewer.get(url(workflow["id"]))
    assert response.status_code == 200
    assert response.json() == workflow
    assert_error(viewer.get(url(workflow["id"] + 1000)), 404, "not_found")


def test_put_replaces_the_definition_as_a_new_version(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()
    workflow["name"] = "Renamed"
    workflow["steps"] = workflow["steps"][:1]

    response = business.put(url(workflow["id"]), workflow, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    assert response.json()["name"] == "Renamed"
    assert len(response.json()["steps"]) == 1
    assert response["ETag"] == '"2"'


def test_put_with_a_stale_version_is_409(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()
    first = business.put(url(workflow["id"]), {**workflow, "name": "One"}, format="json")
    assert first.json()["version"] == 2

    # Still based on version 1: someone else's edit must not be overwritten.
    stale = business.put(url(workflow["id"]), {**workflow, "name": "Two"}, format="json")

    body = assert_error(stale, 409, "version_conflict", path="/version")
    assert body["current_version"] == 2
    assert WorkflowDefinition.objects.get().name == "One"


def test_if_match_header_is_the_expected_version(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()
    body = {k: v for k, v in workflow.items() if k != "version"}

    stale = business.put(url(workflow["id"]), body, format="json", HTTP_IF_MATCH='"7"')
    assert_error(stale, 409, "version_conflict")
    fresh = business.put(
        url(workflow["id"]), {**body, "name": "New"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert fresh.status_code == 200
    bad = business.put(url(workflow["id"]), body, format="json", HTTP_IF_MATCH="soon")
    assert_error(bad, 400, "invalid", path="/version")


def test_put_invalid_is_400_and_changes_nothing(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()
    workflow["schedule"]["schedule_config"] = {"day": "someday", "time": "25:00"}

    assert business.put(url(workflow["id"]), workflow, format="json").status_code == 400
    assert WorkflowDefinition.objects.get().version == 1


def test_patch_merges_top_level_fields_and_validates_the_whole(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()

    response = business.patch(url(workflow["id"]), {"description": "Ny"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["description"] == "Ny"
    assert response.json()["steps"] == workflow["steps"]
    assert response.json()["version"] == 2

    # Switching to event_based without an event: the merged document is invalid.
    invalid = business.patch(url(workflow["id"]), {"workflow_type": "event_based"}, format="json")
    assert_error(invalid, 400, "event_required", path="/event")

    stale = business.patch(url(workflow["id"]), {"name": "X", "version": 1}, format="json")
    assert_error(stale, 409, "version_conflict")
    assert_error(business.patch(url(workflow["id"]), [1], format="json"), 400, "invalid_type")


def test_patch_can_switch_to_event_based(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()
    change = {"workflow_type": "event_based", "event": {"type": "order.created"}}

    response = business.patch(url(workflow["id"]), change, format="json")

    assert response.status_code == 200, response.json()
    assert "schedule" not in response.json()


def test_delete_archives_and_archived_cannot_change_or_run(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()

    assert business.delete(url(workflow["id"])).status_code == 204

    assert WorkflowDefinition.objects.get().status == "archived"
    edit = business.put(url(workflow["id"]), workflow, format="json")
    assert_error(edit, 400, "workflow_archived")
    assert_error(business.post(url(workflow["id"], "execute")), 409, "invalid_state")
    assert_error(business.delete(url(workflow["id"] + 99)), 404, "not_found")


# --- Deploy, pause, test, execute -----------------------------------------------------------


def test_deploy_activates_and_pause_stops(
    developer: APIClient, business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()

    deployed = developer.put(url(workflow["id"], "deploy"))
    assert deployed.status_code == 200, deployed.json()
    assert deployed.json()["status"] == "active" and deployed.json()["is_active"] is True
    next_run = dt.datetime.fromisoformat(deployed.json()["schedule"]["next_run"])
    assert next_run.astimezone(OSLO).strftime("%A %H:%M") == "Monday 09:00"

    paused = business.post(url(workflow["id"], "pause"))
    assert paused.status_code == 200
    assert paused.json()["status"] == "paused"
    assert paused.json()["schedule"]["next_run"] is None


def test_deploy_revalidates_the_stored_definition(
    developer: APIClient, create_workflow: Callable[..., Doc], refs: Any
) -> None:
    workflow = create_workflow()
    WorkflowDefinition.objects.filter(pk=workflow["id"]).update(status="archived")
    assert_error(developer.put(url(workflow["id"], "deploy")), 400, "workflow_archived")
    assert_error(developer.put(url(workflow["id"] + 50, "deploy")), 404, "not_found")


def test_test_run_returns_the_execution_and_a_report_per_step(
    business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()

    response = business.post(url(workflow["id"], "test"))

    assert response.status_code == 200, response.json()
    body = response.json()
    execution = WorkflowExecution.objects.get(pk=body["execution_id"])
    assert execution.is_test is True
    assert [step["step_order"] for step in body["steps"]] == [1, 2]
    assert set(body["steps"][0]) == {
        "step_order",
        "name",
        "step_type",
        "status",
        "recipients",
        "skipped",
        "other",
    }
    assert_error(business.post(url(workflow["id"] + 9, "test")), 404, "not_found")


def test_execute_returns_202_and_queues_a_run(
    business: APIClient,
    create_workflow: Callable[..., Doc],
    queued: dict[str, list],
    django_capture_on_commit_callbacks: Any,
) -> None:
    workflow = create_workflow()

    with django_capture_on_commit_callbacks(execute=True):
        response = business.post(url(workflow["id"], "execute"))

    assert response.status_code == 202, response.json()
    execution = WorkflowExecution.objects.get(pk=response.json()["execution_id"])
    assert execution.trigger == "manual" and execution.status == "queued"
    assert response.json()["status_url"] == f"{BASE}/executions/{execution.pk}/status"
    assert queued["delay"] == [(execution.pk,)]


def test_execute_with_the_same_idempotency_key_returns_the_same_execution(
    business: APIClient,
    create_workflow: Callable[..., Doc],
    queued: dict[str, list],
    django_capture_on_commit_callbacks: Any,
) -> None:
    workflow = create_workflow()
    headers = {"HTTP_IDEMPOTENCY_KEY": "order-sync-2025-01-06"}

    with django_capture_on_commit_callbacks(execute=True):
        first = business.post(url(workflow["id"], "execute"), **headers)
        again = business.post(url(workflow["id"], "execute"), **headers)

    assert first.status_code == again.status_code == 202
    assert first.json()["execution_id"] == again.json()["execution_id"]
    assert WorkflowExecution.objects.count() == 1
    assert len(queued["delay"]) == 1  # the retry does not start the run a second time

    other = business.post(url(workflow["id"], "execute"), HTTP_IDEMPOTENCY_KEY="another")
    assert other.json()["execution_id"] != first.json()["execution_id"]
    assert_error(
        business.post(url(workflow["id"], "execute"), HTTP_IDEMPOTENCY_KEY="k" * 300),
        400,
        "invalid",
        path="/Idempotency-Key",
    )


# --- Next runs ------------------------------------------------------------------------------


def test_next_runs_are_local_times_with_offset(
    viewer: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()

    response = viewer.get(url(workflow["id"], "next-runs"))
    assert response.status_code == 200
    runs = response.json()["runs"]
    assert len(runs) == 5
    assert response.json()["timezone"] == "Europe/Oslo"
    for text in runs:
        assert text.endswith(("+01:00", "+02:00"))  # the offset of Oslo on that date
        local = dt.datetime.fromisoformat(text)
        assert local.utcoffset() == local.astimezone(OSLO).utcoffset()
        assert local.strftime("%A %H:%M") == "Monday 09:00"
    assert runs == sorted(runs, key=dt.datetime.fromisoformat)

    assert len(viewer.get(url(workflow["id"], "next-runs"), {"count": 50}).json()["runs"]) == 50
    assert_error(viewer.get(url(workflow["id"], "next-runs"), {"count": 51}), 400, "max_value")
    assert_error(viewer.get(url(workflow["id"], "next-runs"), {"count": 0}), 400, "min_value")


def test_next_runs_of_an_event_based_workflow_is_400(
    viewer: APIClient, create_workflow: Callable[..., Doc], doc: Doc
) -> None:
    doc = {**doc, "workflow_type": "event_based", "event": {"type": "order.created"}}
    del doc["schedule"]
    workflow = create_workflow(doc)

    assert_error(viewer.get(url(workflow["id"], "next-runs")), 400, "not_scheduled")


def test_unpaired_surrogates_are_a_parse_error_not_a_500(business: APIClient) -> None:
    # Found by schemathesis: valid JSON, but not storable text.
    body = '{"name": "a\\ud80c", "workflow_type": "scheduled", "steps": []}'
    response = business.generic("POST", WORKFLOWS, body, content_type="application/json")
    assert_error(response, 400, "parse_error")


def test_nul_characters_are_a_parse_error_not_a_500(business: APIClient) -> None:
    body = '{"name": "a", "steps": [{"action_config": {"template": "x\\u0000"}}]}'
    response = business.generic("POST", WORKFLOWS, body, content_type="application/json")
    assert_error(response, 400, "parse_error")
