"""REST endpoints for integrations (external HTTP APIs that workflows call).

Thin: parse, call ``automation.integrations``, render ``integration_public_dict``. Responses
never contain credentials: they are write-only here and the public dict only says whether
there are any. Everyone reads; developers (and staff) create, change, test and delete.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsDeveloper, ReadViewerWriteDeveloper
from automation.integrations import (
    UNSET,
    IntegrationValidationError,
    integration_create,
    integration_public_dict,
    integration_test,
    integration_update,
)
from automation.models import Integration
from automation.selectors import steps_referencing
from core.api import (
    ErrorResponseSerializer,
    WorkflowAutomationPagination,
    error_responses,
    errors_response,
)


class IntegrationSerializer(serializers.Serializer):
    """The public view of an integration (``integration_public_dict``): no secrets."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    base_url = serializers.CharField()
    auth_type = serializers.ChoiceField(choices=Integration.AuthType.choices)
    has_credentials = serializers.BooleanField(
        help_text="Whether credentials are stored; they are never returned."
    )
    headers = serializers.DictField(child=serializers.CharField())
    is_active = serializers.BooleanField()
    last_tested_at = serializers.DateTimeField(allow_null=True)
    last_test_ok = serializers.BooleanField(allow_null=True)
    created_by = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


_CREDENTIALS_HELP = (
    'Write-only. By auth_type: none: {}; bearer: {"token"}; basic: {"username", "password"}; '
    'header: {"header", "value"}. Stored encrypted, never returned.'
)


class IntegrationCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    base_url = serializers.CharField(
        max_length=500,
        help_text="http(s) URL of a public address; internal addresses are refused.",
    )
    auth_type = serializers.ChoiceField(
        choices=Integration.AuthType.choices, default=Integration.AuthType.NONE
    )
    credentials = serializers.DictField(
        child=serializers.CharField(trim_whitespace=False, allow_blank=True),
        required=False,
        write_only=True,
        help_text=_CREDENTIALS_HELP,
    )
    headers = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="Extra, non-secret headers (stored in clear text).",
    )


class IntegrationUpdateSerializer(IntegrationCreateSerializer):
    auth_type = serializers.ChoiceField(choices=Integration.AuthType.choices)
    credentials = serializers.DictField(
        child=serializers.CharField(trim_whitespace=False, allow_blank=True),
        required=False,
        write_only=True,
        help_text=_CREDENTIALS_HELP
        + " Left out: the stored credentials are kept, unless the base URL moves to "
        "another host or the auth type changes.",
    )
    is_active = serializers.BooleanField(required=False)


class IntegrationTestResultSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    message = serializers.CharField()
    status = serializers.IntegerField(allow_null=True, help_text="The HTTP status, if any.")
    elapsed_ms = serializers.IntegerField()
    tested_at = serializers.DateTimeField()


_INVALID = {
    400: OpenApiResponse(
        ErrorResponseSerializer,
        description="Invalid input, an address that is not allowed (loopback, private, "
        "link-local, metadata) or a failed connection test; nothing was saved.",
        examples=[
            OpenApiExample(
                "Internal address",
                value={
                    "errors": [
                        {
                            "path": "/base_url",
                            "code": "address_not_allowed",
                            "message": "Refused to connect to 169.254.169.254: ...",
                        }
                    ]
                },
            )
        ],
    )
}

_CREATE_EXAMPLE = OpenApiExample(
    "ERP with a bearer token",
    value={
        "name": "ERP",
        "base_url": "https://erp.example.com/api",
        "auth_type": "bearer",
        "credentials": {"token": "..."},
        "headers": {"Accept": "application/json"},
    },
    request_only=True,
)


def _public(integration: Integration) -> dict[str, Any]:
    return integration_public_dict(integration)


@extend_schema_view(
    get=extend_schema(
        summary="List integrations",
        responses={200: IntegrationSerializer(many=True), **error_responses(401, 403)},
        tags=["integrations"],
    ),
    post=extend_schema(
        summary="Create an integration",
        description="Validates the input, refuses internal addresses, tests the connection, "
        "and stores the credentials encrypted. Developers only.",
        request=IntegrationCreateSerializer,
        responses={201: IntegrationSerializer, **_INVALID, **error_responses(401, 403)},
        examples=[_CREATE_EXAMPLE],
        tags=["integrations"],
    ),
)
class IntegrationListCreateView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteDeveloper]
    pagination_class = WorkflowAutomationPagination
    serializer_class = IntegrationSerializer
    queryset = Integration.objects.order_by("name", "pk")

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([_public(integration) for integration in page])

    def post(self, request: Request) -> Response:
        serializer = IntegrationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            integration = integration_create(
                name=data["name"],
                base_url=data["base_url"],
                auth_type=data["auth_type"],
                credentials=data.get("credentials") or {},
                headers=data.get("headers"),
                created_by=request.user,
            )
        except IntegrationValidationError as exc:
            return errors_response(exc.errors)
        return Response(_public(integration), status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Get an integration",
        responses={200: IntegrationSerializer, **error_responses(401, 403, 404)},
        tags=["integrations"],
    ),
    put=extend_schema(
        summary="Replace an integration",
        request=IntegrationUpdateSerializer,
        responses={200: IntegrationSerializer, **_INVALID, **error_responses(401, 403, 404)},
        tags=["integrations"],
    ),
    patch=extend_schema(
        summary="Change some fields of an integration",
        description="A change to the URL, auth type, credentials or headers is tested first; "
        "on failure nothing is saved.",
        request=IntegrationUpdateSerializer(partial=True),
        responses={200: IntegrationSerializer, **_INVALID, **error_responses(401, 403, 404)},
        tags=["integrations"],
    ),
    delete=extend_schema(
        summary="Delete an integration",
        description="Refused with 409 while a workflow step calls it.",
        responses={204: None, **error_responses(401, 403, 404, 409)},
        tags=["integrations"],
    ),
)
class IntegrationDetailView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteDeveloper]
    serializer_class = IntegrationSerializer
    queryset = Integration.objects.all()

    def get(self, request: Request, pk: int) -> Response:
        return Response(_public(self.get_object()))

    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=False)

    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        integration = self.get_object()
        serializer = IntegrationUpdateSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if not partial:
            data = {"headers": {}, **data}
        try:
            integration = integration_update(
                integration=integration,
                name=data.get("name", UNSET),
                base_url=data.get("base_url", UNSET),
                auth_type=data.get("auth_type", UNSET),
                credentials=data.get("credentials", UNSET),
                headers=data.get("headers", UNSET),
                is_active=data.get("is_active", UNSET),
            )
        except IntegrationValidationError as exc:
            return errors_response(exc.errors)
        return Response(_public(integration))

    def delete(self, request: Request, pk: int) -> Response:
        integration = self.get_object()
        with transaction.atomic():
            # Steps refer to integrations by id inside their config, not by a foreign key.
            in_use = steps_referencing("integration", integration.pk).exists()
            if in_use:
                return errors_response(
                    [
                        {
                            "path": "",
                            "code": "integration_in_use",
                            "message": "A workflow step calls this integration; change the "
                            "step first, or switch the integration off (is_active: false).",
                        }
                    ],
                    status=status.HTTP_409_CONFLICT,
                )
            integration.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    summary="Test an integration's connection",
    description="Sends a request to the base URL with the stored credentials and records the "
    "outcome. 200 whether or not the test passed: see ok and message.",
    request=None,
    responses={200: IntegrationTestResultSerializer, **error_responses(401, 403, 404)},
    tags=["integrations"],
)
class IntegrationTestView(generics.GenericAPIView):
    permission_classes = [IsDeveloper]
    serializer_class = IntegrationTestResultSerializer
    queryset = Integration.objects.all()

    def post(self, request: Request, pk: int) -> Response:
        result = integration_test(integration=self.get_object())
        return Response(result.as_dict())
