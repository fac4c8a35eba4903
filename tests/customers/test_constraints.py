from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from customers.models import Customer, CustomerGroup
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory

pytestmark = pytest.mark.django_db


def test_database_rejects_two_customers_with_the_same_external_id():
    CustomerFactory(external_id="K-1")

    with pytest.raises(IntegrityError), transaction.atomic():
        Customer.objects.create(name="Duplikat", email="dup@example.com", external_id="K-1")


def test_database_allows_many_customers_without_external_id():
    CustomerFactory(external_id=None)
    CustomerFactory(external_id=None)

    assert Customer.objects.filter(external_id__isnull=True).count() == 2


def test_database_rejects_two_orders_with_the_same_external_id():
    OrderFactory(external_id="O-1")

    with pytest.raises(IntegrityError), transaction.atomic():
        OrderFactory(external_id="O-1")


def test_database_rejects_two_groups_with_the_same_slug():
    CustomerGroupFactory(slug="butikker")

    with pytest.raises(IntegrityError), transaction.atomic():
        CustomerGroup.objects.create(name="Butikker igjen", slug="butikker")
