"""/api/schema/: an accurate OpenAPI document, and schemathesis against it finds no 5xx."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error

from config.wsgi import application
from tests.api.conftest import bearer, make_user

pytestmark = pytest.mark.django_db

OURS = r"^/api/v1/(workflow-automation/(workflows|executions|dashboard)|auth/)"
MAX_EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))


@pytest.fixture
def openapi() -> dict[str, Any]:
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_openapi_31_with_the_workflow_json_schema(openapi: dict[str, Any]) -> None:
    from automation.validation import workflow_json_schema

    assert openapi["openapi"].startswith("3.1")
    components = openapi["components"]["schemas"]
    expected = workflow_json_schema(include_read_only=False)
    request_schema = components["WorkflowRequest"]
    assert request_schema["required"] == expected["required"]
    assert set(request_schema["properties"]) == set(expected["properties"])
    assert request_schema["properties"]["steps"]["items"] == {
        "$ref": "#/components/schemas/WorkflowStepRequest"
    }
    assert "WorkflowStepRequest" in components and "WorkflowStep" in components
    assert components["Workflow"]["properties"]["id"]["readOnly"] is True


def test_post_workflows_documents_the_running_example_and_errors(
    openapi: dict[str, Any],
) -> None:
    post = openapi["paths"]["/api/v1/workflow-automation/workflows"]["post"]
    examples = post["requestBody"]["content"]["application/json"]["examples"]
    example = next(iter(examples.values()))["value"]
    assert example["name"] == "Ukentlig bestilling"
    assert [s["step_order"] for s in example["steps"]] == [1, 2]
    for status in ("400", "401", "403"):
        schema = post["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
    assert post["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Workflow"
    }


def test_every_operation_of_ours_documents_401_and_403(openapi: dict[str, Any]) -> None:
    import re

    missing = [
        f"{method.upper()} {path}"
        for path, operations in openapi["paths"].items()
        if re.match(OURS, path) and "/auth/" not in path
        for method, operation in operations.items()
        if method in ("get", "post", "put", "patch", "delete")
        and not {"401", "403"} <= set(operation["responses"])
    ]
    assert not missing


def test_edits_document_409_and_if_match(openapi: dict[str, Any]) -> None:
    put = openapi["paths"]["/api/v1/workflow-automation/workflows/{id}"]["put"]
    assert "409" in put["responses"]
    assert "If-Match" in {p["name"] for p in put["parameters"]}
    execute = openapi["paths"]["/api/v1/workflow-automation/workflows/{id}/execute"]["post"]
    assert "202" in execute["responses"]
    assert "Idempotency-Key" in {p["name"] for p in execute["parameters"]}


def test_docs_page_is_served_without_a_cdn() -> None:
    response = APIClient().get("/api/docs/")
    assert response.status_code == 200
    assert b"cdn." not in response.content


# --- Property-based: schemathesis ------------------------------------------------------------


# Loaded at collection: generating the schema needs no database.
fuzz = schemathesis.openapi.from_wsgi("/api/schema/", application).include(path_regex=OURS)


@pytest.fixture
def wsgi_keeps_the_test_connection(db: None) -> Iterator[None]:
    # Requests go through the real WSGI handler, whose request signals would close the test's
    # connection (and its transaction); Django's test client disconnects them the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def developer_token(db: None) -> str:
    return bearer(make_user("developer", username="fuzzer"))


@pytest.mark.slow
@fuzz.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("API_FUZZ_RANDOM") != "1",
)
def test_no_server_errors(
    case: Any, developer_token: str, queued: Any, wsgi_keeps_the_test_connection: None
) -> None:
    case.call_and_validate(headers={"Authorization": developer_token}, checks=[not_a_server_error])
