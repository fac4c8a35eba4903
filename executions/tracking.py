"""Anymail tracking webhooks -> the outcome of emails whose outcome was unknown.

Connected in ``ExecutionsConfig.ready`` (beside ``templates_app.tracking``, which suppresses
bounced addresses). The receiver only translates the provider's event into the service call;
the webhook view (Anymail's, behind ``customers.views.webhook_secret_required``) has already
checked the shared secret. Our emails carry their claim and Message-ID in Anymail's metadata
(``executions.message_ids.tracking_metadata``), which the provider sends back with each event.
"""

from __future__ import annotations

import logging
from typing import Any

from anymail.signals import AnymailTrackingEvent, EventType

from executions.decisions import email_provider_outcome
from executions.message_ids import email_ref

logger = logging.getLogger(__name__)

#: Delivered or not, for the events that say so for good.
OUTCOME_OF_EVENT = {
    EventType.DELIVERED: True,
    EventType.BOUNCED: False,
    EventType.REJECTED: False,
    EventType.FAILED: False,
}


def handle_tracking_event(
    sender: Any, event: AnymailTrackingEvent, esp_name: str, **kwargs: Any
) -> None:
    delivered = OUTCOME_OF_EVENT.get(event.event_type)
    ref = email_ref(event.metadata)
    if delivered is None or ref is None:
        return
    decision = email_provider_outcome(
        execution_id=ref.execution_id,
        step_order=ref.step_order,
        customer_id=ref.customer_id,
        message_id=ref.message_id,
        delivered=delivered,
        provider=esp_name,
        detail=event.description or event.reject_reason or "",
    )
    if decision is not None:
        logger.info(
            "%s settled the unknown email %s: %s", esp_name, ref.message_id, event.event_type
        )
