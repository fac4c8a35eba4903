from __future__ import annotations

from collections.abc import Iterator

import pytest

from customers import events


@pytest.fixture
def received_events() -> Iterator[list[tuple[str, dict]]]:
    """Every customer/order event that reached a subscriber, in order."""
    received: list[tuple[str, dict]] = []

    def record(event_type: str, payload: dict) -> None:
        received.append((event_type, payload))

    for event_type in (events.CUSTOMER_CREATED, events.ORDER_CREATED):
        events.subscribe(event_type, record)
    yield received
    for event_type in (events.CUSTOMER_CREATED, events.ORDER_CREATED):
        events.unsubscribe(event_type, record)
