"""JSON Pointers (RFC 6901), the ``path`` of every error the product reports."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["escape", "pointer", "pointer_of"]


def escape(token: object) -> str:
    """One reference token: "~" and "/" inside it are escaped."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: object) -> str:
    """``pointer("steps", 0, "name")`` -> ``/steps/0/name``; no tokens -> ``""`` (the whole)."""
    return "".join(f"/{escape(token)}" for token in tokens)


def pointer_of(path: Iterable[object]) -> str:
    """The pointer of a path given as one sequence: ``pointer_of(("steps", 0))``."""
    return pointer(*path)
