"""The editor page's nested parts, each edited in the form without JSON: order lines, an
integration's request, a fixed moment, a customer filter and the event. Each: a change is
saved as a new version with the new value; an invalid value shows its error at the row or
field its JSON Pointer names and saves nothing; the form posted unchanged saves nothing."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from automation.models import WorkflowDefinition
from automation.services import workflow_create, workflow_definition
from tests.automation.workflow_docs import Refs, make_refs, running_example
from tests.pages.test_workflow_editor_pages import edit_url, form_of, load
from tests.pages.workflow_helpers import HTMX, client_as, no_celery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued() -> Iterator[None]:
    with no_celery():
        yield


@pytest.fixture
def refs() -> Refs:
    return make_refs()


def stored(workflow: WorkflowDefinition) -> dict[str, Any]:
    return workflow_definition(WorkflowDefinition.objects.get(pk=workflow.pk))


def version(workflow: WorkflowDefinition) -> int:
    return WorkflowDefinition.objects.get(pk=workflow.pk).version


def check(client: Client, workflow: WorkflowDefinition, data: dict[str, Any]) -> str:
    """Post the form as an HTMX change (a live check) and answer the fragment."""
    response = client.post(edit_url(workflow), data, **HTMX)
    assert response.status_code == 200
    return response.content.decode()


def press(
    client: Client, workflow: WorkflowDefinition, data: dict[str, Any], op: str
) -> dict[str, Any]:
    """Press a row button (``op``) and answer the form as it comes back."""
    return form_of(check(client, workflow, {**data, "op": op}))


def save(client: Client, workflow: WorkflowDefinition, data: dict[str, Any]) -> int:
    return client.post(edit_url(workflow), {**data, "save": "1"}).status_code


def with_step(refs: Refs, step: dict[str, Any], **changes: Any) -> WorkflowDefinition:
    doc = running_example(refs)
    doc["steps"].append({"step_order": 3, **step})
    doc.update(changes)
    return workflow_create(created_by=None, data=doc)


def error_after(fragment: str, element_id: str) -> str:
    """The text of the error paragraph with id ``element_id``."""
    assert f'id="{element_id}"' in fragment, element_id
    return fragment.split(f'id="{element_id}">', 1)[1].split("</p>", 1)[0]


def assert_unchanged_saves_nothing(client: Client, workflow: WorkflowDefinition) -> None:
    before = version(workflow)
    assert save(client, workflow, load(client, workflow)) == 302
    assert version(workflow) == before


# --- 1. Order lines ----------------------------------------------------------------------------


def order_step(refs: Refs) -> dict[str, Any]:
    return {
        "name": "Fast ordre",
        "step_type": "create_order",
        "action_config": {
            "recipients": {"group": refs.group.slug},
            "mode": "lines",
            "lines": [{"sku": "KAF-1000", "quantity": 2}],
        },
    }


def test_order_lines_are_rows_of_product_and_quantity(refs: Refs) -> None:
    workflow = with_step(refs, order_step(refs))
    client = client_as("business")
    page = client.get(edit_url(workflow)).content.decode()
    assert "beholdes" not in page and "kept" not in page
    data = form_of(page)
    assert data["s2-cfg-mode"] == "lines"
    assert (data["s2-cfg-lines_count"], data["s2-cfg-lines-0-sku"]) == ("1", "KAF-1000")
    assert data["s2-cfg-lines-0-quantity"] == "2"
    assert "Kaffe, hele bønner (pose à 1 kg), KAF-1000" in page  # the product picker
    assert_unchanged_saves_nothing(client, workflow)

    data["s2-cfg-lines-0-quantity"] = "3"
    data = press(client, workflow, data, "lines-add:2")
    assert data["s2-cfg-lines_count"] == "2" and data["s2-cfg-lines-1-sku"] == ""
    data.update({"s2-cfg-lines-1-sku": "TE-0100", "s2-cfg-lines-1-quantity": "5"})
    data = press(client, workflow, data, "lines-add:2")
    data = press(client, workflow, data, "lines-remove:2:2")  # the empty third line
    assert save(client, workflow, data) == 302
    assert stored(workflow)["steps"][2]["action_config"]["lines"] == [
        {"sku": "KAF-1000", "quantity": 3},
        {"sku": "TE-0100", "quantity": 5, "name": "Te, sort"},
    ]
    assert version(workflow) == 2


def test_same_as_their_last_order_drops_the_lines(refs: Refs) -> None:
    workflow = with_step(refs, order_step(refs))
    client = client_as("business")
    data = load(client, workflow)
    data["s2-cfg-mode"] = "repeat_last"
    fragment = check(client, workflow, data)
    assert "s2-cfg-lines_count" not in form_of(fragment)  # no rows for "the last order"
    assert save(client, workflow, data) == 302
    action = stored(workflow)["steps"][2]["action_config"]
    assert action["mode"] == "repeat_last" and "lines" not in action
    # And back: the lines start with one row to fill in.
    data = load(client, workflow)
    data["s2-cfg-mode"] = "lines"
    data = form_of(check(client, workflow, data))
    assert data["s2-cfg-lines_count"] == "1" and data["s2-cfg-lines-0-sku"] == ""


def test_an_invalid_order_line_is_marked_at_its_row(refs: Refs) -> None:
    workflow = with_step(refs, order_step(refs))
    client = client_as("business")
    data = load(client, workflow)
    key = data["s2-key"]
    data = press(client, workflow, data, "lines-add:2")
    data["s2-cfg-lines-0-quantity"] = "0"
    fragment = check(client, workflow, data)
    first = error_after(fragment, f"step-{key}-cfg-lines-0-error")
    second = error_after(fragment, f"step-{key}-cfg-lines-1-error")  # no product chosen
    assert first and second
    assert f'aria-describedby="step-{key}-cfg-lines-0-error"' in fragment
    assert save(client, workflow, {**data}) == 200
    assert version(workflow) == 1


# --- 2. An integration's request ---------------------------------------------------------------


def integration_step(refs: Refs) -> dict[str, Any]:
    return {
        "name": "Meld ERP",
        "step_type": "call_integration",
        "action_config": {
            "integration_id": refs.integration.pk,
            "method": "POST",
            "path": "orders",
            "body": {"kjoring": "{{ kjoring_id }}", "antall": 2},
        },
    }


def test_a_request_body_is_rows_with_variables_from_a_list(refs: Refs) -> None:
    workflow = with_step(refs, integration_step(refs))
    client = client_as("developer")
    page = client.get(edit_url(workflow)).content.decode()
    data = form_of(page)
    assert data["s2-cfg-integration_id"] == str(refs.integration.pk)
    assert "Old ERP" not in page  # an inactive integration is not offered
    assert data["s2-cfg-body_count"] == "3"  # two fields and a blank row for a new one
    rows = {data[f"s2-cfg-body-{n}-key"]: data[f"s2-cfg-body-{n}-value"] for n in range(3)}
    assert rows == {"kjoring": "{{ kjoring_id }}", "antall": "2", "": ""}
    assert "Firmaets navn (firma_navn)" in page  # the variables, in words
    assert_unchanged_saves_nothing(client, workflow)  # 2 stays a number

    data.update({"s2-cfg-body-2-key": "firma", "s2-cfg-body-2-var": "firma_navn"})
    # Choosing a variable is itself a change: the live check keeps the choice for "Insert".
    assert form_of(check(client, workflow, data))["s2-cfg-body-2-var"] == "firma_navn"
    data = press(client, workflow, data, "body-var:2:2")
    assert data["s2-cfg-body-2-value"] == "{{ firma_navn }}"
    assert data["s2-cfg-body_count"] == "4"
    data = press(client, workflow, data, f"body-remove:2:{list(rows).index('kjoring')}")
    data.update({"s2-cfg-method": "PUT", "s2-cfg-path": "orders/sync"})
    assert save(client, workflow, data) == 302
    action = stored(workflow)["steps"][2]["action_config"]
    assert action["body"] == {"antall": 2, "firma": "{{ firma_navn }}"}
    assert (action["method"], action["path"]) == ("PUT", "orders/sync")


def test_an_invalid_request_is_marked_at_its_field(refs: Refs) -> None:
    workflow = with_step(refs, integration_step(refs))
    client = client_as("developer")
    data = load(client, workflow)
    key = data["s2-key"]
    data.update(
        {"s2-cfg-path": "https://evil.example/x", "s2-cfg-integration_id": str(refs.integration.pk)}
    )
    fragment = check(client, workflow, data)
    assert error_after(fragment, f"step-{key}-cfg-path-error")
    data["s2-cfg-integration_id"] = "99999"
    fragment = check(client, workflow, data)
    assert error_after(fragment, f"step-{key}-cfg-integration_id-error")
    assert save(client, workflow, data) == 200
    assert version(workflow) == 1


def test_the_request_is_fields_only_for_roles_that_may_call_integrations(refs: Refs) -> None:
    workflow = with_step(refs, integration_step(refs))
    page = client_as("business").get(edit_url(workflow)).content.decode()
    card = page.split('name="s2-key"', 1)[1].split('id="f-new-step-type"', 1)[0]
    assert 'name="s2-cfg-body-0-key"' not in card  # the body is shown, not edited
    assert "{{ kjoring_id }}" in card
    assert 'name="s2-cfg-path"' in card and " disabled" in card


# --- 3. A fixed moment -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "time", "saved"),
    [
        ("2027-01-12", "09:00", "2027-01-12T09:00:00+01:00"),  # winter time
        ("2027-06-15", "12:30", "2027-06-15T12:30:00+02:00"),  # summer time
        ("2027-03-28", "02:30", "2027-03-28T03:30:00+02:00"),  # in the spring gap: an hour on
    ],
)
def test_a_fixed_moment_is_a_date_and_a_time_in_oslo(
    refs: Refs, date: str, time: str, saved: str
) -> None:
    workflow = workflow_create(created_by=None, data=running_example(refs))
    client = client_as("business")
    data = load(client, workflow)
    data["s1-when"] = "at"
    data = form_of(check(client, workflow, data))
    assert "s1-trigger_date" in data
    data.update({"s1-trigger_date": date, "s1-trigger_time": time})
    assert save(client, workflow, data) == 302
    assert stored(workflow)["steps"][1]["trigger_config"] == {"at": saved}
    again = load(client, workflow)
    assert (again["s1-when"], again["s1-trigger_date"]) == ("at", date)
    assert again["s1-trigger_time"] == ("03:30" if time == "02:30" else time)
    assert_unchanged_saves_nothing(client, workflow)


def test_a_stored_moment_shows_in_oslo_time_and_stays_as_written(refs: Refs) -> None:
    doc = running_example(refs)
    doc["steps"][1]["trigger_config"] = {"at": "2027-07-01T08:00:00Z"}
    workflow = workflow_create(created_by=None, data=doc)
    client = client_as("business")
    data = load(client, workflow)
    assert (data["s1-trigger_date"], data["s1-trigger_time"]) == ("2027-07-01", "10:00")
    assert_unchanged_saves_nothing(client, workflow)


def test_an_invalid_moment_is_marked_at_the_when_field(refs: Refs) -> None:
    workflow = workflow_create(created_by=None, data=running_example(refs))
    client = client_as("business")
    data = load(client, workflow)
    key = data["s1-key"]
    data.update({"s1-when": "at", "s1-trigger_date": "", "s1-trigger_time": "12:00"})
    fragment = check(client, workflow, data)
    assert error_after(fragment, f"step-{key}-when-error")
    assert f'id="step-{key}-date" name="s1-trigger_date" value="" aria-invalid="true"' in fragment
    assert save(client, workflow, data) == 200
    assert version(workflow) == 1


# --- 4. The customer filter --------------------------------------------------------------------


def filtered(refs: Refs) -> WorkflowDefinition:
    doc = running_example(refs)
    doc["steps"][1]["condition_config"] = {"check": "customer_filter", "group": refs.group.slug}
    return workflow_create(created_by=None, data=doc)


def test_a_customer_filter_is_rows_of_field_operator_and_value(refs: Refs) -> None:
    workflow = filtered(refs)
    client = client_as("business")
    page = client.get(edit_url(workflow)).content.decode()
    assert "beholdes" not in page
    data = form_of(page)
    assert data["s1-condition"] == "customer_filter"
    assert data["s1-filter_count"] == "1"
    assert (data["s1-filter-0-field"], data["s1-filter-0-value"]) == ("group", refs.group.slug)
    assert_unchanged_saves_nothing(client, workflow)

    data = press(client, workflow, data, "filter-add:1")
    assert (data["s1-filter-1-field"], data["s1-filter-1-value"]) == ("active", "yes")
    data = press(client, workflow, data, "filter-add:1")
    assert data["s1-filter-2-field"] == "language"
    data.update({"s1-filter-2-value": "en", "s1-filter-1-value": "no"})
    assert save(client, workflow, data) == 302
    assert stored(workflow)["steps"][1]["condition_config"] == {
        "check": "customer_filter",
        "group": refs.group.slug,
        "active": False,
        "language": "en",
    }
    data = load(client, workflow)
    data = press(client, workflow, data, "filter-remove:1:group")
    assert save(client, workflow, data) == 302
    assert stored(workflow)["steps"][1]["condition_config"] == {
        "check": "customer_filter",
        "active": False,
        "language": "en",
    }


def test_choosing_the_filter_starts_with_a_group_to_choose(refs: Refs) -> None:
    workflow = workflow_create(created_by=None, data=running_example(refs))
    client = client_as("business")
    data = load(client, workflow)
    key = data["s1-key"]
    data["s1-condition"] = "customer_filter"
    fragment = check(client, workflow, data)
    data = form_of(fragment)
    assert (data["s1-filter-0-field"], data["s1-filter-0-value"]) == ("group", "")
    assert error_after(fragment, f"step-{key}-filter-group-error")  # choose a group
    data["s1-filter-0-value"] = refs.group.slug
    assert save(client, workflow, data) == 302
    assert stored(workflow)["steps"][1]["condition_config"] == {
        "check": "customer_filter",
        "group": refs.group.slug,
    }


def test_an_invalid_filter_is_marked_at_its_row(refs: Refs) -> None:
    workflow = filtered(refs)
    client = client_as("business")
    data = load(client, workflow)
    key = data["s1-key"]
    data["s1-filter-0-value"] = "finnes-ikke"
    fragment = check(client, workflow, data)
    assert "finnes-ikke" in error_after(fragment, f"step-{key}-filter-group-error")
    assert f'aria-describedby="step-{key}-filter-group-error"' in fragment
    # No row left: the condition as a whole says what it needs.
    emptied = press(client, workflow, load(client, workflow), "filter-remove:1:group")
    fragment = check(client, workflow, emptied)
    assert emptied["s1-filter_count"] == "0"
    assert error_after(fragment, f"step-{emptied['s1-key']}-condition-error")
    assert save(client, workflow, data) == 200 and save(client, workflow, emptied) == 200
    assert version(workflow) == 1


# --- 5. The event ------------------------------------------------------------------------------


def event_workflow(refs: Refs, recipients: dict[str, Any]) -> WorkflowDefinition:
    doc = {
        "name": "Velkommen",
        "workflow_type": "event_based",
        "event": {"type": "customer.created"},
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {"template_id": refs.order_form.pk, "recipients": recipients},
            }
        ],
    }
    return workflow_create(created_by=None, data=copy.deepcopy(doc))


def test_the_event_is_a_select_and_a_webhook_has_a_name(refs: Refs) -> None:
    workflow = event_workflow(refs, {"group": "all"})
    client = client_as("business")
    page = client.get(edit_url(workflow)).content.decode()
    assert "endres via assistenten" not in page
    data = form_of(page)
    assert data["event_type"] == "customer.created"
    assert "Når en kunde legger inn en ordre" in page  # the choices, in words
    assert_unchanged_saves_nothing(client, workflow)

    data["event_type"] = "webhook"
    data = form_of(check(client, workflow, data))
    assert data["event_name"] == ""
    data["event_name"] = "crm-ny-kunde"
    assert save(client, workflow, data) == 302
    assert stored(workflow)["event"] == {"type": "webhook", "name": "crm-ny-kunde"}
    data = load(client, workflow)
    data.update({"event_type": "order.created"})
    assert save(client, workflow, data) == 302
    assert stored(workflow)["event"] == {"type": "order.created"}


def test_an_invalid_event_is_marked_at_its_field(refs: Refs) -> None:
    workflow = event_workflow(refs, {"event_customer": True})
    client = client_as("business")
    data = load(client, workflow)
    fragment = check(client, workflow, {**data, "event_type": "order.deleted"})
    assert "order.deleted" in error_after(fragment, "f-event-type-error")
    assert save(client, workflow, {**data, "event_type": "order.deleted"}) == 200
    assert version(workflow) == 1
    # A webhook may name the customer it is about: the step to the event's customer stays.
    fragment = check(client, workflow, {**data, "event_type": "webhook"})
    assert f'id="step-{data["s0-key"]}-who' in fragment  # the step's recipient is shown
    assert f'id="step-{data["s0-key"]}-who-error"' not in fragment
    assert "f-event-type-error" not in fragment


def test_a_webhook_name_longer_than_an_event_may_have_is_marked_at_its_field(refs: Refs) -> None:
    workflow = event_workflow(refs, {"group": "all"})
    client = client_as("business")
    data = {**load(client, workflow), "event_type": "webhook", "event_name": "x" * 101}
    fragment = check(client, workflow, data)
    assert error_after(fragment, "f-event-name-error")
    assert 'aria-invalid="true"' in fragment.split('id="f-event-name"', 1)[1].split(">", 1)[0]
    assert save(client, workflow, data) == 200
    assert version(workflow) == 1
