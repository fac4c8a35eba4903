"""The version pages: list with a comparison of any two (full page and HTMX fragment),
restore with confirmation, duplicate, export download and the import form with its errors."""

from __future__ import annotations

import copy
import html as html_lib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from automation.models import WorkflowDefinition, WorkflowVersion
from automation.services import workflow_archive, workflow_definition, workflow_update
from automation.versions import workflow_export
from tests.automation.workflow_docs import Refs, make_refs
from tests.pages.workflow_helpers import HTMX, client_as, example_workflow, no_celery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    with no_celery() as calls:
        yield calls


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def workflow(refs: Refs) -> WorkflowDefinition:
    """The running example with version 2: the reminder moved to Wednesday 12:00."""
    workflow = example_workflow(refs)
    doc = copy.deepcopy(workflow_definition(workflow))
    doc["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    return workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=1)


def versions_url(workflow: WorkflowDefinition) -> str:
    return reverse("automation:workflow-versions", args=[workflow.pk])


def restore_url(workflow: WorkflowDefinition, n: int) -> str:
    return reverse("automation:workflow-restore", args=[workflow.pk, n])


def text_of(response: Any) -> str:
    return html_lib.unescape(response.content.decode())


# --- List and comparison --------------------------------------------------------------------


def test_the_workflow_page_links_to_versions_export_and_duplicate(
    workflow: WorkflowDefinition,
) -> None:
    page = text_of(client_as("business").get(f"/arbeidsflyter/{workflow.pk}/"))

    assert f'href="{versions_url(workflow)}"' in page and ">Versjoner<" in page
    assert 'id="action-export"' in page and 'id="action-duplicate"' in page


def test_a_viewer_sees_versions_but_no_duplicate_button(workflow: WorkflowDefinition) -> None:
    page = text_of(client_as("viewer").get(f"/arbeidsflyter/{workflow.pk}/"))

    assert f'href="{versions_url(workflow)}"' in page
    assert 'id="action-duplicate"' not in page


def test_the_version_list_says_who_when_and_what_and_compares_the_newest_two(
    workflow: WorkflowDefinition,
) -> None:
    response = client_as("viewer").get(versions_url(workflow))

    page = text_of(response)
    assert response.status_code == 200
    assert "<html" in page
    assert 'id="version-2"' in page and 'id="version-1"' in page
    assert "Opprettet" in page
    assert "Fra versjon 1 til versjon 2" in page
    assert "torsdag 15:00 → onsdag 12:00" in page
    created = WorkflowVersion.objects.get(workflow=workflow, version=2).created_at
    assert timezone.localtime(created).strftime("%d.%m.%Y %H:%M") in page
    assert "Gjenopprett versjon" not in page  # a viewer cannot restore


def test_the_comparison_fragment_compares_the_chosen_versions(
    workflow: WorkflowDefinition,
) -> None:
    response = client_as("viewer").get(versions_url(workflow), {"old": 2, "new": 1}, **HTMX)

    fragment = text_of(response)
    assert response.status_code == 200
    assert "<html" not in fragment
    assert fragment.lstrip().startswith('<div id="comparison"')
    assert "Fra versjon 2 til versjon 1" in fragment
    assert "onsdag 12:00 → torsdag 15:00" in fragment


def test_comparing_a_version_that_does_not_exist_says_so(workflow: WorkflowDefinition) -> None:
    fragment = text_of(
        client_as("viewer").get(versions_url(workflow), {"old": 1, "new": 7}, **HTMX)
    )

    assert "Velg to versjoner" in fragment
    assert "→" not in fragment


def test_the_version_list_in_english(workflow: WorkflowDefinition) -> None:
    page = text_of(client_as("viewer", language="en").get(versions_url(workflow)))

    assert "From version 1 to version 2" in page
    assert "Thursday 15:00 → Wednesday 12:00" in page


def test_versions_of_a_workflow_that_does_not_exist_are_404(refs: Refs) -> None:
    assert client_as("viewer").get("/arbeidsflyter/999999/versjoner/").status_code == 404


# --- Restore --------------------------------------------------------------------------------


def test_restore_asks_first_and_shows_what_would_change(workflow: WorkflowDefinition) -> None:
    business = client_as("business")
    page = text_of(business.get(versions_url(workflow)))
    assert f'href="{restore_url(workflow, 1)}"' in page

    confirm = text_of(business.get(restore_url(workflow, 1)))

    assert "Gjenopprette versjon 1?" in confirm
    assert "onsdag 12:00 → torsdag 15:00" in confirm
    assert 'id="confirm-restore"' in confirm
    assert WorkflowDefinition.objects.get(pk=workflow.pk).version == 2


def test_confirming_restores_version_1_as_version_3(workflow: WorkflowDefinition) -> None:
    business = client_as("business")

    response = business.post(restore_url(workflow, 1), follow=True)

    page = text_of(response)
    assert response.redirect_chain[-1][0] == versions_url(workflow)
    assert "Versjon 1 er gjenopprettet som versjon 3." in page
    versions = {v.version: v.definition for v in WorkflowVersion.objects.filter(workflow=workflow)}
    assert versions[3] == versions[1]
    assert versions[3]["steps"][1]["trigger_config"] == {"day": "thursday", "time": "15:00"}


def test_restore_needs_business_and_an_existing_version(workflow: WorkflowDefinition) -> None:
    assert client_as("viewer").post(restore_url(workflow, 1)).status_code == 403
    assert client_as("business").get(restore_url(workflow, 9)).status_code == 404
    assert WorkflowDefinition.objects.get(pk=workflow.pk).version == 2


def test_an_archived_workflow_cannot_be_restored(workflow: WorkflowDefinition) -> None:
    workflow_archive(workflow=workflow, by=None)
    business = client_as("business")

    confirm = text_of(business.get(restore_url(workflow, 1)))
    assert "arkivert" in confirm and 'id="confirm-restore"' not in confirm

    page = text_of(business.post(restore_url(workflow, 1), follow=True))
    assert "kunne ikke gjenopprettes" in page
    assert WorkflowDefinition.objects.get(pk=workflow.pk).version == 2


# --- Duplicate and export -------------------------------------------------------------------


def test_duplicate_opens_the_draft_copy(workflow: WorkflowDefinition) -> None:
    response = client_as("business").post(
        reverse("automation:workflow-duplicate", args=[workflow.pk]), follow=True
    )

    copy_ = WorkflowDefinition.objects.exclude(pk=workflow.pk).get()
    assert copy_.name == "Ukentlig bestilling (2)" and copy_.status == "draft"
    assert response.redirect_chain[-1][0] == f"/arbeidsflyter/{copy_.pk}/"
    assert "En kopi er laget som utkast" in text_of(response)
    assert workflow_definition(copy_)["steps"] == workflow_definition(workflow)["steps"]


def test_a_viewer_cannot_duplicate(workflow: WorkflowDefinition) -> None:
    url = reverse("automation:workflow-duplicate", args=[workflow.pk])
    assert client_as("viewer").post(url).status_code == 403
    assert WorkflowDefinition.objects.count() == 1


def test_export_downloads_the_json_with_templates_by_name(workflow: WorkflowDefinition) -> None:
    response = client_as("viewer").get(reverse("automation:workflow-export", args=[workflow.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="ukentlig-bestilling.json"'
    exported = json.loads(response.content)
    assert exported == workflow_export(workflow=workflow)
    assert exported["steps"][1]["action_config"]["template"] == "Påminnelse"


# --- Import ---------------------------------------------------------------------------------

IMPORT = "/arbeidsflyter/importer/"


def upload(document: Any, name: str = "arbeidsflyt.json") -> SimpleUploadedFile:
    content = document if isinstance(document, bytes) else json.dumps(document).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_the_import_form_is_linked_from_the_list_for_business(refs: Refs) -> None:
    business = client_as("business")
    assert IMPORT in text_of(business.get("/arbeidsflyter/"))
    page = business.get(IMPORT)
    assert page.status_code == 200 and 'type="file"' in text_of(page)
    assert client_as("viewer").get(IMPORT).status_code == 403


def test_importing_an_export_makes_a_draft(workflow: WorkflowDefinition) -> None:
    exported = workflow_export(workflow=workflow)

    response = client_as("business").post(IMPORT, {"file": upload(exported)}, follow=True)

    imported = WorkflowDefinition.objects.exclude(pk=workflow.pk).get()
    assert response.redirect_chain[-1][0] == f"/arbeidsflyter/{imported.pk}/"
    assert imported.status == "draft" and imported.name == "Ukentlig bestilling (2)"
    assert workflow_definition(imported)["steps"] == workflow_definition(workflow)["steps"]


def test_import_errors_name_the_step_the_field_and_the_missing_name(
    workflow: WorkflowDefinition,
) -> None:
    exported = workflow_export(workflow=workflow)
    exported["steps"][1]["action_config"]["template"] = "Julehilsen"
    exported["steps"][0]["action_config"]["recipients"] = {"group": "bakerier"}

    response = client_as("business").post(IMPORT, {"file": upload(exported)})

    page = text_of(response)
    assert response.status_code == 400
    assert "ingenting ble lagret" in page
    assert "Steg 2 «Påminnelse», e-postmal:" in page and "Julehilsen" in page
    assert "Steg 1 «Send bestillingsskjema», kundegruppe:" in page and "bakerier" in page
    assert WorkflowDefinition.objects.count() == 1


def test_a_file_that_is_not_json_is_refused_in_words(refs: Refs) -> None:
    response = client_as("business").post(IMPORT, {"file": upload(b"\xff not json")})

    assert response.status_code == 400
    assert "Filen er ikke JSON" in text_of(response)
    assert not WorkflowDefinition.objects.exists()


def test_a_restore_this_role_may_not_make_is_refused_in_words(refs: Refs) -> None:
    doc = copy.deepcopy(workflow_definition(example_workflow(refs, active=False)))
    workflow = WorkflowDefinition.objects.get()
    with_integration = copy.deepcopy(doc)
    with_integration["steps"].append(
        {
            "step_order": 3,
            "step_type": "call_integration",
            "action_config": {"integration_id": refs.integration.pk, "method": "GET", "path": "x"},
        }
    )
    workflow = workflow_update(
        workflow=workflow, data=with_integration, updated_by=None, expected_version=1
    )
    workflow = workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=2)

    page = text_of(client_as("business").post(restore_url(workflow, 2), follow=True))

    assert "Versjon 2 kunne ikke gjenopprettes" in page
    assert WorkflowDefinition.objects.get(pk=workflow.pk).version == 3
