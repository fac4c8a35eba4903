from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.roles import STAFF, user_has_role
from automation.admin import WorkflowDefinitionAdmin
from automation.models import WorkflowDefinition
from automation.registry import get_step_type, step_type_keys
from automation.services import WorkflowValidationError
from customers.models import Customer
from executions.decisions import (
    DecisionError,
    current_message_id,
    email_mark_delivered,
    email_resend,
)
from executions.lifecycle import (
    ExecutionStateError,
    StepPreview,
    dead_letter_list,
    execution_cancel,
    execution_pause,
    execution_resume,
    execution_retry,
    execution_test_report,
    execution_test_run,
)
from executions.models import (
    EmailDecision,
    ExecutionTransition,
    Installation,
    WorkflowActionLog,
    WorkflowExecution,
    WorkLease,
)
from executions.services import execution_start, manual_idempotency_key

# An execution that emailed thousands of customers has thousands of log rows; its page shows
# the first ones and links to the full, filterable list.
INLINE_LOG_LIMIT = 200


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


class ShownReasonsMixin:
    """Stored reasons and errors in the reader's language (``core.reasons``); the English
    text stays searchable where a list searches it."""

    @admin.display(description=_("reason"))
    def reason_shown(self, obj: ExecutionTransition | WorkflowActionLog) -> str:
        return obj.reason_label or "-"

    @admin.display(description=_("error message"))
    def error_shown(self, obj: WorkflowExecution | WorkflowActionLog) -> str:
        return obj.error_label or "-"


class ReadOnlyAdminMixin:
    """For records the engine writes: an audit trail that staff read but never edit."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class WorkflowActionLogInline(ShownReasonsMixin, ReadOnlyAdminMixin, admin.TabularInline):
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
        "reason_shown",
        "error_shown",
        "performed_at",
    ]
    readonly_fields = fields
    ordering = ["step_order", "pk"]


class ExecutionTransitionInline(ShownReasonsMixin, ReadOnlyAdminMixin, admin.TabularInline):
    model = ExecutionTransition
    extra = 0
    fields = ["at", "from_status", "to_status", "step_order", "reason_shown", "actor"]
    readonly_fields = fields
    ordering = ["at", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExecutionTransition]:
        return super().get_queryset(request).select_related("actor")


class EmailDecisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = EmailDecision
    extra = 0
    fields = [
        "decided_at",
        "action_log",
        "message_id",
        "decision",
        "new_message_id",
        "decided_by_label",
    ]
    readonly_fields = fields
    ordering = ["decided_at", "pk"]
    verbose_name_plural = _("decisions about emails with unknown outcome")

    def get_queryset(self, request: HttpRequest) -> QuerySet[EmailDecision]:
        return super().get_queryset(request).select_related("decided_by", "action_log")

    @admin.display(description=_("decided by"))
    def decided_by_label(self, obj: EmailDecision) -> str:
        return obj.decided_by_label


NEEDS_ATTENTION = "yes"
PROBLEM_LOG_STATUSES = (WorkflowActionLog.Status.FAILED, WorkflowActionLog.Status.UNKNOWN)


class NeedsAttentionFilter(admin.SimpleListFilter):
    """The dead-letter list: failed real runs, and runs where an email's fate is unknown
    (a crash between sending and logging) that someone has to check by hand."""

    title = _("needs attention")
    parameter_name = "needs_attention"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [(NEEDS_ATTENTION, _("Dead letters (failed or unknown outcome)"))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[WorkflowExecution]
    ) -> QuerySet[WorkflowExecution]:
        if self.value() != NEEDS_ATTENTION:
            return queryset
        unknown = WorkflowActionLog.objects.filter(
            execution=OuterRef("pk"), status=WorkflowActionLog.Status.UNKNOWN
        )
        return queryset.filter(
            Q(pk__in=dead_letter_list().order_by().values("pk")) | Q(Exists(unknown))
        )


def _steer(
    request: HttpRequest,
    queryset: QuerySet[WorkflowExecution],
    service: Callable[..., WorkflowExecution],
    done: str,
) -> None:
    """Apply a lifecycle service to each execution; say per execution what happened."""
    for execution in queryset.order_by("pk"):
        try:
            result = service(execution=execution, by=request.user)
        except ExecutionStateError as exc:
            messages.error(
                request,
                gettext("Execution %(id)s: %(error)s") % {"id": execution.pk, "error": exc},
            )
        else:
            messages.success(
                request,
                done % {"id": result.pk, "status": result.get_status_display()},
            )


def _execution_link(execution: WorkflowExecution) -> SafeString:
    return format_html(
        '<a href="{}">#{}</a>',
        reverse("admin:executions_workflowexecution_change", args=[execution.pk]),
        execution.pk,
    )


@admin.register(WorkflowExecution)
class WorkflowExecutionAdmin(ShownReasonsMixin, admin.ModelAdmin):
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
        "problem_count",
    ]
    list_display_links = ["id", "workflow"]
    list_filter = [NeedsAttentionFilter, "status", "trigger", "is_test", "workflow"]
    actions = ["pause", "resume", "cancel", "retry"]
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
        (_("Outcome"), {"fields": ["error_shown", "error_code", "alerted_at", "action_summary"]}),
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
        "error_shown",
        "error_code",
        "alerted_at",
        "action_summary",
        "context_pretty",
        "snapshot_pretty",
    ]
    inlines = [ExecutionTransitionInline, EmailDecisionInline, WorkflowActionLogInline]
    change_list_template = "admin/executions/workflowexecution/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_steer_permission(self, request: HttpRequest) -> bool:
        # The form is read-only (the engine owns the fields), but moving an execution on
        # through the lifecycle services is what the change permission stands for.
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def get_queryset(self, request: HttpRequest) -> QuerySet[WorkflowExecution]:
        # A correlated subquery, not a JOIN + GROUP BY: it runs for the page's rows only,
        # however many thousands of log rows an execution has.
        problems = (
            WorkflowActionLog.objects.filter(
                execution=OuterRef("pk"), status__in=PROBLEM_LOG_STATUSES
            )
            .order_by()
            .values("execution")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(problem_total=Coalesce(Subquery(problems, output_field=IntegerField()), 0))
        )

    def get_fieldsets(self, request: HttpRequest, obj: WorkflowExecution | None = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.is_test:
            fieldsets.insert(3, (_("Test run: who would get what"), {"fields": ["test_report"]}))
        return fieldsets

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> Any:
        extra_context = {
            **(extra_context or {}),
            "dead_letters_query": f"{NeedsAttentionFilter.parameter_name}={NEEDS_ATTENTION}",
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("failed/unknown actions"), ordering="problem_total")
    def problem_count(self, execution: WorkflowExecution) -> int | SafeString:
        if not execution.problem_total:
            return 0
        url = reverse("admin:executions_workflowactionlog_changelist")
        query = urlencode({"execution__id__exact": execution.pk, "status__in": "failed,unknown"})
        return format_html('<a href="{}?{}">{}</a>', url, query, execution.problem_total)

    @admin.display(description=_("report"))
    def test_report(self, execution: WorkflowExecution) -> SafeString:
        return _render_test_report(execution_test_report(execution))

    # --- Actions ---------------------------------------------------------------------------

    @admin.action(description=_("Pause the selected executions"), permissions=["steer"])
    def pause(self, request: HttpRequest, queryset: QuerySet[WorkflowExecution]) -> None:
        _steer(request, queryset, execution_pause, gettext("Execution %(id)s: %(status)s."))

    @admin.action(description=_("Resume the selected executions"), permissions=["steer"])
    def resume(self, request: HttpRequest, queryset: QuerySet[WorkflowExecution]) -> None:
        _steer(request, queryset, execution_resume, gettext("Execution %(id)s: %(status)s."))

    @admin.action(description=_("Cancel the selected executions"), permissions=["steer"])
    def cancel(self, request: HttpRequest, queryset: QuerySet[WorkflowExecution]) -> None:
        _steer(request, queryset, execution_cancel, gettext("Execution %(id)s: %(status)s."))

    @admin.action(
        description=_("Retry the selected failed executions (customers not yet reached)"),
        permissions=["steer"],
    )
    def retry(self, request: HttpRequest, queryset: QuerySet[WorkflowExecution]) -> None:
        _steer(
            request,
            queryset,
            execution_retry,
            gettext("Execution %(id)s: %(status)s again, from the failed step."),
        )

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


UNKNOWN_EMAILS = "undecided"


class UnknownEmailFilter(admin.SimpleListFilter):
    """Every customer email whose outcome is unknown, across executions: the ones waiting
    for someone to check the mail server's log and decide."""

    title = _("emails with unknown outcome")
    parameter_name = "unknown_email"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [(UNKNOWN_EMAILS, _("Waiting for a decision"))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[WorkflowActionLog]
    ) -> QuerySet[WorkflowActionLog]:
        if self.value() != UNKNOWN_EMAILS:
            return queryset
        return queryset.filter(
            status=WorkflowActionLog.Status.UNKNOWN,
            target_type=WorkflowActionLog.TargetType.CUSTOMER,
            action_type__in=step_type_keys(lambda cls: cls.emails_customers),
        )


def _decide(
    request: HttpRequest,
    queryset: QuerySet[WorkflowActionLog],
    service: Callable[..., EmailDecision],
    done: str,
) -> None:
    """Apply a decision service to each selected email; say per email what happened."""
    for log in queryset.order_by("pk"):
        try:
            service(log=log, by=request.user)
        except DecisionError as exc:
            messages.error(
                request, gettext("Action log %(id)s: %(error)s") % {"id": log.pk, "error": exc}
            )
        else:
            messages.success(request, done % {"id": log.pk})


@admin.register(WorkflowActionLog)
class WorkflowActionLogAdmin(ShownReasonsMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "performed_at",
        "execution",
        "step_order",
        "action_type",
        "target_type",
        "target_id",
        "customer_shown",
        "status",
        "attempts",
        "message_id_shown",
    ]
    list_filter = [UnknownEmailFilter, "status", "action_type", "target_type", "error_code"]
    actions = ["mark_delivered", "resend"]
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
        "reason_shown",
        "error_shown",
        "error_code",
        "customer_shown",
        "subject_shown",
        "message_id_shown",
        "result_pretty",
        "performed_at",
        "updated_at",
    ]
    fields = readonly_fields
    inlines = [EmailDecisionInline]

    def has_decide_permission(self, request: HttpRequest) -> bool:
        # The admin's users are staff by role already (accounts.roles); said here all the
        # same, as the pages and the API say it.
        return user_has_role(request.user, STAFF)

    def _is_email(self, log: WorkflowActionLog) -> bool:
        return (
            log.target_type == WorkflowActionLog.TargetType.CUSTOMER
            and log.action_type in step_type_keys(lambda cls: cls.emails_customers)
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[WorkflowActionLog]:
        # The customer's name and address in the page's one query (target_id is no foreign
        # key: it names a customer only for customer rows).
        customer = Customer.objects.filter(pk=OuterRef("target_id"))
        return (
            super()
            .get_queryset(request)
            .select_related("execution__workflow", "step")
            .annotate(
                customer_name=Subquery(customer.values("name")[:1]),
                customer_email=Subquery(customer.values("email")[:1]),
            )
        )

    @admin.display(description=_("customer"))
    def customer_shown(self, log: WorkflowActionLog) -> str:
        if log.target_type != WorkflowActionLog.TargetType.CUSTOMER:
            return "-"
        if getattr(log, "customer_name", None) is None:
            return str(log.target_id)
        return f"{log.customer_name} <{log.customer_email}>"

    @admin.display(description=_("subject"))
    def subject_shown(self, log: WorkflowActionLog) -> str:
        if not self._is_email(log):
            return "-"
        if log.result_data.get("subject"):
            return str(log.result_data["subject"])
        # A claim keeps no subject: rendered again, as it was sent.
        return (
            get_step_type(log.action_type)().email_subject(
                log.execution_id, log.step_order, log.target_id or 0
            )
            or "-"
        )

    @admin.display(description=_("Message-ID"))
    def message_id_shown(self, log: WorkflowActionLog) -> str:
        if not self._is_email(log) or log.status in ("pending", "skipped"):
            return "-"
        return current_message_id(log)

    @admin.action(
        description=_("Mark the selected unknown emails as delivered (checked in the mail log)"),
        permissions=["decide"],
    )
    def mark_delivered(self, request: HttpRequest, queryset: QuerySet[WorkflowActionLog]) -> None:
        _decide(
            request,
            queryset,
            email_mark_delivered,
            gettext("Action log %(id)s: marked as delivered."),
        )

    @admin.action(
        description=_("Send the selected unknown emails again (new Message-ID)"),
        permissions=["decide"],
    )
    def resend(self, request: HttpRequest, queryset: QuerySet[WorkflowActionLog]) -> None:
        _decide(request, queryset, email_resend, gettext("Action log %(id)s: sent again."))

    @admin.display(description=_("result"))
    def result_pretty(self, log: WorkflowActionLog) -> SafeString:
        return _pretty_json(log.result_data)


@admin.register(EmailDecision)
class EmailDecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "decided_at",
        "execution",
        "action_log",
        "message_id",
        "decision",
        "new_message_id",
        "decided_by",
        "provider",
    ]
    list_filter = ["decision", "provider"]
    list_select_related = ["execution__workflow", "action_log", "decided_by"]
    date_hierarchy = "decided_at"
    search_fields = ["message_id", "new_message_id"]
    fields = [
        *("execution", "action_log", "message_id", "decision"),
        *("new_message_id", "decided_by", "provider", "decided_at"),
    ]
    readonly_fields = fields


@admin.register(ExecutionTransition)
class ExecutionTransitionAdmin(ShownReasonsMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "at",
        "execution",
        "from_status",
        "to_status",
        "step_order",
        "reason_shown",
        "actor",
    ]
    list_filter = ["to_status", "from_status", "reason_code"]
    list_select_related = ["execution__workflow", "actor"]
    date_hierarchy = "at"
    # The English text beside each code: what the search finds.
    search_fields = ["execution__workflow__name", "reason"]
    fields = [
        *("execution", "at", "from_status", "to_status", "step_order"),
        *("reason_shown", "reason_code", "actor"),
    ]
    readonly_fields = fields


@admin.register(Installation)
class InstallationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The key in every Message-ID: shown so that admins can tell this installation's mail
    in a mail server's log (``<wf-KEY.…>``), never changed (``executions.message_ids``)."""

    list_display = ["key", "created_at"]
    fields = ["key", "created_at"]
    readonly_fields = fields


@admin.register(WorkLease)
class WorkLeaseAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Fanned-out work a worker process holds now (``executions.leases``): read-only, to see
    which process works on what and until when its lease runs; recovery takes over expired
    ones by itself."""

    list_display = ["task_id", "execution", "step_order", "step_type", "holder", "lease_until"]
    list_filter = ["step_type"]
    search_fields = ["task_id", "holder"]
    fields = [*list_display, "part", "taken_at"]
    readonly_fields = fields


# --- The test-run report ----------------------------------------------------------------------


def _customer_cell(entry: dict[str, Any]) -> SafeString:
    return format_html(
        "{}<br><small>#{} {}</small>",
        entry.get("customer") or "-",
        entry.get("customer_id") or "",
        entry.get("email") or "",
    )


def _render_step(step: StepPreview) -> SafeString:
    # Only the subject and the text part: the rendered HTML stays out of our pages.
    rows = [
        format_html(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><details><summary>{}</summary>"
            "<pre>{}</pre></details></td></tr>",
            _customer_cell(entry),
            gettext("gets"),
            entry.get("subject") or "-",
            gettext("text"),
            entry.get("text") or "",
        )
        for entry in step.recipients
    ]
    rows += [
        format_html(
            '<tr class="skipped"><td>{}</td><td>{}</td><td colspan="2">{}</td></tr>',
            _customer_cell(entry),
            gettext("skipped"),
            entry.get("reason_label") or "-",
        )
        for entry in step.skipped
    ]
    rows += [
        format_html(
            '<tr><td>{}</td><td>{}</td><td colspan="2">{}</td></tr>',
            _customer_cell(entry) if entry.get("customer_id") else "-",
            entry.get("action") or "-",
            entry.get("reason_label") or entry.get("status") or "",
        )
        for entry in step.other
    ]
    summary = ngettext("%(count)d recipient", "%(count)d recipients", len(step.recipients)) % {
        "count": len(step.recipients)
    }
    skipped = ngettext("%(count)d skipped", "%(count)d skipped", len(step.skipped)) % {
        "count": len(step.skipped)
    }
    return format_html(
        "<h3>{} {}: {} <code>{}</code> ({}, {}{})</h3>"
        '<table class="test-run-report"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th>'
        "</tr></thead><tbody>{}</tbody></table>",
        gettext("Step"),
        step.step_order,
        step.name,
        step.step_type,
        summary,
        skipped,
        format_html(", {}", gettext("step skipped")) if step.status == "skipped" else "",
        gettext("customer"),
        gettext("outcome"),
        gettext("subject / reason"),
        format_html_join("", "{}", ((row,) for row in rows))
        if rows
        else format_html('<tr><td colspan="4">{}</td></tr>', gettext("Nobody.")),
    )


def _render_test_report(report: list[StepPreview]) -> SafeString:
    if not report:
        return format_html("<p>{}</p>", gettext("No steps."))
    return format_html_join("", "{}", ((_render_step(step),) for step in report))


# --- "Run now" and "test run" on the workflow list ---------------------------------------------
# Running a workflow is this app's business, and automation must not import executions
# (dependencies point one way), so the workflow admin gets these two actions from here.


@admin.action(description=_("Run the selected workflows now"), permissions=["change"])
def run_now(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[WorkflowDefinition]
) -> None:
    # The list renders a fresh key per page (see WorkflowDefinitionAdmin.changelist_view):
    # posting the same page twice finds the first execution instead of starting another.
    click_key = request.POST.get("action_key") or None
    for workflow in queryset:
        existed = (
            click_key is not None
            and WorkflowExecution.objects.filter(
                idempotency_key=manual_idempotency_key(workflow_id=workflow.pk, key=click_key)
            ).exists()
        )
        execution = execution_start(
            workflow=workflow, triggered_by=request.user, idempotency_key=click_key
        )
        text = (
            gettext("{workflow}: already started as execution {link} (same click).")
            if existed
            else gettext("{workflow}: started as execution {link}.")
        )
        messages.success(
            request, format_html(text, workflow=workflow, link=_execution_link(execution))
        )


@admin.action(
    description=_("Test run the selected workflows (nothing is sent)"), permissions=["change"]
)
def test_run(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[WorkflowDefinition]
) -> None:
    for workflow in queryset:
        try:
            execution = execution_test_run(workflow=workflow, by=request.user)
        except (WorkflowValidationError, ExecutionStateError) as exc:
            messages.error(request, f"{workflow}: {exc}")
            continue
        text = gettext(
            "{workflow}: test run {link} finished as {status}; it shows who would get what."
        )
        messages.success(
            request,
            format_html(
                text,
                workflow=workflow,
                link=_execution_link(execution),
                status=execution.get_status_display(),
            ),
        )


WorkflowDefinitionAdmin.actions = [*WorkflowDefinitionAdmin.actions, run_now, test_run]
