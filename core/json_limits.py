"""How deep a JSON document may nest, checked without recursion.

Python's ``json``, ``copy.deepcopy`` and jsonschema all recurse once (or more) per level, so
a document nested a few hundred levels deep ends in a ``RecursionError`` wherever it is
handled first. The API's parser and the workflow validator refuse such documents up front
with the path of the first container that is too deep; no real document comes close (a
workflow nests about six levels, plus whatever a free-form ``body`` adds).
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_JSON_DEPTH", "first_too_deep"]

#: Containers (objects and arrays) nested inside each other, the outermost counted as 1.
MAX_JSON_DEPTH = 64


def first_too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> tuple[str | int, ...] | None:
    """The path of a container nested deeper than ``limit``, or None when there is none."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            children: Any = node.items()
        elif isinstance(node, list):
            children = enumerate(node)
        else:
            continue
        if len(path) >= limit:
            return path
        stack.extend(
            (child, (*path, key)) for key, child in children if isinstance(child, dict | list)
        )
    return None
