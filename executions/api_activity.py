"""GET /api/v1/workflow-automation/customers/{id}/activity: a customer's history.

Here and not in the customers app: it reads the action logs, and customers may not import
executions. Read as customers are read (viewers and up).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import ReadViewerWriteBusiness
from core.api import (
    WorkflowAutomationPagination,
    dates_as_local_midnight,
    datetime_text,
    error_responses,
)
from customers.models import Customer
from executions import activity
from executions.models import WorkflowActionLog


class ActivityQuerySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[key for key, _label in activity.KIND_CHOICES],
        required=False,
        help_text="email: emails to the customer; order: orders created for them; "
        "other: any other action on them.",
    )
    workflow = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(choices=WorkflowActionLog.Status.choices, required=False)
    performed_after = serializers.DateTimeField(
        required=False, help_text="ISO 8601; a date alone means its local midnight."
    )
    performed_before = serializers.DateTimeField(
        required=False, help_text="Exclusive; a date alone means its local midnight."
    )

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        # Plain dates (2025-01-31) mean local midnight of that day.
        return super().to_internal_value(
            dates_as_local_midnight(data, ("performed_after", "performed_before"))
        )


class ActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="log.pk")
    kind = serializers.ChoiceField(choices=[key for key, _label in activity.KIND_CHOICES])
    action_type = serializers.CharField(source="log.action_type")
    status = serializers.ChoiceField(source="log.status", choices=WorkflowActionLog.Status.choices)
    execution = serializers.IntegerField(source="log.execution_id")
    workflow = serializers.IntegerField(source="log.execution.workflow_id")
    workflow_name = serializers.CharField(source="log.execution.workflow.name")
    step_order = serializers.IntegerField(source="log.step_order")
    email = serializers.CharField(help_text="The address an email went to (emails only).")
    template = serializers.CharField(help_text="The email template's name (emails only).")
    subject = serializers.CharField(help_text="The subject as sent (sent emails only).")
    message_id = serializers.CharField(
        help_text="The Message-ID header the email was sent with (sent emails only)."
    )
    order_id = serializers.IntegerField(
        allow_null=True, help_text="The order created (orders only)."
    )
    reason_code = serializers.SerializerMethodField()
    reason_params = serializers.SerializerMethodField()
    reason_label = serializers.CharField(
        help_text="Why the action was skipped, in the request's language (empty otherwise)."
    )
    error_code = serializers.CharField(source="log.error_code")
    error_params = serializers.DictField(source="log.error_params")
    error_label = serializers.CharField(
        help_text="Why the action failed, in the request's language (empty otherwise)."
    )
    performed_at = serializers.DateTimeField(source="log.performed_at")
    updated_at = serializers.DateTimeField(source="log.updated_at")

    def _result(self, item: activity.ActivityItem) -> dict[str, Any]:
        result = item.log.result_data
        return result if isinstance(result, dict) else {}

    def get_reason_code(self, item: activity.ActivityItem) -> str:
        return str(self._result(item).get("reason_code") or "")

    def get_reason_params(self, item: activity.ActivityItem) -> dict[str, Any]:
        params = self._result(item).get("reason_params")
        return params if isinstance(params, dict) else {}


class CustomerActivityView(APIView):
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination

    @extend_schema(
        tags=["customers"],
        summary="A customer's history",
        description=(
            "Everything the workflows did for one customer, newest first: emails (template, "
            "subject, status, Message-ID), orders created, and skips with their reason. Test "
            "runs are left out, and only workflows the caller may see count."
        ),
        parameters=[ActivityQuerySerializer],
        responses={200: ActivitySerializer(many=True), **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        query = ActivityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        if not Customer.objects.filter(pk=pk).exists():
            raise exceptions.NotFound(_("Customer %(id)s does not exist.") % {"id": pk})
        logs = activity.customer_activity_list(
            customer_id=pk,
            user=request.user,
            kind=params.get("kind"),
            workflow_id=params.get("workflow"),
            status=params.get("status"),
            performed_after=params.get("performed_after"),
            performed_before=params.get("performed_before"),
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(logs, request, view=self)
        items = [activity.activity_item(log) for log in page]
        return paginator.get_paginated_response([activity_row(item) for item in items])


def activity_row(item: activity.ActivityItem) -> dict[str, Any]:
    """What ``ActivitySerializer`` makes of ``item``, built directly: the serializer's field
    machinery cost more than the rest of the request (tests/api/test_customer_activity.py
    holds the two to the same output). The serializer stays the schema's description."""
    log = item.log
    result = log.result_data if isinstance(log.result_data, dict) else {}
    reason_params = result.get("reason_params")
    return {
        "id": log.pk,
        "kind": item.kind,
        "action_type": str(log.action_type),
        "status": log.status,
        "execution": log.execution_id,
        "workflow": log.execution.workflow_id,
        "workflow_name": str(log.execution.workflow.name),
        "step_order": int(log.step_order),
        "email": str(item.email),
        "template": str(item.template),
        "subject": str(item.subject),
        "message_id": str(item.message_id),
        "order_id": None if item.order_id is None else int(item.order_id),
        "reason_code": str(result.get("reason_code") or ""),
        "reason_params": reason_params if isinstance(reason_params, dict) else {},
        "reason_label": str(item.reason_label),
        "error_code": str(log.error_code),
        "error_params": {str(key): value for key, value in log.error_params.items()},
        "error_label": str(item.error_label),
        "performed_at": datetime_text(log.performed_at),
        "updated_at": datetime_text(log.updated_at),
    }
