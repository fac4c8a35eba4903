"""Hostile workflow documents (issue 22, 1 C): too deep, too big, out of range. Each is
answered 400 or 413 in the error shape, and nothing is saved or changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition, WorkflowVersion
from automation.validation import validate_workflow
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]
WORKFLOWS = f"{BASE}/workflows"


def nested_list(depth: int) -> Any:
    value: Any = []
    for _ in range(depth - 1):
        value = [value]
    return value


def deep_json(depth: int) -> str:
    # Built as text: json.dumps itself would recurse as deep as the value.
    return "[" * depth + "]" * depth


def test_action_config_nested_900_deep_is_400_on_create(business: APIClient, doc: Doc) -> None:
    doc["steps"][0]["action_config"] = nested_list(900)

    assert_error(business.post(WORKFLOWS, doc, format="json"), 400, "too_deep")

    assert not WorkflowDefinition.objects.exists()


def test_action_config_nested_900_deep_is_400_on_patch(
    business: APIClient, create_workflow: Callable[..., Doc], doc: Doc
) -> None:
    workflow = create_workflow()
    doc["steps"][1]["action_config"] = {"recipients": {"group": nested_list(900)}}

    response = business.patch(
        f"{WORKFLOWS}/{workflow['id']}", {"steps": doc["steps"]}, format="json"
    )

    assert_error(response, 400, "too_deep")
    assert WorkflowVersion.objects.filter(workflow_id=workflow["id"]).count() == 1


def test_a_100000_deep_body_is_400_not_a_parser_crash(business: APIClient) -> None:
    body = '{"name": ' + deep_json(100_000) + "}"

    response = business.post(WORKFLOWS, body, content_type="application/json")

    assert_error(response, 400, "too_deep")
    assert not WorkflowDefinition.objects.exists()


def test_the_validator_itself_refuses_too_deep_documents(doc: Doc) -> None:
    # Every entry point (pages, DSL, AI) reaches the validator without the API's parser.
    doc["steps"][0]["action_config"]["body"] = nested_list(900)

    result = validate_workflow(doc)

    assert [(e["path"], e["code"]) for e in result.errors] == [
        ("/steps/0/action_config/body" + "/0" * 60, "too_deep")
    ]


def test_100000_steps_is_413_in_the_error_shape(business: APIClient, doc: Doc) -> None:
    step = doc["steps"][0]
    body = json.dumps({**doc, "steps": [step] * 100_000})

    response = business.post(WORKFLOWS, body, content_type="application/json")

    assert_error(response, 413, "too_large")
    assert not WorkflowDefinition.objects.exists()


@pytest.mark.parametrize("order", [2**63, 2**31, -1, 0])
def test_step_order_out_of_range_is_400(business: APIClient, doc: Doc, order: int) -> None:
    doc["steps"][0]["step_order"] = order

    response = business.post(WORKFLOWS, doc, format="json")

    assert_error(response, 400, "out_of_range", path="/steps/0/step_order")
    assert not WorkflowDefinition.objects.exists()


def test_a_one_megabyte_description_is_400(business: APIClient, doc: Doc) -> None:
    doc["description"] = "x" * 1_000_000

    assert_error(business.post(WORKFLOWS, doc, format="json"), 400, "too_long", "/description")

    assert not WorkflowDefinition.objects.exists()


def test_a_long_but_reasonable_description_is_kept(business: APIClient, doc: Doc) -> None:
    doc["description"] = "Ukentlig bestilling. " * 90  # 1,890 characters

    response = business.post(WORKFLOWS, doc, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["description"] == doc["description"]
