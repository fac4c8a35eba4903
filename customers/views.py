"""Customer-facing pages, reached from links in emails: unsubscribe and the order form.

There is no login: the signed token in the URL is the authorisation (see ``customers.links``).
Pages speak the customer's language, not the browser's, because the email they came from did.
"""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from customers import events, links
from customers.catalogue import CATALOGUE, Product, product_get
from customers.models import Customer, Order
from customers.services import customers_resubscribe, customers_unsubscribe, order_create

logger = logging.getLogger(__name__)

_LANGUAGES = {code for code, _name in settings.LANGUAGES}
MAX_QUANTITY = 999


def _language(request: HttpRequest, customer: Customer | None) -> str:
    # ?lang= lets a customer switch; otherwise the customer's language, then the browser's.
    requested = request.GET.get("lang", "")
    if requested in _LANGUAGES:
        return requested
    if customer is not None and customer.language in _LANGUAGES:
        return customer.language
    return translation.get_language() or settings.LANGUAGE_CODE


def _page(
    request: HttpRequest,
    template_name: str,
    context: dict[str, Any],
    *,
    language: str,
    status: int = 200,
) -> HttpResponse:
    with translation.override(language):
        response = render(
            request,
            template_name,
            {"company_name": settings.COMPANY_NAME, "language": language, **context},
            status=status,
        )
    # LocaleMiddleware only sets the header when it is missing.
    response.headers["Content-Language"] = language
    return response


def _link_problem(
    request: HttpRequest, *, reason: str, customer: Customer | None = None
) -> HttpResponse:
    """A friendly page for links that were altered, expired, only shown in a preview, or
    made for a customer who has since been deleted (410: the link will never work again)."""
    status = {"expired": 403, "gone": 410}.get(reason, 400)
    return _page(
        request,
        "customers/link_problem.html",
        {"reason": reason, "customer": customer},
        language=_language(request, customer),
        status=status,
    )


# --- Unsubscribe ----------------------------------------------------------------------------


@csrf_exempt  # The signed token authorises; RFC 8058 one-click POSTs carry no CSRF token.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if token == links.SAMPLE_TOKEN:
        return _link_problem(request, reason="sample")
    try:
        customer = links.unsubscribe_verify(token)
    except links.CustomerGone:
        return _link_problem(request, reason="gone")
    except links.InvalidLink:
        return _link_problem(request, reason="invalid")
    only_this_customer = Customer.objects.filter(pk=customer.pk)
    if request.method == "POST":
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # A mail client's unsubscribe button (RFC 8058): no page for a human, just 200.
            customers_unsubscribe(customers=only_this_customer)
            return HttpResponse("Unsubscribed\n", content_type="text/plain; charset=utf-8")
        if request.POST.get("action") == "resubscribe":
            customers_resubscribe(customers=only_this_customer)
            state = "resubscribed"
        else:
            customers_unsubscribe(customers=only_this_customer)
            state = "unsubscribed"
        customer.refresh_from_db()
    else:
        state = "confirm" if customer.is_subscribed else "already"
    return _page(
        request,
        "customers/unsubscribe.html",
        {"customer": customer, "state": state},
        language=_language(request, customer),
    )


# --- Order form -----------------------------------------------------------------------------


class OrderForm(forms.Form):
    # Idempotency key: one form view, one order, however many times it is submitted.
    nonce = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    note = forms.CharField(
        label=gettext_lazy("Message to us (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language
        for product in CATALOGUE:
            self.fields[self.quantity_field(product)] = forms.IntegerField(
                label=product.display_name(language),
                required=False,
                min_value=0,
                max_value=MAX_QUANTITY,
                widget=forms.NumberInput(
                    attrs={
                        # The number keypad on phones; "pattern" is not allowed on type=number.
                        "inputmode": "numeric",
                        "min": 0,
                        "max": MAX_QUANTITY,
                        "placeholder": "0",
                        "class": "qty-input",
                    }
                ),
            )

    @staticmethod
    def quantity_field(product: Product) -> str:
        return f"qty_{product.sku}"

    def product_rows(self) -> list[tuple[Product, str, forms.BoundField]]:
        return [
            (product, product.display_unit(self.language), self[self.quantity_field(product)])
            for product in CATALOGUE
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and not self.lines():
            raise ValidationError(_("Choose at least one product."), code="empty")
        return cleaned

    def lines(self) -> list[dict[str, Any]]:
        lines = []
        for product in CATALOGUE:
            quantity = self.cleaned_data.get(self.quantity_field(product)) or 0
            if quantity > 0:
                lines.append({"sku": product.sku, "name": product.name, "quantity": quantity})
        return lines


def _order_key(customer: Customer, nonce: str) -> str:
    return f"order-form:{customer.pk}:{nonce}"


def _order_customer(request: HttpRequest, token: str) -> Customer | HttpResponse:
    """The customer an order link belongs to, or the page explaining why the link fails."""
    if token == links.SAMPLE_TOKEN:
        return _link_problem(request, reason="sample")
    try:
        return links.order_form_verify(token)
    except links.ExpiredLink as exc:
        return _link_problem(request, reason="expired", customer=exc.customer)
    except links.CustomerGone:
        return _link_problem(request, reason="gone")
    except links.InvalidLink:
        return _link_problem(request, reason="invalid")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def order_form(request: HttpRequest, token: str) -> HttpResponse:
    customer = _order_customer(request, token)
    if isinstance(customer, HttpResponse):
        return customer
    language = _language(request, customer)
    with translation.override(language):
        if request.method == "POST":
            form = OrderForm(request.POST, language=language)
            if form.is_valid():
                order = _place_order(customer, form)
                if order is not None:
                    url = reverse("customers:order-thanks", args=[token, order.pk])
                    if "lang" in request.GET:
                        url += f"?lang={language}"
                    # 303: the thank-you page is a GET; reloading it orders nothing.
                    return HttpResponseRedirect(url, status=303)
        else:
            form = OrderForm(initial={"nonce": secrets.token_hex(16)}, language=language)
    return _page(
        request,
        "customers/order_form.html",
        {"customer": customer, "form": form, "token": token},
        language=language,
    )


def _place_order(customer: Customer, form: OrderForm) -> Order | None:
    """Create the order once per nonce; a repeated submit returns the first order."""
    key = _order_key(customer, form.cleaned_data["nonce"])
    existing = Order.objects.filter(external_id=key, customer=customer).first()
    if existing is not None:
        return existing
    try:
        # A savepoint, so that losing the race to a parallel double-click is recoverable.
        with transaction.atomic():
            return order_create(
                customer=customer,
                lines=form.lines(),
                source=Order.Source.ORDER_FORM,
                note=form.cleaned_data.get("note", ""),
                external_id=key,
            )
    except IntegrityError:
        return Order.objects.filter(external_id=key, customer=customer).first()
    except ValidationError as exc:
        # full_clean may have seen the other click's order (the key is unique): the same
        # submit, already placed.
        placed = Order.objects.filter(external_id=key, customer=customer).first()
        if placed is not None:
            return placed
        for message in exc.messages:
            form.add_error(None, message)
        return None


@never_cache
@require_http_methods(["GET", "HEAD"])
def order_thanks(request: HttpRequest, token: str, order_id: int) -> HttpResponse:
    try:
        customer = links.order_form_verify(token)
    except links.ExpiredLink as exc:
        # The link may run out just after the order; the receipt is still theirs to see.
        customer = exc.customer
    except links.CustomerGone:
        return _link_problem(request, reason="gone")
    except links.InvalidLink:
        return _link_problem(request, reason="invalid")
    order = get_object_or_404(Order, pk=order_id, customer=customer)
    language = _language(request, customer)
    lines = []
    for line in order.lines or []:
        product = product_get(str(line.get("sku", "")))
        name = product.display_name(language) if product else line.get("name", line.get("sku"))
        unit = product.display_unit(language) if product else ""
        lines.append({"name": name, "unit": unit, "quantity": line.get("quantity")})
    return _page(
        request,
        "customers/order_thanks.html",
        {
            "customer": customer,
            "order": order,
            "lines": lines,
            "token": token,
            # Promised only when an active workflow will send it (events: the workflows'
            # apps answer).
            "confirmation_email": bool(customer.email)
            and events.emails_customer(
                events.ORDER_CREATED, {"order_id": order.pk, "customer_id": customer.pk}
            ),
        },
        language=language,
    )


# --- Email provider webhooks ----------------------------------------------------------------


def webhook_secret_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Refuse Anymail's webhooks while ``ANYMAIL["WEBHOOK_SECRET"]`` is unset.

    Anymail itself only warns and then accepts anyone's posts; a forged "bounce" would
    silently stop email to any customer, so an unconfigured secret means closed.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
            logger.warning("Refused an email webhook: ANYMAIL_WEBHOOK_SECRET is not set")
            return HttpResponse("Webhook secret not configured\n", status=403)
        return view(request, *args, **kwargs)

    return wrapper
