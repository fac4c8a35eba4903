"""The role matrix: which role may call which endpoint. 401 without credentials, 403 for a
known user without the role, and the business/developer line at integrations and deploy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from accounts.roles import role_of, user_has_role
from automation.models import WorkflowDefinition
from automation.services import workflow_create
from executions.models import WorkflowExecution
from tests.api.conftest import BASE, assert_error, make_user

pytestmark = pytest.mark.django_db

RANK = {None: -1, "viewer": 0, "business": 1, "developer": 2, "staff": 3, "superuser": 3}


@dataclass(frozen=True)
class Case:
    method: str
    path: str  # {w}: a workflow id, {e}: an execution id
    needs: str
    body: str | None = None  # "doc" or "integration_doc"


CASES = [
    Case("get", "/workflows", "viewer"),
    Case("post", "/workflows", "business", "doc"),
    Case("post", "/workflows", "developer", "integration_doc"),
    Case("get", "/workflows/{w}", "viewer"),
    Case("put", "/workflows/{w}", "business", "doc"),
    Case("patch", "/workflows/{w}", "business", "doc"),
    Case("delete", "/workflows/{w}", "business"),
    Case("post", "/workflows/{w}/test", "business"),
    Case("put", "/workflows/{w}/deploy", "developer"),
    Case("post", "/workflows/{w}/pause", "business"),
    Case("post", "/workflows/{w}/execute", "business"),
    Case("get", "/workflows/{w}/next-runs", "viewer"),
    Case("get", "/executions", "viewer"),
    Case("get", "/executions/{e}", "viewer"),
    Case("get", "/executions/{e}/status", "viewer"),
    Case("get", "/executions/{e}/logs", "viewer"),
    Case("post", "/executions/{e}/pause", "business"),
    Case("post", "/executions/{e}/cancel", "business"),
    Case("get", "/dashboard/metrics", "viewer"),
]


@pytest.mark.parametrize("role", [None, "viewer", "business", "developer", "staff", "superuser"])
def test_role_matrix(
    role: str | None,
    client_for: Callable[[str | None], APIClient],
    user_for: Callable[[str | None], Any],
    doc: dict[str, Any],
    integration_doc: dict[str, Any],
) -> None:
    client = client_for(role)
    owner = user_for("developer")
    bodies = {"doc": {k: v for k, v in doc.items() if k != "steps"} | {"steps": doc["steps"][:2]}}
    bodies["integration_doc"] = integration_doc
    wrong: list[str] = []
    for case in CASES:
        workflow = workflow_create(created_by=owner, data=bodies["doc"])
        execution = WorkflowExecution.objects.create(
            workflow=workflow, trigger="manual", status="running"
        )
        path = BASE + case.path.format(w=workflow.pk, e=execution.pk)
        body = bodies[case.body] if case.body else None
        response = getattr(client, case.method)(path, body, format="json")
        allowed = RANK[role] >= RANK[case.needs]
        if allowed and response.status_code in (401, 403):
            wrong.append(f"{case}: {response.status_code} {response.content[:200]!r}")
        if not allowed and response.status_code != 403:
            wrong.append(f"{case}: expected 403, got {response.status_code}")
        if response.status_code >= 500:
            wrong.append(f"{case}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("case", [c for c in CASES if c.needs == "viewer"], ids=str)
def test_anonymous_gets_401_everywhere(case: Case) -> None:
    response = getattr(APIClient(), case.method)(BASE + case.path.format(w=1, e=1))
    assert_error(response, 401, "not_authenticated")


def test_business_cannot_create_change_or_deploy_integration_workflows(
    business: APIClient, developer: APIClient, integration_doc: dict[str, Any]
) -> None:
    body = assert_error(
        business.post(f"{BASE}/workflows", integration_doc, format="json"),
        403,
        "permission_denied",
    )
    assert "call_integration" in body["errors"][0]["message"]
    assert not WorkflowDefinition.objects.exists()

    created = developer.post(f"{BASE}/workflows", integration_doc, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert_error(
        business.patch(f"{BASE}/workflows/{pk}", {"name": "Mine now"}, format="json"),
        403,
        "permission_denied",
    )
    assert_error(business.put(f"{BASE}/workflows/{pk}/deploy"), 403, "permission_denied")
    assert developer.put(f"{BASE}/workflows/{pk}/deploy").status_code == 200
    # Pausing and running are business work, integrations or not.
    assert business.post(f"{BASE}/workflows/{pk}/pause").status_code == 200


def test_roles_are_ranked_and_superusers_are_staff(user_for: Callable[[str | None], Any]) -> None:
    assert role_of(user_for(None)) is None
    assert role_of(user_for("business")) == "business"
    assert role_of(user_for("superuser")) == "staff"
    assert user_has_role(user_for("developer"), "business")
    assert not user_has_role(user_for("business"), "developer")
    both = make_user("viewer", username="both")
    both.groups.add(Group.objects.get(name="developer"))
    assert role_of(both) == "developer"


def test_the_roles_migration_is_idempotent_and_reversible() -> None:
    migration = __import__("automation.migrations.0002_roles", fromlist=["create_roles"])
    before = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    assert set(before) >= {"viewer", "business", "developer", "staff"}
    assert "view_workflowdefinition" in before["viewer"]
    assert "change_workflowdefinition" not in before["viewer"]
    assert "change_workflowdefinition" in before["business"]
    assert "add_integration" not in before["business"]
    assert "add_integration" in before["developer"]

    migration.create_roles(global_apps, None)
    again = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    assert again == before

    migration.remove_roles(global_apps, None)
    assert not Group.objects.filter(name__in=["viewer", "business", "developer", "staff"]).exists()
    migration.create_roles(global_apps, None)
    assert Group.objects.filter(name__in=["viewer", "business", "developer", "staff"]).count() == 4
