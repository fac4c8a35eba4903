"""The REST API: /api/v1/auth/, /api/v1/workflow-automation/ (one urls module per app),
the OpenAPI schema and its docs (served locally, no CDN)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("v1/auth/", include("config.api_auth_urls")),
    path(
        "v1/workflow-automation/",
        include(
            [
                path("", include("automation.api_urls")),
                path("", include("automation.api_integrations_urls")),
                path("", include("automation.api_calendar_urls")),
                path("", include("executions.api_urls")),
                path("", include("templates_app.api_urls")),
                path("", include("customers.api_urls")),
                path("", include("ai_assistant.api_urls")),
                path("", include("audit.api_urls")),
            ]
        ),
    ),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
