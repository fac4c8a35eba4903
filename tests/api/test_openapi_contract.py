"""The integrators' contract (issue 25, 1): every component has its own name, every answer
is described, and a step's configs are typed per step type as a discriminated union built
from the step-type registry (and a schedule's per schedule type from SCHEDULE_CONFIGS)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from rest_framework.test import APIClient

from automation import registry
from automation.registry import StepType, step_types
from automation.step_config import SCHEDULE_CONFIGS, ConfigModel

pytestmark = pytest.mark.django_db

REF = "#/components/schemas/"
WORKFLOWS = "/api/v1/workflow-automation/workflows"


def served() -> dict[str, Any]:
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def openapi() -> dict[str, Any]:
    return served()


def refs_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(refs_in(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(refs_in(item) for item in node))
    return set()


def test_no_two_components_share_a_title(openapi: dict[str, Any]) -> None:
    components = openapi["components"]["schemas"]
    titles = Counter(
        schema.get("title", name) for name, schema in components.items() if isinstance(schema, dict)
    )

    assert {title: n for title, n in titles.items() if n > 1} == {}
    assert not [name for name, schema in components.items() if "title" in schema]


def test_every_reference_resolves(openapi: dict[str, Any]) -> None:
    components = openapi["components"]["schemas"]

    dangling = {ref for ref in refs_in(openapi) if ref.removeprefix(REF) not in components}

    assert dangling == set()


def test_the_token_endpoints_describe_their_200(openapi: dict[str, Any]) -> None:
    for path in ("/api/v1/auth/token", "/api/v1/auth/refresh"):
        answer = openapi["paths"][path]["post"]["responses"]["200"]
        schema = answer["content"]["application/json"]["schema"]
        assert schema == {"$ref": REF + "TokenPair"}
    pair = openapi["components"]["schemas"]["TokenPair"]
    assert set(pair["required"]) == {"access", "refresh"}


def test_a_step_is_a_union_discriminated_by_step_type_from_the_registry(
    openapi: dict[str, Any],
) -> None:
    components = openapi["components"]["schemas"]
    for suffix in ("", "Request"):
        union = components[f"WorkflowStep{suffix}"]
        mapping = union["discriminator"]["mapping"]
        assert union["discriminator"]["propertyName"] == "step_type"
        assert set(mapping) == set(step_types())
        assert [item["$ref"] for item in union["oneOf"]] == list(mapping.values())
        for key, cls in step_types().items():
            variant = components[mapping[key].removeprefix(REF)]
            assert variant["properties"]["step_type"] == {"type": "string", "const": key}
            own = variant["properties"][cls.config_field]
            config = components[own["$ref"].removeprefix(REF)]
            expected = cls.Config.model_json_schema()
            assert set(config["properties"]) == set(expected["properties"])
            assert cls.config_field in variant["required"]


def test_unused_config_fields_are_typed_too(openapi: dict[str, Any]) -> None:
    send_email = openapi["components"]["schemas"]["WorkflowStepSendEmailRequest"]["properties"]

    assert send_email["condition_config"] == {
        "oneOf": [{"$ref": REF + "WorkflowCondition"}, {"$ref": REF + "WorkflowNoConfig"}]
    }
    assert send_email["trigger_config"]["oneOf"][0] == {"$ref": REF + "WorkflowTimeTrigger"}


def test_a_schedule_is_a_union_discriminated_by_schedule_type(openapi: dict[str, Any]) -> None:
    components = openapi["components"]["schemas"]
    union = components["WorkflowScheduleRequest"]

    assert union["discriminator"]["propertyName"] == "schedule_type"
    assert set(union["discriminator"]["mapping"]) == set(SCHEDULE_CONFIGS)
    weekly = components["WorkflowScheduleWeeklyRequest"]["properties"]
    assert weekly["schedule_config"] == {"$ref": REF + "WorkflowWeeklyScheduleConfig"}
    assert "next_run" not in weekly  # read-only, so not in a request
    assert components["WorkflowScheduleWeekly"]["properties"]["next_run"]["readOnly"] is True


class _Parrot(StepType):
    """A step type registered only in this test: the schema must follow the registry."""

    key = "repeat_after_me"
    label = "Repeat after me"
    config_field = "action_config"

    class Config(ConfigModel):
        """Say the words."""

        words: str
        times: int = 1


def test_a_newly_registered_step_type_appears_without_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(registry._REGISTRY, _Parrot.key, _Parrot)

    components = served()["components"]["schemas"]

    mapping = components["WorkflowStepRequest"]["discriminator"]["mapping"]
    variant = components[mapping["repeat_after_me"].removeprefix(REF)]
    assert variant["properties"]["action_config"] == {"$ref": REF + "WorkflowRepeatAfterMeConfig"}
    config = components["WorkflowRepeatAfterMeConfig"]
    assert config["required"] == ["words"] and config["description"] == "Say the words."


def test_a_new_schedule_type_appears_without_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    class FortnightlySchedule(ConfigModel):
        """Every other week."""

        time: str

    monkeypatch.setitem(SCHEDULE_CONFIGS, "fortnightly", FortnightlySchedule)

    components = served()["components"]["schemas"]

    assert "fortnightly" in components["WorkflowSchedule"]["discriminator"]["mapping"]
    assert components["WorkflowScheduleFortnightlyRequest"]["properties"]["schedule_config"] == {
        "$ref": REF + "WorkflowFortnightlyScheduleConfig"
    }


def test_the_assistants_draft_is_a_typed_workflow_or_null(openapi: dict[str, Any]) -> None:
    components = openapi["components"]["schemas"]

    workflow = components["AssistantReply"]["properties"]["workflow"]

    assert workflow["oneOf"] == [{"$ref": REF + "WorkflowDraft"}, {"type": "null"}]
    draft = components["WorkflowDraft"]
    assert "id" not in draft["properties"] and "steps" in draft["required"]
    assert refs_in(components["ScriptReply"]["properties"]["workflow"]) == {REF + "WorkflowDraft"}


def test_execution_started_has_the_status_enum_and_a_documented_relative_url(
    openapi: dict[str, Any],
) -> None:
    started = openapi["components"]["schemas"]["ExecutionStarted"]["properties"]
    assert started["status"] == {"$ref": REF + "ExecutionStatusEnum"}
    assert started["status_url"]["format"] == "uri-reference"

    execute = openapi["paths"][WORKFLOWS + "/{id}/execute"]["post"]["responses"]["202"]
    create = openapi["paths"][WORKFLOWS]["post"]["responses"]["201"]
    for answer in (execute, create):
        assert "relative" in answer["headers"]["Location"]["description"]


def test_operation_ids_read_as_what_they_do(openapi: dict[str, Any]) -> None:
    ids = {op["operationId"] for path in openapi["paths"].values() for op in path.values()}

    assert {"auth_token_create", "workflows_create", "executions_status_retrieve"} <= ids


def test_a_stored_workflow_with_an_immediate_step_matches_its_response_schema(
    developer: APIClient, create_workflow: Any, doc: dict[str, Any], openapi: dict[str, Any]
) -> None:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    doc["steps"].append(
        {
            "step_type": "generate_report",
            "action_config": {"report": "orders_missing", "send_to": ["ops@example.com"]},
        }
    )
    created = create_workflow(doc)
    body = developer.get(f"{WORKFLOWS}/{created['id']}").json()
    # {} (an immediate step's trigger_config) must match exactly one branch of each oneOf.
    assert body["steps"][2]["trigger_config"] == {}
    registry = Registry().with_resource(
        "urn:api", Resource.from_contents(openapi, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator(
        {"$ref": "urn:api#/components/schemas/Workflow"}, registry=registry
    )

    assert [error.message for error in validator.iter_errors(body)] == []
