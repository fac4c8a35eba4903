"""Business users' workflow pages (HTMX): list, detail with its actions, test-run result.

Thin entry points: reads through ``automation.selectors``, writes through
``automation.services`` and ``executions.services`` / ``executions.lifecycle``, the same
functions the API and the admin call.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts.decorators import require_role
from accounts.roles import BUSINESS, DEVELOPER, capabilities_of
from automation.models import WorkflowDefinition, WorkflowSchedule
from automation.preview import workflow_preview
from automation.scheduling import upcoming_runs
from automation.selectors import templates_to_review, workflow_get, workflow_list
from automation.services import (
    WorkflowValidationError,
    workflow_archive,
    workflow_definition,
    workflow_deploy,
    workflow_pause,
)
from core.pages import HtmxHttpRequest

PAGE_SIZE = 25
NEXT_RUNS = 5
MAX_IDEMPOTENCY_KEY = 100


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
        "can": capabilities_of(request.user),
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
    """The workflow in words (the one preview of the product)."""
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
    versions = list(workflow.versions.select_related("created_by").order_by("-version")[:20])
    for version in versions:
        version.definition_json = json.dumps(version.definition, indent=2, ensure_ascii=False)
    return {
        "workflow": workflow,
        "schedule": _schedule_of(workflow),
        "preview": _preview(workflow),
        "next_runs": _next_runs(workflow),
        "versions": versions,
        "can": capabilities_of(request.user),
        # A fresh key per rendered "Run now" form: a double click (or a repeated POST of the
        # same form) starts one execution, a later click another.
        "run_key": uuid.uuid4().hex,
        "feedback": feedback or [],
        "to_review": templates_to_review(workflow),
    }


@login_required
@require_GET
def workflow_detail_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    template = "automation/workflow_detail.html"
    if request.htmx:
        template += "#summary"
    return render(request, template, _detail_context(request, workflow, None))


def workflow_action_response(
    request: HtmxHttpRequest, workflow: WorkflowDefinition, level: str, text: str
) -> HttpResponse:
    """The outcome of an action on the workflow page: for HTMX the page's refreshed summary
    with it, otherwise back to the page with it as a message (post/redirect/get). Also used by
    the actions of other apps on this page (run now, test)."""
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


@require_role(DEVELOPER)
@require_POST
def workflow_deploy_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    try:
        workflow = workflow_deploy(workflow=workflow, by=request.user)
    except WorkflowValidationError as exc:
        return workflow_action_response(
            request, workflow, "error", _("Could not activate: %s") % _errors_text(exc)
        )
    return workflow_action_response(request, workflow, "success", _("The workflow is active."))


@require_role(BUSINESS)
@require_POST
def workflow_pause_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = workflow_pause(workflow=_workflow_or_404(request, pk), by=request.user)
    return workflow_action_response(request, workflow, "success", _("The workflow is paused."))


@require_role(DEVELOPER)
@require_POST
def workflow_archive_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = workflow_archive(workflow=_workflow_or_404(request, pk), by=request.user)
    return workflow_action_response(request, workflow, "success", _("The workflow is archived."))


def _go_to(request: HtmxHttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
