"""Fuzzing the workflow scripts (Python and JavaScript front ends): any script compiles to a
workflow or to errors with a line and a column; never an exception, never a 5xx, never a
workflow that cannot be saved, and nothing saved by checking a script."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.db import transaction
from hypothesis import event, given
from hypothesis import strategies as st
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from ai_assistant.dsl import compile_script
from ai_assistant.services import ai_execute_script
from automation.models import WorkflowDefinition
from automation.services import workflow_create
from automation.validation import validate_workflow
from tests.automation.workflow_docs import Refs, make_refs
from tests.fuzz.strategies import any_character, json_string, odd_numbers, odd_text

pytestmark = pytest.mark.django_db

LANGUAGES = ("python", "javascript")
FUNCTIONS = [
    "workflow", "daily", "weekly", "monthly", "cron", "event", "group", "everyone", "customers",
    "from_step", "event_customer", "on", "at", "after", "at_moment", "orders_missing",
    "has_ordered", "customer_filter", "line",
]  # fmt: skip
METHODS = [
    "send_email", "create_order", "generate_report", "call_integration", "check_condition",
    "wait_until", "step",
]  # fmt: skip
OPTIONS = [
    "name", "description", "schedule", "event", "template", "to", "when", "condition", "mode",
    "report", "send_to", "integration", "method", "body", "timezone", "since", "days_back",
    "minutes", "max_retries", "active", "order", "lines", "weekdays_only", "path", "options",
]  # fmt: skip
HOSTILE_NAMES = ["__import__", "eval", "os", "constructor", "__class__", "this", "require", "x"]
GOOD_VALUES = [
    '"Bestillingsskjema"', '"all"', '"kafeer"', '"monday"', '"09:00"', '"15:00"', '"thursday"',
    '"execution_start"', '"execution_summary"', '"sjef@example.com"', '"order.created"',
    '"repeat_last"', '"POST"', "1", "2", "7",
]  # fmt: skip
RAW_LITERALS = ["1e999", "-1e999", "0x7fffffffffffffff", "1_000", "NaN", "Infinity", "-0", "0.0"]


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


# An expression as a tree: ("lit", text) | ("list", [..]) | ("dict", [(key, ..)])
# | ("call", name, [positional], [(keyword, ..)]) | ("name", text)
literal = st.one_of(
    st.sampled_from(GOOD_VALUES),
    odd_text.map(json_string),
    odd_numbers.map(repr).filter(lambda text: text not in ("inf", "-inf", "nan")),
    st.sampled_from(RAW_LITERALS),
    st.sampled_from(["True", "False", "None"]),
).map(lambda text: ("lit", text))


def _compound(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=3).map(lambda items: ("list", items)),
        st.lists(st.tuples(st.sampled_from(OPTIONS), children), max_size=3).map(
            lambda pairs: ("dict", pairs)
        ),
        st.tuples(
            st.sampled_from(FUNCTIONS + HOSTILE_NAMES),
            st.lists(children, max_size=2),
            st.lists(st.tuples(st.sampled_from(OPTIONS), children), max_size=3),
        ).map(lambda parts: ("call", *parts)),
    )


expression = st.recursive(
    st.one_of(literal, st.sampled_from([*HOSTILE_NAMES, "flow"]).map(lambda n: ("name", n))),
    _compound,
    max_leaves=8,
)


def render(node: Any, language: str) -> str:
    kind = node[0]
    if kind in ("lit", "name"):
        text = node[1]
        if language == "javascript":
            text = {"True": "true", "False": "false", "None": "null"}.get(text, text)
        return text
    if kind == "list":
        return "[" + ", ".join(render(item, language) for item in node[1]) + "]"
    if kind == "dict":
        if language == "python":
            items = (f"{json.dumps(key)}: {render(value, language)}" for key, value in node[1])
        else:
            items = (f"{camel(key)}: {render(value, language)}" for key, value in node[1])
        return "{" + ", ".join(items) + "}"
    _kind, name, positional, keywords = node
    args = [render(arg, language) for arg in positional]
    if language == "python":
        args += [f"{key}={render(value, language)}" for key, value in keywords]
        return f"{name}({', '.join(args)})"
    if keywords:
        args.append(render(("dict", keywords), language))
    return f"{camel(name)}({', '.join(args)})"


@st.composite
def script(draw: st.DrawFn, language: str) -> str:
    """A builder script: a workflow and some steps, each option a good or a hostile value."""
    options = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["description", "schedule", "event"]),
                st.one_of(
                    expression,
                    st.just(("call", "weekly", [("lit", '"monday"'), ("lit", '"09:00"')], [])),
                ),
            ),
            max_size=2,
        )
    )
    lines = [
        ("python" if language == "python" else "const ")[: 0 if language == "python" else 6]
        + "flow = "
        + render(("call", "workflow", [draw(literal)], options), language)
    ]
    for _ in range(draw(st.integers(0, 3))):
        method = draw(st.sampled_from(METHODS))
        keywords = draw(st.lists(st.tuples(st.sampled_from(OPTIONS), expression), max_size=4))
        if method == "send_email" and draw(st.booleans()):
            keywords = [
                ("template", ("lit", '"Bestillingsskjema"')),
                ("to", ("call", "group", [("lit", '"all"')], [])),
                *keywords[:1],
            ]
        call = render(("call", method, [], keywords), language)
        lines.append("flow." + call.split("(", 1)[0] + "(" + call.split("(", 1)[1])
    text = "\n".join(line + (";" if language == "javascript" else "") for line in lines)
    # Some scripts get a hostile fragment spliced in anywhere.
    if draw(st.integers(0, 3)) == 0:
        fragment = draw(
            st.one_of(
                st.text(any_character, max_size=10),
                st.sampled_from(
                    [
                        "import os\n", "(", ")", "[", "]", "{", "}", '"', "'", "\\", "`${x}`",
                        "/*", "//", "#", "\n  ", "\x00", "__import__('os')", "eval('1')",
                        "flow.__class__", "this.constructor", "lambda: 0", "**", "...",
                    ]
                ),
            )
        )  # fmt: skip
        at = draw(st.integers(0, len(text)))
        text = text[:at] + fragment + text[at:]
    return text


# The running example with a slot for each value: mostly the good value, else a hostile one,
# so that most scripts compile and the validator and the save see odd values too.
SLOTTED = {
    "python": (
        "flow = workflow({name}, description={description}, schedule=weekly({day}, {time}))\n"
        "flow.send_email(name={step_name}, template={template}, to=group({group}),"
        " when=on({day}, {time}))\n"
        'flow.send_email(template="Påminnelse", to=group("all"), when=on("thursday", "15:00"),'
        " condition=orders_missing(since={since}))\n"
        "flow.generate_report(report={report}, send_to=[{email}], max_retries={retries})\n"
    ),
    "javascript": (
        "const flow = workflow({name}, {{description: {description},"
        " schedule: weekly({day}, {time})}});\n"
        "flow.sendEmail({{name: {step_name}, template: {template}, to: group({group}),"
        " when: on({day}, {time})}});\n"
        'flow.sendEmail({{template: "Påminnelse", to: group("all"), when: on("thursday", "15:00"),'
        " condition: ordersMissing({{since: {since}}})}});\n"
        "flow.generateReport({{report: {report}, sendTo: [{email}], maxRetries: {retries}}});\n"
    ),
}
GOOD_SLOTS = {
    "name": '"Ukentlig bestilling"',
    "description": '"Mandag og torsdag"',
    "day": '"monday"',
    "time": '"09:00"',
    "step_name": '"Send skjema"',
    "template": '"Bestillingsskjema"',
    "group": '"all"',
    "since": '"execution_start"',
    "report": '"execution_summary"',
    "email": '"sjef@example.com"',
    "retries": "3",
}


@st.composite
def slotted_script(draw: st.DrawFn, language: str) -> str:
    values = {}
    for slot, good in GOOD_SLOTS.items():
        if draw(st.integers(0, 9)) < 8:
            values[slot] = good
        else:
            values[slot] = render(draw(st.one_of(literal, expression)), language)
    return SLOTTED[language].format(**values)


any_script = st.sampled_from(LANGUAGES).flatmap(
    lambda language: st.tuples(
        st.just(language),
        st.one_of(
            slotted_script(language),
            slotted_script(language),
            script(language),
            st.text(any_character, max_size=200),
        ),
    )
)


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


@pytest.fixture
def developer(db: None) -> User:
    user = User.objects.create_user(username="fuzz-developer", password="x")
    user.groups.add(Group.objects.get_or_create(name="developer")[0])
    return user


def assert_located_errors(errors: list[dict[str, Any]]) -> None:
    assert errors
    for error in errors:
        assert isinstance(error["message"], str) and error["message"]
        assert isinstance(error["code"], str) and error["code"]
        # Every answer must travel as JSON (UTF-8): no unpaired surrogate in any message.
        json.dumps(error, ensure_ascii=False).encode("utf-8")


@given(case=any_script)
def test_any_script_compiles_to_a_saveable_workflow_or_to_located_errors(
    refs: Refs, developer: User, case: tuple[str, str]
) -> None:
    language, source = case
    workflows_before = WorkflowDefinition.objects.count()

    result = compile_script(source, language=language)

    if not result.ok:
        event(f"compile error: {result.errors[0]['code']}")
        assert_located_errors(result.errors)
        for error in result.errors:
            assert error["line"] >= 1 and error["column"] >= 1, error
    else:
        validation = validate_workflow(result.workflow)
        if not validation.is_valid:
            event("invalid workflow")
            assert_located_errors(list(validation.errors))
        else:
            event("valid workflow")
            # A valid workflow is one that can be saved: no 500 when it is confirmed.
            with transaction.atomic():
                workflow_create(created_by=developer, data=validation.normalised)
                transaction.set_rollback(True)
    reply = ai_execute_script(user=developer, language=language, source=source)
    json.dumps(reply.as_dict(), ensure_ascii=False).encode("utf-8")
    assert WorkflowDefinition.objects.count() == workflows_before  # checking saves nothing


@pytest.fixture
def client(developer: User) -> APIClient:
    # One client per test, not per example: each new client builds the middleware again.
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(developer)}")
    return client


@given(case=any_script)
def test_the_script_endpoint_answers_200_or_400(
    refs: Refs, client: APIClient, case: tuple[str, str]
) -> None:
    language, source = case

    response = client.post(
        "/api/v1/workflow-automation/ai/execute-script",
        json.dumps({"language": language, "source": source}, ensure_ascii=True),
        content_type="application/json",
    )

    assert response.status_code in (200, 400), (response.status_code, source)
    if response.status_code == 400:
        assert response.json()["errors"]
    assert not WorkflowDefinition.objects.exists()
