"""The URL configuration these tests run under: the same prefixes as config/api_urls.py,
with only the modules under test (plus automation/api_integrations_urls.py, which the
project's config includes next to automation.api_urls). Keeps these tests independent of
endpoints written elsewhere."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from config.urls import handler404  # noqa: F401  (JSON 404s under /api/, as in production)
from executions.api_webhooks import WebhookEventView

_events = WebhookEventView.as_view()

urlpatterns = [
    # Customers' public pages: previews link to the order form and the unsubscribe page.
    path("k/", include("customers.urls")),
    path(
        "api/v1/workflow-automation/",
        include(
            [
                path("", include("automation.api_integrations_urls")),
                path("", include("templates_app.api_urls")),
                path("", include("customers.api_urls")),
                path("", include("ai_assistant.api_urls")),
                # The signed webhook events endpoint (executions.api_webhooks) only.
                path("events", _events, name="events"),
            ]
        ),
    ),
    path("api/schema/", SpectacularAPIView.as_view(urlconf=__name__), name="api-schema"),
]
