"""Business users' pages of this app (HTMX, server-rendered), mounted at /kunder/."""

from django.urls import URLPattern, path

from customers import staff_views

app_name = "customers_staff"
urlpatterns: list[URLPattern] = [
    path("", staff_views.customer_list, name="list"),
    path("<int:pk>/", staff_views.customer_detail, name="detail"),
    path("<int:pk>/abonnement/", staff_views.customer_subscription, name="subscription"),
    path("import/", staff_views.customer_import, name="import"),
    path("import/eksempel.csv", staff_views.customer_import_example, name="import-example"),
    path("ordre/", staff_views.order_list, name="orders"),
]
