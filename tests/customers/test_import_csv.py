from __future__ import annotations

import io

import pytest

from customers.models import Customer
from customers.services import ImportProblem, customer_import_csv
from tests.customers.factories import CustomerFactory, CustomerGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups():
    return {
        "butikker": CustomerGroupFactory(name="Butikker", slug="butikker"),
        "kafeer": CustomerGroupFactory(name="Kafeer", slug="kafeer"),
    }


def import_text(text: str, *, encoding: str = "utf-8"):
    return customer_import_csv(file=io.BytesIO(text.encode(encoding)))


def problems(report) -> set[tuple[int | None, str]]:
    return {(problem.row, problem.field) for problem in report.errors}


def test_a_good_file_imports_every_customer_with_groups(groups, received_events):
    report = import_text(
        "name,email,language,groups,external_id,active,phone\n"
        "Bakeriet,post@bakeriet.example,nb,butikker,K-1,ja,+47 22 33 44 55\n"
        'Kafé Sol,hei@sol.example,en,"Kafeer, butikker",K-2,false,\n'
        "Uten gruppe,uten@example.com,,,,,\n"
    )

    assert report.ok, report.errors
    assert (report.created, report.updated) == (3, 0)
    bakeriet = Customer.objects.get(external_id="K-1")
    assert bakeriet.phone == "+47 22 33 44 55"
    assert bakeriet.active is True
    assert [g.slug for g in bakeriet.groups.all()] == ["butikker"]
    sol = Customer.objects.get(external_id="K-2")
    assert sol.language == "en"
    assert sol.active is False
    assert {g.slug for g in sol.groups.all()} == {"butikker", "kafeer"}
    plain = Customer.objects.get(email="uten@example.com")
    assert (plain.language, plain.active, plain.external_id) == ("nb", True, None)


def test_a_bad_file_reports_every_bad_row_and_imports_nothing(groups):
    CustomerFactory(name="Eksisterende", external_id="K-0")
    before = Customer.objects.count()

    report = import_text(
        "name,email,language,groups,external_id,active\n"
        "Bra kunde,bra@example.com,nb,butikker,K-1,ja\n"  # row 2: fine
        "Uten e-post,,nb,,,\n"  # row 3: missing email
        "Feil e-post,ikke-en-adresse,nb,,,\n"  # row 4: invalid email
        "Ukjent gruppe,gruppe@example.com,nb,butikker;grossister,,\n"  # row 5: unknown group
        "Feil språk,sprak@example.com,de,,,\n"  # row 6: bad language
        "Dobbel,BRA@example.com,nb,,,\n"  # row 7: same email as row 2
        ",navnlos@example.com,nb,,,kanskje\n"  # row 8: missing name, bad active
        "Dobbel id,id@example.com,nb,,K-1,\n"  # row 9: same external id as row 2
    )

    assert not report.ok
    assert problems(report) == {
        (3, "email"),
        (4, "email"),
        (5, "groups"),
        (6, "language"),
        (7, "email"),
        (8, "name"),
        (8, "active"),
        (9, "external_id"),
    }
    assert (report.created, report.updated) == (0, 0)
    assert Customer.objects.count() == before
    assert not Customer.objects.filter(email="bra@example.com").exists()


def test_problem_messages_say_what_is_wrong(groups):
    report = import_text("name,email,groups\nA,a@example.com,grossister\nB,A@example.com,\n")

    by_place = {(p.row, p.field): p.message for p in report.errors}
    assert "grossister" in by_place[(2, "groups")]
    assert "2" in by_place[(3, "email")]


def test_semicolons_and_a_byte_order_mark_as_norwegian_excel_writes_them(groups):
    text = (
        "name;email;language;groups;external_id;active;phone\r\n"
        "Blåbær Café;post@blabaer.example;nb;kafeer,butikker;K-7;SANN;\r\n"
        "Stengt;stengt@example.com;nb;;K-8;USANN;\r\n"
        ";;;;;;\r\n"
    )
    report = customer_import_csv(file=io.BytesIO(b"\xef\xbb\xbf" + text.encode("utf-8")))

    assert report.ok, report.errors
    customer = Customer.objects.get(external_id="K-7")
    assert customer.name == "Blåbær Café"
    assert {g.slug for g in customer.groups.all()} == {"butikker", "kafeer"}
    assert customer.active is True
    assert Customer.objects.get(external_id="K-8").active is False


def test_a_windows_1252_file_from_older_excel_keeps_its_norwegian_letters():
    report = import_text("name;email\nSmørbukk Ærlig;post@smor.example\n", encoding="cp1252")

    assert report.ok, report.errors
    assert Customer.objects.get().name == "Smørbukk Ærlig"


def test_a_text_stream_is_accepted_too():
    report = customer_import_csv(file=io.StringIO("\ufeffname,email\nA,a@example.com\n"))

    assert report.ok, report.errors
    assert report.created == 1


def test_a_known_external_id_updates_that_customer(groups, received_events):
    existing = CustomerFactory(
        name="Gammelt navn", email="gammel@example.com", external_id="K-1", phone="999"
    )
    existing.groups.set([groups["kafeer"]])

    report = import_text(
        "name,email,language,groups,external_id,active,phone\n"
        "Nytt navn,ny@example.com,en,butikker,K-1,nei,\n"
        "Helt ny,helt.ny@example.com,,,K-2,,\n"
    )

    assert report.ok, report.errors
    assert (report.created, report.updated) == (1, 1)
    existing.refresh_from_db()
    assert existing.name == "Nytt navn"
    assert existing.email == "ny@example.com"
    assert existing.language == "en"
    assert existing.active is False
    assert existing.phone == "999"  # an empty cell leaves the value alone
    assert [g.slug for g in existing.groups.all()] == ["butikker"]
    assert Customer.objects.count() == 2


def test_an_update_without_groups_keeps_the_customers_groups(groups):
    existing = CustomerFactory(external_id="K-1")
    existing.groups.set([groups["kafeer"]])

    report = import_text("name,email,external_id\nNytt,nytt@example.com,K-1\n")

    assert report.ok, report.errors
    assert [g.slug for g in existing.groups.all()] == ["kafeer"]


def test_groups_are_found_by_name_as_well_as_slug(groups):
    report = import_text('name,email,groups\nA,a@example.com,"kafeer; Butikker"\n')

    assert report.ok, report.errors
    assert {g.slug for g in Customer.objects.get().groups.all()} == {"butikker", "kafeer"}


def test_import_publishes_customer_created_for_new_customers_only_after_commit(
    received_events, django_capture_on_commit_callbacks
):
    CustomerFactory(external_id="K-1")
    with django_capture_on_commit_callbacks(execute=True):
        report = import_text(
            "name,email,external_id\nOppdatert,o@example.com,K-1\nNy,ny@example.com,K-2\n"
        )
        assert received_events == []

    new = Customer.objects.get(external_id="K-2")
    assert report.created == 1
    assert received_events == [
        ("customer.created", {"customer_id": new.pk, "event_id": f"customer.created:{new.pk}"})
    ]


def test_a_rejected_file_publishes_nothing(received_events, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = import_text("name,email\nA,a@example.com\nB,\n")

    assert not report.ok
    assert callbacks == []
    assert received_events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {(1, "")}),
        ("name,epost\nA,a@example.com\n", {(1, "epost"), (1, "email")}),
        ("name,email,name\nA,a@example.com,B\n", {(1, "name")}),
        ("name,email\n", {(None, "")}),
        ("name,email\nA,a@example.com,extra\n", {(2, "")}),
    ],
    ids=["empty", "unknown-and-missing-column", "duplicate-column", "no-rows", "extra-cell"],
)
def test_file_level_problems_are_reported(text, expected):
    report = import_text(text)

    assert problems(report) == expected
    assert not Customer.objects.exists()


def test_a_too_long_value_is_reported_with_its_column():
    report = import_text(f"name,email,phone\nA,a@example.com,{'1' * 41}\n")

    assert problems(report) == {(2, "phone")}


def test_report_rows_are_numbered_as_in_a_spreadsheet_even_after_blank_rows():
    report = import_text("name,email\nA,a@example.com\n,\nB,not-an-email\n")

    assert report.errors == [ImportProblem(4, "email", report.errors[0].message)]
