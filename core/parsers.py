"""The API's request parser (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"])."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from rest_framework import exceptions
from rest_framework.parsers import JSONParser

from core.json_limits import MAX_JSON_DEPTH, first_too_deep


def _unstorable(value: Any) -> str | None:
    """Why PostgreSQL could not store ``value`` (text or jsonb), or None."""
    if isinstance(value, str):
        if "\x00" in value:
            return "a NUL character (\\u0000)"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "an unpaired surrogate (invalid Unicode)"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            reason = _unstorable(key) or _unstorable(item)
            if reason:
                return reason
    elif isinstance(value, list):
        for item in value:
            reason = _unstorable(item)
            if reason:
                return reason
    return None


def _too_deep(path: tuple[str | int, ...]) -> exceptions.ValidationError:
    message = gettext("Nested more than %(n)s levels deep.") % {"n": MAX_JSON_DEPTH}
    detail: Any = [exceptions.ErrorDetail(message, "too_deep")]
    # A nested detail is what the error shape turns into the JSON Pointer of the place.
    for key in reversed(path):
        detail = {str(key): detail}
    return exceptions.ValidationError(detail)


class StrictJSONParser(JSONParser):
    """JSON, refusing strings no database column can store and documents nested too deep.

    JSON escapes can encode NUL (``\\u0000``) and unpaired UTF-16 surrogates (``\\ud800``).
    PostgreSQL refuses both in text and jsonb, deep inside a service (a 500), so every
    endpoint refuses them here as a parse error. A document nested deeper than
    ``MAX_JSON_DEPTH`` is refused here too (400 ``too_deep``): every later step (validation,
    copies, the database driver) would recurse through it, and a very deep one already
    exhausts the decoder's recursion limit.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            # The C decoder checks the recursion limit itself: nothing is left half-done.
            raise _too_deep(()) from None
        deep = first_too_deep(data)
        if deep is not None:
            raise _too_deep(deep)
        reason = _unstorable(data)
        if reason:
            raise exceptions.ParseError(f"JSON parse error - text contains {reason}.")
        return data
