"""A real conversation (issue 20, items 3 and 4): answers to the assistant's own questions
continue the request, every part of a request is acknowledged, and saved workflows are changed
in the chat ("Endre med AI") with the difference in words before a new version is saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ai_assistant.models import ChatSession
from ai_assistant.services import ai_confirm, ai_parse_description, ai_start_edit
from automation.models import WorkflowDefinition
from automation.services import WorkflowConflict, workflow_definition, workflow_update
from tests.ai_assistant.fake_llm import World, make_user, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def world() -> World:
    return make_world(customers=6, ordered=1)


@pytest.fixture
def business() -> Any:
    return make_user("berit", "business")


def test_a_one_word_answer_continues_the_request(world: World, business):
    asked = ai_parse_description(user=business, text="send skjema annenhver uke")
    answered = ai_parse_description(user=business, text="fredag kl 9", session_id=asked.session_id)

    assert asked.kind == "question"
    assert answered.kind == "workflow", answered.text
    config = answered.workflow["schedule"]["schedule_config"]
    assert (config["day"], config["time"], config["every_weeks"]) == ("friday", "09:00", 2)
    assert ChatSession.objects.get(pk=asked.session_id).pending is None


def test_an_answer_takes_the_place_of_the_unknown_group(world: World, business):
    asked = ai_parse_description(user=business, text="Skjema til bakeriene mandag kl 9")
    answered = ai_parse_description(user=business, text="kafeene da", session_id=asked.session_id)

    assert asked.kind == "question" and "bakeriene" in asked.text
    assert answered.kind == "workflow"
    assert answered.workflow["steps"][0]["action_config"]["recipients"] == {"group": "kafeer"}


def test_yes_to_a_question_that_offers_nothing_is_asked_again(world: World, business):
    asked = ai_parse_description(user=business, text="Lag noe lurt for kundene")
    again = ai_parse_description(user=business, text="ja", session_id=asked.session_id)

    assert asked.kind == again.kind == "question"


def test_what_could_not_be_read_is_said(world: World, business):
    reply = ai_parse_description(user=business, text="Send skjema mandag kl 9 og ring Per")

    assert reply.kind == "workflow"
    assert "Jeg forstod ikke «ring per»" in reply.text
    assert "Ingen tid oppgitt" not in reply.text  # 09:00 was given


def test_defaults_the_assistant_chose_are_said_on_the_first_draft(world: World, business):
    reply = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    assert "Ingen tid oppgitt for «Påminnelse»; bruker 15:00." in reply.text


def _saved(world: World, business: Any) -> WorkflowDefinition:
    first = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")
    return ai_confirm(user=business, session_id=first.session_id, activate=False)


def test_a_saved_workflow_is_changed_in_the_chat_as_a_new_version(world: World, business):
    workflow = _saved(world, business)
    start = ai_start_edit(user=business, workflow=workflow)

    moved = ai_parse_description(
        user=business, text="flytt påminnelsen til onsdag kl 12", session_id=start.session_id
    )
    added = ai_parse_description(
        user=business, text="legg til en påminnelse fredag", session_id=start.session_id
    )

    assert start.workflow == workflow_definition(workflow) and start.changes == []
    assert [c["text"] for c in moved.changes] == ["Påminnelse: torsdag 15:00 → onsdag 12:00"]
    assert "Endringer fra lagret versjon:" in moved.text
    assert any(c["kind"] == "step_added" for c in added.changes)
    saved = ai_confirm(user=business, session_id=start.session_id, activate=False)
    assert saved.pk == workflow.pk and saved.version == workflow.version + 1
    triggers = [s.trigger_config for s in saved.steps.order_by("step_order")]
    assert triggers == [
        {"day": "monday", "time": "09:00"},
        {"day": "wednesday", "time": "12:00"},
        {"day": "friday", "time": "15:00"},
    ]
    assert WorkflowDefinition.objects.count() == 1


def test_a_change_based_on_an_old_version_does_not_overwrite_a_newer_one(world, business):
    workflow = _saved(world, business)
    start = ai_start_edit(user=business, workflow=workflow)
    ai_parse_description(user=business, text="hopp over helligdager", session_id=start.session_id)
    newer = {**workflow_definition(workflow), "description": "Endret av noen andre"}
    workflow_update(workflow=workflow, data=newer, updated_by=business, expected_version=1)

    with pytest.raises(WorkflowConflict):
        ai_confirm(user=business, session_id=start.session_id, activate=False)

    workflow.refresh_from_db()
    assert workflow.version == 2 and workflow.description == "Endret av noen andre"


def test_the_workflow_page_opens_the_chat_on_the_workflow(world: World, business, client):
    workflow = _saved(world, business)
    client.force_login(business)

    page = client.get(reverse("automation:workflow-detail", args=[workflow.pk])).content.decode()
    response = client.post(reverse("ai_assistant:chat-edit", args=[workflow.pk]))

    assert 'id="action-edit-ai"' in page and "Endre med AI" in page
    session = ChatSession.objects.get(edit_of=workflow)
    assert response.status_code == 302 and response.url.endswith(f"?session={session.pk}")
    chat = client.get(response.url).content.decode()
    assert "Endrer" in chat and "Lagre som ny versjon" in chat
    assert "Ingen endringer ennå." in chat


def test_integrators_change_a_workflow_through_the_api(world: World, business) -> None:
    from rest_framework.test import APIClient

    workflow = _saved(world, business)
    client = APIClient()
    client.force_authenticate(business)
    base = "/api/v1/workflow-automation/ai/"

    started = client.post(base + "edit", {"workflow_id": workflow.pk}, format="json").json()
    changed = client.post(
        base + "parse-description",
        {"text": "move the reminder to Wednesday at noon", "session_id": started["session_id"]},
        format="json",
    ).json()
    saved = client.post(base + "confirm", {"session_id": started["session_id"]}, format="json")

    assert changed["changes"][0]["text"].startswith("Påminnelse: ")
    assert saved.status_code == 201 and saved.json()["version"] == 2


def test_yes_to_email_instead_of_a_call_continues_with_an_email(world: World, business):
    asked = ai_parse_description(
        user=business, text="send skjema til kafeene mandag kl 9 og ring dem på fredag kl 10"
    )
    answered = ai_parse_description(user=business, text="ja", session_id=asked.session_id)

    assert asked.kind == "question"
    assert answered.kind == "workflow", answered.text
    steps = answered.workflow["steps"]
    assert [s["step_type"] for s in steps] == ["send_email", "send_email"]
    assert steps[1]["trigger_config"] == {"day": "friday", "time": "10:00"}


def test_yes_to_running_all_year_keeps_the_days(world: World, business):
    asked = ai_parse_description(
        user=business, text="Send skjema til kafeene hver mandag i sommer kl 9"
    )
    answered = ai_parse_description(user=business, text="ja", session_id=asked.session_id)

    # A season is asked about ("hver mandag i mai kl 9", one month, is a cron schedule).
    assert asked.kind == "question" and "sommer" in asked.text
    assert answered.kind == "workflow", answered.text
    config = answered.workflow["schedule"]["schedule_config"]
    assert (config["day"], config["time"]) == ("monday", "09:00")
