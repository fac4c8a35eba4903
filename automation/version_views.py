"""Business users' pages for a workflow's versions and copies (HTMX): the version list with a
comparison of any two, restore with confirmation, duplicate, export download and import.

Thin entry points over ``automation.versions``, the services the API calls too.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.decorators import require_role
from accounts.roles import BUSINESS, capabilities_of
from automation.diff import Change, workflow_diff
from automation.models import WorkflowDefinition, WorkflowVersion
from automation.selectors import workflow_get
from automation.services import workflow_definition
from automation.versions import (
    version_get,
    version_list,
    version_summary,
    versions_compare,
    workflow_duplicate,
    workflow_export,
    workflow_import,
    workflow_restore,
)
from core.errors import DomainError
from core.pages import HtmxHttpRequest

PAGE_SIZE = 25
#: An exported workflow is a few kilobytes; a bigger upload is not one.
MAX_IMPORT_BYTES = 512 * 1024

#: Field names of the workflow format in words, for errors on the import page.
FIELD_WORDS: dict[str, Any] = {
    "name": gettext_lazy("name"),
    "description": gettext_lazy("description"),
    "workflow_type": gettext_lazy("workflow type"),
    "schedule": gettext_lazy("schedule"),
    "schedule_config": gettext_lazy("schedule"),
    "event": gettext_lazy("event"),
    "steps": gettext_lazy("steps"),
    "step_type": gettext_lazy("step type"),
    "trigger_type": gettext_lazy("when"),
    "trigger_config": gettext_lazy("when"),
    "template": gettext_lazy("email template"),
    "template_id": gettext_lazy("email template"),
    "recipients": gettext_lazy("recipients"),
    "group": gettext_lazy("customer group"),
    "customer_ids": gettext_lazy("customers"),
    "condition_config": gettext_lazy("condition"),
    "integration_id": gettext_lazy("integration"),
}


def _language() -> str:
    return "en" if (get_language() or "nb").startswith("en") else "nb"


def _workflow_or_404(request: HttpRequest, pk: int) -> WorkflowDefinition:
    try:
        return workflow_get(pk=pk, user=request.user)
    except WorkflowDefinition.DoesNotExist:
        raise Http404(_("No such workflow.")) from None


def _version_or_404(workflow: WorkflowDefinition, number: int) -> WorkflowVersion:
    try:
        return version_get(workflow=workflow, version=number)
    except WorkflowVersion.DoesNotExist:
        raise Http404(_("No such version.")) from None


# --- Versions and comparison -----------------------------------------------------------------


class CompareForm(forms.Form):
    """Two versions to compare; the choices are the workflow's versions."""

    old = forms.TypedChoiceField(label=gettext_lazy("From version"), coerce=int)
    new = forms.TypedChoiceField(label=gettext_lazy("To version"), coerce=int)

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(n, _("Version %(n)s") % {"n": n}) for n in numbers]
        self.fields["old"].choices = choices
        self.fields["new"].choices = choices


def _comparison(
    workflow: WorkflowDefinition, numbers: list[int], data: Any
) -> tuple[CompareForm, dict[str, Any] | None]:
    """The compare form and its result: the changes from ``old`` to ``new``. Without a choice
    it compares the newest version with the one before it."""
    if data.get("old") is None and data.get("new") is None and len(numbers) >= 2:
        data = {"old": numbers[1], "new": numbers[0]}
    form = CompareForm(data or None, numbers=numbers)
    if not form.is_bound or not form.is_valid():
        return form, None
    old, new = form.cleaned_data["old"], form.cleaned_data["new"]
    changes: list[Change] = versions_compare(
        workflow=workflow, old=old, new=new, language=_language()
    )
    return form, {"old": old, "new": new, "changes": changes}


@login_required
@require_GET
def workflow_versions_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    versions = version_list(workflow=workflow)
    numbers = list(versions.values_list("version", flat=True))
    form, comparison = _comparison(workflow, numbers, request.GET)
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    language = _language()
    rows = [
        {"version": version, "summary": version_summary(version, language=language)}
        for version in page.object_list
    ]
    context = {
        "workflow": workflow,
        "page": page,
        "rows": rows,
        "form": form,
        "comparison": comparison,
        "can": capabilities_of(request.user),
    }
    template = "automation/workflow_versions.html"
    if request.htmx:
        template += "#comparison"
    return render(request, template, context)


@require_role(BUSINESS)
@require_http_methods(["GET", "POST"])
def workflow_restore_view(request: HtmxHttpRequest, pk: int, n: int) -> HttpResponse:
    """GET: what restoring version ``n`` would change, and a button to do it; POST: do it."""
    workflow = _workflow_or_404(request, pk)
    version = _version_or_404(workflow, n)
    versions_url = _versions_url(workflow)
    if request.method == "POST":
        try:
            restored = workflow_restore(workflow=workflow, version=n, by=request.user)
        except DomainError as exc:  # invalid now, archived, or a step this role may not use
            messages.error(
                request,
                _("Version %(n)s could not be restored: %(errors)s")
                % {"n": n, "errors": " ".join(str(e["message"]) for e in exc.errors)},
            )
            return redirect(versions_url)
        if restored.version == workflow.version:
            messages.success(
                request, _("The workflow is equal to version %(n)s already.") % {"n": n}
            )
        else:
            messages.success(
                request,
                _("Version %(n)s is restored as version %(new)s.")
                % {"n": n, "new": restored.version},
            )
        return redirect(versions_url)
    changes = workflow_diff(workflow_definition(workflow), version.definition, language=_language())
    context = {
        "workflow": workflow,
        "version": version,
        "changes": changes,
        "archived": workflow.status == WorkflowDefinition.Status.ARCHIVED,
    }
    return render(request, "automation/workflow_restore.html", context)


def _versions_url(workflow: WorkflowDefinition) -> str:
    return reverse("automation:workflow-versions", args=[workflow.pk])


# --- Duplicate, export, import ---------------------------------------------------------------


@require_role(BUSINESS)
@require_POST
def workflow_duplicate_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    try:
        copy = workflow_duplicate(workflow=workflow, by=request.user)
    except DomainError as exc:
        messages.error(
            request,
            _("Could not duplicate: %s") % " ".join(str(e["message"]) for e in exc.errors),
        )
        return redirect("automation:workflow-detail", pk=workflow.pk)
    messages.success(request, _("A copy was made as a draft: “%(name)s”.") % {"name": copy.name})
    return redirect("automation:workflow-detail", pk=copy.pk)


@login_required
@require_GET
def workflow_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    workflow = _workflow_or_404(request, pk)
    body = json.dumps(workflow_export(workflow=workflow), ensure_ascii=False, indent=2)
    response = HttpResponse(body + "\n", content_type="application/json; charset=utf-8")
    filename = f"{slugify(workflow.name) or 'workflow'}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Workflow file (JSON)"),
        help_text=gettext_lazy("A file exported from a workflow's page (Export)."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large for an exported workflow."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise forms.ValidationError(
                _("The file is not JSON: choose a file exported from a workflow's page.")
            ) from None


def error_in_words(error: dict[str, Any], document: Any) -> dict[str, str]:
    """Where an error is, in words ("Step 2 “Påminnelse”, email template"), from its JSON
    Pointer into the imported ``document``; and its message."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in str(error["path"]).split("/")[1:]]
    parts: list[str] = []
    if len(tokens) >= 2 and tokens[0] == "steps" and tokens[1].isdigit():
        index = int(tokens[1])
        steps = document.get("steps") if isinstance(document, dict) else None
        step = steps[index] if isinstance(steps, list) and index < len(steps) else None
        name = step.get("name") if isinstance(step, dict) else None
        if isinstance(name, str) and name.strip():
            parts.append(_("Step %(n)s “%(name)s”") % {"n": index + 1, "name": name.strip()})
        else:
            parts.append(_("Step %(n)s") % {"n": index + 1})
        tokens = tokens[2:]
    field = next((FIELD_WORDS[t] for t in reversed(tokens) if t in FIELD_WORDS), None)
    if field is not None:
        parts.append(str(field))
    elif tokens:
        parts.append(".".join(tokens))
    return {"where": ", ".join(parts), "message": str(error["message"]), "path": error["path"]}


@require_role(BUSINESS)
@require_http_methods(["GET", "POST"])
def workflow_import_view(request: HtmxHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[dict[str, str]] = []
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["file"]
        try:
            workflow = workflow_import(data=document, by=request.user)
        except DomainError as exc:
            errors = [error_in_words(dict(e), document) for e in exc.errors]
        else:
            messages.success(
                request,
                _("The workflow was imported as a draft: “%(name)s”.") % {"name": workflow.name},
            )
            return redirect("automation:workflow-detail", pk=workflow.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "automation/workflow_import.html", {"form": form, "errors": errors}, status=status
    )
