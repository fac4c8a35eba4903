from __future__ import annotations

import logging

import pytest
from django.db import transaction

from customers import events
from customers.models import Customer, Order
from customers.services import customer_create, order_create
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def test_customer_created_reaches_subscribers_only_after_commit(
    received_events, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        customer = customer_create(name="Bakeriet", email="post@bakeriet.example")
        assert received_events == []

    assert received_events == [
        (
            "customer.created",
            {"customer_id": customer.pk, "event_id": f"customer.created:{customer.pk}"},
        )
    ]


def test_order_created_carries_order_and_customer(
    received_events, django_capture_on_commit_callbacks
):
    customer = CustomerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        order = order_create(
            customer=customer, lines=[{"sku": "A", "quantity": 1}], source=Order.Source.API
        )

    assert received_events == [
        (
            "order.created",
            {
                "order_id": order.pk,
                "customer_id": customer.pk,
                "event_id": f"order.created:{order.pk}",
            },
        )
    ]


def test_rolled_back_write_publishes_nothing(received_events, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        customer_create(name="Angret", email="angret@example.com")
        raise RuntimeError("the caller changes its mind")

    assert callbacks == []
    assert received_events == []
    assert not Customer.objects.filter(email="angret@example.com").exists()


@pytest.mark.django_db(transaction=True)
def test_real_commit_and_real_rollback(received_events):
    customer = customer_create(name="Committed", email="committed@example.com")
    assert [payload["customer_id"] for _type, payload in received_events] == [customer.pk]

    with pytest.raises(RuntimeError), transaction.atomic():
        customer_create(name="Rolled back", email="rolled@example.com")
        raise RuntimeError

    assert len(received_events) == 1


def test_a_failing_handler_is_logged_and_does_not_stop_the_others(
    received_events, django_capture_on_commit_callbacks, caplog
):
    def broken(event_type: str, payload: dict) -> None:
        raise ValueError("subscriber bug")

    events.subscribe(events.CUSTOMER_CREATED, broken)
    try:
        with (
            caplog.at_level(logging.ERROR, logger="customers.events"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            customer = customer_create(name="Robust", email="robust@example.com")
    finally:
        events.unsubscribe(events.CUSTOMER_CREATED, broken)

    assert [payload["customer_id"] for _type, payload in received_events] == [customer.pk]
    assert "subscriber bug" in caplog.text
    assert f"customer.created:{customer.pk}" in caplog.text


def test_subscribing_twice_delivers_once(django_capture_on_commit_callbacks):
    calls: list[dict] = []

    def handler(event_type: str, payload: dict) -> None:
        calls.append(payload)

    events.subscribe("test.event", handler)
    events.subscribe("test.event", handler)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            events.publish("test.event", {"event_id": "test.event:1"})
    finally:
        events.unsubscribe("test.event", handler)

    assert calls == [{"event_id": "test.event:1"}]


def test_each_handler_gets_its_own_payload(django_capture_on_commit_callbacks):
    seen: list[dict] = []

    def meddler(event_type: str, payload: dict) -> None:
        payload["event_id"] = "changed"

    def reader(event_type: str, payload: dict) -> None:
        seen.append(payload)

    events.subscribe("test.event", meddler)
    events.subscribe("test.event", reader)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            events.publish("test.event", {"event_id": "original"})
    finally:
        events.unsubscribe("test.event", meddler)
        events.unsubscribe("test.event", reader)

    assert seen == [{"event_id": "original"}]
