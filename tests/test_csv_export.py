"""The one CSV writer (core/csv_export.py): formula cells neutralised as OWASP recommends,
read back exactly by the import, and no other CSV writer anywhere in the product."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from core.csv_export import FORMULA_TRIGGERS, csv_cell, csv_restore, csv_text
from customers.models import Customer
from customers.services import customer_import_csv
from tests.customers.factories import CustomerGroupFactory

ROOT = Path(__file__).resolve().parent.parent
PRODUCT_PACKAGES = (
    "config",
    "customers",
    "executions",
    "templates_app",
    "automation",
    "ai_assistant",
)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("Kafé Solsiden", "Kafé Solsiden"),
        ("a=b", "a=b"),
        ("'sitat'", "'sitat'"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (Decimal("-1.5"), Decimal("-1.5")),
        (2.5, 2.5),
        (True, "True"),
    ],
)
def test_cells_that_could_start_a_formula_get_a_leading_apostrophe(value, written):
    assert csv_cell(value) == written


@given(st.text())
def test_no_written_text_cell_starts_a_formula_and_each_reads_back_as_it_was(text):
    written = csv_cell(text)
    assert not str(written).startswith(FORMULA_TRIGGERS)
    assert csv_restore(str(written)) == text


@given(st.lists(st.lists(st.text(), min_size=1, max_size=4), min_size=1, max_size=5))
def test_a_document_parses_back_to_the_neutralised_cells(rows):
    document = csv_text(rows)
    assert document.startswith("\ufeff")
    parsed = list(csv.reader(io.StringIO(document[1:], newline=""), delimiter=";"))
    assert parsed == [[csv_cell(cell) for cell in row] for row in rows]


def test_no_module_of_the_product_writes_csv_but_the_shared_one():
    writer = re.compile(r"\bcsv\.(writer|DictWriter)\b|\bfrom csv import\b")
    offenders = [
        str(path.relative_to(ROOT))
        for package in PRODUCT_PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if path != ROOT / "config" / "csv_export.py" and writer.search(path.read_text())
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_import_example_neutralises_a_group_slug_and_still_imports_as_it_is(admin_client):
    # A slug may start with "-"; the example file puts real slugs in its rows.
    CustomerGroupFactory(name="A-gruppe", slug="-tilbud")
    CustomerGroupFactory(name="B-gruppe", slug="kafeer")

    response = admin_client.get(reverse("admin:customers_customer_import_example"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][3] == "'-tilbud"
    assert rows[1][6] == "'+47 22 33 44 55"
    report = customer_import_csv(file=io.BytesIO(response.content))
    assert report.ok, report.errors
    bakery = Customer.objects.get(external_id="K-1001")
    assert bakery.phone == "+47 22 33 44 55"
    assert list(bakery.groups.values_list("slug", flat=True)) == ["-tilbud"]
