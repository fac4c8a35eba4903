"""A customer's history after a real run, in Chromium: the workflow runs on a real Celery
worker, its emails reach an SMTP server on loopback, and the customer's page then shows each
email with its subject, status and the Message-ID the server received."""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from typing import Any

import pytest
from django.conf import settings

from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot
from tests.e2e import conftest as e2e
from tests.pages.workflow_helpers import example_workflow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

smtp_server = e2e.smtp_server
start_worker = e2e.start_worker


def test_customer_history_shows_the_email_the_mail_server_received(
    start_worker: Any, smtp_server: e2e.SmtpSink, live_server: Any, page_as: Any
) -> None:
    worker = start_worker(env={"SECRET_KEY": settings.SECRET_KEY, "SITE_URL": live_server.url})
    refs = make_refs()
    workflow = example_workflow(refs)
    customer = refs.customers[0]

    # "Kjør nå" on the workflow's page: the form goes out at once, the reminder waits.
    page = page_as("business")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/arbeidsflyter/{workflow.pk}/")
    page.click("#action-run-now")
    page.wait_for_url(re.compile(r".*/kjoringer/\d+/$"))
    try:
        page.wait_for_selector("#execution-live .live-inner[data-status='waiting']", timeout=60_000)
    except Exception:
        raise AssertionError("the run never got to its wait:\n" + worker.log()[-3000:]) from None
    execution = WorkflowExecution.objects.get(workflow=workflow, is_test=False)
    received = smtp_server.to(customer.email)
    assert len(received) == 1
    message_id = received[0]["Message-ID"]
    subject = str(make_header(decode_header(received[0]["Subject"])))
    assert message_id and subject

    # The customer's page loads the history by itself.
    page.goto(f"{live_server.url}/kunder/{customer.pk}/")
    history = page.locator("#customer-activity")
    history.locator("table").wait_for()
    row = history.locator("tbody tr").first
    assert subject in row.inner_text()
    assert row.locator(".badge.success").inner_text() == "Vellykket"
    assert row.locator("code.message-id").inner_text() == message_id
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", row.inner_text()), "nb date and time"
    link = row.get_by_role("link", name=f"Kjøring #{execution.pk}")
    assert link.get_attribute("href") == f"/kjoringer/{execution.pk}/"
    assert WorkflowActionLog.objects.filter(
        execution=execution, target_id=customer.pk, status="success"
    ).exists()
    screenshot(page, "customer-history")

    # Filtering to orders leaves nothing (this run created none), in place.
    page.select_option("#activity-kind", "order")
    page.wait_for_selector("#activity-results:has-text('Ingenting i historikken passer')")
    assert page.url.endswith(f"/kunder/{customer.pk}/"), "the customer's page stays"

    # From the executions page: the search by the customer's email finds this run.
    page.goto(f"{live_server.url}/kjoringer/")
    page.fill("#id_customer", customer.email)
    page.press("#id_customer", "Enter")
    page.wait_for_selector(".customer-matches")
    assert page.locator(f"#execution-results a[href='/kjoringer/{execution.pk}/']").count() == 1
    assert "Traceback" not in worker.log()
