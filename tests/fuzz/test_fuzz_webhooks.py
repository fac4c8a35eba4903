"""Fuzzing POST /events with signed hostile bodies: a 202 or a 400 in the error shape, never a
5xx; a refused event starts nothing, an accepted one is stored as it was sent."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from customers.webhooks import webhook_signature
from executions.models import WorkflowExecution
from tests.automation.factories import WorkflowDefinitionFactory, WorkflowStepFactory
from tests.fuzz.strategies import deeply_nested, odd_text, raw_json_scalar, raw_json_value

pytestmark = pytest.mark.django_db

SECRET = "whsec-fuzz-not-the-real-one"
URL = "/api/v1/workflow-automation/events"


@pytest.fixture
def listening(settings: Any) -> None:
    settings.WEBHOOK_SIGNING_SECRET = SECRET
    settings.WEBHOOK_TOLERANCE_S = 300
    # Unnamed: it listens for every event name, so every accepted event starts it.
    workflow = WorkflowDefinitionFactory(event_based=True, event={"type": "webhook"})
    WorkflowStepFactory(workflow=workflow, step_order=1)


@pytest.fixture
def client() -> APIClient:
    # One client per test, not per example: each new client builds the middleware again.
    return APIClient()


def post_signed(client: APIClient, body: bytes) -> Any:
    timestamp = str(int(time.time()))
    return client.post(
        URL,
        data=body,
        content_type="application/json",
        HTTP_X_WEBHOOK_TIMESTAMP=timestamp,
        HTTP_X_WEBHOOK_SIGNATURE=webhook_signature(timestamp=timestamp, body=body, secret=SECRET),
    )


event_id = st.one_of(raw_json_scalar, st.uuids().map(lambda u: f'"{u}"'), st.integers().map(str))
event_name = st.one_of(raw_json_scalar, st.sampled_from(['"crm.customer_updated"', '"x"']))
event_data = st.one_of(raw_json_value, deeply_nested())


@st.composite
def event_body(draw: st.DrawFn) -> str:
    fields = [
        f'"id": {draw(event_id)}',
        f'"name": {draw(event_name)}',
        f'"data": {draw(event_data)}',
    ]
    if draw(st.booleans()):
        fields.append(f"{json.dumps(draw(odd_text))}: {draw(raw_json_scalar)}")
    return "{" + ", ".join(draw(st.permutations(fields))) + "}"


bodies = st.one_of(
    event_body().map(lambda text: text.encode("utf-8", "surrogatepass")),
    raw_json_value.map(lambda text: text.encode("utf-8", "surrogatepass")),
    deeply_nested().map(str.encode),
    st.binary(max_size=200),
)


def as_stored(value: Any) -> Any:
    """``value`` as jsonb keeps it: numbers as exact decimals of their JSON text (jsonb writes
    1.5e+16 back as 15000000000000000, which reads back as an int)."""
    if isinstance(value, dict):
        return {key: as_stored(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_stored(item) for item in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(repr(value))
    return value


def assert_error_shape(response: Any) -> None:
    body = response.json()
    assert set(body) == {"errors"} and body["errors"], body
    for error in body["errors"]:
        assert set(error) >= {"path", "code", "message"}, error
        assert error["path"] == "" or error["path"].startswith("/"), error


@given(body=bodies)
def test_a_signed_body_is_accepted_as_sent_or_refused_in_the_error_shape(
    listening: None, client: APIClient, body: bytes
) -> None:
    before = set(WorkflowExecution.objects.values_list("pk", flat=True))

    response = post_signed(client, body)

    assert response.status_code in (202, 400), (response.status_code, body[:200])
    started = WorkflowExecution.objects.exclude(pk__in=before)
    if response.status_code == 400:
        assert_error_shape(response)
        assert not started.exists()
        return
    sent = json.loads(body)
    answer = response.json()
    if answer["duplicate"]:
        assert not started.exists()  # the replay cache answered: nothing new
        return
    [execution] = started
    assert answer["execution_ids"] == [execution.pk]
    stored = execution.context["event"]
    assert stored["name"] == sent["name"].strip()
    assert as_stored(stored["data"]) == as_stored(sent.get("data") or {})
