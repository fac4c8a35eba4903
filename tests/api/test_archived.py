"""Archived means archived (issue 25, 4): no next runs (with the reason), and pause, deploy and
execute answer 409 invalid_state, as other invalid transitions do; nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.services import WorkflowStateError, workflow_archive, workflow_pause
from executions.models import WorkflowExecution
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]


def url(pk: int, action: str = "") -> str:
    return f"{BASE}/workflows/{pk}" + (f"/{action}" if action else "")


@pytest.fixture
def archived(developer: APIClient, create_workflow: Callable[..., Doc]) -> Doc:
    workflow = create_workflow()
    assert developer.put(url(workflow["id"], "deploy")).status_code == 200
    assert developer.delete(url(workflow["id"])).status_code == 204
    return workflow


def test_next_runs_of_an_archived_workflow_are_none_with_the_reason(
    viewer: APIClient, archived: Doc
) -> None:
    response = viewer.get(url(archived["id"], "next-runs"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["runs"] == []
    assert body["reason"] == "archived"
    assert "archived" in body["message"]


def test_next_runs_of_a_live_workflow_have_no_reason(
    viewer: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    workflow = create_workflow()

    body = viewer.get(url(workflow["id"], "next-runs"), {"count": 2}).json()

    assert len(body["runs"]) == 2
    assert body["reason"] is None and body["message"] is None


@pytest.mark.parametrize(
    ("role", "method", "action"),
    [
        ("business", "post", "pause"),
        ("developer", "put", "deploy"),
        ("business", "post", "execute"),
    ],
)
def test_transitions_of_an_archived_workflow_are_409(
    client_for: Callable[[str | None], APIClient],
    archived: Doc,
    role: str,
    method: str,
    action: str,
) -> None:
    call = getattr(client_for(role), method)
    response = call(url(archived["id"], action), HTTP_ACCEPT_LANGUAGE="en")

    body = assert_error(response, 409, "invalid_state", path="")
    assert "archived" in body["errors"][0]["message"]
    workflow = WorkflowDefinition.objects.get(pk=archived["id"])
    assert (workflow.status, workflow.is_active) == ("archived", False)
    assert WorkflowSchedule.objects.get(workflow=workflow).next_run is None
    assert not WorkflowExecution.objects.exists()


def test_archiving_twice_is_still_204(developer: APIClient, archived: Doc) -> None:
    assert developer.delete(url(archived["id"])).status_code == 204


def test_the_service_refuses_to_pause_an_archived_workflow(archived: Doc) -> None:
    workflow = WorkflowDefinition.objects.get(pk=archived["id"])

    with pytest.raises(WorkflowStateError) as caught:
        workflow_pause(workflow=workflow, by=None)

    assert caught.value.errors[0]["code"] == "invalid_state"
    assert workflow_archive(workflow=workflow, by=None).status == "archived"
