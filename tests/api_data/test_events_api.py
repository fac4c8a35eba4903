"""POST /events: signed webhook events start webhook workflows once per event id."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from executions.models import WorkflowExecution
from executions.webhooks import webhook_signature
from tests.api_data.conftest import Enqueued, error_paths, url
from tests.automation.factories import WorkflowDefinitionFactory, WorkflowStepFactory

pytestmark = pytest.mark.django_db

SECRET = "whsec-test-5b1d2c-not-the-real-one"
Api = Callable[[str | None], Any]


@pytest.fixture(autouse=True)
def _secret(settings: Any) -> None:
    settings.WEBHOOK_SIGNING_SECRET = SECRET
    settings.WEBHOOK_TOLERANCE_S = 300


def webhook_workflow(**event: Any) -> Any:
    workflow = WorkflowDefinitionFactory(event_based=True, event={"type": "webhook", **event})
    WorkflowStepFactory(workflow=workflow, step_order=1)
    return workflow


def body_of(event: dict[str, Any]) -> bytes:
    return json.dumps(event).encode()


def send(
    body: bytes,
    *,
    timestamp: int | str | None = None,
    signature: str | None = None,
    sign: bool = True,
    client: APIClient | None = None,
) -> Any:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers: dict[str, str] = {}
    if sign:
        headers["HTTP_X_WEBHOOK_TIMESTAMP"] = ts
        headers["HTTP_X_WEBHOOK_SIGNATURE"] = signature or webhook_signature(
            timestamp=ts, body=body, secret=SECRET
        )
    return (client or APIClient()).post(
        url("events"), data=body, content_type="application/json", **headers
    )


EVENT = {"id": "evt-1", "name": "crm.customer_updated", "data": {"customer": "K-1"}}


def test_signed_event_starts_each_listening_webhook_workflow_once(
    enqueued: Enqueued, django_capture_on_commit_callbacks: Any
) -> None:
    named = webhook_workflow(name="crm.customer_updated")
    unnamed = webhook_workflow()
    webhook_workflow(name="erp.stock_changed")  # listens for another name
    WorkflowDefinitionFactory(event_based=True)  # listens for order.created

    with django_capture_on_commit_callbacks(execute=True):
        response = send(body_of(EVENT))

    assert response.status_code == 202, response.content
    body = response.json()
    executions = WorkflowExecution.objects.filter(pk__in=body["execution_ids"])
    assert sorted(e.workflow_id for e in executions) == sorted([named.pk, unnamed.pk])
    assert WorkflowExecution.objects.count() == 2
    assert body["duplicate"] is False
    assert body["event_id"] == "evt-1"
    execution = executions.get(workflow=named)
    assert execution.trigger == WorkflowExecution.Trigger.EVENT
    assert execution.context == {
        "event": {
            "name": "crm.customer_updated",
            "data": {"customer": "K-1"},
            "event_id": "webhook:evt-1",
        }
    }
    assert sorted(enqueued.runs) == sorted(body["execution_ids"])


def test_the_same_event_twice_gives_the_same_executions_and_no_new_rows(
    enqueued: Enqueued, django_capture_on_commit_callbacks: Any
) -> None:
    webhook_workflow(name="crm.customer_updated")
    webhook_workflow()

    with django_capture_on_commit_callbacks(execute=True):
        first = send(body_of(EVENT))
        second = send(body_of(EVENT))
        cache.clear()  # the replay cache is gone: the executions' idempotency keys still hold
        third = send(body_of(EVENT))

    assert first.status_code == second.status_code == third.status_code == 202
    ids = sorted(first.json()["execution_ids"])
    assert sorted(second.json()["execution_ids"]) == ids
    assert sorted(third.json()["execution_ids"]) == ids
    assert second.json()["duplicate"] is True
    assert WorkflowExecution.objects.count() == 2
    assert len(enqueued.runs) == 2


def test_event_without_listeners_is_accepted_with_no_executions() -> None:
    response = send(body_of(EVENT))

    assert response.status_code == 202
    assert response.json()["execution_ids"] == []


def test_wrong_signature_is_401_and_starts_nothing() -> None:
    webhook_workflow()
    body = body_of(EVENT)
    ts = str(int(time.time()))

    wrong_secret = send(
        body, timestamp=ts, signature=webhook_signature(timestamp=ts, body=body, secret="other")
    )
    not_hex = send(body, timestamp=ts, signature="sha256=nope")

    assert wrong_secret.status_code == 401
    assert error_paths(wrong_secret) == {"": "signature_invalid"}
    assert not_hex.status_code == 401
    assert SECRET not in wrong_secret.content.decode()
    assert not WorkflowExecution.objects.exists()


def test_tampered_body_with_a_valid_signature_of_the_original_is_401() -> None:
    webhook_workflow()
    ts = str(int(time.time()))
    original = body_of(EVENT)
    signature = webhook_signature(timestamp=ts, body=original, secret=SECRET)
    tampered = body_of({**EVENT, "data": {"customer": "K-2"}})

    response = send(tampered, timestamp=ts, signature=signature)

    assert response.status_code == 401
    assert not WorkflowExecution.objects.exists()


# Seconds beyond the 300 s tolerance, with room for the clock ticking during the request.
@pytest.mark.parametrize("offset", [-305, 305, -3600])
def test_stale_or_future_timestamp_is_401_even_when_correctly_signed(offset: int) -> None:
    webhook_workflow()

    response = send(body_of(EVENT), timestamp=int(time.time()) + offset)

    assert response.status_code == 401
    assert error_paths(response) == {"": "timestamp_out_of_range"}
    assert not WorkflowExecution.objects.exists()


def test_timestamp_signed_with_another_value_is_401() -> None:
    ts = int(time.time())
    body = body_of(EVENT)
    signature = webhook_signature(timestamp=str(ts - 1000), body=body, secret=SECRET)

    response = send(body, timestamp=ts, signature=signature)

    assert response.status_code == 401
    assert error_paths(response) == {"": "signature_invalid"}


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "signature_missing"),
        ({"HTTP_X_WEBHOOK_TIMESTAMP": "1700000000"}, "signature_missing"),
        ({"HTTP_X_WEBHOOK_SIGNATURE": "sha256=00"}, "signature_missing"),
        (
            {"HTTP_X_WEBHOOK_TIMESTAMP": "yesterday", "HTTP_X_WEBHOOK_SIGNATURE": "sha256=00"},
            "timestamp_invalid",
        ),
    ],
)
def test_missing_or_malformed_headers_are_401(headers: dict[str, str], code: str) -> None:
    response = APIClient().post(
        url("events"), data=body_of(EVENT), content_type="application/json", **headers
    )

    assert response.status_code == 401
    assert error_paths(response) == {"": code}


def test_a_jwt_is_no_substitute_for_the_signature(api: Api) -> None:
    webhook_workflow()

    response = send(body_of(EVENT), sign=False, client=api("staff"))

    assert response.status_code == 401
    assert not WorkflowExecution.objects.exists()


def test_signed_but_invalid_events_are_400_with_paths() -> None:
    not_json = send(b"{not json")
    bad_fields = send(body_of({"name": "", "data": [1], "extra": True}))

    assert not_json.status_code == 400
    assert error_paths(not_json) == {"": "invalid_json"}
    assert bad_fields.status_code == 400
    assert error_paths(bad_fields) == {
        "/id": "required",
        "/name": "required",
        "/data": "invalid_type",
        "/extra": "unknown_field",
    }


def test_a_rotating_sender_may_send_two_signatures() -> None:
    ts = str(int(time.time()))
    body = body_of(EVENT)
    both = ", ".join(
        [
            webhook_signature(timestamp=ts, body=body, secret="old-secret"),
            webhook_signature(timestamp=ts, body=body, secret=SECRET),
        ]
    )

    assert send(body, timestamp=ts, signature=both).status_code == 202


def test_an_oversized_body_is_413(settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = body_of({**EVENT, "data": {"blob": "x" * 2000}})

    response = send(body)

    assert response.status_code == 413
    assert error_paths(response) == {"": "too_large"}
