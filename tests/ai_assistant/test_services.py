"""The assistant's services on the offline provider: chat turns, follow-ups, questions,
confirming drafts, scripts. (The LLM providers are covered in test_providers.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from ai_assistant.models import AIRequestLog, ChatMessage, ChatSession
from ai_assistant.services import (
    AssistantError,
    ai_confirm,
    ai_execute_script,
    ai_parse_description,
)
from automation.models import Integration, WorkflowDefinition
from automation.policy import WorkflowPermissionError
from automation.services import workflow_definition
from tests.ai_assistant.fake_llm import World, make_user, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def world() -> World:
    return make_world()


@pytest.fixture
def business() -> Any:
    return make_user("berit", "business")


@pytest.fixture
def developer() -> Any:
    return make_user("dag", "developer")


def test_description_becomes_a_previewed_draft(world: World, business):
    reply = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    assert reply.kind == "workflow" and reply.provider == "offline" and reply.language == "nb"
    steps = reply.workflow["steps"]
    assert [s["trigger_config"] for s in steps] == [
        {"day": "monday", "time": "09:00"},
        {"day": "thursday", "time": "15:00"},
    ]
    assert steps[0]["action_config"]["template_id"] == world.order_form.pk
    assert steps[1]["action_config"]["template_id"] == world.reminder.pk
    assert steps[1]["condition_config"] == {"check": "orders_missing", "since": "execution_start"}
    previews = [line.text for line in reply.preview]
    assert previews[1] == "Hver mandag kl. 09:00 (Europe/Oslo)"
    assert previews[2] == "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (25)"
    assert previews[3].startswith(
        "Torsdag 15:00 \N{EN DASH} Send Påminnelse til alle kunder som ikke"
    )
    assert previews[3].endswith("(20)")
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema" in reply.text

    session = ChatSession.objects.get(pk=reply.session_id)
    assert session.user == business and session.language == "nb"
    assert session.title == "Send skjema mandag, påminnelse torsdag"
    assert session.current_draft == reply.workflow
    assert list(session.messages.values_list("role", flat=True)) == ["user", "assistant"]
    assert not WorkflowDefinition.objects.exists(), "nothing is saved before confirming"
    log = AIRequestLog.objects.get()
    assert (log.provider, log.model, log.status, log.session_id) == (
        "offline",
        "offline-parser",
        "ok",
        session.pk,
    )


def test_follow_up_moves_the_reminder(world: World, business):
    first = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    second = ai_parse_description(
        user=business, text="flytt påminnelsen til onsdag kl 12", session_id=first.session_id
    )

    assert second.kind == "workflow" and second.session_id == first.session_id
    steps = second.workflow["steps"]
    assert steps[0] == first.workflow["steps"][0]
    assert steps[1]["trigger_config"] == {"day": "wednesday", "time": "12:00"}
    assert steps[1]["condition_config"] == first.workflow["steps"][1]["condition_config"]
    assert second.preview[3].text.startswith("Onsdag 12:00 \N{EN DASH} Send Påminnelse")
    assert second.text.startswith("Flyttet «Påminnelse» til onsdag 12:00.")
    session = ChatSession.objects.get(pk=first.session_id)
    assert session.current_draft == second.workflow
    assert session.messages.count() == 4


def test_follow_up_changes_the_group(world: World, business):
    first = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    second = ai_parse_description(
        user=business, text="send det bare til kafeene", session_id=first.session_id
    )

    assert [s["action_config"]["recipients"] for s in second.workflow["steps"]] == [
        {"group": "kafeer"},
        {"group": "kafeer"},
    ]
    assert second.preview[2].text.endswith("til gruppen Kafeer (5)")


def test_follow_up_with_an_unknown_group_asks(world: World, business):
    first = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    second = ai_parse_description(
        user=business, text="send det bare til frisørene", session_id=first.session_id
    )

    assert second.kind == "question" and "frisørene" in second.text
    assert ChatSession.objects.get(pk=first.session_id).current_draft == first.workflow


def test_a_new_description_in_the_same_session_replaces_the_draft(world: World, business):
    first = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    second = ai_parse_description(
        user=business,
        text="Hver dag kl 06:00 send dagens tilbud til kafeene",
        session_id=first.session_id,
    )

    assert second.kind == "workflow"
    assert second.workflow["schedule"]["schedule_type"] == "daily"


def test_unclear_text_is_a_question_and_creates_nothing(world: World, business):
    reply = ai_parse_description(user=business, text="Kjøp melk")

    assert reply.kind == "question" and reply.workflow is None and reply.preview == []
    assert reply.text.endswith("?")
    session = ChatSession.objects.get(pk=reply.session_id)
    assert session.current_draft is None
    assert list(session.messages.values_list("role", "content")) == [
        ("user", "Kjøp melk"),
        ("assistant", reply.text),
    ]
    assert not WorkflowDefinition.objects.exists()
    with pytest.raises(AssistantError):
        ai_confirm(user=business, session_id=reply.session_id, activate=False)


def test_english_description_gets_an_english_preview(world: World, business):
    reply = ai_parse_description(
        user=business, text="Every Thursday at 4pm send the order form to the shops group"
    )

    assert reply.kind == "workflow" and reply.language == "en"
    assert reply.preview[1].text == "Every Thursday at 16:00 (Europe/Oslo)"
    assert reply.preview[2].text.endswith("to the group Butikker (20)")


def test_confirm_creates_a_draft_for_a_business_user(world: World, business):
    reply = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    workflow = ai_confirm(user=business, session_id=reply.session_id, activate=False)

    assert workflow.status == "draft" and not workflow.is_active
    assert workflow.created_by == business
    assert workflow_definition(workflow) == reply.workflow
    assert workflow.schedule.next_run is None
    session = ChatSession.objects.get(pk=reply.session_id)
    assert session.workflow == workflow
    assert session.messages.last().role == "system"
    assert "lagret som utkast" in session.messages.last().content

    again = ai_confirm(user=business, session_id=reply.session_id, activate=False)
    assert again.pk == workflow.pk and WorkflowDefinition.objects.count() == 1


def test_a_business_user_may_not_activate(world: World, business):
    reply = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    with pytest.raises(PermissionDenied):
        ai_confirm(user=business, session_id=reply.session_id, activate=True)
    assert not WorkflowDefinition.objects.exists()


def test_a_developer_confirms_an_active_workflow(world: World, developer):
    reply = ai_parse_description(user=developer, text="Send skjema mandag, påminnelse torsdag")

    workflow = ai_confirm(user=developer, session_id=reply.session_id, activate=True)

    workflow.refresh_from_db()
    assert workflow.status == "active" and workflow.is_active
    assert workflow.schedule.next_run is not None
    assert "aktivert" in ChatMessage.objects.filter(session_id=reply.session_id).last().content


def test_confirming_after_a_refinement_saves_the_refined_draft(world: World, developer):
    first = ai_parse_description(user=developer, text="Send skjema mandag, påminnelse torsdag")
    saved = ai_confirm(user=developer, session_id=first.session_id, activate=False)
    ai_parse_description(
        user=developer, text="flytt påminnelsen til onsdag kl 12", session_id=first.session_id
    )

    refined = ai_confirm(user=developer, session_id=first.session_id, activate=False)

    assert refined.pk != saved.pk
    assert refined.steps.get(step_order=2).trigger_config == {"day": "wednesday", "time": "12:00"}


def test_sessions_belong_to_their_user(world: World, business, developer):
    reply = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")

    with pytest.raises(AssistantError) as excinfo:
        ai_parse_description(user=developer, text="flytt til onsdag", session_id=reply.session_id)
    assert excinfo.value.errors[0]["code"] == "unknown_session"
    with pytest.raises(AssistantError):
        ai_confirm(user=developer, session_id=reply.session_id, activate=False)
    # The refused attempt wrote nothing into the other user's conversation.
    assert ChatMessage.objects.filter(session_id=reply.session_id).count() == 2


def test_empty_text_is_refused(business):
    with pytest.raises(AssistantError) as excinfo:
        ai_parse_description(user=business, text="   ")
    assert excinfo.value.errors[0]["path"] == "/text"
    assert not ChatSession.objects.exists()


def test_a_broken_provider_setting_keeps_the_message(settings: Any, world: World, business):
    settings.AI_PROVIDER = "nonsense"

    reply = ai_parse_description(user=business, text="Send skjema mandag")

    assert reply.kind == "error" and reply.errors[0]["code"] == "provider_unavailable"
    assert ChatMessage.objects.filter(session_id=reply.session_id, role="user").count() == 1


# --- Scripts ----------------------------------------------------------------------------------

SCRIPT = """
flow = workflow("Ukentlig bestilling", schedule=weekly("monday", "09:00"))
flow.send_email(template="Bestillingsskjema", to=group("all"), when=on("monday", "09:00"))
flow.send_email(template="Påminnelse", to=group("all"), when=on("thursday", "15:00"),
                condition=orders_missing(since="execution_start"))
"""


def test_script_compiles_validates_and_previews(world: World, developer):
    reply = ai_execute_script(user=developer, language="python", source=SCRIPT)

    assert reply.is_valid, reply.errors
    assert reply.workflow["steps"][1]["action_config"]["template_id"] == world.reminder.pk
    assert (
        reply.preview[2].text
        == "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (25)"
    )


def test_script_errors_carry_line_and_column(world: World, developer):
    reply = ai_execute_script(user=developer, language="python", source="import os\n")

    assert reply.workflow is None
    assert reply.errors and reply.errors[0]["line"] == 1 and "column" in reply.errors[0]


def test_script_with_unknown_template_reports_validator_errors(world: World, developer):
    source = SCRIPT.replace('template="Påminnelse"', 'template="Finnes ikke"')

    reply = ai_execute_script(user=developer, language="python", source=source)

    assert [e["code"] for e in reply.errors] == ["unknown_template"]


def test_script_goes_through_the_same_policy(world: World, developer):
    metadata = Integration.objects.create(name="Metadata", base_url="http://169.254.169.254/")
    source = (
        'workflow("Hent", schedule=daily("06:00")).call_integration('
        f'integration={metadata.pk}, method="GET", path="latest")'
    )

    reply = ai_execute_script(user=developer, language="python", source=source)

    assert [e["code"] for e in reply.errors] == ["integration_address_not_allowed"]


def test_script_draft_can_be_confirmed_through_a_session(world: World, developer):
    session = ChatSession.objects.create(user=developer)

    reply = ai_execute_script(
        user=developer, language="python", source=SCRIPT, session_id=session.pk
    )
    workflow = ai_confirm(user=developer, session_id=session.pk, activate=False)

    assert workflow_definition(workflow) == reply.workflow


def test_confirm_rechecks_the_policy(world: World, business):
    erp = Integration.objects.create(name="ERP", base_url="https://93.184.215.14/api")
    session = ChatSession.objects.create(
        user=business,
        current_draft={
            "name": "Hent",
            "workflow_type": "scheduled",
            "schedule": {"schedule_type": "daily", "schedule_config": {"time": "06:00"}},
            "steps": [
                {
                    "step_type": "call_integration",
                    "action_config": {"integration_id": erp.pk, "method": "GET"},
                }
            ],
        },
    )

    with pytest.raises(WorkflowPermissionError) as excinfo:
        ai_confirm(user=business, session_id=session.pk, activate=False)
    assert excinfo.value.errors[0]["code"] == "permission_denied"
    assert not WorkflowDefinition.objects.exists()


def test_staff_read_prompts_and_answers_in_the_admin(world: World, business, admin_client):
    reply = ai_parse_description(user=business, text="Send skjema mandag, påminnelse torsdag")
    log = AIRequestLog.objects.get()

    changelist = admin_client.get("/admin/ai_assistant/airequestlog/")
    detail = admin_client.get(f"/admin/ai_assistant/airequestlog/{log.pk}/change/")
    session_page = admin_client.get(f"/admin/ai_assistant/chatsession/{reply.session_id}/change/")

    assert changelist.status_code == 200 and "offline-parser" in changelist.text
    assert detail.status_code == 200 and "Send skjema mandag" in detail.text
    assert session_page.status_code == 200 and "Send skjema mandag" in session_page.text
    # History is read-only: nobody adds or edits a request log by hand.
    assert admin_client.get("/admin/ai_assistant/airequestlog/add/").status_code == 403
