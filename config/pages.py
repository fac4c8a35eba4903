"""The start page; the business users' pages replace it with the dashboard."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import path

from automation.models import WorkflowDefinition
from customers.models import Customer


def home(request):
    context = {
        "workflow_counts": WorkflowDefinition.objects.aggregate(
            total=Count("id"), active=Count("id", filter=Q(status="active"))
        ),
        "customer_count": Customer.objects.filter(active=True).count(),
    }
    return render(request, "home.html", context)


app_name = "pages"
urlpatterns = [path("", home, name="home")]
