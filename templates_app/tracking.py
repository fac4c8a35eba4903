"""Anymail tracking webhooks -> address state.

Connected in ``TemplatesAppConfig.ready``. The receiver only translates the provider's event
into a service call; the webhook view (Anymail's, behind ``customers.views.
webhook_secret_required``) has already checked the shared secret.
"""

from __future__ import annotations

import logging
from typing import Any

from anymail.signals import AnymailTrackingEvent, EventType

from customers.models import Customer
from customers.services import customers_unsubscribe
from templates_app.services import email_address_suppress

logger = logging.getLogger(__name__)

#: Events after which mailing the address again would hurt our sender reputation.
SUPPRESSING_EVENTS = frozenset({EventType.BOUNCED, EventType.COMPLAINED})


def handle_tracking_event(
    sender: Any, event: AnymailTrackingEvent, esp_name: str, **kwargs: Any
) -> None:
    recipient = (event.recipient or "").strip()
    if not recipient:
        return
    if event.event_type in SUPPRESSING_EVENTS:
        detail = event.description or event.reject_reason or ""
        reason = f"{esp_name} {event.event_type}" + (f": {detail}" if detail else "")
        changed = email_address_suppress(email=recipient, reason=reason, at=event.timestamp)
        logger.info("Suppressed %s after %s (%d customers)", recipient, reason, changed)
    elif event.event_type == EventType.UNSUBSCRIBED:
        # The provider's own unsubscribe (its list-unsubscribe or suppression list).
        customers_unsubscribe(customers=Customer.objects.filter(email__iexact=recipient))
