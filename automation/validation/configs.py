"""Pass 3: each config that passed the schema is parsed with its pydantic model.

The models add the cross-field rules ("exactly one of") that the schema does not express;
their errors become problems with our codes and JSON Pointers into the submitted document.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from automation.registry import step_types
from automation.step_config import SCHEDULE_CONFIGS, Condition, Recipients, TimeTrigger
from automation.validation.codes import error_codes, generic_message
from automation.validation.problems import Path, Problems

#: pydantic's error type -> our code, for the types not handled by their prefix or suffix.
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


def parse(model: type[BaseModel], value: Any, path: Path, problems: Problems) -> BaseModel | None:
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
            code = _code(kind)
            loc = tuple(p for p in err["loc"] if isinstance(p, int) or p in _field_names(model))
            # Our own errors carry a gettext message already; pydantic's are English only.
            message = err["msg"] if code == kind else generic_message(code, err["msg"])
            problems.add((*path, *loc), code, message)
        return None


def _code(kind: str) -> str:
    if kind in error_codes():  # a PydanticCustomError from our own models
        return kind
    if kind.startswith(("datetime", "timezone")):
        return "invalid_datetime"
    if kind.startswith("date_"):
        return "invalid_date"
    if kind.endswith(("_type", "_parsing")):
        return "invalid_type"
    return _PYDANTIC_CODES.get(kind, "invalid_value")


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
