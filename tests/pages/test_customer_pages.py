"""The customer pages: search, detail with order history, CSV import, all orders."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from customers.models import Customer, Order
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_as(role: str) -> Client:
    user = User.objects.create_user(username=f"{role}-user", password="x")
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def business() -> Client:
    return client_as("business")


@pytest.fixture
def viewer() -> Client:
    return client_as("viewer")


@pytest.fixture
def customers():
    cafes = CustomerGroupFactory(name="Kafeer", slug="kafeer")
    shops = CustomerGroupFactory(name="Butikker", slug="butikker")
    return {
        "sol": CustomerFactory(name="Kafé Sol", email="hei@sol.example", groups=[cafes]),
        "bakeri": CustomerFactory(name="Bakeriet", email="post@bakeriet.example", groups=[shops]),
        "hansen": CustomerFactory(name="Hansen Handel", email="ola@hansen.example"),
    }


def is_fragment(html: str) -> bool:
    return "<html" not in html and "<body" not in html


def csv_file(text: str, name: str = "kunder.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


# --- List and search ------------------------------------------------------------------------


def test_customer_list_is_a_full_page_with_every_customer(business, customers):
    response = business.get(reverse("customers_staff:list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    for customer in customers.values():
        assert customer.name in html
    assert reverse("customers_staff:import") in html
    assert 'class="data responsive"' in html and 'data-label="Email"' in html


def test_customer_search_as_htmx_returns_only_the_results(business, customers):
    response = business.get(reverse("customers_staff:list"), {"q": "bakeri"}, **HTMX)

    html = response.content.decode()
    assert is_fragment(html)
    assert html.strip().startswith('<div id="customer-results"')
    assert "Bakeriet" in html
    assert "Kafé Sol" not in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("sol.example", "Kafé Sol"), ("KAFEER", "Kafé Sol"), ("butikk", "Bakeriet")],
)
def test_customer_search_matches_email_and_group(business, customers, query, expected):
    html = business.get(reverse("customers_staff:list"), {"q": query}, **HTMX).content.decode()

    names = set(re.findall(r'/kunder/\d+/">([^<]+)</a>', html))
    assert names == {expected}


def test_customer_list_filters_by_group_and_status(business, customers):
    customers["hansen"].unsubscribed_at = timezone.now()
    customers["hansen"].save()

    by_group = business.get(reverse("customers_staff:list"), {"gruppe": "kafeer"}, **HTMX)
    unsubscribed = business.get(reverse("customers_staff:list"), {"status": "unsubscribed"}, **HTMX)

    assert set(re.findall(r'/kunder/\d+/">([^<]+)</a>', by_group.content.decode())) == {"Kafé Sol"}
    assert set(re.findall(r'/kunder/\d+/">([^<]+)</a>', unsubscribed.content.decode())) == {
        "Hansen Handel"
    }


def test_customer_list_shows_order_count_and_last_order_in_the_readers_format(business, customers):
    when = timezone.make_aware(timezone.datetime(2024, 3, 5, 12, 0))
    OrderFactory(customer=customers["sol"], created_at=when)
    OrderFactory(customer=customers["sol"], created_at=when - timedelta(days=10))

    html = business.get(reverse("customers_staff:list"), {"q": "Sol"}).content.decode()
    norwegian = business.get(
        reverse("customers_staff:list"), {"q": "Sol"}, HTTP_ACCEPT_LANGUAGE="nb"
    ).content.decode()

    assert "5 Mar 2024" in html and "05.03.2024" not in html  # English: never 03/05/2024
    assert "05.03.2024" in norwegian
    assert re.search(r'data-label="Orders">2<', html)


def test_viewer_sees_customers_but_no_import_button(viewer, customers):
    html = viewer.get(reverse("customers_staff:list")).content.decode()

    assert "Kafé Sol" in html
    assert reverse("customers_staff:import") not in html


def test_customer_list_needs_a_login():
    response = Client().get(reverse("customers_staff:list"))

    assert response.status_code == 302


# --- Detail ---------------------------------------------------------------------------------


def test_customer_detail_lists_orders_newest_first(business, customers):
    customer = customers["sol"]
    now = timezone.now()
    old = OrderFactory(customer=customer, created_at=now - timedelta(days=30))
    newest = OrderFactory(customer=customer, created_at=now - timedelta(hours=1))
    middle = OrderFactory(customer=customer, created_at=now - timedelta(days=3))
    OrderFactory(customer=customers["bakeri"])  # someone else's

    response = business.get(reverse("customers_staff:detail", args=[customer.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert "hei@sol.example" in html and "Kafeer" in html
    assert re.findall(r'data-order="(\d+)"', html) == [str(o.pk) for o in (newest, middle, old)]
    assert "Kaffe 1 kg" in html


def test_customer_detail_as_htmx_returns_only_the_order_history(business, customers):
    customer = customers["sol"]
    orders = [
        OrderFactory(customer=customer, created_at=timezone.now() - timedelta(days=n))
        for n in range(25)
    ]

    response = business.get(
        reverse("customers_staff:detail", args=[customer.pk]), {"side": 2}, **HTMX
    )

    html = response.content.decode()
    assert is_fragment(html)
    assert html.strip().startswith('<div id="customer-orders"')
    # Page 2 holds the five oldest.
    assert re.findall(r'data-order="(\d+)"', html) == [str(o.pk) for o in orders[20:]]


def test_customer_without_orders_says_so(business, customers):
    html = business.get(
        reverse("customers_staff:detail", args=[customers["hansen"].pk])
    ).content.decode()

    assert 'id="orders-empty"' in html


def test_unknown_customer_is_404(business):
    assert business.get(reverse("customers_staff:detail", args=[999999])).status_code == 404


def test_business_user_can_unsubscribe_and_resubscribe_a_customer(business, customers):
    customer = customers["sol"]
    url = reverse("customers_staff:subscription", args=[customer.pk])

    response = business.post(url, {"action": "unsubscribe"}, **HTMX)

    html = response.content.decode()
    assert is_fragment(html)
    assert html.strip().startswith('<section class="card" id="customer-subscription"')
    customer.refresh_from_db()
    assert customer.unsubscribed_at is not None

    response = business.post(url, {"action": "resubscribe"})
    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.unsubscribed_at is None


def test_viewer_may_not_change_a_subscription(viewer, customers):
    customer = customers["sol"]

    response = viewer.post(
        reverse("customers_staff:subscription", args=[customer.pk]), {"action": "unsubscribe"}
    )
    detail = viewer.get(reverse("customers_staff:detail", args=[customer.pk])).content.decode()

    assert response.status_code == 403
    customer.refresh_from_db()
    assert customer.unsubscribed_at is None
    assert reverse("customers_staff:subscription", args=[customer.pk]) not in detail


# --- CSV import -----------------------------------------------------------------------------


def test_import_page_explains_the_columns(business):
    response = business.get(reverse("customers_staff:import"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert 'enctype="multipart/form-data"' in html
    for column in ("name", "email", "language", "groups", "external_id", "active", "phone"):
        assert f"<code>{column}</code>" in html


def test_import_of_a_bad_file_lists_every_bad_row_and_imports_nothing(business, customers):
    before = Customer.objects.count()
    bad = (
        "name,email,language,groups\n"
        "Bra kunde,bra@example.com,nb,kafeer\n"  # row 2: fine
        "Uten e-post,,nb,\n"  # row 3
        "Feil e-post,ikke-en-adresse,nb,\n"  # row 4
        "Feil språk,sprak@example.com,de,\n"  # row 5
        "Ukjent gruppe,gruppe@example.com,nb,finnes-ikke\n"  # row 6
    )

    response = business.post(reverse("customers_staff:import"), {"file": csv_file(bad)})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert 'id="import-failed"' in html
    table = re.search(r'<table class="data responsive" id="import-errors">.*?</table>', html, re.S)
    rows = re.findall(
        r'data-label="Row">(\d+)</td>\s*<td data-label="Column"><code>(\w+)</code></td>\s*'
        r'<td data-label="Problem">([^<]+)</td>',
        table.group(0),
    )
    assert {(row, column) for row, column, _message in rows} == {
        ("3", "email"),
        ("4", "email"),
        ("5", "language"),
        ("6", "groups"),
    }
    assert all(message.strip() for _row, _column, message in rows)
    assert Customer.objects.count() == before
    assert not Customer.objects.filter(email="bra@example.com").exists()


def test_import_of_a_good_file_reports_the_counts(business, customers):
    CustomerFactory(name="Gammel", email="gammel@example.com", external_id="K-1")
    good = (
        "name;email;groups;external_id\n"
        "Ny kunde;ny@example.com;kafeer;K-2\n"
        "Oppdatert;gammel@example.com;;K-1\n"
        "Tredje;tredje@example.com;butikker,kafeer;\n"
    )

    response = business.post(reverse("customers_staff:import"), {"file": csv_file(good)})

    html = response.content.decode()
    assert 'id="import-success"' in html
    assert "New customers: 2. Updated: 1." in html
    assert Customer.objects.get(external_id="K-1").name == "Oppdatert"
    assert Customer.objects.filter(email="tredje@example.com").exists()


def test_import_as_htmx_returns_only_the_result(business):
    response = business.post(
        reverse("customers_staff:import"),
        {"file": csv_file("name,email\nA,a@example.com\n")},
        **HTMX,
    )

    html = response.content.decode()
    assert is_fragment(html)
    assert html.strip().startswith('<div id="import-result"')
    assert "New customers: 1. Updated: 0." in html


def test_import_without_a_file_says_so(business):
    html = business.post(reverse("customers_staff:import"), {}, **HTMX).content.decode()

    assert 'role="alert"' in html


def test_import_example_file_downloads(business):
    response = business.get(reverse("customers_staff:import-example"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    # Every cell quoted (core.csv_export): a separator inside a value starts no new cell.
    header = '"name";"email";"language";"groups";"external_id";"active";"phone"'
    assert header in response.content.decode()


def test_viewer_may_not_import(viewer):
    assert viewer.get(reverse("customers_staff:import")).status_code == 403
    response = viewer.post(
        reverse("customers_staff:import"), {"file": csv_file("name,email\nA,a@example.com\n")}
    )
    assert response.status_code == 403
    assert not Customer.objects.filter(email="a@example.com").exists()


@pytest.mark.parametrize("role", ["developer", "staff"])
def test_higher_roles_may_import(role):
    client = client_as(role)

    response = client.post(
        reverse("customers_staff:import"), {"file": csv_file("name,email\nA,a@example.com\n")}
    )

    assert response.status_code == 200
    assert Customer.objects.filter(email="a@example.com").exists()


# --- All orders -----------------------------------------------------------------------------


def test_order_list_shows_orders_newest_first_with_their_customer(viewer, customers):
    old = OrderFactory(customer=customers["sol"], created_at=timezone.now() - timedelta(days=2))
    new = OrderFactory(customer=customers["bakeri"], status=Order.Status.DELIVERED)

    response = viewer.get(reverse("customers_staff:orders"))

    html = response.content.decode()
    assert "<html" in html
    assert re.findall(r'data-order="(\d+)"', html) == [str(new.pk), str(old.pk)]
    assert reverse("customers_staff:detail", args=[customers["sol"].pk]) in html


def test_order_list_search_as_htmx_returns_only_the_results(viewer, customers):
    sol = OrderFactory(customer=customers["sol"])
    OrderFactory(customer=customers["bakeri"], status=Order.Status.CANCELLED)

    response = viewer.get(
        reverse("customers_staff:orders"), {"q": "sol", "status": "placed"}, **HTMX
    )

    html = response.content.decode()
    assert is_fragment(html)
    assert html.strip().startswith('<div id="order-results"')
    assert re.findall(r'data-order="(\d+)"', html) == [str(sol.pk)]
