"""This app's REST endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from automation import api

app_name = "automation-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("workflows", api.WorkflowListView.as_view(), name="workflow-list"),
    path("workflows/<int:pk>", api.WorkflowDetailView.as_view(), name="workflow-detail"),
    path("workflows/<int:pk>/deploy", api.WorkflowDeployView.as_view(), name="workflow-deploy"),
    path("workflows/<int:pk>/pause", api.WorkflowPauseView.as_view(), name="workflow-pause"),
    path(
        "workflows/<int:pk>/next-runs",
        api.WorkflowNextRunsView.as_view(),
        name="workflow-next-runs",
    ),
]
