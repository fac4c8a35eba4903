"""Business users' pages of this app (HTMX, server-rendered)."""

from django.urls import URLPattern

app_name = "templates_app"
urlpatterns: list[URLPattern] = []
