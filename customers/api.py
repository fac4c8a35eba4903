"""REST endpoints for customers, customer groups and orders, their bulk upserts by
``external_id`` and the CSV import (the signed webhook events endpoint is in
``executions.api_webhooks``).

Thin: parse, call ``customers.services`` / ``customers.sync``, render.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q, QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsBusiness, ReadViewerWriteBusiness
from core.api import ErrorResponseSerializer, WorkflowAutomationPagination, errors_response
from customers.models import Customer, CustomerGroup, Order
from customers.services import (
    customer_create,
    customer_group_save,
    customer_import_csv,
    customer_update,
    customers_resubscribe,
    customers_unsubscribe,
    order_create,
)
from customers.sync import (
    KEEP,
    MAX_BULK_ITEMS,
    SyncValidationError,
    customers_bulk_upsert,
    order_update,
    orders_bulk_upsert,
    validation_error_items,
)

ERRORS = ErrorResponseSerializer

_AUTH_ERRORS: dict[int, OpenApiResponse] = {
    401: OpenApiResponse(ERRORS, description="Not authenticated."),
    403: OpenApiResponse(ERRORS, description="The user's role may not do this."),
}
_INVALID = {400: OpenApiResponse(ERRORS, description="Invalid input; nothing was saved.")}


def _not_found(what: str) -> dict[int, OpenApiResponse]:
    return {404: OpenApiResponse(ERRORS, description=f"No such {what}.")}


def _invalid(exc: ValidationError) -> Response:
    return errors_response(validation_error_items(exc))


def _conflict(code: str, message: str) -> Response:
    return errors_response(
        [{"path": "", "code": code, "message": message}], status=status.HTTP_409_CONFLICT
    )


def _bool_param(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    return value.strip().lower() in {"1", "true", "yes", "ja"}


# --- Customers --------------------------------------------------------------------------------


class CustomerSerializer(serializers.ModelSerializer):
    groups = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)
    is_subscribed = serializers.BooleanField(read_only=True)

    class Meta:
        model = Customer
        fields = [
            "id",
            "external_id",
            "name",
            "email",
            "active",
            "language",
            "groups",
            "phone",
            "is_subscribed",
            "unsubscribed_at",
            "suppressed_at",
            "suppression_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class CustomerWriteSerializer(serializers.Serializer):
    """What a client sends; the model's rules (email format, unique external id) run in the
    service."""

    name = serializers.CharField(max_length=200)
    email = serializers.CharField(max_length=254)
    active = serializers.BooleanField(required=False)
    language = serializers.ChoiceField(choices=Customer.Language.choices, required=False)
    groups = serializers.SlugRelatedField(
        many=True,
        slug_field="slug",
        queryset=CustomerGroup.objects.all(),
        required=False,
        help_text="Group slugs; the customer is in exactly these groups.",
    )
    external_id = serializers.CharField(
        max_length=100, required=False, allow_null=True, allow_blank=True
    )
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)


_CUSTOMER_DEFAULTS: dict[str, Any] = {
    "active": True,
    "language": Customer.Language.NB,
    "groups": [],
    "external_id": None,
    "phone": "",
}


@extend_schema_view(
    get=extend_schema(
        summary="List customers",
        parameters=[
            OpenApiParameter("active", bool, description="Only active (true) or inactive."),
            OpenApiParameter("group", str, description="Only members of this group (slug)."),
            OpenApiParameter("external_id", str, description="The customer with this id."),
            OpenApiParameter("search", str, description="Name or email contains."),
        ],
        responses={200: CustomerSerializer(many=True), **_AUTH_ERRORS},
        tags=["customers"],
    ),
    post=extend_schema(
        summary="Create a customer",
        request=CustomerWriteSerializer,
        responses={201: CustomerSerializer, **_INVALID, **_AUTH_ERRORS},
        tags=["customers"],
    ),
)
class CustomerListCreateView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination
    serializer_class = CustomerSerializer

    def get_queryset(self) -> QuerySet[Customer]:
        params = self.request.query_params
        queryset = Customer.objects.prefetch_related("groups").order_by("name", "pk")
        active = _bool_param(params.get("active"))
        if active is not None:
            queryset = queryset.filter(active=active)
        if params.get("group"):
            queryset = queryset.filter(groups__slug=params["group"])
        if params.get("external_id"):
            queryset = queryset.filter(external_id=params["external_id"])
        if params.get("search"):
            term = params["search"]
            queryset = queryset.filter(Q(name__icontains=term) | Q(email__icontains=term))
        return queryset

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(CustomerSerializer(page, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = CustomerWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            customer = customer_create(**serializer.validated_data)
        except ValidationError as exc:
            return _invalid(exc)
        return Response(CustomerSerializer(customer).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Get a customer",
        responses={200: CustomerSerializer, **_not_found("customer"), **_AUTH_ERRORS},
        tags=["customers"],
    ),
    put=extend_schema(
        summary="Replace a customer",
        request=CustomerWriteSerializer,
        responses={
            200: CustomerSerializer,
            **_INVALID,
            **_not_found("customer"),
            **_AUTH_ERRORS,
        },
        tags=["customers"],
    ),
    patch=extend_schema(
        summary="Change some fields of a customer",
        request=CustomerWriteSerializer(partial=True),
        responses={
            200: CustomerSerializer,
            **_INVALID,
            **_not_found("customer"),
            **_AUTH_ERRORS,
        },
        tags=["customers"],
    ),
    delete=extend_schema(
        summary="Delete a customer",
        description="Refused with 409 when the customer has orders: deactivate instead "
        '(PATCH {"active": false}).',
        responses={
            204: None,
            409: OpenApiResponse(ERRORS, description="The customer has orders."),
            **_not_found("customer"),
            **_AUTH_ERRORS,
        },
        tags=["customers"],
    ),
)
class CustomerDetailView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    serializer_class = CustomerSerializer
    queryset = Customer.objects.prefetch_related("groups")

    def get(self, request: Request, pk: int) -> Response:
        return Response(CustomerSerializer(self.get_object()).data)

    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=False)

    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        customer = self.get_object()
        serializer = CustomerWriteSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if not partial:
            data = {**_CUSTOMER_DEFAULTS, **data}
        try:
            customer = customer_update(customer=customer, **data)
        except ValidationError as exc:
            return _invalid(exc)
        return Response(CustomerSerializer(customer).data)

    def delete(self, request: Request, pk: int) -> Response:
        customer = self.get_object()
        try:
            with transaction.atomic():
                customer.delete()
        except ProtectedError:
            return _conflict(
                "customer_has_orders",
                'The customer has orders and cannot be deleted; set "active" to false instead.',
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


_SUBSCRIPTION = inline_serializer(
    "CustomerSubscriptionResult",
    fields={"changed": serializers.BooleanField(), "customer": CustomerSerializer()},
)


@extend_schema(
    summary="Unsubscribe a customer from non-transactional email",
    description="The first unsubscription date is kept (it is the consent record).",
    request=None,
    responses={200: _SUBSCRIPTION, **_not_found("customer"), **_AUTH_ERRORS},
    tags=["customers"],
)
class CustomerUnsubscribeView(APIView):
    permission_classes = [IsBusiness]

    def post(self, request: Request, pk: int) -> Response:
        customers = Customer.objects.filter(pk=pk)
        if not customers.exists():
            raise Http404
        changed = customers_unsubscribe(customers=customers)
        customer = Customer.objects.prefetch_related("groups").get(pk=pk)
        return Response({"changed": bool(changed), "customer": CustomerSerializer(customer).data})


@extend_schema(
    summary="Subscribe a customer again",
    request=None,
    responses={200: _SUBSCRIPTION, **_not_found("customer"), **_AUTH_ERRORS},
    tags=["customers"],
)
class CustomerResubscribeView(APIView):
    permission_classes = [IsBusiness]

    def post(self, request: Request, pk: int) -> Response:
        customers = Customer.objects.filter(pk=pk)
        if not customers.exists():
            raise Http404
        changed = customers_resubscribe(customers=customers)
        customer = Customer.objects.prefetch_related("groups").get(pk=pk)
        return Response({"changed": bool(changed), "customer": CustomerSerializer(customer).data})


# --- Bulk upsert ------------------------------------------------------------------------------


class CustomerBulkItemSerializer(serializers.Serializer):
    """Documentation of one item; ``customers.sync`` validates the list as a whole."""

    external_id = serializers.CharField(max_length=100)
    name = serializers.CharField(max_length=200, required=False)
    email = serializers.CharField(max_length=254, required=False)
    active = serializers.BooleanField(required=False)
    language = serializers.ChoiceField(choices=Customer.Language.choices, required=False)
    groups = serializers.ListField(child=serializers.SlugField(), required=False)
    phone = serializers.CharField(max_length=40, required=False)


class OrderLineSerializer(serializers.Serializer):
    sku = serializers.CharField()
    quantity = serializers.IntegerField(min_value=1)
    name = serializers.CharField(required=False)


class OrderBulkItemSerializer(serializers.Serializer):
    external_id = serializers.CharField(max_length=100)
    customer_external_id = serializers.CharField(max_length=100)
    lines = OrderLineSerializer(many=True, required=False)
    status = serializers.ChoiceField(choices=Order.Status.choices, required=False)
    created_at = serializers.DateTimeField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)


class UpsertItemResultSerializer(serializers.Serializer):
    external_id = serializers.CharField()
    id = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["created", "updated"])


class UpsertReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    items = UpsertItemResultSerializer(many=True)


_BULK_INVALID = {
    400: OpenApiResponse(
        ERRORS,
        description="At least one item is invalid; every problem is listed with a JSON Pointer "
        "into the submitted list (e.g. /3/email) and nothing was saved.",
        examples=[
            OpenApiExample(
                "Bad email in item 3",
                value={
                    "errors": [
                        {
                            "path": "/3/email",
                            "code": "invalid",
                            "message": "Enter a valid email address.",
                        }
                    ]
                },
            )
        ],
    )
}


@extend_schema(
    summary="Create or update customers by external_id",
    description=f"Up to {MAX_BULK_ITEMS} items, all or nothing. An item whose external_id is "
    "known updates that customer (fields left out keep their value); otherwise a customer is "
    "created (name and email required). Items follow the rules of a CSV import row; no two "
    "items may have the same external_id, nor (ignoring case) the same email.",
    request=CustomerBulkItemSerializer(many=True),
    responses={200: UpsertReportSerializer, **_BULK_INVALID, **_AUTH_ERRORS},
    tags=["customers"],
)
class CustomerBulkUpsertView(APIView):
    permission_classes = [IsBusiness]
    # customers.sync checks every item's types itself, listing every problem.
    validates_json_types = True

    def post(self, request: Request) -> Response:
        try:
            report = customers_bulk_upsert(items=request.data)
        except SyncValidationError as exc:
            return errors_response(exc.as_api_errors())
        return Response(report.as_dict())


@extend_schema(
    summary="Create or update orders by external_id",
    description=f"Up to {MAX_BULK_ITEMS} items, all or nothing. Each item names its customer "
    "by customer_external_id. A known external_id updates that order (fields left out keep "
    "their value); otherwise an order is created (lines required).",
    request=OrderBulkItemSerializer(many=True),
    responses={200: UpsertReportSerializer, **_BULK_INVALID, **_AUTH_ERRORS},
    tags=["orders"],
)
class OrderBulkUpsertView(APIView):
    permission_classes = [IsBusiness]
    # customers.sync checks every item's types itself, listing every problem.
    validates_json_types = True

    def post(self, request: Request) -> Response:
        try:
            report = orders_bulk_upsert(items=request.data)
        except SyncValidationError as exc:
            return errors_response(exc.as_api_errors())
        return Response(report.as_dict())


# --- CSV import -------------------------------------------------------------------------------


@extend_schema(
    summary="Import customers from a CSV file",
    description="Columns: name, email, language, groups, external_id, active, phone. All rows "
    "or none; each problem names its row (row) and column (column).",
    request={
        "multipart/form-data": inline_serializer(
            "CustomerImportRequest", fields={"file": serializers.FileField()}
        )
    },
    responses={
        200: inline_serializer(
            "CustomerImportResult",
            fields={"created": serializers.IntegerField(), "updated": serializers.IntegerField()},
        ),
        **_INVALID,
        **_AUTH_ERRORS,
    },
    tags=["customers"],
)
class CustomerImportView(APIView):
    permission_classes = [IsBusiness]
    parser_classes = [MultiPartParser]

    def post(self, request: Request) -> Response:
        upload = request.FILES.get("file")
        if upload is None:
            return errors_response(
                [{"path": "/file", "code": "required", "message": "Upload a CSV file as file."}]
            )
        report = customer_import_csv(file=upload)
        if not report.ok:
            # Not errors_response: each problem keeps its row and column in the file.
            items = [
                {
                    "path": "/file",
                    "code": "invalid_row" if problem.row else "invalid_file",
                    "message": problem.message,
                    "row": problem.row,
                    "column": problem.field,
                }
                for problem in report.errors
            ]
            return Response({"errors": items}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"created": report.created, "updated": report.updated})


# --- Customer groups --------------------------------------------------------------------------


class CustomerGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = CustomerGroup
        fields = ["id", "name", "slug", "description", "created_at"]
        read_only_fields = ["id", "created_at"]


@extend_schema_view(
    get=extend_schema(
        summary="List customer groups",
        responses={200: CustomerGroupSerializer(many=True), **_AUTH_ERRORS},
        tags=["customer-groups"],
    ),
    post=extend_schema(
        summary="Create a customer group",
        request=CustomerGroupSerializer,
        responses={201: CustomerGroupSerializer, **_INVALID, **_AUTH_ERRORS},
        tags=["customer-groups"],
    ),
)
class CustomerGroupListCreateView(generics.ListCreateAPIView):
    # A group has no rules beyond its fields (the serializer checks them); the service saves
    # it and records the change in the audit trail.
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination
    serializer_class = CustomerGroupSerializer
    queryset = CustomerGroup.objects.order_by("name", "pk")

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        group = CustomerGroup(**serializer.validated_data)
        serializer.instance = customer_group_save(group=group)


@extend_schema_view(
    get=extend_schema(
        summary="Get a customer group",
        responses={200: CustomerGroupSerializer, **_not_found("group"), **_AUTH_ERRORS},
        tags=["customer-groups"],
    ),
    put=extend_schema(
        summary="Replace a customer group",
        responses={
            200: CustomerGroupSerializer,
            **_INVALID,
            **_not_found("group"),
            **_AUTH_ERRORS,
        },
        tags=["customer-groups"],
    ),
    patch=extend_schema(
        summary="Change some fields of a customer group",
        responses={
            200: CustomerGroupSerializer,
            **_INVALID,
            **_not_found("group"),
            **_AUTH_ERRORS,
        },
        tags=["customer-groups"],
    ),
    delete=extend_schema(
        summary="Delete a customer group",
        description="The customers stay; only their membership in the group goes.",
        responses={204: None, **_not_found("group"), **_AUTH_ERRORS},
        tags=["customer-groups"],
    ),
)
class CustomerGroupDetailView(generics.RetrieveUpdateDestroyAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    serializer_class = CustomerGroupSerializer
    queryset = CustomerGroup.objects.all()

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        group = serializer.instance
        for name, value in serializer.validated_data.items():
            setattr(group, name, value)
        serializer.instance = customer_group_save(group=group)


# --- Orders -----------------------------------------------------------------------------------


class OrderSerializer(serializers.ModelSerializer):
    customer_external_id = serializers.CharField(
        source="customer.external_id", read_only=True, allow_null=True
    )
    total_quantity = serializers.IntegerField(read_only=True)
    lines = OrderLineSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = [
            "id",
            "external_id",
            "customer",
            "customer_external_id",
            "created_at",
            "status",
            "lines",
            "total_quantity",
            "source",
            "note",
        ]
        read_only_fields = fields


class OrderWriteSerializer(serializers.Serializer):
    customer = serializers.PrimaryKeyRelatedField(queryset=Customer.objects.all())
    lines = serializers.JSONField(
        help_text='A list of {"sku": "...", "quantity": 2, "name": "..."}.'
    )
    status = serializers.ChoiceField(choices=Order.Status.choices, required=False)
    created_at = serializers.DateTimeField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    external_id = serializers.CharField(
        max_length=100, required=False, allow_null=True, allow_blank=True
    )


@extend_schema_view(
    get=extend_schema(
        summary="List orders",
        parameters=[
            OpenApiParameter(
                "customer",
                {"type": "integer", "minimum": 1},
                description="Only this customer's orders (its id).",
            ),
            OpenApiParameter("status", str, enum=Order.Status.values),
            OpenApiParameter("external_id", str),
            OpenApiParameter(
                "since", OpenApiTypes.DATETIME, description="Created at or after (ISO 8601)."
            ),
            OpenApiParameter("until", OpenApiTypes.DATETIME, description="Created before."),
        ],
        responses={200: OrderSerializer(many=True), **_INVALID, **_AUTH_ERRORS},
        tags=["orders"],
    ),
    post=extend_schema(
        summary="Create an order",
        request=OrderWriteSerializer,
        responses={201: OrderSerializer, **_INVALID, **_AUTH_ERRORS},
        tags=["orders"],
    ),
)
class OrderListCreateView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination
    serializer_class = OrderSerializer

    def get(self, request: Request) -> Response:
        params = request.query_params
        queryset = Order.objects.select_related("customer").order_by("-created_at", "-pk")
        errors: list[dict[str, str]] = []
        if params.get("customer"):
            if not params["customer"].isdigit():
                errors.append(
                    {"path": "/customer", "code": "invalid", "message": "customer is an id."}
                )
            else:
                queryset = queryset.filter(customer_id=int(params["customer"]))
        if params.get("status"):
            queryset = queryset.filter(status=params["status"])
        if params.get("external_id"):
            queryset = queryset.filter(external_id=params["external_id"])
        for name, lookup in (("since", "created_at__gte"), ("until", "created_at__lt")):
            if params.get(name):
                try:
                    # DRF's field: ISO 8601, converted to our time zone (or refused when
                    # the offset would put it out of range).
                    moment = serializers.DateTimeField().run_validation(params[name])
                except serializers.ValidationError:
                    moment = None
                if moment is None:
                    errors.append(
                        {
                            "path": f"/{name}",
                            "code": "invalid_datetime",
                            "message": f"{name} must be an ISO 8601 date and time.",
                        }
                    )
                else:
                    queryset = queryset.filter(**{lookup: moment})
        if errors:
            return errors_response(errors)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(OrderSerializer(page, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = OrderWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            order = order_create(source=Order.Source.API, **serializer.validated_data)
        except ValidationError as exc:
            return _invalid(exc)
        return Response(OrderSerializer(order).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Get an order",
        responses={200: OrderSerializer, **_not_found("order"), **_AUTH_ERRORS},
        tags=["orders"],
    ),
    put=extend_schema(
        summary="Replace an order",
        request=OrderWriteSerializer,
        responses={200: OrderSerializer, **_INVALID, **_not_found("order"), **_AUTH_ERRORS},
        tags=["orders"],
    ),
    patch=extend_schema(
        summary="Change some fields of an order",
        request=OrderWriteSerializer(partial=True),
        responses={200: OrderSerializer, **_INVALID, **_not_found("order"), **_AUTH_ERRORS},
        tags=["orders"],
    ),
    delete=extend_schema(
        summary="Delete an order",
        responses={204: None, **_not_found("order"), **_AUTH_ERRORS},
        tags=["orders"],
    ),
)
class OrderDetailView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    serializer_class = OrderSerializer
    queryset = Order.objects.select_related("customer")

    def get(self, request: Request, pk: int) -> Response:
        return Response(OrderSerializer(self.get_object()).data)

    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=False)

    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        order = self.get_object()
        serializer = OrderWriteSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data: dict[str, Any] = dict(serializer.validated_data)
        if not partial:
            data = {"status": Order.Status.PLACED, "note": "", "external_id": None, **data}
        changes = {key: data.get(key, KEEP) for key in OrderWriteSerializer().fields}
        try:
            order = order_update(order=order, **changes)
        except ValidationError as exc:
            return _invalid(exc)
        return Response(OrderSerializer(order).data)

    def delete(self, request: Request, pk: int) -> Response:
        self.get_object().delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
