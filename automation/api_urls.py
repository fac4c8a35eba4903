"""This app's REST endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from automation import api, api_versions

app_name = "automation-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("workflows", api.WorkflowListView.as_view(), name="workflow-list"),
    path("workflows/import", api_versions.WorkflowImportView.as_view(), name="workflow-import"),
    path("workflows/<int:pk>", api.WorkflowDetailView.as_view(), name="workflow-detail"),
    path("workflows/<int:pk>/deploy", api.WorkflowDeployView.as_view(), name="workflow-deploy"),
    path("workflows/<int:pk>/pause", api.WorkflowPauseView.as_view(), name="workflow-pause"),
    path(
        "workflows/<int:pk>/next-runs",
        api.WorkflowNextRunsView.as_view(),
        name="workflow-next-runs",
    ),
    path(
        "workflows/<int:pk>/versions",
        api_versions.WorkflowVersionListView.as_view(),
        name="workflow-version-list",
    ),
    path(
        "workflows/<int:pk>/versions/<int:n>",
        api_versions.WorkflowVersionDetailView.as_view(),
        name="workflow-version-detail",
    ),
    path(
        "workflows/<int:pk>/versions/<int:n>/restore",
        api_versions.WorkflowVersionRestoreView.as_view(),
        name="workflow-version-restore",
    ),
    path(
        "workflows/<int:pk>/duplicate",
        api_versions.WorkflowDuplicateView.as_view(),
        name="workflow-duplicate",
    ),
    path(
        "workflows/<int:pk>/export",
        api_versions.WorkflowExportView.as_view(),
        name="workflow-export",
    ),
]
