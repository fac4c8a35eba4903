"""The thank-you page promises an email confirmation only when an active workflow sends one;
the demo ships such a workflow ("Ordrebekreftelse", active) so the promise holds there."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from automation.demo import CONFIRMATION_WORKFLOW_NAME, demo_load
from automation.models import WorkflowDefinition
from automation.services import workflow_pause
from customers import events, links
from customers.models import Customer
from executions.models import WorkflowExecution
from tests.customers.factories import OrderFactory

pytestmark = pytest.mark.django_db

PROMISE = "Vi har mottatt bestillingen og bekrefter den på e-post."
NO_PROMISE = "Vi har mottatt bestillingen."


def thanks_page(customer: Customer) -> str:
    order = OrderFactory(customer=customer)
    token = links.order_form_url(customer).rstrip("/").rsplit("/", 1)[-1]
    url = reverse("customers:order-thanks", args=[token, order.pk])
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_without_a_confirmation_workflow_nothing_is_promised() -> None:
    customer = Customer.objects.create(name="Kafé Fjord", email="post@fjord.example")

    html = thanks_page(customer)

    assert NO_PROMISE in html
    assert PROMISE not in html


def test_the_demo_confirms_new_orders_but_not_its_own_history(
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        demo_load()

    workflow = WorkflowDefinition.objects.get(name=CONFIRMATION_WORKFLOW_NAME)
    assert workflow.status == "active" and workflow.is_active
    assert workflow.event == {"type": "order.created"}
    step = workflow.steps.get()
    assert step.step_type == "send_email"
    assert step.template.name == "Ordrebekreftelse"
    assert step.action_config["recipients"] == {"event_customer": True}
    # The demo's fifteen orders are history: loading the demo confirms none of them.
    assert not WorkflowExecution.objects.filter(workflow=workflow).exists()

    customer = Customer.objects.get(external_id="K-1010")
    assert PROMISE in thanks_page(customer)

    workflow_pause(workflow=workflow, by=None)
    html = thanks_page(customer)
    assert NO_PROMISE in html and PROMISE not in html


def test_a_customer_without_an_address_is_promised_nothing(
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        demo_load()
    customer = Customer.objects.create(name="Uten adresse", email="")

    assert PROMISE not in thanks_page(customer)


def test_a_check_that_fails_promises_nothing(caplog: pytest.LogCaptureFixture) -> None:
    def broken(event_type: str, payload: dict) -> bool:
        raise RuntimeError("database gone")

    events.answer_emails_customer(broken)
    try:
        assert events.emails_customer(events.ORDER_CREATED, {"customer_id": 1}) is False
    finally:
        events._email_checks.remove(broken)
    assert "database gone" in caplog.text
