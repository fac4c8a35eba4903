"""Input is what the schema says (issue 25, 2; config/api_strict.py): no silent coercion of
query parameters, headers or JSON values, checked for every endpoint in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from customers.models import Customer, CustomerGroup
from templates_app.models import EmailTemplate
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "query", "code"),
    [
        ("workflows", {"page_size": "1.5"}, "invalid"),
        ("workflows", {"page_size": "0"}, "min_value"),
        ("workflows", {"page": "abc"}, "invalid"),
        ("workflows", {"search": ""}, "blank"),
        ("workflows", {"status": ""}, "invalid_choice"),
        ("customers", {"active": "0"}, "invalid"),
        ("customers", {"active": "yes"}, "invalid"),
        ("orders", {"customer": "-1"}, "min_value"),
        ("executions", {"created_after": "yesterday"}, "invalid_datetime"),
        ("templates", {"search": ["a", "b"]}, "invalid"),
    ],
)
def test_query_parameters_are_of_their_documented_type(
    developer: APIClient, path: str, query: dict[str, Any], code: str
) -> None:
    response = developer.get(f"{BASE}/{path}", query)

    assert_error(response, 400, code, path="/" + next(iter(query)))


def test_a_page_past_the_last_is_404_however_large(developer: APIClient) -> None:
    for page in ("2", "9" * 30):
        assert_error(developer.get(f"{BASE}/workflows", {"page": page}), 404, "not_found")


def test_well_typed_queries_still_work(developer: APIClient) -> None:
    for path, query in [
        ("customers", {"active": "true", "search": "kafé"}),
        ("workflows", {"page": "1", "page_size": "200"}),
        ("executions", {"created_after": "2025-01-31", "is_test": "false"}),
    ]:
        assert developer.get(f"{BASE}/{path}", query).status_code == 200, (path, query)


@pytest.mark.parametrize(
    ("path", "body", "where"),
    [
        ("ai/parse-description", {"text": 0}, "/text"),
        ("customer-groups", {"name": "Kafeer", "slug": "kafeer", "description": 0}, "/description"),
        ("templates/preview", {"template": {"name": 1, "subject": "s", "body_html": "b"}}, None),
        ("customers", {"name": "A", "email": "a@example.com", "active": "true"}, "/active"),
    ],
)
def test_json_values_of_another_type_are_400_not_converted(
    developer: APIClient, path: str, body: dict[str, Any], where: str | None
) -> None:
    groups, templates = CustomerGroup.objects.count(), EmailTemplate.objects.count()

    response = developer.post(f"{BASE}/{path}", body, format="json")

    assert_error(response, 400, "invalid_type", path=where or "/template/name")
    assert (CustomerGroup.objects.count(), EmailTemplate.objects.count()) == (groups, templates)


def test_an_object_for_a_list_of_groups_is_400(developer: APIClient) -> None:
    customer = Customer.objects.create(name="Kafé Sol", email="sol@example.com")
    CustomerGroup.objects.create(name="Kafeer", slug="kafeer")
    body = {"name": "Kafé Sol", "email": "sol@example.com", "groups": {"kafeer": 1}}

    response = developer.put(f"{BASE}/customers/{customer.pk}", body, format="json")

    assert_error(response, 400, "invalid_type", path="/groups")


@pytest.mark.parametrize(("key", "code"), [("   ", "invalid"), ("x" * 201, "max_length")])
def test_an_idempotency_key_outside_its_schema_is_400(
    business: APIClient, create_workflow: Callable[..., dict[str, Any]], key: str, code: str
) -> None:
    workflow = create_workflow()

    response = business.post(f"{BASE}/workflows/{workflow['id']}/execute", HTTP_IDEMPOTENCY_KEY=key)

    assert_error(response, 400, code, path="/Idempotency-Key")


def test_the_workflow_validator_keeps_its_own_codes(developer: APIClient) -> None:
    response = developer.post(f"{BASE}/workflows", [1, 2], format="json")

    assert_error(response, 400, "invalid_type", path="")
