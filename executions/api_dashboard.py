"""GET /api/v1/workflow-automation/dashboard/metrics: the numbers of the dashboard page."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsViewer
from core.api import error_responses
from core.reasons import label
from executions.dashboard import DAYS, SUCCESS_RATE_DAYS, dashboard_metrics

DashboardMetricsSerializer = inline_serializer(
    "DashboardMetrics",
    {
        "generated_at": serializers.DateTimeField(),
        "active_workflows": serializers.IntegerField(),
        "executions_per_day": inline_serializer(
            "ExecutionsPerDay",
            {
                "date": serializers.DateField(),
                "total": serializers.IntegerField(),
                "completed": serializers.IntegerField(),
                "failed": serializers.IntegerField(),
            },
            many=True,
        ),
        "emails_per_day": inline_serializer(
            "EmailsPerDay",
            {"date": serializers.DateField(), "sent": serializers.IntegerField()},
            many=True,
        ),
        "success_rate_7d": serializers.FloatField(
            allow_null=True, help_text="completed / (completed + failed); null without runs."
        ),
        "failures_needing_attention": inline_serializer(
            "FailuresNeedingAttention",
            {
                "count": serializers.IntegerField(),
                "latest": inline_serializer(
                    "FailedExecution",
                    {
                        "id": serializers.IntegerField(),
                        "workflow": serializers.IntegerField(),
                        "workflow_name": serializers.CharField(),
                        "error_message": serializers.CharField(help_text="In English."),
                        "error_code": serializers.CharField(),
                        "error_params": serializers.DictField(),
                        "error_label": serializers.CharField(
                            help_text="The error in the request's language."
                        ),
                        "updated_at": serializers.DateTimeField(),
                    },
                    many=True,
                ),
            },
        ),
    },
)


class DashboardMetricsView(APIView):
    permission_classes = [IsViewer]

    @extend_schema(
        tags=["dashboard"],
        summary="Dashboard metrics",
        description=(
            f"Active workflows; executions and sent emails per local day for the last {DAYS} "
            f"days; the success rate of the last {SUCCESS_RATE_DAYS} days; failed executions "
            "that need someone. Test runs are left out. Cached for 30 seconds."
        ),
        responses={200: DashboardMetricsSerializer, **error_responses(401, 403)},
    )
    def get(self, request: Request) -> Response:
        metrics = dashboard_metrics()
        attention = metrics["failures_needing_attention"]
        latest = [
            {
                **failure,
                "error_label": label(
                    failure.get("error_code"), failure.get("error_params"), failure["error_message"]
                ),
            }
            for failure in attention["latest"]
        ]
        return Response({**metrics, "failures_needing_attention": {**attention, "latest": latest}})
