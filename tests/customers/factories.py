"""factory_boy factories for the customers app.

They write rows directly, without the services, so they publish no events. A test about
``customer.created`` or ``order.created`` calls ``customers.services`` instead.
"""

from __future__ import annotations

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from customers.models import Customer, CustomerGroup, Order


class CustomerGroupFactory(DjangoModelFactory):
    class Meta:
        model = CustomerGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Gruppe {n}")
    slug = factory.Sequence(lambda n: f"gruppe-{n}")


class CustomerFactory(DjangoModelFactory):
    """``CustomerFactory(groups=[group])`` puts the customer in those groups."""

    class Meta:
        model = Customer
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Kunde {n}")
    email = factory.Sequence(lambda n: f"kunde{n}@example.com")
    active = True
    language = Customer.Language.NB

    @factory.post_generation
    def groups(self, create: bool, extracted: list[CustomerGroup] | None, **kwargs: object) -> None:
        if create and extracted:
            self.groups.set(extracted)


class OrderFactory(DjangoModelFactory):
    class Meta:
        model = Order

    customer = factory.SubFactory(CustomerFactory)
    created_at = factory.LazyFunction(timezone.now)
    status = Order.Status.PLACED
    source = Order.Source.ADMIN
    lines = factory.LazyFunction(lambda: [{"sku": "KAFFE-1", "name": "Kaffe 1 kg", "quantity": 2}])
