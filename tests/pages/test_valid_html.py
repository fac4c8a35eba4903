"""The two kinds of invalid HTML the validator found (issue 25, 6), checked on every test run
without Java: times without microseconds, and no "pattern" on the order form's number fields.
tests/browser/test_html_validity.py runs the Nu Html Checker on every page."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from customers import links
from tests.customers.factories import CustomerFactory, OrderFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string": at most three digits of a second.
VALID_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)$")
# A moment with microseconds, as the database keeps them.
WITH_MICROSECONDS = datetime(2026, 3, 30, 7, 0, 4, 123456, tzinfo=UTC)


@pytest.fixture
def business() -> Client:
    user = User.objects.create_user(username="business-user", password="x")
    user.groups.add(Group.objects.get_or_create(name="business")[0])
    client = Client()
    client.force_login(user)
    return client


def datetimes(html: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]*)"', html)


def test_times_on_the_template_pages_and_the_customer_page_are_valid(business: Client) -> None:
    template = EmailTemplateFactory()
    type(template).objects.filter(pk=template.pk).update(updated_at=WITH_MICROSECONDS)
    customer = CustomerFactory()
    type(customer).objects.filter(pk=customer.pk).update(created_at=WITH_MICROSECONDS)
    OrderFactory(customer=customer, created_at=WITH_MICROSECONDS)

    pages = [
        reverse("templates_app:list"),
        reverse("templates_app:edit", args=[template.pk]),
        reverse("customers_staff:detail", args=[customer.pk]),
        reverse("customers_staff:list"),
    ]
    seen = []
    for path in pages:
        found = datetimes(business.get(path).content.decode())
        assert found, path
        seen += found

    assert all(VALID_DATETIME.match(value) for value in seen), seen
    assert "2026-03-30T09:00:04+0200" in seen  # the second kept, in Oslo's offset


def test_the_order_forms_quantity_fields_ask_for_digits_without_a_pattern() -> None:
    customer = CustomerFactory()
    url = links.order_form_url(customer)
    html = Client().get("/" + url.split("://", 1)[-1].split("/", 1)[-1]).content.decode()

    fields = re.findall(r'<input type="number"[^>]*>', html)
    assert fields
    for field in fields:
        assert 'inputmode="numeric"' in field
        assert "pattern=" not in field
