"""This app's REST endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from ai_assistant import api

app_name = "ai-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("ai/parse-description", api.ParseDescriptionView.as_view(), name="parse-description"),
    path("ai/execute-script", api.ExecuteScriptView.as_view(), name="execute-script"),
    path("ai/confirm", api.ConfirmView.as_view(), name="confirm"),
    path("ai/use-template", api.UseTemplateView.as_view(), name="use-template"),
]
