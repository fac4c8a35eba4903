"""The customers admin end to end through the test client: CSV import, adding through the
services (so events fire), and the subscription actions."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from customers.models import Customer, Order
from customers.services import customer_import_csv
from tests.customers.factories import CustomerFactory, CustomerGroupFactory

IMPORT_URL = "admin:customers_customer_import"
EXAMPLE_URL = "admin:customers_customer_import_example"
CHANGELIST_URL = "admin:customers_customer_changelist"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def upload(client, text: str, *, name: str = "kunder.csv", encoding: str = "utf-8-sig"):
    file = io.BytesIO(text.encode(encoding))
    file.name = name
    return client.post(reverse(IMPORT_URL), {"file": file})


@pytest.mark.django_db
def test_customer_changelist_has_an_import_button(admin_client):
    response = admin_client.get(reverse(CHANGELIST_URL))

    assert reverse(IMPORT_URL).encode() in response.content


@pytest.mark.django_db
def test_import_page_explains_the_format_and_offers_an_example(admin_client):
    response = admin_client.get(reverse(IMPORT_URL))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert reverse(EXAMPLE_URL) in content
    for column in ("name", "email", "language", "groups", "external_id", "active", "phone"):
        assert f"<code>{column}</code>" in content


@pytest.mark.django_db
def test_example_file_is_a_csv_that_imports_as_it_is(admin_client):
    CustomerGroupFactory(name="Butikker", slug="butikker")
    CustomerGroupFactory(name="Kafeer", slug="kafeer")

    response = admin_client.get(reverse(EXAMPLE_URL))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    report = customer_import_csv(file=io.BytesIO(response.content))
    assert report.ok, report.errors
    assert report.created == 3


@pytest.mark.django_db
def test_uploading_a_good_file_imports_and_reports_the_counts(admin_client):
    CustomerGroupFactory(name="Butikker", slug="butikker")
    CustomerFactory(external_id="K-1")
    # The message is translated when it is made; English keeps the test independent of nb.
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    response = upload(
        admin_client,
        "name;email;groups;external_id\r\n"
        "Oppdatert;oppdatert@example.com;butikker;K-1\r\n"
        "Ny kunde;ny@example.com;butikker;K-2\r\n"
        "Enda en;enda@example.com;;\r\n",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(CHANGELIST_URL)
    assert Customer.objects.count() == 3
    page = admin_client.get(response["Location"])
    messages = [str(m) for m in page.context["messages"]]
    assert messages == ["Import finished. New customers: 2, updated: 1."]


@pytest.mark.django_db
def test_uploading_a_bad_file_shows_every_problem_and_imports_nothing(admin_client):
    CustomerGroupFactory(name="Butikker", slug="butikker")
    before = Customer.objects.count()

    response = upload(
        admin_client,
        "name,email,language,groups\n"
        "Grei,grei@example.com,nb,butikker\n"
        "Mangler e-post,,nb,\n"
        "Ugyldig,ikke-epost,nb,\n"
        "Ukjent gruppe,g@example.com,nb,grossister\n"
        "Feil språk,s@example.com,sv,\n"
        "Dobbel,grei@example.com,nb,\n",
    )

    assert response.status_code == 200
    assert Customer.objects.count() == before
    report = response.context["report"]
    assert {(p.row, p.field) for p in report.errors} == {
        (3, "email"),
        (4, "email"),
        (5, "groups"),
        (6, "language"),
        (7, "email"),
    }
    table = response.content.decode().split('id="import-errors"', 1)[1]
    for row, field in [(3, "email"), (5, "groups"), (6, "language")]:
        assert f"<td>{row}</td>" in table
        assert f"<td>{field}</td>" in table
    assert "grossister" in table


@pytest.mark.django_db
def test_submitting_without_a_file_shows_a_form_error(admin_client):
    response = admin_client.post(reverse(IMPORT_URL), {})

    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@pytest.mark.django_db
def test_staff_without_add_permission_cannot_import(client):
    clerk = User.objects.create_user("clerk", password="x", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_customer"))
    client.force_login(clerk)

    assert client.get(reverse(IMPORT_URL)).status_code == 403
    assert reverse(IMPORT_URL).encode() not in client.get(reverse(CHANGELIST_URL)).content


@pytest.mark.django_db
def test_import_page_needs_a_staff_login(client):
    response = client.get(reverse(IMPORT_URL))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.django_db
def test_adding_a_customer_in_the_admin_goes_through_the_service(
    admin_client, received_events, django_capture_on_commit_callbacks
):
    group = CustomerGroupFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:customers_customer_add"),
            {
                "name": "Ny fra admin",
                "email": "admin@example.com",
                "phone": "",
                "language": "nb",
                "active": "on",
                "groups": [group.pk],
                "external_id": "",
                "suppressed_at_0": "",
                "suppressed_at_1": "",
                "suppression_reason": "",
            },
        )

    assert response.status_code == 302, response.context["adminform"].form.errors
    customer = Customer.objects.get(email="admin@example.com")
    assert list(customer.groups.all()) == [group]
    assert received_events == [
        (
            "customer.created",
            {"customer_id": customer.pk, "event_id": f"customer.created:{customer.pk}"},
        )
    ]


@pytest.mark.django_db
def test_changing_a_customer_in_the_admin_saves_every_field(admin_client):
    customer = CustomerFactory(name="Før")

    response = admin_client.post(
        reverse("admin:customers_customer_change", args=[customer.pk]),
        {
            "name": "Etter",
            "email": customer.email,
            "phone": "12345678",
            "language": "en",
            "groups": [],
            "external_id": "K-77",
            "suppressed_at_0": "2026-01-05",
            "suppressed_at_1": "10:00:00",
            "suppression_reason": "hard bounce",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    customer.refresh_from_db()
    assert (customer.name, customer.language, customer.active) == ("Etter", "en", False)
    assert customer.external_id == "K-77"
    assert customer.suppression_reason == "hard bounce"
    assert customer.suppressed_at is not None


@pytest.mark.django_db
def test_adding_an_order_in_the_admin_publishes_order_created(
    admin_client, received_events, django_capture_on_commit_callbacks
):
    customer = CustomerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:customers_order_add"),
            {
                "customer": customer.pk,
                "created_at_0": "2026-03-02",
                "created_at_1": "09:00:00",
                "status": "placed",
                "source": "admin",
                "lines": '[{"sku": "KAFFE-1", "quantity": 3}]',
                "note": "",
                "external_id": "",
            },
        )

    assert response.status_code == 302, response.context["adminform"].form.errors
    order = Order.objects.get()
    assert order.lines == [{"sku": "KAFFE-1", "quantity": 3}]
    assert [event for event, _payload in received_events] == ["order.created"]


@pytest.mark.django_db
def test_an_order_with_bad_lines_is_refused_by_the_admin_form(admin_client):
    customer = CustomerFactory()

    response = admin_client.post(
        reverse("admin:customers_order_add"),
        {
            "customer": customer.pk,
            "created_at_0": "2026-03-02",
            "created_at_1": "09:00:00",
            "status": "placed",
            "source": "admin",
            "lines": '[{"sku": "KAFFE-1", "quantity": 0}]',
        },
    )

    assert response.status_code == 200
    assert "lines" in response.context["adminform"].form.errors
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_admin_actions_unsubscribe_and_resubscribe(admin_client):
    first, second = CustomerFactory(), CustomerFactory()
    url = reverse(CHANGELIST_URL)

    admin_client.post(
        url, {"action": "mark_unsubscribed", "_selected_action": [first.pk, second.pk]}
    )
    assert Customer.objects.filter(unsubscribed_at__isnull=False).count() == 2

    admin_client.post(url, {"action": "resubscribe", "_selected_action": [first.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_subscribed
    assert not second.is_subscribed


@pytest.mark.django_db
def test_customer_list_filters_by_subscription_and_suppression(admin_client):
    CustomerFactory(name="Kunde Q7-abonnent")
    CustomerFactory(name="Kunde Q7-avmeldt", unsubscribed_at="2026-01-01T00:00Z")
    url = reverse(CHANGELIST_URL)

    unsubscribed = admin_client.get(url, {"unsubscribed": "yes"}).content.decode()
    suppressed = admin_client.get(url, {"suppressed": "yes"}).content.decode()

    assert "Kunde Q7-avmeldt" in unsubscribed and "Kunde Q7-abonnent" not in unsubscribed
    assert "Kunde Q7-avmeldt" not in suppressed and "Kunde Q7-abonnent" not in suppressed
