"""REST endpoints of the AI assistant: a description or a DSL script to a workflow draft.

Thin: parse, call ``ai_assistant.services``, render. Nothing here saves a workflow; the
draft becomes one when the user confirms (``ai_confirm``).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, IsDeveloper
from ai_assistant.services import (
    AssistantError,
    ai_confirm,
    ai_execute_script,
    ai_parse_description,
    ai_start_edit,
    ai_use_template,
)
from automation.api_schema import WorkflowDraftSerializer
from automation.selectors import workflow_list
from core.api import ErrorItemSerializer, ErrorResponseSerializer, error_responses, errors_response

MAX_DESCRIPTION_LENGTH = 4000
MAX_SCRIPT_LENGTH = 100_000
#: Named in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] (ScriptLanguageEnum): another
#: "language" field (customers' nb/en) would otherwise collide in the schema.
SCRIPT_LANGUAGES = [("python", "Python"), ("javascript", "JavaScript")]


class ParseDescriptionRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_DESCRIPTION_LENGTH,
        help_text="What the workflow should do, in Norwegian or English.",
    )
    session_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Continue this chat session (refine its draft); omit to start a new one.",
    )


class ExecuteScriptRequestSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=SCRIPT_LANGUAGES)
    source = serializers.CharField(
        max_length=MAX_SCRIPT_LENGTH,
        trim_whitespace=False,
        help_text="A script in the workflow DSL. It is parsed as a declarative subset, never "
        "executed by a general-purpose interpreter.",
    )
    session_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Make the result this chat session's draft (to confirm it like a chat draft).",
    )


class PreviewLineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["name", "schedule", "event", "step"])
    text = serializers.CharField()
    step_order = serializers.IntegerField(allow_null=True)
    count = serializers.IntegerField(
        allow_null=True, help_text="Customers the step would reach now, when about customers."
    )


class ChangeSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="renamed, schedule, step_changed, step_added ...")
    text = serializers.CharField()
    step = serializers.IntegerField(allow_null=True, help_text="The step's number, if any.")
    aspect = serializers.CharField(allow_null=True, required=False)


class NewTemplateSerializer(serializers.Serializer):
    name = serializers.CharField()
    category = serializers.CharField()
    subject = serializers.CharField()
    body_html = serializers.CharField(help_text="A starter text with the standard variables.")


class AssistantReplySerializer(serializers.Serializer):
    session_id = serializers.IntegerField()
    message_id = serializers.IntegerField()
    kind = serializers.ChoiceField(
        choices=["workflow", "question", "error"],
        help_text="workflow: a valid draft; question: the assistant asks back; error: no draft.",
    )
    text = serializers.CharField(help_text="What the assistant says.")
    language = serializers.CharField()
    workflow = WorkflowDraftSerializer(
        allow_null=True, help_text="The draft, canonical format (kind workflow); else null."
    )
    preview = PreviewLineSerializer(many=True)
    errors = ErrorItemSerializer(many=True, help_text="Why no draft was offered (kind error).")
    provider = serializers.CharField()
    changes = ChangeSerializer(
        many=True,
        help_text="Changing a saved workflow (ai/edit): what the draft changes, in words.",
    )
    new_templates = NewTemplateSerializer(
        many=True,
        help_text="New email templates the draft proposes (its steps name them by "
        "`template`): created, marked as needing review, when the draft is confirmed. A "
        "workflow sending one cannot be activated until the template has been saved once.",
    )


class ScriptReplySerializer(serializers.Serializer):
    workflow = WorkflowDraftSerializer(help_text="The workflow, canonical format.")
    errors = ErrorItemSerializer(many=True)
    preview = PreviewLineSerializer(many=True)


_SCRIPT_INVALID = {
    400: OpenApiResponse(
        ErrorResponseSerializer,
        description="Invalid request, or the script does not compile to a valid, allowed "
        "workflow; script errors add line and column.",
    )
}


_THROTTLED = {
    429: OpenApiResponse(
        ErrorResponseSerializer,
        description="The user has had too many turns in a short time (code throttled; limits "
        "AI_THROTTLE_BURST and AI_THROTTLE_RATE per user). Nothing was stored and no provider "
        "was asked; send it again after Retry-After seconds.",
    )
}
_RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    int,
    OpenApiParameter.HEADER,
    response=[429],
    description="Seconds until the user may send the next turn.",
)


@extend_schema(
    summary="Turn a description into a workflow draft",
    description="One chat turn: the configured AI provider (or the offline parser) proposes a "
    "workflow in the canonical format, checked by the one validator. Nothing is saved as a "
    "workflow until the user confirms. Turns that reach a paid provider are limited per user "
    "(429 with Retry-After); the offline parser is not limited.",
    request=ParseDescriptionRequestSerializer,
    responses={200: AssistantReplySerializer, **error_responses(400, 401, 403), **_THROTTLED},
    parameters=[_RETRY_AFTER],
    examples=[
        OpenApiExample(
            "Weekly order form",
            value={
                "text": "Send bestillingsskjema mandag kl 09, påminnelse torsdag kl 15 til dem "
                "som ikke har bestilt"
            },
            request_only=True,
        )
    ],
    tags=["ai"],
)
class ParseDescriptionView(APIView):
    permission_classes = [IsBusiness]

    def post(self, request: Request) -> Response:
        serializer = ParseDescriptionRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            reply = ai_parse_description(
                user=request.user, text=data["text"], session_id=data.get("session_id")
            )
        except AssistantError as exc:
            return errors_response(exc.errors)
        return Response(reply.as_dict())


@extend_schema(
    summary="Turn a DSL script into a workflow draft",
    description="Python or JavaScript in the workflow DSL, interpreted as a declarative "
    "subset. Developers only. Not limited like parse-description: no AI provider is asked.",
    request=ExecuteScriptRequestSerializer,
    responses={200: ScriptReplySerializer, **_SCRIPT_INVALID, **error_responses(401, 403)},
    tags=["ai"],
)
class ExecuteScriptView(APIView):
    permission_classes = [IsDeveloper]

    def post(self, request: Request) -> Response:
        serializer = ExecuteScriptRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            reply = ai_execute_script(
                user=request.user,
                language=data["language"],
                source=data["source"],
                session_id=data.get("session_id"),
            )
        except AssistantError as exc:
            return errors_response(exc.errors)
        if not reply.is_valid:
            # Not errors_response: script errors keep their line and column.
            return Response({"errors": reply.errors}, status=status.HTTP_400_BAD_REQUEST)
        return Response(reply.as_dict())


class ConfirmRequestSerializer(serializers.Serializer):
    session_id = serializers.IntegerField(help_text="The chat session whose draft to save.")
    activate = serializers.BooleanField(
        default=False, help_text="Also activate it (developers and staff only)."
    )


class ConfirmedWorkflowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    status = serializers.CharField()
    version = serializers.IntegerField()


@extend_schema(
    summary="Save a chat session's draft as a workflow",
    description="Creates the templates the draft proposes (marked as needing review) and the "
    "workflow, as a draft or, with `activate`, active. Confirming the same draft again returns "
    "the workflow saved the first time.",
    request=ConfirmRequestSerializer,
    responses={201: ConfirmedWorkflowSerializer, **error_responses(400, 401, 403, 409)},
    tags=["ai"],
)
class ConfirmView(APIView):
    permission_classes = [IsBusiness]

    def post(self, request: Request) -> Response:
        serializer = ConfirmRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            workflow = ai_confirm(
                user=request.user, session_id=data["session_id"], activate=data["activate"]
            )
        except AssistantError as exc:
            return errors_response(exc.errors)
        body = {
            "id": workflow.pk,
            "name": workflow.name,
            "status": workflow.status,
            "version": workflow.version,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class UseTemplateRequestSerializer(serializers.Serializer):
    session_id = serializers.IntegerField()
    name = serializers.CharField(help_text="The proposed template's name.")
    template_id = serializers.IntegerField(help_text="The existing template to send instead.")


@extend_schema(
    summary="Use an existing template instead of a proposed one",
    description="The draft's steps that would send the proposed new template `name` send the "
    "existing template instead; the proposal is dropped. Answers with the new draft.",
    request=UseTemplateRequestSerializer,
    responses={200: AssistantReplySerializer, **error_responses(400, 401, 403)},
    tags=["ai"],
)
class UseTemplateView(APIView):
    permission_classes = [IsBusiness]

    def post(self, request: Request) -> Response:
        serializer = UseTemplateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            reply = ai_use_template(
                user=request.user,
                session_id=data["session_id"],
                name=data["name"],
                template_id=data["template_id"],
            )
        except AssistantError as exc:
            return errors_response(exc.errors)
        return Response(reply.as_dict())


class EditRequestSerializer(serializers.Serializer):
    workflow_id = serializers.IntegerField(help_text="The saved workflow to change.")


@extend_schema(
    summary="Change a saved workflow in the chat",
    description="Starts a chat session whose draft is the workflow's current definition. "
    "Descriptions sent to ai/parse-description with this session_id change it, each reply "
    "listing the changes from the saved version; ai/confirm saves them as a new version "
    "(409 version_conflict if someone saved another version meanwhile).",
    request=EditRequestSerializer,
    responses={200: AssistantReplySerializer, **error_responses(400, 401, 403, 404, 409)},
    tags=["ai"],
)
class EditView(APIView):
    permission_classes = [IsBusiness]

    def post(self, request: Request) -> Response:
        serializer = EditRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        workflow = get_object_or_404(
            workflow_list(user=request.user), pk=serializer.validated_data["workflow_id"]
        )
        return Response(ai_start_edit(user=request.user, workflow=workflow).as_dict())
