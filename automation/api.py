"""REST endpoints for workflows: /api/v1/workflow-automation/workflows...

Thin: each view parses the request, calls a service from ``automation.services`` or
``executions`` and renders the result. Errors raised by the services
(``WorkflowValidationError``, ``WorkflowConflict``, ``ExecutionStateError``) are rendered by
``config.api.exception_handler``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, IsDeveloper, IsViewer, ReadViewerWriteBusiness
from automation.api_schema import RUNNING_EXAMPLE_OPENAPI, WorkflowDocumentSerializer
from automation.models import WorkflowDefinition
from automation.scheduling import upcoming_runs
from automation.selectors import workflow_get, workflow_list
from automation.services import (
    workflow_archive,
    workflow_create,
    workflow_definition,
    workflow_deploy,
    workflow_pause,
    workflow_serialize,
    workflow_update,
)
from core.api import Conflict, WorkflowAutomationPagination, error_responses

TAG = "workflows"
MAX_NEXT_RUNS = 50
MAX_IDEMPOTENCY_KEY = 200  # the column holds 255 with the "manual:<workflow>:" prefix


# --- Parsing helpers ------------------------------------------------------------------------


def _workflow(request: Request, pk: int) -> WorkflowDefinition:
    try:
        return workflow_get(pk=pk, user=request.user)
    except WorkflowDefinition.DoesNotExist:
        raise exceptions.NotFound(_("Workflow %(id)s does not exist.") % {"id": pk}) from None


def _expected_version(request: Request) -> int | None:
    """The version the edit was based on: the If-Match header, else ``version`` in the body."""
    header = request.headers.get("If-Match")
    if header is not None:
        raw: Any = header.strip().removeprefix("W/").strip('"')
        if raw == "*":
            return None
        path = "/version"
    else:
        raw = request.data.get("version") if isinstance(request.data, dict) else None
        path = "/version"
    if raw is None:
        return None
    if isinstance(raw, bool):
        raw = "invalid"
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = -1
    if value < 1:
        raise exceptions.ValidationError(
            {path[1:]: [serializers.ErrorDetail(_("A positive version number."), "invalid")]}
        )
    return value


def _with_etag(response: Response, workflow: WorkflowDefinition) -> Response:
    # The version as ETag lets a client send it back in If-Match with PUT or PATCH.
    response["ETag"] = f'"{workflow.version}"'
    return response


# --- Schemas --------------------------------------------------------------------------------


class WorkflowListQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=WorkflowDefinition.Status.choices, required=False)
    workflow_type = serializers.ChoiceField(
        choices=WorkflowDefinition.WorkflowType.choices, required=False
    )
    search = serializers.CharField(required=False, max_length=200, help_text="In the name.")


class NextRunsQuerySerializer(serializers.Serializer):
    count = serializers.IntegerField(
        required=False, default=5, min_value=1, max_value=MAX_NEXT_RUNS
    )


NextRunsSerializer = inline_serializer(
    "NextRuns",
    {
        "workflow": serializers.IntegerField(),
        "timezone": serializers.CharField(),
        "runs": serializers.ListField(
            child=serializers.DateTimeField(), help_text="ISO 8601 with the zone's offset."
        ),
    },
)

ExecutionStartedSerializer = inline_serializer(
    "ExecutionStarted",
    {
        "execution_id": serializers.IntegerField(),
        "workflow": serializers.IntegerField(),
        "status": serializers.CharField(),
        "status_url": serializers.CharField(),
    },
)

TestRunStepSerializer = inline_serializer(
    "TestRunStep",
    many=True,
    fields={
        "step_order": serializers.IntegerField(),
        "name": serializers.CharField(),
        "step_type": serializers.CharField(),
        "status": serializers.CharField(),
        "recipients": serializers.ListField(child=serializers.DictField()),
        "skipped": serializers.ListField(child=serializers.DictField()),
        "other": serializers.ListField(child=serializers.DictField()),
    },
)

TestRunSerializer = inline_serializer(
    "TestRun",
    {
        "execution_id": serializers.IntegerField(),
        "status": serializers.CharField(),
        "error_message": serializers.CharField(),
        "steps": TestRunStepSerializer,
    },
)

_IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description='The version the edit is based on ("3"); the body\'s "version" otherwise. '
    "A stale version is answered 409 version_conflict.",
)
_IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="Repeating a request with the same key returns the first execution.",
)
_EDIT_ERRORS = error_responses(400, 401, 403, 404, 409)
_INVALID_EXAMPLE = OpenApiExample(
    "Unknown template",
    value={
        "errors": [
            {
                "path": "/steps/1/action_config/template_id",
                "code": "unknown_template",
                "message": "Email template 99 does not exist",
            }
        ]
    },
    response_only=True,
    status_codes=["400"],
)


# --- Views ----------------------------------------------------------------------------------


class WorkflowListView(APIView):
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination

    @extend_schema(
        tags=[TAG],
        summary="List workflows",
        parameters=[WorkflowListQuerySerializer],
        responses={200: WorkflowDocumentSerializer(many=True), **error_responses(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        query = WorkflowListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        qs = workflow_list(user=request.user, status=params.get("status"))
        if params.get("workflow_type"):
            qs = qs.filter(workflow_type=params["workflow_type"])
        if params.get("search"):
            qs = qs.filter(name__icontains=params["search"])
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response([workflow_serialize(w) for w in page or []])

    @extend_schema(
        tags=[TAG],
        summary="Create a workflow (draft)",
        request=WorkflowDocumentSerializer,
        responses={201: WorkflowDocumentSerializer, **error_responses(400, 401, 403)},
        examples=[RUNNING_EXAMPLE_OPENAPI, _INVALID_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        workflow = workflow_create(created_by=request.user, data=request.data)
        response = Response(workflow_serialize(workflow), status=status.HTTP_201_CREATED)
        response["Location"] = reverse("automation-api:workflow-detail", args=[workflow.pk])
        return _with_etag(response, workflow)


class WorkflowDetailView(APIView):
    permission_classes = [ReadViewerWriteBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Get a workflow",
        responses={200: WorkflowDocumentSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        workflow = _workflow(request, pk)
        return _with_etag(Response(workflow_serialize(workflow)), workflow)

    @extend_schema(
        tags=[TAG],
        summary="Replace a workflow's definition (new version)",
        request=WorkflowDocumentSerializer,
        parameters=[_IF_MATCH],
        responses={200: WorkflowDocumentSerializer, **_EDIT_ERRORS},
        examples=[RUNNING_EXAMPLE_OPENAPI],
    )
    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, request.data)

    @extend_schema(
        tags=[TAG],
        summary="Change some top-level fields of a workflow (new version)",
        description="The given top-level fields replace the stored ones; the whole result is "
        "validated as in PUT.",
        request=WorkflowDocumentSerializer,
        parameters=[_IF_MATCH],
        responses={200: WorkflowDocumentSerializer, **_EDIT_ERRORS},
    )
    def patch(self, request: Request, pk: int) -> Response:
        workflow = _workflow(request, pk)
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError(
                [serializers.ErrorDetail(_("A workflow is a JSON object."), "invalid_type")]
            )
        merged = {**workflow_definition(workflow), **request.data}
        # schedule and event exclude each other: switching the type drops the other one.
        if merged.get("workflow_type") == WorkflowDefinition.WorkflowType.EVENT_BASED:
            if "schedule" not in request.data:
                merged.pop("schedule", None)
        elif "event" not in request.data:
            merged.pop("event", None)
        return self._update(request, pk, merged, workflow=workflow)

    def _update(
        self, request: Request, pk: int, data: Any, workflow: WorkflowDefinition | None = None
    ) -> Response:
        workflow = workflow or _workflow(request, pk)
        expected = _expected_version(request)
        updated = workflow_update(
            workflow=workflow, data=data, updated_by=request.user, expected_version=expected
        )
        return _with_etag(Response(workflow_serialize(updated)), updated)

    @extend_schema(
        tags=[TAG],
        summary="Archive a workflow",
        description="Archived workflows stop running and can no longer be edited or deployed.",
        responses={204: None, **error_responses(401, 403, 404)},
    )
    def delete(self, request: Request, pk: int) -> Response:
        workflow = _workflow(request, pk)
        workflow_archive(workflow=workflow, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WorkflowDeployView(APIView):
    permission_classes = [IsDeveloper]

    @extend_schema(
        tags=[TAG],
        summary="Deploy (activate) a workflow",
        description="Validates the stored definition again and activates it. Developers only.",
        request=None,
        responses={200: WorkflowDocumentSerializer, **error_responses(400, 401, 403, 404)},
    )
    def put(self, request: Request, pk: int) -> Response:
        workflow = workflow_deploy(workflow=_workflow(request, pk), by=request.user)
        return _with_etag(Response(workflow_serialize(workflow)), workflow)


class WorkflowPauseView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Pause a workflow",
        request=None,
        responses={200: WorkflowDocumentSerializer, **error_responses(401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        workflow = workflow_pause(workflow=_workflow(request, pk), by=request.user)
        return _with_etag(Response(workflow_serialize(workflow)), workflow)


class WorkflowTestView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Test-run a workflow",
        description="Runs the workflow now with waits skipped and nothing delivered; answers "
        "per step who would get which email and who is skipped.",
        request=None,
        responses={200: TestRunSerializer, **error_responses(401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        from executions.lifecycle import execution_test_report, execution_test_run

        execution = execution_test_run(workflow=_workflow(request, pk), by=request.user)
        return Response(
            {
                "execution_id": execution.pk,
                "status": execution.status,
                "error_message": execution.error_message,
                "steps": [asdict(step) for step in execution_test_report(execution)],
            }
        )


class WorkflowExecuteView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Run a workflow now",
        description="Queues a manual execution. With an Idempotency-Key header, repeating the "
        "request returns the first execution instead of starting another.",
        request=None,
        parameters=[_IDEMPOTENCY_KEY],
        responses={
            202: OpenApiResponse(ExecutionStartedSerializer),
            **error_responses(400, 401, 403, 404, 409),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        from executions.services import execution_start

        workflow = _workflow(request, pk)
        key = request.headers.get("Idempotency-Key")
        if key is not None and not (0 < len(key.strip()) <= MAX_IDEMPOTENCY_KEY):
            raise exceptions.ValidationError(
                {
                    "Idempotency-Key": [
                        serializers.ErrorDetail(
                            _("1 to %(n)s characters.") % {"n": MAX_IDEMPOTENCY_KEY}, "invalid"
                        )
                    ]
                }
            )
        if workflow.status == WorkflowDefinition.Status.ARCHIVED:
            raise Conflict(_("An archived workflow cannot be run."), code="invalid_state")
        execution = execution_start(
            workflow=workflow,
            triggered_by=request.user,
            idempotency_key=key.strip() if key else None,
        )
        status_url = reverse("executions-api:execution-status", args=[execution.pk])
        return Response(
            {
                "execution_id": execution.pk,
                "workflow": workflow.pk,
                "status": execution.status,
                "status_url": status_url,
            },
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": status_url},
        )


class WorkflowNextRunsView(APIView):
    permission_classes = [IsViewer]

    @extend_schema(
        tags=[TAG],
        summary="The next scheduled runs",
        description="Times are ISO 8601 in the schedule's own time zone (with its offset).",
        parameters=[NextRunsQuerySerializer],
        responses={200: NextRunsSerializer, **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        query = NextRunsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        workflow = _workflow(request, pk)
        definition = workflow_definition(workflow)
        schedule = definition.get("schedule")
        if not schedule:
            raise exceptions.ValidationError(
                [
                    serializers.ErrorDetail(
                        _("This workflow is started by events, not by a schedule."),
                        "not_scheduled",
                    )
                ]
            )
        zone = ZoneInfo(schedule["timezone"])
        runs = upcoming_runs(
            schedule_type=schedule["schedule_type"],
            schedule_config=schedule["schedule_config"],
            timezone=schedule["timezone"],
            after=timezone.now(),
            count=query.validated_data["count"],
        )
        return Response(
            {
                "workflow": workflow.pk,
                "timezone": schedule["timezone"],
                "runs": [run.astimezone(zone).isoformat() for run in runs],
            }
        )


__all__ = [
    "WorkflowDeployView",
    "WorkflowDetailView",
    "WorkflowExecuteView",
    "WorkflowListView",
    "WorkflowNextRunsView",
    "WorkflowPauseView",
    "WorkflowTestView",
]
