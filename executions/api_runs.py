"""REST endpoints that start executions of a workflow: /workflows/{id}/test and
/workflows/{id}/execute (under the workflows tag, beside automation's own endpoints).

They live here, not in ``automation.api``: starting an execution is this app's business, and
automation does not depend on executions.
"""

from __future__ import annotations

from dataclasses import asdict

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness
from automation.api import LOCATION, TAG, RelativeURLField, workflow_of
from automation.api_schema import ExecutionStatusField
from automation.models import WorkflowDefinition
from core.api import Conflict, error_responses
from executions.lifecycle import execution_test_report, execution_test_run
from executions.services import execution_start

MAX_IDEMPOTENCY_KEY = 200  # the column holds 255 with the "manual:<workflow>:" prefix

ExecutionStartedSerializer = inline_serializer(
    "ExecutionStarted",
    {
        "execution_id": serializers.IntegerField(),
        "workflow": serializers.IntegerField(),
        "status": ExecutionStatusField(),
        "status_url": RelativeURLField(
            help_text="GET it for the execution's status: a path on this API's host "
            "(/api/v1/workflow-automation/executions/{id}/status), as in Location."
        ),
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
        "error_message": serializers.CharField(help_text="In English."),
        "error_code": serializers.CharField(),
        "error_params": serializers.DictField(),
        "error_label": serializers.CharField(help_text="The error in the request's language."),
        "steps": TestRunStepSerializer,
    },
)

_IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": MAX_IDEMPOTENCY_KEY, "pattern": r"\S"},
    OpenApiParameter.HEADER,
    required=False,
    description="Repeating a request with the same key returns the first execution.",
)


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
        execution = execution_test_run(workflow=workflow_of(request, pk), by=request.user)
        return Response(
            {
                "execution_id": execution.pk,
                "status": execution.status,
                "error_message": execution.error_message,
                "error_code": execution.error_code,
                "error_params": execution.error_params,
                "error_label": execution.error_label,
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
        parameters=[_IDEMPOTENCY_KEY, LOCATION],
        responses={
            202: OpenApiResponse(ExecutionStartedSerializer),
            **error_responses(400, 401, 403, 404, 409),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        workflow = workflow_of(request, pk)
        key = request.headers.get("Idempotency-Key")
        # The raw length, as the schema says: a padded key is not shortened to fit.
        if key is not None and not (key.strip() and len(key) <= MAX_IDEMPOTENCY_KEY):
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
