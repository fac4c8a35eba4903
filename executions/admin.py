from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution

# An execution that emailed thousands of customers has thousands of log rows; its page shows
# the first ones and links to the full, filterable list.
INLINE_LOG_LIMIT = 200


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


class ReadOnlyAdminMixin:
    """For records the engine writes: an audit trail that staff read but never edit."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class WorkflowActionLogInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = WorkflowActionLog
    extra = 0
    show_change_link = True
    fields = [
        "step_order",
        "action_type",
        "target_type",
        "target_id",
        "status",
        "attempts",
        "error_message",
        "performed_at",
    ]
    readonly_fields = fields
    ordering = ["step_order", "pk"]


class ExecutionTransitionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ExecutionTransition
    extra = 0
    fields = ["at", "from_status", "to_status", "step_order", "reason", "actor"]
    readonly_fields = fields
    ordering = ["at", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExecutionTransition]:
        return super().get_queryset(request).select_related("actor")


@admin.register(WorkflowExecution)
class WorkflowExecutionAdmin(admin.ModelAdmin):
    """Executions are created and moved on by the engine (with a transition row for every
    status change), so the admin shows them without letting a form change their state."""

    list_display = [
        "id",
        "workflow",
        "status",
        "trigger",
        "scheduled_for",
        "started_at",
        "completed_at",
        "is_test",
    ]
    list_display_links = ["id", "workflow"]
    list_filter = ["status", "trigger", "is_test", "workflow"]
    list_select_related = ["workflow"]
    date_hierarchy = "created_at"
    search_fields = ["workflow__name", "idempotency_key"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "workflow",
                    "workflow_version",
                    "status",
                    "trigger",
                    "triggered_by",
                    "is_test",
                    "idempotency_key",
                ]
            },
        ),
        (
            _("Timing"),
            {
                "fields": [
                    "scheduled_for",
                    "started_at",
                    "completed_at",
                    "current_step",
                    "resume_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        (_("Outcome"), {"fields": ["error_message", "alerted_at", "action_summary"]}),
        (
            _("Data"),
            {"classes": ["collapse"], "fields": ["context_pretty", "snapshot_pretty"]},
        ),
    ]
    readonly_fields = [
        "workflow",
        "workflow_version",
        "status",
        "trigger",
        "triggered_by",
        "is_test",
        "idempotency_key",
        "scheduled_for",
        "started_at",
        "completed_at",
        "current_step",
        "resume_at",
        "created_at",
        "updated_at",
        "error_message",
        "alerted_at",
        "action_summary",
        "context_pretty",
        "snapshot_pretty",
    ]
    inlines = [ExecutionTransitionInline, WorkflowActionLogInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_formset_kwargs(
        self, request: HttpRequest, obj: WorkflowExecution, inline: Any, prefix: str
    ) -> dict[str, Any]:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, WorkflowActionLogInline) and obj is not None and obj.pk:
            # The formset filters its queryset by execution, which a sliced queryset refuses;
            # a pk__in subquery keeps the limit in the database.
            first_ids = (
                WorkflowActionLog.objects.filter(execution=obj)
                .order_by("step_order", "pk")
                .values("pk")[:INLINE_LOG_LIMIT]
            )
            kwargs["queryset"] = kwargs["queryset"].filter(pk__in=first_ids)
        return kwargs

    @admin.display(description=_("actions"))
    def action_summary(self, execution: WorkflowExecution) -> SafeString:
        counts = (
            execution.action_logs.order_by()
            .values_list("status")
            .annotate(total=Count("pk"))
            .order_by("status")
        )
        labels = dict(WorkflowActionLog.Status.choices)
        summary = format_html_join(", ", "{}: {}", ((labels[s], n) for s, n in counts))
        url = reverse("admin:executions_workflowactionlog_changelist")
        return format_html(
            '{} <a href="{}?execution__id__exact={}">{}</a>',
            summary or "-",
            url,
            execution.pk,
            _("All action logs of this execution"),
        )

    @admin.display(description=_("context"))
    def context_pretty(self, execution: WorkflowExecution) -> SafeString:
        return _pretty_json(execution.context)

    @admin.display(description=_("definition snapshot"))
    def snapshot_pretty(self, execution: WorkflowExecution) -> SafeString:
        return _pretty_json(execution.definition_snapshot)


@admin.register(WorkflowActionLog)
class WorkflowActionLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "performed_at",
        "execution",
        "step_order",
        "action_type",
        "target_type",
        "target_id",
        "status",
        "attempts",
    ]
    list_filter = ["status", "action_type", "target_type"]
    list_select_related = ["execution__workflow"]
    date_hierarchy = "performed_at"
    search_fields = ["execution__workflow__name", "action_type"]
    readonly_fields = [
        "execution",
        "step",
        "step_order",
        "action_type",
        "target_type",
        "target_id",
        "status",
        "attempts",
        "error_message",
        "result_pretty",
        "performed_at",
        "updated_at",
    ]
    fields = readonly_fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[WorkflowActionLog]:
        return super().get_queryset(request).select_related("execution__workflow", "step")

    @admin.display(description=_("result"))
    def result_pretty(self, log: WorkflowActionLog) -> SafeString:
        return _pretty_json(log.result_data)


@admin.register(ExecutionTransition)
class ExecutionTransitionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "execution", "from_status", "to_status", "step_order", "reason", "actor"]
    list_filter = ["to_status", "from_status"]
    list_select_related = ["execution__workflow", "actor"]
    date_hierarchy = "at"
    search_fields = ["execution__workflow__name", "reason"]
    fields = ["execution", "at", "from_status", "to_status", "step_order", "reason", "actor"]
    readonly_fields = fields
