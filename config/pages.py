"""The business users' pages: one URL module per app, login and logout."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("executions.urls")),  # the dashboard at "/", executions at /kjoringer/
    path("arbeidsflyter/", include("automation.urls")),
    path("assistent/", include("ai_assistant.urls")),
    path("maler/", include("templates_app.urls")),
    path("kunder/", include("customers.staff_urls")),
    path("kalender/", include("automation.calendar_urls")),
]
