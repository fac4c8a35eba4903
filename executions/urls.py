"""Business users' pages of this app (HTMX, server-rendered)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import URLPattern, path


@login_required
def dashboard(request):
    # Replaced by the real dashboard (executions/views.py) with the pages issue.
    return render(request, "home.html")


app_name = "executions"
urlpatterns: list[URLPattern] = [path("", dashboard, name="dashboard")]
