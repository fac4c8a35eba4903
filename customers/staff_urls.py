"""Business users' pages of this app (HTMX, server-rendered)."""

from django.urls import URLPattern

app_name = "customers_staff"
urlpatterns: list[URLPattern] = []
