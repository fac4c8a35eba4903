from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, F, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import AuditedSaveAdminMixin
from automation.closed_days import closed_day_create, closed_day_delete, closed_day_update
from automation.models import (
    ClosedDay,
    Integration,
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
)
from automation.preview import workflow_preview
from automation.scheduling import upcoming_runs
from automation.services import (
    WorkflowConflict,
    WorkflowValidationError,
    workflow_archive,
    workflow_create,
    workflow_definition,
    workflow_deploy,
    workflow_pause,
    workflow_update,
)
from automation.wording import Words, schedule_text
from core.templatetags.local_dates import format_moment

UPCOMING_RUN_COUNT = 5
VERSION_HISTORY_LIMIT = 20

#: What the add page starts from: the shape of the format, to be filled in.
DEFINITION_SKELETON: dict[str, Any] = {
    "name": "",
    "description": "",
    "workflow_type": "scheduled",
    "schedule": {
        "schedule_type": "weekly",
        "schedule_config": {"day": "monday", "time": "09:00"},
        "timezone": settings.TIME_ZONE,
    },
    "steps": [],
}


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", _json(value))


def _compact_json(value: object) -> SafeString | str:
    if not value:
        return "-"
    return format_html("<code>{}</code>", json.dumps(value, ensure_ascii=False))


def _schedule_in_words(schedule: WorkflowSchedule) -> str:
    """ "Hver mandag kl. 09:00 (Europe/Oslo)": the schedule as the business pages say it."""
    return schedule_text(
        {
            "schedule_type": schedule.schedule_type,
            "schedule_config": schedule.schedule_config,
            "timezone": schedule.timezone,
            "holiday_policy": schedule.holiday_policy,
        },
        Words(get_language() or settings.LANGUAGE_CODE),
    )


def _schedule_of(workflow: WorkflowDefinition) -> WorkflowSchedule | None:
    try:
        return workflow.schedule
    except WorkflowSchedule.DoesNotExist:
        return None


def validation_error_lines(exc: WorkflowValidationError) -> list[str]:
    """Each problem as "path: message (code)", the path naming the field in the JSON."""
    return [f"{error['path'] or '/'}: {error['message']} ({error['code']})" for error in exc.errors]


# --- The workflow form: the definition JSON, saved by the services ---------------------------


class WorkflowDefinitionForm(ModelForm):
    """Edits the canonical JSON; ``clean()`` saves it through ``workflow_create`` /
    ``workflow_update``, so the admin goes through the one validator like every other entry
    point. The admin's change view wraps the request in a transaction, and the services
    save atomically: an invalid or stale document leaves nothing behind."""

    definition = forms.CharField(
        label=_("Definition (JSON)"),
        widget=forms.Textarea(
            attrs={"rows": 32, "cols": 100, "class": "vLargeTextField workflow-json"}
        ),
        help_text=_(
            "The workflow in the canonical JSON format (name, workflow_type, schedule or "
            "event, steps). Every save is validated and creates a new version."
        ),
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    #: Set by ``WorkflowDefinitionAdmin.get_form``: the user the services record.
    request: HttpRequest | None = None

    class Meta:
        model = WorkflowDefinition
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["definition"].initial = _json(workflow_definition(self.instance))
            self.fields["expected_version"].initial = self.instance.version
        else:
            self.fields["definition"].initial = _json(DEFINITION_SKELETON)

    def clean_definition(self) -> Any:
        text = self.cleaned_data["definition"]
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                gettext("Not valid JSON: line %(line)d, column %(column)d: %(error)s")
                % {"line": exc.lineno, "column": exc.colno, "error": exc.msg},
                code="invalid_json",
            ) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        user = self.request.user if self.request is not None else None
        try:
            if self.instance.pk:
                saved = workflow_update(
                    workflow=self.instance,
                    data=cleaned["definition"],
                    updated_by=user,
                    expected_version=cleaned.get("expected_version"),
                )
            else:
                saved = workflow_create(created_by=user, data=cleaned["definition"])
        except WorkflowValidationError as exc:
            self.add_error("definition", validation_error_lines(exc))
        except WorkflowConflict as exc:
            self.add_error(
                None,
                forms.ValidationError(
                    "%(conflict)s %(hint)s",
                    code=WorkflowConflict.code,
                    params={
                        "conflict": str(exc),
                        "hint": gettext(
                            "Your text is still in the box: copy it, reload the page and "
                            "apply your change to the current version."
                        ),
                    },
                ),
            )
        else:
            # The saved workflow replaces the form's instance, so the admin logs and redirects
            # to it and the model validation that follows sees the saved row.
            self.instance = saved
        return cleaned


# --- Read-only views of what the services saved ------------------------------------------


def _steps_in_words(workflow: WorkflowDefinition) -> dict[int, str]:
    """Each step as the workflow page says it ("Torsdag 15:00 - Send Påminnelse til …")."""
    try:
        lines = workflow_preview(
            workflow_definition(workflow), language=get_language() or settings.LANGUAGE_CODE
        )
    except Exception:  # a stale row the validator would reject today: the JSON still shows
        return {}
    return {line.step_order: line.text for line in lines if line.step_order is not None}


class ReadOnlyAdminMixin:
    """Rows the workflow services write: editing them here would go around the validator."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


def _report(
    request: HttpRequest,
    queryset: QuerySet[WorkflowDefinition],
    service: Callable[..., WorkflowDefinition],
    done: str,
) -> None:
    """Run ``service`` per workflow and say, per workflow, what happened."""
    for workflow in queryset:
        try:
            result = service(workflow=workflow, by=request.user)
        except WorkflowValidationError as exc:
            messages.error(
                request,
                format_html(
                    "{}: {}<ul>{}</ul>",
                    workflow,
                    gettext("not changed, the definition is invalid"),
                    format_html_join(
                        "", "<li>{}</li>", ((line,) for line in validation_error_lines(exc))
                    ),
                ),
            )
        else:
            messages.success(
                request,
                done % {"workflow": result, "status": result.get_status_display()},
            )


@admin.register(WorkflowDefinition)
class WorkflowDefinitionAdmin(admin.ModelAdmin):
    """Workflows are written only through the workflow services (see ``WorkflowDefinitionForm``);
    state changes are actions. executions.admin adds "run now" and "test run", because
    automation must not depend on executions."""

    form = WorkflowDefinitionForm
    change_list_template = "admin/automation/workflowdefinition/change_list.html"
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
    actions = ["deploy", "pause", "archive"]
    readonly_fields = [
        "status",
        "is_active",
        "version",
        "grace_minutes",
        "steps_table",
        "schedule_summary",
        "next_runs",
        "version_history",
        "executions_link",
        "created_by",
        "created_at",
        "updated_at",
    ]

    def get_fieldsets(self, request: HttpRequest, obj: WorkflowDefinition | None = None) -> Any:
        definition = (None, {"fields": ["definition", "expected_version"]})
        if obj is None:
            return [definition]
        return [
            (
                _("State"),
                {
                    "fields": [
                        ("status", "is_active", "version"),
                        "grace_minutes",
                        "executions_link",
                    ]
                },
            ),
            (_("Schedule"), {"fields": ["schedule_summary", "next_runs"]}),
            definition,
            (_("Saved steps"), {"fields": ["steps_table"]}),
            (
                _("History"),
                {"fields": ["version_history", "created_by", "created_at", "updated_at"]},
            ),
        ]

    def get_form(
        self,
        request: HttpRequest,
        obj: WorkflowDefinition | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[WorkflowDefinitionForm]:
        form = super().get_form(request, obj, change, **kwargs)
        # A class per request: the form needs the user for the services' history.
        return type(form.__name__, (form,), {"request": request})

    def get_queryset(self, request: HttpRequest) -> QuerySet[WorkflowDefinition]:
        # Annotated, not select_related: a workflow without a schedule has no row to join,
        # and the reverse one-to-one accessor would raise for it.
        return (
            super()
            .get_queryset(request)
            .annotate(next_run_at=F("schedule__next_run"), step_total=Count("steps"))
        )

    # The form's clean() already saved through the services; the admin only needs the result.
    def save_form(self, request: HttpRequest, form: ModelForm, change: bool) -> WorkflowDefinition:
        return form.instance

    def save_model(
        self, request: HttpRequest, obj: WorkflowDefinition, form: ModelForm, change: bool
    ) -> None:
        pass

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list[Any], change: bool
    ) -> None:
        pass

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # A fresh key per rendered list: submitting the same form twice (a double click, the
        # back button) sends the same key, and "run now" starts the run only once.
        extra_context = {**(extra_context or {}), "action_key": uuid.uuid4().hex}
        return super().changelist_view(request, extra_context)

    # --- Columns -------------------------------------------------------------------------

    @admin.display(description=_("next run"), ordering="next_run_at")
    def next_run(self, workflow: WorkflowDefinition) -> object:
        return workflow.next_run_at

    @admin.display(description=_("steps"), ordering="step_total")
    def step_count(self, workflow: WorkflowDefinition) -> int:
        return workflow.step_total

    # --- Change page -----------------------------------------------------------------------

    @admin.display(description=_("steps"))
    def steps_table(self, workflow: WorkflowDefinition) -> SafeString:
        steps = sorted(workflow.steps.all(), key=lambda s: s.step_order)
        if not steps:
            return format_html("<p>{}</p>", gettext("No steps."))
        in_words = _steps_in_words(workflow)
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}<small>{}</small></td><td><code>{}</code></td><td>{}</td>"
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    step.step_order,
                    step.name or "-",
                    (gettext("active") if step.is_active else gettext("inactive"))
                    + ", "
                    + gettext("max. %(count)d retries") % {"count": step.max_retries},
                    step.step_type,
                    step.get_trigger_type_display(),
                    in_words.get(step.step_order, "-"),
                    _compact_json(step.action_config),
                    _compact_json(step.condition_config),
                )
                for step in steps
            ),
        )
        headers = [
            gettext("#"),
            gettext("name"),
            gettext("type"),
            gettext("trigger"),
            gettext("in words"),
            gettext("action config"),
            gettext("condition"),
        ]
        return format_html(
            '<table class="workflow-steps"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>'
            '<p class="help">{}</p>',
            format_html_join("", "<th>{}</th>", ((header,) for header in headers)),
            rows,
            gettext("Read-only: change the steps in the definition above."),
        )

    @admin.display(description=_("schedule"))
    def schedule_summary(self, workflow: WorkflowDefinition) -> SafeString | str:
        schedule = _schedule_of(workflow)
        if schedule is None:
            return gettext("No schedule (event based).")
        return format_html(
            "{}<br>{}: {} · {}: {}",
            _schedule_in_words(schedule),
            gettext("next run"),
            self._local(schedule.next_run) if schedule.next_run else "-",
            gettext("last run"),
            self._local(schedule.last_run) if schedule.last_run else "-",
        )

    @staticmethod
    def _local(value: Any) -> str:
        # Staff read Oslo time (settings.TIME_ZONE), whatever zone the server runs in.
        local = timezone.localtime(value)
        return f"{format_moment(local, 'WEEKDAY_YEAR_DATETIME_FORMAT')} {local:%Z}"

    @admin.display(description=_("next runs"))
    def next_runs(self, workflow: WorkflowDefinition) -> SafeString | str:
        schedule = _schedule_of(workflow)
        if schedule is None:
            return "-"
        # An active workflow lists from its stored next_run (which may be due already).
        first = schedule.next_run
        try:
            later = upcoming_runs(
                schedule_type=schedule.schedule_type,
                schedule_config=schedule.schedule_config,
                timezone=schedule.timezone,
                after=first or timezone.now(),
                count=UPCOMING_RUN_COUNT - (1 if first else 0),
            )
            runs = [first, *later] if first else later
        except ValueError as exc:
            return gettext("Cannot compute the next runs: %(error)s") % {"error": exc}
        note = (
            ""
            if workflow.status == WorkflowDefinition.Status.ACTIVE
            else gettext("Not active: these are the runs it would have once deployed.")
        )
        return format_html(
            '<ol class="workflow-next-runs">{}</ol><p class="help">{}</p>',
            format_html_join("", "<li>{}</li>", ((self._local(run),) for run in runs)),
            note,
        )

    @admin.display(description=_("versions"))
    def version_history(self, workflow: WorkflowDefinition) -> SafeString:
        versions = workflow.versions.select_related("created_by").order_by("-version")[
            :VERSION_HISTORY_LIMIT
        ]
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">v{}</a></td><td>{}</td><td>{}</td></tr>',
            (
                (
                    reverse("admin:automation_workflowversion_change", args=[version.pk]),
                    version.version,
                    self._local(version.created_at),
                    version.created_by or "-",
                )
                for version in versions
            ),
        )
        return format_html(
            '<table class="workflow-versions"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr>'
            '</thead><tbody>{}</tbody></table><p><a href="{}?workflow__id__exact={}">{}</a></p>',
            gettext("version"),
            gettext("saved"),
            gettext("by"),
            rows,
            reverse("admin:automation_workflowversion_changelist"),
            workflow.pk,
            gettext("All versions"),
        )

    @admin.display(description=_("executions"))
    def executions_link(self, workflow: WorkflowDefinition) -> SafeString:
        return format_html(
            '<a href="{}?workflow__id__exact={}">{}</a>',
            reverse("admin:executions_workflowexecution_changelist"),
            workflow.pk,
            gettext("Executions of this workflow"),
        )

    # --- Actions ---------------------------------------------------------------------------

    @admin.action(description=_("Deploy (activate) the selected workflows"), permissions=["change"])
    def deploy(self, request: HttpRequest, queryset: QuerySet[WorkflowDefinition]) -> None:
        _report(request, queryset, workflow_deploy, gettext("%(workflow)s: deployed (%(status)s)."))

    @admin.action(description=_("Pause the selected workflows"), permissions=["change"])
    def pause(self, request: HttpRequest, queryset: QuerySet[WorkflowDefinition]) -> None:
        _report(request, queryset, workflow_pause, gettext("%(workflow)s: %(status)s."))

    @admin.action(description=_("Archive the selected workflows"), permissions=["change"])
    def archive(self, request: HttpRequest, queryset: QuerySet[WorkflowDefinition]) -> None:
        _report(request, queryset, workflow_archive, gettext("%(workflow)s: %(status)s."))


@admin.register(WorkflowVersion)
class WorkflowVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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


@admin.register(WorkflowStep)
class WorkflowStepAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Steps are part of the workflow's definition: edited there, through the validator."""

    list_display = ["workflow", "step_order", "name", "step_type", "trigger_type", "is_active"]
    list_display_links = ["workflow", "step_order", "name"]
    list_filter = ["step_type", "trigger_type", "is_active"]
    list_select_related = ["workflow"]
    search_fields = ["workflow__name", "name"]
    ordering = ["workflow__name", "step_order"]


@admin.register(WorkflowSchedule)
class WorkflowScheduleAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The schedule is part of the workflow's definition; next_run belongs to the scheduler."""

    list_display = ["workflow", "in_words", "next_run", "last_run"]
    list_filter = ["schedule_type", "timezone"]
    list_select_related = ["workflow"]
    search_fields = ["workflow__name"]
    ordering = [F("next_run").asc(nulls_last=True)]
    exclude = ["schedule_config"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["in_words", *super().get_readonly_fields(request, obj)]

    @admin.display(description=_("schedule"))
    def in_words(self, schedule: WorkflowSchedule) -> str:
        return _schedule_in_words(schedule)


@admin.register(Integration)
class IntegrationAdmin(AuditedSaveAdminMixin, admin.ModelAdmin):
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

    # The admin never edits credentials; what it saves is recorded like the services' saves.
    audit_fields = ("name", "base_url", "auth_type", "headers", "is_active")

    @admin.display(description=_("credentials stored"), boolean=True)
    def has_credentials(self, integration: Integration) -> bool:
        return bool(integration.credentials_encrypted)

    def save_model(
        self, request: HttpRequest, obj: Integration, form: ModelForm, change: bool
    ) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ClosedDay)
class ClosedDayAdmin(admin.ModelAdmin):
    """The company's closed days; public holidays come from the business calendar itself
    (see the calendar page). Saving goes through the services, so active schedules that
    depend on business days get their next run computed again."""

    list_display = ("name", "start", "end", "days", "created_by")
    search_fields = ("name",)
    date_hierarchy = "start"
    fields = ("name", "start", "end")

    @admin.display(description=_("days"))
    def days(self, obj: ClosedDay) -> int:
        return (obj.end - obj.start).days + 1

    def save_model(self, request: HttpRequest, obj: ClosedDay, form: Any, change: bool) -> None:
        if change:
            closed_day_update(closed=obj, name=obj.name, start=obj.start, end=obj.end)
        else:
            saved = closed_day_create(name=obj.name, start=obj.start, end=obj.end, by=request.user)
            obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: ClosedDay) -> None:
        closed_day_delete(closed=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ClosedDay]) -> None:
        for obj in queryset:
            closed_day_delete(closed=obj)
