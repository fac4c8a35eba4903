"""A stale page posting pause or deploy for an archived workflow (issue 25, 4): the page says
why nothing happened; the workflow stays archived."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from automation.models import WorkflowDefinition
from automation.services import workflow_archive
from tests.automation.workflow_docs import Refs, make_refs
from tests.pages.workflow_helpers import HTMX, client_as, example_workflow, no_celery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    with no_celery() as calls:
        yield calls


@pytest.fixture
def archived() -> WorkflowDefinition:
    refs: Refs = make_refs()
    return workflow_archive(workflow=example_workflow(refs), by=None)


@pytest.mark.parametrize("action", ["deploy", "pause"])
@pytest.mark.parametrize("htmx", [True, False])
def test_pause_or_deploy_of_an_archived_workflow_says_why_not(
    archived: WorkflowDefinition, action: str, htmx: bool
) -> None:
    url = reverse(f"automation:workflow-{action}", args=[archived.pk])
    headers = HTMX if htmx else {}

    response = client_as("developer").post(url, follow=not htmx, **headers)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="message error"' in html and "archived" in html
    archived.refresh_from_db()
    assert (archived.status, archived.is_active) == ("archived", False)
