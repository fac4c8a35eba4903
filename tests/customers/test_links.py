"""Signed links: unsubscribe (never expires) and the order form (expires), and their pages."""

from __future__ import annotations

import time
from unittest import mock

import pytest
from django.test import Client

from customers import links
from customers.models import Customer
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


def path_of(url: str) -> str:
    return url.removeprefix("http://127.0.0.1:8000")


def tampered(token: str) -> str:
    # Change the customer id, keep the signature: the classic forged link.
    value, _sep, rest = token.partition(":")
    other = str(int(value.split("-")[0]) + 1) + value[len(value.split("-")[0]) :]
    return f"{other}:{rest}"


# --- The signing functions ------------------------------------------------------------------


def test_unsubscribe_token_round_trips_and_never_expires():
    customer = CustomerFactory()
    with mock.patch("time.time", return_value=time.time() - 5 * 365 * 86400):
        token = links.unsubscribe_token(customer)
    assert links.unsubscribe_verify(token) == customer


@pytest.mark.parametrize(
    "mangle",
    [
        tampered,
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token.split(":")[0],
        lambda token: "",
    ],
    ids=["other-customer", "bad-signature", "no-signature", "empty"],
)
def test_tampered_unsubscribe_tokens_are_refused(mangle):
    token = links.unsubscribe_token(CustomerFactory())
    CustomerFactory()  # so that "the next id" exists
    with pytest.raises(links.InvalidLink):
        links.unsubscribe_verify(mangle(token))


def test_tokens_for_one_purpose_do_not_work_for_the_other():
    customer = CustomerFactory()
    with pytest.raises(links.InvalidLink):
        links.unsubscribe_verify(links.order_form_token(customer))
    with pytest.raises(links.InvalidLink):
        links.order_form_verify(links.unsubscribe_token(customer))


def test_order_form_token_is_valid_within_its_lifetime():
    customer = CustomerFactory()
    with mock.patch("time.time", return_value=time.time() - 13 * 86400):
        token = links.order_form_token(customer)
    assert links.order_form_verify(token) == customer


def test_order_form_token_expires_and_says_whose_it_was():
    customer = CustomerFactory()
    with mock.patch("time.time", return_value=time.time() - 15 * 86400):
        token = links.order_form_token(customer)
    with pytest.raises(links.ExpiredLink) as info:
        links.order_form_verify(token)
    assert info.value.customer == customer


def test_order_form_lifetime_is_signed_into_the_token():
    customer = CustomerFactory()
    with mock.patch("time.time", return_value=time.time() - 3 * 86400):
        token = links.order_form_token(customer, max_age_days=2)
    with pytest.raises(links.ExpiredLink):
        links.order_form_verify(token)
    # Stretching the lifetime by editing the token breaks the signature.
    _value, _sep, rest = token.partition(":")
    with pytest.raises(links.InvalidLink):
        links.order_form_verify(f"{customer.pk}-90:{rest}")


def test_tampered_order_form_token_is_refused():
    token = links.order_form_token(CustomerFactory())
    CustomerFactory()
    with pytest.raises(links.InvalidLink) as info:
        links.order_form_verify(tampered(token))
    assert not isinstance(info.value, links.ExpiredLink)


# --- The unsubscribe page -------------------------------------------------------------------


def test_unsubscribe_get_asks_for_confirmation_and_changes_nothing():
    customer = CustomerFactory(language=Customer.Language.NB)
    response = Client().get(path_of(links.unsubscribe_url(customer)))
    assert response.status_code == 200
    assert response["Content-Language"] == "nb"
    assert "Vil du melde deg av" in response.content.decode()
    assert '<html lang="nb">' in response.content.decode()
    customer.refresh_from_db()
    assert customer.unsubscribed_at is None


def test_unsubscribe_page_is_in_english_for_an_english_customer():
    customer = CustomerFactory(language=Customer.Language.EN)
    # The browser asks for Norwegian; the email was in English, so the page is too.
    response = Client(HTTP_ACCEPT_LANGUAGE="nb").get(path_of(links.unsubscribe_url(customer)))
    body = response.content.decode()
    assert response["Content-Language"] == "en"
    assert "Unsubscribe from our emails?" in body
    assert "Yes, unsubscribe me" in body
    assert '<html lang="en">' in body


def test_unsubscribe_form_post_unsubscribes_and_resubscribe_undoes_it():
    customer = CustomerFactory()
    client = Client(enforce_csrf_checks=True)
    url = path_of(links.unsubscribe_url(customer))
    response = client.post(url, {"action": "unsubscribe"})
    assert response.status_code == 200
    customer.refresh_from_db()
    assert customer.unsubscribed_at is not None
    assert "Meld meg på igjen" in response.content.decode()

    response = client.post(url, {"action": "resubscribe"})
    customer.refresh_from_db()
    assert customer.unsubscribed_at is None
    assert response.status_code == 200


def test_one_click_post_unsubscribes_without_csrf_token():
    customer = CustomerFactory()
    response = Client(enforce_csrf_checks=True).post(
        path_of(links.unsubscribe_url(customer)),
        data=ONE_CLICK,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    customer.refresh_from_db()
    assert customer.unsubscribed_at is not None


def test_one_click_post_as_multipart_also_works():
    # RFC 8058 allows multipart/form-data bodies as well.
    customer = CustomerFactory()
    response = Client(enforce_csrf_checks=True).post(
        path_of(links.unsubscribe_url(customer)), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    customer.refresh_from_db()
    assert customer.unsubscribed_at is not None


def test_unsubscribing_twice_keeps_the_first_date():
    customer = CustomerFactory()
    url = path_of(links.unsubscribe_url(customer))
    client = Client()
    client.post(url, data=ONE_CLICK, content_type="application/x-www-form-urlencoded")
    customer.refresh_from_db()
    first = customer.unsubscribed_at
    client.post(url, data=ONE_CLICK, content_type="application/x-www-form-urlencoded")
    customer.refresh_from_db()
    assert customer.unsubscribed_at == first


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_unsubscribe_link_gets_a_friendly_400(method):
    customer = CustomerFactory()
    victim = CustomerFactory()
    token = links.unsubscribe_token(customer)
    forged = f"{victim.pk}:{token.partition(':')[2]}"
    response = getattr(Client(), method)(f"/k/avmeld/{forged}/", {"action": "unsubscribe"})
    assert response.status_code == 400
    assert "Lenken er ikke gyldig" in response.content.decode()
    victim.refresh_from_db()
    assert victim.unsubscribed_at is None


def test_sample_link_from_a_preview_explains_itself():
    response = Client().get(path_of(links.sample_unsubscribe_url()))
    assert response.status_code == 400
    assert "eksempel" in response.content.decode().lower()


def test_expired_order_link_gets_a_friendly_403_in_the_customers_language():
    customer = CustomerFactory(language=Customer.Language.EN)
    with mock.patch("time.time", return_value=time.time() - 30 * 86400):
        url = links.order_form_url(customer)
    response = Client().get(path_of(url))
    assert response.status_code == 403
    assert "This link has expired" in response.content.decode()


def test_tampered_order_link_gets_a_friendly_400():
    token = links.order_form_token(CustomerFactory())
    response = Client().get(f"/k/bestill/{token}x/")
    assert response.status_code == 400
    assert "ikke gyldig" in response.content.decode()


# --- Links of a customer deleted since ------------------------------------------------------

GONE = "Denne kunden finnes ikke lenger"
CUT_OFF = "kuttet"  # "Lenken kan være kuttet av eller endret": only for a bad signature


def test_a_deleted_customers_tokens_say_the_customer_is_gone():
    customer = CustomerFactory()
    unsubscribe, order = links.unsubscribe_token(customer), links.order_form_token(customer)
    with mock.patch("time.time", return_value=time.time() - 30 * 86400):
        expired = links.order_form_token(customer)
    customer.delete()

    for verify, token in [
        (links.unsubscribe_verify, unsubscribe),
        (links.order_form_verify, order),
        (links.order_form_verify, expired),
    ]:
        with pytest.raises(links.CustomerGone):
            verify(token)


@pytest.mark.parametrize(
    ("method", "data"),
    [
        ("get", None),
        ("post", {"action": "unsubscribe"}),
        ("post", {"List-Unsubscribe": "One-Click"}),
    ],
    ids=["page", "button", "one-click"],
)
def test_a_deleted_customers_unsubscribe_link_answers_410(method, data):
    customer = CustomerFactory()
    url = path_of(links.unsubscribe_url(customer))
    customer.delete()

    response = getattr(Client(HTTP_ACCEPT_LANGUAGE="nb"), method)(url, data)

    assert response.status_code == 410
    text = response.content.decode()
    assert GONE in text
    assert CUT_OFF not in text
    assert not Customer.objects.exists()


@pytest.mark.parametrize("age_days", [0, 30], ids=["fresh", "expired"])
def test_a_deleted_customers_order_link_answers_410(age_days):
    customer = CustomerFactory()
    with mock.patch("time.time", return_value=time.time() - age_days * 86400):
        url = path_of(links.order_form_url(customer))
    customer.delete()

    response = Client(HTTP_ACCEPT_LANGUAGE="nb").get(url)

    assert response.status_code == 410
    assert GONE in response.content.decode()
    assert CUT_OFF not in response.content.decode()


def test_the_gone_page_speaks_english_to_an_english_browser():
    customer = CustomerFactory()
    url = path_of(links.order_form_url(customer))
    customer.delete()

    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(url)

    assert response.status_code == 410
    assert "This customer no longer exists" in response.content.decode()


def test_a_bad_signature_still_says_the_link_may_be_cut_off():
    token = links.unsubscribe_token(CustomerFactory())

    response = Client(HTTP_ACCEPT_LANGUAGE="nb").get(f"/k/avmeld/{token[:-3]}/")

    assert response.status_code == 400
    assert CUT_OFF in response.content.decode()
    assert GONE not in response.content.decode()


def test_a_deleted_customers_receipt_link_answers_410():
    customer = CustomerFactory()
    token = links.order_form_token(customer)
    customer_id = customer.pk
    customer.delete()

    response = Client(HTTP_ACCEPT_LANGUAGE="nb").get(f"/k/bestill/{token}/takk/{customer_id}/")

    assert response.status_code == 410
    assert GONE in response.content.decode()
