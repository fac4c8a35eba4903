"""REST endpoints for a workflow's versions and copies: list and read versions, restore one,
duplicate, export and import (/api/v1/workflow-automation/workflows/...).

Thin, as ``automation.api``: each view parses the request, calls ``automation.versions`` and
renders the result; the services' errors are rendered by ``core.api.exception_handler``.
Roles as for editing workflows: every role reads, business and up write.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, IsViewer
from automation.api import LOCATION, workflow_of
from automation.api_schema import WorkflowDocumentSerializer, WorkflowDraftSerializer
from automation.models import WorkflowDefinition, WorkflowVersion
from automation.services import workflow_serialize
from automation.versions import (
    version_changes,
    version_get,
    version_list,
    version_summary,
    workflow_duplicate,
    workflow_export,
    workflow_import,
    workflow_restore,
)
from core.api import WorkflowAutomationPagination, error_responses

TAG = "workflow versions"


def _language() -> str:
    return "en" if (get_language() or "nb").startswith("en") else "nb"


def _version_of(workflow: WorkflowDefinition, number: int) -> WorkflowVersion:
    try:
        return version_get(workflow=workflow, version=number)
    except WorkflowVersion.DoesNotExist:
        raise exceptions.NotFound(
            _("Version %(n)s of this workflow does not exist.") % {"n": number}
        ) from None


def _version_head(version: WorkflowVersion, language: str) -> dict[str, Any]:
    user = version.created_by
    return {
        "version": version.version,
        "created_by": user.pk if user is not None else None,
        "created_by_name": user.get_username() if user is not None else None,
        "created_at": timezone.localtime(version.created_at).isoformat(),
        "summary": version_summary(version, language=language),
    }


# --- Schemas --------------------------------------------------------------------------------


class WorkflowVersionSummarySerializer(serializers.Serializer):
    """One saved version: who, when and what it changed (OpenAPI only)."""

    version = serializers.IntegerField(min_value=1)
    created_by = serializers.IntegerField(
        allow_null=True, help_text="The id of the user who saved it (null: gone, or a task)."
    )
    created_by_name = serializers.CharField(allow_null=True, help_text="Their user name.")
    created_at = serializers.DateTimeField(help_text="ISO 8601 with offset.")
    summary = serializers.CharField(
        help_text="What the version changed, in one line (translated): its first change and "
        "how many more; for the first version that it was created."
    )


class WorkflowVersionChangeSerializer(serializers.Serializer):
    """One difference between two versions, in words (OpenAPI only)."""

    kind = serializers.CharField(
        help_text="renamed, description, status, workflow_type, schedule, holiday_policy, "
        "timezone, event, step_added, step_removed, step_changed or steps_reordered."
    )
    text = serializers.CharField(help_text="The change in words (translated).")
    step = serializers.IntegerField(
        allow_null=True, help_text="The step's step_order; null for the workflow's own fields."
    )
    aspect = serializers.CharField(
        allow_null=True, help_text="For step_changed: which part of the step changed."
    )


class WorkflowVersionDetailSerializer(WorkflowVersionSummarySerializer):
    """One saved version with its definition and its changes (OpenAPI only)."""

    definition = WorkflowDraftSerializer(help_text="The workflow as this version saved it.")
    previous = serializers.IntegerField(
        allow_null=True, help_text="The version the changes are counted from (null: none)."
    )
    changes = WorkflowVersionChangeSerializer(
        many=True, help_text="What this version changed from the previous one."
    )


_NUMBER = OpenApiParameter(
    "n",
    {"type": "integer", "minimum": 1},
    OpenApiParameter.PATH,
    description="The version number.",
)
_MISSING_TEMPLATE_EXAMPLE = OpenApiExample(
    "A template this installation does not have",
    value={
        "errors": [
            {
                "path": "/steps/1/action_config/template",
                "code": "unknown_template",
                "message": "No email template is called “Påminnelse”.",
            }
        ]
    },
    response_only=True,
    status_codes=["400"],
)


# --- Views ----------------------------------------------------------------------------------


class WorkflowVersionListView(APIView):
    permission_classes = [IsViewer]
    pagination_class = WorkflowAutomationPagination

    @extend_schema(
        tags=[TAG],
        summary="List a workflow's versions",
        description="Newest first: who saved each version, when, and what it changed in one line.",
        responses={
            200: WorkflowVersionSummarySerializer(many=True),
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, pk: int) -> Response:
        workflow = workflow_of(request, pk)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(version_list(workflow=workflow), request, view=self)
        language = _language()
        return paginator.get_paginated_response(
            [_version_head(version, language) for version in page or []]
        )


class WorkflowVersionDetailView(APIView):
    permission_classes = [IsViewer]

    @extend_schema(
        tags=[TAG],
        summary="Get one version of a workflow",
        description="The definition as that version saved it, and what it changed from the "
        "version before (in words).",
        parameters=[_NUMBER],
        responses={200: WorkflowVersionDetailSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int, n: int) -> Response:
        version = _version_of(workflow_of(request, pk), n)
        language = _language()
        found = version_changes(version, language=language)
        return Response(
            {
                **_version_head(version, language),
                "definition": version.definition,
                "previous": found.previous,
                "changes": [change.as_dict() for change in found.changes],
            }
        )


class WorkflowVersionRestoreView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Restore a version (as a new version)",
        description="Saves the definition of version n again as the workflow's newest "
        "version, validated as any edit (400 when what it names is gone). Nothing is saved "
        "when the workflow equals version n already. An archived workflow is 409 invalid_state.",
        parameters=[_NUMBER],
        request=None,
        responses={200: WorkflowDocumentSerializer, **error_responses(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, n: int) -> Response:
        workflow = workflow_of(request, pk)
        _version_of(workflow, n)
        restored = workflow_restore(workflow=workflow, version=n, by=request.user)
        response = Response(workflow_serialize(restored))
        response["ETag"] = f'"{restored.version}"'
        return response


class WorkflowDuplicateView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Duplicate a workflow (a new draft)",
        description="A draft copy of the current definition, named so that no other workflow "
        'has its name ("Ukentlig bestilling (2)").',
        request=None,
        parameters=[LOCATION],
        responses={201: WorkflowDocumentSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        copy = workflow_duplicate(workflow=workflow_of(request, pk), by=request.user)
        response = Response(workflow_serialize(copy), status=status.HTTP_201_CREATED)
        response["Location"] = reverse("automation-api:workflow-detail", args=[copy.pk])
        response["ETag"] = f'"{copy.version}"'
        return response


class WorkflowExportView(APIView):
    permission_classes = [IsViewer]

    @extend_schema(
        tags=[TAG],
        summary="Export a workflow as JSON",
        description="The definition without read-only fields, with email templates named "
        "(action_config.template) instead of numbered and customer groups by their slug: "
        "what POST /workflows/import accepts in another installation.",
        responses={200: WorkflowDraftSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(workflow_export(workflow=workflow_of(request, pk)))


class WorkflowImportView(APIView):
    permission_classes = [IsBusiness]
    # The workflow validator checks every type itself (core/api_strict.py).
    validates_json_types = True

    @extend_schema(
        tags=[TAG],
        summary="Import a workflow (a new draft)",
        description="An exported workflow (or any workflow document) is validated by the one "
        "validator and saved as a new draft; templates and groups are resolved by name. A "
        "template or group that does not exist is a 400 naming the field (JSON Pointer) and "
        "the missing name; nothing is saved then. A name another workflow has gets a number.",
        request=WorkflowDocumentSerializer,
        parameters=[LOCATION],
        responses={201: WorkflowDocumentSerializer, **error_responses(400, 401, 403)},
        examples=[_MISSING_TEMPLATE_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        workflow = workflow_import(data=request.data, by=request.user)
        response = Response(workflow_serialize(workflow), status=status.HTTP_201_CREATED)
        response["Location"] = reverse("automation-api:workflow-detail", args=[workflow.pk])
        response["ETag"] = f'"{workflow.version}"'
        return response


__all__ = [
    "WorkflowDuplicateView",
    "WorkflowExportView",
    "WorkflowImportView",
    "WorkflowVersionDetailView",
    "WorkflowVersionListView",
    "WorkflowVersionRestoreView",
]
