"""The real openai and anthropic SDKs against a loopback server speaking their protocols.

Each test scripts what "the model" answers and checks what the user gets, what is stored
and what the SDK sent: the happy path, malformed JSON and the repair round, truncated
answers, 429 then success, timeouts, and schema-valid but dangerous answers that the
validator and the policy refuse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from ai_assistant.models import AIRequestLog, ChatMessage, ChatSession
from ai_assistant.providers import (
    AnthropicProvider,
    OfflineProvider,
    OpenAIProvider,
    get_provider,
)
from ai_assistant.services import ai_parse_description
from automation.models import Integration, WorkflowDefinition
from tests.ai_assistant.fake_llm import (
    FakeLLM,
    Reply,
    World,
    anthropic_text,
    anthropic_tool_use,
    make_user,
    make_world,
    openai_completion,
    rate_limited,
    running_example,
)

pytestmark = pytest.mark.django_db

TEXT = "Send bestillingsskjema mandag kl 09, påminnelse torsdag kl 15 til dem som ikke har bestilt"
OPENAI_KEY = "sk-test-0123456789"
ANTHROPIC_KEY = "sk-ant-test-0123456789"


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    with FakeLLM() as server:
        yield server


@pytest.fixture
def world() -> World:
    return make_world()


@pytest.fixture
def business() -> Any:
    return make_user("berit", "business")


@pytest.fixture
def developer() -> Any:
    return make_user("dag", "developer")


@pytest.fixture
def use_openai(settings: Any, llm: FakeLLM) -> FakeLLM:
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = OPENAI_KEY
    settings.OPENAI_BASE_URL = llm.openai_url
    settings.OPENAI_MODEL = "gpt-test"
    settings.AI_TIMEOUT_S = 5.0
    settings.AI_MAX_RETRIES = 1
    return llm


@pytest.fixture
def use_anthropic(settings: Any, llm: FakeLLM) -> FakeLLM:
    settings.AI_PROVIDER = "anthropic"
    settings.ANTHROPIC_API_KEY = ANTHROPIC_KEY
    settings.ANTHROPIC_BASE_URL = llm.anthropic_url
    settings.ANTHROPIC_MODEL = "claude-test"
    settings.AI_TIMEOUT_S = 5.0
    settings.AI_MAX_RETRIES = 1
    return llm


def openai_answer(workflow: dict[str, Any] | None = None, question: str | None = None) -> Reply:
    return openai_completion({"question": question, "workflow": workflow})


def assert_nothing_offered(reply: Any, session_id: int) -> None:
    assert reply.workflow is None and reply.preview == []
    assert ChatSession.objects.get(pk=session_id).current_draft is None
    assert not WorkflowDefinition.objects.exists()


def user_messages(session_id: int) -> list[str]:
    return list(
        ChatMessage.objects.filter(session_id=session_id, role="user").values_list(
            "content", flat=True
        )
    )


def dangerous_cron(world: World) -> dict[str, Any]:
    workflow = running_example(world)
    workflow["schedule"] = {"schedule_type": "cron", "schedule_config": {"expression": "* * * * *"}}
    workflow["steps"] = workflow["steps"][:1]
    workflow["steps"][0]["trigger_type"] = "immediate"
    del workflow["steps"][0]["trigger_config"]
    return workflow


def integration_call(integration: Integration) -> dict[str, Any]:
    return {
        "name": "Hent data",
        "workflow_type": "scheduled",
        "schedule": {"schedule_type": "daily", "schedule_config": {"time": "06:00"}},
        "steps": [
            {
                "step_type": "call_integration",
                "action_config": {
                    "integration_id": integration.pk,
                    "method": "GET",
                    "path": "latest/meta-data/iam/security-credentials/",
                },
            }
        ],
    }


# --- Choosing a provider ----------------------------------------------------------------------


def test_provider_defaults_follow_the_keys(settings: Any):
    settings.AI_PROVIDER = ""
    settings.OPENAI_API_KEY = ""
    settings.ANTHROPIC_API_KEY = ""
    assert isinstance(get_provider(), OfflineProvider)
    settings.ANTHROPIC_API_KEY = ANTHROPIC_KEY
    assert isinstance(get_provider(), AnthropicProvider)
    settings.OPENAI_API_KEY = OPENAI_KEY
    assert isinstance(get_provider(), OpenAIProvider)
    settings.AI_PROVIDER = "offline"
    assert isinstance(get_provider(), OfflineProvider)


def test_unknown_provider_setting_is_an_error(settings: Any):
    settings.AI_PROVIDER = "gemini"
    with pytest.raises(ValueError, match="AI_PROVIDER"):
        get_provider()


# --- OpenAI -----------------------------------------------------------------------------------


def test_openai_good_answer_gives_preview_and_draft(use_openai: FakeLLM, world: World, business):
    use_openai.queue(openai_answer(running_example(world)))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow" and reply.provider == "openai"
    assert [line.text for line in reply.preview] == [
        "Ukentlig bestilling",
        "Hver mandag kl. 09:00 (Europe/Oslo)",
        "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (25)",
        "Torsdag 15:00 \N{EN DASH} Send Påminnelse til alle kunder som ikke har bestilt siden "
        "kjøringen startet (20)",
    ]
    session = ChatSession.objects.get(pk=reply.session_id)
    assert session.current_draft == reply.workflow
    assert reply.workflow["steps"][1]["condition_config"]["check"] == "orders_missing"
    roles = list(session.messages.values_list("role", flat=True))
    assert roles == ["user", "assistant"]
    assert session.messages.last().workflow == reply.workflow

    # What the SDK sent: the endpoint, our key, the prompt with context, the schema.
    (request,) = use_openai.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    body = request.body
    assert body["model"] == "gpt-test"
    system = body["messages"][0]
    assert system["role"] == "system"
    for expected in ("Bestillingsskjema", "Påminnelse", "kategori reminder", "kafeer", "Butikker"):
        assert expected in system["content"]
    assert "Europe/Oslo" in system["content"] and "I dag er det" in system["content"]
    assert body["messages"][-1] == {"role": "user", "content": TEXT}
    response_format = body["response_format"]
    assert response_format["type"] == "json_schema"
    schema = response_format["json_schema"]["schema"]
    assert set(schema["properties"]) == {"question", "workflow"}
    assert "Step" in schema["$defs"] and "SendEmailConfig" in schema["$defs"]
    assert "allOf" not in json.dumps(schema), "OpenAI-compatible schema has no conditionals"

    (log,) = AIRequestLog.objects.all()
    assert (log.provider, log.model, log.status, log.attempt) == ("openai", "gpt-test", "ok", 1)
    assert (log.input_tokens, log.output_tokens) == (1200, 340)
    assert log.latency_ms >= 0 and log.session_id == session.pk
    assert log.prompt["messages"][-1]["content"] == TEXT
    assert OPENAI_KEY not in json.dumps(log.prompt) + log.response


def test_openai_malformed_json_is_repaired_once(use_openai: FakeLLM, world: World, business):
    use_openai.queue(
        openai_completion('{"workflow": {"name": "Ukentlig bestilling", "steps": [}'),
        openai_answer(running_example(world)),
    )

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow"
    assert len(use_openai.requests) == 2
    repair = use_openai.requests[1].body["messages"]
    assert repair[-2]["role"] == "assistant" and repair[-2]["content"].startswith('{"workflow"')
    assert repair[-1]["role"] == "user" and "not valid JSON" in repair[-1]["content"]
    logs = list(AIRequestLog.objects.order_by("attempt").values_list("attempt", "error"))
    assert logs[0][0] == 1 and logs[0][1].startswith("malformed")
    assert logs[1] == (2, "")


def test_openai_malformed_twice_gives_a_clear_message(use_openai: FakeLLM, world, business):
    use_openai.queue(openai_completion("Beklager, her er noe: {"), openai_completion("```"))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "error"
    assert "ugyldig JSON" in reply.text
    assert reply.errors[0]["code"] == "malformed_answer"
    assert_nothing_offered(reply, reply.session_id)
    assert user_messages(reply.session_id) == [TEXT]


def test_openai_validation_errors_are_fed_back(use_openai: FakeLLM, world: World, business):
    wrong = running_example(world)
    wrong["steps"][1]["action_config"]["template_id"] = 999
    use_openai.queue(openai_answer(wrong), openai_answer(running_example(world)))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow"
    feedback = use_openai.requests[1].body["messages"][-1]["content"]
    assert "/steps/1/action_config/template_id (unknown_template)" in feedback


def test_openai_still_invalid_after_repair_offers_nothing(use_openai, world: World, business):
    wrong = running_example(world)
    wrong["steps"][0]["action_config"]["recipients"] = {"group": "frisorer"}
    use_openai.queue(openai_answer(wrong), openai_answer(wrong))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "error"
    assert [e["code"] for e in reply.errors] == ["unknown_group"]
    assert "Jeg klarte ikke" in reply.text
    assert_nothing_offered(reply, reply.session_id)


def test_openai_truncated_answer(use_openai: FakeLLM, world: World, business):
    use_openai.queue(openai_completion('{"workflow": {"name": "Ukent', finish_reason="length"))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "error"
    assert "kuttet av" in reply.text
    assert reply.errors[0]["code"] == "provider_truncated"
    assert len(use_openai.requests) == 1, "a truncated answer is not retried"
    assert_nothing_offered(reply, reply.session_id)
    log = AIRequestLog.objects.get()
    assert log.status == "error" and log.output_tokens == 340


def test_openai_429_then_success(use_openai: FakeLLM, world: World, business):
    use_openai.queue(rate_limited("openai"), openai_answer(running_example(world)))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow"
    assert len(use_openai.requests) == 2, "the SDK retried once, honouring Retry-After"


def test_openai_429_without_retries_left(use_openai: FakeLLM, settings, world, business):
    settings.AI_MAX_RETRIES = 0
    use_openai.queue(rate_limited("openai"))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "error" and reply.errors[0]["code"] == "provider_rate_limited"
    assert "for mange forespørsler" in reply.text
    assert user_messages(reply.session_id) == [TEXT]
    message = ChatMessage.objects.filter(session_id=reply.session_id).last()
    assert message.role == "system"


def test_openai_timeout_keeps_the_users_message(use_openai: FakeLLM, settings, world, business):
    settings.AI_TIMEOUT_S = 0.3
    settings.AI_MAX_RETRIES = 0
    use_openai.queue(Reply(body={}, delay_s=1.5))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "error" and reply.errors[0]["code"] == "provider_timeout"
    assert "svarte ikke i tide" in reply.text
    assert user_messages(reply.session_id) == [TEXT]
    log = AIRequestLog.objects.get()
    assert log.status == "error" and log.error.startswith("timeout")
    assert 250 <= log.latency_ms < 1500


def test_openai_server_error(use_openai: FakeLLM, settings, world, business):
    settings.AI_MAX_RETRIES = 0
    use_openai.queue(Reply(status=500, body={"error": {"message": "boom"}}))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.errors[0]["code"] == "provider_server"
    assert "svarte med en feil" in reply.text


def test_openai_question(use_openai: FakeLLM, world: World, business):
    use_openai.queue(openai_answer(question="Hva skal skje, og når?"))

    reply = ai_parse_description(user=business, text="Kjøp melk")

    assert reply.kind == "question" and reply.text == "Hva skal skje, og når?"
    assert_nothing_offered(reply, reply.session_id)


def test_openai_follow_up_gets_the_draft_and_the_history(use_openai, world: World, business):
    first = running_example(world)
    moved = running_example(world)
    moved["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    use_openai.queue(openai_answer(first), openai_answer(moved))

    reply = ai_parse_description(user=business, text=TEXT)
    follow_up = ai_parse_description(
        user=business, text="flytt påminnelsen til onsdag kl 12", session_id=reply.session_id
    )

    assert follow_up.kind == "workflow"
    assert follow_up.workflow["steps"][1]["trigger_config"] == {
        "day": "wednesday",
        "time": "12:00",
    }
    body = use_openai.requests[1].body
    assert "Brukeren redigerer dette utkastet" in body["messages"][0]["content"]
    assert '"thursday"' in body["messages"][0]["content"]
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]
    assert body["messages"][1]["content"] == TEXT


# --- Dangerous but schema-valid answers ---------------------------------------------------------


def test_every_minute_email_is_refused_without_repair(use_openai: FakeLLM, world, business):
    use_openai.queue(openai_answer(dangerous_cron(world)))

    reply = ai_parse_description(user=business, text="Send skjema til alle hvert minutt")

    assert reply.kind == "error"
    assert [e["code"] for e in reply.errors] == ["schedule_too_frequent"]
    assert "Jeg kan ikke lage denne arbeidsflyten" in reply.text
    assert len(use_openai.requests) == 1, "a refusal is not 'repaired' into something else"
    assert_nothing_offered(reply, reply.session_id)


def test_integration_to_cloud_metadata_is_refused(use_openai: FakeLLM, world, developer):
    # Written directly: integration_create would refuse this base URL, but an old or
    # hand-edited row must still not be reachable through the assistant.
    metadata = Integration.objects.create(name="Metadata", base_url="http://169.254.169.254/")
    use_openai.queue(openai_answer(integration_call(metadata)))

    reply = ai_parse_description(user=developer, text="Hent data fra Metadata hver dag kl 6")

    assert reply.kind == "error"
    assert [e["code"] for e in reply.errors] == ["integration_address_not_allowed"]
    assert_nothing_offered(reply, reply.session_id)


def test_integration_for_a_business_user_is_refused(use_openai: FakeLLM, world, business):
    erp = Integration.objects.create(name="ERP", base_url="https://erp.example.com/api")
    use_openai.queue(openai_answer(integration_call(erp)))

    reply = ai_parse_description(user=business, text="Hent data fra ERP hver dag kl 6")

    assert [e["code"] for e in reply.errors] == ["permission_denied"]
    assert_nothing_offered(reply, reply.session_id)
    # Business users are not even told which integrations exist.
    assert "ERP" not in use_openai.requests[0].body["messages"][0]["content"]


def test_integration_for_a_developer_to_a_public_address_is_offered(
    use_openai: FakeLLM, world, developer
):
    erp = Integration.objects.create(name="ERP", base_url="https://93.184.215.14/api")
    use_openai.queue(openai_answer(integration_call(erp)))

    reply = ai_parse_description(user=developer, text="Hent data fra ERP hver dag kl 6")

    assert reply.kind == "workflow", reply.errors
    assert "id " + str(erp.pk) + ": «ERP»" in use_openai.requests[0].body["messages"][0]["content"]


# --- Anthropic --------------------------------------------------------------------------------


def test_anthropic_good_answer_gives_preview_and_draft(use_anthropic, world: World, business):
    use_anthropic.queue(anthropic_tool_use("create_workflow", running_example(world)))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow" and reply.provider == "anthropic"
    assert (
        reply.preview[2].text
        == "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (25)"
    )
    assert ChatSession.objects.get(pk=reply.session_id).current_draft == reply.workflow

    (request,) = use_anthropic.requests
    assert request.path == "/v1/messages"
    # Older SDKs send x-api-key, newer ones a bearer token: either way our key, only there.
    auth = request.headers.get("x-api-key") or request.headers["authorization"]
    assert auth in (ANTHROPIC_KEY, f"Bearer {ANTHROPIC_KEY}")
    body = request.body
    assert body["model"] == "claude-test"
    assert "Bestillingsskjema" in body["system"] and "kafeer" in body["system"]
    assert body["messages"] == [{"role": "user", "content": TEXT}]
    tools = {tool["name"]: tool for tool in body["tools"]}
    assert set(tools) == {"create_workflow", "ask_question"}
    assert tools["create_workflow"]["input_schema"]["properties"]["steps"]["type"] == "array"
    assert body["tool_choice"] == {"type": "any"}

    log = AIRequestLog.objects.get()
    assert (log.provider, log.model, log.input_tokens, log.output_tokens) == (
        "anthropic",
        "claude-test",
        1500,
        410,
    )


def test_anthropic_text_instead_of_a_tool_is_repaired(use_anthropic, world: World, business):
    use_anthropic.queue(
        anthropic_text("Her er arbeidsflyten: {name: Ukentlig"),
        anthropic_tool_use("create_workflow", running_example(world)),
    )

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow"
    repair = use_anthropic.requests[1].body["messages"]
    assert [m["role"] for m in repair] == ["user", "assistant", "user"]
    assert "create_workflow" in repair[-1]["content"]


def test_anthropic_max_tokens_is_a_clear_message(use_anthropic, world: World, business):
    use_anthropic.queue(
        anthropic_tool_use("create_workflow", {"name": "Ukent"}, stop_reason="max_tokens")
    )

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.errors[0]["code"] == "provider_truncated"
    assert "kuttet av" in reply.text
    assert_nothing_offered(reply, reply.session_id)


def test_anthropic_429_then_success(use_anthropic, world: World, business):
    use_anthropic.queue(
        rate_limited("anthropic"), anthropic_tool_use("create_workflow", running_example(world))
    )

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.kind == "workflow"
    assert len(use_anthropic.requests) == 2


def test_anthropic_timeout_keeps_the_users_message(use_anthropic, settings, world, business):
    settings.AI_TIMEOUT_S = 0.3
    settings.AI_MAX_RETRIES = 0
    use_anthropic.queue(Reply(body={}, delay_s=1.5))

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.errors[0]["code"] == "provider_timeout"
    assert user_messages(reply.session_id) == [TEXT]


def test_anthropic_question_tool(use_anthropic, world: World, business):
    use_anthropic.queue(anthropic_tool_use("ask_question", {"question": "Når skal det skje?"}))

    reply = ai_parse_description(user=business, text="Kjøp melk")

    assert reply.kind == "question" and reply.text == "Når skal det skje?"
    assert_nothing_offered(reply, reply.session_id)


def test_anthropic_every_minute_email_is_refused(use_anthropic, world: World, business):
    use_anthropic.queue(anthropic_tool_use("create_workflow", dangerous_cron(world)))

    reply = ai_parse_description(user=business, text="Send skjema til alle hvert minutt")

    assert [e["code"] for e in reply.errors] == ["schedule_too_frequent"]
    assert_nothing_offered(reply, reply.session_id)


def test_anthropic_overloaded_is_reported_as_busy(use_anthropic, settings, world, business):
    settings.AI_MAX_RETRIES = 0
    use_anthropic.queue(
        Reply(
            status=529,
            body={"type": "error", "error": {"type": "overloaded_error", "message": "busy"}},
        )
    )

    reply = ai_parse_description(user=business, text=TEXT)

    assert reply.errors[0]["code"] == "provider_rate_limited"
