"""The providers that turn a conversation into a workflow: OpenAI, Anthropic, offline.

Each provider gets a ``Conversation`` (system prompt, chat turns, the schema) and returns a
``ProviderAnswer``: a workflow dict, or a question, or a ``parse_error`` when the model's
output was not the JSON object we asked for (the services then run the repair round). Failures
of the service itself (timeout, 429, 5xx, a truncated answer) raise ``ProviderError`` with a
``kind`` the services turn into a clear message for the user.

This module is the one seam to the outside world for the assistant; tests point the official
SDKs at a loopback server through ``OPENAI_BASE_URL`` / ``ANTHROPIC_BASE_URL``. API keys are
passed to the SDK clients and nowhere else: never logged, never part of a ``ProviderAnswer``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Protocol

from django.conf import settings

from ai_assistant.context import ParseContext
from ai_assistant.offline.conversation import Pending, follow_up
from ai_assistant.prompts import (
    ANSWER_SCHEMA_NAME,
    QUESTION_TOOL,
    WORKFLOW_TOOL,
    anthropic_tools,
    openai_response_schema,
)

__all__ = [
    "AnthropicProvider",
    "Conversation",
    "OfflineProvider",
    "OpenAIProvider",
    "Provider",
    "ProviderAnswer",
    "ProviderError",
    "get_provider",
]

logger = logging.getLogger(__name__)

ErrorKind = Literal[
    "timeout", "rate_limited", "connection", "auth", "bad_request", "server", "truncated", "refused"
]


@dataclass
class Conversation:
    """One request: what every provider needs, whichever parts it uses."""

    system: str
    # Chat turns, oldest first, alternating user/assistant and ending with the user.
    messages: list[dict[str, str]]
    schema: dict[str, Any]
    # The offline provider reads these instead of the prompt.
    text: str = ""
    draft: dict[str, Any] | None = None
    context: ParseContext | None = None
    #: What the assistant's last question left open (``offline.conversation.Pending``).
    pending: dict[str, Any] | None = None
    #: The draft is a saved workflow being changed ("Endre med AI").
    editing: bool = False

    def for_log(self) -> dict[str, Any]:
        """The prompt as stored in AIRequestLog (the schema is the same for every request
        and would only bloat the log)."""
        return {"system": self.system, "messages": self.messages}


@dataclass
class ProviderAnswer:
    workflow: dict[str, Any] | None = None
    question: str | None = None
    # Set when the output was not usable JSON of the expected shape.
    parse_error: str | None = None
    raw: str = ""
    model: str = ""
    input_tokens: int | None = None
    output_tokens: int | None = None
    language: str | None = None
    notes: list[str] = field(default_factory=list)
    #: New email templates the workflow names by ``template`` (see ai_assistant.proposals).
    new_templates: list[dict[str, Any]] = field(default_factory=list)
    #: With a question, what it leaves open for the answer (the offline provider's; LLMs
    #: read the conversation instead).
    pending: dict[str, Any] | None = None


class ProviderError(Exception):
    """The provider failed to give any answer. ``kind`` decides the user's message; the
    technical ``detail`` goes to the request log only."""

    def __init__(
        self,
        kind: ErrorKind,
        detail: str,
        *,
        raw: str = "",
        input_tokens: int | None = None,
        output_tokens: int | None = None,
    ) -> None:
        self.kind = kind
        self.detail = detail
        self.raw = raw
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens
        super().__init__(f"{kind}: {detail}")


class Provider(Protocol):
    name: str
    model: str
    #: Whether a second request with the errors fed back can improve the answer.
    supports_repair: bool

    def complete(self, conversation: Conversation) -> ProviderAnswer: ...


def _parse_object(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """``text`` as a JSON object, or an error message saying why it is not one."""
    cleaned = text.strip()
    # Some OpenAI-compatible servers wrap JSON in a Markdown fence despite response_format.
    if cleaned.startswith("```"):
        cleaned = cleaned.strip("`").strip()
        if cleaned.lower().startswith("json"):
            cleaned = cleaned[4:]
    try:
        value = json.loads(cleaned)
    except ValueError as exc:
        return None, f"The answer is not valid JSON ({exc})."
    if not isinstance(value, dict):
        return None, "The answer is JSON, but not an object."
    return value, None


def _new_templates(value: Any) -> list[dict[str, Any]]:
    """The proposals of an answer, as far as they are objects (the one validator, through
    ``ai_assistant.proposals``, checks their fields)."""
    if not isinstance(value, list):
        return []
    return [dict(item) for item in value[:5] if isinstance(item, dict)]


def _envelope(value: dict[str, Any], answer: ProviderAnswer) -> ProviderAnswer:
    """Fill ``answer`` from ``{"workflow": ..., "question": ...}`` (or a bare workflow)."""
    if "workflow" not in value and "question" not in value and "steps" in value:
        # A model that skipped the envelope.
        value = {"new_templates": value.pop("new_templates", None), "workflow": value}
    workflow, question = value.get("workflow"), value.get("question")
    answer.new_templates = _new_templates(value.get("new_templates"))
    if isinstance(workflow, dict):
        answer.workflow = workflow
    elif isinstance(question, str) and question.strip():
        answer.question = question.strip()
    else:
        answer.parse_error = 'The answer has neither a "workflow" object nor a "question".'
    return answer


# --- OpenAI -----------------------------------------------------------------------------------


class OpenAIProvider:
    """Chat Completions with ``response_format`` json_schema: works with api.openai.com and
    any OpenAI-compatible server (``OPENAI_BASE_URL``)."""

    name: ClassVar[str] = "openai"
    supports_repair = True

    def __init__(self) -> None:
        from openai import OpenAI

        self.model = settings.OPENAI_MODEL
        self.client = OpenAI(
            api_key=settings.OPENAI_API_KEY or "not-needed",  # local servers take no key
            base_url=settings.OPENAI_BASE_URL or None,
            timeout=settings.AI_TIMEOUT_S,
            max_retries=settings.AI_MAX_RETRIES,
        )

    def _token_limit(self) -> dict[str, int]:
        # api.openai.com wants max_completion_tokens (its reasoning models reject
        # max_tokens); most OpenAI-compatible servers only know max_tokens.
        key = "max_tokens" if settings.OPENAI_BASE_URL else "max_completion_tokens"
        return {key: settings.AI_MAX_OUTPUT_TOKENS}

    def complete(self, conversation: Conversation) -> ProviderAnswer:
        response = self._create(conversation)
        usage = response.usage
        input_tokens = usage.prompt_tokens if usage else None
        output_tokens = usage.completion_tokens if usage else None
        if not response.choices:
            raise ProviderError("server", "The response has no choices.")
        choice = response.choices[0]
        raw = choice.message.content or ""
        if choice.finish_reason == "length":
            raise ProviderError(
                "truncated",
                "finish_reason=length",
                raw=raw,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
            )
        refusal = getattr(choice.message, "refusal", None)
        if refusal or choice.finish_reason == "content_filter":
            raise ProviderError(
                "refused",
                refusal or "finish_reason=content_filter",
                raw=raw,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
            )
        answer = ProviderAnswer(
            raw=raw,
            model=response.model or self.model,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
        )
        value, error = _parse_object(raw)
        if value is None:
            answer.parse_error = error
            return answer
        return _envelope(value, answer)

    def _create(self, conversation: Conversation) -> Any:
        """The Chat Completions response; the SDK's errors as ProviderError."""
        import openai

        messages = [{"role": "system", "content": conversation.system}, *conversation.messages]
        try:
            return self.client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                response_format={
                    "type": "json_schema",
                    "json_schema": {
                        "name": ANSWER_SCHEMA_NAME,
                        # strict mode rejects the keywords the workflow schema needs
                        # (patterns, anyOf with defaults, optional fields); the validator
                        # checks every answer instead.
                        "strict": False,
                        "schema": openai_response_schema(conversation.schema),
                    },
                },
                # No temperature: OpenAI's reasoning models refuse anything but the default.
                **self._token_limit(),
            )
        except openai.APITimeoutError as exc:
            raise ProviderError("timeout", str(exc)) from exc
        except openai.APIConnectionError as exc:
            raise ProviderError("connection", str(exc)) from exc
        except openai.RateLimitError as exc:
            raise ProviderError("rate_limited", str(exc)) from exc
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise ProviderError("auth", str(exc)) from exc
        except openai.APIStatusError as exc:
            kind: ErrorKind = "server" if exc.status_code >= 500 else "bad_request"
            raise ProviderError(kind, str(exc)) from exc
        except openai.APIError as exc:  # e.g. a response body the SDK could not read
            raise ProviderError("server", str(exc)) from exc


# --- Anthropic --------------------------------------------------------------------------------


class AnthropicProvider:
    """Messages API with two tools (the workflow, or a question) and ``tool_choice: any``,
    so the model must answer through one of them."""

    name: ClassVar[str] = "anthropic"
    supports_repair = True

    def __init__(self) -> None:
        from anthropic import Anthropic

        self.model = settings.ANTHROPIC_MODEL
        self.client = Anthropic(
            api_key=settings.ANTHROPIC_API_KEY or "not-needed",
            base_url=settings.ANTHROPIC_BASE_URL or None,
            timeout=settings.AI_TIMEOUT_S,
            max_retries=settings.AI_MAX_RETRIES,
        )

    def complete(self, conversation: Conversation) -> ProviderAnswer:
        response = self._create(conversation)
        usage = response.usage
        input_tokens = usage.input_tokens if usage else None
        output_tokens = usage.output_tokens if usage else None
        blocks = list(response.content or [])
        raw = json.dumps([block.model_dump(mode="json") for block in blocks], ensure_ascii=False)
        if response.stop_reason == "max_tokens":
            raise ProviderError(
                "truncated",
                "stop_reason=max_tokens",
                raw=raw,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
            )
        if response.stop_reason == "refusal":
            raise ProviderError(
                "refused",
                "stop_reason=refusal",
                raw=raw,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
            )
        answer = ProviderAnswer(
            raw=raw,
            model=response.model or self.model,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
        )
        return _anthropic_answer(blocks, answer)

    def _create(self, conversation: Conversation) -> Any:
        """The Messages API's response; the SDK's errors as ProviderError."""
        import anthropic

        try:
            return self.client.messages.create(
                model=self.model,
                system=conversation.system,
                messages=conversation.messages,  # type: ignore[arg-type]
                tools=anthropic_tools(conversation.schema),  # type: ignore[arg-type]
                tool_choice={"type": "any"},
                max_tokens=settings.AI_MAX_OUTPUT_TOKENS,
            )
        except anthropic.APITimeoutError as exc:
            raise ProviderError("timeout", str(exc)) from exc
        except anthropic.APIConnectionError as exc:
            raise ProviderError("connection", str(exc)) from exc
        except anthropic.RateLimitError as exc:
            raise ProviderError("rate_limited", str(exc)) from exc
        except (anthropic.AuthenticationError, anthropic.PermissionDeniedError) as exc:
            raise ProviderError("auth", str(exc)) from exc
        except anthropic.APIStatusError as exc:
            # 529 "overloaded" is Anthropic's way of saying "too busy, come back later".
            kind: ErrorKind = (
                "rate_limited"
                if exc.status_code == 529
                else "server"
                if exc.status_code >= 500
                else "bad_request"
            )
            raise ProviderError(kind, str(exc)) from exc
        except anthropic.APIError as exc:
            raise ProviderError("server", str(exc)) from exc


def _anthropic_answer(blocks: list[Any], answer: ProviderAnswer) -> ProviderAnswer:
    """Fill ``answer`` from the response's content: its first tool call, else a JSON object
    in its text."""
    tool_use = next((block for block in blocks if block.type == "tool_use"), None)
    if tool_use is not None:
        return _anthropic_tool_answer(tool_use, answer)
    # No tool call: accept a JSON object in the text, else ask for the proper format.
    text = "".join(getattr(block, "text", "") for block in blocks if block.type == "text")
    value, error = _parse_object(text)
    if value is None:
        answer.parse_error = (
            f"The answer did not use the {WORKFLOW_TOOL} or {QUESTION_TOOL} tool. {error}"
        )
        return answer
    return _envelope(value, answer)


def _anthropic_tool_answer(block: Any, answer: ProviderAnswer) -> ProviderAnswer:
    """Fill ``answer`` from one tool call: the workflow, or a question."""
    tool_input = block.input
    if isinstance(tool_input, str):  # some compatible gateways pass it through as text
        tool_input, error = _parse_object(tool_input)
        if tool_input is None:
            answer.parse_error = error
            return answer
    if not isinstance(tool_input, dict):
        answer.parse_error = "The tool input is not a JSON object."
        return answer
    if block.name == QUESTION_TOOL:
        return _envelope({"question": tool_input.get("question")}, answer)
    if block.name == WORKFLOW_TOOL:
        workflow = dict(tool_input)
        answer.new_templates = _new_templates(workflow.pop("new_templates", None))
        answer.workflow = workflow
        return answer
    answer.parse_error = f"Unknown tool {block.name!r}."
    return answer


# --- Offline ----------------------------------------------------------------------------------


class OfflineProvider:
    """The deterministic parser (``ai_assistant.offline``) plus the edit grammar
    (``ai_assistant.refine``) for follow-ups on a draft. No network, no key."""

    name: ClassVar[str] = "offline"
    model = "offline-parser"
    supports_repair = False  # deterministic: asking again gives the same answer

    def complete(self, conversation: Conversation) -> ProviderAnswer:
        context = conversation.context or ParseContext.from_db()
        outcome = follow_up(
            conversation.text,
            context=context,
            draft=conversation.draft,
            pending=Pending.from_dict(conversation.pending),
            keep_description=conversation.editing,
        )
        workflow = outcome.workflow
        return ProviderAnswer(
            workflow=workflow,
            question=None if workflow is not None else outcome.question,
            parse_error=None
            if workflow is not None or outcome.question
            else "The offline parser gave neither a workflow nor a question.",
            raw=json.dumps(
                workflow if workflow is not None else {"question": outcome.question},
                ensure_ascii=False,
            ),
            model=self.model,
            language=outcome.language,
            notes=list(outcome.notes),
            new_templates=list(outcome.new_templates),
            pending=outcome.pending,
        )


PROVIDERS: dict[str, type[OpenAIProvider] | type[AnthropicProvider] | type[OfflineProvider]] = {
    "openai": OpenAIProvider,
    "anthropic": AnthropicProvider,
    "offline": OfflineProvider,
}


def provider_name() -> str:
    """The configured provider: ``AI_PROVIDER``, else the first one with a key, else offline."""
    name = (getattr(settings, "AI_PROVIDER", "") or "").strip().lower()
    if name:
        if name not in PROVIDERS:
            raise ValueError(f"AI_PROVIDER must be one of {', '.join(PROVIDERS)}, not {name!r}")
        return name
    if getattr(settings, "OPENAI_API_KEY", ""):
        return "openai"
    if getattr(settings, "ANTHROPIC_API_KEY", ""):
        return "anthropic"
    return "offline"


def get_provider() -> Provider:
    """A fresh provider for one request (settings are read each time, so a changed key or
    base URL takes effect without a restart of anything but the settings)."""
    return PROVIDERS[provider_name()]()
