"""Business users' pages for a new workflow (HTMX): the AI chat, the script editor and the
template gallery.

Thin entry points: the chat goes through ``ai_parse_description`` and ``ai_confirm``, the
script editor through ``ai_execute_script``, the gallery through
``automation.services.workflow_create``: the same services the API calls, and every one
ends in the one validator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, push_url, reswap, retarget
from django_htmx.middleware import HtmxDetails

from accounts.decorators import require_role
from accounts.roles import BUSINESS, DEVELOPER, user_has_role
from ai_assistant import gallery
from ai_assistant.dsl import MAX_SOURCE_BYTES, docs, export_script, methods
from ai_assistant.fixtures.scripts import EXAMPLE_SCRIPTS
from ai_assistant.models import ChatMessage, ChatSession
from ai_assistant.services import (
    MAX_TEXT_LENGTH,
    AssistantError,
    AssistantReply,
    ai_confirm,
    ai_execute_script,
    ai_parse_description,
    ai_start_edit,
    ai_use_template,
    draft_changes,
    user_may_deploy,
)
from ai_assistant.throttle import AIThrottled
from automation.models import WorkflowDefinition
from automation.preview import PreviewLine, workflow_preview
from automation.selectors import workflow_list
from automation.services import workflow_create
from automation.validation import WorkflowValidationError
from templates_app.models import EmailTemplate
from templates_app.rendering import TemplateRenderError, render_email


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


SCRIPT_LANGUAGES = {"python": "Python", "javascript": "JavaScript"}
# The assistant's introduction to a draft (services.py); the preview lines that follow it are
# shown as a list instead of as text.
DRAFT_INTROS = (
    "Her er utkastet. Se over og bekreft for å lagre det:",
    "Here is the draft. Review it and confirm to save it:",
)
RECENT_SESSIONS = 8


def _ui_language() -> str:
    return "en" if (get_language() or "nb").startswith("en") else "nb"


def _entry_points(user: Any) -> dict[str, bool]:
    return {"scripts": user_has_role(user, DEVELOPER)}


# --- AI chat --------------------------------------------------------------------------------


@dataclass
class Bubble:
    """One message of the conversation as the page shows it."""

    role: str  # "user", "assistant" or "system"
    kind: str  # "user", "workflow", "question", "error" or "notice"
    text: str
    preview: list[PreviewLine] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def _draft_text(content: str, preview: list[PreviewLine]) -> str:
    """The assistant's words before the preview (what changed, the introduction)."""
    lines = content.splitlines()
    for index, line in enumerate(lines):
        if line in DRAFT_INTROS:
            return "\n".join(lines[: index + 1])
    shown = {p.text for p in preview}
    return "\n".join(line for line in lines if line not in shown)


def _bubble_from_message(message: ChatMessage, language: str) -> Bubble:
    if message.role == ChatMessage.Role.USER:
        return Bubble(role="user", kind="user", text=message.content)
    if message.role == ChatMessage.Role.SYSTEM:
        kind = "error" if message.errors else "notice"
        return Bubble(role="system", kind=kind, text=message.content)
    if message.workflow:
        preview = workflow_preview(message.workflow, language=language)
        return Bubble(
            role="assistant",
            kind="workflow",
            text=_draft_text(message.content, preview),
            preview=preview,
        )
    kind = "error" if message.errors else "question"
    return Bubble(role="assistant", kind=kind, text=message.content, errors=message.errors)


def _bubble_from_reply(reply: AssistantReply) -> Bubble:
    # Provider failures are the product's notices (stored as system messages), not the model's.
    failed = any(str(e.get("code", "")).startswith("provider_") for e in reply.errors)
    role = "system" if reply.kind == "error" and (failed or not reply.errors) else "assistant"
    return Bubble(
        role=role,
        kind=reply.kind,
        text=_draft_text(reply.text, reply.preview) if reply.kind == "workflow" else reply.text,
        preview=list(reply.preview),
        errors=list(reply.errors),
    )


def _session_or_404(request: HttpRequest, raw: str | None) -> ChatSession | None:
    if not raw:
        return None
    try:
        return ChatSession.objects.get(pk=int(raw), user=request.user)
    except (ValueError, ChatSession.DoesNotExist):
        raise Http404(_("No such conversation.")) from None


def _chat_context(
    request: HttpRequest,
    session: ChatSession | None,
    *,
    text: str = "",
    form_errors: list[str] | None = None,
    confirm_errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    bubbles: list[Bubble] = []
    if session is not None:
        language = session.language or _ui_language()
        bubbles = [_bubble_from_message(m, language) for m in session.messages.all()]
    return {
        "session": session,
        "bubbles": bubbles,
        "text": text,
        "form_errors": form_errors or [],
        "confirm_errors": confirm_errors or [],
        "draft_name": (session.current_draft or {}).get("name", "") if session else "",
        "proposed": _proposed(session),
        "editing": session.edit_of if session and session.edit_of_id else None,
        "changes": draft_changes(session, _ui_language()) if session else [],
        "existing_templates": (
            list(EmailTemplate.objects.filter(needs_review=False).only("pk", "name"))
            if session and session.draft_templates
            else []
        ),
        "may_activate": user_may_deploy(request.user),
        "recent_sessions": ChatSession.objects.filter(user=request.user)[:RECENT_SESSIONS],
        "max_length": MAX_TEXT_LENGTH,
        "entry": _entry_points(request.user),
        "examples": [
            "Send skjema mandag, påminnelse torsdag",
            "Hver dag kl 06:00 send dagens tilbud til kafeene",
            "Når en kunde legger inn en ordre, send bekreftelse",
            "Every Thursday at 4pm send the order form to everyone",
        ],
    }


def _proposed(session: ChatSession | None) -> list[dict[str, Any]]:
    """The draft's proposed templates, each with its subject as a customer would read it."""
    out = []
    for proposal in (session.draft_templates or []) if session else []:
        sample = EmailTemplate(subject=proposal.get("subject", ""), body_html="")
        try:
            subject = render_email(template=sample, customer=None, sample=True).subject
        except TemplateRenderError:
            subject = proposal.get("subject", "")
        out.append({**proposal, "sample_subject": subject})
    return out


@require_role(BUSINESS)
@require_GET
def chat_view(request: HtmxHttpRequest) -> HttpResponse:
    """The conversation: a new one, or ``?session=<id>`` to continue one."""
    session = _session_or_404(request, request.GET.get("session"))
    template = "ai_assistant/chat.html"
    if request.htmx:
        template += "#chat-workspace"
    return render(request, template, _chat_context(request, session))


@require_role(BUSINESS)
@require_POST
def chat_message_view(request: HtmxHttpRequest) -> HttpResponse:
    """One turn. With htmx: the user's message and the reply, appended to the conversation,
    plus the draft panel out of band. Without: back to the conversation page."""
    session = _session_or_404(request, request.POST.get("session"))
    text = request.POST.get("text", "")
    try:
        reply = ai_parse_description(
            user=request.user, text=text, session_id=session.pk if session else None
        )
    except AIThrottled as exc:
        return _throttled(request, session, text, exc)
    except AssistantError as exc:
        errors = [e["message"] for e in exc.errors]
        if request.htmx:
            # 200, not 4xx: htmx swaps only successful answers; the text stays in the form.
            response = render(
                request, "ai_assistant/chat.html#form-errors", {"form_errors": errors}
            )
            return reswap(retarget(response, "#form-errors"), "outerHTML")
        return render(
            request,
            "ai_assistant/chat.html",
            _chat_context(request, session, text=text, form_errors=errors),
            status=400,
        )
    session = ChatSession.objects.get(pk=reply.session_id)
    if not request.htmx:
        return redirect(f"{reverse('ai_assistant:chat')}?session={session.pk}")
    context = _chat_context(request, session)
    context["turn"] = [
        Bubble(role="user", kind="user", text=text.strip()),
        _bubble_from_reply(reply),
    ]
    context["reply_kind"] = reply.kind
    # The conversation's own address: a reload (or a bookmark) comes back to it and its draft.
    return push_url(
        render(request, "ai_assistant/chat.html#turn", context),
        f"{reverse('ai_assistant:chat')}?session={session.pk}",
    )


def _throttled(
    request: HtmxHttpRequest, session: ChatSession | None, text: str, exc: AIThrottled
) -> HttpResponse:
    """A turn refused by the throttle: nothing was stored. The notice joins the conversation
    and the text stays in the box (ai-chat.js keeps it after an error; without htmx the page
    is rendered again with it)."""
    notice = Bubble(
        role="system",
        kind="error",
        text=" ".join(
            [
                *(e["message"] for e in exc.errors),
                _("Your message was not sent; it is still in the text field."),
            ]
        ),
    )
    context = _chat_context(request, session, text=text)
    if request.htmx:
        # 200, not 429: htmx swaps only successful answers.
        context["turn"] = [notice]
        response = render(request, "ai_assistant/chat.html#turn", context)
    else:
        context["bubbles"].append(notice)
        response = render(request, "ai_assistant/chat.html", context, status=429)
    for name, value in exc.response_headers().items():
        response[name] = value
    return response


@require_role(BUSINESS)
@require_POST
def chat_confirm_view(request: HtmxHttpRequest) -> HttpResponse:
    """The "Opprett" button: the session's draft becomes a workflow (a draft, or active
    when asked for and allowed), then the workflow's page."""
    session = _session_or_404(request, request.POST.get("session"))
    if session is None:
        raise Http404(_("No such conversation."))
    activate = request.POST.get("activate") == "1"
    if activate and not user_may_deploy(request.user):
        raise PermissionDenied(_("Only developers may activate workflows."))
    try:
        workflow = ai_confirm(user=request.user, session_id=session.pk, activate=activate)
    except (AssistantError, WorkflowValidationError) as exc:
        context = _chat_context(request, session, confirm_errors=list(exc.errors))
        if request.htmx:
            return render(request, "ai_assistant/chat.html#draft-panel", context)
        return render(request, "ai_assistant/chat.html", context, status=400)
    if workflow.status == WorkflowDefinition.Status.ACTIVE:
        messages.success(request, _("The workflow is saved and active."))
    else:
        messages.success(request, _("The workflow is saved as a draft."))
    return _to_workflow(request, workflow)


@require_role(BUSINESS)
@require_POST
def chat_use_template_view(request: HtmxHttpRequest) -> HttpResponse:
    """ "Use an existing template instead" of the one the draft proposes: a new preview in
    the conversation."""
    session = _session_or_404(request, request.POST.get("session"))
    if session is None:
        raise Http404(_("No such conversation."))
    try:
        template_id = int(request.POST.get("template", ""))
    except ValueError:
        template_id = 0
    try:
        reply = ai_use_template(
            user=request.user,
            session_id=session.pk,
            name=request.POST.get("name", ""),
            template_id=template_id,
        )
    except (AssistantError, WorkflowValidationError) as exc:
        context = _chat_context(request, session, confirm_errors=list(exc.errors))
        if request.htmx:
            return reswap(
                retarget(
                    render(request, "ai_assistant/chat.html#draft-panel", context), "#draft-panel"
                ),
                "outerHTML",
            )
        return render(request, "ai_assistant/chat.html", context, status=400)
    if not request.htmx:
        return redirect(f"{reverse('ai_assistant:chat')}?session={session.pk}")
    context = _chat_context(request, ChatSession.objects.get(pk=session.pk))
    context["turn"] = [_bubble_from_reply(reply)]
    return render(request, "ai_assistant/chat.html#turn", context)


@require_role(BUSINESS)
@require_POST
def chat_edit_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """ "Endre med AI" on a workflow's page: a conversation with that workflow as the draft."""
    workflow = get_object_or_404(workflow_list(user=request.user), pk=pk)
    try:
        reply = ai_start_edit(user=request.user, workflow=workflow)
    except WorkflowValidationError as exc:
        messages.error(request, " ".join(str(e["message"]) for e in exc.errors))
        return redirect("automation:workflow-detail", pk=pk)
    url = f"{reverse('ai_assistant:chat')}?session={reply.session_id}"
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _to_workflow(request: HtmxHttpRequest, workflow: WorkflowDefinition) -> HttpResponse:
    url = reverse("automation:workflow-detail", args=[workflow.pk])
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# --- Script editor ----------------------------------------------------------------------------


def _language_of(raw: str | None) -> str:
    return raw if raw in SCRIPT_LANGUAGES else "python"


def _example_script(language: str) -> str:
    def name_of(category: str, fallback: str) -> str:
        template = EmailTemplate.objects.filter(category=category).order_by("name").first()
        name = template.name if template else fallback
        return name.replace("\\", "\\\\").replace('"', '\\"')

    return (
        EXAMPLE_SCRIPTS[language]
        .replace("{order_form}", name_of("bestilling", "Bestillingsskjema"))
        .replace("{reminder}", name_of("reminder", "Påminnelse"))
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _step_call_pattern() -> re.Pattern[str]:
    names = sorted({*methods(), *(_camel(m) for m in methods())}, key=len, reverse=True)
    return re.compile(r"\.\s*(?:" + "|".join(names) + r")\s*\(")


_WORKFLOW_CALL = re.compile(r"\bworkflow\s*\(")
_STEP_PATH = re.compile(r"^/steps/(\d+)(?:/|$)")


def _line_of(path: str, source: str) -> int:
    """Where in the script a validator error (a JSON Pointer into the compiled document)
    belongs: the n-th step method call for /steps/n/..., else the workflow(...) call. The
    compiler appends steps in call order, so the n-th call is step n."""
    starts = [m.start() for m in _step_call_pattern().finditer(source)]
    found = _STEP_PATH.match(path or "")
    offset = None
    if found and int(found.group(1)) < len(starts):
        offset = starts[int(found.group(1))]
    elif (match := _WORKFLOW_CALL.search(source)) is not None:
        offset = match.start()
    return source.count("\n", 0, offset) + 1 if offset is not None else 1


def _positioned(errors: list[dict[str, Any]], source: str = "") -> list[dict[str, Any]]:
    """Errors for the editor, every one with a line and column. The compiler's errors have
    them; the validator's point into the document instead and are placed on the step's
    call (column 1)."""
    out = []
    for error in errors:
        line = error.get("line") or _line_of(str(error.get("path", "")), source)
        out.append(
            {
                "line": int(line),
                "column": int(error.get("column") or 1),
                "end_line": error.get("end_line"),
                "end_column": error.get("end_column"),
                "message": str(error.get("message", "")),
                "code": error.get("code", ""),
                "path": error.get("path", ""),
            }
        )
    return out


def _script_context(
    request: HttpRequest,
    *,
    language: str,
    source: str,
    errors: list[dict[str, Any]] | None = None,
    preview: list[PreviewLine] | None = None,
) -> dict[str, Any]:
    return {
        "language": language,
        "languages": SCRIPT_LANGUAGES,
        "source": source,
        "errors": _positioned(errors or [], source),
        "preview": preview or [],
        "examples": {lang: _example_script(lang) for lang in SCRIPT_LANGUAGES},
        "docs": docs(),
        "max_bytes": MAX_SOURCE_BYTES,
        "entry": _entry_points(request.user),
    }


@require_role(DEVELOPER)
@require_http_methods(["GET", "POST"])
def script_editor_view(request: HtmxHttpRequest) -> HttpResponse:
    """GET: the editor with an example (or a gallery entry exported as a script). POST: save
    the script as a draft workflow when it compiles and validates."""
    if request.method == "POST":
        return _script_save(request)
    language = _language_of(request.GET.get("language"))
    source = _example_script(language)
    item = gallery.gallery_get(request.GET.get("galleri", ""))
    if item is not None:
        resolved = gallery.resolve(item, request.GET, default_email=request.user.email)
        source = export_script(resolved.workflow, language=language)
    reply = ai_execute_script(user=request.user, language=language, source=source)
    context = _script_context(
        request, language=language, source=source, errors=reply.errors, preview=reply.preview
    )
    template = "ai_assistant/script_editor.html"
    if request.htmx:
        template += "#script-result"
    return render(request, template, context)


def _script_save(request: HtmxHttpRequest) -> HttpResponse:
    language = _language_of(request.POST.get("language"))
    source = request.POST.get("source", "")
    reply = ai_execute_script(user=request.user, language=language, source=source)
    workflow = None
    errors = reply.errors
    if reply.is_valid:
        try:
            workflow = workflow_create(created_by=request.user, data=reply.workflow)
        except WorkflowValidationError as exc:
            errors = exc.errors
    if workflow is not None:
        messages.success(request, _("The workflow is saved as a draft."))
        return _to_workflow(request, workflow)
    context = _script_context(
        request, language=language, source=source, errors=errors, preview=reply.preview
    )
    if request.htmx:
        return render(request, "ai_assistant/script_editor.html#script-result", context)
    return render(request, "ai_assistant/script_editor.html", context, status=400)


@require_role(DEVELOPER)
@require_POST
def script_check_view(request: HtmxHttpRequest) -> JsonResponse:
    """What the editor marks as you type: errors with line and column, and the preview."""
    language = _language_of(request.POST.get("language"))
    source = request.POST.get("source", "")
    reply = ai_execute_script(user=request.user, language=language, source=source)
    return JsonResponse(
        {
            "ok": reply.is_valid,
            "errors": _positioned(reply.errors, source),
            "preview": [line.as_dict() for line in reply.preview],
        }
    )


# --- Gallery ----------------------------------------------------------------------------------


@require_role(BUSINESS)
@require_GET
def gallery_view(request: HtmxHttpRequest) -> HttpResponse:
    language = _ui_language()
    cards = []
    for item in gallery.GALLERY:
        resolved = gallery.resolve(item, default_email=request.user.email)
        cards.append(
            {
                "item": item,
                "preview": workflow_preview(resolved.workflow, language=language),
                "problems": resolved.problems,
            }
        )
    template = "ai_assistant/gallery.html"
    if request.htmx:
        template += "#gallery-list"
    return render(
        request,
        template,
        {"cards": cards, "entry": _entry_points(request.user)},
    )


@require_role(BUSINESS)
@require_http_methods(["GET", "POST"])
def gallery_use_view(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """One entry, prefilled for this business: choose templates, group or address, see the
    preview, create it (through the one validator)."""
    item = gallery.gallery_get(slug)
    if item is None:
        raise Http404(_("No such prepared workflow."))
    values = request.POST if request.method == "POST" else request.GET
    resolved = gallery.resolve(item, values, default_email=request.user.email)
    errors: list[dict[str, Any]] = []
    if request.method == "POST":
        try:
            workflow = workflow_create(created_by=request.user, data=resolved.workflow)
        except WorkflowValidationError as exc:
            errors = list(exc.errors)
        else:
            messages.success(request, _("The workflow is saved as a draft."))
            return _to_workflow(request, workflow)
    context = {
        "resolved": resolved,
        "item": item,
        "preview": workflow_preview(resolved.workflow, language=_ui_language()),
        "errors": errors,
        "script_query": urlencode(
            [("galleri", item.slug)] + [(c.key, c.value) for c in resolved.choices]
        ),
        "entry": _entry_points(request.user),
    }
    template = "ai_assistant/gallery_use.html"
    if request.htmx:
        template += "#gallery-preview"
    status = 400 if errors and not request.htmx else 200
    return render(request, template, context, status=status)
