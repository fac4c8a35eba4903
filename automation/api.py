"""REST endpoints for workflows: /api/v1/workflow-automation/workflows...

Thin: each view parses the request, calls a service from ``automation.services`` or
``executions`` and renders the result. Errors raised by the services
(``WorkflowValidationError``, ``WorkflowConflict``, ``ExecutionStateError``) are rendered by
``core.api.exception_handler``.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, IsDeveloper, IsViewer, ReadViewerWriteBusiness
from automation.api_schema import (
    RUNNING_EXAMPLE_OPENAPI,
    WorkflowDocumentSerializer,
)
from automation.models import WorkflowDefinition
from automation.scheduling import runs_and_adjustments
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
from core.api import WorkflowAutomationPagination, error_responses

TAG = "workflows"
MAX_NEXT_RUNS = 50


# --- Parsing helpers ------------------------------------------------------------------------


def workflow_of(request: Request, pk: int) -> WorkflowDefinition:
    """The workflow ``pk`` as this user may see it; 404 otherwise (also used by the endpoints
    of other apps under /workflows/{id}/...)."""
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


@extend_schema_field({"type": "string", "format": "uri-reference"})
class RelativeURLField(serializers.CharField):
    """A path on the API's own host (a relative reference, RFC 3986)."""


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
        "adjusted": inline_serializer(
            "AdjustedRun",
            {
                "planned": serializers.DateTimeField(help_text="When it was planned."),
                "at": serializers.DateTimeField(
                    allow_null=True, help_text="When it runs instead; null: skipped."
                ),
                "reason": serializers.ChoiceField(
                    choices=[("holiday", "holiday"), ("closed", "closed")]
                ),
                "name": serializers.CharField(help_text="The holiday or closed day, translated."),
            },
            many=True,
            required=False,
            help_text="Planned runs among these that fall on a public holiday or a closed day "
            "and were moved or skipped by the schedule's holiday_policy.",
        ),
        "reason": serializers.ChoiceField(
            choices=[("archived", "archived")],
            allow_null=True,
            help_text="Why runs is empty although the workflow has a schedule: archived "
            "(it will never run again); null otherwise.",
        ),
        "message": serializers.CharField(
            allow_null=True, help_text="The reason in words (translated); null without one."
        ),
    },
)

_IF_MATCH = OpenApiParameter(
    "If-Match",
    # What _expected_version reads: a version (1 or more, quoted or not, W/ allowed) or *.
    {"type": "string", "pattern": r'^(\*|(W/)?"?[1-9][0-9]{0,9}"?)$'},
    OpenApiParameter.HEADER,
    required=False,
    description='The version the edit is based on ("3"); the body\'s "version" otherwise. '
    "A stale version is answered 409 version_conflict.",
)
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[201, 202],
    description="Where the new resource is: a path on this API's host, relative to it "
    "(e.g. /api/v1/workflow-automation/workflows/7).",
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
    # The workflow validator checks every type itself (config/api_strict.py).
    validates_json_types = True
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
        parameters=[LOCATION],
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
    # The workflow validator checks every type itself (config/api_strict.py).
    validates_json_types = True

    @extend_schema(
        tags=[TAG],
        summary="Get a workflow",
        responses={200: WorkflowDocumentSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        workflow = workflow_of(request, pk)
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
        workflow = workflow_of(request, pk)
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
        workflow = workflow or workflow_of(request, pk)
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
        workflow = workflow_of(request, pk)
        workflow_archive(workflow=workflow, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WorkflowDeployView(APIView):
    permission_classes = [IsDeveloper]

    @extend_schema(
        tags=[TAG],
        summary="Deploy (activate) a workflow",
        description="Validates the stored definition again and activates it. Developers only. "
        "An archived workflow is 409 invalid_state.",
        request=None,
        responses={200: WorkflowDocumentSerializer, **error_responses(400, 401, 403, 404, 409)},
    )
    def put(self, request: Request, pk: int) -> Response:
        workflow = workflow_deploy(workflow=workflow_of(request, pk), by=request.user)
        return _with_etag(Response(workflow_serialize(workflow)), workflow)


class WorkflowPauseView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        tags=[TAG],
        summary="Pause a workflow",
        description="An archived workflow is 409 invalid_state.",
        request=None,
        responses={200: WorkflowDocumentSerializer, **error_responses(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        workflow = workflow_pause(workflow=workflow_of(request, pk), by=request.user)
        return _with_etag(Response(workflow_serialize(workflow)), workflow)


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
        workflow = workflow_of(request, pk)
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
        if workflow.status == WorkflowDefinition.Status.ARCHIVED:
            return Response(
                {
                    "workflow": workflow.pk,
                    "timezone": schedule["timezone"],
                    "runs": [],
                    "adjusted": [],
                    "reason": "archived",
                    "message": _("The workflow is archived: it will not run again."),
                }
            )
        zone = ZoneInfo(schedule["timezone"])
        found = runs_and_adjustments(
            schedule_type=schedule["schedule_type"],
            schedule_config=schedule["schedule_config"],
            timezone=schedule["timezone"],
            after=timezone.now(),
            count=query.validated_data["count"],
            holiday_policy=schedule.get("holiday_policy", "run"),
        )
        language = "en" if (get_language() or "nb").startswith("en") else "nb"
        return Response(
            {
                "workflow": workflow.pk,
                "timezone": schedule["timezone"],
                "runs": [o.at.astimezone(zone).isoformat() for o in found if o.at is not None],
                "adjusted": [
                    {
                        "planned": o.planned.astimezone(zone).isoformat(),
                        "at": o.at.astimezone(zone).isoformat() if o.at is not None else None,
                        "reason": o.closure.kind,
                        "name": o.closure.name(language),
                    }
                    for o in found
                    if o.closure is not None
                ],
                "reason": None,
                "message": None,
            }
        )


__all__ = [
    "WorkflowDeployView",
    "WorkflowDetailView",
    "WorkflowListView",
    "WorkflowNextRunsView",
    "WorkflowPauseView",
]
