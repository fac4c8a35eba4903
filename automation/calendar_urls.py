"""The business calendar page, mounted at /kalender/."""

from django.urls import URLPattern, path

from automation import calendar_views

app_name = "automation-calendar"
urlpatterns: list[URLPattern] = [
    path("", calendar_views.calendar_view, name="calendar"),
    path("stengt/<int:pk>/slett/", calendar_views.closed_day_delete_view, name="closed-day-delete"),
]
