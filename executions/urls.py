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
