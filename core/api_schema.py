"""OpenAPI post-processing: the answers every endpoint may give, documented in one place.

Some answers do not depend on the view but on the request: any query string may carry a
character no filter can use (400, ``core.query_guard``), any JSON body may be malformed or
of the wrong type (400), too large (413) or not JSON (415), any page past the last one is 404.
Rather than each view listing them, this hook adds them to every operation they apply to,
with the shared error body. It runs after drf-spectacular's enum hook
(``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``).

Integer path parameters are ids: they get ``minimum: 1`` (an id of 0 or less is 404 anyway,
and a generator or fuzzer should know not to try).
"""

from __future__ import annotations

from typing import Any

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
METHODS = ("get", "put", "post", "patch", "delete")

DESCRIPTIONS = {
    400: "Invalid input: every problem is listed.",
    404: "Not found (code not_found), also for a page past the last one.",
    413: "The request body is too large (code too_large).",
    415: "Unsupported media type: send application/json.",
}


def _add(operation: dict[str, Any], status: int) -> None:
    responses = operation.setdefault("responses", {})
    responses.setdefault(
        str(status),
        {
            "content": {"application/json": {"schema": ERROR_REF}},
            "description": DESCRIPTIONS[status],
        },
    )


def document_common_answers(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular post-processing hook (see the module docstring)."""
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                schema = parameter.get("schema", {})
                if parameter.get("in") == "path" and schema.get("type") == "integer":
                    schema.setdefault("minimum", 1)
            query = [p["name"] for p in parameters if p.get("in") == "query"]
            body = operation.get("requestBody")
            if query or body:
                _add(operation, 400)
            if "page" in query:
                _add(operation, 404)
            if body:
                _add(operation, 413)
                if "application/json" in body.get("content", {}):
                    _add(operation, 415)
    return result
