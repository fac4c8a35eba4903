from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.csv_export import csv_text
from customers import services
from customers.models import Customer, CustomerGroup, Order

MAX_IMPORT_BYTES = 10 * 1024 * 1024


def _adopt(target: Model, source: Model) -> None:
    """Make the admin's unsaved form instance the object a service just created.

    The admin goes on to save m2m fields, log the addition and redirect using the instance it
    handed to save_model, so that instance must become the saved row.
    """
    for model_field in source._meta.concrete_fields:
        setattr(target, model_field.attname, getattr(source, model_field.attname))
    target._state.adding = False
    target._state.db = source._state.db


class UnsubscribedFilter(admin.SimpleListFilter):
    title = _("unsubscribed")
    parameter_name = "unsubscribed"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [("yes", _("Unsubscribed")), ("no", _("Subscribed"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(unsubscribed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(unsubscribed_at__isnull=True)
        return queryset


class SuppressedFilter(admin.SimpleListFilter):
    title = _("suppressed (bounced or complained)")
    parameter_name = "suppressed"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [("yes", _("Suppressed")), ("no", _("Not suppressed"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(suppressed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(suppressed_at__isnull=True)
        return queryset


class CustomerImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(
                _("The file is too large (at most %(size)d MB)."),
                params={"size": MAX_IMPORT_BYTES // (1024 * 1024)},
                code="too_large",
            )
        return upload


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "email",
        "active",
        "language",
        "group_list",
        "subscribed",
        "order_count",
    ]
    list_filter = ["active", "language", "groups", UnsubscribedFilter, SuppressedFilter]
    search_fields = ["name", "email", "external_id"]
    filter_horizontal = ["groups"]
    readonly_fields = ["unsubscribed_at", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "email", "phone", "language", "active", "groups"]}),
        (_("Sync"), {"fields": ["external_id"]}),
        (
            _("Email consent and delivery"),
            {"fields": ["unsubscribed_at", "suppressed_at", "suppression_reason"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]
    actions = ["mark_unsubscribed", "resubscribe"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Customer]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related("groups")
            .annotate(order_total=Count("orders"))
        )

    @admin.display(description=_("groups"))
    def group_list(self, customer: Customer) -> str:
        return ", ".join(group.name for group in customer.groups.all())

    @admin.display(description=_("subscribed"), boolean=True, ordering="unsubscribed_at")
    def subscribed(self, customer: Customer) -> bool:
        return customer.is_subscribed

    @admin.display(description=_("orders"), ordering="order_total")
    def order_count(self, customer: Customer) -> str:
        url = reverse("admin:customers_order_changelist")
        return format_html(
            '<a href="{}?customer__id__exact={}">{}</a>', url, customer.pk, customer.order_total
        )

    @admin.action(description=_("Mark selected customers as unsubscribed"))
    def mark_unsubscribed(self, request: HttpRequest, queryset: QuerySet[Customer]) -> None:
        count = services.customers_unsubscribe(customers=queryset)
        self.message_user(
            request,
            ngettext("%(count)d customer unsubscribed.", "%(count)d customers unsubscribed.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Resubscribe selected customers"))
    def resubscribe(self, request: HttpRequest, queryset: QuerySet[Customer]) -> None:
        count = services.customers_resubscribe(customers=queryset)
        self.message_user(
            request,
            ngettext("%(count)d customer resubscribed.", "%(count)d customers resubscribed.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(
        self, request: HttpRequest, obj: Customer, form: ModelForm, change: bool
    ) -> None:
        data = form.cleaned_data
        fields = {
            "name": data["name"],
            "email": data["email"],
            "active": data["active"],
            "language": data["language"],
            "groups": data["groups"],
            "external_id": data["external_id"],
            "phone": data["phone"],
        }
        if change:
            services.customer_update(customer=obj, **fields)
        else:
            customer = services.customer_create(**fields)
            _adopt(obj, customer)
        # Suppression is staff-only bookkeeping, not part of the services' contract.
        if {"suppressed_at", "suppression_reason"} & set(form.changed_data):
            obj.save(update_fields=["suppressed_at", "suppression_reason", "updated_at"])

    # --- CSV import -----------------------------------------------------------------------

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_csv_view),
                name="{}_{}_import".format(*info),
            ),
            path(
                "import/example.csv",
                self.admin_site.admin_view(self.import_example_view),
                name="{}_{}_import_example".format(*info),
            ),
            *super().get_urls(),
        ]

    def import_csv_view(self, request: HttpRequest) -> HttpResponse:
        # An import both creates and updates customers.
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        report: services.ImportReport | None = None
        if request.method == "POST":
            form = CustomerImportForm(request.POST, request.FILES)
            if form.is_valid():
                report = services.customer_import_csv(file=form.cleaned_data["file"])
                if report.ok:
                    self.message_user(
                        request,
                        gettext(
                            "Import finished. New customers: %(created)d, updated: %(updated)d."
                        )
                        % {"created": report.created, "updated": report.updated},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:customers_customer_changelist"))
        else:
            form = CustomerImportForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import customers from CSV"),
            "form": form,
            "report": report,
            "columns": _import_column_help(),
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/customers/customer/import_csv.html", context)

    def import_example_view(self, request: HttpRequest) -> HttpResponse:
        groups = list(CustomerGroup.objects.order_by("name").values_list("slug", flat=True)[:2])
        # Real slugs where there are any, so the example imports as it is.
        first, second = (groups[0], groups[-1]) if groups else ("butikker", "kafeer")
        # Group slugs are typed by people too (a slug may start with "-"): written through
        # the one CSV writer that keeps every cell from running as a formula.
        rows = [
            services.CSV_COLUMNS,
            [
                "Bakeriet på hjørnet",
                "post@bakeriet.example",
                "nb",
                first,
                "K-1001",
                "ja",
                "+47 22 33 44 55",
            ],
            [
                "Kafé Solsiden",
                "hei@solsiden.example",
                "nb",
                f"{first},{second}",
                "K-1002",
                "ja",
                "",
            ],
            ["Harbour Restaurant", "orders@harbour.example", "en", second, "", "nei", ""],
        ]
        response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="customers-example.csv"'
        return response


def _import_column_help() -> list[tuple[str, bool, str]]:
    return [
        ("name", True, gettext("The customer's name.")),
        ("email", True, gettext("Email address.")),
        ("language", False, gettext("nb or en; nb when empty.")),
        (
            "groups",
            False,
            gettext("Group slugs or names, separated by commas or semicolons."),
        ),
        (
            "external_id",
            False,
            gettext("The id in your business system. A known id updates that customer."),
        ),
        ("active", False, gettext("true/false, ja/nei or 1/0; active when empty.")),
        ("phone", False, gettext("Phone number.")),
    ]


@admin.register(CustomerGroup)
class CustomerGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "customer_count", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CustomerGroup]:
        return super().get_queryset(request).annotate(customer_total=Count("customers"))

    def save_model(
        self, request: HttpRequest, obj: CustomerGroup, form: ModelForm, change: bool
    ) -> None:
        services.customer_group_save(group=obj)

    @admin.display(description=_("customers"), ordering="customer_total")
    def customer_count(self, group: CustomerGroup) -> str:
        url = reverse("admin:customers_customer_changelist")
        return format_html(
            '<a href="{}?groups__id__exact={}">{}</a>', url, group.pk, group.customer_total
        )


class OrderAdminForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["customer", "created_at", "status", "source", "lines", "note", "external_id"]

    def clean_lines(self) -> list[dict[str, Any]]:
        try:
            return services.order_lines_validate(self.cleaned_data["lines"])
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["lines"]) from exc


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    form = OrderAdminForm
    list_display = ["__str__", "customer", "created_at", "status", "source", "line_count"]
    list_filter = ["status", "source"]
    list_select_related = ["customer"]
    date_hierarchy = "created_at"
    search_fields = ["customer__name", "customer__email", "external_id"]
    autocomplete_fields = ["customer"]
    fields = ["customer", "created_at", "status", "source", "lines", "note", "external_id"]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {
            "created_at": timezone.now(),
            "source": Order.Source.ADMIN,
            **super().get_changeform_initial_data(request),
        }

    @admin.display(description=_("lines"))
    def line_count(self, order: Order) -> int:
        return len(order.lines or [])

    def save_model(self, request: HttpRequest, obj: Order, form: ModelForm, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        order = services.order_create(
            customer=data["customer"],
            lines=data["lines"],
            source=data["source"],
            status=data["status"],
            created_at=data["created_at"],
            note=data["note"],
            external_id=data["external_id"],
        )
        _adopt(obj, order)
