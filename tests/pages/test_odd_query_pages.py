"""A NUL character in a page's search or filter (issue 25, 3): the page, without that filter,
with a message saying why; never a 500. One middleware does it for every page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from core.query_guard import NUL
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
MESSAGE_EN = "cannot be searched for"
MESSAGE_NB = "det ikke kan søkes etter"


def client_as(role: str, language: str = "en") -> Client:
    user = User.objects.create_user(username=f"{role}-user", password="x")
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


@pytest.fixture
def data() -> None:
    group = CustomerGroupFactory(name="Kafeer", slug="kafeer")
    customer = CustomerFactory(name="Kafé Sol", email="hei@sol.example", groups=[group])
    OrderFactory(customer=customer)
    EmailTemplateFactory(name="Ukentlig påminnelse", category="reminder")


PAGE_FILTERS = [
    ("/kunder/", "q", "Kafé Sol"),
    ("/kunder/", "gruppe", "Kafé Sol"),
    ("/maler/", "q", "Ukentlig påminnelse"),
    ("/maler/", "kategori", "Ukentlig påminnelse"),
    ("/kunder/ordre/", "q", "Kafé Sol"),
]


@pytest.mark.parametrize(("path", "name", "shown"), PAGE_FILTERS)
def test_a_nul_in_a_page_filter_shows_the_unfiltered_page_with_a_message(
    data: None, path: str, name: str, shown: str
) -> None:
    response = client_as("viewer").get(path, {name: f"kafe{NUL}"})

    html = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE_EN in html
    assert shown in html  # the filter was dropped, not applied
    assert NUL not in html


@pytest.mark.parametrize(("path", "name", "shown"), PAGE_FILTERS)
def test_a_nul_in_an_htmx_search_answers_the_fragment(
    data: None, path: str, name: str, shown: str
) -> None:
    response = client_as("viewer").get(path, {name: NUL}, **HTMX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and shown in html


def test_the_message_is_norwegian_first(data: None) -> None:
    html = client_as("viewer", "nb").get("/kunder/", {"q": NUL}).content.decode()

    assert MESSAGE_NB in html


def test_the_other_filters_still_apply(data: None) -> None:
    CustomerFactory(name="Bakeriet", email="post@bakeriet.example")

    html = client_as("viewer").get("/kunder/", {"q": NUL, "gruppe": "kafeer"}).content.decode()

    assert "Kafé Sol" in html and "Bakeriet" not in html


def test_the_admin_search_is_covered_too(admin_client: Client, data: None) -> None:
    response = admin_client.get("/admin/customers/customer/", {"q": NUL})

    assert response.status_code == 200
    assert "Kafé Sol" in response.content.decode()


@pytest.mark.parametrize("query", ["²", "9" * 5000, "٣"])
def test_odd_digits_in_the_order_search_are_no_server_error(data: None, query: str) -> None:
    response = client_as("viewer").get("/kunder/ordre/", {"q": query})

    assert response.status_code == 200
