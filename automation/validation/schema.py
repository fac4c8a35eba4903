"""The JSON Schema of a workflow document (pass 2, structure).

``workflow_json_schema()`` is built from the registered step types' pydantic ``Config``
classes and the shared config models; the API publishes it and the LLM is given it.
``schema_problems`` runs it over a submitted document and translates every error into a JSON
Pointer, a code (``codes.ERROR_CODES``) and a message in the reader's language.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel

from automation.registry import StepType, step_types
from automation.step_config import (
    EVENT_TYPES,
    HOLIDAY_POLICIES,
    SCHEDULE_CONFIGS,
    SINCE_PATTERN,
    TIME_PATTERN,
    WEEKDAYS,
    Condition,
    Recipients,
    TimeTrigger,
)
from automation.validation.document import (
    MAX_DESCRIPTION,
    MAX_STEP_ORDER,
    MAX_STEPS,
    SCHEDULE_READ_ONLY_FIELDS,
    TRIGGER_TYPES,
)
from automation.validation.problems import Path, Problems

# --- Building the schema ------------------------------------------------------------------


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _add_model(defs: dict[str, Any], model: type[BaseModel], name: str | None = None) -> str:
    """Put ``model``'s schema (and its nested models) into ``defs``; return its def name."""
    name = name or model.__name__
    schema = model.model_json_schema(ref_template="#/$defs/{model}")
    for nested_name, nested in schema.pop("$defs", {}).items():
        existing = defs.setdefault(nested_name, nested)
        if existing != nested:  # two different models share a class name
            raise ValueError(f"conflicting JSON schema definitions for {nested_name!r}")
    existing = defs.setdefault(name, schema)
    if existing != schema:
        raise ValueError(f"conflicting JSON schema definitions for {name!r}")
    return name


def _when(prop: str, value: str, then: dict[str, Any]) -> dict[str, Any]:
    return {"if": {"properties": {prop: {"const": value}}, "required": [prop]}, "then": then}


def _config_def_name(cls: type[StepType]) -> str:
    # Shared models (Condition, TimeTrigger) keep their own name; a nested ``Config`` is
    # named after its step type.
    return f"{cls.__name__}Config" if cls.Config.__name__ == "Config" else cls.Config.__name__


def _step_branches(defs: dict[str, Any], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Which config model a step's fields follow: by its step type, then by its trigger."""
    registry = step_types()
    branches: list[dict[str, Any]] = []
    for key in keys:
        cls = registry[key]
        name = _add_model(defs, cls.Config, _config_def_name(cls))
        branches.append(
            _when(
                "step_type",
                key,
                {"properties": {cls.config_field: _ref(name)}, "required": [cls.config_field]},
            )
        )
    branches.append(
        _when(
            "trigger_type",
            "time_based",
            {
                "properties": {"trigger_config": _ref("TimeTrigger")},
                "required": ["trigger_config"],
            },
        )
    )
    branches.append(
        _when(
            "trigger_type",
            "condition_based",
            {
                "properties": {"condition_config": _ref("Condition")},
                "required": ["condition_config"],
            },
        )
    )
    return branches


def _step_def(defs: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "One step. The step type decides which config field it reads.",
        "required": ["step_type"],
        "additionalProperties": False,
        "properties": {
            "step_order": {"type": "integer", "minimum": 1, "maximum": MAX_STEP_ORDER},
            "name": {"type": "string", "maxLength": 200},
            "step_type": {"type": "string", "enum": list(keys)},
            "trigger_type": {"type": "string", "enum": list(TRIGGER_TYPES), "default": "immediate"},
            "trigger_config": {"type": "object"},
            "action_config": {"type": "object"},
            # An empty object means "no condition"; anything else is one check.
            "condition_config": {
                "type": "object",
                "if": {"minProperties": 1},
                "then": _ref("Condition"),
            },
            "is_active": {"type": "boolean", "default": True},
            "max_retries": {"type": "integer", "minimum": 0, "maximum": 10, "default": 3},
        },
        "allOf": _step_branches(defs, keys),
    }


def _schedule_def(include_read_only: bool) -> dict[str, Any]:
    schedule_props: dict[str, Any] = {
        "schedule_type": {"type": "string", "enum": list(SCHEDULE_CONFIGS)},
        "schedule_config": {"type": "object"},
        "timezone": {
            "type": "string",
            "minLength": 1,
            "description": "IANA time zone name.",
            "default": settings.TIME_ZONE,
        },
        "holiday_policy": {
            "type": "string",
            "enum": list(HOLIDAY_POLICIES),
            "default": "run",
            "description": "What a run (and a step's weekday) does on a public holiday or "
            "closed day: run anyway, skip it, or move it to the next or previous business "
            "day at the same time. A moved run never reaches the next planned run.",
        },
    }
    if include_read_only:
        for name in SCHEDULE_READ_ONLY_FIELDS:
            schedule_props[name] = {
                "type": ["string", "null"],
                "format": "date-time",
                "readOnly": True,
            }
    return {
        "type": "object",
        "required": ["schedule_type", "schedule_config"],
        "additionalProperties": False,
        "properties": schedule_props,
        "allOf": [
            _when("schedule_type", key, {"properties": {"schedule_config": _ref(model.__name__)}})
            for key, model in SCHEDULE_CONFIGS.items()
        ],
    }


def _event_def() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "What starts an event-based workflow; further keys are event options.",
        "required": ["type"],
        "properties": {
            "type": {"type": "string", "enum": list(EVENT_TYPES)},
            # A webhook event's name is at most 100 characters (executions.webhooks): a
            # longer one could never be received.
            "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "description": "webhook only: the event name it starts on (none: every webhook)",
            },
        },
    }


def _workflow_properties(include_read_only: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "description": {"type": "string", "maxLength": MAX_DESCRIPTION},
        "workflow_type": {"type": "string", "enum": ["scheduled", "event_based"]},
        "schedule": {**_ref("Schedule"), "description": "Required iff workflow_type=scheduled."},
        "event": {**_ref("Event"), "description": "Required iff workflow_type=event_based."},
        "steps": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_STEPS,
            "items": _ref("Step"),
        },
    }
    if include_read_only:
        properties.update(
            {
                "id": {"type": "integer", "readOnly": True},
                "status": {
                    "type": "string",
                    "enum": ["draft", "active", "paused", "archived"],
                    "readOnly": True,
                },
                "version": {"type": "integer", "readOnly": True},
                "is_active": {"type": "boolean", "readOnly": True},
                "created_by": {"type": ["integer", "null"], "readOnly": True},
                "created_at": {"type": "string", "format": "date-time", "readOnly": True},
                "updated_at": {"type": "string", "format": "date-time", "readOnly": True},
            }
        )
    return properties


@functools.lru_cache(maxsize=8)
def build_schema(include_read_only: bool, keys: tuple[str, ...]) -> dict[str, Any]:
    """The schema for the step types ``keys``; cached, so callers must not change it."""
    defs: dict[str, Any] = {}
    for model in (Recipients, Condition, TimeTrigger, *SCHEDULE_CONFIGS.values()):
        _add_model(defs, model)
    defs["Step"] = _step_def(defs, keys)
    defs["Schedule"] = _schedule_def(include_read_only)
    defs["Event"] = _event_def()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Workflow",
        "description": "A workflow definition in the canonical format (workflow-format.md).",
        "type": "object",
        "required": ["name", "workflow_type", "steps"],
        "additionalProperties": False,
        "properties": _workflow_properties(include_read_only),
        "$defs": defs,
    }


def workflow_json_schema(*, include_read_only: bool = True) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a workflow document, from the registered step types.

    The API publishes it with ``include_read_only=True`` (read-only fields marked
    ``readOnly``); the AI assistant hands the LLM ``include_read_only=False``. It describes
    structure only: references to templates, groups etc. are checked by
    ``validate_workflow``. A fresh copy is returned, so callers may adapt it.
    """
    return copy.deepcopy(build_schema(include_read_only, tuple(sorted(step_types()))))


# --- The schema pass ------------------------------------------------------------------------


def schema_problems(doc: dict[str, Any], problems: Problems) -> None:
    validator = _input_validator(tuple(sorted(step_types())))
    # Sorted by path so that a parent's problem is recorded before its children's.
    for error in sorted(validator.iter_errors(doc), key=lambda e: len(e.absolute_path)):
        for path, code, message in translate_schema_error(error):
            problems.add(path, code, message)


@functools.lru_cache(maxsize=4)
def _input_validator(keys: tuple[str, ...]) -> Draft202012Validator:
    # Keyed by the registered step types, so a type registered later gets a fresh schema.
    return Draft202012Validator(build_schema(False, keys))


# --- Schema errors -> (path, code, message) -------------------------------------------------

Found = Iterator[tuple[Path, str, str]]


def translate_schema_error(error: SchemaError) -> Found:
    """One jsonschema error as our problems: ``required`` and ``additionalProperties`` name
    each missing or unknown field on its own path; every other error stays at its path."""
    path: Path = tuple(error.absolute_path)
    translate = _TRANSLATORS.get(str(error.validator), _other_error)
    yield from translate(error, path)


def _required(error: SchemaError, path: Path) -> Found:
    present = error.instance if isinstance(error.instance, dict) else {}
    for name in error.validator_value:
        if name not in present:
            yield (*path, name), "required", _("This field is required.")


def _additional_properties(error: SchemaError, path: Path) -> Found:
    known = error.schema.get("properties", {})
    for name in error.instance:
        if name not in known:
            yield (
                (*path, name),
                "unknown_field",
                _("Unknown field “%(field)s”.") % {"field": name},
            )


def _wrong_type(error: SchemaError, path: Path) -> Found:
    expected = error.validator_value
    expected = " or ".join(expected) if isinstance(expected, list) else expected
    yield path, "invalid_type", _("Expected a value of type %(type)s.") % {"type": expected}


def _not_a_choice(error: SchemaError, path: Path) -> Found:
    """``enum`` and ``const``: the code says which choice (step type, event, method, day)."""
    last = path[-1] if path else None
    allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
    values = ", ".join(str(v) for v in allowed)
    if last == "step_type":
        yield (
            path,
            "unknown_step_type",
            _("Unknown step type “%(value)s”; known types: %(allowed)s.")
            % {"value": error.instance, "allowed": values},
        )
    elif path == ("event", "type"):
        yield (
            path,
            "unknown_event_type",
            _("Unknown event type “%(value)s”; use one of %(allowed)s.")
            % {"value": error.instance, "allowed": values},
        )
    elif last == "method":
        yield (
            path,
            "invalid_method",
            _("HTTP method “%(value)s” is not allowed; use one of %(allowed)s.")
            % {"value": error.instance, "allowed": values},
        )
    elif set(allowed) <= set(WEEKDAYS):
        yield (
            path,
            "invalid_day",
            _("“%(value)s” is not a day of the week.") % {"value": error.instance},
        )
    else:
        yield (
            path,
            "invalid_choice",
            _("“%(value)s” is not one of: %(allowed)s.")
            % {
                "value": error.instance,
                "allowed": values,
            },
        )


def _pattern(error: SchemaError, path: Path) -> Found:
    if error.validator_value == TIME_PATTERN:
        yield (
            path,
            "invalid_time",
            _("“%(value)s” is not a time of day as HH:MM.") % {"value": error.instance},
        )
    elif error.validator_value == SINCE_PATTERN:
        yield (
            path,
            "invalid_since",
            _("since must be “execution_start” or “last_<weekday>”, not “%(value)s”.")
            % {"value": error.instance},
        )
    else:
        yield (
            path,
            "invalid_value",
            _("“%(value)s” has the wrong format.") % {"value": error.instance},
        )


def _min_length(error: SchemaError, path: Path) -> Found:
    if error.validator_value == 1:
        yield path, "too_short", _("This may not be empty.")
    else:
        yield path, "too_short", _("At least %(n)s characters.") % {"n": error.validator_value}


def _max_length(error: SchemaError, path: Path) -> Found:
    yield path, "too_long", _("At most %(n)s characters.") % {"n": error.validator_value}


def _min_items(error: SchemaError, path: Path) -> Found:
    if path == ("steps",):
        yield path, "too_few_steps", _("A workflow needs at least one step.")
    else:
        yield path, "too_few_items", _("At least %(n)s items.") % {"n": error.validator_value}


def _max_items(error: SchemaError, path: Path) -> Found:
    if path == ("steps",):
        yield (
            path,
            "too_many_steps",
            _("A workflow has at most %(n)s steps.") % {"n": error.validator_value},
        )
    else:
        yield path, "too_many_items", _("At most %(n)s items.") % {"n": error.validator_value}


def _out_of_range(error: SchemaError, path: Path) -> Found:
    bound = {
        "minimum": _("at least %(n)s"),
        "maximum": _("at most %(n)s"),
        "exclusiveMinimum": _("more than %(n)s"),
        "exclusiveMaximum": _("less than %(n)s"),
    }[str(error.validator)] % {"n": error.validator_value}
    yield path, "out_of_range", _("The value must be %(bound)s.") % {"bound": bound}


def _other_error(error: SchemaError, path: Path) -> Found:
    # anyOf etc.: e.g. day_of_month "first" (an integer 1-31 or "last" is expected).
    yield (
        path,
        "invalid_value",
        _("“%(value)s” is not an acceptable value here.") % {"value": error.instance},
    )


#: The jsonschema keyword that failed -> how its error reads.
_TRANSLATORS: dict[str, Callable[[SchemaError, Path], Found]] = {
    "required": _required,
    "additionalProperties": _additional_properties,
    "type": _wrong_type,
    "enum": _not_a_choice,
    "const": _not_a_choice,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "maxItems": _max_items,
    "minimum": _out_of_range,
    "maximum": _out_of_range,
    "exclusiveMinimum": _out_of_range,
    "exclusiveMaximum": _out_of_range,
}
