"""Business users' pages (HTMX): the dashboard, the executions list and one execution live.

Thin entry points: numbers from ``executions.dashboard``, reads from ``executions.selectors``,
pause/resume/cancel/retry through ``executions.lifecycle`` (the services the API and the
admin call too).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseStopPolling

from accounts.decorators import require_role
from accounts.roles import BUSINESS, STAFF, VIEWER, capabilities_of
from automation.demo import WORKFLOW_NAME as DEMO_WORKFLOW_NAME
from automation.models import WorkflowDefinition
from automation.selectors import workflow_get, workflow_list
from automation.views import workflow_action_response
from core.pages import HtmxHttpRequest
from core.templatetags.local_dates import named_format
from customers.models import Customer
from executions import activity, decisions, lifecycle
from executions.dashboard import SUCCESS_RATE_DAYS, dashboard_metrics
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.selectors import (
    action_log_list,
    email_decision_list,
    execution_get,
    execution_list,
    execution_progress,
    execution_timeline,
    step_type_label,
    unknown_email_get,
    unknown_email_list,
    upcoming_run_list,
)
from executions.services import ExecutionNotAllowed, execution_start
from templates_app.rendering import sanitize_html

Status = WorkflowExecution.Status
PAGE_SIZE = 25
LOG_PAGE_SIZE = 25
RECENT_FAILURES = 5


def _execution_or_404(request: HttpRequest, pk: int) -> WorkflowExecution:
    try:
        return execution_get(pk=pk, user=request.user)
    except WorkflowExecution.DoesNotExist:
        raise Http404(_("No such execution.")) from None


def _query_without_page(request: HttpRequest, name: str = "page") -> str:
    return _query_without(request, name)


def _query_without(request: HttpRequest, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


# --- Dashboard ----------------------------------------------------------------------------


def _chart_data(metrics: dict[str, Any]) -> dict[str, Any]:
    days = [dt.date.fromisoformat(row["date"]) for row in metrics["executions_per_day"]]
    return {
        "labels": [formats.date_format(day, named_format("CHART_DAY_FORMAT")) for day in days],
        "datasets": [
            {
                "label": _("Executions"),
                "data": [row["total"] for row in metrics["executions_per_day"]],
            },
            {
                "label": _("Emails sent"),
                "data": [row["sent"] for row in metrics["emails_per_day"]],
            },
        ],
    }


def _dashboard_context(request: HttpRequest) -> dict[str, Any]:
    metrics = dashboard_metrics()
    week = slice(-SUCCESS_RATE_DAYS, None)
    rate = metrics["success_rate_7d"]
    per_day = [
        {"date": dt.date.fromisoformat(e["date"]), "executions": e["total"], "emails": m["sent"]}
        for e, m in zip(metrics["executions_per_day"], metrics["emails_per_day"], strict=True)
    ]
    return {
        "cards": {
            "active_workflows": metrics["active_workflows"],
            "executions_week": sum(d["total"] for d in metrics["executions_per_day"][week]),
            "success_rate": None if rate is None else rate * 100,
            "emails_week": sum(d["sent"] for d in metrics["emails_per_day"][week]),
            "failures": metrics["failures_needing_attention"]["count"],
        },
        "chart": _chart_data(metrics),
        "per_day": per_day,
        "upcoming": upcoming_run_list(user=request.user),
        "getting_started": _getting_started(request, metrics),
        "failures": lifecycle.dead_letter_list().filter(
            workflow__in=workflow_list(user=request.user).values("pk")
        )[:RECENT_FAILURES],
        "can": capabilities_of(request.user),
    }


def _getting_started(request: HttpRequest, metrics: dict[str, Any]) -> dict[str, Any] | None:
    """The empty state: nothing has run yet, so say how to start the demo workflow."""
    if any(day["total"] for day in metrics["executions_per_day"]):
        return None
    demo = workflow_list(user=request.user).filter(name=DEMO_WORKFLOW_NAME).first()
    return {"demo": demo, "is_active": demo is not None and demo.status == demo.Status.ACTIVE}


@login_required
@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    template = "executions/dashboard.html"
    if request.htmx:
        template += "#cards"
    return render(request, template, _dashboard_context(request))


# --- Executions list ----------------------------------------------------------------------


class ExecutionFilterForm(forms.Form):
    customer = forms.CharField(
        label=gettext_lazy("Customer"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": gettext_lazy("Name or email")}
        ),
    )
    workflow = forms.TypedChoiceField(
        label=gettext_lazy("Workflow"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All")), *Status.choices],
    )
    date_from = forms.DateField(
        label=gettext_lazy("From date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    test = forms.ChoiceField(
        label=gettext_lazy("Test runs"),
        required=False,
        choices=[
            ("", gettext_lazy("Included")),
            ("no", gettext_lazy("Hidden")),
            ("only", gettext_lazy("Only test runs")),
        ],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["workflow"].choices = [("", _("All"))] + [
            (pk, name) for pk, name in workflow_list(user=user).values_list("pk", "name")
        ]
        # <input type="date"> always sends ISO dates, whatever the page's language.
        for name in ("date_from", "date_to"):
            self.fields[name].input_formats = ["%Y-%m-%d"]


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


_NOT_RUN = (WorkflowExecution.Status.SKIPPED, WorkflowExecution.Status.MISSED)


def _explain_not_run(executions: Iterable[WorkflowExecution]) -> None:
    """Why a planned run did not run ("hoppet over: Grunnlovsdag"), as ``why`` on each skipped
    or missed execution of a page: their first transition says it (one query per page).
    Every row gets ``why`` (None for most): a missing attribute makes the template engine's
    lookup take its slow path (``dir()`` of the object) once per row."""
    for execution in executions:
        execution.why = None
    ids = [e.pk for e in executions if e.status in _NOT_RUN]
    if not ids:
        return
    firsts = {
        t.execution_id: t
        for t in ExecutionTransition.objects.filter(execution_id__in=ids, from_status="")
    }
    for execution in executions:
        first = firsts.get(execution.pk)
        if first is not None:
            execution.why = first.reason_label


#: The executions page filters by at most this many customers matching the search.
CUSTOMER_MATCHES = 20


def _matching_customers(query: str) -> list[Customer]:
    return list(
        Customer.objects.filter(Q(name__icontains=query) | Q(email__icontains=query))
        .only("pk", "name", "email")
        .order_by("name", "pk")[: CUSTOMER_MATCHES + 1]
    )


@login_required
@require_GET
def execution_list_view(request: HtmxHttpRequest) -> HttpResponse:
    form = ExecutionFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    test = filters.get("test")
    search = (filters.get("customer") or "").strip()
    matches = _matching_customers(search) if search else None
    executions = execution_list(
        user=request.user,
        workflow_id=filters.get("workflow"),
        status=filters.get("status") or None,
        created_after=_day_start(filters["date_from"]) if filters.get("date_from") else None,
        created_before=(
            _day_start(filters["date_to"] + dt.timedelta(days=1))
            if filters.get("date_to")
            else None
        ),
        is_test={"no": False, "only": True}.get(test or ""),
        customer_ids=None if matches is None else [c.pk for c in matches[:CUSTOMER_MATCHES]],
    )
    # The page shows neither an execution's context nor its definition snapshot (both can be
    # large): not read.
    executions = executions.defer("context", "definition_snapshot")
    page = Paginator(executions, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    _explain_not_run(page.object_list)
    context = {
        "form": form,
        "customer_search": search,
        "customers": None if matches is None else matches[:CUSTOMER_MATCHES],
        "more_customers": matches is not None and len(matches) > CUSTOMER_MATCHES,
        "page": page,
        "query": _query_without_page(request),
    }
    template = "executions/execution_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


# --- One execution --------------------------------------------------------------------------


def _progress(execution: WorkflowExecution) -> dict[str, int]:
    counts = execution_progress(execution)
    done = counts["sent"] + counts["failed"] + counts["skipped"] + counts["unknown"]
    counts["done"] = done
    counts["pending"] = max(counts["total"] - done, 0)
    counts["percent"] = round(100 * done / counts["total"]) if counts["total"] else 0
    return counts


def _signature(execution: WorkflowExecution, progress: dict[str, int]) -> str:
    """What the live section shows, in short: the poll sends it back, and an unchanged one
    is answered 204 (nothing swapped, so screen readers hear nothing and open details stay)."""
    counts = ".".join(str(progress[k]) for k in ("total", "sent", "failed", "skipped", "unknown"))
    return f"{execution.status}-{execution.updated_at.timestamp():.6f}-{counts}"


def _live_context(request: HttpRequest, execution: WorkflowExecution) -> dict[str, Any]:
    progress = _progress(execution)
    return {
        "execution": execution,
        "timeline": execution_timeline(execution),
        "progress": progress,
        "signature": _signature(execution, progress),
        "can": capabilities_of(request.user),
    }


def _history(execution: WorkflowExecution) -> list[Any]:
    transitions = list(execution.transitions.select_related("actor").order_by("at", "pk"))
    labels = dict(Status.choices)
    for t in transitions:
        t.from_status_label = labels.get(t.from_status, t.from_status)
        t.to_status_label = labels.get(t.to_status, t.to_status)
    return transitions


class LogFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All")), *WorkflowActionLog.Status.choices],
    )


def _logs_context(request: HttpRequest, execution: WorkflowExecution) -> dict[str, Any]:
    form = LogFilterForm(request.GET or None)
    status = form.cleaned_data.get("status") if form.is_valid() else None
    page = Paginator(
        action_log_list(execution=execution, status=status or None), LOG_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    customer_ids = {
        log.target_id
        for log in page
        if log.target_type == WorkflowActionLog.TargetType.CUSTOMER and log.target_id
    }
    customers = Customer.objects.only("pk", "name", "email").in_bulk(customer_ids)
    for log in page:
        customer = customers.get(log.target_id) if log.target_type == "customer" else None
        log.customer = customer
        log.action_label = (
            _("Step") if log.action_type == "step" else step_type_label(log.action_type)
        )
        log.result_json = json.dumps(log.result_data, indent=2, ensure_ascii=False)
    return {"log_form": form, "logs": page, "log_query": _query_without_page(request)}


def _unknowns_context(request: HttpRequest, execution: WorkflowExecution) -> dict[str, Any]:
    return {
        "execution": execution,
        "unknown_emails": unknown_email_list(execution=execution),
        "email_decisions": email_decision_list(execution=execution),
        "can": capabilities_of(request.user),
    }


@login_required
@require_GET
def execution_detail_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    execution = _execution_or_404(request, pk)
    if request.htmx and request.GET.get("part") == "unknowns":
        return render(
            request,
            "executions/execution_detail.html#unknowns",
            _unknowns_context(request, execution),
        )
    if request.htmx and request.GET.get("part") == "history":
        return render(
            request,
            "executions/execution_detail.html#history",
            {"execution": execution, "transitions": _history(execution)},
        )
    if request.htmx:
        # The logs section's own requests: filter, pages, refresh while running.
        return render(
            request,
            "executions/execution_detail.html#logs",
            {"execution": execution, **_logs_context(request, execution)},
        )
    context = {
        **_live_context(request, execution),
        **_logs_context(request, execution),
        **_unknowns_context(request, execution),
        "transitions": _history(execution),
    }
    return render(request, "executions/execution_detail.html", context)


def _render_live(
    request: HttpRequest,
    execution: WorkflowExecution,
    feedback: list[tuple[str, str]],
    *,
    seen: str | None = None,
) -> HttpResponse:
    """The live section; 286 (htmx stops polling) once the execution has finished, 204
    (nothing to swap, keep polling) when nothing changed since the ``seen`` signature."""
    context = {**_live_context(request, execution), "feedback": feedback}
    if seen is not None and seen == context["signature"] and not execution.is_finished:
        return HttpResponse(status=204)
    response = render(
        request,
        "executions/execution_detail.html#live",
        context,
        status=HttpResponseStopPolling.status_code if execution.is_finished else 200,
    )
    # The log table and the status history refresh on this event (listeners in the page).
    response["HX-Trigger"] = "execution-progress"
    return response


@login_required
@require_GET
def execution_status_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The poll of a running execution's live section (every 2 s from the page)."""
    return _render_live(request, _execution_or_404(request, pk), [], seen=request.GET.get("seen"))


ACTIONS: dict[str, tuple[Callable[..., WorkflowExecution], Any]] = {
    "pause": (lifecycle.execution_pause, gettext_lazy("The execution is paused.")),
    "resume": (lifecycle.execution_resume, gettext_lazy("The execution continues.")),
    "cancel": (lifecycle.execution_cancel, gettext_lazy("The execution is cancelled.")),
    "retry": (lifecycle.execution_retry, gettext_lazy("The execution is retried.")),
}


@require_role(BUSINESS)
@require_POST
def execution_action_view(request: HtmxHttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    execution = _execution_or_404(request, pk)
    service, done_text = ACTIONS[action]
    try:
        execution = service(execution=execution, by=request.user)
        level, text = "success", str(done_text)
    except lifecycle.ExecutionStateError as exc:
        level, text = "error", str(exc)
    execution.refresh_from_db()
    if request.htmx and request.POST.get("source") == "dashboard":
        return render(
            request,
            "executions/dashboard.html#failure-row",
            {"failure": execution, "feedback": (level, text), "can": capabilities_of(request.user)},
        )
    if request.htmx:
        return _render_live(request, execution, [(level, text)])
    messages.add_message(request, messages.ERROR if level == "error" else messages.SUCCESS, text)
    return redirect("executions:execution-detail", pk=execution.pk)


DECISIONS: dict[str, tuple[Callable[..., Any], Any]] = {
    "mark-delivered": (
        decisions.email_mark_delivered,
        gettext_lazy("The email is marked as delivered."),
    ),
    "resend": (decisions.email_resend, gettext_lazy("The email was sent again.")),
}


@require_role(STAFF)
@require_POST
def email_decision_view(
    request: HtmxHttpRequest, pk: int, log_id: int, decision: str
) -> HttpResponse:
    """Staff decide about an email whose outcome is unknown (``executions.decisions``)."""
    execution = _execution_or_404(request, pk)
    try:
        log = unknown_email_get(execution=execution, log_id=log_id)
    except WorkflowActionLog.DoesNotExist:
        raise Http404(_("No such email.")) from None
    service, done_text = DECISIONS[decision]
    try:
        service(log=log, by=request.user)
        level, text = "success", str(done_text)
    except decisions.DecisionError as exc:
        level, text = "error", str(exc)
    if request.htmx:
        execution.refresh_from_db()
        unknowns = render_to_string(
            "executions/execution_detail.html#unknowns",
            {**_unknowns_context(request, execution), "feedback": [(level, text)]},
            request=request,
        )
        # The live section's counts change too (swapped out of band: a finished execution's
        # section no longer polls), and the log table and the history refresh on the event.
        live = render_to_string(
            "executions/execution_detail.html#live", _live_context(request, execution), request
        )
        response = HttpResponse(
            unknowns
            + format_html(
                '<div id="execution-live" hx-swap-oob="innerHTML">{}</div>', mark_safe(live)
            )
        )
        response["HX-Trigger"] = "email-decided"
        return response
    messages.add_message(request, messages.ERROR if level == "error" else messages.SUCCESS, text)
    return redirect("executions:execution-detail", pk=execution.pk)


# --- Starting a workflow: a run now, a test run and its report ---------------------------------
# Beside the executions they create; the workflow page links here (automation never starts an
# execution itself).

MAX_IDEMPOTENCY_KEY = 100


def _workflow_or_404(request: HttpRequest, pk: int) -> WorkflowDefinition:
    try:
        return workflow_get(pk=pk, user=request.user)
    except WorkflowDefinition.DoesNotExist:
        raise Http404(_("No such workflow.")) from None


def _go_to(request: HtmxHttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_role(BUSINESS)
@require_POST
def workflow_run_now_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    key = request.POST.get("idempotency_key", "").strip()
    if not 0 < len(key) <= MAX_IDEMPOTENCY_KEY:
        key = uuid.uuid4().hex  # no usable key: this request is its own run
    try:
        execution = execution_start(
            workflow=workflow, triggered_by=request.user, idempotency_key=key
        )
    except ExecutionNotAllowed as exc:
        return workflow_action_response(request, workflow, "error", str(exc))
    if not request.htmx:
        messages.success(request, _("The workflow was started."))
    return _go_to(request, reverse("executions:execution-detail", args=[execution.pk]))


@require_role(BUSINESS)
@require_POST
def workflow_test_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    execution = lifecycle.execution_test_run(workflow=workflow, by=request.user)
    return _go_to(
        request, reverse("executions:workflow-test-run", args=[workflow.pk, execution.pk])
    )


@login_required
@require_GET
def workflow_test_run_view(request: HtmxHttpRequest, pk: int, execution_pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    try:
        execution = execution_get(pk=execution_pk, user=request.user)
    except WorkflowExecution.DoesNotExist:
        raise Http404(_("No such test run.")) from None
    if execution.workflow_id != workflow.pk or not execution.is_test:
        raise Http404(_("No such test run."))

    steps = lifecycle.execution_test_report(execution)
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
        "can": capabilities_of(request.user),
        "run_key": uuid.uuid4().hex,
    }
    template = "executions/test_run.html"
    if request.htmx:
        template += "#report"
    return render(request, template, context)


@login_required
@require_GET
def workflow_recent_executions_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The workflow page's "Recent executions" section (loaded by the page)."""
    workflow = _workflow_or_404(request, pk)
    context = {
        "workflow": workflow,
        "recent_executions": execution_list(user=request.user, workflow_id=workflow.pk)[:5],
    }
    return render(request, "executions/partials/recent_executions.html", context)


# --- A customer's history ----------------------------------------------------------------------
# Shown on the customer's page (customers cannot import executions: the page loads this as a
# fragment) and on its own address for a browser without JavaScript.

ACTIVITY_PAGE_SIZE = 20


class ActivityFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("All")), *activity.KIND_CHOICES],
    )
    workflow = forms.TypedChoiceField(
        label=gettext_lazy("Workflow"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All")), *WorkflowActionLog.Status.choices],
    )
    date_from = forms.DateField(
        label=gettext_lazy("From date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["workflow"].choices = [("", _("All"))] + [
            (pk, name) for pk, name in workflow_list(user=user).values_list("pk", "name")
        ]
        for name in ("date_from", "date_to"):
            self.fields[name].input_formats = ["%Y-%m-%d"]
            # Unique ids: the customer's page has forms of its own.
            self.fields[name].widget.attrs["id"] = f"activity-{name}"
        for name in ("kind", "workflow", "status"):
            self.fields[name].widget.attrs["id"] = f"activity-{name}"


@require_role(VIEWER)
@require_GET
def customer_activity_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    customer = get_object_or_404(Customer.objects.only("pk", "name", "email"), pk=pk)
    form = ActivityFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    logs = activity.customer_activity_list(
        customer_id=customer.pk,
        user=request.user,
        kind=filters.get("kind") or None,
        workflow_id=filters.get("workflow"),
        status=filters.get("status") or None,
        performed_after=_day_start(filters["date_from"]) if filters.get("date_from") else None,
        performed_before=(
            _day_start(filters["date_to"] + dt.timedelta(days=1))
            if filters.get("date_to")
            else None
        ),
    )
    page = Paginator(logs, ACTIVITY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "customer": customer,
        "form": form,
        "page": page,
        "items": [activity.activity_item(log) for log in page],
        "filtered": any(filters.get(name) for name in ActivityFilterForm.base_fields),
        "query": _query_without(request, "page", "part"),
    }
    template = "executions/customer_activity.html"
    if request.htmx and request.GET.get("part") == "results":
        template += "#results"
    elif request.htmx:
        template += "#activity"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
