"""POST /events with signed bodies no database can store: 400 in the error shape, never a
500 that the sender retries for ever, and nothing started (issue 22, 1 B)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from rest_framework.test import APIClient

from customers.webhooks import MAX_EVENT_DEPTH, webhook_signature
from executions.models import WorkflowExecution
from tests.api_data.conftest import Enqueued, error_paths, url
from tests.automation.factories import WorkflowDefinitionFactory, WorkflowStepFactory

pytestmark = pytest.mark.django_db

SECRET = "whsec-test-hostile-not-the-real-one"


@pytest.fixture(autouse=True)
def _listening_workflow(settings: Any) -> None:
    settings.WEBHOOK_SIGNING_SECRET = SECRET
    settings.WEBHOOK_TOLERANCE_S = 300
    workflow = WorkflowDefinitionFactory(event_based=True, event={"type": "webhook"})
    WorkflowStepFactory(workflow=workflow, step_order=1)


def send(body: bytes) -> Any:
    timestamp = str(int(time.time()))
    return APIClient().post(
        url("events"),
        data=body,
        content_type="application/json",
        HTTP_X_WEBHOOK_TIMESTAMP=timestamp,
        HTTP_X_WEBHOOK_SIGNATURE=webhook_signature(timestamp=timestamp, body=body, secret=SECRET),
    )


def nested(depth: int) -> str:
    """``depth`` arrays inside one another, as raw JSON (json.dumps would recurse)."""
    return "[" * depth + "]" * depth


# The first container past the limit: the body is level 1, data 2, data.x 3.
DEEPEST_PATH = "/data/x" + "/0" * (MAX_EVENT_DEPTH - 2)


def nested_objects(depth: int) -> str:
    return '{"a": ' * (depth - 1) + "{}" + "}" * (depth - 1)


def event(data: str = '{"a": 1}', event_id: str = '"evt-1"', name: str = '"crm.x"') -> bytes:
    # Written by hand: json.dumps refuses or rewrites most of what is sent here.
    return f'{{"id": {event_id}, "name": {name}, "data": {data}}}'.encode()


@pytest.mark.parametrize(
    ("body", "path", "code"),
    [
        (event('{"price": NaN}'), "", "invalid_number"),
        (event('{"price": Infinity}'), "", "invalid_number"),
        (event('{"price": -Infinity}'), "", "invalid_number"),
        (event('{"price": 1e999}'), "", "invalid_number"),
        (event('{"text": "\\ud800"}'), "/data/text", "invalid_text"),
        (event('{"text": "a\\u0000b"}'), "/data/text", "invalid_text"),
        (event('{"list": ["ok", "\\udfff x"]}'), "/data/list/1", "invalid_text"),
        (event('{"a\\u0000b": 1}'), "/data", "invalid_text"),
        (event(event_id='"evt-\\ud800"'), "/id", "invalid_text"),
        (event(name='"crm\\u0000x"'), "/name", "invalid_text"),
        (event(nested(100_000)), "", "too_deep"),
        # Near the parser's own recursion limit: refused by the depth check or by the parser
        # (path ""), depending on how deep the stack already is (a test worker's is deeper).
        (event(f'{{"x": {nested(900)}}}'), None, "too_deep"),
        (event(f'{{"x": {nested(MAX_EVENT_DEPTH - 1)}}}'), DEEPEST_PATH, "too_deep"),
        (b"\xff\xfe not utf-8", "", "invalid_json"),
    ],
    ids=[
        "nan",
        "infinity",
        "-infinity",
        "1e999",
        "lone-surrogate-in-data",
        "nul-in-data",
        "surrogate-in-list",
        "nul-in-key",
        "lone-surrogate-in-id",
        "nul-in-name",
        "100000-deep",
        "900-deep",
        "one-level-too-deep",
        "not-utf-8",
    ],
)
def test_unstorable_signed_bodies_answer_400_and_start_nothing(
    body: bytes,
    path: str | None,
    code: str,
    enqueued: Enqueued,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = send(body)

    assert response.status_code == 400, response.content[:300]
    paths = error_paths(response)
    if path is None:
        assert list(paths.values()) == [code] and set(paths) <= {"", DEEPEST_PATH}
    else:
        assert paths == {path: code}
    assert not WorkflowExecution.objects.exists()
    assert enqueued.runs == []


def test_nesting_up_to_the_limit_is_accepted_and_kept(
    enqueued: Enqueued, django_capture_on_commit_callbacks: Any
) -> None:
    # The body's object is the first level; the rest of the limit is data's to use.
    deepest = nested_objects(MAX_EVENT_DEPTH - 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(event(deepest))

    assert response.status_code == 202, response.content
    execution = WorkflowExecution.objects.get()
    assert execution.context["event"]["data"] == json.loads(deepest)


def test_odd_but_storable_unicode_is_accepted_as_sent(
    enqueued: Enqueued, django_capture_on_commit_callbacks: Any
) -> None:
    data = {"navn": "Kafé 😀 \u200b\ufeff", "tall": 2**70, "liten": 1e-300}
    with django_capture_on_commit_callbacks(execute=True):
        response = send(json.dumps({"id": "evt-😀", "name": "crm.x", "data": data}).encode())

    assert response.status_code == 202, response.content
    assert response.json()["event_id"] == "evt-😀"
    assert WorkflowExecution.objects.get().context["event"]["data"] == data


def test_every_problem_is_listed_with_its_pointer() -> None:
    body = event('{"a": "\\ud800", "b/c": ["x\\u0000"]}', event_id='"\\udc00"')

    response = send(body)

    assert response.status_code == 400
    assert error_paths(response) == {
        "/id": "invalid_text",
        "/data/a": "invalid_text",
        "/data/b~1c/0": "invalid_text",
    }
