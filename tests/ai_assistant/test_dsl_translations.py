"""Workflow scripts' error messages are in the reader's language: Norwegian Bokmål by default,
English on request, through the script editor's check and the API alike; and no message in
the DSL's source is left as a bare English literal."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

import ai_assistant.dsl
from ai_assistant.dsl import compile_script

DSL_DIR = Path(ai_assistant.dsl.__file__).parent
DSL_MODULES = sorted(DSL_DIR.glob("*.py"))
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}
# A sentence: starts with a capital letter or a quote, has at least three words, ends as one.
PROSE = re.compile(r"^[A-Z“«].*\s\S+\s.*[.?!:]$", re.S)

# (language, script, code, Norwegian, English): one refused construct and one argument error.
CASES = [
    (
        "python",
        "import os\n",
        "not_allowed",
        "Import er ikke tillatt; byggefunksjonene er tilgjengelige uten import.",
        "Imports are not allowed; the builder functions are available without them.",
    ),
    (
        "javascript",
        'const flow = workflow("X", {schedule: weekly("monday", "09:00")});\n'
        'flow.sendEmail({template: 1, to: on("monday", "09:00")});\n',
        "bad_argument",
        'to må være mottakere, for eksempel group("all"); on() lager noe annet.',
        'to must be recipients such as group("all"); on() makes something else.',
    ),
]


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    # The locale middleware leaves the request's language active in this thread; later tests
    # expect the default.
    with translation.override(translation.get_language()):
        yield


def developer() -> User:
    user = User.objects.create_user(username="dsl-developer", password="x")
    user.groups.add(Group.objects.get_or_create(name="developer")[0])
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "source", "code", "norwegian", "english"), CASES)
def test_the_editor_check_reports_script_errors_in_the_readers_language(
    language: str, source: str, code: str, norwegian: str, english: str
) -> None:
    user = developer()
    messages = {}
    for accept in ("nb", "en"):
        client = Client(HTTP_ACCEPT_LANGUAGE=accept)
        client.force_login(user)
        response = client.post(
            reverse("ai_assistant:script-check"), {"language": language, "source": source}
        )
        assert response.status_code == 200
        (error,) = response.json()["errors"]
        assert error["code"] == code
        messages[accept] = error["message"]

    assert messages == {"nb": norwegian, "en": english}


@pytest.mark.django_db
def test_norwegian_is_the_default_without_a_language_preference() -> None:
    client = Client()
    client.force_login(developer())

    response = client.post(
        reverse("ai_assistant:script-check"), {"language": "python", "source": "x = 1 + 2\n"}
    )

    (error,) = response.json()["errors"]
    assert (
        error["message"] == "Operatorer (+, -, *, **, /, ...) støttes ikke; skriv verdien fullt ut."
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "source", "code", "norwegian", "english"), CASES)
def test_the_api_reports_script_errors_in_the_requests_language(
    language: str, source: str, code: str, norwegian: str, english: str
) -> None:
    client = APIClient()
    client.force_authenticate(developer())
    url = "/api/v1/workflow-automation/ai/execute-script"
    body = {"language": language, "source": source}

    in_nb = client.post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="nb")
    in_en = client.post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert in_nb.status_code == in_en.status_code == 400
    assert [(e["code"], e["message"]) for e in in_nb.json()["errors"]] == [(code, norwegian)]
    assert [(e["code"], e["message"]) for e in in_en.json()["errors"]] == [(code, english)]


@pytest.mark.parametrize(
    ("language", "source"),
    [
        ("python", "x = f(1\n"),
        ("python", "x = [i for i in y]\n"),
        ("python", 'workflow("X", "Y", schedule=weekly("monday", "09:00"))\n'),
        ("python", "x = a.b\n"),
        ("javascript", "f(1 2)\n"),
        ("javascript", "for (;;) {}\n"),
        ("javascript", "x = ordersmissing()\n"),
        ("javascript", 'workflow("X", "Y", {schedule: weekly("monday", "09:00")}, {})\n'),
    ],
)
def test_errors_keep_code_and_place_and_change_only_the_words(language: str, source: str) -> None:
    with translation.override("en"):
        (english,) = compile_script(source, language=language).errors
    with translation.override("nb"):
        (norwegian,) = compile_script(source, language=language).errors

    assert {k: v for k, v in english.items() if k != "message"} == {
        k: v for k, v in norwegian.items() if k != "message"
    }
    assert english["message"] != norwegian["message"]


# --- The source: every message goes through gettext ----------------------------------------


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_gettext(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in GETTEXT


def _is_bare(message: ast.AST) -> bool:
    """A literal, an f-string or a literal formatted with % or .format(): never translated."""
    if isinstance(message, ast.Constant | ast.JoinedStr):
        return True
    if isinstance(message, ast.BinOp):
        return not _is_gettext(message.left)
    if isinstance(message, ast.Call) and _name(message.func) == "format":
        return not _is_gettext(getattr(message.func, "value", message))
    return False


def _translated_and_docstrings(tree: ast.Module) -> set[int]:
    """The ids of string constants that are gettext arguments or docstrings."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if _is_gettext(node):
            skip |= {id(n) for arg in node.args for n in ast.walk(arg)}
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
    return skip


@pytest.mark.parametrize("module", DSL_MODULES, ids=lambda p: p.name)
def test_no_dsl_message_is_a_bare_english_literal(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _name(node.func) == "DslError":
            message = node.args[1] if len(node.args) > 1 else None
            message = next((k.value for k in node.keywords if k.arg == "message"), message)
        elif _name(node.func) == "Message":
            message = node.args[0] if node.args else None
        else:
            continue
        if message is not None and _is_bare(message):
            problems.append(f"{module.name}:{node.lineno}: {ast.unparse(message)[:80]}")
    skip = _translated_and_docstrings(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and PROSE.match(node.value.strip())
        ):
            problems.append(f"{module.name}:{node.lineno}: {node.value[:80]!r}")

    assert not problems, "untranslated DSL messages:\n" + "\n".join(problems)


def test_the_scan_finds_a_bare_message() -> None:
    source = 'raise DslError("x", f"“{name}” is not defined.", loc)\n'
    (call,) = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)]
    assert _is_bare(call.args[1])
    wrapped = ast.parse('_("“%(name)s” is not defined.") % {"name": name}', mode="eval").body
    assert not _is_bare(wrapped)
