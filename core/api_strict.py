"""API input is what the OpenAPI schema says it is, checked in one place for every endpoint.

DRF coerces what it can: ``{"text": 0}`` becomes the string ``"0"``, ``?page_size=1.5`` and
``?active=0`` are read somehow, ``?search=`` counts as no search. A client that sends those
has a bug it never learns about, and the published schema (``/api/schema/``) would not be
what the server does. This middleware holds every API request against the operation the
schema documents for it, before the view runs:

* each documented query (and header) parameter: its type (integer, number, boolean as
  ``true`` / ``false``, date-time), enum, bounds, lengths and pattern, and given at most
  once;
* a JSON body: every scalar DRF would silently convert (a number where the schema says
  string, a string or true/false where it says integer or number, anything but true/false
  where it says boolean) is ``invalid_type``. Other wrong types (a list for an object), and
  required fields, lengths, choices, stay with the view's serializer, which refuses them
  itself and words them best.

Problems are 400 in the error shape, one per parameter or value, with the codes the views
use (``invalid``, ``invalid_choice``, ``invalid_datetime``, ``min_value``, ``max_value``,
``blank``, ``max_length``, ``invalid_type``). A view that checks the JSON types of its body
itself, listing every problem (the workflow document's validator, the bulk upserts), sets
``validates_json_types = True`` and its body is left to it. Like the NUL check
(``core.query_guard``), this runs before authentication: malformed input is 400 whoever
sends it.

The schema is generated once per process and URL configuration, on the first API request.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import get_urlconf
from django.utils.translation import gettext, gettext_noop

from core.json_limits import first_too_deep

__all__ = ["StrictInputMiddleware", "operation_for", "warm_up"]

API_PREFIX = "/api/"
REF_PREFIX = "#/components/schemas/"
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


@functools.lru_cache(maxsize=4)
def _document(urlconf: str | None) -> dict[str, Any]:
    # Imported here: drf-spectacular's generator imports every view, which import models.
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    schema = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema, renderer_context={}))


def warm_up() -> None:
    """Build the document now (config/wsgi.py), not on a web process's first API request."""
    _document(get_urlconf())


def _openapi_path(route: str) -> str:
    # "api/v1/x/workflows/<int:pk>" -> "/api/v1/x/workflows/{id}", as drf-spectacular writes it.
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    return path.replace("{pk}", "{id}")


def operation_for(request: HttpRequest) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The schema's operation for a resolved request, with the whole document; or None."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route:
        return None
    document = _document(get_urlconf())
    operations = document.get("paths", {}).get(_openapi_path(match.route), {})
    operation = operations.get((request.method or "").lower())
    return (operation, document) if operation else None


def _resolve(schema: Any, document: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 32:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        schema = document.get("components", {}).get("schemas", {}).get(name, {})
        seen += 1
    return schema if isinstance(schema, dict) else {}


def _error(path: str, code: str, message: str) -> dict[str, str]:
    return {"path": path, "code": code, "message": message}


def _pointer(*tokens: str | int) -> str:
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


# --- Query parameters ----------------------------------------------------------------------


def _alternatives(schema: dict[str, Any], document: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas a value may match: oneOf/anyOf members, allOf wrappers unwrapped."""
    schema = _resolve(schema, document)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return [a for s in schema[key] for a in _alternatives(s, document)]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _alternatives(schema["allOf"][0], document)
    return [schema]


def _query_problem(raw: str, schema: dict[str, Any]) -> tuple[str, str] | None:
    """Why ``raw`` does not fit one schema, as (code, message); None when it does."""
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if schema.get("enum") is not None:
        if raw not in [str(v) for v in schema["enum"] if v is not None]:
            choices = ", ".join(str(v) for v in schema["enum"] if v is not None)
            return "invalid_choice", gettext("“%(value)s” is not one of: %(choices)s.") % {
                "value": raw,
                "choices": choices,
            }
        return None
    if "integer" in kinds or "number" in kinds:
        pattern = INTEGER if "integer" in kinds else NUMBER
        if not pattern.fullmatch(raw):
            return "invalid", (
                gettext("A whole number.") if "integer" in kinds else gettext("A number.")
            )
        # float() of a long digit string is fine (inf at worst): bounds compare either way.
        value = float(raw) if len(raw) < 400 else float("-inf" if raw[0] == "-" else "inf")
        if "minimum" in schema and value < schema["minimum"]:
            return "min_value", gettext("At least %(n)s.") % {"n": schema["minimum"]}
        if "maximum" in schema and value > schema["maximum"]:
            return "max_value", gettext("At most %(n)s.") % {"n": schema["maximum"]}
        return None
    if "boolean" in kinds:
        if raw not in ("true", "false"):
            return "invalid", gettext("true or false.")
        return None
    if "string" in kinds:
        if len(raw) < schema.get("minLength", 0):
            if not raw:
                return "blank", gettext("This may not be empty; leave the parameter out.")
            return "min_length", gettext("At least %(n)s characters.") % {"n": schema["minLength"]}
        if "maxLength" in schema and len(raw) > schema["maxLength"]:
            return "max_length", gettext("At most %(n)s characters.") % {"n": schema["maxLength"]}
        if schema.get("format") in ("date-time", "date") and not _is_datetime(
            raw, schema["format"]
        ):
            return "invalid_datetime", gettext("An ISO 8601 date or date-time.")
        if "pattern" in schema and not re.search(schema["pattern"], raw):
            return "invalid", gettext("“%(value)s” has the wrong format.") % {"value": raw}
    return None


def _is_datetime(raw: str, kind: str) -> bool:
    try:
        if kind == "date":
            dt.date.fromisoformat(raw)
        else:
            dt.datetime.fromisoformat(raw)
    except ValueError:
        return False
    return True


def _query_errors(
    operation: dict[str, Any], document: dict[str, Any], request: HttpRequest
) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    for parameter in operation.get("parameters", []):
        name = parameter.get("name")
        where = parameter.get("in")
        if where == "header" and name in request.headers:
            values = [request.headers[name]]
        elif where == "query" and name in request.GET:
            values = request.GET.getlist(name)
        else:
            continue
        schema = _resolve(parameter.get("schema", {}), document)
        if schema.get("type") == "array":
            continue
        if len(values) > 1:
            errors.append(_error(_pointer(name), "invalid", gettext("Give this only once.")))
            continue
        problems = [_query_problem(values[0], s) for s in _alternatives(schema, document)]
        real = [p for p in problems if p is not None]
        if real and len(real) == len(problems):
            errors.append(_error(_pointer(name), *real[0]))
    return errors


# --- JSON bodies ----------------------------------------------------------------------------

_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    # 2.0 is an integer in JSON Schema (the same number as 2); True is not.
    "integer": lambda v: (
        not isinstance(v, bool)
        and (isinstance(v, int) or (isinstance(v, float) and v.is_integer()))
    ),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}
SCALARS = frozenset({"string", "integer", "number", "boolean"})


def _coerced(value: Any, kinds: list[Any]) -> bool:
    """Whether DRF would turn ``value`` into one of ``kinds`` without a word: a string,
    number or true/false for a scalar field, or an object for a list of related rows (it
    iterates the object's keys). Other mismatches its fields refuse themselves."""
    if SCALARS & set(kinds):
        return isinstance(value, str | int | float)
    return "array" in kinds and isinstance(value, dict)


_TYPE_NAMES = {
    "string": gettext_noop("a string"),
    "integer": gettext_noop("a whole number"),
    "number": gettext_noop("a number"),
    "boolean": gettext_noop("true or false"),
    "null": gettext_noop("null"),
    "object": gettext_noop("an object"),
    "array": gettext_noop("a list"),
}


def _type_errors(
    value: Any, schema: Any, document: dict[str, Any], path: tuple[str | int, ...]
) -> list[dict[str, str]]:
    schema = _resolve(schema, document)
    errors: list[dict[str, str]] = []
    for part in schema.get("allOf", []):
        errors += _type_errors(value, part, document, path)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            # A type error only when no alternative takes the value (the view says the rest).
            tried = [_type_errors(value, part, document, path) for part in schema[key]]
            if tried and all(tried):
                errors += tried[0]
            return errors
    kind = schema.get("type")
    if kind is None:
        return errors
    kinds = kind if isinstance(kind, list) else [kind]
    if not any(_JSON_TYPES[k](value) for k in kinds if k in _JSON_TYPES):
        if not _coerced(value, kinds):
            return errors  # the view refuses it itself (a list for an object, null ...)
        expected = gettext(" or ").join(gettext(_TYPE_NAMES.get(k, k)) for k in kinds)
        message = gettext("Expected %(type)s.") % {"type": expected}
        return [*errors, _error(_pointer(*path), "invalid_type", message)]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        others = schema.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                if not properties[name].get("readOnly"):
                    errors += _type_errors(item, properties[name], document, (*path, name))
            elif isinstance(others, dict):  # a map: {"name": "value", ...}
                errors += _type_errors(item, others, document, (*path, name))
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += _type_errors(item, schema["items"], document, (*path, index))
    return errors


def _body_errors(
    operation: dict[str, Any], document: dict[str, Any], request: HttpRequest
) -> list[dict[str, str]]:
    if request.content_type != "application/json":
        return []
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return []
    schema = _resolve(content.get("schema", {}), document)
    try:
        data = json.loads(request.body or b"null")
    except (RequestDataTooBig, ValueError, RecursionError):
        return []  # the view answers these (413, or a parse error in the error shape)
    if data is None:
        return []
    if first_too_deep(data) is not None:
        return []  # the parser's too_deep says it better, and this walk would recurse
    return _type_errors(data, schema, document, ())


class StrictInputMiddleware:
    """After URL resolution, before the view (``process_view``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        found = operation_for(request)
        if found is None:
            return None
        operation, document = found
        errors = _query_errors(operation, document, request)
        if not getattr(getattr(view, "cls", None), "validates_json_types", False):
            errors += _body_errors(operation, document, request)
        if not errors:
            return None
        return JsonResponse({"errors": errors}, status=400)
