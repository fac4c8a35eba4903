"""Business users' pages of this app (HTMX, server-rendered): the dashboard at "/" and the
executions at /kjoringer/."""

from django.urls import URLPattern, path

from executions import views

app_name = "executions"
urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("kjoringer/", views.execution_list_view, name="execution-list"),
    path("kjoringer/<int:pk>/", views.execution_detail_view, name="execution-detail"),
    path("kjoringer/<int:pk>/status/", views.execution_status_view, name="execution-status"),
    # A customer's history, beside the customer's own page (/kunder/<pk>/), which loads it.
    path("kunder/<int:pk>/historikk/", views.customer_activity_view, name="customer-activity"),
    # Starting a workflow, under the workflow's own address (/arbeidsflyter/<pk>/...).
    path("arbeidsflyter/<int:pk>/kjor-na/", views.workflow_run_now_view, name="workflow-run-now"),
    path("arbeidsflyter/<int:pk>/test/", views.workflow_test_view, name="workflow-test"),
    path(
        "arbeidsflyter/<int:pk>/test/<int:execution_pk>/",
        views.workflow_test_run_view,
        name="workflow-test-run",
    ),
    path(
        "arbeidsflyter/<int:pk>/kjoringer/",
        views.workflow_recent_executions_view,
        name="workflow-recent-executions",
    ),
    path(
        "kjoringer/<int:pk>/e-post/<int:log_id>/levert/",
        views.email_decision_view,
        {"decision": "mark-delivered"},
        name="email-mark-delivered",
    ),
    path(
        "kjoringer/<int:pk>/e-post/<int:log_id>/send-igjen/",
        views.email_decision_view,
        {"decision": "resend"},
        name="email-resend",
    ),
    *(
        path(
            f"kjoringer/<int:pk>/{slug}/",
            views.execution_action_view,
            {"action": action},
            name=f"execution-{action}",
        )
        for action, slug in [
            ("pause", "pause"),
            ("resume", "fortsett"),
            ("cancel", "avbryt"),
            ("retry", "prov-igjen"),
        ]
    ),
]
