"""Found by fuzzing the CSV import: a NUL in a file reached the database (a 500), a cell
written "'<tab>" by our own CSV writer came back as "'". Also: Excel's UTF-16 "Unicode text"."""

from __future__ import annotations

import io

import pytest
from django.utils import translation

from core.csv_export import csv_text
from customers.models import Customer
from customers.services import customer_import_csv
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"name;email\r\nKaf\x00e;k@example.com\r\n", 2),
        (b"name;email\r\nA;a@example.com\r\nB;b@example.com\x00\r\n", 3),
        ("name;email\nA\ud800;a@example.com\n", 2),
    ],
)
def test_a_file_with_a_nul_or_invalid_unicode_is_refused_as_a_whole(content, line):
    existing = CustomerFactory(name="Før", email="a@example.com")
    file = io.StringIO(content) if isinstance(content, str) else io.BytesIO(content)

    report = customer_import_csv(file=file)

    [problem] = report.errors
    assert problem.row is None
    assert problem.message.startswith(f"Line {line} of the file contains a NUL character")
    assert list(Customer.objects.values_list("pk", "name")) == [(existing.pk, "Før")]


def test_a_utf16_file_with_a_bom_imports():
    content = "name;email\r\nKafé Sol;sol@example.com\r\n".encode("utf-16")

    report = customer_import_csv(file=io.BytesIO(content))

    assert report.ok, report.errors
    assert Customer.objects.get().name == "Kafé Sol"


def test_cells_our_writer_neutralised_read_back_as_they_were():
    rows = [
        ["name", "email", "phone"],
        ["=Kafé", "a@example.com", "+47 22 33 44 55"],
        ["@Bakeri", "b@example.com", "-"],
        ["'=Sitat", "c@example.com", "\t+47 99"],
    ]

    report = customer_import_csv(file=io.BytesIO(csv_text(rows).encode("utf-8")))

    assert report.ok, report.errors
    stored = dict(Customer.objects.values_list("email", "name"))
    assert stored == {
        "a@example.com": "=Kafé",
        "b@example.com": "@Bakeri",
        "c@example.com": "'=Sitat",
    }
    phones = dict(Customer.objects.values_list("email", "phone"))
    assert phones == {
        "a@example.com": "+47 22 33 44 55",
        "b@example.com": "-",
        "c@example.com": "+47 99",
    }
