"""This app's REST endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from templates_app import api

app_name = "templates-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("templates", api.TemplateListCreateView.as_view(), name="template-list"),
    path(
        "templates/preview", api.TemplateDraftPreviewView.as_view(), name="template-draft-preview"
    ),
    path("templates/<int:pk>", api.TemplateDetailView.as_view(), name="template-detail"),
    path("templates/<int:pk>/preview", api.TemplatePreviewView.as_view(), name="template-preview"),
]
