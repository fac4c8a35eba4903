"""The AI routes: roles, the offline parser through the API, and script errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ai_assistant.models import ChatSession
from automation.models import WorkflowDefinition
from templates_app.models import EmailTemplate
from tests.api_data.conftest import error_paths, url
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

Api = Callable[[str | None], Any]

SCRIPT = """
flow = workflow("Ukentlig bestilling", schedule=weekly("monday", "09:00"))
flow.send_email(template="Bestillingsskjema", to=group("all"), when=on("monday", "09:00"))
flow.send_email(template="Påminnelse", to=group("all"), when=on("thursday", "15:00"),
                condition=orders_missing(since="execution_start"))
"""


@pytest.fixture(autouse=True)
def _offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def templates() -> None:
    EmailTemplateFactory(name="Bestillingsskjema", category="bestilling")
    EmailTemplateFactory(name="Påminnelse", category="reminder")


def test_business_gets_a_draft_from_a_description(api: Api, templates: None) -> None:
    response = api("business").post(
        url("ai/parse-description"),
        {
            "text": "Send bestillingsskjema mandag kl 09, påminnelse torsdag kl 15 til dem som "
            "ikke har bestilt"
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["kind"] == "workflow"
    assert body["workflow"]["workflow_type"] == "scheduled"
    assert ChatSession.objects.filter(pk=body["session_id"]).exists()
    assert not WorkflowDefinition.objects.exists()  # a draft, not a workflow


def test_parse_description_errors(api: Api) -> None:
    client = api("business")

    empty = client.post(url("ai/parse-description"), {"text": ""}, format="json")
    unknown_session = client.post(
        url("ai/parse-description"),
        {"text": "Send skjema mandag", "session_id": 999999},
        format="json",
    )

    assert empty.status_code == 400
    assert "/text" in error_paths(empty)
    assert unknown_session.status_code == 400
    assert error_paths(unknown_session) == {"/session_id": "unknown_session"}


def test_viewer_cannot_use_the_assistant_and_anonymous_gets_401(api: Api) -> None:
    body = {"text": "Send skjema mandag"}

    assert api("viewer").post(url("ai/parse-description"), body, format="json").status_code == 403
    assert api(None).post(url("ai/parse-description"), body, format="json").status_code == 401


def test_developer_compiles_a_script(api: Api, templates: None) -> None:
    response = api("developer").post(
        url("ai/execute-script"), {"language": "python", "source": SCRIPT}, format="json"
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["errors"] == []
    assert [s["step_order"] for s in body["workflow"]["steps"]] == [1, 2]
    assert body["preview"]


def test_script_errors_are_400_with_line_and_column(api: Api) -> None:
    response = api("developer").post(
        url("ai/execute-script"), {"language": "python", "source": "import os\n"}, format="json"
    )

    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["line"] == 1
    assert "column" in error


def test_scripts_are_for_developers_only(api: Api) -> None:
    body = {"language": "python", "source": SCRIPT}

    assert api("business").post(url("ai/execute-script"), body, format="json").status_code == 403
    assert api("viewer").post(url("ai/execute-script"), body, format="json").status_code == 403
    bad_language = api("developer").post(
        url("ai/execute-script"), {"language": "ruby", "source": "x"}, format="json"
    )
    assert bad_language.status_code == 400
    assert error_paths(bad_language) == {"/language": "invalid_choice"}


def test_the_api_offers_confirms_and_swaps_proposals(api: Api, templates: None) -> None:
    client = api("business")
    reply = client.post(
        url("ai/parse-description"),
        {"text": "Hver fredag kl 10 send prislisten til alle"},
        format="json",
    ).json()
    assert [p["name"] for p in reply["new_templates"]] == ["Prisliste"]

    swapped = client.post(
        url("ai/use-template"),
        {"session_id": reply["session_id"], "name": "Prisliste", "template_id": 999999},
        format="json",
    )
    assert swapped.status_code == 400
    assert swapped.json()["errors"][0]["path"] == "/template_id"

    created = client.post(url("ai/confirm"), {"session_id": reply["session_id"]}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["status"] == "draft"
    assert EmailTemplate.objects.get(name="Prisliste").needs_review
