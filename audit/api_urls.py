"""This app's REST endpoint under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, path

from audit import api

app_name = "audit-api"

urlpatterns: list[URLPattern] = [
    path("audit", api.AuditEventListView.as_view(), name="list"),
]
