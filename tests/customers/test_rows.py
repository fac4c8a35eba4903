"""One customer-row validator (customers.rows) behind both doors: the CSV import and the API's
bulk upsert accept and refuse a row for the same reasons, with the same codes and messages."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import translation

from customers.models import Customer
from customers.rows import CustomerRowChecker, Numbering, RowProblem
from customers.services import customer_import_csv
from customers.sync import SyncValidationError, customers_bulk_upsert
from tests.customers.factories import CustomerFactory, CustomerGroupFactory

pytestmark = pytest.mark.django_db

COLUMNS = ("external_id", "name", "email", "language", "groups", "phone")
GOOD: dict[str, str] = {
    "external_id": "K-1",
    "name": "Bakeriet",
    "email": "post@bakeriet.example",
    "language": "nb",
    "groups": "butikker",
    "phone": "+47 22 33 44 55",
}


def _through_csv(row: dict[str, str]) -> set[tuple[str, str]]:
    """(column, message) of every problem the CSV import finds in the row."""
    text = ",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n"
    report = customer_import_csv(file=io.BytesIO(text.encode()))
    assert {p.row for p in report.errors} <= {2}
    return {(p.field, p.message) for p in report.errors}


def _through_api(row: dict[str, str]) -> set[tuple[str, str]]:
    """(field, message) of every problem the bulk upsert finds in the same row as JSON."""
    item: dict[str, Any] = {**row, "groups": [row["groups"]]}
    try:
        customers_bulk_upsert(items=[item])
    except SyncValidationError as exc:
        assert all(e["path"].startswith("/0/") for e in exc.errors)
        return {(e["path"].split("/")[2], e["message"]) for e in exc.errors}
    return set()


@pytest.fixture(autouse=True)
def _group(db: None) -> None:
    CustomerGroupFactory(name="Butikker", slug="butikker")


@pytest.mark.parametrize("language", ["en", "nb"])
@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("email", "not-an-email"),
        ("email", ""),
        ("name", ""),
        ("name", "N" * 201),
        ("phone", "1" * 41),
        ("language", "de"),
        ("groups", "grossister"),
        ("external_id", "K" * 101),
    ],
)
def test_a_bad_value_reads_the_same_through_both_doors(
    column: str, value: str, language: str
) -> None:
    row = {**GOOD, column: value}
    with translation.override(language):
        through_csv = _through_csv(row)
        through_api = _through_api(row)

    assert through_csv, "the CSV import accepted the row"
    assert {field for field, _m in through_csv} == {column}
    assert through_api == through_csv
    assert not Customer.objects.exists()


def test_a_good_row_is_good_through_both_doors() -> None:
    assert _through_csv(GOOD) == set()
    assert _through_api({**GOOD, "external_id": "K-2", "email": "k2@example.com"}) == set()
    assert Customer.objects.count() == 2


def test_a_language_that_is_not_one_says_which_languages_there_are() -> None:
    with pytest.raises(SyncValidationError) as caught:
        customers_bulk_upsert(
            items=[{"external_id": "K-1", "name": "A", "email": "a@example.com", "language": "de"}]
        )

    assert caught.value.errors == [
        {
            "path": "/0/language",
            "code": "invalid_choice",
            "message": "Ukjent språk «de»; bruk nb eller en.",
        }
    ]


def test_the_same_email_twice_in_one_bulk_request_is_refused_as_in_a_csv_file() -> None:
    items = [
        {"external_id": "K-1", "name": "A", "email": "post@firma.example"},
        {"external_id": "K-2", "name": "B", "email": "Post@Firma.example"},
    ]
    with translation.override("en"), pytest.raises(SyncValidationError) as caught:
        customers_bulk_upsert(items=items)

    assert caught.value.errors == [
        {"path": "/1/email", "code": "duplicate", "message": "This email is also at /0."}
    ]
    assert not Customer.objects.exists()

    with translation.override("en"):
        report = customer_import_csv(
            file=io.BytesIO(b"name,email\nA,post@firma.example\nB,Post@Firma.example\n")
        )
    assert [(p.row, p.field, p.message) for p in report.errors] == [
        (3, "email", "This email is also on row 2.")
    ]


def test_a_too_long_external_id_has_the_models_code_and_message() -> None:
    with translation.override("en"), pytest.raises(SyncValidationError) as caught:
        customers_bulk_upsert(items=[{"external_id": "K" * 101, "name": "A", "email": "a@b.no"}])

    assert caught.value.errors == [
        {
            "path": "/0/external_id",
            "code": "max_length",
            "message": "Ensure this value has at most 100 characters (it has 101).",
        }
    ]


# --- The checker itself ---------------------------------------------------------------------


def _checker(**kwargs: Any) -> CustomerRowChecker:
    return CustomerRowChecker(numbering=Numbering.ITEMS, external_id_required=True, **kwargs)


def test_a_known_customer_keeps_what_the_row_leaves_out() -> None:
    CustomerFactory(external_id="K-1")
    checker = _checker(known_external_ids={"K-1"})

    known = checker.check({"external_id": "K-1", "active": False}, number=0)
    new = checker.check({"external_id": "K-2", "active": False}, number=1)

    assert (known.external_id, known.values, known.groups, known.problems) == (
        "K-1",
        {"active": False},
        None,
        [],
    )
    assert [(p.path, p.code) for p in new.problems] == [
        (("name",), "required"),
        (("email",), "required"),
    ]


def test_values_are_stripped_and_groups_found_once_each() -> None:
    row = _checker().check(
        {
            "external_id": 42,
            "name": "  Kafé Sol ",
            "email": " hei@sol.example ",
            "language": "en",
            "groups": ["butikker", "butikker"],
        },
        number=0,
    )

    assert row.problems == []
    assert row.external_id == "42"
    assert row.values == {"name": "Kafé Sol", "email": "hei@sol.example", "language": "en"}
    assert [g.slug for g in row.groups or []] == ["butikker"]


def test_each_problem_has_a_path_inside_the_row_and_a_code() -> None:
    with translation.override("en"):
        row = _checker().check(
            {
                "name": 5,
                "email": "a@example.com",
                "active": "yes",
                "language": None,
                "groups": ["butikker", 7],
            },
            number=3,
        )

    assert row.problems == [
        RowProblem(("external_id",), "required", "external_id is required."),
        RowProblem(("name",), "invalid_type", "name must be text."),
        RowProblem(("active",), "invalid_type", "active must be true or false."),
        RowProblem(("language",), "invalid_type", "language must be text."),
        RowProblem(("groups", 1), "unknown_group", "Unknown group “7”."),
    ]
    assert row.problems[-1].as_error(3) == {
        "path": "/3/groups/1",
        "code": "unknown_group",
        "message": "Unknown group “7”.",
    }
