"""THE validator of the workflow format (``shared/docs/workflow-format.md``).

Every entry point (API, HTMX pages, admin, AI assistant, DSLs) calls ``validate_workflow``;
the services call it before any write. It works in four passes over a copy of the input:

1. Light normalisation that never moves anything (so error paths still point into the
   submitted document): day names to English, ``9:00`` to ``09:00``, HTTP methods to upper
   case; read-only fields (``id``, ``status``, ``schedule.next_run`` ...) are dropped so a
   client may send back what it read.
2. Structure: the JSON Schema from ``workflow_json_schema()`` (built from the step types'
   pydantic ``Config`` classes), every error translated to a JSON Pointer and a code.
3. Config models: each config that passed the schema is parsed with its pydantic model,
   which adds the cross-field rules ("exactly one of") the schema does not express.
4. Meaning: referenced templates, groups, customers and integrations exist, ``from_step``
   names an earlier step that yields customers, time zone and cron are valid, schedule vs
   event fits the workflow type, and the sending-frequency policy.

Every problem is reported (one per location), each as ``{"path", "code", "message"}``.
When there is none, ``ValidationResult.normalised`` is the canonical document: defaults
filled, template names resolved to ids, steps sorted and renumbered 1..n.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import available_timezones

from croniter import croniter
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from automation.models import Integration, WorkflowDefinition
from automation.registry import StepType, step_types
from automation.step_config import (
    EVENT_TYPES,
    GROUP_ALL,
    SCHEDULE_CONFIGS,
    SINCE_PATTERN,
    TIME_PATTERN,
    WEEKDAYS,
    Condition,
    Recipients,
    TimeTrigger,
    is_relative_path,
    normalise_day,
    normalise_time,
)
from core.errors import DomainError
from core.pointer import pointer_of
from customers.models import Customer, CustomerGroup
from templates_app.models import EmailTemplate

__all__ = [
    "ERROR_CODES",
    "READ_ONLY_FIELDS",
    "ValidationResult",
    "WorkflowValidationError",
    "validate_workflow",
    "workflow_json_schema",
]

#: Every code the validator may report, with what it means. Codes are stable: clients, the
#: AI assistant's repair prompt and translations key on them.
ERROR_CODES: dict[str, str] = {
    # Structure (JSON Schema)
    "invalid_type": "The value has the wrong JSON type (e.g. a string where a number belongs).",
    "required": "A required field is missing.",
    "unknown_field": "A field that the format does not define.",
    "invalid_choice": "The value is not one of the allowed values.",
    "invalid_value": "The value is not acceptable here (see the message).",
    "too_short": "The text is too short (e.g. an empty name).",
    "too_long": "The text is too long (e.g. a name over 200 characters).",
    "too_few_items": "The list has too few items.",
    "too_many_items": "The list has too many items.",
    "out_of_range": "The number is outside the allowed range.",
    "too_few_steps": "A workflow needs at least one step.",
    "too_many_steps": "A workflow has at most 50 steps.",
    "unknown_step_type": "step_type names no registered step type.",
    "unknown_event_type": "event.type is not order.created, customer.created or webhook.",
    "invalid_method": "An HTTP method other than GET, POST, PUT, PATCH or DELETE.",
    "invalid_time": "A time that is not HH:MM on a 24-hour clock.",
    "invalid_day": "A day name that is not a weekday (English or Norwegian).",
    "invalid_since": 'since is neither "execution_start" nor "last_<weekday>".',
    "invalid_datetime": "Not an ISO 8601 date-time with a UTC offset.",
    # Cross-field rules of one config (pydantic)
    "exactly_one_required": "Give exactly one of a set of alternative fields.",
    "condition_field_not_allowed": "A condition field that does not belong to this check.",
    "condition_filter_empty": "customer_filter needs at least one of group, active, language.",
    "invalid_trigger_config": "trigger_config is not one of the allowed shapes.",
    # Meaning
    "schedule_required": "A scheduled workflow needs a schedule.",
    "schedule_forbidden": "An event-based workflow has no schedule.",
    "event_required": "An event-based workflow needs an event.",
    "event_forbidden": "A scheduled workflow has no event.",
    "invalid_timezone": "Not an IANA time zone name (e.g. Europe/Oslo).",
    "invalid_cron": "Not a valid five-field cron expression.",
    "duplicate_step_order": "Two steps have the same step_order.",
    "unexpected_config": "A config field this step type and trigger do not use.",
    "unknown_template": "The email template (id or name) does not exist.",
    "unknown_group": 'The customer group is neither "all" nor an existing group slug.',
    "unknown_customer": "A customer id that does not exist.",
    "unknown_integration": "The integration does not exist.",
    "inactive_integration": "The integration exists but is switched off.",
    "from_step_unknown": "from_step names no step of this workflow.",
    "from_step_not_earlier": "from_step must name an earlier step.",
    "from_step_no_customers": "from_step names a step that does not produce customers.",
    "event_customer_unavailable": "event_customer needs an order.created or customer.created "
    "event.",
    "invalid_email": "Not a valid email address.",
    "path_not_relative": "A path must stay under the integration's base URL.",
    "unknown_staff_group": "No group of users (Django auth group) has that name.",
    "schedule_too_frequent": "A workflow that sends email may run at most once an hour.",
    "workflow_archived": "An archived workflow cannot be changed.",
}


def error_codes() -> dict[str, str]:
    """Every code the validator may report: its own (``ERROR_CODES``) and those of the
    registered step types' configs (``StepType.error_codes``)."""
    codes = dict(ERROR_CODES)
    for cls in step_types().values():
        codes.update(cls.error_codes)
    return codes


#: Fields that responses carry but a submitted document may not set; they are ignored.
READ_ONLY_FIELDS: tuple[str, ...] = (
    "id",
    "status",
    "version",
    "is_active",
    "created_by",
    "created_at",
    "updated_at",
)
SCHEDULE_READ_ONLY_FIELDS: tuple[str, ...] = ("next_run", "last_run")

MAX_STEPS = 50
STEP_DEFAULTS: dict[str, Any] = {
    "name": "",
    "trigger_type": "immediate",
    "trigger_config": {},
    "action_config": {},
    "condition_config": {},
    "is_active": True,
    "max_retries": 3,
}
# Key order of a normalised step (dict order is kept through JSON and the API).
STEP_KEYS: tuple[str, ...] = (
    "step_order",
    "name",
    "step_type",
    "trigger_type",
    "trigger_config",
    "action_config",
    "condition_config",
    "is_active",
    "max_retries",
)
TRIGGER_TYPES = ("immediate", "time_based", "condition_based")
CONFIG_FIELDS = ("trigger_config", "action_config", "condition_config")
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

Path = tuple[str | int, ...]


# --- Results -----------------------------------------------------------------------------


#: RFC 6901 JSON Pointer for a path given as one sequence ("" is the whole document).
pointer = pointer_of


@dataclass
class ValidationResult:
    """``errors`` in the documented shape; ``normalised`` only when there are none."""

    errors: list[dict[str, str]] = field(default_factory=list)
    normalised: dict[str, Any] | None = None

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        """The documented 400 body: ``{"errors": [...]}``."""
        return {"errors": list(self.errors)}

    def codes(self) -> set[str]:
        return {e["code"] for e in self.errors}

    def raise_if_invalid(self) -> dict[str, Any]:
        """The normalised document, or ``WorkflowValidationError`` with every problem."""
        if self.errors:
            raise WorkflowValidationError(self.errors)
        assert self.normalised is not None
        return self.normalised


class WorkflowValidationError(DomainError):
    """Raised by the services when a document is invalid; nothing has been saved."""

    status_code = 400

    def as_dict(self) -> dict[str, Any]:
        return {"errors": list(self.errors)}


class _Problems:
    """Collects problems, one per location: the first (most basic) one wins."""

    def __init__(self) -> None:
        self._by_path: dict[str, dict[str, str]] = {}

    def add(self, path: Path, code: str, message: str) -> None:
        assert code in error_codes(), code
        key = pointer(path)
        self._by_path.setdefault(key, {"path": key, "code": code, "message": str(message)})

    def under(self, path: Path) -> bool:
        """Whether a problem was already found at ``path`` or inside it."""
        prefix = pointer(path)
        return any(p == prefix or p.startswith(prefix + "/") for p in self._by_path)

    def as_list(self) -> list[dict[str, str]]:
        return list(self._by_path.values())


# --- JSON Schema -------------------------------------------------------------------------


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


@functools.lru_cache(maxsize=8)
def _build_schema(include_read_only: bool, keys: tuple[str, ...]) -> dict[str, Any]:
    registry = step_types()
    defs: dict[str, Any] = {}
    for model in (Recipients, Condition, TimeTrigger, *SCHEDULE_CONFIGS.values()):
        _add_model(defs, model)
    step_branches: list[dict[str, Any]] = []
    for key in keys:
        cls = registry[key]
        name = _add_model(defs, cls.Config, _config_def_name(cls))
        step_branches.append(
            _when(
                "step_type",
                key,
                {"properties": {cls.config_field: _ref(name)}, "required": [cls.config_field]},
            )
        )
    step_branches.append(
        _when(
            "trigger_type",
            "time_based",
            {
                "properties": {"trigger_config": _ref("TimeTrigger")},
                "required": ["trigger_config"],
            },
        )
    )
    step_branches.append(
        _when(
            "trigger_type",
            "condition_based",
            {
                "properties": {"condition_config": _ref("Condition")},
                "required": ["condition_config"],
            },
        )
    )
    defs["Step"] = {
        "type": "object",
        "description": "One step. The step type decides which config field it reads.",
        "required": ["step_type"],
        "additionalProperties": False,
        "properties": {
            "step_order": {"type": "integer", "minimum": 1},
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
        "allOf": step_branches,
    }
    schedule_props: dict[str, Any] = {
        "schedule_type": {"type": "string", "enum": list(SCHEDULE_CONFIGS)},
        "schedule_config": {"type": "object"},
        "timezone": {
            "type": "string",
            "minLength": 1,
            "description": "IANA time zone name.",
            "default": settings.TIME_ZONE,
        },
    }
    if include_read_only:
        for name in SCHEDULE_READ_ONLY_FIELDS:
            schedule_props[name] = {
                "type": ["string", "null"],
                "format": "date-time",
                "readOnly": True,
            }
    defs["Schedule"] = {
        "type": "object",
        "required": ["schedule_type", "schedule_config"],
        "additionalProperties": False,
        "properties": schedule_props,
        "allOf": [
            _when("schedule_type", key, {"properties": {"schedule_config": _ref(model.__name__)}})
            for key, model in SCHEDULE_CONFIGS.items()
        ],
    }
    defs["Event"] = {
        "type": "object",
        "description": "What starts an event-based workflow; further keys are event options.",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": list(EVENT_TYPES)}},
    }
    properties: dict[str, Any] = {
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "description": {"type": "string"},
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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Workflow",
        "description": "A workflow definition in the canonical format (workflow-format.md).",
        "type": "object",
        "required": ["name", "workflow_type", "steps"],
        "additionalProperties": False,
        "properties": properties,
        "$defs": defs,
    }


def workflow_json_schema(*, include_read_only: bool = True) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a workflow document, from the registered step types.

    The API publishes it with ``include_read_only=True`` (read-only fields marked
    ``readOnly``); the AI assistant hands the LLM ``include_read_only=False``. It describes
    structure only: references to templates, groups etc. are checked by
    ``validate_workflow``. A fresh copy is returned, so callers may adapt it.
    """
    return copy.deepcopy(_build_schema(include_read_only, tuple(sorted(step_types()))))


@functools.cache
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


# --- Pass 1: light normalisation -------------------------------------------------------------


def _prenormalise(doc: dict[str, Any]) -> None:
    """In place; only changes values, never positions, so error paths stay true."""
    for name in READ_ONLY_FIELDS:
        doc.pop(name, None)
    schedule = doc.get("schedule")
    if isinstance(schedule, dict):
        for name in SCHEDULE_READ_ONLY_FIELDS:
            schedule.pop(name, None)
        _normalise_time_fields(schedule.get("schedule_config"))
    steps = doc.get("steps")
    if isinstance(steps, list):
        for step in steps:
            if not isinstance(step, dict):
                continue
            _normalise_time_fields(step.get("trigger_config"))
            condition = step.get("condition_config")
            if isinstance(condition, dict) and isinstance(condition.get("since"), str):
                since = condition["since"].strip().lower()
                if since.startswith("last_"):
                    since = "last_" + str(normalise_day(since[5:]))
                condition["since"] = since
            action = step.get("action_config")
            if isinstance(action, dict) and isinstance(action.get("method"), str):
                action["method"] = action["method"].strip().upper()


def _normalise_time_fields(config: Any) -> None:
    if not isinstance(config, dict):
        return
    if "day" in config:
        config["day"] = normalise_day(config["day"])
    if isinstance(config.get("days"), list):
        config["days"] = [normalise_day(d) for d in config["days"]]
    if "time" in config:
        config["time"] = normalise_time(config["time"])


# --- Pass 2: JSON Schema errors -> problems ----------------------------------------------------


def _schema_problems(doc: dict[str, Any], problems: _Problems) -> None:
    validator = _input_validator(tuple(sorted(step_types())))
    # Sorted by path so that a parent's problem is recorded before its children's.
    for error in sorted(validator.iter_errors(doc), key=lambda e: len(e.absolute_path)):
        for path, code, message in _translate_schema_error(error):
            problems.add(path, code, message)


@functools.lru_cache(maxsize=4)
def _input_validator(keys: tuple[str, ...]) -> Draft202012Validator:
    # Keyed by the registered step types, so a type registered later gets a fresh schema.
    return Draft202012Validator(_build_schema(False, keys))


def _translate_schema_error(error: SchemaError) -> Iterator[tuple[Path, str, str]]:
    path: Path = tuple(error.absolute_path)
    kind = error.validator
    last = path[-1] if path else None
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        for name in error.validator_value:
            if name not in present:
                yield (*path, name), "required", _("This field is required.")
    elif kind == "additionalProperties":
        known = error.schema.get("properties", {})
        for name in error.instance:
            if name not in known:
                yield (
                    (*path, name),
                    "unknown_field",
                    _("Unknown field “%(field)s”.") % {"field": name},
                )
    elif kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        yield path, "invalid_type", _("Expected a value of type %(type)s.") % {"type": expected}
    elif kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
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
    elif kind == "pattern":
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
    elif kind == "minLength":
        if error.validator_value == 1:
            yield path, "too_short", _("This may not be empty.")
        else:
            yield path, "too_short", _("At least %(n)s characters.") % {"n": error.validator_value}
    elif kind == "maxLength":
        yield path, "too_long", _("At most %(n)s characters.") % {"n": error.validator_value}
    elif kind == "minItems":
        if path == ("steps",):
            yield path, "too_few_steps", _("A workflow needs at least one step.")
        else:
            yield path, "too_few_items", _("At least %(n)s items.") % {"n": error.validator_value}
    elif kind == "maxItems":
        if path == ("steps",):
            yield (
                path,
                "too_many_steps",
                _("A workflow has at most %(n)s steps.") % {"n": error.validator_value},
            )
        else:
            yield path, "too_many_items", _("At most %(n)s items.") % {"n": error.validator_value}
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": _("at least %(n)s"),
            "maximum": _("at most %(n)s"),
            "exclusiveMinimum": _("more than %(n)s"),
            "exclusiveMaximum": _("less than %(n)s"),
        }[kind] % {"n": error.validator_value}
        yield path, "out_of_range", _("The value must be %(bound)s.") % {"bound": bound}
    else:
        # anyOf etc.: e.g. day_of_month "first" (an integer 1-31 or "last" is expected).
        yield (
            path,
            "invalid_value",
            _("“%(value)s” is not an acceptable value here.") % {"value": error.instance},
        )


# --- Pass 3: config models ---------------------------------------------------------------


_PYDANTIC_CODES: dict[str, str] = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "literal_error": "invalid_choice",
    "string_too_short": "too_short",
    "string_too_long": "too_long",
    "too_short": "too_few_items",
    "too_long": "too_many_items",
    "greater_than": "out_of_range",
    "greater_than_equal": "out_of_range",
    "less_than": "out_of_range",
    "less_than_equal": "out_of_range",
    "string_pattern_mismatch": "invalid_value",
    "timezone_aware": "invalid_datetime",
}


def _parse(model: type[BaseModel], value: Any, path: Path, problems: _Problems) -> BaseModel | None:
    """``value`` parsed with ``model``, or None with its problems recorded.

    Skipped when the schema already found a problem inside ``path``: the same mistake is
    then not reported twice, and a half-valid config is not checked for meaning.
    """
    if problems.under(path):
        return None
    try:
        return model.model_validate(value)
    except PydanticError as exc:
        for err in exc.errors():
            kind = err["type"]
            if kind in error_codes():  # a PydanticCustomError from our own models
                code = kind
            elif kind.startswith(("datetime", "timezone")):
                code = "invalid_datetime"
            elif kind.endswith(("_type", "_parsing")):
                code = "invalid_type"
            else:
                code = _PYDANTIC_CODES.get(kind, "invalid_value")
            loc = tuple(p for p in err["loc"] if isinstance(p, int) or p in _field_names(model))
            # Our own errors carry a gettext message already; pydantic's are English only.
            message = err["msg"] if code == kind else _generic_message(code, err["msg"])
            problems.add((*path, *loc), code, message)
        return None


def _generic_message(code: str, fallback: str) -> str:
    messages = {
        "required": _("This field is required."),
        "unknown_field": _("This field is not part of the format."),
        "invalid_type": _("The value has the wrong type."),
        "invalid_choice": _("The value is not one of the allowed values."),
        "too_short": _("The text is too short."),
        "too_long": _("The text is too long."),
        "too_few_items": _("The list has too few items."),
        "too_many_items": _("The list has too many items."),
        "out_of_range": _("The number is outside the allowed range."),
        "invalid_datetime": _(
            "Expected an ISO 8601 date-time with a UTC offset, e.g. 2026-03-30T09:00:00+02:00."
        ),
    }
    return messages.get(code, fallback)


@functools.cache
def _all_field_names() -> frozenset[str]:
    names: set[str] = set()
    models: list[type[BaseModel]] = [Recipients, Condition, TimeTrigger, *SCHEDULE_CONFIGS.values()]
    models += [cls.Config for cls in step_types().values()]
    while models:
        model = models.pop()
        for name, info in model.model_fields.items():
            names.add(name)
            for arg in getattr(info.annotation, "__args__", ()) or ():
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    models.append(arg)
    return frozenset(names)


def _field_names(model: type[BaseModel]) -> frozenset[str]:
    # pydantic puts union member names ("int", "literal['last']") into ``loc``; only real
    # field names belong in a JSON Pointer.
    return _all_field_names() | frozenset(model.model_fields)


# --- Pass 4: meaning ------------------------------------------------------------------------


@dataclass
class _Refs:
    """References to rows, collected first and then checked with one query per table."""

    templates: list[tuple[Path, int]] = field(default_factory=list)
    template_names: list[tuple[Path, str]] = field(default_factory=list)
    groups: list[tuple[Path, str]] = field(default_factory=list)
    customers: list[tuple[Path, int]] = field(default_factory=list)
    integrations: list[tuple[Path, int]] = field(default_factory=list)
    staff_groups: list[tuple[Path, str]] = field(default_factory=list)
    from_steps: list[tuple[Path, int, int]] = field(default_factory=list)  # (path, own, ref)
    event_customers: list[Path] = field(default_factory=list)


def _check_email(value: str | None, path: Path, problems: _Problems) -> None:
    if value is None:
        return
    try:
        validate_email(value)
    except DjangoValidationError:
        problems.add(
            path, "invalid_email", _("“%(value)s” is not a valid email address.") % {"value": value}
        )


def _fine(problems: _Problems, path: Path, value: Any, kind: type) -> bool:
    """``value`` has type ``kind`` (bools are not ints) and no problem was found there."""
    if isinstance(value, bool) and kind is not bool:
        return False
    return isinstance(value, kind) and not problems.under(path)


def _check_recipients(
    recipients: Any, path: Path, own_order: int, problems: _Problems, refs: _Refs
) -> None:
    if not isinstance(recipients, dict):
        return
    group = recipients.get("group")
    if _fine(problems, (*path, "group"), group, str) and group != GROUP_ALL:
        refs.groups.append(((*path, "group"), group))
    ids = recipients.get("customer_ids")
    if isinstance(ids, list):
        for i, pk in enumerate(ids):
            if _fine(problems, (*path, "customer_ids", i), pk, int):
                refs.customers.append(((*path, "customer_ids", i), pk))
    from_step = recipients.get("from_step")
    if _fine(problems, (*path, "from_step"), from_step, int):
        refs.from_steps.append(((*path, "from_step"), own_order, from_step))
    if recipients.get("event_customer") is True:
        refs.event_customers.append((*path, "event_customer"))


#: What each kind of reference must be, and where ``_Refs`` collects it.
_REFERENCE_TYPES: dict[str, type] = {
    "template": int,
    "template_name": str,
    "customer": int,
    "group": str,
    "integration": int,
    "staff_group": str,
    "email": str,
    "relative_path": str,
}


def _check_references(
    cls: type[StepType],
    config: dict[str, Any],
    path: Path,
    own_order: int,
    problems: _Problems,
    refs: _Refs,
) -> None:
    """Collect what the step's config names (its step type's ``references`` and recipients)."""
    if cls.acts_on_customers:
        _check_recipients(
            config.get("recipients"), (*path, "recipients"), own_order, problems, refs
        )
    for relative, kind, value in cls.reference_values(config):
        where = (*path, *relative)
        if not _fine(problems, where, value, _REFERENCE_TYPES[kind]):
            continue
        if kind == "email":
            _check_email(value, where, problems)
        elif kind == "relative_path":
            if not is_relative_path(value):
                problems.add(
                    where,
                    "path_not_relative",
                    _(
                        "“%(value)s” must be a path under the integration's base URL, without "
                        "scheme, host or “..”."
                    )
                    % {"value": value},
                )
        elif kind == "group":
            if value != GROUP_ALL:
                refs.groups.append((where, value))
        else:
            getattr(refs, f"{kind}s").append((where, value))


def _check_schedule(
    doc: dict[str, Any], problems: _Problems
) -> tuple[BaseModel | None, str | None]:
    schedule = doc.get("schedule")
    if not isinstance(schedule, dict) or problems.under(("schedule",)):
        return None, None
    tz = schedule.get("timezone", settings.TIME_ZONE)
    if tz not in _timezones():
        problems.add(
            ("schedule", "timezone"),
            "invalid_timezone",
            _("“%(value)s” is not an IANA time zone such as Europe/Oslo.") % {"value": tz},
        )
    kind = schedule["schedule_type"]
    config = _parse(
        SCHEDULE_CONFIGS[kind],
        schedule["schedule_config"],
        ("schedule", "schedule_config"),
        problems,
    )
    if kind == "cron" and config is not None:
        _check_cron(config.expression, doc, problems)  # type: ignore[attr-defined]
    return config, tz


def _check_cron(expression: str, doc: dict[str, Any], problems: _Problems) -> None:
    path: Path = ("schedule", "schedule_config", "expression")
    fields = expression.split()
    if len(fields) != 5 or not croniter.is_valid(expression):
        problems.add(
            path,
            "invalid_cron",
            _("“%(value)s” is not a valid cron expression with five fields.")
            % {"value": expression},
        )
        return
    # Runs come more often than hourly exactly when the minute field has several values:
    # every hour that fires at all then fires more than once.
    minutes = croniter(expression).expanded[0]  # ["*"] for every minute
    if (minutes == ["*"] or len(minutes) > 1) and _sends_email(doc):
        problems.add(
            path,
            "schedule_too_frequent",
            _(
                "“%(value)s” runs more than once an hour; a workflow that sends email may "
                "run at most once an hour."
            )
            % {"value": expression},
        )


def _sends_email(doc: dict[str, Any]) -> bool:
    registry = step_types()
    for step in doc.get("steps") or []:
        key = step.get("step_type") if isinstance(step, dict) else None
        cls = registry.get(key) if isinstance(key, str) else None
        if cls is not None and cls.sends_email:
            return True
    return False


def _check_step(
    index: int,
    step: dict[str, Any],
    own_order: int,
    problems: _Problems,
    refs: _Refs,
) -> dict[str, BaseModel]:
    """Parse a step's configs and collect its references; return the parsed configs."""
    base: Path = ("steps", index)
    key = step.get("step_type")
    cls = step_types().get(key) if isinstance(key, str) else None
    if cls is None or problems.under((*base, "step_type")):
        return {}
    trigger_type = step.get("trigger_type", "immediate")
    parsed: dict[str, BaseModel] = {}
    for name in CONFIG_FIELDS:
        value = step.get(name, {})
        path = (*base, name)
        if name == cls.config_field:
            model: type[BaseModel] | None = cls.Config
        elif name == "trigger_config" and trigger_type == "time_based":
            model = TimeTrigger
        elif name == "condition_config" and (value or trigger_type == "condition_based"):
            model = Condition
        else:
            model = None
        if model is None:
            if value and not problems.under(path):
                problems.add(
                    path,
                    "unexpected_config",
                    _("A %(type)s step with trigger %(trigger)s does not use %(field)s.")
                    % {"type": cls.key, "trigger": trigger_type, "field": name},
                )
            continue
        config = _parse(model, value, path, problems)
        if config is not None:
            parsed[name] = config

    # Meaning is checked on the raw values, field by field, so that one structural mistake
    # in a config does not hide an unknown template or integration next to it.
    own = step.get(cls.config_field)
    if isinstance(own, dict):
        _check_references(cls, own, (*base, cls.config_field), own_order, problems, refs)
    condition = step.get("condition_config")
    group_path = (*base, "condition_config", "group")
    if (
        isinstance(condition, dict)
        and _fine(problems, group_path, condition.get("group"), str)
        and condition["group"] != GROUP_ALL
    ):
        refs.groups.append((group_path, condition["group"]))
    return parsed


def _check_refs(
    refs: _Refs,
    problems: _Problems,
    orders: dict[int, str],
    seen_orders: set[int],
) -> dict[str, int]:
    """Check every reference; return template name -> id for the names that resolved."""

    if refs.templates:
        known = set(
            EmailTemplate.objects.filter(pk__in={pk for _p, pk in refs.templates}).values_list(
                "pk", flat=True
            )
        )
        for path, pk in refs.templates:
            if pk not in known:
                problems.add(
                    path,
                    "unknown_template",
                    _("Email template %(id)s does not exist") % {"id": pk},
                )
    by_name: dict[str, int] = {}
    if refs.template_names:
        names = {name for _p, name in refs.template_names}
        by_name = dict(EmailTemplate.objects.filter(name__in=names).values_list("name", "pk"))
        for path, name in refs.template_names:
            if name not in by_name:
                problems.add(
                    path,
                    "unknown_template",
                    _("No email template is called “%(name)s”.") % {"name": name},
                )
    if refs.groups:
        slugs = set(
            CustomerGroup.objects.filter(slug__in={s for _p, s in refs.groups}).values_list(
                "slug", flat=True
            )
        )
        for path, slug in refs.groups:
            if slug not in slugs:
                problems.add(
                    path,
                    "unknown_group",
                    _("No customer group “%(slug)s”; use “all” or an existing group.")
                    % {"slug": slug},
                )
    if refs.customers:
        known = set(
            Customer.objects.filter(pk__in={pk for _p, pk in refs.customers}).values_list(
                "pk", flat=True
            )
        )
        for path, pk in refs.customers:
            if pk not in known:
                problems.add(
                    path, "unknown_customer", _("Customer %(id)s does not exist.") % {"id": pk}
                )
    if refs.integrations:
        active = dict(
            Integration.objects.filter(pk__in={pk for _p, pk in refs.integrations}).values_list(
                "pk", "is_active"
            )
        )
        for path, pk in refs.integrations:
            if pk not in active:
                problems.add(
                    path,
                    "unknown_integration",
                    _("Integration %(id)s does not exist.") % {"id": pk},
                )
            elif not active[pk]:
                problems.add(
                    path,
                    "inactive_integration",
                    _("Integration %(id)s is switched off.") % {"id": pk},
                )
    if refs.staff_groups:
        known = set(
            Group.objects.filter(name__in={n for _p, n in refs.staff_groups}).values_list(
                "name", flat=True
            )
        )
        for path, name in refs.staff_groups:
            if name not in known:
                problems.add(
                    path,
                    "unknown_staff_group",
                    _("No group of users is called “%(name)s”.") % {"name": name},
                )
    registry = step_types()
    for path, own, ref in refs.from_steps:
        if ref in seen_orders and ref not in orders:
            continue  # that step's own step_type is already reported as unknown
        if ref not in orders:
            problems.add(path, "from_step_unknown", _("There is no step %(n)s.") % {"n": ref})
        elif ref >= own:
            problems.add(
                path,
                "from_step_not_earlier",
                _("from_step must name an earlier step than this one (%(n)s).") % {"n": own},
            )
        elif not registry[orders[ref]].yields_customers:
            problems.add(
                path,
                "from_step_no_customers",
                _("Step %(n)s (%(type)s) does not produce a set of customers.")
                % {"n": ref, "type": orders[ref]},
            )
    return by_name


# --- The validator ------------------------------------------------------------------------


def validate_workflow(data: Any, *, instance: WorkflowDefinition | None = None) -> ValidationResult:
    """Validate a submitted workflow document; see the module docstring.

    ``instance`` is the workflow being edited (None when creating one).
    """
    problems = _Problems()
    if not isinstance(data, dict):
        problems.add((), "invalid_type", _("A workflow is a JSON object."))
        return ValidationResult(errors=problems.as_list())
    if instance is not None and instance.status == "archived":
        problems.add((), "workflow_archived", _("An archived workflow cannot be changed."))

    doc = copy.deepcopy(data)
    _prenormalise(doc)
    _schema_problems(doc, problems)

    workflow_type = doc.get("workflow_type")
    if workflow_type == "scheduled":
        if "schedule" not in doc:
            problems.add(
                ("schedule",), "schedule_required", _("A scheduled workflow needs a schedule.")
            )
        if "event" in doc:
            problems.add(("event",), "event_forbidden", _("A scheduled workflow takes no event."))
    elif workflow_type == "event_based":
        if "event" not in doc:
            problems.add(("event",), "event_required", _("An event-based workflow needs an event."))
        if "schedule" in doc:
            problems.add(
                ("schedule",), "schedule_forbidden", _("An event-based workflow takes no schedule.")
            )
    schedule_config, tz = _check_schedule(doc, problems)

    steps: list[Any] = doc.get("steps") if isinstance(doc.get("steps"), list) else []  # type: ignore[assignment]
    refs = _Refs()
    orders: dict[int, str] = {}  # submitted step_order -> step_type (known types only)
    seen_orders: set[int] = set()
    parsed_steps: list[dict[str, BaseModel]] = []
    step_orders: list[int] = []
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            parsed_steps.append({})
            step_orders.append(index + 1)
            continue
        order = step.get("step_order", index + 1)
        if not isinstance(order, int) or problems.under(("steps", index, "step_order")):
            order = index + 1
        if order in seen_orders:
            problems.add(
                ("steps", index, "step_order"),
                "duplicate_step_order",
                _("Another step already has step_order %(n)s.") % {"n": order},
            )
        else:
            seen_orders.add(order)
            if isinstance(step.get("step_type"), str) and step["step_type"] in step_types():
                orders[order] = step["step_type"]
        step_orders.append(order)
        parsed_steps.append(_check_step(index, step, order, problems, refs))
    template_names = _check_refs(refs, problems, orders, seen_orders)
    event = doc.get("event") if isinstance(doc.get("event"), dict) else {}
    if event.get("type") not in ("order.created", "customer.created"):
        for path in refs.event_customers:
            problems.add(
                path,
                "event_customer_unavailable",
                _(
                    "event_customer is only available in a workflow started by an "
                    "order.created or customer.created event."
                ),
            )

    errors = problems.as_list()
    if errors:
        return ValidationResult(errors=errors)
    return ValidationResult(
        normalised=_normalised(
            doc, schedule_config, tz, steps, step_orders, parsed_steps, template_names
        )
    )


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_none=True)


def _normalised(
    doc: dict[str, Any],
    schedule_config: BaseModel | None,
    tz: str | None,
    steps: Sequence[dict[str, Any]],
    step_orders: list[int],
    parsed_steps: list[dict[str, BaseModel]],
    template_names: dict[str, int],
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": doc["name"],
        "description": doc.get("description", ""),
        "workflow_type": doc["workflow_type"],
    }
    if doc["workflow_type"] == "scheduled":
        assert schedule_config is not None
        out["schedule"] = {
            "schedule_type": doc["schedule"]["schedule_type"],
            "schedule_config": _dump(schedule_config),
            "timezone": tz,
        }
    else:
        out["event"] = copy.deepcopy(doc["event"])
    # Sorted by the submitted step_order, then numbered 1..n; from_step follows the renumbering.
    ranked = sorted(range(len(steps)), key=lambda i: step_orders[i])
    renumber = {step_orders[i]: n for n, i in enumerate(ranked, start=1)}
    out_steps: list[dict[str, Any]] = []
    for n, i in enumerate(ranked, start=1):
        step, parsed = steps[i], parsed_steps[i]
        item: dict[str, Any] = {"step_order": n, "step_type": step["step_type"]}
        for name, default in STEP_DEFAULTS.items():
            if name in CONFIG_FIELDS:
                item[name] = _dump(parsed[name]) if name in parsed else {}
            else:
                item[name] = step.get(name, default)
        action = item["action_config"]
        if "template" in action:
            action["template_id"] = template_names[action.pop("template")]
        if "body" in action:
            # The body is free JSON: keep it as given (model_dump would drop its nulls).
            action["body"] = copy.deepcopy(step["action_config"]["body"])
        recipients = action.get("recipients")
        if isinstance(recipients, dict) and "from_step" in recipients:
            recipients["from_step"] = renumber[recipients["from_step"]]
        out_steps.append({key: item[key] for key in STEP_KEYS})
    out["steps"] = out_steps
    return out
