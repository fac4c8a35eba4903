"""/workflows/{id}/versions, restore, duplicate, export and /workflows/import: roles, 404,
409 and the import's errors by JSON Pointer."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from automation.models import WorkflowDefinition, WorkflowVersion
from customers.models import CustomerGroup
from templates_app.models import EmailTemplate
from tests.api.conftest import BASE, assert_error
from tests.automation.workflow_docs import Refs

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]
WORKFLOWS = f"{BASE}/workflows"


def url(pk: int, action: str = "") -> str:
    return f"{WORKFLOWS}/{pk}" + (f"/{action}" if action else "")


def wednesday_noon(doc: Doc) -> Doc:
    edited = copy.deepcopy(doc)
    edited["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    return edited


@pytest.fixture
def two_versions(
    business: APIClient, create_workflow: Callable[..., Doc], doc: Doc
) -> dict[str, Any]:
    created = create_workflow()
    response = business.put(url(created["id"]), wednesday_noon(doc), format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    return created


# --- List and detail ------------------------------------------------------------------------


def test_versions_are_listed_newest_first_with_who_when_and_a_summary(
    viewer: APIClient, two_versions: Doc
) -> None:
    response = viewer.get(url(two_versions["id"], "versions"), HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["count"] == 2
    newest, first = body["results"]
    assert newest["version"] == 2 and first["version"] == 1
    assert newest["created_by_name"] == "user-business"
    assert first["created_by_name"] == "user-developer"
    assert "torsdag 15:00" in newest["summary"] and "onsdag 12:00" in newest["summary"]
    assert first["summary"] == "Opprettet"
    assert newest["created_at"].endswith(("+01:00", "+02:00"))


def test_the_version_list_is_paginated_like_other_lists(
    viewer: APIClient, two_versions: Doc
) -> None:
    response = viewer.get(url(two_versions["id"], "versions"), {"page_size": 1})

    assert response.json()["count"] == 2
    assert [r["version"] for r in response.json()["results"]] == [2]
    assert response.json()["next"]
    assert_error(viewer.get(url(two_versions["id"], "versions"), {"page": 3}), 404, "not_found")


def test_one_version_has_its_definition_and_its_changes_in_words(
    viewer: APIClient, two_versions: Doc, doc: Doc
) -> None:
    response = viewer.get(url(two_versions["id"], "versions/2"), HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["previous"] == 1
    assert body["definition"]["steps"][1]["trigger_config"] == {
        "day": "wednesday",
        "time": "12:00",
    }
    [change] = body["changes"]
    assert change["kind"] == "step_changed" and change["step"] == 2
    assert "torsdag 15:00" in change["text"] and "onsdag 12:00" in change["text"]

    first = viewer.get(url(two_versions["id"], "versions/1")).json()
    assert first["previous"] is None and first["changes"] == []


def test_a_version_or_workflow_that_does_not_exist_is_404(
    viewer: APIClient, two_versions: Doc
) -> None:
    assert_error(viewer.get(url(two_versions["id"], "versions/3")), 404, "not_found")
    assert_error(viewer.get(url(999_999, "versions")), 404, "not_found")
    assert_error(viewer.get(url(999_999, "versions/1")), 404, "not_found")


def test_reading_versions_needs_a_role(
    client_for: Callable[[str | None], APIClient], two_versions: Doc
) -> None:
    assert_error(APIClient().get(url(two_versions["id"], "versions")), 401, "not_authenticated")
    assert_error(
        client_for(None).get(url(two_versions["id"], "versions")), 403, "permission_denied"
    )


# --- Restore --------------------------------------------------------------------------------


def test_restoring_version_1_makes_version_3_equal_to_it(
    business: APIClient, two_versions: Doc
) -> None:
    pk = two_versions["id"]

    response = business.post(url(pk, "versions/1/restore"))

    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 3
    assert response["ETag"] == '"3"'
    versions = {v.version: v.definition for v in WorkflowVersion.objects.filter(workflow_id=pk)}
    assert versions[3] == versions[1] != versions[2]
    assert response.json()["steps"][1]["trigger_config"] == {"day": "thursday", "time": "15:00"}


def test_restoring_the_current_content_saves_nothing(
    business: APIClient, two_versions: Doc
) -> None:
    response = business.post(url(two_versions["id"], "versions/2/restore"))

    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert WorkflowVersion.objects.filter(workflow_id=two_versions["id"]).count() == 2


def test_restoring_needs_business_and_an_existing_version(
    viewer: APIClient, business: APIClient, two_versions: Doc
) -> None:
    pk = two_versions["id"]
    assert_error(viewer.post(url(pk, "versions/1/restore")), 403, "permission_denied")
    assert_error(business.post(url(pk, "versions/9/restore")), 404, "not_found")
    assert_error(business.post(url(999_999, "versions/1/restore")), 404, "not_found")
    assert WorkflowDefinition.objects.get(pk=pk).version == 2


def test_restoring_in_an_archived_workflow_is_409(
    developer: APIClient, business: APIClient, two_versions: Doc
) -> None:
    pk = two_versions["id"]
    assert developer.delete(url(pk)).status_code == 204

    assert_error(business.post(url(pk, "versions/1/restore")), 409, "invalid_state")
    assert WorkflowDefinition.objects.get(pk=pk).version == 2


def test_restoring_a_version_whose_template_is_gone_is_400_and_changes_nothing(
    business: APIClient, two_versions: Doc, doc: Doc, refs: Refs
) -> None:
    pk = two_versions["id"]
    other = EmailTemplate.objects.create(name="Ny påminnelse", subject="Hei", body_html="<p>x</p>")
    edited = wednesday_noon(doc)
    edited["steps"][1]["action_config"]["template_id"] = other.pk
    assert business.put(url(pk), edited, format="json").json()["version"] == 3
    # Version 2 sent the reminder template, which is deleted now (no step uses it).
    refs.reminder.delete()

    assert_error(
        business.post(url(pk, "versions/2/restore")),
        400,
        "unknown_template",
        path="/steps/1/action_config/template_id",
    )
    assert WorkflowDefinition.objects.get(pk=pk).version == 3


# --- Duplicate ------------------------------------------------------------------------------


def test_duplicate_makes_a_draft_copy_with_a_unique_name(
    business: APIClient, developer: APIClient, two_versions: Doc
) -> None:
    pk = two_versions["id"]
    assert developer.put(url(pk, "deploy")).status_code == 200

    response = business.post(url(pk, "duplicate"))

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["id"] != pk
    assert body["name"] == "Ukentlig bestilling (2)"
    assert body["status"] == "draft" and body["version"] == 1
    assert response["Location"] == url(body["id"])
    original = developer.get(url(pk)).json()
    assert body["steps"] == original["steps"]
    assert body["schedule"]["schedule_config"] == original["schedule"]["schedule_config"]
    assert business.post(url(pk, "duplicate")).json()["name"] == "Ukentlig bestilling (3)"


def test_duplicate_needs_business_and_an_existing_workflow(
    viewer: APIClient, business: APIClient, two_versions: Doc
) -> None:
    assert_error(viewer.post(url(two_versions["id"], "duplicate")), 403, "permission_denied")
    assert_error(business.post(url(999_999, "duplicate")), 404, "not_found")
    assert WorkflowDefinition.objects.count() == 1


# --- Export and import ----------------------------------------------------------------------


def test_export_names_templates_and_groups_instead_of_ids(
    viewer: APIClient, create_workflow: Callable[..., Doc], doc: Doc, refs: Refs
) -> None:
    doc["steps"][1]["action_config"]["recipients"] = {"group": refs.group.slug}
    created = create_workflow(doc)

    response = viewer.get(url(created["id"], "export"))

    assert response.status_code == 200, response.json()
    exported = response.json()
    assert set(exported) == {"name", "description", "workflow_type", "schedule", "steps"}
    first, second = exported["steps"]
    assert first["action_config"]["template"] == "Bestillingsskjema"
    assert second["action_config"]["template"] == "Påminnelse"
    assert "template_id" not in first["action_config"]
    assert second["action_config"]["recipients"] == {"group": "kafeer"}
    assert "id" not in exported and "version" not in exported


def test_an_export_imports_as_a_new_draft_equal_to_the_original(
    viewer: APIClient, business: APIClient, create_workflow: Callable[..., Doc]
) -> None:
    created = create_workflow()
    exported = viewer.get(url(created["id"], "export")).json()

    response = business.post(f"{WORKFLOWS}/import", exported, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "Ukentlig bestilling (2)"
    assert body["status"] == "draft"
    assert response["Location"] == url(body["id"])
    assert body["steps"] == created["steps"]  # template names resolved to this database's ids


def test_an_import_naming_a_missing_template_and_group_is_400_and_saves_nothing(
    viewer: APIClient, business: APIClient, create_workflow: Callable[..., Doc], refs: Refs
) -> None:
    created = create_workflow()
    exported = viewer.get(url(created["id"], "export")).json()
    exported["steps"][1]["action_config"]["template"] = "Julehilsen"
    exported["steps"][0]["action_config"]["recipients"] = {"group": "bakerier"}
    before = WorkflowDefinition.objects.count()

    body = assert_error(
        business.post(f"{WORKFLOWS}/import", exported, format="json"),
        400,
        "unknown_template",
        path="/steps/1/action_config/template",
    )

    by_path = {e["path"]: e for e in body["errors"]}
    assert "Julehilsen" in by_path["/steps/1/action_config/template"]["message"]
    group = by_path["/steps/0/action_config/recipients/group"]
    assert group["code"] == "unknown_group" and "bakerier" in group["message"]
    assert WorkflowDefinition.objects.count() == before
    assert not CustomerGroup.objects.filter(slug="bakerier").exists()


def test_an_import_that_is_not_a_workflow_is_400(business: APIClient) -> None:
    assert_error(business.post(f"{WORKFLOWS}/import", [1, 2], format="json"), 400, "invalid_type")
    body = assert_error(
        business.post(f"{WORKFLOWS}/import", {"name": "x"}, format="json"), 400, "required"
    )
    assert body["errors"]
    assert not WorkflowDefinition.objects.exists()


def test_import_needs_business_and_export_any_role(
    viewer: APIClient, client_for: Callable[[str | None], APIClient], doc: Doc
) -> None:
    assert_error(viewer.post(f"{WORKFLOWS}/import", doc, format="json"), 403, "permission_denied")
    assert_error(
        APIClient().post(f"{WORKFLOWS}/import", doc, format="json"), 401, "not_authenticated"
    )
    assert_error(client_for(None).get(url(1, "export")), 403, "permission_denied")
    assert_error(viewer.get(url(999_999, "export")), 404, "not_found")


def test_a_version_number_past_any_integer_is_404_not_an_error(
    business: APIClient, two_versions: Doc
) -> None:
    huge = 10**20
    assert_error(business.get(url(two_versions["id"], f"versions/{huge}")), 404, "not_found")
    assert_error(
        business.post(url(two_versions["id"], f"versions/{huge}/restore")), 404, "not_found"
    )
    assert_error(business.post(url(huge, "duplicate")), 404, "not_found")


def test_restoring_a_version_with_a_step_only_developers_may_use_is_403_for_business(
    developer: APIClient, business: APIClient, integration_doc: Doc, doc: Doc
) -> None:
    created = developer.post(WORKFLOWS, integration_doc, format="json").json()
    without = copy.deepcopy(integration_doc)
    without["steps"] = without["steps"][:2]
    assert developer.put(url(created["id"]), without, format="json").json()["version"] == 2

    assert_error(
        business.post(url(created["id"], "versions/1/restore")),
        403,
        "permission_denied",
        path="/steps/2/step_type",
    )
    assert WorkflowDefinition.objects.get(pk=created["id"]).version == 2
