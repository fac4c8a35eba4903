"""REST endpoints for executions: /api/v1/workflow-automation/executions...

Thin: parse, call ``executions.selectors`` / ``executions.lifecycle``, render. A wrong state
(``ExecutionStateError``) is answered 409 ``invalid_state`` by ``core.api``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, IsStaff, IsViewer
from core.api import (
    WorkflowAutomationPagination,
    dates_as_local_midnight,
    datetime_text,
    error_responses,
)
from core.reasons import label
from executions import decisions, lifecycle
from executions.models import (
    EmailDecision,
    ExecutionTransition,
    WorkflowActionLog,
    WorkflowExecution,
)
from executions.selectors import (
    UnknownEmail,
    action_log_list,
    execution_get,
    execution_list,
    execution_status,
    unknown_email_get,
    unknown_email_list,
)

TAG = "executions"


# --- Serializers (output and query parameters) ---------------------------------------------


_CODES = (
    " The code and its parameters are stable for programs (a nested reason is "
    '{"code", "params"}); the English text is kept as it always was; the label is the text in '
    "the request's language (Accept-Language)."
)


class ExecutionSerializer(serializers.ModelSerializer):
    workflow_name = serializers.CharField(source="workflow.name", read_only=True)
    error_label = serializers.CharField(
        read_only=True, help_text="Why the execution failed, in the request's language."
    )

    class Meta:
        model = WorkflowExecution
        fields = [
            "id",
            "workflow",
            "workflow_name",
            "workflow_version",
            "status",
            "trigger",
            "triggered_by",
            "is_test",
            "scheduled_for",
            "started_at",
            "completed_at",
            "current_step",
            "resume_at",
            "error_message",
            "error_code",
            "error_params",
            "error_label",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "error_message": {"help_text": "Why the execution failed, in English." + _CODES}
        }


class TransitionSerializer(serializers.ModelSerializer):
    reason_label = serializers.CharField(
        read_only=True, help_text="The reason in the request's language."
    )

    class Meta:
        model = ExecutionTransition
        fields = [
            *("from_status", "to_status", "step_order"),
            *("reason", "reason_code", "reason_params", "reason_label"),
            *("actor", "at"),
        ]
        read_only_fields = fields
        extra_kwargs = {"reason": {"help_text": "Why the status changed, in English." + _CODES}}


class UnknownEmailSerializer(serializers.Serializer):
    """A customer email whose outcome is unknown (a sending process died between handing it
    to the mail server and recording the answer)."""

    id = serializers.IntegerField(source="log.pk", help_text="The action log row's id.")
    step_order = serializers.IntegerField(source="log.step_order")
    customer_id = serializers.IntegerField(source="log.target_id")
    email = serializers.CharField(source="customer.email", default="")
    subject = serializers.CharField(help_text="Rendered again, as it was sent.")
    message_id = serializers.CharField(
        help_text="The Message-ID to look up in the mail server's log."
    )
    decidable_from = serializers.DateTimeField(
        help_text="Until then the email may still be on its way, and a decision gets 409."
    )


class EmailDecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmailDecision
        fields = [
            *("id", "action_log", "message_id", "decision", "new_message_id"),
            *("decided_by", "provider", "decided_at"),
        ]
        read_only_fields = fields
        extra_kwargs = {
            "message_id": {"help_text": "The Message-ID of the email whose outcome was unknown."},
            "new_message_id": {
                "help_text": "A resend's own Message-ID; its References header names message_id."
            },
            "decided_by": {"help_text": "The user; null when the email provider decided."},
            "provider": {"help_text": "The email provider that reported the outcome, if any."},
        }


class ExecutionDetailSerializer(ExecutionSerializer):
    transitions = TransitionSerializer(many=True, read_only=True)
    definition_snapshot = serializers.JSONField(
        read_only=True, help_text="The workflow document this execution runs from."
    )
    unknown_emails = serializers.SerializerMethodField(
        help_text="Customer emails whose outcome is unknown, waiting for a decision "
        "(POST .../emails/{log_id}/mark-delivered or .../resend, staff)."
    )
    email_decisions = EmailDecisionSerializer(many=True, read_only=True)

    class Meta(ExecutionSerializer.Meta):
        fields = [
            *ExecutionSerializer.Meta.fields,
            "definition_snapshot",
            "transitions",
            "unknown_emails",
            "email_decisions",
        ]
        read_only_fields = fields

    @extend_schema_field(UnknownEmailSerializer(many=True))
    def get_unknown_emails(self, execution: WorkflowExecution) -> list[dict[str, Any]]:
        emails: list[UnknownEmail] = unknown_email_list(execution=execution)
        return UnknownEmailSerializer(emails, many=True).data


class ActionLogSerializer(serializers.ModelSerializer):
    reason_label = serializers.CharField(
        read_only=True,
        help_text="Why the action was skipped, in the request's language (empty otherwise); "
        "result_data keeps it as reason (English), reason_code and reason_params.",
    )
    error_label = serializers.CharField(
        read_only=True, help_text="Why the action failed, in the request's language."
    )

    class Meta:
        model = WorkflowActionLog
        fields = [
            "id",
            "step_order",
            "action_type",
            "target_type",
            "target_id",
            "status",
            "result_data",
            "reason_label",
            "error_message",
            "error_code",
            "error_params",
            "error_label",
            "attempts",
            "performed_at",
            "updated_at",
        ]
        read_only_fields = fields


ProgressSerializer = inline_serializer(
    "ExecutionProgress",
    {
        "sent": serializers.IntegerField(),
        "total": serializers.IntegerField(),
        "failed": serializers.IntegerField(),
        "skipped": serializers.IntegerField(),
        "unknown": serializers.IntegerField(),
    },
)

ExecutionStatusSerializer = inline_serializer(
    "ExecutionStatus",
    {
        "id": serializers.IntegerField(),
        "status": serializers.ChoiceField(choices=WorkflowExecution.Status.choices),
        "current_step": serializers.IntegerField(allow_null=True),
        "is_finished": serializers.BooleanField(),
        "progress": ProgressSerializer,
    },
)


class ExecutionListQuerySerializer(serializers.Serializer):
    workflow = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(choices=WorkflowExecution.Status.choices, required=False)
    created_after = serializers.DateTimeField(
        required=False, help_text="ISO 8601; a date alone means its local midnight."
    )
    created_before = serializers.DateTimeField(required=False, help_text="Exclusive.")
    is_test = serializers.BooleanField(required=False, allow_null=True, default=None)

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        # Plain dates (2025-01-31) mean local midnight of that day.
        return super().to_internal_value(
            dates_as_local_midnight(data, ("created_after", "created_before"))
        )


class ActionLogQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=WorkflowActionLog.Status.choices, required=False)
    step = serializers.IntegerField(required=False, min_value=1, help_text="step_order")


# --- Views ----------------------------------------------------------------------------------


def _execution(request: Request, pk: int) -> WorkflowExecution:
    try:
        return execution_get(pk=pk, user=request.user)
    except WorkflowExecution.DoesNotExist:
        raise exceptions.NotFound(_("Execution %(id)s does not exist.") % {"id": pk}) from None


class ExecutionListView(APIView):
    permission_classes = [IsViewer]
    pagination_class = WorkflowAutomationPagination

    @extend_schema(
        tags=[TAG],
        summary="List executions",
        parameters=[ExecutionListQuerySerializer],
        responses={200: ExecutionSerializer(many=True), **error_responses(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        query = ExecutionListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        qs = execution_list(
            user=request.user,
            workflow_id=params.get("workflow"),
            status=params.get("status"),
            created_after=params.get("created_after"),
            created_before=params.get("created_before"),
            is_test=params.get("is_test"),
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs.values(*_LIST_COLUMNS), request, view=self)
        return paginator.get_paginated_response([execution_row(row) for row in page])


#: The columns ExecutionSerializer shows, read as plain values (not the large context and
#: definition snapshot a model instance would load).
_LIST_COLUMNS = (
    *("id", "workflow_id", "workflow__name", "workflow_version", "status", "trigger"),
    *("triggered_by_id", "is_test", "scheduled_for", "started_at", "completed_at"),
    *("current_step", "resume_at", "error_message", "error_code", "error_params"),
    *("created_at", "updated_at"),
)


def execution_row(row: dict[str, Any]) -> dict[str, Any]:
    """What ``ExecutionSerializer`` makes of an execution, from its ``_LIST_COLUMNS`` values:
    the serializer's field machinery cost more than the rest of a list request
    (tests/api/test_executions.py holds the two to the same output). The serializer stays the
    schema's description and serves the single-execution answers."""
    return {
        "id": row["id"],
        "workflow": row["workflow_id"],
        "workflow_name": str(row["workflow__name"]),
        "workflow_version": int(row["workflow_version"]),
        "status": row["status"],
        "trigger": row["trigger"],
        "triggered_by": row["triggered_by_id"],
        "is_test": bool(row["is_test"]),
        "scheduled_for": datetime_text(row["scheduled_for"]),
        "started_at": datetime_text(row["started_at"]),
        "completed_at": datetime_text(row["completed_at"]),
        "current_step": row["current_step"],
        "resume_at": datetime_text(row["resume_at"]),
        "error_message": str(row["error_message"]),
        "error_code": str(row["error_code"]),
        "error_params": row["error_params"],
        "error_label": str(label(row["error_code"], row["error_params"], row["error_message"])),
        "created_at": datetime_text(row["created_at"]),
        "updated_at": datetime_text(row["updated_at"]),
    }


class ExecutionDetailView(APIView):
    permission_classes = [IsViewer]

    @extend_schema(
        tags=[TAG],
        summary="Get an execution",
        responses={200: ExecutionDetailSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        execution = _execution(request, pk)
        return Response(ExecutionDetailSerializer(execution).data)


class ExecutionStatusView(APIView):
    """Small and cheap: meant to be polled while an execution runs."""

    permission_classes = [IsViewer]

    @extend_schema(
        tags=[TAG],
        summary="An execution's status and progress",
        responses={200: ExecutionStatusSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        try:
            return Response(execution_status(pk=pk, user=request.user))
        except WorkflowExecution.DoesNotExist:
            raise exceptions.NotFound(_("Execution %(id)s does not exist.") % {"id": pk}) from None


class ExecutionLogsView(APIView):
    permission_classes = [IsViewer]
    pagination_class = WorkflowAutomationPagination

    @extend_schema(
        tags=[TAG],
        summary="An execution's action log",
        parameters=[ActionLogQuerySerializer],
        responses={200: ActionLogSerializer(many=True), **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        query = ActionLogQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        execution = _execution(request, pk)
        qs = action_log_list(
            execution=execution,
            status=query.validated_data.get("status"),
            step_order=query.validated_data.get("step"),
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(ActionLogSerializer(page, many=True).data)


class _ExecutionActionView(APIView):
    """POST /executions/{id}/<action>: one lifecycle service each."""

    permission_classes = [IsBusiness]
    action: Callable[..., WorkflowExecution]

    def post(self, request: Request, pk: int) -> Response:
        execution = _execution(request, pk)
        updated = self.action(execution=execution, by=request.user)
        updated.refresh_from_db()
        return Response(ExecutionSerializer(updated).data)


def _action_schema(summary: str, description: str) -> Callable[[type], type]:
    return extend_schema(
        tags=[TAG],
        summary=summary,
        description=description,
        request=None,
        responses={200: ExecutionSerializer, **error_responses(401, 403, 404, 409)},
    )


@_action_schema("Pause an execution", "Queued, running or waiting executions only.")
class ExecutionPauseView(_ExecutionActionView):
    action = staticmethod(lifecycle.execution_pause)


@_action_schema("Resume a paused execution", "Nobody already emailed is emailed again.")
class ExecutionResumeView(_ExecutionActionView):
    action = staticmethod(lifecycle.execution_resume)


@_action_schema("Cancel an execution", "Any execution that has not finished.")
class ExecutionCancelView(_ExecutionActionView):
    action = staticmethod(lifecycle.execution_cancel)


@_action_schema(
    "Retry a failed execution",
    "Resumes at the failed step, only for the customers not yet reached.",
)
class ExecutionRetryView(_ExecutionActionView):
    action = staticmethod(lifecycle.execution_retry)


# --- Emails whose outcome is unknown: a person's decision -------------------------------------


EmailDecisionResultSerializer = inline_serializer(
    "EmailDecisionResult",
    {"decision": EmailDecisionSerializer(), "action_log": ActionLogSerializer()},
)


class _EmailDecisionView(APIView):
    """POST /executions/{id}/emails/{log_id}/<decision>: one decision service each."""

    permission_classes = [IsStaff]
    service: Callable[..., EmailDecision]

    def post(self, request: Request, pk: int, log_id: int) -> Response:
        execution = _execution(request, pk)
        try:
            log = unknown_email_get(execution=execution, log_id=log_id)
        except WorkflowActionLog.DoesNotExist:
            raise exceptions.NotFound(
                _("Execution %(id)s has no customer email %(log)s.") % {"id": pk, "log": log_id}
            ) from None
        decision = self.service(log=log, by=request.user)
        log.refresh_from_db()
        return Response(
            {
                "decision": EmailDecisionSerializer(decision).data,
                "action_log": ActionLogSerializer(log).data,
            }
        )


def _decision_schema(summary: str, description: str) -> Callable[[type], type]:
    return extend_schema(
        tags=[TAG],
        summary=summary,
        description=description
        + " Staff only. One-way: 409 already_decided when the email was decided about before "
        "(or is being sent again), 409 not_settled while it may still be on its way "
        "(see unknown_emails[].decidable_from in the execution's detail).",
        request=None,
        responses={200: EmailDecisionResultSerializer, **error_responses(401, 403, 404, 409)},
    )


@_decision_schema(
    "Mark an email with unknown outcome as delivered",
    "After checking the mail server's log: the email is recorded as sent, not sent again.",
)
class EmailMarkDeliveredView(_EmailDecisionView):
    service = staticmethod(decisions.email_mark_delivered)


@_decision_schema(
    "Send an email with unknown outcome again",
    "Sent through the normal email path, rendered as the first time, with a new Message-ID "
    "whose References header names the first; the row then says what became of it.",
)
class EmailResendView(_EmailDecisionView):
    service = staticmethod(decisions.email_resend)
