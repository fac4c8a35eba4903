"""The signed webhook events endpoint: POST /events starts the webhook workflows listening
for the event (``executions.webhooks`` checks the signature and the payload)."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import ErrorResponseSerializer, errors_response
from executions.webhooks import (
    WebhookAuthError,
    WebhookPayloadError,
    webhook_event_parse,
    webhook_event_receive,
    webhook_verify,
)

ERRORS = ErrorResponseSerializer


class WebhookEventSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=200, help_text="Unique per event; repeats are ignored.")
    name = serializers.CharField(
        max_length=100, help_text='Matched against a webhook workflow\'s event "name".'
    )
    data = serializers.DictField(required=False, help_text="Anything; the execution gets it.")


class WebhookAcceptedSerializer(serializers.Serializer):
    event_id = serializers.CharField()
    execution_ids = serializers.ListField(child=serializers.IntegerField())
    duplicate = serializers.BooleanField(
        help_text="True when this event id was seen moments ago; nothing new was started."
    )


@extend_schema(
    summary="Receive a webhook event",
    description=(
        "Starts every active event-based workflow whose event is "
        '`{"type": "webhook"}` (with this `name`, or without a name), once per event id. '
        "No JWT: the request is authenticated by its signature. Send `X-Webhook-Timestamp` "
        "(unix seconds, within 5 minutes of the server's clock) and `X-Webhook-Signature: "
        'sha256=<hex HMAC-SHA256 of "{timestamp}.{raw body}">` under the shared secret.'
    ),
    auth=[],
    parameters=[
        OpenApiParameter(
            "X-Webhook-Timestamp",
            str,
            OpenApiParameter.HEADER,
            required=True,
            description="Unix seconds.",
        ),
        OpenApiParameter(
            "X-Webhook-Signature",
            str,
            OpenApiParameter.HEADER,
            required=True,
            description="sha256=<hex>",
        ),
    ],
    request=WebhookEventSerializer,
    responses={
        202: WebhookAcceptedSerializer,
        400: OpenApiResponse(ERRORS, description="Signed, but not a valid event."),
        401: OpenApiResponse(
            ERRORS, description="Missing or wrong signature, or a stale timestamp."
        ),
        413: OpenApiResponse(ERRORS, description="The body is larger than the server takes."),
    },
    examples=[
        OpenApiExample(
            "CRM event",
            value={"id": "evt_8f2c", "name": "crm.customer_updated", "data": {"customer": "K-1"}},
            request_only=True,
        )
    ],
    tags=["events"],
)
class WebhookEventView(APIView):
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        # Read raw, never through request.data: the signature covers these exact bytes.
        try:
            body: bytes = request.body
        except RequestDataTooBig:
            return errors_response(
                [{"path": "", "code": "too_large", "message": "The event body is too large."}],
                status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        try:
            webhook_verify(
                timestamp=request.headers.get("X-Webhook-Timestamp"),
                signature=request.headers.get("X-Webhook-Signature"),
                body=body,
            )
        except WebhookAuthError as exc:
            response = errors_response(exc.as_api_errors(), status=status.HTTP_401_UNAUTHORIZED)
            response["WWW-Authenticate"] = 'Signature realm="webhook"'
            return response
        try:
            event = webhook_event_parse(body)
        except WebhookPayloadError as exc:
            return errors_response(exc.as_api_errors())
        result = webhook_event_receive(event=event)
        return Response(
            {
                "event_id": result.event.id,
                "execution_ids": result.execution_ids,
                "duplicate": result.duplicate,
            },
            status=status.HTTP_202_ACCEPTED,
        )
