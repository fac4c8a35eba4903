"""OpenAPI for the workflow document: the validator's own JSON Schema, not a second copy.

``WorkflowDocumentSerializer`` is a placeholder the views name in ``extend_schema``; the
extension below replaces it with ``automation.validation.workflow_json_schema()``. The
schema's ``$defs`` become components (``Workflow<Name>``) because an OpenAPI document can
only resolve references under ``#/components/schemas``. The API publishes OpenAPI 3.1,
whose schema dialect is JSON Schema 2020-12, the dialect of the validator's schema.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiExample
from rest_framework import serializers

from automation.validation import workflow_json_schema

DEFS_PREFIX = "#/$defs/"
COMPONENTS_PREFIX = "#/components/schemas/"

RUNNING_EXAMPLE: dict[str, Any] = {
    "name": "Ukentlig bestilling",
    "description": "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
    "workflow_type": "scheduled",
    "schedule": {
        "schedule_type": "weekly",
        "schedule_config": {"day": "monday", "time": "09:00"},
        "timezone": "Europe/Oslo",
    },
    "steps": [
        {
            "step_order": 1,
            "name": "Send bestillingsskjema",
            "step_type": "send_email",
            "trigger_type": "time_based",
            "trigger_config": {"day": "monday", "time": "09:00"},
            "action_config": {"template_id": 1, "recipients": {"group": "all"}},
        },
        {
            "step_order": 2,
            "name": "Påminnelse",
            "step_type": "send_email",
            "trigger_type": "time_based",
            "trigger_config": {"day": "thursday", "time": "15:00"},
            "action_config": {"template_id": 2, "recipients": {"group": "all"}},
            "condition_config": {"check": "orders_missing", "since": "execution_start"},
        },
    ],
}

RUNNING_EXAMPLE_OPENAPI = OpenApiExample(
    "Weekly order form with a Thursday reminder",
    summary="The running example of workflow-format.md",
    description=(
        "Send the order form Monday 09:00; on Thursday 15:00 remind those who have not "
        "ordered. Templates 1 and 2 must exist."
    ),
    value=RUNNING_EXAMPLE,
    request_only=True,
)


class WorkflowDocumentSerializer(serializers.Serializer):
    """Placeholder for the workflow document in ``extend_schema``; never instantiated."""


def _rewrite_refs(node: Any, prefix: str) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                COMPONENTS_PREFIX + prefix + value.removeprefix(DEFS_PREFIX)
                if key == "$ref" and isinstance(value, str) and value.startswith(DEFS_PREFIX)
                else _rewrite_refs(value, prefix)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(item, prefix) for item in node]
    return node


def _strip_required(schema: dict[str, Any]) -> dict[str, Any]:
    # PATCH merges the given top-level fields onto the stored definition: none is required.
    return {key: value for key, value in schema.items() if key != "required"}


class WorkflowDocumentExtension(OpenApiSerializerExtension):
    target_class = WorkflowDocumentSerializer

    def get_name(self, auto_schema: Any, direction: str) -> str:
        return "Workflow"

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        read = direction == "response"
        schema = workflow_json_schema(include_read_only=read)
        schema.pop("$schema", None)
        prefix = "Workflow" if read else "WorkflowInput"
        for name, definition in schema.pop("$defs", {}).items():
            component = ResolvedComponent(
                name=prefix + name,
                type=ResolvedComponent.SCHEMA,
                object=f"{prefix}{name}",
                schema=_rewrite_refs(definition, prefix),
            )
            auto_schema.registry.register_on_missing(component)
        schema = _rewrite_refs(schema, prefix)
        if not read and auto_schema.method == "PATCH":
            schema = _strip_required(schema)
        return schema
