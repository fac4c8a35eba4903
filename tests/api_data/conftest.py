"""Fixtures for the data endpoints' API tests: one user per role, JWT clients, and the
queue seam (nothing reaches Celery)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from executions import queueing
from executions.tasks import run_execution_task

BASE = "/api/v1/workflow-automation/"
ROLES = ("viewer", "business", "developer", "staff")


def url(path: str) -> str:
    return BASE + path.lstrip("/")


def error_paths(response: Any) -> dict[str, str]:
    """``{path: code}`` of a response in the documented error shape."""
    body = response.json()
    assert set(body) == {"errors"}, body
    for item in body["errors"]:
        assert {"path", "code", "message"} <= set(item), item
    return {item["path"]: item["code"] for item in body["errors"]}


@pytest.fixture
def role_users(db: None) -> dict[str, Any]:
    users: dict[str, Any] = {}
    model = get_user_model()
    for role in ROLES:
        user = model.objects.create_user(username=f"{role}-user", password="unused-pw-9481")
        if role == "staff":
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        else:
            group, _created = Group.objects.get_or_create(name=role)
            user.groups.add(group)
        users[role] = user
    return users


@pytest.fixture
def api(role_users: dict[str, Any]) -> Callable[[str | None], APIClient]:
    """``api("business")``: a client sending that role's JWT; ``api(None)``: anonymous."""

    def make(role: str | None) -> APIClient:
        client = APIClient()
        if role is not None:
            token = AccessToken.for_user(role_users[role])
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client

    return make


@pytest.fixture(autouse=True)
def _urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.api_data.urls"


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@dataclass
class Enqueued:
    """What would have been sent to Celery."""

    runs: list[int] = field(default_factory=list)
    other: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)


@pytest.fixture(autouse=True)
def enqueued(monkeypatch: pytest.MonkeyPatch) -> Iterator[Enqueued]:
    """Patches the seam to Celery: ``executions.queueing``'s functions, and the task that
    ``execution_enqueue`` sends directly."""
    record = Enqueued()
    monkeypatch.setattr(queueing, "enqueue_run", record.runs.append)
    for name in ("enqueue_step_work", "enqueue_alert"):
        monkeypatch.setattr(queueing, name, lambda *args, _n=name: record.other.append((_n, args)))
    with mock.patch.object(run_execution_task, "delay", side_effect=record.runs.append):
        yield record


def as_text(response: Any) -> str:
    """The whole body, for 'this string must not appear anywhere' checks."""
    content = getattr(response, "content", b"")
    if content:
        return content.decode("utf-8", errors="replace")
    return json.dumps(getattr(response, "data", None), default=str)
