"""Malicious workflow scripts are refused, each with a clear error at a line and column.

Nothing in a script is ever executed; these tests also show that the usual escapes from
sandboxes are refused before anything could run.
"""

from __future__ import annotations

import pytest

from ai_assistant.dsl import MAX_SOURCE_BYTES, compile_script

PY = "python"
JS = "javascript"

# (language, source, expected code, line, column)
MALICIOUS: list[tuple[str, str, str, int, int]] = [
    (PY, "import os", "not_allowed", 1, 1),
    (PY, "from os import system", "not_allowed", 1, 1),
    (PY, "__import__('os')", "forbidden_name", 1, 1),
    (PY, "x = __import__('os').system('id')", "forbidden_name", 1, 5),
    (PY, "().__class__.__bases__[0].__subclasses__()", "forbidden_name", 1, 1),
    (PY, "x = ().__class__", "forbidden_name", 1, 5),
    (PY, "getattr(x, '__globals__')", "forbidden_name", 1, 1),
    (PY, "eval('1')", "forbidden_name", 1, 1),
    (PY, "exec('import os')", "forbidden_name", 1, 1),
    (PY, "compile('1', 'x', 'eval')", "forbidden_name", 1, 1),
    (PY, "open('/etc/passwd')", "forbidden_name", 1, 1),
    (PY, "while True: pass", "not_allowed", 1, 1),
    (PY, "for i in range(10**9): pass", "not_allowed", 1, 1),
    (PY, "x = [1] * 10**9", "not_allowed", 1, 5),
    (PY, 'x = "a" * 10**9', "not_allowed", 1, 5),
    (PY, "x = 10**10**10", "not_allowed", 1, 5),
    (PY, "x = [i for i in range(10)]", "not_allowed", 1, 5),
    (PY, "f = lambda: 1", "not_allowed", 1, 5),
    (PY, "def f():\n    pass", "not_allowed", 1, 1),
    (PY, "class A:\n    pass", "not_allowed", 1, 1),
    (PY, "with open('x') as f:\n    pass", "not_allowed", 1, 1),
    (PY, "try:\n    pass\nexcept Exception:\n    pass", "not_allowed", 1, 1),
    (PY, 'flow = workflow("X", schedule=daily("09:00"))\nflow.__dict__', "forbidden_name", 2, 1),
    (PY, 'x = "abc"\ny = x.upper()', "unknown_method", 2, 5),
    (PY, "x = f'{1}'", "not_allowed", 1, 5),
    (PY, "x = [1][0]", "not_allowed", 1, 5),
    (PY, "x = 1\nx += 1", "not_allowed", 2, 1),
    (PY, "x = b'bytes'", "not_allowed", 1, 5),
    (PY, "x = " + "9" * 40, "literal_too_large", 1, 5),
    (PY, 'x = "' + "a" * 6000 + '"', "literal_too_large", 1, 5),
    (PY, "x = " + "[" * 60 + "]" * 60, "too_deep", 1, 45),
    (PY, "\n\nx = " + "(" * 500 + ")" * 500, "too_deep", 3, 45),
    (PY, "x = " + "-" * 5000 + "1", "too_deep", 1, 1),
    (JS, 'this.constructor.constructor("return process")()', "forbidden_name", 1, 18),
    (JS, "x = this", "forbidden_name", 1, 5),
    (JS, 'Function("return process")()', "forbidden_name", 1, 1),
    (JS, 'new Function("return 1")', "not_allowed", 1, 1),
    (JS, 'require("fs")', "forbidden_name", 1, 1),
    (JS, 'const fs = require("fs");', "forbidden_name", 1, 12),
    (JS, "process.exit(1)", "forbidden_name", 1, 1),
    (JS, "globalThis.x = 1", "not_allowed", 1, 1),
    (JS, "const g = globalThis;", "forbidden_name", 1, 11),
    (JS, "for(;;){}", "not_allowed", 1, 1),
    (JS, "while (true) {}", "not_allowed", 1, 1),
    (JS, 'eval("1")', "forbidden_name", 1, 1),
    (JS, "const f = () => 1;", "not_allowed", 1, 11),
    (JS, "function f() {}", "not_allowed", 1, 1),
    (JS, "const x = ({}).constructor;", "forbidden_name", 1, 16),
    (JS, 'const x = group("all")["constructor"];', "not_allowed", 1, 11),
    (JS, "const x = group.prototype;", "forbidden_name", 1, 17),
    (JS, 'const x = "a".repeat(1e9);', "unknown_method", 1, 11),
    (JS, "const x = 10 ** 10;", "not_allowed", 1, 11),
    (JS, "const x = `${process}`;", "not_allowed", 1, 11),
    (JS, "const x = /a+/;", "not_allowed", 1, 11),
    (JS, "const x = 1e400;", "literal_too_large", 1, 11),
    (JS, 'import("fs")', "not_allowed", 1, 1),
    (JS, "\nconst x = " + "[" * 60 + "]" * 60 + ";", "too_deep", 2, 51),
    (JS, "const x = " + "-" * 5000 + "1;", "too_deep", 1, 1),
]


@pytest.mark.parametrize(
    ("language", "source", "code", "line", "column"),
    MALICIOUS,
    ids=[f"{lang}:{src[:30]!r}" for lang, src, *_ in MALICIOUS],
)
def test_malicious_script_is_refused_with_a_place(
    language: str, source: str, code: str, line: int, column: int
) -> None:
    result = compile_script(source, language=language)
    assert result.workflow is None
    assert len(result.errors) == 1
    error = result.errors[0]
    assert set(error) == {"line", "column", "code", "message"}
    assert (error["code"], error["line"], error["column"]) == (code, line, column), error
    assert len(error["message"]) > 10


@pytest.mark.parametrize("language", [PY, JS])
def test_a_one_megabyte_script_is_refused_before_parsing(language: str) -> None:
    source = "x = 1\n" * (1_000_000 // 6)
    result = compile_script(source, language=language)
    assert result.errors[0]["code"] == "too_large"
    assert (result.errors[0]["line"], result.errors[0]["column"]) == (1, 1)
    assert str(MAX_SOURCE_BYTES) in result.errors[0]["message"]


@pytest.mark.parametrize("language", [PY, JS])
def test_too_many_nodes_are_refused(language: str) -> None:
    items = ", ".join(["1"] * 900)
    source = "\n".join(f"x{i} = [{items}]" for i in range(10))
    assert len(source.encode()) < MAX_SOURCE_BYTES
    # A generous time limit: this is about the node count, not a busy machine's clock.
    result = compile_script(source, language=language, time_limit=120)
    assert result.errors[0]["code"] == "too_large"


@pytest.mark.parametrize(
    ("language", "source"),
    [
        (PY, 'workflow("X", schedule=daily("09:00")).send_email(template=1, to=group("all"))'),
        (
            JS,
            'workflow("X", {schedule: daily("09:00")}).sendEmail({template: 1, to: group("all")})',
        ),
    ],
)
def test_the_time_limit_covers_the_whole_compile(language: str, source: str) -> None:
    assert compile_script(source, language=language).errors == []
    result = compile_script(source, language=language, time_limit=0)
    assert result.errors[0]["code"] == "timeout"
    assert result.errors[0]["line"] >= 1 and result.errors[0]["column"] >= 1


def test_nothing_in_a_script_runs(tmp_path) -> None:
    marker = tmp_path / "ran"
    attempts = [
        (PY, f"open({str(marker)!r}, 'w')"),
        (PY, f"__import__('pathlib').Path({str(marker)!r}).touch()"),
        (JS, f'require("fs").writeFileSync({str(marker)!r}, "x")'),
    ]
    for language, source in attempts:
        assert compile_script(source, language=language).errors
    assert not marker.exists()


def test_strings_that_look_like_code_are_only_text() -> None:
    source = (
        "workflow(\"__import__('os').system('id')\", schedule=daily(\"09:00\"))"
        '.send_email(template="this.constructor", to=group("all"))'
    )
    result = compile_script(source, language=PY)
    assert result.errors == []
    assert result.workflow["name"] == "__import__('os').system('id')"
