"""Hostile bodies against every JSON endpoint (issue 22, 1: the API's property-based fuzzing).

schemathesis generates each operation's body from the served schema, and a ``flatmap_body``
hook then plants one hostile value in it: nesting far deeper than any document needs, a
string of up to 3 MB (past the 2.5 MB body limit), or odd Unicode (lone surrogates, NUL,
bidi overrides, zero-width and combining marks, non-characters, astral characters). The API
must answer without a 5xx, and a refused request must leave every table as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.apps import apps
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from config.wsgi import application
from tests.api.conftest import bearer, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "12"))

ODD_CHARACTERS = [
    "\ud800",  # a lone high surrogate
    "\udfff",  # a lone low surrogate
    "\x00",
    "\u202e",  # right-to-left override
    "\u200b\u200d\ufeff",  # zero-width space and joiner, BOM
    "e\u0301\u0301\u0301",  # combining accents
    "\uffff\ufffe",  # non-characters
    "\U0001f600\U000e0001",  # an emoji and a tag character
    "\x1b[31m",  # a terminal escape
    "🙂" * 1000,
]


def nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


# Deep enough to pass every limit (64) by far, shallow enough for json.dumps to write it.
deep_values = st.builds(nested, st.integers(min_value=65, max_value=400), st.just(1))
huge_strings = st.sampled_from([10_000, 300_000, 3_000_000]).map(lambda n: "x" * n)
odd_strings = st.lists(st.sampled_from(ODD_CHARACTERS), min_size=1, max_size=4).map("".join)
hostile_values = st.one_of(deep_values, huge_strings, odd_strings)


def _plant(body: Any, key_choice: int, value: Any) -> Any:
    """``body`` with ``value`` in one of its places (a property, an item, or the whole)."""
    if isinstance(body, dict) and body:
        keys = sorted(body, key=str)
        key = keys[key_choice % len(keys)]
        inner = body[key]
        if isinstance(inner, dict | list) and inner and key_choice % 3 == 0:
            return {**body, key: _plant(inner, key_choice // 3, value)}
        return {**body, key: value}
    if isinstance(body, list) and body:
        index = key_choice % len(body)
        return [*body[:index], _plant(body[index], key_choice // 7, value), *body[index + 1 :]]
    return value


fuzz = (
    schemathesis.openapi.from_wsgi("/api/schema/", application)
    .include(method=["POST", "PUT", "PATCH"])
    .exclude(path_regex=r"/customers/import$")  # multipart, not JSON
)
# Only the generated cases, which go through the hook below; the schema's examples and the
# coverage phase's boundary values are test_schemathesis_all_checks.py's business.
fuzz.config.phases.examples.enabled = False
fuzz.config.phases.coverage.enabled = False


# Each collection's rows, so that /things/{id} reaches the view (the demo has one of each).
ROWS = {
    "workflows": "automation.WorkflowDefinition",
    "integrations": "automation.Integration",
    "templates": "templates_app.EmailTemplate",
    "customers": "customers.Customer",
    "customer-groups": "customers.CustomerGroup",
    "orders": "customers.Order",
    "executions": "executions.WorkflowExecution",
}


@fuzz.hook
def map_path_parameters(context: Any, path_parameters: dict[str, Any] | None) -> Any:
    collection = context.operation.path.split("/workflow-automation/")[-1].split("/")[0]
    if path_parameters and "id" in path_parameters and collection in ROWS:
        row = apps.get_model(ROWS[collection]).objects.order_by("pk").first()
        if row is not None:
            return {**path_parameters, "id": row.pk}
    return path_parameters


@fuzz.hook
def flatmap_body(context: Any, body: Any) -> Any:
    return st.tuples(st.integers(min_value=0, max_value=10_000), hostile_values).map(
        lambda drawn: _plant(body, *drawn)
    )


def _row_counts() -> dict[str, int]:
    # Every table of the product's own apps: a refused request may change none of them.
    return {
        model._meta.label: model.objects.count()
        for app in ("automation", "templates_app", "customers", "executions", "ai_assistant")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.fixture
def wsgi_keeps_the_test_connection(db: None) -> Iterator[None]:
    # Requests go through the real WSGI handler, whose request signals would close the test's
    # connection (and its transaction); Django's test client disconnects them the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def developer_token(db: None) -> str:
    return bearer(make_user("developer", username="hostile"))


@pytest.fixture
def shop(db: None) -> None:
    from automation.demo import demo_load

    demo_load()


@fuzz.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_hostile_bodies_get_no_server_error_and_change_nothing_when_refused(
    case: Any,
    shop: None,
    developer_token: str,
    queued: Any,
    wsgi_keeps_the_test_connection: None,
) -> None:
    before = _row_counts()

    response = case.call_and_validate(
        headers={"Authorization": developer_token}, checks=[not_a_server_error]
    )

    if response.status_code >= 400:
        assert _row_counts() == before, (response.status_code, response.text[:500])
