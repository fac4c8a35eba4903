"""The business calendar under /api/v1/workflow-automation/calendar/: the company's closed
days (CRUD; everyone reads, business users and up write, as for templates) and the year's
public holidays (read)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsViewer, ReadViewerWriteBusiness
from automation.business_calendar import BusinessCalendar
from automation.closed_days import closed_day_create, closed_day_delete, closed_day_update
from automation.models import ClosedDay
from core.api import WorkflowAutomationPagination, error_responses

TAG = "calendar"


class ClosedDaySerializer(serializers.ModelSerializer):
    class Meta:
        model = ClosedDay
        fields = ["id", "name", "start", "end", "created_at", "updated_at"]
        read_only_fields = fields


class ClosedDayWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, help_text='e.g. "Julestengt"')
    start = serializers.DateField(help_text="The first closed day.")
    end = serializers.DateField(help_text="The last closed day (the same as start for one day).")


class YearQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, min_value=1900, max_value=2200, help_text="Default: this year."
    )


class HolidaySerializer(serializers.Serializer):
    date = serializers.DateField()
    name = serializers.CharField(help_text="In Norwegian.")
    name_en = serializers.CharField(help_text="In English.")


class HolidayListSerializer(serializers.Serializer):
    country = serializers.CharField(help_text="settings.BUSINESS_CALENDAR")
    year = serializers.IntegerField()
    holidays = HolidaySerializer(many=True)


def _year(request: Request) -> int | None:
    query = YearQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data.get("year")


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="List the closed days",
        parameters=[YearQuerySerializer],
        responses={200: ClosedDaySerializer(many=True), **error_responses(400, 401, 403)},
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Add closed days",
        description="A date range the company is closed; schedules with a holiday policy, or "
        "that run on business days, take it into account from their next run.",
        request=ClosedDayWriteSerializer,
        responses={201: ClosedDaySerializer, **error_responses(400, 401, 403)},
    ),
)
class ClosedDayListView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    pagination_class = WorkflowAutomationPagination
    serializer_class = ClosedDaySerializer

    def get_queryset(self) -> Any:
        closed = ClosedDay.objects.order_by("start", "end", "pk")
        year = _year(self.request)
        if year is not None:
            closed = closed.filter(start__lte=dt.date(year, 12, 31), end__gte=dt.date(year, 1, 1))
        return closed

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ClosedDaySerializer(page, many=True).data)

    def post(self, request: Request) -> Response:
        data = ClosedDayWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        closed = closed_day_create(**data.validated_data, by=request.user)
        return Response(ClosedDaySerializer(closed).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Get closed days",
        responses={200: ClosedDaySerializer, **error_responses(401, 403, 404)},
    ),
    put=extend_schema(
        tags=[TAG],
        summary="Change closed days",
        request=ClosedDayWriteSerializer,
        responses={200: ClosedDaySerializer, **error_responses(400, 401, 403, 404)},
    ),
    patch=extend_schema(
        tags=[TAG],
        summary="Change some fields of closed days",
        request=ClosedDayWriteSerializer(partial=True),
        responses={200: ClosedDaySerializer, **error_responses(400, 401, 403, 404)},
    ),
    delete=extend_schema(
        tags=[TAG],
        summary="Remove closed days",
        responses={204: None, **error_responses(401, 403, 404)},
    ),
)
class ClosedDayDetailView(generics.GenericAPIView):
    permission_classes = [ReadViewerWriteBusiness]
    serializer_class = ClosedDaySerializer
    queryset = ClosedDay.objects.all()

    def get(self, request: Request, pk: int) -> Response:
        return Response(ClosedDaySerializer(self.get_object()).data)

    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=False)

    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        closed = self.get_object()
        data = ClosedDayWriteSerializer(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        values = {"name": closed.name, "start": closed.start, "end": closed.end}
        values.update(data.validated_data)
        closed = closed_day_update(closed=closed, **values)
        return Response(ClosedDaySerializer(closed).data)

    def delete(self, request: Request, pk: int) -> Response:
        closed_day_delete(closed=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class HolidayListView(APIView):
    permission_classes = [IsViewer]

    @extend_schema(
        tags=[TAG],
        summary="The year's public holidays",
        description="From the holidays package for the country in BUSINESS_CALENDAR.",
        parameters=[YearQuerySerializer],
        responses={200: HolidayListSerializer, **error_responses(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        year = _year(request) or dt.date.today().year
        business = BusinessCalendar.load()
        days = [
            {"date": start, "name": closure.name_nb, "name_en": closure.name_en}
            for start, _end, closure in business.year(year)
            if closure.kind == "holiday"
        ]
        return Response({"country": business.country, "year": year, "holidays": days})
