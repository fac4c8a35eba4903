from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CustomerGroup(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("customer group")
        verbose_name_plural = _("customer groups")

    def __str__(self) -> str:
        return self.name


class Customer(models.Model):
    class Language(models.TextChoices):
        NB = "nb", _("Norwegian Bokmål")
        EN = "en", _("English")

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254, db_index=True)
    active = models.BooleanField(_("active"), default=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.NB
    )
    groups = models.ManyToManyField(
        CustomerGroup, related_name="customers", blank=True, verbose_name=_("groups")
    )
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        null=True,
        blank=True,
        help_text=_("The customer's id in the business system, used when syncing."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    suppressed_at = models.DateTimeField(
        _("suppressed at"),
        null=True,
        blank=True,
        help_text=_("Set when the address bounced or complained; no email is sent to it."),
    )
    suppression_reason = models.CharField(_("suppression reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=Q(external_id__isnull=False),
                name="customer_external_id_unique",
            ),
        ]
        indexes = [models.Index(fields=["active", "name"], name="customer_active_name_idx")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_subscribed(self) -> bool:
        return self.unsubscribed_at is None

    @property
    def can_receive_email(self) -> bool:
        return self.active and self.suppressed_at is None


class Order(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PLACED = "placed", _("Placed")
        CONFIRMED = "confirmed", _("Confirmed")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")

    class Source(models.TextChoices):
        ORDER_FORM = "order_form", _("Order form")
        API = "api", _("API")
        ADMIN = "admin", _("Admin")
        IMPORT = "import", _("Import")
        WORKFLOW = "workflow", _("Workflow")

    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="orders", verbose_name=_("customer")
    )
    created_at = models.DateTimeField(_("created at"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLACED
    )
    lines = models.JSONField(
        _("lines"),
        default=list,
        blank=True,
        help_text=_('A list of {"sku": "...", "name": "...", "quantity": 2}.'),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.ADMIN
    )
    external_id = models.CharField(_("external id"), max_length=100, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=Q(external_id__isnull=False),
                name="order_external_id_unique",
            ),
        ]
        indexes = [
            # "Who has (not) ordered since X" is the reminder's question.
            models.Index(fields=["customer", "created_at"], name="order_customer_created_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.customer.name}"

    @property
    def total_quantity(self) -> int:
        return sum(int(line.get("quantity", 0)) for line in self.lines or [])
