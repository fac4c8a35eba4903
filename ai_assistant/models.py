"""The AI assistant's records: chat sessions, their messages and every request to a provider."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    NB = "nb", _("Norwegian Bokmål")
    EN = "en", _("English")


class DraftOrigin(models.TextChoices):
    """What made a chat session's draft. The values are the audit trail's entry points:
    confirming the draft records its changes as coming from this one."""

    AI = "ai", _("AI assistant")
    DSL = "dsl", _("Script (DSL)")


class ChatSession(models.Model):
    """One conversation that builds one workflow draft, refined message by message."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ai_chat_sessions",
        verbose_name=_("user"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.NB
    )
    # The latest valid (normalised) workflow the assistant offered; follow-ups edit it.
    current_draft = models.JSONField(_("current draft"), null=True, blank=True)
    # New email templates the draft names (see ai_assistant.proposals), created on confirm.
    draft_templates = models.JSONField(_("proposed templates"), default=list, blank=True)
    # A script (ai/execute-script with this session) makes it "dsl"; the assistant's next
    # draft from text makes it "ai" again.
    draft_origin = models.CharField(
        _("draft made by"), max_length=10, choices=DraftOrigin.choices, default=DraftOrigin.AI
    )
    # What the assistant's last question left open, for the answer to continue (the offline
    # assistant's; see ai_assistant.offline.conversation). Cleared by a draft.
    pending = models.JSONField(_("open question"), null=True, blank=True)
    # "Endre med AI": the saved workflow this conversation changes (confirming saves a new
    # version of it, based on ``edit_base_version``), instead of creating one.
    edit_of = models.ForeignKey(
        "automation.WorkflowDefinition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ai_edit_sessions",
        verbose_name=_("workflow being changed"),
    )
    edit_base_version = models.PositiveIntegerField(_("based on version"), null=True, blank=True)
    # Set by ai_confirm, so that confirming twice does not create two workflows.
    workflow = models.ForeignKey(
        "automation.WorkflowDefinition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created workflow"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("chat session")
        verbose_name_plural = _("chat sessions")

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"


class ChatMessage(models.Model):
    class Role(models.TextChoices):
        USER = "user", _("User")
        ASSISTANT = "assistant", _("Assistant")
        # Notices from the product itself (e.g. "the AI service did not answer"): shown to the
        # user, never sent to the model as if the model had said them.
        SYSTEM = "system", _("System")

    session = models.ForeignKey(
        ChatSession,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("session"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    content = models.TextField(_("content"), blank=True)
    workflow = models.JSONField(_("workflow"), null=True, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["session", "created_at", "pk"]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.content[:60]}"


class AIRequestLog(models.Model):
    """One request to a provider (offline parser included): what was asked, what came back,
    what it cost. Staff read these in the admin to judge and debug the assistant."""

    class Status(models.TextChoices):
        OK = "ok", _("OK")
        ERROR = "error", _("Error")

    provider = models.CharField(_("provider"), max_length=20)
    model = models.CharField(_("model"), max_length=100, blank=True)
    attempt = models.PositiveSmallIntegerField(
        _("attempt"), default=1, help_text=_("1 for the first answer, 2 for the repair round.")
    )
    input_tokens = models.PositiveIntegerField(_("input tokens"), null=True, blank=True)
    output_tokens = models.PositiveIntegerField(_("output tokens"), null=True, blank=True)
    latency_ms = models.PositiveIntegerField(_("latency (ms)"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    error = models.TextField(_("error"), blank=True)
    # The system prompt and messages as sent; API keys are never part of it.
    prompt = models.JSONField(_("prompt"), default=dict, blank=True)
    response = models.TextField(_("response"), blank=True)
    session = models.ForeignKey(
        ChatSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="request_logs",
        verbose_name=_("session"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("AI request")
        verbose_name_plural = _("AI requests")
        indexes = [models.Index(fields=["provider", "status"], name="ai_request_provider_idx")]

    def __str__(self) -> str:
        return f"{self.provider}/{self.model} {self.status} {self.created_at:%Y-%m-%d %H:%M}"
