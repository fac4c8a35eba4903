"""Signed per-customer links: unsubscribe and the order form.

A link is its own authorisation: whoever holds the email may use it, so each token is signed
with ``SECRET_KEY`` (and ``SECRET_KEY_FALLBACKS`` while keys rotate) under its own salt. A
token for one purpose can therefore never be replayed for the other.

* The unsubscribe link never expires: RFC 8058 and common sense say an old email must still
  be able to unsubscribe.
* The order-form link expires (``max_age_days``, 14 by default). The lifetime is signed into
  the token, so a link cannot be stretched by editing it.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.urls import reverse

from customers.models import Customer

UNSUBSCRIBE_SALT = "customers.links.unsubscribe"
ORDER_FORM_SALT = "customers.links.order-form"
#: Path segment of the links shown in previews; never a valid token.
SAMPLE_TOKEN = "eksempel"
#: The longest order-form lifetime a link may ask for.
MAX_ORDER_LINK_DAYS = 90


class InvalidLink(Exception):
    """The token was altered, made for another purpose, or names no customer."""


class CustomerGone(InvalidLink):
    """The signature is good, but the customer it names has been deleted since."""


class ExpiredLink(InvalidLink):
    """The signature is good but the link is too old; ``customer`` says whose it was."""

    def __init__(self, customer: Customer | None) -> None:
        super().__init__("link expired")
        self.customer = customer


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _unsubscribe_signer() -> signing.Signer:
    return signing.Signer(salt=UNSUBSCRIBE_SALT)


def _order_signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=ORDER_FORM_SALT)


def _customer(pk: int) -> Customer:
    try:
        return Customer.objects.get(pk=pk)
    except Customer.DoesNotExist as exc:
        raise CustomerGone("no such customer") from exc


# --- Unsubscribe ----------------------------------------------------------------------------


def unsubscribe_token(customer: Customer) -> str:
    return _unsubscribe_signer().sign(str(customer.pk))


def unsubscribe_url(customer: Customer) -> str:
    return _absolute(reverse("customers:unsubscribe", args=[unsubscribe_token(customer)]))


def sample_unsubscribe_url() -> str:
    return _absolute(reverse("customers:unsubscribe", args=[SAMPLE_TOKEN]))


def _unsubscribe_mailto(token: str) -> str:
    address = getattr(settings, "UNSUBSCRIBE_MAILTO", "") or ""
    if not address:
        return ""
    # The token in the subject tells whoever reads the mailbox (or a parser of it) exactly
    # which customer asked, whatever address the request comes from.
    return f"mailto:{quote(address, safe='@')}?subject={quote(f'unsubscribe {token}')}"


def unsubscribe_mailto(customer: Customer) -> str:
    """The ``mailto:`` alternative of the List-Unsubscribe header ("" without
    ``UNSUBSCRIBE_MAILTO``)."""
    return _unsubscribe_mailto(unsubscribe_token(customer))


def sample_unsubscribe_mailto() -> str:
    return _unsubscribe_mailto(SAMPLE_TOKEN)


def unsubscribe_verify(token: str) -> Customer:
    """The customer an unsubscribe token was made for; raises ``CustomerGone`` for a good
    token whose customer was deleted and ``InvalidLink`` for anything else."""
    try:
        value = _unsubscribe_signer().unsign(token)
    except signing.BadSignature as exc:
        raise InvalidLink("bad signature") from exc
    if not value.isdigit():
        raise InvalidLink("malformed token")
    return _customer(int(value))


# --- Order form -----------------------------------------------------------------------------


def order_form_token(customer: Customer, *, max_age_days: int | None = None) -> str:
    if max_age_days is None:
        max_age_days = int(getattr(settings, "ORDER_LINK_MAX_AGE_DAYS", 14))
    if not 1 <= max_age_days <= MAX_ORDER_LINK_DAYS:
        raise ValueError(f"max_age_days must be between 1 and {MAX_ORDER_LINK_DAYS}")
    return _order_signer().sign(f"{customer.pk}-{max_age_days}")


def order_form_url(customer: Customer, *, max_age_days: int | None = None) -> str:
    token = order_form_token(customer, max_age_days=max_age_days)
    return _absolute(reverse("customers:order-form", args=[token]))


def sample_order_form_url() -> str:
    return _absolute(reverse("customers:order-form", args=[SAMPLE_TOKEN]))


def order_form_verify(token: str) -> Customer:
    """The customer an order-form token was made for.

    Raises ``ExpiredLink`` for a genuine but outdated link (so the page can still greet the
    customer in their language), ``CustomerGone`` for a genuine link whose customer was
    deleted (expired or not) and ``InvalidLink`` for anything else.
    """
    signer = _order_signer()
    try:
        value = signer.unsign(token)
        pk_text, _sep, days_text = value.partition("-")
        pk, days = int(pk_text), int(days_text)
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidLink("bad signature") from exc
    days = min(days, MAX_ORDER_LINK_DAYS)
    try:
        signer.unsign(token, max_age=timedelta(days=days))
    except signing.SignatureExpired as exc:
        customer = Customer.objects.filter(pk=pk).first()
        if customer is None:
            raise CustomerGone("no such customer") from exc
        raise ExpiredLink(customer) from exc
    except signing.BadSignature as exc:
        raise InvalidLink("bad signature") from exc
    customer = _customer(pk)
    if not customer.active:
        raise InvalidLink("customer is not active")
    return customer
