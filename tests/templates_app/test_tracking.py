"""Anymail's tracking webhooks mark bounced and complaining addresses as suppressed."""

from __future__ import annotations

import base64
import json

import pytest
from django.test import Client, override_settings

from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db

SECRET = "hook:s3cret-value"
URL = "/k/anymail/postmark/tracking/"


def postmark_event(record_type: str, email: str, **fields) -> str:
    event = {
        "RecordType": record_type,
        "Email": email,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "BouncedAt": "2026-11-20T10:00:00Z",
        "Description": "The server was unable to deliver your message",
        **fields,
    }
    return json.dumps(event)


def post(body: str, auth: str | None = SECRET):
    headers = {}
    if auth is not None:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    # Webhooks carry no CSRF token: the view must not need one.
    return Client(enforce_csrf_checks=True).post(
        URL, data=body, content_type="application/json", **headers
    )


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_hard_bounce_suppresses_every_customer_with_the_address():
    first = CustomerFactory(email="kari@example.com")
    second = CustomerFactory(email="Kari@Example.com")
    other = CustomerFactory(email="ola@example.com")
    body = postmark_event("Bounce", "kari@example.com", Type="HardBounce", TypeCode=1)
    assert post(body).status_code == 200
    for customer in (first, second, other):
        customer.refresh_from_db()
    assert first.suppressed_at is not None and second.suppressed_at is not None
    assert "Postmark bounced" in first.suppression_reason
    assert other.suppressed_at is None


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_spam_complaint_suppresses_the_address():
    customer = CustomerFactory(email="per@example.com")
    body = postmark_event("SpamComplaint", "per@example.com", Type="SpamComplaint", TypeCode=512)
    assert post(body).status_code == 200
    customer.refresh_from_db()
    assert customer.suppressed_at is not None
    assert "complained" in customer.suppression_reason


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_delivery_event_changes_nothing():
    customer = CustomerFactory(email="liv@example.com")
    body = json.dumps({"RecordType": "Delivery", "Recipient": "liv@example.com", "MessageID": "x"})
    assert post(body).status_code == 200
    customer.refresh_from_db()
    assert customer.suppressed_at is None


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_wrong_or_missing_secret_is_refused_and_changes_nothing():
    customer = CustomerFactory(email="kari@example.com")
    body = postmark_event("Bounce", "kari@example.com", Type="HardBounce", TypeCode=1)
    assert post(body, auth="hook:wrong").status_code == 400
    assert post(body, auth=None).status_code == 400
    customer.refresh_from_db()
    assert customer.suppressed_at is None


@override_settings(ANYMAIL={})
def test_webhooks_are_closed_while_no_secret_is_configured():
    customer = CustomerFactory(email="kari@example.com")
    body = postmark_event("Bounce", "kari@example.com", Type="HardBounce", TypeCode=1)
    assert post(body, auth=None).status_code == 403
    customer.refresh_from_db()
    assert customer.suppressed_at is None
