"""Read-only admin for the assistant's records: staff inspect conversations and requests,
but nobody edits history (a changed prompt log would no longer say what was sent)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from ai_assistant.models import AIRequestLog, ChatMessage, ChatSession


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Superusers may still clean up (e.g. a user asked for their data to be removed).
        return bool(request.user.is_superuser)


class ChatMessageInline(admin.TabularInline):
    model = ChatMessage
    extra = 0
    can_delete = False
    fields = ["created_at", "role", "content", "errors"]
    readonly_fields = fields
    ordering = ["created_at", "pk"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ChatSession)
class ChatSessionAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "user",
        "language",
        "draft_origin",
        "workflow",
        "created_at",
        "updated_at",
    ]
    list_filter = ["language", "draft_origin", "created_at"]
    search_fields = ["title", "user__username", "messages__content"]
    list_select_related = ["user", "workflow"]
    fields = [
        "user",
        "title",
        "language",
        "workflow",
        "created_at",
        "updated_at",
        "draft_origin",
        "draft",
    ]
    readonly_fields = fields
    inlines = [ChatMessageInline]

    @admin.display(description=_("current draft"))
    def draft(self, obj: ChatSession) -> SafeString:
        return _pretty_json(obj.current_draft)


@admin.register(ChatMessage)
class ChatMessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "session", "role", "short_content"]
    list_filter = ["role", "created_at"]
    search_fields = ["content"]
    list_select_related = ["session"]
    fields = ["session", "role", "created_at", "content", "workflow_json", "errors_json"]
    readonly_fields = fields

    @admin.display(description=_("content"))
    def short_content(self, obj: ChatMessage) -> str:
        return obj.content[:100]

    @admin.display(description=_("workflow"))
    def workflow_json(self, obj: ChatMessage) -> SafeString:
        return _pretty_json(obj.workflow)

    @admin.display(description=_("errors"))
    def errors_json(self, obj: ChatMessage) -> SafeString:
        return _pretty_json(obj.errors)


@admin.register(AIRequestLog)
class AIRequestLogAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "provider",
        "model",
        "attempt",
        "status",
        "input_tokens",
        "output_tokens",
        "latency_ms",
        "session",
    ]
    list_filter = ["provider", "status", "model", "created_at"]
    search_fields = ["error", "response", "model"]
    list_select_related = ["session"]
    date_hierarchy = "created_at"
    fields = [
        "created_at",
        ("provider", "model", "attempt"),
        ("status", "latency_ms"),
        ("input_tokens", "output_tokens"),
        "session",
        "error",
        "prompt_json",
        "response_text",
    ]
    readonly_fields = [
        "created_at",
        "provider",
        "model",
        "attempt",
        "status",
        "latency_ms",
        "input_tokens",
        "output_tokens",
        "session",
        "error",
        "prompt_json",
        "response_text",
    ]

    @admin.display(description=_("prompt"))
    def prompt_json(self, obj: AIRequestLog) -> SafeString:
        return _pretty_json(obj.prompt)

    @admin.display(description=_("response"))
    def response_text(self, obj: AIRequestLog) -> SafeString:
        return format_html("<pre>{}</pre>", obj.response)
