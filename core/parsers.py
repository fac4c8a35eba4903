"""The API's request parser (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"])."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions
from rest_framework.parsers import JSONParser


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


class StrictJSONParser(JSONParser):
    """JSON, refusing strings no database column can store.

    JSON escapes can encode NUL (``\\u0000``) and unpaired UTF-16 surrogates (``\\ud800``).
    PostgreSQL refuses both in text and jsonb, deep inside a service (a 500), so every
    endpoint refuses them here as a parse error.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        data = super().parse(stream, media_type, parser_context)
        reason = _unstorable(data)
        if reason:
            raise exceptions.ParseError(f"JSON parse error - text contains {reason}.")
        return data
