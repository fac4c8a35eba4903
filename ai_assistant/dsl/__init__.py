"""Workflow scripts: a small builder language in Python or JavaScript syntax.

A script describes one workflow by calling builder functions; it compiles to the workflow
JSON of ``workflow-format.md`` (in its canonical form: every step with all its fields),
which the caller then validates with ``automation.validation.validate_workflow``.

Python::

    flow = workflow(
        "Ukentlig bestilling",
        description="Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
        schedule=weekly("monday", "09:00"),
    )
    flow.send_email(
        name="Send bestillingsskjema",
        template="Bestillingsskjema",      # a template name, or its id: template=1
        to=group("all"),
        when=on("monday", "09:00"),
    )
    flow.send_email(
        name="Påminnelse",
        template="Påminnelse",
        to=group("all"),
        when=on("thursday", "15:00"),
        condition=orders_missing(since="execution_start"),
    )

JavaScript::

    const flow = workflow("Ukentlig bestilling", {schedule: weekly("monday", "09:00")});
    flow.sendEmail({template: "Bestillingsskjema", to: group("all"), when: on("monday", "09:00")});
    flow.sendEmail({
      template: "Påminnelse",
      to: group("all"),
      when: on("thursday", "15:00"),
      condition: ordersMissing({since: "execution_start"}),
    });

Methods return the workflow, so they may also be chained:
``workflow(...).send_email(...).generate_report(...)``.

Scripts are never executed. They are parsed (Python's ``ast``; esprima for JavaScript) and
the tree is walked: only builder calls, literals (text, numbers, booleans, None/null,
lists, dicts), names assigned from them and method calls on the workflow are understood.
Imports, loops, functions, classes, operators, attribute access outside the builder and
names such as ``__import__``, ``eval``, ``this``, ``constructor`` or ``require`` are
refused, as are scripts over ``MAX_SOURCE_BYTES``, too many nodes, too deep nesting,
oversized literals and compiles that take longer than ``TIME_LIMIT_S``. Every error has
a 1-based line and column, a stable code and a message translated (gettext) when it is
raised, so in the language active for the request.

``export_script(workflow, language=...)`` writes any workflow as a script that compiles
back to the same JSON. ``docs()`` is the reference the editor shows (README.md, with the step
methods of the registry). Each step type's method comes from its own ``dsl`` spec
(``automation.registry``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.utils.translation import gettext as _

from ai_assistant.dsl.builder import FUNCTIONS, Interpreter, methods
from ai_assistant.dsl.exporter import export_script
from ai_assistant.dsl.ir import (
    MAX_SOURCE_BYTES,
    TIME_LIMIT_S,
    Deadline,
    DslError,
    Loc,
    bracket_depth_error,
)
from ai_assistant.dsl.javascript_frontend import JavaScriptFrontend
from ai_assistant.dsl.python_frontend import PythonFrontend
from automation.registry import StepType, step_types

__all__ = [
    "FUNCTIONS",
    "MAX_SOURCE_BYTES",
    "TIME_LIMIT_S",
    "CompileResult",
    "compile_script",
    "docs",
    "export_script",
    "methods",
]

ScriptLanguage = Literal["python", "javascript"]

_README = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
_STEP_ROWS_MARK = "<!-- step methods: filled in from the step-type registry -->"


def _call_text(cls: type[StepType]) -> str:
    parts = [p.name if p.positional else f"{p.name}=..." for p in cls.dsl.params]
    return f"{cls.key}({', '.join(parts)})"


def docs() -> str:
    """The reference shown next to the script editor (Markdown): the README, with one row
    per registered step type's method."""
    rows = "\n".join(f"| `{_call_text(cls)}` | {cls.doc} |" for cls in step_types().values())
    return _README.replace(_STEP_ROWS_MARK, rows)


@dataclass
class CompileResult:
    """``workflow`` when the script compiled, else ``errors`` (each with line and column)."""

    workflow: dict[str, Any] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def compile_script(
    source: str, *, language: ScriptLanguage, time_limit: float = TIME_LIMIT_S
) -> CompileResult:
    """Compile a builder script to the workflow JSON (not yet validated)."""
    if language not in ("python", "javascript"):
        raise ValueError(f"unknown script language {language!r}")
    try:
        return CompileResult(workflow=_compile(source, language, time_limit))
    except DslError as exc:
        return CompileResult(errors=[exc.as_dict()])
    except RecursionError:
        return CompileResult(
            errors=[
                DslError("too_deep", _("The script is nested too deeply."), Loc(1, 1)).as_dict()
            ]
        )


def _compile(source: str, language: str, time_limit: float) -> dict[str, Any]:
    if not isinstance(source, str):
        raise DslError("invalid_source", _("The script must be text."), Loc(1, 1))
    size = len(source.encode("utf-8", errors="replace"))
    if size > MAX_SOURCE_BYTES:
        raise DslError(
            "too_large",
            _("The script is %(size)d bytes; at most %(limit)d are allowed.")
            % {"size": size, "limit": MAX_SOURCE_BYTES},
            Loc(1, 1),
        )
    if "\x00" in source:
        line = source.count("\n", 0, source.index("\x00")) + 1
        raise DslError("syntax_error", _("The script contains a NUL character."), Loc(line, 1))
    deep = bracket_depth_error(source, language)
    if deep is not None:
        raise deep
    # The parsers are imported with this module, so a cold import never eats the time limit.
    deadline = Deadline(time_limit)
    if language == "python":
        statements = PythonFrontend(source, deadline).parse()
    else:
        statements = JavaScriptFrontend(source, deadline).parse()
    return Interpreter(language, deadline).run(statements)
