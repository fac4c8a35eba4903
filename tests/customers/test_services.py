from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from customers.models import Customer, Order
from customers.services import (
    customer_create,
    customer_update,
    customers_resubscribe,
    customers_unsubscribe,
    order_create,
)
from tests.customers.factories import CustomerFactory, CustomerGroupFactory

pytestmark = pytest.mark.django_db


def test_customer_create_saves_the_customer_with_groups():
    butikker = CustomerGroupFactory(name="Butikker", slug="butikker")

    customer = customer_create(
        name=" Bakeriet ", email="post@bakeriet.example", groups=[butikker], external_id="K-1"
    )

    customer.refresh_from_db()
    assert customer.name == "Bakeriet"
    assert customer.language == "nb"
    assert customer.active is True
    assert list(customer.groups.all()) == [butikker]


def test_customer_create_rejects_an_invalid_email_without_saving():
    with pytest.raises(ValidationError) as exc:
        customer_create(name="Feil", email="not-an-email")

    assert "email" in exc.value.message_dict
    assert not Customer.objects.exists()


def test_customer_create_reports_a_taken_external_id_as_a_validation_error():
    CustomerFactory(external_id="K-1")

    with pytest.raises(ValidationError):
        customer_create(name="Duplikat", email="dup@example.com", external_id="K-1")


def test_customer_create_stores_a_blank_external_id_as_none_so_many_can_be_blank():
    first = customer_create(name="A", email="a@example.com", external_id="")
    second = customer_create(name="B", email="b@example.com", external_id="  ")

    assert first.external_id is None
    assert second.external_id is None


def test_customer_update_changes_only_the_given_fields():
    group = CustomerGroupFactory()
    customer = CustomerFactory(name="Gammel", language="en", phone="123", external_id="K-9")

    customer_update(customer=customer, name="Ny", groups=[group], external_id=None)

    customer.refresh_from_db()
    assert customer.name == "Ny"
    assert customer.language == "en"
    assert customer.phone == "123"
    assert customer.external_id is None
    assert list(customer.groups.all()) == [group]


def test_unsubscribe_keeps_the_first_date_and_resubscribe_clears_it():
    earlier = datetime(2025, 1, 1, tzinfo=UTC)
    already = CustomerFactory(unsubscribed_at=earlier)
    subscribed = CustomerFactory()

    changed = customers_unsubscribe(customers=Customer.objects.all())

    assert changed == 1
    already.refresh_from_db()
    subscribed.refresh_from_db()
    assert already.unsubscribed_at == earlier
    assert subscribed.unsubscribed_at is not None

    assert customers_resubscribe(customers=Customer.objects.all()) == 2
    assert not Customer.objects.filter(unsubscribed_at__isnull=False).exists()


def test_order_create_stores_clean_lines_and_defaults_created_at_to_now():
    customer = CustomerFactory()

    order = order_create(
        customer=customer,
        lines=[{"sku": " KAFFE-1 ", "name": "Kaffe", "quantity": 2}, {"sku": "TE", "quantity": 1}],
        source=Order.Source.ORDER_FORM,
    )

    order.refresh_from_db()
    assert order.lines == [
        {"sku": "KAFFE-1", "name": "Kaffe", "quantity": 2},
        {"sku": "TE", "quantity": 1},
    ]
    assert order.status == Order.Status.PLACED
    assert order.created_at is not None
    assert order.total_quantity == 3


@pytest.mark.parametrize(
    "lines",
    [
        "not a list",
        [{"quantity": 1}],
        [{"sku": "", "quantity": 1}],
        [{"sku": 42, "quantity": 1}],
        [{"sku": "A"}],
        [{"sku": "A", "quantity": 0}],
        [{"sku": "A", "quantity": -3}],
        [{"sku": "A", "quantity": "2"}],
        [{"sku": "A", "quantity": 1.5}],
        [{"sku": "A", "quantity": True}],
        [{"sku": "A", "quantity": 1, "name": 7}],
        [{"sku": "A", "quantity": 1, "price": 10}],
        ["A x 1"],
    ],
)
def test_order_create_rejects_bad_lines_naming_the_lines_field(lines):
    customer = CustomerFactory()

    with pytest.raises(ValidationError) as exc:
        order_create(customer=customer, lines=lines, source=Order.Source.API)

    assert list(exc.value.message_dict) == ["lines"]
    assert not Order.objects.exists()


def test_order_create_reports_every_bad_line_and_other_fields_together():
    customer = CustomerFactory()

    with pytest.raises(ValidationError) as exc:
        order_create(
            customer=customer,
            lines=[{"sku": "A", "quantity": 0}, {"sku": "", "quantity": 1}],
            source="carrier-pigeon",
        )

    assert set(exc.value.message_dict) == {"lines", "source"}
    assert len(exc.value.message_dict["lines"]) == 2


def test_order_create_rejects_a_taken_external_id():
    customer = CustomerFactory()
    order_create(customer=customer, lines=[], source=Order.Source.API, external_id="O-1")

    with pytest.raises(ValidationError) as exc:
        order_create(customer=customer, lines=[], source=Order.Source.API, external_id="O-1")

    assert Order.objects.count() == 1
    assert exc.value.messages


def test_an_order_whose_references_the_caller_checked_skips_their_queries_not_their_guard():
    from django.db import IntegrityError, connection, transaction
    from django.test.utils import CaptureQueriesContext

    customer = CustomerFactory()
    lines = [{"sku": "KAFFE-1", "quantity": 2}]

    with CaptureQueriesContext(connection) as checked:
        order_create(
            customer=customer,
            lines=lines,
            source=Order.Source.WORKFLOW,
            external_id="wf-1-2-3",
            references_checked=True,
        )
    with CaptureQueriesContext(connection) as full:
        order_create(customer=customer, lines=lines, source=Order.Source.API, external_id="api-1")

    # The full check reads the customer and the external id again (the latter in a savepoint
    # of its own); the workflow step, which read both under its execution's lock, does not.
    def reads(queries: list[dict[str, str]]) -> list[str]:
        return [q["sql"] for q in queries if q["sql"].startswith("SELECT")]

    assert len(reads(full.captured_queries)) == 2
    assert reads(checked.captured_queries) == []
    assert len(full.captured_queries) - len(checked.captured_queries) == 4
    # Bad lines are still refused, and the database still guards the external id.
    with pytest.raises(ValidationError) as exc:
        order_create(
            customer=customer,
            lines=[{"sku": ""}],
            source=Order.Source.WORKFLOW,
            references_checked=True,
        )
    assert "lines" in exc.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        order_create(
            customer=customer,
            lines=lines,
            source=Order.Source.WORKFLOW,
            external_id="wf-1-2-3",
            references_checked=True,
        )
