"""Business users' workflow pages (HTMX): list, detail with its actions, test-run result.

Thin entry points: reads through ``automation.selectors``, writes through
``automation.services`` and ``executions.services`` / ``executions.lifecycle``, the same
functions the API and the admin call.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.scheduling import upcoming_runs
from automation.selectors import workflow_get, workflow_list
from automation.services import (
    WorkflowValidationError,
    workflow_archive,
    workflow_definition,
    workflow_deploy,
    workflow_pause,
)
from config.api import BUSINESS, DEVELOPER, user_has_role


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


PAGE_SIZE = 25
NEXT_RUNS = 5
MAX_IDEMPOTENCY_KEY = 100


@dataclass(frozen=True)
class Permissions:
    """What the signed-in user may do on the business pages (see ``config.api`` roles)."""

    run: bool  # business and up: run now, test, pause; steer executions
    deploy: bool  # developer and up: activate (deploy) and archive


def permissions_of(user: Any) -> Permissions:
    return Permissions(run=user_has_role(user, BUSINESS), deploy=user_has_role(user, DEVELOPER))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Your role does not allow this action."))


def _workflow_or_404(request: HttpRequest, pk: int) -> WorkflowDefinition:
    try:
        return workflow_get(pk=pk, user=request.user)
    except WorkflowDefinition.DoesNotExist:
        raise Http404(_("No such workflow.")) from None


# --- List ---------------------------------------------------------------------------------


class WorkflowFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All")), *WorkflowDefinition.Status.choices],
    )


@login_required
@require_GET
def workflow_list_view(request: HtmxHttpRequest) -> HttpResponse:
    form = WorkflowFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    workflows = workflow_list(user=request.user, status=filters.get("status") or None)
    if filters.get("q"):
        query = filters["q"]
        workflows = workflows.filter(Q(name__icontains=query) | Q(description__icontains=query))
    page = Paginator(workflows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query": _query_without_page(request),
        "can": permissions_of(request.user),
    }
    template = "automation/workflow_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# --- Detail and its actions ------------------------------------------------------------------


def _schedule_of(workflow: WorkflowDefinition) -> WorkflowSchedule | None:
    try:
        return workflow.schedule
    except WorkflowSchedule.DoesNotExist:
        return None


def _preview(workflow: WorkflowDefinition) -> dict[str, Any]:
    """The AI assistant's preview of the workflow in words (the one preview of the product)."""
    # Views are the entry points allowed to import ai_assistant (see STYLE.md).
    from ai_assistant.preview import workflow_preview

    lines = workflow_preview(workflow_definition(workflow), language=get_language() or "nb")
    return {
        "when": next((line.text for line in lines if line.kind in ("schedule", "event")), ""),
        "steps": [line for line in lines if line.kind == "step"],
    }


def _next_runs(workflow: WorkflowDefinition) -> list[Any]:
    schedule = _schedule_of(workflow)
    if schedule is None or workflow.status == WorkflowDefinition.Status.ARCHIVED:
        return []
    try:
        return upcoming_runs(
            schedule_type=schedule.schedule_type,
            schedule_config=schedule.schedule_config,
            timezone=schedule.timezone,
            after=timezone.now(),
            count=NEXT_RUNS,
        )
    except ValueError:
        return []


def _detail_context(
    request: HttpRequest, workflow: WorkflowDefinition, feedback: list[tuple[str, str]] | None
) -> dict[str, Any]:
    from executions.selectors import execution_list

    versions = list(workflow.versions.select_related("created_by").order_by("-version")[:20])
    for version in versions:
        version.definition_json = json.dumps(version.definition, indent=2, ensure_ascii=False)
    return {
        "workflow": workflow,
        "schedule": _schedule_of(workflow),
        "preview": _preview(workflow),
        "next_runs": _next_runs(workflow),
        "versions": versions,
        "recent_executions": execution_list(user=request.user, workflow_id=workflow.pk)[:5],
        "can": permissions_of(request.user),
        # A fresh key per rendered "Run now" form: a double click (or a repeated POST of the
        # same form) starts one execution, a later click another.
        "run_key": uuid.uuid4().hex,
        "feedback": feedback or [],
    }


@login_required
@require_GET
def workflow_detail_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    template = "automation/workflow_detail.html"
    if request.htmx:
        template += "#summary"
    return render(request, template, _detail_context(request, workflow, None))


def _after_action(
    request: HtmxHttpRequest, workflow: WorkflowDefinition, level: str, text: str
) -> HttpResponse:
    """HTMX: the refreshed summary with the outcome; otherwise back to the page (PRG)."""
    if request.htmx:
        workflow.refresh_from_db()
        return render(
            request,
            "automation/workflow_detail.html#summary",
            _detail_context(request, workflow, [(level, text)]),
        )
    messages.add_message(request, messages.ERROR if level == "error" else messages.SUCCESS, text)
    return redirect("automation:workflow-detail", pk=workflow.pk)


def _errors_text(exc: WorkflowValidationError) -> str:
    return " ".join(str(error["message"]) for error in exc.errors)


@login_required
@require_POST
def workflow_deploy_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    _require(permissions_of(request.user).deploy)
    workflow = _workflow_or_404(request, pk)
    try:
        workflow = workflow_deploy(workflow=workflow, by=request.user)
    except WorkflowValidationError as exc:
        return _after_action(
            request, workflow, "error", _("Could not activate: %s") % _errors_text(exc)
        )
    return _after_action(request, workflow, "success", _("The workflow is active."))


@login_required
@require_POST
def workflow_pause_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    _require(permissions_of(request.user).run)
    workflow = _workflow_or_404(request, pk)
    try:
        workflow = workflow_pause(workflow=workflow, by=request.user)
    except WorkflowValidationError as exc:  # archived meanwhile (a stale page)
        return _after_action(request, workflow, "error", _errors_text(exc))
    return _after_action(request, workflow, "success", _("The workflow is paused."))


@login_required
@require_POST
def workflow_archive_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    _require(permissions_of(request.user).deploy)
    workflow = workflow_archive(workflow=_workflow_or_404(request, pk), by=request.user)
    return _after_action(request, workflow, "success", _("The workflow is archived."))


def _go_to(request: HtmxHttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_POST
def workflow_run_now_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    from executions.services import ExecutionNotAllowed, execution_start

    _require(permissions_of(request.user).run)
    workflow = _workflow_or_404(request, pk)
    key = request.POST.get("idempotency_key", "").strip()
    if not 0 < len(key) <= MAX_IDEMPOTENCY_KEY:
        key = uuid.uuid4().hex  # no usable key: this request is its own run
    try:
        execution = execution_start(
            workflow=workflow, triggered_by=request.user, idempotency_key=key
        )
    except ExecutionNotAllowed as exc:
        return _after_action(request, workflow, "error", str(exc))
    if not request.htmx:
        messages.success(request, _("The workflow was started."))
    return _go_to(request, reverse("executions:execution-detail", args=[execution.pk]))


@login_required
@require_POST
def workflow_test_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    from executions.lifecycle import execution_test_run

    _require(permissions_of(request.user).run)
    workflow = _workflow_or_404(request, pk)
    execution = execution_test_run(workflow=workflow, by=request.user)
    return _go_to(
        request, reverse("automation:workflow-test-run", args=[workflow.pk, execution.pk])
    )


# --- Test-run result ------------------------------------------------------------------------


@login_required
@require_GET
def workflow_test_run_view(request: HtmxHttpRequest, pk: int, execution_pk: int) -> HttpResponse:
    from executions.lifecycle import execution_test_report
    from executions.models import WorkflowExecution
    from executions.selectors import execution_get, step_type_label
    from templates_app.rendering import sanitize_html

    workflow = _workflow_or_404(request, pk)
    try:
        execution = execution_get(pk=execution_pk, user=request.user)
    except WorkflowExecution.DoesNotExist:
        raise Http404(_("No such test run.")) from None
    if execution.workflow_id != workflow.pk or not execution.is_test:
        raise Http404(_("No such test run."))

    steps = execution_test_report(execution)
    for step in steps:
        step.label = step_type_label(step.step_type)
        for recipient in step.recipients:
            # Only sanitised markup reaches the page, even inside a sandboxed iframe.
            recipient["safe_html"] = sanitize_html(recipient.get("html") or "")
        for other in step.other:
            other["label"] = step_type_label(other.get("action", ""))
            details = {k: v for k, v in other.items() if k not in ("action", "label")}
            other["json"] = json.dumps(details, indent=2, ensure_ascii=False, default=str)
    context = {
        "workflow": workflow,
        "execution": execution,
        "steps": steps,
        "can": permissions_of(request.user),
        "run_key": uuid.uuid4().hex,
    }
    template = "automation/test_run.html"
    if request.htmx:
        template += "#report"
    return render(request, template, context)
