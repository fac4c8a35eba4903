"""A customer's history on the customer's page (an HTMX fragment served by executions), on
its own address, and the executions page's customer search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from automation.models import WorkflowDefinition
from core.reasons import Reason
from customers.models import Customer
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import Refs, make_refs
from tests.pages.workflow_helpers import (
    HTMX,
    client_as,
    example_workflow,
    make_execution,
    no_celery,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    with no_celery() as calls:
        yield calls


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def workflow(refs: Refs) -> WorkflowDefinition:
    return example_workflow(refs)


@pytest.fixture
def customer() -> Customer:
    return Customer.objects.create(name="Kafé X", email="post@kafex.example")


def add(execution: WorkflowExecution, customer: Customer, status: str, step: int, **result: Any):
    return WorkflowActionLog.objects.create(
        execution=execution,
        step_order=step,
        action_type=result.pop("action_type", "send_email"),
        target_type="customer",
        target_id=customer.pk,
        status=status,
        result_data=result,
    )


@pytest.fixture
def execution(workflow: WorkflowDefinition, customer: Customer) -> WorkflowExecution:
    execution = make_execution(workflow, status="completed")
    add(
        execution,
        customer,
        "success",
        1,
        email=customer.email,
        template="Påminnelse",
        subject="Husk bestillingen til torsdag",
        message_id="<wf-9.1.1@example.test>",
    )
    add(execution, customer, "skipped", 2, **Reason("skip.unsubscribed").result_fields())
    add(execution, customer, "success", 3, action_type="create_order", order_id=41)
    return execution


def history_url(customer: Customer) -> str:
    return reverse("executions:customer-activity", args=[customer.pk])


def test_customer_page_loads_the_history_from_the_executions_app(customer: Customer) -> None:
    html = client_as("viewer").get(reverse("customers_staff:detail", args=[customer.pk])).content

    page = html.decode()
    assert f'hx-get="{history_url(customer)}"' in page
    assert 'hx-trigger="load"' in page
    # Without JavaScript the link still leads there.
    assert f'href="{history_url(customer)}"' in page


def test_history_fragment_shows_emails_skips_and_orders(
    customer: Customer, execution: WorkflowExecution
) -> None:
    response = client_as("viewer", language="en").get(history_url(customer), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and html.lstrip().startswith('<section id="customer-activity"')
    assert "Husk bestillingen til torsdag" in html
    assert "&lt;wf-9.1.1@example.test&gt;" in html
    assert "Påminnelse" in html
    assert "Reason: unsubscribed" in html
    assert "Order #41" in html
    assert reverse("executions:execution-detail", args=[execution.pk]) in html
    assert "3 entries, newest first" in html
    assert response["Vary"].count("HX-Request") == 1


def test_history_is_a_whole_page_in_norwegian_without_htmx(
    customer: Customer, execution: WorkflowExecution
) -> None:
    html = client_as("viewer").get(history_url(customer)).content.decode()

    assert "<html" in html
    assert "Historikk for Kafé X" in html
    assert "Årsak: avmeldt" in html
    assert "3 hendelser, nyeste først" in html


def test_history_filters_return_only_the_results(
    customer: Customer, execution: WorkflowExecution
) -> None:
    client = client_as("viewer", language="en")

    html = client.get(history_url(customer), {"part": "results", "kind": "order"}, **HTMX)
    body = html.content.decode()

    assert body.lstrip().startswith('<div id="activity-results"')
    assert "Order #41" in body and "Husk bestillingen" not in body
    skipped = client.get(history_url(customer), {"part": "results", "status": "skipped"}, **HTMX)
    assert "unsubscribed" in skipped.content.decode()
    assert "Husk bestillingen" not in skipped.content.decode()
    none = client.get(history_url(customer), {"part": "results", "kind": "other"}, **HTMX)
    assert "Nothing in the history matches the filters." in none.content.decode()


def test_history_pages_newest_first(customer: Customer, workflow: WorkflowDefinition) -> None:
    execution = make_execution(workflow, status="completed")
    for step in range(1, 23):
        add(execution, customer, "success", step, subject=f"Emne {step}")
    client = client_as("viewer", language="en")

    first = client.get(history_url(customer), **HTMX).content.decode()
    second = client.get(history_url(customer), {"page": 2, "part": "results"}, **HTMX)

    assert "Emne 22" in first and "Emne 3<" in first and "Emne 2<" not in first
    assert "Page 1 of 2" in first
    assert "Emne 2<" in second.content.decode() and "Emne 22" not in second.content.decode()


def test_history_leaves_test_runs_out_and_needs_a_login(
    customer: Customer, workflow: WorkflowDefinition
) -> None:
    test_run = make_execution(workflow, status="completed", is_test=True, trigger="test")
    add(test_run, customer, "success", 1, subject="Bare en test", test=True)

    viewer = client_as("viewer", language="en")
    html = viewer.get(history_url(customer)).content.decode()

    assert "Bare en test" not in html
    assert "No workflow has done anything for this customer yet." in html
    anonymous = Client().get(history_url(customer))
    assert anonymous.status_code == 302
    assert (
        viewer.get(reverse("executions:customer-activity", args=[customer.pk + 999])).status_code
        == 404
    )


def test_executions_page_finds_executions_by_customer_name_or_email(
    customer: Customer, execution: WorkflowExecution, workflow: WorkflowDefinition
) -> None:
    other = make_execution(workflow, status="completed")
    client = client_as("viewer", language="en")

    by_name = client.get("/kjoringer/", {"customer": "kafé"}).content.decode()
    by_email = client.get("/kjoringer/", {"customer": "KAFEX.example"}, **HTMX).content.decode()
    nobody = client.get("/kjoringer/", {"customer": "ingen slik"}, **HTMX).content.decode()

    for html in (by_name, by_email):
        assert f"#{execution.pk}<" in html and f"#{other.pk}<" not in html
        assert history_url(customer) in html
        assert "1 execution" in html
    assert "No customer's name or email contains “ingen slik”." in nobody
    assert "0 executions" in nobody
