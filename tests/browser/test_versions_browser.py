"""In Chromium: a business user opens the demo workflow's versions, sees what version 2
changed, compares the two, restores version 1 (with confirmation) and finds version 3 equal
to version 1; duplicates the workflow from its page; imports an exported file (first one
naming a template this installation lacks)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from automation.demo import WORKFLOW_NAME, demo_load
from automation.models import WorkflowDefinition, WorkflowVersion
from automation.services import workflow_definition, workflow_update
from automation.versions import workflow_export
from tests.browser.conftest import screenshot
from tests.pages.workflow_helpers import no_celery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    cache.clear()
    with no_celery():
        yield
    cache.clear()


@pytest.fixture
def workflow() -> WorkflowDefinition:
    """The demo workflow with version 2: the reminder moved from Thursday 15:00 to
    Wednesday 12:00 (through the service the editor page calls)."""
    demo_load()
    workflow = WorkflowDefinition.objects.get(name=WORKFLOW_NAME)
    doc = copy.deepcopy(workflow_definition(workflow))
    doc["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    updated = workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)
    assert updated.version == 2
    return updated


def test_see_version_2_and_its_difference_then_restore_version_1(
    page_as: Any, workflow: WorkflowDefinition
) -> None:
    page = page_as("business")
    page.goto(f"{page.live_server_url}/arbeidsflyter/{workflow.pk}/")
    page.get_by_role("link", name="Versjoner", exact=True).click()
    page.wait_for_url(f"**/arbeidsflyter/{workflow.pk}/versjoner/")

    newest = page.locator("#version-2")
    assert "Gjeldende" in newest.inner_text()
    assert "torsdag 15:00 → onsdag 12:00" in newest.inner_text()
    comparison = page.locator("#comparison")
    assert "Fra versjon 1 til versjon 2" in comparison.inner_text()
    assert "Påminnelse: torsdag 15:00 → onsdag 12:00" in comparison.inner_text()
    screenshot(page, "workflow-versions")

    # Compare the other way round (the HTMX fragment replaces the comparison).
    page.select_option("#id_old", "2")
    page.select_option("#id_new", "1")
    page.locator("#compare-button").click()
    page.wait_for_function(
        "() => document.querySelector('#comparison').innerText.includes('Fra versjon 2')"
    )
    assert "onsdag 12:00 → torsdag 15:00" in page.locator("#comparison").inner_text()

    page.get_by_role("link", name="Gjenopprett versjon 1").click()
    page.wait_for_url("**/versjoner/1/gjenopprett/")
    assert "onsdag 12:00 → torsdag 15:00" in page.locator("main").inner_text()
    page.locator("#confirm-restore").click()
    page.wait_for_url(f"**/arbeidsflyter/{workflow.pk}/versjoner/")

    assert "Versjon 1 er gjenopprettet som versjon 3." in page.locator(".messages").inner_text()
    assert "Gjeldende" in page.locator("#version-3").inner_text()
    versions = {v.version: v.definition for v in WorkflowVersion.objects.filter(workflow=workflow)}
    assert versions[3] == versions[1] != versions[2]


def test_duplicate_from_the_workflow_page(page_as: Any, workflow: WorkflowDefinition) -> None:
    page = page_as("business")
    page.goto(f"{page.live_server_url}/arbeidsflyter/{workflow.pk}/")

    page.locator("#action-duplicate").click()
    page.wait_for_selector(".messages")

    copy_ = WorkflowDefinition.objects.exclude(pk=workflow.pk).get(name__startswith=WORKFLOW_NAME)
    assert page.url.endswith(f"/arbeidsflyter/{copy_.pk}/")
    assert copy_.status == "draft" and copy_.name == f"{WORKFLOW_NAME} (2)"
    assert f"{WORKFLOW_NAME} (2)" in page.locator("h1").inner_text()


def test_import_an_export_whose_template_is_missing_then_a_good_one(
    page_as: Any, workflow: WorkflowDefinition
) -> None:
    exported = workflow_export(workflow=workflow)
    broken = copy.deepcopy(exported)
    broken["steps"][1]["action_config"]["template"] = "Julehilsen"
    page = page_as("business")
    page.goto(f"{page.live_server_url}/arbeidsflyter/")
    page.locator("#action-import").click()
    page.wait_for_url("**/arbeidsflyter/importer/")

    page.set_input_files("#id_file", files=[_file(broken)])
    page.locator("#import-button").click()
    errors = page.locator("#import-errors")
    errors.wait_for()
    assert "Steg 2 «Påminnelse», e-postmal:" in errors.inner_text()
    assert "Julehilsen" in errors.inner_text()
    assert WorkflowDefinition.objects.filter(name__startswith=WORKFLOW_NAME).count() == 1

    page.set_input_files("#id_file", files=[_file(exported)])
    page.locator("#import-button").click()
    page.wait_for_selector(".messages")
    imported = WorkflowDefinition.objects.exclude(pk=workflow.pk).get(
        name__startswith=WORKFLOW_NAME
    )
    assert page.url.endswith(f"/arbeidsflyter/{imported.pk}/")
    assert imported.status == "draft"


def _file(document: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps(document, ensure_ascii=False).encode()
    return {"name": "arbeidsflyt.json", "mimeType": "application/json", "buffer": body}
