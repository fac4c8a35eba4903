"""The order form behind bestilling_link: orders through the service, exactly once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from customers import events, links
from customers.catalogue import CATALOGUE
from customers.models import Customer, Order
from tests.customers.factories import CustomerFactory, OrderFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def path_of(url: str) -> str:
    return url.removeprefix("http://127.0.0.1:8000")


def form_nonce(html: str) -> str:
    match = re.search(r'name="nonce" value="([0-9a-f]{32})"', html)
    assert match, "the form carries a nonce"
    return match.group(1)


@pytest.fixture
def customer(db) -> Customer:
    return CustomerFactory(name="Kafé Fjord", language=Customer.Language.NB)


@pytest.mark.django_db
def test_form_lists_the_catalogue_in_the_customers_language(customer):
    response = Client().get(path_of(links.order_form_url(customer)))
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "nb"
    assert "Bestillingsskjema" in html and "Send bestillingen" in html
    for product in CATALOGUE:
        assert product.name in html
        assert f'name="qty_{product.sku}"' in html
    assert 'name="viewport"' in html
    assert "/admin/" not in html  # the public base has no staff links


@pytest.mark.django_db
def test_form_in_english_for_an_english_customer():
    customer = CustomerFactory(language=Customer.Language.EN)
    html = Client().get(path_of(links.order_form_url(customer))).content.decode()
    assert "Order form" in html and "Send order" in html
    assert "Coffee, whole beans" in html


@pytest.mark.django_db(transaction=True)
def test_submit_creates_the_order_through_the_service(customer, received_events):
    client = Client(enforce_csrf_checks=True)
    url = path_of(links.order_form_url(customer))
    page = client.get(url)
    data = {
        "csrfmiddlewaretoken": page.context["csrf_token"],
        "nonce": form_nonce(page.content.decode()),
        "qty_KAF-1000": "3",
        "qty_SRV-0033": "1",
        "qty_MLK-1000": "",
        "note": "Levering bakdøren",
    }
    response = client.post(url, data)
    assert response.status_code == 303
    order = Order.objects.get(customer=customer)
    assert response["Location"].endswith(f"/takk/{order.pk}/")
    assert order.source == Order.Source.ORDER_FORM
    assert order.note == "Levering bakdøren"
    assert order.lines == [
        {"sku": "KAF-1000", "name": "Kaffe, hele bønner", "quantity": 3},
        {"sku": "SRV-0033", "name": "Servietter, hvite", "quantity": 1},
    ]
    # order_create published order.created: that is what starts the confirmation workflow.
    assert (events.ORDER_CREATED, order.pk) in [
        (kind, payload.get("order_id")) for kind, payload in received_events
    ]
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert f"<strong>{order.pk}</strong>" in thanks.content.decode()


@pytest.mark.django_db(transaction=True)
def test_double_submit_creates_one_order(customer):
    client = Client()
    url = path_of(links.order_form_url(customer))
    nonce = form_nonce(client.get(url).content.decode())
    data = {"nonce": nonce, "qty_TE-0100": "2"}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Order.objects.filter(customer=customer).count() == 1
    # A fresh view of the form is a new order.
    nonce2 = form_nonce(client.get(url).content.decode())
    client.post(url, {"nonce": nonce2, "qty_TE-0100": "1"})
    assert Order.objects.filter(customer=customer).count() == 2


@pytest.mark.django_db(transaction=True)
def test_simultaneous_double_submit_creates_one_order(customer):
    """Two requests in flight at once (a fast double tap): the unique key decides."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from django.db import connection

    url = path_of(links.order_form_url(customer))
    data = {"nonce": form_nonce(Client().get(url).content.decode()), "qty_TE-0100": "2"}
    barrier = Barrier(2)

    def submit(_index: int) -> int:
        try:
            barrier.wait(timeout=10)
            return Client().post(url, data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = list(pool.map(submit, range(2)))
    assert statuses == [303, 303]
    assert Order.objects.filter(customer=customer).count() == 1


@pytest.mark.django_db
def test_empty_order_is_refused_with_a_message(customer):
    client = Client()
    url = path_of(links.order_form_url(customer))
    nonce = form_nonce(client.get(url).content.decode())
    response = client.post(url, {"nonce": nonce, "qty_TE-0100": "0"})
    assert response.status_code == 200
    assert "Velg minst én vare" in response.content.decode()
    assert not Order.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("quantity", ["-1", "abc", "1000", "2.5"])
def test_invalid_quantities_are_refused(customer, quantity):
    client = Client()
    url = path_of(links.order_form_url(customer))
    nonce = form_nonce(client.get(url).content.decode())
    response = client.post(url, {"nonce": nonce, "qty_TE-0100": quantity, "qty_KAF-1000": "1"})
    assert response.status_code == 200
    assert 'class="pub-field-error"' in response.content.decode()
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_forged_nonce_cannot_reach_another_customers_order(customer):
    other = CustomerFactory()
    OrderFactory(customer=other, external_id=f"order-form:{other.pk}:{'a' * 32}")
    client = Client()
    url = path_of(links.order_form_url(customer))
    response = client.post(url, {"nonce": "a" * 32, "qty_TE-0100": "1"})
    # Keys are per customer: this is a new order for this customer, not the other's.
    assert response.status_code == 303
    assert Order.objects.filter(customer=customer).count() == 1


@pytest.mark.django_db
def test_thank_you_page_shows_only_the_customers_own_orders(customer):
    other_order = OrderFactory(customer=CustomerFactory())
    token = links.order_form_token(customer)
    response = Client().get(f"/k/bestill/{token}/takk/{other_order.pk}/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_inactive_customer_cannot_order(customer):
    url = path_of(links.order_form_url(customer))
    Customer.objects.filter(pk=customer.pk).update(active=False)
    assert Client().get(url).status_code == 400


# --- In a real browser ----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_order_form_in_chromium_on_a_phone(live_server, browser):
    customer = CustomerFactory(name="Kafé Fjord", language=Customer.Language.NB)
    url = live_server.url + path_of(links.order_form_url(customer))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # The session's one Chromium (tests/browser/conftest.py): Playwright's sync API allows
    # one running instance per thread.
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="nb-NO",
    )
    try:
        page = context.new_page()
        page.goto(url)
        assert page.locator("h1").inner_text() == "Bestillingsskjema"
        # Nothing sticks out sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.get_by_label("Kaffe, hele bønner").fill("4")
        page.get_by_label("Pappkrus 30 cl").fill("2")
        page.get_by_label("Melding til oss (valgfritt)").fill("Ring på ved ankomst")
        page.screenshot(path=str(SCREENSHOTS / "order-form.png"), full_page=True)
        page.get_by_role("button", name="Send bestillingen").click()
        page.wait_for_url("**/takk/**")
        assert "Takk for bestillingen" in page.locator("h1").inner_text()
        page.screenshot(path=str(SCREENSHOTS / "order-thanks.png"), full_page=True)
        # The unsubscribe page from the same email, for a look at the shared public base.
        page.goto(live_server.url + path_of(links.unsubscribe_url(customer)))
        page.screenshot(path=str(SCREENSHOTS / "unsubscribe.png"), full_page=True)
        page.get_by_role("button", name="Ja, meld meg av").click()
        page.wait_for_load_state()
        assert "Du er meldt av" in page.locator("h1").inner_text()
    finally:
        context.close()

    order = Order.objects.get(customer=customer)
    assert order.source == Order.Source.ORDER_FORM
    assert {line["sku"]: line["quantity"] for line in order.lines} == {
        "KAF-1000": 4,
        "KRU-0030": 2,
    }
    assert order.note == "Ring på ved ankomst"
    customer.refresh_from_db()
    assert customer.unsubscribed_at is not None
