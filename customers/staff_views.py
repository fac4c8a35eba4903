"""The customer pages for business users: search, a customer's order history, CSV import.

Server-rendered with HTMX: each page is one template with ``{% partialdef %}`` sections, and an
HTMX request gets only the section it swaps. Writes go through ``customers.services``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.decorators import require_role
from accounts.roles import BUSINESS, VIEWER, user_has_role
from core.pages import HtmxHttpRequest, render_page
from customers import services
from customers.admin import CustomerImportForm, _import_column_help
from customers.models import Customer, CustomerGroup, Order

LIST_PAGE = "customers/staff/customer_list.html"
DETAIL_PAGE = "customers/staff/customer_detail.html"
IMPORT_PAGE = "customers/staff/customer_import.html"
ORDERS_PAGE = "customers/staff/order_list.html"
PER_PAGE = 25
ORDERS_PER_PAGE = 20


def _customer_search(*, query: str, group: str, status: str) -> QuerySet[Customer]:
    customers = Customer.objects.all()
    if query:
        in_matching_group = Customer.groups.through.objects.filter(
            Q(customergroup__name__icontains=query) | Q(customergroup__slug__icontains=query)
        ).values("customer_id")
        customers = customers.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | Q(external_id__iexact=query)
            | Q(pk__in=in_matching_group)
        )
    if group:
        customers = customers.filter(groups__slug=group)
    if status == "active":
        customers = customers.filter(active=True, suppressed_at__isnull=True)
    elif status == "inactive":
        customers = customers.filter(active=False)
    elif status == "unsubscribed":
        customers = customers.filter(unsubscribed_at__isnull=False)
    elif status == "suppressed":
        customers = customers.filter(suppressed_at__isnull=False)
    return (
        customers.annotate(order_count=Count("orders"), last_order_at=Max("orders__created_at"))
        .prefetch_related("groups")
        .order_by("name", "pk")
    )


STATUS_FILTERS = (
    ("active", _("Active")),
    ("inactive", _("Inactive")),
    ("unsubscribed", _("Unsubscribed")),
    ("suppressed", _("Email stopped")),
)


@require_role(VIEWER)
@require_GET
def customer_list(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    group = request.GET.get("gruppe", "").strip()
    status = request.GET.get("status", "").strip()
    page = Paginator(_customer_search(query=query, group=group, status=status), PER_PAGE).get_page(
        request.GET.get("side")
    )
    context = {
        "page": page,
        "query": query,
        "group": group,
        "status": status,
        "statuses": STATUS_FILTERS,
        "groups": CustomerGroup.objects.order_by("name"),
        "can_edit": user_has_role(request.user, BUSINESS),
        "total": Customer.objects.count(),
    }
    return render_page(request, LIST_PAGE, "results", context)


@require_role(VIEWER)
@require_GET
def customer_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    customer = get_object_or_404(Customer.objects.prefetch_related("groups"), pk=pk)
    return render_page(request, DETAIL_PAGE, "orders", _detail_context(request, customer))


def _detail_context(request: HtmxHttpRequest, customer: Customer) -> dict[str, Any]:
    orders = customer.orders.order_by("-created_at", "-pk")
    return {
        "customer": customer,
        "orders": Paginator(orders, ORDERS_PER_PAGE).get_page(request.GET.get("side")),
        "order_count": orders.count(),
        "can_edit": user_has_role(request.user, BUSINESS),
    }


@require_role(BUSINESS)
@require_POST
def customer_subscription(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Unsubscribe a customer from marketing email, or undo it (the customer asked by phone)."""
    customer = get_object_or_404(Customer, pk=pk)
    selected = Customer.objects.filter(pk=customer.pk)
    if request.POST.get("action") == "resubscribe":
        services.customers_resubscribe(customers=selected)
        message = gettext("%(name)s gets marketing email again.")
    else:
        services.customers_unsubscribe(customers=selected)
        message = gettext("%(name)s gets no more marketing email.")
    customer.refresh_from_db()
    if request.htmx:
        context = {
            **_detail_context(request, customer),
            "status_message": message % {"name": customer.name},
        }
        return render_page(request, DETAIL_PAGE, "subscription", context)
    messages.success(request, message % {"name": customer.name})
    return redirect("customers_staff:detail", pk=customer.pk)


@require_role(BUSINESS)
@require_http_methods(["GET", "POST"])
def customer_import(request: HtmxHttpRequest) -> HttpResponse:
    """Upload a CSV file; every problem is listed and nothing imported unless all rows are good."""
    report: services.ImportReport | None = None
    if request.method == "POST":
        form = CustomerImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = services.customer_import_csv(file=form.cleaned_data["file"])
    else:
        form = CustomerImportForm()
    context = {
        "form": form,
        "report": report,
        "columns": _import_column_help(),
    }
    return render_page(request, IMPORT_PAGE, "result", context)


@require_role(BUSINESS)
@require_GET
def customer_import_example(request: HtmxHttpRequest) -> HttpResponse:
    """The example file, made by the admin's view so both pages offer the same file."""
    return admin.site.get_model_admin(Customer).import_example_view(request)


@require_role(VIEWER)
@require_GET
def order_list(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    status = request.GET.get("status", "").strip()
    orders = Order.objects.select_related("customer").order_by("-created_at", "-pk")
    if query:
        orders = orders.filter(
            Q(customer__name__icontains=query)
            | Q(customer__email__icontains=query)
            | Q(external_id__iexact=query)
            | (Q(pk=int(query)) if query.isdigit() else Q(pk__in=[]))
        )
    if status in Order.Status.values:
        orders = orders.filter(status=status)
    page = Paginator(orders, PER_PAGE).get_page(request.GET.get("side"))
    context = {
        "page": page,
        "query": query,
        "status": status,
        "statuses": Order.Status.choices,
    }
    return render_page(request, ORDERS_PAGE, "results", context)
