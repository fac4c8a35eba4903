"""REST endpoints for email templates: CRUD and preview.

Thin: parse with a serializer, call ``templates_app.services``, render. A preview returns the
sanitised ``preview_html``, never the raw HTML of the email.
"""

from __future__ import annotations

from typing import Any

from django.db.models import ProtectedError, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, ReadViewerWriteBusiness, RolePermission
from accounts.roles import VIEWER
from core.api import ErrorResponseSerializer, WorkflowAutomationPagination, errors_response
from customers.models import Customer
from templates_app.models import EmailTemplate
from templates_app.services import (
    TemplateValidationError,
    template_create,
    template_preview,
    template_update,
)

ERRORS = ErrorResponseSerializer


class EmailTemplateSerializer(serializers.ModelSerializer):
    # A string, not format "email": empty means the default (DEFAULT_REPLY_TO, else the sender).
    reply_to = serializers.CharField(
        read_only=True,
        help_text="Where replies go: an email address, or empty for the default "
        "(DEFAULT_REPLY_TO, else the sender).",
    )

    class Meta:
        model = EmailTemplate
        fields = [
            "id",
            "name",
            "subject",
            "body_html",
            "body_text",
            "variables",
            "category",
            "reply_to",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class EmailTemplateWriteSerializer(serializers.Serializer):
    """What a client sends; the sandbox check and the model's rules run in the service."""

    name = serializers.CharField(max_length=200)
    subject = serializers.CharField(max_length=300)
    body_html = serializers.CharField()
    body_text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    variables = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, max_length=100
    )
    category = serializers.CharField(max_length=50, required=False)
    reply_to = serializers.EmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        help_text="Where replies go; empty for the default (DEFAULT_REPLY_TO, else the sender).",
    )


class TemplatePreviewRequestSerializer(serializers.Serializer):
    customer_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Render for this customer; without it, for the sample customer Kari Nordmann.",
    )
    variables = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=2000),
        required=False,
        help_text="Values for the template's declared variables (missing ones show as [name]).",
    )


class TemplateDraftPreviewRequestSerializer(TemplatePreviewRequestSerializer):
    template = EmailTemplateWriteSerializer(help_text="The unsaved template to render.")


class _PreviewPermission(RolePermission):
    # Previewing a saved template changes nothing: a POST only because it takes a body.
    read_role = VIEWER
    write_role = VIEWER


class RenderedEmailSerializer(serializers.Serializer):
    subject = serializers.CharField()
    text = serializers.CharField()
    preview_html = serializers.CharField(help_text="The HTML part, sanitised for display.")
    headers = serializers.DictField(child=serializers.CharField())


_ERROR_RESPONSES: dict[int, OpenApiResponse] = {
    401: OpenApiResponse(ERRORS, description="Not authenticated."),
    403: OpenApiResponse(ERRORS, description="The user's role may not do this."),
}
_NOT_FOUND = {404: OpenApiResponse(ERRORS, description="No such template.")}
_INVALID = {400: OpenApiResponse(ERRORS, description="Invalid template; nothing was saved.")}

_TEMPLATE_EXAMPLE = OpenApiExample(
    "Order form",
    value={
        "name": "Bestillingsskjema",
        "subject": "Ukens bestilling, {{ kunde_navn }}",
        "body_html": '<p>Hei {{ kunde_navn }}!</p><p><a href="{{ bestilling_link }}">Bestill'
        "</a></p>",
        "variables": ["kunde_navn", "bestilling_link"],
        "category": "bestilling",
    },
    request_only=True,
)


def _template_errors(exc: TemplateValidationError) -> Response:
    # Not errors_response: the sandbox's problems keep their line number.
    return Response({"errors": exc.as_api_errors()}, status=status.HTTP_400_BAD_REQUEST)


def _template_data(serializer: serializers.Serializer) -> dict[str, Any]:
    return dict(serializer.validated_data)


@extend_schema_view(
    get=extend_schema(
        summary="List email templates",
        parameters=[
            OpenApiParameter("category", str, description="Only templates of this category."),
            OpenApiParameter("search", str, description="Name contains (case-insensitive)."),
        ],
        responses={200: EmailTemplateSerializer(many=True), **_ERROR_RESPONSES},
        tags=["templates"],
    ),
    post=extend_schema(
        summary="Create an email template",
        request=EmailTemplateWriteSerializer,
        responses={201: EmailTemplateSerializer, **_INVALID, **_ERROR_RESPONSES},
        examples=[_TEMPLATE_EXAMPLE],
        tags=["templates"],
    ),
)
class TemplateListCreateView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination
    serializer_class = EmailTemplateSerializer

    def get_queryset(self) -> QuerySet[EmailTemplate]:
        queryset = EmailTemplate.objects.order_by("name", "pk")
        category = self.request.query_params.get("category")
        if category:
            queryset = queryset.filter(category=category)
        search = self.request.query_params.get("search")
        if search:
            queryset = queryset.filter(name__icontains=search)
        return queryset

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(EmailTemplateSerializer(page, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = EmailTemplateWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            template = template_create(**_template_data(serializer))
        except TemplateValidationError as exc:
            return _template_errors(exc)
        return Response(EmailTemplateSerializer(template).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Get an email template",
        responses={200: EmailTemplateSerializer, **_NOT_FOUND, **_ERROR_RESPONSES},
        tags=["templates"],
    ),
    put=extend_schema(
        summary="Replace an email template",
        request=EmailTemplateWriteSerializer,
        responses={200: EmailTemplateSerializer, **_INVALID, **_NOT_FOUND, **_ERROR_RESPONSES},
        tags=["templates"],
    ),
    patch=extend_schema(
        summary="Change some fields of an email template",
        request=EmailTemplateWriteSerializer(partial=True),
        responses={200: EmailTemplateSerializer, **_INVALID, **_NOT_FOUND, **_ERROR_RESPONSES},
        tags=["templates"],
    ),
    delete=extend_schema(
        summary="Delete an email template",
        description="Refused with 409 while a workflow step uses the template.",
        responses={
            204: None,
            409: OpenApiResponse(ERRORS, description="The template is used by a workflow."),
            **_NOT_FOUND,
            **_ERROR_RESPONSES,
        },
        tags=["templates"],
    ),
)
class TemplateDetailView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    serializer_class = EmailTemplateSerializer
    queryset = EmailTemplate.objects.all()

    def get(self, request: Request, pk: int) -> Response:
        return Response(EmailTemplateSerializer(self.get_object()).data)

    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=False)

    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        template = self.get_object()
        serializer = EmailTemplateWriteSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = _template_data(serializer)
        if not partial:
            # PUT replaces: optional fields left out go back to their defaults.
            data.setdefault("body_text", "")
            data.setdefault("variables", [])
            data.setdefault("category", EmailTemplate.Category.BESTILLING)
            data.setdefault("reply_to", "")
        try:
            template = template_update(template=template, data=data)
        except TemplateValidationError as exc:
            return _template_errors(exc)
        return Response(EmailTemplateSerializer(template).data)

    def delete(self, request: Request, pk: int) -> Response:
        template = self.get_object()
        try:
            template.delete()
        except ProtectedError:
            return errors_response(
                [
                    {
                        "path": "",
                        "code": "template_in_use",
                        "message": "A workflow step uses this template; change the step first.",
                    }
                ],
                status=status.HTTP_409_CONFLICT,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


def _preview_customer(customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    return get_object_or_404(Customer, pk=customer_id)


def _render_preview(
    template_or_data: EmailTemplate | dict[str, Any], data: dict[str, Any]
) -> Response:
    customer = _preview_customer(data.get("customer_id"))
    try:
        rendered = template_preview(
            template_or_data=template_or_data,
            customer=customer,
            extra=data.get("variables") or {},
        )
    except TemplateValidationError as exc:
        return _template_errors(exc)
    return Response(
        RenderedEmailSerializer(
            {
                "subject": rendered.subject,
                "text": rendered.text,
                # Never rendered.html: the preview is shown inside other pages.
                "preview_html": rendered.preview_html,
                "headers": rendered.headers,
            }
        ).data
    )


@extend_schema(
    summary="Preview a saved template",
    description="Renders the email for a customer (or the sample customer). The HTML is "
    "sanitised for display; customer data is escaped.",
    request=TemplatePreviewRequestSerializer,
    responses={
        200: RenderedEmailSerializer,
        400: OpenApiResponse(ERRORS, description="Invalid request."),
        404: OpenApiResponse(ERRORS, description="No such template or customer."),
        **_ERROR_RESPONSES,
    },
    tags=["templates"],
)
class TemplatePreviewView(APIView):
    permission_classes = [_PreviewPermission]

    def post(self, request: Request, pk: int) -> Response:
        template = get_object_or_404(EmailTemplate, pk=pk)
        serializer = TemplatePreviewRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _render_preview(template, dict(serializer.validated_data))


class TemplateDraftPreviewView(APIView):
    permission_classes = [IsBusiness]

    @extend_schema(
        operation_id="v1_workflow_automation_templates_draft_preview",
        summary="Preview an unsaved template",
        description="Checks the template like a save would (400 with every problem) and "
        "renders it.",
        request=TemplateDraftPreviewRequestSerializer,
        responses={
            200: RenderedEmailSerializer,
            400: OpenApiResponse(ERRORS, description="Invalid template or request."),
            404: OpenApiResponse(ERRORS, description="No such customer."),
            **_ERROR_RESPONSES,
        },
        tags=["templates"],
    )
    def post(self, request: Request) -> Response:
        serializer = TemplateDraftPreviewRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        return _render_preview(dict(data.pop("template")), data)
