"""This app's REST endpoints under /api/v1/workflow-automation/ (see config/api_urls.py)."""

from django.urls import URLPattern, URLResolver, path

from customers import api

app_name = "customers-api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("customers", api.CustomerListCreateView.as_view(), name="customer-list"),
    path(
        "customers/bulk-upsert", api.CustomerBulkUpsertView.as_view(), name="customer-bulk-upsert"
    ),
    path("customers/import", api.CustomerImportView.as_view(), name="customer-import"),
    path("customers/<int:pk>", api.CustomerDetailView.as_view(), name="customer-detail"),
    path(
        "customers/<int:pk>/unsubscribe",
        api.CustomerUnsubscribeView.as_view(),
        name="customer-unsubscribe",
    ),
    path(
        "customers/<int:pk>/resubscribe",
        api.CustomerResubscribeView.as_view(),
        name="customer-resubscribe",
    ),
    path("customer-groups", api.CustomerGroupListCreateView.as_view(), name="group-list"),
    path("customer-groups/<int:pk>", api.CustomerGroupDetailView.as_view(), name="group-detail"),
    path("orders", api.OrderListCreateView.as_view(), name="order-list"),
    path("orders/bulk-upsert", api.OrderBulkUpsertView.as_view(), name="order-bulk-upsert"),
    path("orders/<int:pk>", api.OrderDetailView.as_view(), name="order-detail"),
]
