"""The AI assistant's services: description -> draft, script -> draft, draft -> workflow.

``ai_parse_description`` runs one chat turn:

1. count the turn against the user's limits (``ai_assistant.throttle``; when refused,
   nothing is stored), then store the user's message (on its own: whatever happens next, it
   is kept);
2. build the prompt (templates, groups, integrations the user may use, recent workflows,
   today, the time zone, the current draft) and ask the configured provider;
3. validate the answer with ``automation.validation.validate_workflow``; on errors, one
   repair round with the errors fed back (not for policy errors: see ``NO_REPAIR_CODES``);
4. apply the policy checks the schema cannot express (integrations only for developers and
   only to public addresses);
5. store the assistant's message (the draft with its preview, a question, or the errors)
   and log every provider request (tokens, latency, prompt, answer).

Provider failures (timeouts, 429, 5xx, truncated or malformed answers) become a clear
message in the user's language, stored as a ``system`` message; nothing is lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from accounts.roles import capabilities_of, user_has_role
from ai_assistant import proposals
from ai_assistant.context import ParseContext
from ai_assistant.dsl import compile_script
from ai_assistant.models import AIRequestLog, ChatMessage, ChatSession, DraftOrigin
from ai_assistant.prompts import (
    PromptContext,
    build_system_prompt,
    provider_workflow_schema,
    repair_message,
)
from ai_assistant.providers import (
    Conversation,
    Provider,
    ProviderAnswer,
    ProviderError,
    get_provider,
)
from ai_assistant.refine import detect_language
from ai_assistant.throttle import ai_throttle_hit
from audit.recording import audit_entry_point
from automation.diff import Change, workflow_diff
from automation.models import Integration, WorkflowDefinition
from automation.policy import role_errors
from automation.policy import workflow_policy_errors as policy_errors
from automation.preview import PreviewLine, workflow_preview
from automation.registry import step_types
from automation.selectors import workflow_list
from automation.services import (
    WorkflowStateError,
    unique_workflow_name,
    workflow_create,
    workflow_definition,
    workflow_deploy,
    workflow_update,
)
from automation.validation import WorkflowValidationError, validate_workflow
from automation.wording import Words
from templates_app.models import EmailTemplate

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

__all__ = [
    "AssistantError",
    "AssistantReply",
    "ScriptReply",
    "ai_confirm",
    "ai_execute_script",
    "ai_parse_description",
    "user_may_deploy",
    "user_may_use_integrations",
    "workflow_policy_errors",
]

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 4000
# Turns of earlier conversation the model sees; the draft itself is in the system prompt.
HISTORY_TURNS = 10
RECENT_WORKFLOWS = 10
# Errors that say what the user asked for is not allowed. A repair round would only make the
# model quietly change the request (e.g. "every minute" into "every hour"); the user must
# hear the refusal instead.
POLICY_CODES = frozenset(
    {"schedule_too_frequent", "permission_denied", "integration_address_not_allowed"}
)
NO_REPAIR_CODES = POLICY_CODES

ReplyKind = Literal["workflow", "question", "error"]

FAILURE_MESSAGES: dict[str, tuple[str, str]] = {
    "timeout": (
        "AI-tjenesten svarte ikke i tide. Meldingen din er lagret. Prøv igjen om litt.",
        "The AI service did not answer in time. Your message is saved. Please try again.",
    ),
    "rate_limited": (
        "AI-tjenesten har for mange forespørsler akkurat nå. Meldingen din er lagret. Prøv "
        "igjen om et minutt.",
        "The AI service is receiving too many requests right now. Your message is saved. "
        "please try again in a minute.",
    ),
    "connection": (
        "Fikk ikke kontakt med AI-tjenesten. Meldingen din er lagret. Prøv igjen senere.",
        "Could not reach the AI service. Your message is saved. Please try again later.",
    ),
    "auth": (
        "AI-tjenesten godtok ikke innloggingen vår. Be en administrator sjekke API-nøkkelen. "
        "Meldingen din er lagret.",
        "The AI service rejected our credentials. Ask an administrator to check the API key. "
        "Your message is saved.",
    ),
    "bad_request": (
        "AI-tjenesten avviste forespørselen. Meldingen din er lagret. Prøv å formulere den "
        "annerledes.",
        "The AI service rejected the request. Your message is saved. Try rephrasing it.",
    ),
    "server": (
        "AI-tjenesten svarte med en feil. Meldingen din er lagret. Prøv igjen senere.",
        "The AI service answered with an error. Your message is saved. Please try again later.",
    ),
    "truncated": (
        "Svaret fra AI-tjenesten ble kuttet av før det var ferdig. Prøv å beskrive "
        "arbeidsflyten kortere, eller del den opp.",
        "The AI service's answer was cut off before it was complete. Try a shorter "
        "description, or split it up.",
    ),
    "refused": (
        "AI-tjenesten ville ikke svare på denne forespørselen. Prøv å formulere den annerledes.",
        "The AI service declined to answer this request. Try rephrasing it.",
    ),
    "malformed": (
        "AI-tjenesten svarte med noe som ikke er en gyldig arbeidsflyt (ugyldig JSON), også "
        "etter et nytt forsøk. Prøv igjen, eller formuler beskrivelsen annerledes.",
        "The AI service's answer was not a valid workflow (invalid JSON), even after a second "
        "attempt. Try again, or rephrase the description.",
    ),
}


class AssistantError(Exception):
    """Bad input to a service (unknown session, nothing to confirm ...). ``errors`` has the
    documented shape, so the API renders it as a 400."""

    def __init__(self, code: str, message: str, *, path: str = "") -> None:
        self.errors = [{"path": path, "code": code, "message": message}]
        super().__init__(message)

    def as_dict(self) -> dict[str, Any]:
        return {"errors": list(self.errors)}


@dataclass
class AssistantReply:
    session_id: int
    message_id: int
    kind: ReplyKind
    text: str
    language: str
    workflow: dict[str, Any] | None = None
    preview: list[PreviewLine] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    provider: str = ""
    #: New email templates the draft uses, created (as drafts to review) on confirm.
    new_templates: list[dict[str, Any]] = field(default_factory=list)
    #: Changing a saved workflow: what the draft changes, in words (``automation.diff``).
    changes: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["preview"] = [line.as_dict() for line in self.preview]
        return data


@dataclass
class ScriptReply:
    workflow: dict[str, Any] | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    preview: list[PreviewLine] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return self.workflow is not None and not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "workflow": self.workflow,
            "errors": list(self.errors),
            "preview": [line.as_dict() for line in self.preview],
        }


# --- Roles and policy ---------------------------------------------------------------------------


def user_may_use_integrations(user: Any) -> bool:
    """Whether the prompt may list integrations: the user may use a step type that calls
    them."""
    return any(
        any(r.kind == "integration" for r in cls.references)
        and (cls.required_role is None or user_has_role(user, cls.required_role))
        for cls in step_types().values()
    )


def user_may_deploy(user: Any) -> bool:
    """Developers and staff may activate what the assistant drafted; business users save
    drafts for someone else to review."""
    return capabilities_of(user).deploy


def workflow_policy_errors(workflow: Mapping[str, Any], *, user: Any) -> list[dict[str, str]]:
    """What the validator accepts but this user may not have (empty: allowed): the same rules
    ``workflow_create`` enforces (``automation.policy``), checked early so that the chat says
    so before the user confirms."""
    return role_errors(workflow, user=user) + policy_errors(workflow, user=user)


# --- Helpers ------------------------------------------------------------------------------------


def _session_for(user: AbstractBaseUser, session_id: int | None) -> ChatSession:
    if session_id is None:
        return ChatSession.objects.create(user=user)
    session = ChatSession.objects.filter(pk=session_id, user=user).first()
    if session is None:
        raise AssistantError(
            "unknown_session", "No chat session with this id for this user.", path="/session_id"
        )
    return session


def _history(session: ChatSession, *, exclude: int) -> list[dict[str, str]]:
    """Earlier user/assistant turns, oldest first, same-role neighbours merged (Anthropic
    requires alternation; a failed turn leaves two user messages in a row)."""
    rows = list(
        session.messages.filter(role__in=[ChatMessage.Role.USER, ChatMessage.Role.ASSISTANT])
        .exclude(pk=exclude)
        .order_by("-created_at", "-pk")[: HISTORY_TURNS * 2]
    )
    turns: list[dict[str, str]] = []
    for row in reversed(rows):
        content = row.content or ""
        if turns and turns[-1]["role"] == row.role:
            turns[-1]["content"] += "\n\n" + content
        else:
            turns.append({"role": row.role, "content": content})
    while turns and turns[0]["role"] != "user":
        turns.pop(0)
    return turns


def _with_user_turn(turns: list[dict[str, str]], text: str) -> list[dict[str, str]]:
    turns = [dict(t) for t in turns]
    if turns and turns[-1]["role"] == "user":
        turns[-1]["content"] += "\n\n" + text
    else:
        turns.append({"role": "user", "content": text})
    return turns


def _prompt_context(
    user: Any, context: ParseContext, draft: dict[str, Any] | None, language: str
) -> PromptContext:
    recent = [
        {"name": w.name, "workflow_type": w.workflow_type, "status": w.status}
        for w in workflow_list(user=user).order_by("-updated_at")[:RECENT_WORKFLOWS]
    ]
    integrations: list[dict[str, Any]] = []
    if user_may_use_integrations(user):
        integrations = list(
            Integration.objects.filter(is_active=True).order_by("name").values("id", "name")
        )
    allowed = [
        (cls.key, cls.prompt or cls.doc)
        for cls in step_types().values()
        if cls.required_role is None or user_has_role(user, cls.required_role)
    ]
    return PromptContext(
        step_types=allowed,
        today=context.today,
        timezone=context.timezone,
        templates=list(context.templates),
        groups=list(context.groups),
        recent_workflows=recent,
        integrations=integrations,
        draft=draft,
        language=language,
    )


def _ask(
    provider: Provider,
    conversation: Conversation,
    *,
    session: ChatSession,
    attempt: int,
) -> ProviderAnswer:
    """One provider request, logged whatever its outcome."""
    started = time.monotonic()
    log = AIRequestLog(
        provider=provider.name,
        model=provider.model,
        attempt=attempt,
        prompt=conversation.for_log(),
        session=session,
    )
    try:
        answer = provider.complete(conversation)
    except ProviderError as exc:
        log.status = AIRequestLog.Status.ERROR
        log.error = f"{exc.kind}: {exc.detail}"[:5000]
        log.response = exc.raw
        log.input_tokens, log.output_tokens = exc.input_tokens, exc.output_tokens
        raise
    except Exception as exc:
        # A bug in a provider must not lose the turn either; it is logged and shown as a
        # provider error.
        logger.exception("AI provider %s failed unexpectedly", provider.name)
        log.status = AIRequestLog.Status.ERROR
        log.error = f"unexpected: {type(exc).__name__}: {exc}"[:5000]
        raise ProviderError("server", str(exc)) from exc
    else:
        log.status = AIRequestLog.Status.OK
        log.model = answer.model or provider.model
        log.response = answer.raw
        log.input_tokens, log.output_tokens = answer.input_tokens, answer.output_tokens
        if answer.parse_error:
            log.error = f"malformed: {answer.parse_error}"
        return answer
    finally:
        log.latency_ms = int((time.monotonic() - started) * 1000)
        log.save()


def _evaluate(
    answer: ProviderAnswer, carried: Sequence[Mapping[str, Any]] = ()
) -> proposals.Checked:
    """The answer's workflow validated with the templates it proposes, and with those an
    earlier turn proposed (``carried``, the session's) that it still sends: an edit of a draft
    with a new template ("flytt den til tirsdag") keeps the proposal though the answer does
    not list it again. A question or a malformed answer gives no workflow (and no errors for
    a question)."""
    if answer.parse_error:
        return proposals.Checked(
            None, [{"path": "", "code": "malformed_answer", "message": answer.parse_error}]
        )
    if answer.workflow is None:
        return proposals.Checked(None)
    return proposals.checked(answer.workflow, [*answer.new_templates, *carried])


def _errors_text(errors: Iterable[Mapping[str, str]], language: str, *, refused: bool) -> str:
    items = "\n".join(f"- {e.get('message')}" for e in errors)
    if refused:
        return Words(language).say(
            f"Jeg kan ikke lage denne arbeidsflyten:\n{items}",
            f"I cannot create this workflow:\n{items}",
        )
    return Words(language).say(
        f"Jeg klarte ikke å lage en gyldig arbeidsflyt av dette:\n{items}\n"
        "Prøv å beskrive det på en annen måte.",
        f"I could not turn this into a valid workflow:\n{items}\nPlease try describing it "
        "differently.",
    )


def _store(
    session: ChatSession,
    role: str,
    text: str,
    *,
    workflow: dict[str, Any] | None = None,
    errors: list[dict[str, str]] | None = None,
) -> ChatMessage:
    return ChatMessage.objects.create(
        session=session, role=role, content=text, workflow=workflow, errors=errors or []
    )


def _reply(
    session: ChatSession,
    message: ChatMessage,
    kind: ReplyKind,
    language: str,
    provider: str,
    *,
    workflow: dict[str, Any] | None = None,
    preview: list[PreviewLine] | None = None,
    new_templates: list[dict[str, Any]] | None = None,
    changes: list[Change] | None = None,
) -> AssistantReply:
    return AssistantReply(
        new_templates=new_templates or [],
        changes=[c.as_dict() for c in changes or []],
        session_id=session.pk,
        message_id=message.pk,
        kind=kind,
        text=message.content,
        language=language,
        workflow=workflow,
        preview=preview or [],
        errors=list(message.errors or []),
        provider=provider,
    )


# --- Services -----------------------------------------------------------------------------------


def ai_parse_description(
    *, user: AbstractBaseUser, text: str, session_id: int | None = None
) -> AssistantReply:
    """One chat turn: a description (or a follow-up on the session's draft) to a draft.

    Returns the assistant's reply: ``kind`` "workflow" (a valid, allowed draft with its
    preview, now the session's ``current_draft``), "question" (nothing drafted) or "error"
    (the provider failed, or the answer was invalid or refused; no workflow offered).
    Raises ``AssistantError`` for an unknown session or an empty/oversized text, and
    ``ai_assistant.throttle.AIThrottled`` when the user has used up a limit (nothing stored).
    """
    text = (text or "").strip()
    if not text:
        raise AssistantError("required", "Write what the workflow should do.", path="/text")
    if len(text) > MAX_TEXT_LENGTH:
        raise AssistantError("too_long", f"At most {MAX_TEXT_LENGTH} characters.", path="/text")
    # An unknown session is refused before the turn is counted; a new one is created after.
    session = _session_for(user, session_id) if session_id is not None else None
    # Counted before anything is stored or any provider asked: a throttled turn leaves no
    # trace, and one whose provider call fails still counts (it may have cost money).
    ai_throttle_hit(user=user)
    if session is None:
        session = _session_for(user, None)
    language = detect_language(text, default=session.language)
    # Saved before the provider is asked (and outside any transaction around it): a timeout
    # or a crash later must not lose what the user wrote.
    user_message = _store(session, ChatMessage.Role.USER, text)
    if not session.title:
        session.title = text[:200]
    session.language = language
    session.save(update_fields=["title", "language", "updated_at"])

    with translation.override(language):
        return _run_turn(user, session, user_message, text, language)


@dataclass
class _Turn:
    """One chat turn in progress: who asks, in which session, and what the provider got."""

    user: AbstractBaseUser
    session: ChatSession
    language: str
    provider: Provider
    conversation: Conversation

    def reply(self, message: ChatMessage, kind: str, **parts: Any) -> AssistantReply:
        return _reply(self.session, message, kind, self.language, self.provider.name, **parts)

    def fail(self, content: str, errors: list[dict[str, Any]]) -> AssistantReply:
        message = _store(self.session, ChatMessage.Role.ASSISTANT, content, errors=errors)
        return self.reply(message, "error")


def _conversation(
    session: ChatSession,
    messages: list[dict[str, Any]],
    *,
    text: str,
    system: str,
    schema: Any,
    context: ParseContext,
) -> Conversation:
    return Conversation(
        system=system,
        messages=messages,
        schema=schema,
        text=text,
        draft=session.current_draft,
        context=context,
        pending=session.pending,
        editing=session.edit_of_id is not None,
    )


def _ask_with_repair(turn: _Turn) -> tuple[ProviderAnswer, proposals.Checked]:
    """The provider's answer, checked by the one validator; an answer with errors the model
    can fix is sent back once with them. (answer, evaluated); raises ``ProviderError``."""
    conversation = turn.conversation
    carried = turn.session.draft_templates or []
    answer = _ask(turn.provider, conversation, session=turn.session, attempt=1)
    evaluated = _evaluate(answer, carried)
    codes = {e["code"] for e in evaluated.errors}
    if evaluated.errors and turn.provider.supports_repair and not codes & NO_REPAIR_CODES:
        repair = replace(
            conversation,
            messages=[
                *conversation.messages,
                {"role": "assistant", "content": answer.raw or "(empty)"},
                {
                    "role": "user",
                    "content": repair_message(evaluated.errors, parse_error=answer.parse_error),
                },
            ],
        )
        answer = _ask(turn.provider, repair, session=turn.session, attempt=2)
        evaluated = _evaluate(answer, carried)
    return answer, evaluated


def _not_a_draft(
    turn: _Turn, answer: ProviderAnswer, evaluated: proposals.Checked
) -> AssistantReply | None:
    """The reply when the answer is no draft to show: a question back, a malformed answer,
    or errors (the validator's, or what the user's role may not do); None for a draft."""
    workflow, errors = evaluated.workflow, evaluated.errors
    if answer.question and workflow is None and not errors:
        notes = "\n".join(answer.notes)
        with transaction.atomic():
            message = _store(
                turn.session,
                ChatMessage.Role.ASSISTANT,
                "\n".join(p for p in (notes, answer.question) if p),
            )
            turn.session.pending = answer.pending
            turn.session.save(update_fields=["pending", "updated_at"])
        return turn.reply(message, "question")
    if errors and any(e["code"] == "malformed_answer" for e in errors):
        return turn.fail(FAILURE_MESSAGES["malformed"][turn.language == "en"], errors)
    if not errors and workflow is not None:
        errors = workflow_policy_errors(workflow, user=turn.user)
    if errors:
        refused = bool({e["code"] for e in errors} & POLICY_CODES)
        return turn.fail(_errors_text(errors, turn.language, refused=refused), errors)
    return None


def _changes_from_saved(
    session: ChatSession, workflow: dict[str, Any], language: str
) -> tuple[list[str], list[Change]]:
    """Changing a saved workflow: what now differs from the saved version, in words."""
    if session.edit_of_id is None:
        return [], []
    saved = workflow_definition(session.edit_of)  # type: ignore[arg-type]
    diff = workflow_diff(saved, workflow, language=language)
    words = Words(language)
    lines = [words.say("Endringer fra lagret versjon:", "Changes from the saved version:")]
    lines += [f"- {change.text}" for change in diff] or [words.say("- ingen", "- none")]
    return lines, diff


def _draft_reply(
    turn: _Turn, answer: ProviderAnswer, evaluated: proposals.Checked
) -> AssistantReply:
    """Show the checked draft with what was understood and chosen, and keep it as the
    session's draft."""
    session, language, workflow = turn.session, turn.language, evaluated.workflow
    draft = session.current_draft
    if draft is None or workflow.get("name") != draft.get("name"):
        workflow["name"] = unique_workflow_name(
            str(workflow.get("name") or ""), exclude=session.edit_of_id or session.workflow_id
        )
    preview = workflow_preview(workflow, language=language)
    # Every turn says what was understood and chosen: the defaults taken, the changes made.
    lines, diff = _changes_from_saved(session, workflow, language)
    changes = "\n".join(p for p in (*answer.notes, *lines) if p)
    content = _draft_message(changes, preview, language)
    with transaction.atomic():
        message = _store(session, ChatMessage.Role.ASSISTANT, content, workflow=workflow)
        session.current_draft = workflow
        session.draft_templates = evaluated.proposals
        session.draft_origin = DraftOrigin.AI
        session.pending = None
        session.save(
            update_fields=[
                "current_draft",
                "draft_templates",
                "draft_origin",
                "pending",
                "updated_at",
            ]
        )
    return turn.reply(
        message,
        "workflow",
        workflow=workflow,
        preview=preview,
        new_templates=evaluated.proposals,
        changes=diff,
    )


def _run_turn(
    user: AbstractBaseUser,
    session: ChatSession,
    user_message: ChatMessage,
    text: str,
    language: str,
) -> AssistantReply:
    try:
        provider = get_provider()
    except Exception as exc:  # e.g. a misspelt AI_PROVIDER: the turn is kept, staff see why
        logger.exception("AI provider could not be configured")
        message = _store(
            session,
            ChatMessage.Role.SYSTEM,
            FAILURE_MESSAGES["server"][language == "en"],
            errors=[{"path": "", "code": "provider_unavailable", "message": str(exc)}],
        )
        return _reply(session, message, "error", language, "")
    schema = provider_workflow_schema()
    context = ParseContext.from_db()
    system = build_system_prompt(
        _prompt_context(user, context, session.current_draft, language), schema=schema
    )
    messages = _with_user_turn(_history(session, exclude=user_message.pk), text)
    conversation = _conversation(
        session, messages, text=text, system=system, schema=schema, context=context
    )
    turn = _Turn(user, session, language, provider, conversation)
    try:
        answer, evaluated = _ask_with_repair(turn)
    except ProviderError as exc:
        message = _store(
            session,
            ChatMessage.Role.SYSTEM,
            FAILURE_MESSAGES.get(exc.kind, FAILURE_MESSAGES["server"])[language == "en"],
            errors=[{"path": "", "code": f"provider_{exc.kind}", "message": exc.kind}],
        )
        return turn.reply(message, "error")
    if answer.language in ("nb", "en"):
        turn.language = answer.language
    return _not_a_draft(turn, answer, evaluated) or _draft_reply(turn, answer, evaluated)


def _draft_message(changes: str, preview: list[PreviewLine], language: str) -> str:
    intro = Words(language).say(
        "Her er utkastet. Se over og bekreft for å lagre det:",
        "Here is the draft. Review it and confirm to save it:",
    )
    body = "\n".join(line.text for line in preview)
    return "\n".join(p for p in (changes, intro, body) if p)


def ai_use_template(
    *, user: AbstractBaseUser, session_id: int, name: str, template_id: int
) -> AssistantReply:
    """Send an existing template instead of the new one the draft proposes (``name``): the
    user's choice from the preview. The draft's other proposals stay."""
    session = _session_for(user, session_id)
    draft = session.current_draft
    proposed = [p for p in session.draft_templates or [] if p.get("name") == name]
    if not draft or not proposed:
        raise AssistantError(
            "unknown_proposal", "The draft proposes no new template by that name.", path="/name"
        )
    template = EmailTemplate.objects.filter(pk=template_id).first()
    if template is None:
        raise AssistantError(
            "unknown_template", "No email template has that id.", path="/template_id"
        )
    remaining = [p for p in session.draft_templates if p.get("name") != name]
    checked = proposals.checked(proposals.use_existing(draft, name, template.pk), remaining)
    if checked.workflow is None:
        raise WorkflowValidationError(checked.errors)
    language = session.language
    with translation.override(language):
        preview = workflow_preview(checked.workflow, language=language)
        said = Words(language).say(
            f"Bruker malen «{template.name}» i stedet for en ny mal «{name}».",
            f"Using the template “{template.name}” instead of a new template “{name}”.",
        )
        with transaction.atomic():
            message = _store(
                session,
                ChatMessage.Role.ASSISTANT,
                _draft_message(said, preview, language),
                workflow=checked.workflow,
            )
            session.current_draft = checked.workflow
            session.draft_templates = checked.proposals
            session.save(update_fields=["current_draft", "draft_templates", "updated_at"])
    return _reply(
        session,
        message,
        "workflow",
        language,
        "",
        workflow=checked.workflow,
        preview=preview,
        new_templates=checked.proposals,
    )


def _script_errors(errors: Iterable[Any]) -> list[dict[str, Any]]:
    """The DSL's errors (objects or dicts) in the documented shape plus line and column."""
    out: list[dict[str, Any]] = []
    for error in errors:
        if isinstance(error, Mapping):
            item = dict(error)
        elif hasattr(error, "as_dict"):
            item = dict(error.as_dict())
        else:
            item = {
                name: getattr(error, name)
                for name in ("path", "code", "message", "line", "column")
                if getattr(error, name, None) is not None
            }
            item.setdefault("message", str(error))
        item.setdefault("path", "")
        item.setdefault("code", "script_error")
        out.append(item)
    return out


def ai_execute_script(
    *,
    user: AbstractBaseUser,
    language: str,
    source: str,
    session_id: int | None = None,
) -> ScriptReply:
    """Compile a Python or JavaScript DSL script to a workflow, validate it and apply the
    same policy as for the chat. With ``session_id`` the result becomes that session's draft,
    so ``ai_confirm`` saves it like a chat draft (recorded in the audit trail as the DSL's)."""
    result = compile_script(source, language=language)
    if result.errors or result.workflow is None:
        return ScriptReply(workflow=None, errors=_script_errors(result.errors))
    validation = validate_workflow(result.workflow)
    if not validation.is_valid:
        return ScriptReply(workflow=None, errors=list(validation.errors))
    workflow = validation.normalised
    assert workflow is not None
    policy = workflow_policy_errors(workflow, user=user)
    if policy:
        return ScriptReply(workflow=None, errors=policy)
    ui_language = "en" if (translation.get_language() or "nb").startswith("en") else "nb"
    if session_id is not None:
        session = _session_for(user, session_id)
        session.current_draft = workflow
        session.draft_templates = []
        session.draft_origin = DraftOrigin.DSL
        session.save(
            update_fields=["current_draft", "draft_templates", "draft_origin", "updated_at"]
        )
    return ScriptReply(workflow=workflow, preview=workflow_preview(workflow, language=ui_language))


def ai_confirm(*, user: AbstractBaseUser, session_id: int, activate: bool) -> WorkflowDefinition:
    """Save the session's current draft as a workflow (a draft), and deploy it when
    ``activate`` is asked for and the user may (developers and staff).

    Confirming the same draft twice returns the workflow saved the first time (deploying it
    if now asked to) rather than creating a second copy. Raises ``PermissionDenied`` for
    ``activate`` without the role, ``AssistantError`` without a draft, and
    ``WorkflowValidationError`` when the draft is no longer valid or allowed (e.g. a template
    it uses was deleted).

    The audit trail records the changes as coming from what made the draft (the assistant or
    a script: ``ChatSession.draft_origin``), whichever page or endpoint confirms it.
    """
    session = _session_for(user, session_id)
    draft = session.current_draft
    if not draft:
        raise AssistantError("no_draft", "This chat session has no draft to confirm yet.")
    if activate and not user_may_deploy(user):
        raise PermissionDenied("Only developers may activate workflows.")

    with audit_entry_point(session.draft_origin):
        if session.edit_of_id is not None:
            return _confirm_edit(user, session, draft, activate=activate)
        return _confirm_new(user, session, draft, activate=activate)


def _confirm_new(
    user: AbstractBaseUser, session: ChatSession, draft: dict[str, Any], *, activate: bool
) -> WorkflowDefinition:
    """Save the draft as a new workflow, or return the one a first confirm saved."""
    language = session.language
    with transaction.atomic():
        workflow = session.workflow
        # The templates the draft proposes first (drafts, to be reviewed): the workflow names
        # them. One that exists already (a second confirm) is not made again.
        proposals.create(draft, session.draft_templates or [])
        if workflow is None or workflow_definition(workflow) != validate_workflow(draft).normalised:
            workflow = workflow_create(created_by=user, data=draft)
            session.workflow = workflow
            session.save(update_fields=["workflow", "updated_at"])
        if activate:
            workflow = workflow_deploy(workflow=workflow, by=user)
        text = (
            Words(language).say(
                f"Arbeidsflyten «{workflow.name}» er lagret og aktivert.",
                f"The workflow “{workflow.name}” is saved and active.",
            )
            if activate
            else Words(language).say(
                f"Arbeidsflyten «{workflow.name}» er lagret som utkast.",
                f"The workflow “{workflow.name}” is saved as a draft.",
            )
        )
        _store(session, ChatMessage.Role.SYSTEM, text)
    return workflow


def _confirm_edit(
    user: AbstractBaseUser, session: ChatSession, draft: dict[str, Any], *, activate: bool
) -> WorkflowDefinition:
    """Save the changed draft as a new version of the workflow the conversation changes,
    based on the version it started from (someone else's newer version is not overwritten:
    ``WorkflowConflict``)."""
    language = session.language
    with transaction.atomic():
        proposals.create(draft, session.draft_templates or [])
        workflow = workflow_update(
            workflow=session.edit_of,  # type: ignore[arg-type]
            data=draft,
            updated_by=user,
            expected_version=session.edit_base_version,
        )
        if activate:
            workflow = workflow_deploy(workflow=workflow, by=user)
        session.workflow = workflow
        session.edit_base_version = workflow.version
        session.save(update_fields=["workflow", "edit_base_version", "updated_at"])
        _store(
            session,
            ChatMessage.Role.SYSTEM,
            Words(language).say(
                f"Endringene er lagret: «{workflow.name}» er nå versjon {workflow.version}.",
                f"The changes are saved: “{workflow.name}” is now version {workflow.version}.",
            ),
        )
    return workflow


def ai_start_edit(*, user: AbstractBaseUser, workflow: WorkflowDefinition) -> AssistantReply:
    """ "Endre med AI": a conversation whose draft is the saved workflow; what the user writes
    changes it, each reply says what differs from the saved version, and confirming saves a
    new version. Raises ``WorkflowStateError`` for an archived workflow."""
    if workflow.status == WorkflowDefinition.Status.ARCHIVED:
        raise WorkflowStateError(gettext("The workflow is archived."))
    language = "en" if (translation.get_language() or "nb").startswith("en") else "nb"
    draft = workflow_definition(workflow)
    with transaction.atomic():
        session = ChatSession.objects.create(
            user=user,
            title=Words(language).say(f"Endre: {workflow.name}", f"Change: {workflow.name}")[:200],
            language=language,
            current_draft=draft,
            edit_of=workflow,
            edit_base_version=workflow.version,
        )
        preview = workflow_preview(draft, language=language)
        intro = Words(language).say(
            f"Du endrer «{workflow.name}» (versjon {workflow.version}). Skriv hva som skal endres, "
            "for eksempel «flytt påminnelsen til onsdag kl 12», «legg til en påminnelse fredag» "
            "eller «hopp over helligdager». Slik er den nå:",
            f"You are changing “{workflow.name}” (version {workflow.version}). Write what should "
            "change, for example “move the reminder to Wednesday at noon”, “add a reminder on "
            "Friday” or “skip public holidays”. This is how it is now:",
        )
        body = "\n".join(line.text for line in preview)
        message = _store(session, ChatMessage.Role.ASSISTANT, f"{intro}\n{body}", workflow=draft)
    return _reply(session, message, "workflow", language, "", workflow=draft, preview=preview)


def draft_changes(session: ChatSession, language: str) -> list[Change]:
    """What the session's draft changes in the workflow it edits (none for a new one)."""
    if session.edit_of_id is None or not session.current_draft:
        return []
    saved = workflow_definition(session.edit_of)  # type: ignore[arg-type]
    return workflow_diff(saved, session.current_draft, language=language)
