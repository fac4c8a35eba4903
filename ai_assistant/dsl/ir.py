"""The small tree both front ends produce and the interpreter walks, plus the limits.

A script is a list of statements; each is an assignment of an expression to a name or a
bare expression. Expressions are literals, lists, dicts, names and calls (of a builder
function, or of a builder method on a value). Nothing else exists here, so nothing else
can run: the front ends refuse every other construct of Python or JavaScript with an
error at its line and column.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from core.text import unstorable_text

#: Largest script accepted, in UTF-8 bytes.
MAX_SOURCE_BYTES = 32_000
#: Most syntax-tree nodes (Python ``ast`` or esprima) in one script.
MAX_NODES = 8_000
#: Deepest nesting of brackets, and of expressions in the tree.
MAX_BRACKET_DEPTH = 40
MAX_TREE_DEPTH = 120
#: Largest literals.
MAX_STRING_CHARS = 5_000
MAX_INT = 10**15
MAX_ITEMS = 1_000
#: Wall-clock bound for one compile, in seconds.
TIME_LIMIT_S = 2.0


@dataclass(frozen=True)
class Loc:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Message:
    """A message kept in a table at import time: a lazy translation and what fills it in,
    translated when the error is raised (``str()``)."""

    text: str | Promise
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return str(self.text) % self.params if self.params else str(self.text)


class DslError(Exception):
    """One problem in a script, at a place in it.

    ``message`` is translated where the error is raised (``gettext``, or a lazy string from a
    table, made final here), so it is in the language active for the request.
    """

    def __init__(self, code: str, message: str | Promise | Message, loc: Loc) -> None:
        message = str(message)
        super().__init__(message)
        self.code = code
        self.message = message
        self.loc = loc

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.loc.line,
            "column": self.loc.column,
            "code": self.code,
            "message": self.message,
        }


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.until = time.monotonic() + seconds

    def check(self, loc: Loc) -> None:
        if time.monotonic() > self.until:
            raise DslError(
                "timeout", _("The script took too long to compile; make it shorter."), loc
            )


@dataclass
class Lit:
    value: str | int | float | bool | None
    loc: Loc


@dataclass
class ListExpr:
    items: list[Expr]
    loc: Loc


@dataclass
class DictExpr:
    items: list[tuple[str, Expr]]
    loc: Loc


@dataclass
class Name:
    name: str
    loc: Loc


@dataclass
class Keyword:
    name: str
    value: Expr
    loc: Loc


@dataclass
class Call:
    """``func(...)`` when ``target`` is None, else ``target.func(...)`` (a method call)."""

    func: str
    args: list[Expr]
    loc: Loc
    keywords: list[Keyword] = field(default_factory=list)
    target: Expr | None = None


Expr = Lit | ListExpr | DictExpr | Name | Call


@dataclass
class Assign:
    name: str
    value: Expr
    loc: Loc


@dataclass
class ExprStatement:
    value: Expr
    loc: Loc


Statement = Assign | ExprStatement

#: Names that never mean anything in a script but are the usual first step of an escape.
FORBIDDEN_NAMES = frozenset(
    {
        "eval",
        "exec",
        "compile",
        "__import__",
        "import",
        "getattr",
        "setattr",
        "delattr",
        "globals",
        "locals",
        "vars",
        "open",
        "input",
        "breakpoint",
        "builtins",
        "__builtins__",
        "os",
        "sys",
        "subprocess",
        "this",
        "self",
        "constructor",
        "prototype",
        "__proto__",
        "globalThis",
        "window",
        "global",
        "require",
        "module",
        "exports",
        "process",
        "Function",
        "Reflect",
        "Proxy",
        "arguments",
        "setTimeout",
        "setInterval",
    }
)


def forbidden_name_error(name: str, loc: Loc) -> DslError:
    if name.startswith("_"):
        return DslError(
            "forbidden_name",
            _("Names starting with “_” (such as “%(name)s”) are not allowed in workflow scripts.")
            % {"name": name},
            loc,
        )
    return DslError(
        "forbidden_name",
        _(
            "“%(name)s” is not available in workflow scripts; only the workflow builder "
            "functions are."
        )
        % {"name": name},
        loc,
    )


def is_forbidden(name: str) -> bool:
    return name in FORBIDDEN_NAMES or name.startswith("_")


def check_literal(value: Any, loc: Loc) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str):
        if len(value) > MAX_STRING_CHARS:
            raise DslError(
                "literal_too_large",
                _("This text is %(length)d characters long; at most %(limit)d are allowed.")
                % {"length": len(value), "limit": MAX_STRING_CHARS},
                loc,
            )
        # Escapes ("\\x00", "\\ud800") make text no database column stores and no JSON
        # answer can carry: refused here, with their place, rather than as a 500 on save.
        reason = unstorable_text(value)
        if reason == "nul":
            raise DslError(
                "invalid_text", _("This text contains a NUL character (\\0 or \\u0000)."), loc
            )
        if reason == "surrogate":
            raise DslError(
                "invalid_text",
                _("This text contains a lone surrogate (such as \\ud800): not valid Unicode."),
                loc,
            )
        return
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise DslError(
                "literal_too_large",
                _("Numbers may be at most %(limit)d in size.") % {"limit": MAX_INT},
                loc,
            )
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > MAX_INT:
            raise DslError("literal_too_large", _("This number is too large."), loc)
        return
    raise DslError(
        "not_allowed",
        _("Values of type %(type)s are not allowed.") % {"type": type(value).__name__},
        loc,
    )


def bracket_depth_error(source: str, language: str) -> DslError | None:
    """A cheap scan before parsing: deep nesting would exhaust the parsers' recursion.

    Strings and comments are skipped roughly; the parser has the last word anyway.
    """
    depth = 0
    line, column = 1, 0
    i, n = 0, len(source)
    quote: str | None = None
    while i < n:
        ch = source[i]
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
            if quote in ("'", '"'):
                quote = None  # an unterminated string: the parser will say so
            i += 1
            continue
        if quote is not None:
            if ch == "\\":
                i += 2
                column += 1
                continue
            if source.startswith(quote, i):
                i += len(quote)
                column += len(quote) - 1
                quote = None
                continue
            i += 1
            continue
        if ch in "\"'`":
            triple = ch * 3
            if language == "python" and source.startswith(triple, i):
                quote = triple
                i += 3
                column += 2
                continue
            quote = ch
        elif (language == "python" and ch == "#") or (
            language == "javascript" and source.startswith("//", i)
        ):
            end = source.find("\n", i)
            i = n if end == -1 else end
            continue
        elif language == "javascript" and source.startswith("/*", i):
            end = source.find("*/", i + 2)
            chunk = source[i : n if end == -1 else end + 2]
            line += chunk.count("\n")
            i = n if end == -1 else end + 2
            continue
        elif ch in "([{":
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                return DslError(
                    "too_deep",
                    _("Brackets are nested more than %(limit)d levels deep.")
                    % {"limit": MAX_BRACKET_DEPTH},
                    Loc(line, column),
                )
        elif ch in ")]}":
            depth = max(0, depth - 1)
        i += 1
    return None
