"""schemathesis against the documented schema of these endpoints finds no 5xx."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import AccessToken
from schemathesis.checks import not_a_server_error

from config.wsgi import application

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))


def _schema() -> dict[str, Any]:
    # The schema of tests/api_data/urls.py, which the requests below are routed through too.
    document = SchemaGenerator(urlconf="tests.api_data.urls").get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document, renderer_context={}))


fuzz = schemathesis.openapi.from_dict(_schema())
fuzz.app = application


@pytest.fixture
def wsgi_keeps_the_test_connection(db: None) -> Iterator[None]:
    # The real WSGI handler's request signals would close the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """Generated base URLs must not reach DNS or any host: names do not resolve here."""
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = []
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = False

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.slow
@fuzz.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(
    case: Any,
    role_users: dict[str, Any],
    no_network: None,
    wsgi_keeps_the_test_connection: None,
) -> None:
    token = AccessToken.for_user(role_users["developer"])
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error]
    )
