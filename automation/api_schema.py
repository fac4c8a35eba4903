"""OpenAPI for the workflow document, built from the step-type registry.

The validator's JSON Schema (``automation.validation.workflow_json_schema()``) types each
step's configs with ``if``/``then`` on ``step_type``: exact for validation, but client
generators turn it into an untyped dict. The API publishes the same document as generators
understand it: a step is a ``oneOf`` of one schema per registered step type with a
``discriminator`` on ``step_type`` (and a schedule one per schedule type, on
``schedule_type``), each config typed by the pydantic model that validates it. Everything
comes from the registry (``automation.registry.step_types()``: each type's ``Config`` and
``config_field``) and from ``SCHEDULE_CONFIGS``; the field bounds (``step_order``, ``name``,
``max_retries`` ...) come from the validator's schema; nothing here names a step type.

Component names are unique (an OpenAPI component name is also the class name a generator
writes, so ``title``, which generators prefer, is dropped from the pydantic schemas):

* ``Workflow`` (a stored workflow, with its read-only fields), ``WorkflowRequest`` (POST,
  PUT), ``PatchedWorkflowRequest`` (PATCH: nothing required), ``WorkflowDraft`` (the canonical
  document of a workflow not saved yet, e.g. the assistant's proposal);
* ``WorkflowStep`` / ``WorkflowStepRequest``: the unions; ``WorkflowStep<Type>`` /
  ``WorkflowStep<Type>Request`` one per step type;
* ``WorkflowSchedule`` / ``WorkflowScheduleRequest`` and ``WorkflowSchedule<Type>[Request]``;
* ``Workflow<Model>``: the config models (``WorkflowSendEmailConfig``,
  ``WorkflowRecipients``, ``WorkflowCondition`` ...), the same in both directions;
  ``WorkflowNoConfig`` is ``{}``, what a step has in a config field it does not use.

The API publishes OpenAPI 3.1, whose schema dialect is JSON Schema 2020-12, the dialect of
the validator's schema.
"""

from __future__ import annotations

import copy
import inspect
import re
import typing
from typing import Any, Literal

from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiExample
from pydantic import BaseModel, ValidationError
from rest_framework import serializers

from automation.registry import step_types
from automation.step_config import SCHEDULE_CONFIGS, Condition, Recipients, TimeTrigger
from automation.validation import workflow_json_schema

COMPONENTS_PREFIX = "#/components/schemas/"
PREFIX = "Workflow"
NO_CONFIG = "WorkflowNoConfig"
CONFIG_FIELDS = ("trigger_config", "action_config", "condition_config")

Direction = Literal["request", "response"]

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


class WorkflowDraftSerializer(serializers.Serializer):
    """Placeholder for a workflow document not saved yet (no read-only fields), e.g. a field
    of a response serializer: ``workflow = WorkflowDraftSerializer(allow_null=True)``."""


def _ref(name: str) -> dict[str, str]:
    return {"$ref": COMPONENTS_PREFIX + name}


def _pascal(key: str) -> str:
    """``send_email`` -> ``SendEmail``: component names follow the registry's stable keys."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", key))


def _nested_models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The models ``model`` nests, by class name (pydantic's names for its ``$defs``)."""
    found: dict[str, type[BaseModel]] = {}
    pending: list[Any] = [field.annotation for field in model.model_fields.values()]
    while pending:
        annotation = pending.pop()
        if (
            isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
            and annotation.__name__ not in found
        ):
            found[annotation.__name__] = annotation
            pending += [field.annotation for field in annotation.model_fields.values()]
        pending += list(typing.get_args(annotation))
    return found


def _finished(schema: dict[str, Any], model: type[BaseModel] | None) -> dict[str, Any]:
    schema = _without_titles(schema)
    if model is not None and not schema.get("required"):
        try:
            model.model_validate({})
        except ValidationError:
            # Its rules ("exactly one of ...") refuse {}: say so, or {} would match both it
            # and WorkflowNoConfig in a config's oneOf.
            schema["minProperties"] = 1
    return schema


def _doc(model: type[BaseModel]) -> str:
    return inspect.cleandoc(model.__doc__ or "")


def _without_titles(node: Any) -> Any:
    # pydantic titles every model and field ("Config", "Template Id"); generators name
    # classes after titles, so eight models titled "Config" collide. A property that is
    # itself called "title" is a dict under "properties" and stays.
    if isinstance(node, dict):
        return {
            key: _without_titles(value)
            for key, value in node.items()
            if not (key == "title" and isinstance(value, str))
        }
    if isinstance(node, list):
        return [_without_titles(item) for item in node]
    return node


class _Components:
    """The components of one schema generation, registered with drf-spectacular's registry."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.model_names: dict[type[BaseModel], str] = {}

    def add(self, name: str, schema: dict[str, Any]) -> dict[str, str]:
        component = ResolvedComponent(
            name=name,
            type=ResolvedComponent.SCHEMA,
            # One identity for every workflow component: they are all built here.
            object=WorkflowDocumentSerializer,
            schema=schema,
        )
        if component in self.registry:
            existing = self.registry[component].schema
            if existing != schema:
                raise ValueError(f"two different OpenAPI components named {name!r}")
        else:
            self.registry.register_on_missing(component)
        return _ref(name)

    def model(self, model: type[BaseModel], name: str) -> dict[str, str]:
        """The component of a config model (and of the models it nests); its reference."""
        known = self.model_names.get(model)
        if known is not None:
            return _ref(known)
        schema = model.model_json_schema(ref_template=COMPONENTS_PREFIX + PREFIX + "{model}")
        nested_models = _nested_models(model)
        for nested_name, nested in schema.pop("$defs", {}).items():
            self.add(PREFIX + nested_name, _finished(nested, nested_models.get(nested_name)))
        self.model_names[model] = name
        return self.add(name, _finished(schema, model))


def _base() -> dict[str, Any]:
    # The validator's own schema: every bound of the format, from one place.
    return workflow_json_schema(include_read_only=True)


def _read_only(properties: dict[str, Any]) -> list[str]:
    return [name for name, prop in properties.items() if prop.get("readOnly")]


def _step_union(components: _Components, direction: Direction) -> dict[str, str]:
    base = _base()["$defs"]["Step"]
    shared = {
        "trigger_config": components.model(TimeTrigger, PREFIX + "TimeTrigger"),
        "condition_config": components.model(Condition, PREFIX + "Condition"),
    }
    components.model(Recipients, PREFIX + "Recipients")
    no_config = components.add(
        NO_CONFIG,
        {
            "type": "object",
            "description": "{}: a config field the step's type and trigger do not use.",
            "maxProperties": 0,
            "additionalProperties": False,
        },
    )
    suffix = "Request" if direction == "request" else ""
    mapping: dict[str, str] = {}
    for key, cls in sorted(step_types().items()):
        config_name = PREFIX + _pascal(key) + "Config"
        own = components.model(cls.Config, config_name)
        properties = copy.deepcopy(base["properties"])
        properties["step_type"] = {"type": "string", "const": key}
        for field in CONFIG_FIELDS:
            if field == cls.config_field:
                properties[field] = own
            elif field in shared:
                # Used by the trigger (time_based) or as an optional condition; {} otherwise.
                properties[field] = {"oneOf": [shared[field], no_config]}
            else:
                properties[field] = no_config
        required = ["step_type", cls.config_field]
        if direction == "response":
            required = list(properties)  # a stored step always has every field
        schema = {
            "type": "object",
            "description": _doc(cls.Config) or f"A {key} step.",
            "additionalProperties": False,
            "required": required,
            "properties": properties,
        }
        mapping[key] = components.add(f"{PREFIX}Step{_pascal(key)}{suffix}", schema)["$ref"]
    return components.add(
        f"{PREFIX}Step{suffix}",
        {
            "description": base["description"] + " One schema per step type, by step_type.",
            "oneOf": [{"$ref": ref} for ref in mapping.values()],
            "discriminator": {"propertyName": "step_type", "mapping": mapping},
        },
    )


def _schedule_union(components: _Components, direction: Direction) -> dict[str, str]:
    base = _base()["$defs"]["Schedule"]
    suffix = "Request" if direction == "request" else ""
    mapping: dict[str, str] = {}
    for kind, model in SCHEDULE_CONFIGS.items():
        properties = copy.deepcopy(base["properties"])
        properties["schedule_type"] = {"type": "string", "const": kind}
        properties["schedule_config"] = components.model(
            model, PREFIX + _pascal(kind) + "ScheduleConfig"
        )
        read_only = _read_only(properties)
        if direction == "request":
            for name in read_only:
                del properties[name]
        schema = {
            "type": "object",
            "description": _doc(model),
            "additionalProperties": False,
            # next_run and last_run are there for a stored workflow only, not in a draft.
            "required": ["schedule_type", "schedule_config"]
            + (["timezone"] if direction == "response" else []),
            "properties": properties,
        }
        name = f"{PREFIX}Schedule{_pascal(kind)}{suffix}"
        mapping[kind] = components.add(name, schema)["$ref"]
    return components.add(
        f"{PREFIX}Schedule{suffix}",
        {
            "description": "When a scheduled workflow runs. One schema per schedule_type.",
            "oneOf": [{"$ref": ref} for ref in mapping.values()],
            "discriminator": {"propertyName": "schedule_type", "mapping": mapping},
        },
    )


def workflow_document_schema(
    components: _Components,
    *,
    direction: Direction,
    read_only: bool,
    partial: bool = False,
) -> dict[str, Any]:
    """The top-level schema of a workflow document; registers what it references.

    ``read_only``: with the read-only fields of a stored workflow (``id``, ``status`` ...).
    ``partial``: PATCH, where the given top-level fields replace the stored ones.
    """
    base = _base()
    properties = copy.deepcopy(base["properties"])
    properties["steps"]["items"] = _step_union(components, direction)
    properties["schedule"] = {
        **_schedule_union(components, direction),
        "description": properties["schedule"]["description"],
    }
    event = copy.deepcopy(base["$defs"]["Event"])
    properties["event"] = {
        **components.add(PREFIX + "Event", event),
        "description": properties["event"]["description"],
    }
    if not read_only:
        for name in _read_only(properties):
            del properties[name]
    if direction == "request":
        required = [] if partial else list(base["required"])
    else:
        # Everything but the one of schedule / event the workflow type does not use.
        required = [name for name in properties if name not in ("schedule", "event")]
    return {
        "description": base["description"],
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


class WorkflowDocumentExtension(OpenApiSerializerExtension):
    target_class = WorkflowDocumentSerializer

    def get_name(self, auto_schema: Any, direction: str) -> str:
        # drf-spectacular adds "Request" (and "Patched") itself.
        return "Workflow"

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        return workflow_document_schema(
            _Components(auto_schema.registry),
            direction="response" if direction == "response" else "request",
            read_only=direction == "response",
            partial=direction != "response" and auto_schema.method == "PATCH",
        )


class WorkflowDraftExtension(OpenApiSerializerExtension):
    target_class = WorkflowDraftSerializer

    def get_name(self, auto_schema: Any, direction: str) -> str:
        return "WorkflowDraft"

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema = workflow_document_schema(
            _Components(auto_schema.registry), direction="response", read_only=False
        )
        schema["description"] = "A workflow not saved yet, in the canonical format."
        return schema


class ExecutionStatusField(serializers.CharField):
    """An execution's status in a response of this app; for OpenAPI only."""


class ExecutionStatusFieldExtension(OpenApiSerializerFieldExtension):
    # automation may not import executions (dependencies point the other way), so the
    # status refers to the enum component the executions endpoints publish.
    target_class = ExecutionStatusField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        return _ref("ExecutionStatusEnum")
