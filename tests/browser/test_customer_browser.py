"""The customer pages in Chromium: search as you type, order history, CSV import, phone size."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from customers.models import Customer, Order
from tests.browser.conftest import screenshot
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shop_data() -> dict[str, Customer]:
    cafes = CustomerGroupFactory(name="Kafeer", slug="kafeer")
    shops = CustomerGroupFactory(name="Butikker", slug="butikker")
    sol = CustomerFactory(
        name="Kafé Solsiden", email="hei@solsiden.example", phone="+47 22 33 44 55", groups=[cafes]
    )
    bakery = CustomerFactory(
        name="Bakeriet på hjørnet", email="post@bakeriet.example", groups=[shops, cafes]
    )
    harbour = CustomerFactory(
        name="Harbour Restaurant",
        email="orders@harbour.example",
        language=Customer.Language.EN,
        unsubscribed_at=timezone.now(),
    )
    now = timezone.now()
    OrderFactory(customer=sol, created_at=now - timedelta(days=40), status=Order.Status.DELIVERED)
    OrderFactory(
        customer=sol,
        created_at=now - timedelta(days=5),
        status=Order.Status.CONFIRMED,
        lines=[
            {"sku": "KAFFE-1", "name": "Kaffe 1 kg", "quantity": 4},
            {"sku": "TE-2", "name": "Grønn te", "quantity": 1},
        ],
    )
    OrderFactory(customer=sol, created_at=now - timedelta(hours=3), note="Levér bakdøren")
    OrderFactory(customer=bakery, created_at=now - timedelta(days=1))
    return {"sol": sol, "bakery": bakery, "harbour": harbour}


def customer_names(page) -> list[str]:
    return page.locator("#customer-table tbody td:first-child a").all_inner_texts()


def test_search_customers_by_typing_and_open_the_order_history(page_as, shop_data):
    page = page_as("business")
    page.goto(f"{page.live_server_url}/kunder/")
    assert len(customer_names(page)) == 3
    screenshot(page, "customer-list")

    page.locator("#customer-q").press_sequentially("kafe", delay=50)
    page.wait_for_function(
        "() => document.querySelectorAll('#customer-table tbody tr').length === 2"
    )
    assert sorted(customer_names(page)) == ["Bakeriet på hjørnet", "Kafé Solsiden"]
    assert "q=kafe" in page.url  # the search is in the address, so it can be shared and reloaded

    page.locator("#customer-q").fill("solsiden")
    page.wait_for_function(
        "() => document.querySelectorAll('#customer-table tbody tr').length === 1"
    )
    screenshot(page, "customer-search")
    page.get_by_role("link", name="Kafé Solsiden").click()
    page.wait_for_selector("#customer-orders")
    order_dates = page.locator("#customer-orders tbody time").all_inner_texts()
    assert len(order_dates) == 3
    assert page.locator("#customer-orders tbody tr").first.get_attribute("data-order") == str(
        shop_data["sol"].orders.order_by("-created_at").first().pk
    )
    screenshot(page, "customer-detail")

    page.locator("#customer-subscription button[value=unsubscribe]").click()
    page.wait_for_selector("#customer-subscription .message.success")
    shop_data["sol"].refresh_from_db()
    assert shop_data["sol"].unsubscribed_at is not None


def test_customer_list_and_detail_on_a_phone(page_as, shop_data):
    page = page_as("viewer", viewport=(390, 844))
    page.goto(f"{page.live_server_url}/kunder/")
    # The table turns into labelled blocks; nothing scrolls sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.locator("#customer-table thead").is_hidden()
    screenshot(page, "customer-list-phone")
    page.goto(f"{page.live_server_url}/kunder/{shop_data['sol'].pk}/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    screenshot(page, "customer-detail-phone")


def test_import_a_bad_file_then_a_good_one(page_as, shop_data, tmp_path):
    bad = tmp_path / "kunder-feil.csv"
    bad.write_text(
        "name;email;language;groups\n"
        "Bra kunde;bra@example.com;nb;kafeer\n"
        "Uten e-post;;nb;\n"
        "Feil språk;sprak@example.com;de;\n"
        "Ukjent gruppe;gruppe@example.com;nb;finnes-ikke\n",
        encoding="utf-8",
    )
    good = tmp_path / "kunder.csv"
    good.write_text(
        "name;email;groups;external_id\n"
        "Ny kafé;ny@kafe.example;kafeer;K-10\n"
        "Ny butikk;ny@butikk.example;butikker;K-11\n",
        encoding="utf-8",
    )
    page = page_as("business")
    page.goto(f"{page.live_server_url}/kunder/")
    page.locator(".page-head a.button.primary").click()
    page.wait_for_selector("#import-form")
    screenshot(page, "customer-import")

    page.set_input_files("#id_file", str(bad))
    page.locator("#import-form button[type=submit]").click()
    page.wait_for_selector("#import-errors")
    rows = page.locator("#import-errors tbody tr td:first-child").all_inner_texts()
    assert rows == ["3", "4", "5"]
    assert not Customer.objects.filter(email="bra@example.com").exists()
    screenshot(page, "customer-import-errors")

    page.set_input_files("#id_file", str(good))
    page.locator("#import-form button[type=submit]").click()
    page.wait_for_selector("#import-success")
    assert "2" in page.locator("#import-success").inner_text()
    assert Customer.objects.filter(external_id__in=["K-10", "K-11"]).count() == 2
    screenshot(page, "customer-import-done")


def test_all_orders_page(page_as, shop_data):
    page = page_as("viewer")
    page.goto(f"{page.live_server_url}/kunder/ordre/")
    assert page.locator("#order-results tbody tr").count() == 4
    page.select_option("#order-status", "delivered")
    page.wait_for_function(
        "() => document.querySelectorAll('#order-results tbody tr').length === 1"
    )
    page.select_option("#order-status", "")
    page.wait_for_function(
        "() => document.querySelectorAll('#order-results tbody tr').length === 4"
    )
    screenshot(page, "order-list")
