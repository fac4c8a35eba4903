"""Calendar endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from automation import api_calendar as api

app_name = "calendar-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("calendar/closed-days", api.ClosedDayListView.as_view(), name="closed-day-list"),
    path(
        "calendar/closed-days/<int:pk>",
        api.ClosedDayDetailView.as_view(),
        name="closed-day-detail",
    ),
    path("calendar/holidays", api.HolidayListView.as_view(), name="holiday-list"),
]
