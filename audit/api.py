"""``GET /audit``: the audit trail, newest first, for staff only."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsStaff
from audit.models import AuditEvent
from audit.selectors import audit_event_list
from core.api import WorkflowAutomationPagination, error_responses


class AuditEventSerializer(serializers.ModelSerializer):
    changes = serializers.DictField(
        child=serializers.DictField(),
        help_text="Field name: {old, new}. Secrets appear as [hidden], never their value.",
    )

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "actor",
            "actor_name",
            "entry_point",
            "action",
            "object_type",
            "object_id",
            "object_repr",
            "changes",
        ]
        read_only_fields = fields


class AuditQuerySerializer(serializers.Serializer):
    entry_point = serializers.ChoiceField(choices=AuditEvent.EntryPoint.choices, required=False)
    action = serializers.ChoiceField(choices=AuditEvent.Action.choices, required=False)
    object_type = serializers.CharField(
        required=False, max_length=100, help_text="app.model, e.g. automation.workflowdefinition"
    )
    object_id = serializers.CharField(required=False, max_length=64)
    actor = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="User id."
    )
    since = serializers.DateTimeField(required=False, help_text="ISO 8601, inclusive.")
    until = serializers.DateTimeField(required=False, help_text="ISO 8601, exclusive.")
    search = serializers.CharField(
        required=False, max_length=200, help_text="The object's text or the actor's name contains."
    )


class AuditEventListView(APIView):
    permission_classes = [IsStaff]
    pagination_class = WorkflowAutomationPagination

    @extend_schema(
        tags=["audit"],
        summary="List audit events",
        description=(
            "Who changed which workflow, email template, integration, customer group, role or "
            "closed day, when and from which entry point. Read-only; staff only."
        ),
        parameters=[AuditQuerySerializer],
        responses={200: AuditEventSerializer(many=True), **error_responses(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        query = AuditQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        events = audit_event_list(**query.validated_data)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(events, request, view=self)
        return paginator.get_paginated_response(AuditEventSerializer(page, many=True).data)
