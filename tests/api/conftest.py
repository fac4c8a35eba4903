"""Fixtures for the REST API tests: a user per role, JWT clients, the running example, and
the Celery seam (``executions.queueing`` and the run task) replaced by recorders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from executions import queueing
from executions.tasks import run_execution_task
from tests.automation.workflow_docs import Refs, make_refs, running_example

BASE = "/api/v1/workflow-automation"
ROLE_NAMES = ("viewer", "business", "developer", "staff")


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Dashboard metrics and token throttling live in the cache; tests must not share them.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """Nothing leaves for Celery: the queueing functions and ``run_execution_task.delay``
    (used by ``execution_start``) record their calls instead."""
    calls: dict[str, list[tuple[Any, ...]]] = {
        name: [] for name in ("run", "step_work", "alert", "delay")
    }

    def recorder(name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: calls[name].append(args)

    with (
        mock.patch.object(queueing, "enqueue_run", side_effect=recorder("run")),
        mock.patch.object(queueing, "enqueue_step_work", side_effect=recorder("step_work")),
        mock.patch.object(queueing, "enqueue_alert", side_effect=recorder("alert")),
        mock.patch.object(run_execution_task, "delay", side_effect=recorder("delay")),
    ):
        yield calls


def make_user(role: str | None, username: str | None = None) -> Any:
    """A user in the role's group (``None``: no role); staff also gets ``is_staff``."""
    model = get_user_model()
    create = model.objects.create_superuser if role == "superuser" else model.objects.create_user
    user = create(
        username=username or f"user-{role or 'norole'}",
        password="correct horse battery staple",
        is_staff=role in ("staff", "superuser"),
    )
    if role == "superuser":
        return user  # no group: superusers count as staff by themselves
    if role is not None:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def user_for(db: None) -> Callable[[str | None], Any]:
    """``user_for("business")``: that role's user, created once per test."""
    made: dict[str | None, Any] = {}

    def get(role: str | None) -> Any:
        if role not in made:
            made[role] = make_user(role)
        return made[role]

    return get


def bearer(user: Any) -> str:
    return f"Bearer {RefreshToken.for_user(user).access_token}"


@pytest.fixture
def client_for(user_for: Callable[[str | None], Any]) -> Callable[[str | None], APIClient]:
    """``client_for("developer")``: an API client carrying a fresh JWT for that role."""

    def make(role: str | None) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=bearer(user_for(role)))
        return client

    return make


@pytest.fixture
def developer(client_for: Callable[[str | None], APIClient]) -> APIClient:
    return client_for("developer")


@pytest.fixture
def business(client_for: Callable[[str | None], APIClient]) -> APIClient:
    return client_for("business")


@pytest.fixture
def viewer(client_for: Callable[[str | None], APIClient]) -> APIClient:
    return client_for("viewer")


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


@pytest.fixture
def doc(refs: Refs) -> dict[str, Any]:
    return running_example(refs)


@pytest.fixture
def integration_doc(doc: dict[str, Any], refs: Refs) -> dict[str, Any]:
    """The running example plus a step that calls an integration (developers only)."""
    doc["steps"].append(
        {
            "step_order": 3,
            "step_type": "call_integration",
            "action_config": {"integration_id": refs.integration.pk, "method": "GET", "path": "x"},
        }
    )
    return doc


@pytest.fixture
def create_workflow(developer: APIClient, doc: dict[str, Any]) -> Callable[..., dict[str, Any]]:
    """Create a workflow through the API (as a developer) and return its JSON."""

    def create(data: dict[str, Any] | None = None) -> dict[str, Any]:
        response = developer.post(f"{BASE}/workflows", data or doc, format="json")
        assert response.status_code == 201, response.json()
        return response.json()

    return create


def assert_error(response: Any, status: int, code: str, path: str | None = None) -> dict:
    """The documented error shape, with ``code`` among the errors."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) >= {"errors"}, body
    assert body["errors"], body
    for item in body["errors"]:
        assert set(item) == {"path", "code", "message"}, item
        assert item["message"]
    codes = {item["code"] for item in body["errors"]}
    assert code in codes, body
    if path is not None:
        assert path in {item["path"] for item in body["errors"]}, body
    return body
