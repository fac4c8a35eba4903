"""Integration endpoints under /api/v1/workflow-automation/; config/api_urls.py includes
this module next to automation.api_urls."""

from django.urls import URLPattern, URLResolver, path

from automation import api_integrations as api

app_name = "integrations-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("integrations", api.IntegrationListCreateView.as_view(), name="integration-list"),
    path("integrations/<int:pk>", api.IntegrationDetailView.as_view(), name="integration-detail"),
    path("integrations/<int:pk>/test", api.IntegrationTestView.as_view(), name="integration-test"),
]
