"""This app's REST endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from executions import api, api_activity, api_runs, api_webhooks
from executions.api_dashboard import DashboardMetricsView

app_name = "executions-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("workflows/<int:pk>/test", api_runs.WorkflowTestView.as_view(), name="workflow-test"),
    path(
        "workflows/<int:pk>/execute",
        api_runs.WorkflowExecuteView.as_view(),
        name="workflow-execute",
    ),
    path("executions", api.ExecutionListView.as_view(), name="execution-list"),
    path("executions/<int:pk>", api.ExecutionDetailView.as_view(), name="execution-detail"),
    path("executions/<int:pk>/status", api.ExecutionStatusView.as_view(), name="execution-status"),
    path("executions/<int:pk>/logs", api.ExecutionLogsView.as_view(), name="execution-logs"),
    path("executions/<int:pk>/pause", api.ExecutionPauseView.as_view(), name="execution-pause"),
    path("executions/<int:pk>/resume", api.ExecutionResumeView.as_view(), name="execution-resume"),
    path("executions/<int:pk>/cancel", api.ExecutionCancelView.as_view(), name="execution-cancel"),
    path("executions/<int:pk>/retry", api.ExecutionRetryView.as_view(), name="execution-retry"),
    path(
        "executions/<int:pk>/emails/<int:log_id>/mark-delivered",
        api.EmailMarkDeliveredView.as_view(),
        name="email-mark-delivered",
    ),
    path(
        "executions/<int:pk>/emails/<int:log_id>/resend",
        api.EmailResendView.as_view(),
        name="email-resend",
    ),
    # The customer's history: under the customer's address, served here (it reads the logs).
    path(
        "customers/<int:pk>/activity",
        api_activity.CustomerActivityView.as_view(),
        name="customer-activity",
    ),
    path("dashboard/metrics", DashboardMetricsView.as_view(), name="dashboard-metrics"),
    path("events", api_webhooks.WebhookEventView.as_view(), name="events"),
]
