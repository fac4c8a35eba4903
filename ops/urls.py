from django.urls import path

from ops.health import ReadinessView
from ops.metrics import metrics_view

urlpatterns = [
    path("readyz", ReadinessView.as_view(), name="readyz"),
    path("metrics", metrics_view, name="metrics"),
]
