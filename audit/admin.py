"""The audit trail in the admin: read-only (nobody adds, changes or deletes an event)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "entry_point", "action", "object_type", "object_repr"]
    list_filter = [
        "entry_point",
        "action",
        "object_type",
        "at",
        ("actor", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["object_repr", "actor_name", "object_id"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
    fields = [
        "at",
        "actor",
        "actor_name",
        "entry_point",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "changes_shown",
    ]
    readonly_fields = fields

    @admin.display(description=_("changes"))
    def changes_shown(self, event: AuditEvent) -> str:
        text = json.dumps(event.changes, ensure_ascii=False, indent=2, sort_keys=True)
        return format_html("<pre>{}</pre>", text)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
