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
    data = serializers.DictField(
        required=False,
        help_text=(
            "Anything; the execution gets it. Two keys name the customer the event is about, "
            "for workflows that send to the event's customer: `customer_id` (the customer's "
            "id, a positive integer) or `customer_email` (an active customer's address, any "
            "case), not both."
        ),
    )


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
        'sha256=<hex HMAC-SHA256 of "{timestamp}.{raw body}">` under the shared secret.\n\n'
        "**The event's customer.** `data.customer_id` (our customer's id, a positive integer) "
        "or `data.customer_email` (an active customer's email address, matched whatever its "
        "case) says which customer the event is about; give one of them or neither (null is "
        "the same as leaving it out). Steps sent to `event_customer` go to that customer. "
        "A wrong type is 400 at `/data/customer_id` or `/data/customer_email`, both at once "
        "400 `customer_ambiguous`. A customer we do not know (no such id, an address no "
        "active customer or several have) does not refuse the event: the workflows still "
        "start, and a step for the event's customer is skipped with the reason that the "
        "event named no known customer."
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
        ),
        OpenApiExample(
            "An event about one customer",
            value={
                "id": "evt_91ac",
                "name": "lager-lavt",
                "data": {"customer_id": 42, "product": "kaffe"},
            },
            request_only=True,
        ),
        OpenApiExample(
            "An event naming its customer by email",
            value={
                "id": "evt_91ad",
                "name": "portal.registrert",
                "data": {"customer_email": "post@verkstedet.no"},
            },
            request_only=True,
        ),
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
