"""A NUL character in a query string (issue 25, 3): 400 in the error shape for every filter of
every API endpoint, answered in one place before any view runs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from rest_framework.test import APIClient

from core.query_guard import NUL
from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db


def _served_schema() -> dict[str, Any]:
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def _query_filters() -> list[tuple[str, str]]:
    """Every (path, query parameter) of every GET operation the schema documents."""
    import django

    django.setup()
    filters = []
    for path, operations in _served_schema()["paths"].items():
        get = operations.get("get")
        for parameter in (get or {}).get("parameters", []):
            if parameter["in"] == "query":
                filters.append((re.sub(r"\{[^}]+\}", "1", path), parameter["name"]))
    return sorted(filters)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("templates", "search"),
        ("templates", "category"),
        ("customers", "search"),
        ("customers", "external_id"),
        ("orders", "external_id"),
    ],
)
def test_a_nul_in_the_filters_of_the_issue_is_400(
    developer: APIClient, path: str, name: str
) -> None:
    response = developer.get(f"{BASE}/{path}", {name: f"ab{NUL}c"})

    assert_error(response, 400, "invalid_character", path=f"/{name}")


def test_every_documented_query_parameter_refuses_a_nul(developer: APIClient) -> None:
    filters = _query_filters()
    assert len(filters) >= 20, filters  # the schema really was read

    answers = {(path, name): developer.get(path, {name: NUL}).status_code for path, name in filters}

    assert {key: code for key, code in answers.items() if code != 400} == {}


def test_a_nul_in_a_parameter_name_or_an_undocumented_parameter_is_400_too(
    developer: APIClient,
) -> None:
    assert_error(developer.get(f"{BASE}/workflows", {f"x{NUL}": "1"}), 400, "invalid_character")
    assert_error(developer.get(f"{BASE}/executions", {"unknown": NUL}), 400, "invalid_character")


def test_the_check_runs_before_authentication_and_names_every_bad_parameter() -> None:
    response = APIClient().get(f"{BASE}/customers", {"search": NUL, "external_id": NUL})

    body = assert_error(response, 400, "invalid_character")
    assert {e["path"] for e in body["errors"]} == {"/search", "/external_id"}


def test_ordinary_odd_characters_are_still_searched_for(developer: APIClient) -> None:
    response = developer.get(f"{BASE}/customers", {"search": "Kafé ☕ \u200b\U0001f600 \t"})

    assert response.status_code == 200, response.json()
    assert response.json()["count"] == 0
