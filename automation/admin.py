from __future__ import annotations

import json

from django.contrib import admin
from django.db import models
from django.db.models import Count, F, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from automation.models import (
    Integration,
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
)


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


class WorkflowStepInline(admin.StackedInline):
    model = WorkflowStep
    extra = 0
    ordering = ["step_order"]
    autocomplete_fields = ["template"]
    fields = [
        ("step_order", "name", "is_active"),
        ("step_type", "trigger_type", "max_retries"),
        "template",
        "trigger_config",
        "action_config",
        "condition_config",
    ]


class WorkflowScheduleInline(admin.StackedInline):
    model = WorkflowSchedule
    extra = 0
    max_num = 1
    fields = [("schedule_type", "timezone"), "schedule_config", ("next_run", "last_run")]
    # The scheduler owns these: a hand-edited next_run would skip or repeat a run.
    readonly_fields = ["next_run", "last_run"]


@admin.register(WorkflowDefinition)
class WorkflowDefinitionAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "workflow_type",
        "status",
        "is_active",
        "version",
        "step_count",
        "next_run",
        "updated_at",
    ]
    list_filter = ["status", "workflow_type", "is_active", "schedule__schedule_type"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["created_by"]
    readonly_fields = ["version", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "description", "workflow_type", "event"]}),
        (_("State"), {"fields": [("status", "is_active"), "version", "grace_minutes"]}),
        (_("History"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    inlines = [WorkflowScheduleInline, WorkflowStepInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[WorkflowDefinition]:
        # Annotated, not select_related: a workflow without a schedule has no row to join,
        # and the reverse one-to-one accessor would raise for it.
        return (
            super()
            .get_queryset(request)
            .annotate(next_run_at=F("schedule__next_run"), step_total=Count("steps"))
        )

    @admin.display(description=_("next run"), ordering="next_run_at")
    def next_run(self, workflow: WorkflowDefinition) -> object:
        return workflow.next_run_at

    @admin.display(description=_("steps"), ordering="step_total")
    def step_count(self, workflow: WorkflowDefinition) -> int:
        return workflow.step_total

    def save_model(
        self, request: HttpRequest, obj: WorkflowDefinition, form: ModelForm, change: bool
    ) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(WorkflowVersion)
class WorkflowVersionAdmin(admin.ModelAdmin):
    """History: written by the workflow services, never by hand."""

    list_display = ["workflow", "version", "created_by", "created_at"]
    list_filter = ["workflow"]
    list_select_related = ["workflow", "created_by"]
    search_fields = ["workflow__name"]
    date_hierarchy = "created_at"
    fields = ["workflow", "version", "created_by", "created_at", "definition_pretty"]
    readonly_fields = fields

    @admin.display(description=_("definition"))
    def definition_pretty(self, version: WorkflowVersion) -> SafeString:
        return _pretty_json(version.definition)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(WorkflowStep)
class WorkflowStepAdmin(admin.ModelAdmin):
    list_display = ["workflow", "step_order", "name", "step_type", "trigger_type", "is_active"]
    list_display_links = ["workflow", "step_order", "name"]
    list_filter = ["step_type", "trigger_type", "is_active"]
    list_select_related = ["workflow"]
    search_fields = ["workflow__name", "name"]
    autocomplete_fields = ["workflow", "template"]
    ordering = ["workflow__name", "step_order"]


@admin.register(WorkflowSchedule)
class WorkflowScheduleAdmin(admin.ModelAdmin):
    list_display = ["workflow", "schedule_type", "timezone", "next_run", "last_run"]
    list_filter = ["schedule_type", "timezone"]
    list_select_related = ["workflow"]
    search_fields = ["workflow__name"]
    autocomplete_fields = ["workflow"]
    readonly_fields = ["next_run", "last_run"]
    ordering = [F("next_run").asc(nulls_last=True)]


@admin.register(Integration)
class IntegrationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "base_url",
        "auth_type",
        "is_active",
        "has_credentials",
        "last_tested_at",
        "last_test_ok",
    ]
    list_filter = ["auth_type", "is_active", "last_test_ok"]
    search_fields = ["name", "base_url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # credentials_encrypted is never listed here: not even the ciphertext leaves the server.
    fields = [
        "name",
        "base_url",
        "auth_type",
        "has_credentials",
        "headers",
        "is_active",
        "last_tested_at",
        "last_test_ok",
        "created_by",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [
        "has_credentials",
        "last_tested_at",
        "last_test_ok",
        "created_by",
        "created_at",
        "updated_at",
    ]

    @admin.display(description=_("credentials stored"), boolean=True)
    def has_credentials(self, integration: Integration) -> bool:
        return bool(integration.credentials_encrypted)

    def save_model(
        self, request: HttpRequest, obj: Integration, form: ModelForm, change: bool
    ) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
