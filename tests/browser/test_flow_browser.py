"""The running example as a user does it, in one chained test, in Chromium against the live
server, with a real Celery worker (Redis broker) against the same test database and a real
SMTP server on loopback:

chat (offline parser) -> preview -> "Opprett" -> the workflow -> a test run (who would get
which email, per step) -> "Kjør nå" -> the execution page following the worker by its own
polling to "waiting" (the form went out; the reminder waits for Thursday) -> one customer
orders through the link in the email -> Thursday comes -> "completed", the reminder only to
those who did not order, every customer's action in the log table.
"""

from __future__ import annotations

import re
from datetime import timedelta
from email.message import Message
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from customers.models import Customer, Order
from executions.dispatch import dispatch_due
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot
from tests.e2e import conftest as e2e

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser fixture skips the test without Playwright
    PlaywrightTimeout = TimeoutError

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

# The worker and the SMTP sink of the queue tests (they skip without PostgreSQL and Redis).
smtp_server = e2e.smtp_server
start_worker = e2e.start_worker

RUNNING_EXAMPLE = "Send skjema mandag kl 9, påminnelse torsdag kl 15 til de som ikke har bestilt"
ORDER_LINK = re.compile(r'href="(https?://[^"]+/k/[^"]+)"')


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def company() -> dict[str, Any]:
    """Two templates the chat can pick (the form carries the customer's order link), three
    customers who get email and one who has unsubscribed."""
    refs = make_refs()
    refs.order_form.body_html = (
        '<p>Hei {{ kunde_navn }}</p><p><a href="{{ bestilling_link }}">Bestill her</a></p>'
    )
    refs.order_form.save(update_fields=["body_html"])
    gone = Customer.objects.create(
        name="Kafé Avmeldt", email="avmeldt@example.com", unsubscribed_at=timezone.now()
    )
    return {"refs": refs, "customers": refs.customers, "unsubscribed": gone}


def _html(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError(f"no HTML part in the email to {message['To']}")


def _thursday_comes(execution: WorkflowExecution) -> None:
    """The reminder's wait is over: move it (and its computed target) into the past, which is
    what the clock would do by Thursday 15:00."""
    execution.refresh_from_db()
    past = timezone.now() - timedelta(seconds=1)
    waits = {**execution.context.get("waits", {}), str(execution.current_step): past.isoformat()}
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        resume_at=past, context={**execution.context, "waits": waits}
    )


def _wait_for_status(page: Any, status: str, worker: e2e.Worker) -> None:
    """Wait for the page (polling on its own) to show the status; on a timeout the worker's
    log says why."""
    try:
        page.wait_for_selector(
            f"#execution-live .live-inner[data-status='{status}']", timeout=60_000
        )
    except PlaywrightTimeout:
        shown = page.locator("#execution-live .live-inner").get_attribute("data-status")
        raise AssertionError(
            f"the page never showed {status!r} (it shows {shown!r}); the worker's log:\n"
            + worker.log()[-3000:]
        ) from None


def test_running_example_from_chat_to_a_finished_run(
    start_worker: Any, smtp_server: e2e.SmtpSink, live_server: Any, page_as: Any, company: dict
) -> None:
    # The worker signs the links in the emails with the site's key and address.
    worker = start_worker(env={"SECRET_KEY": settings.SECRET_KEY, "SITE_URL": live_server.url})
    customers: list[Customer] = company["customers"]
    unsubscribed: Customer = company["unsubscribed"]

    page = page_as("business")
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    # 1. The chat: the sentence becomes a previewed draft; nothing is saved yet.
    page.click("nav.mainnav a[href='/arbeidsflyter/']")
    page.click("a[href='/assistent/']")
    page.fill("#chat-text", RUNNING_EXAMPLE)
    page.click("#chat-send")
    page.wait_for_selector("#conversation .msg[data-kind=workflow] .preview-lines")
    preview = page.locator("#conversation .msg[data-kind=workflow] .preview-lines").inner_text()
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema" in preview
    assert re.search(r"Torsdag 15:00 \N{EN DASH} Send Påminnelse .*ikke har bestilt", preview)
    screenshot(page, "flow-1-chat-preview")

    # 2. "Opprett": the workflow's page, a draft (a business user does not activate).
    page.click("#confirm-button")
    page.wait_for_url(re.compile(r".*/arbeidsflyter/\d+/$"))
    workflow_pk = int(page.url.rstrip("/").rsplit("/", 1)[1])
    page.wait_for_selector("ol.preview-lines")
    assert page.locator("#workflow-summary .badge.draft").count() == 1
    screenshot(page, "flow-2-workflow")

    # 3. A test run: per step, who would get which email, and who not and why.
    page.click("#action-test")
    page.wait_for_url(f"**/arbeidsflyter/{workflow_pk}/test/*/")
    steps = page.locator("section.test-step")
    assert steps.count() == 2
    form_step, reminder_step = steps.nth(0), steps.nth(1)
    for step, subject in ((form_step, "Bestill nå"), (reminder_step, "Husk å bestille")):
        recipients = step.locator("ul.recipients > li")
        assert recipients.count() == len(customers)
        for customer in customers:
            row = recipients.filter(has_text=customer.email)
            assert subject in row.inner_text()
        assert unsubscribed.email not in step.locator("ul.recipients").inner_text()
    assert unsubscribed.email in form_step.locator("table").inner_text()  # skipped, with why
    form_step.locator("ul.recipients summary").first.click()
    frame = page.frame_locator("ul.recipients iframe").first
    assert "Bestill her" in frame.locator("body").inner_text()
    screenshot(page, "flow-3-test-run")
    assert smtp_server.count() == 0, "a test run sends nothing"

    # 4. "Kjør nå": the execution page follows the worker by its own polling. The form goes
    # out at once; the reminder waits for Thursday 15:00.
    page.goto(f"{live_server.url}/arbeidsflyter/{workflow_pk}/")
    polls: list[str] = []
    page.on("request", lambda r: polls.append(r.url) if "/status/" in r.url else None)
    page.click("#action-run-now")
    page.wait_for_url(re.compile(r".*/kjoringer/\d+/$"))
    execution = WorkflowExecution.objects.get(workflow_id=workflow_pk, is_test=False)
    assert page.url.endswith(f"/kjoringer/{execution.pk}/")
    screenshot(page, "flow-4-execution-started")
    _wait_for_status(page, "waiting", worker)
    assert page.locator("#progress-sent").inner_text().startswith(str(len(customers)))
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(c.email for c in customers)
    logs = page.locator("#execution-logs tbody")
    page.wait_for_function(
        "n => document.querySelectorAll('#execution-logs tbody tr').length === n",
        arg=len(customers) + 1,
    )
    for customer in customers:
        row = logs.locator("tr", has_text=customer.email)
        assert row.locator(".badge.success").inner_text() == "Vellykket"
    gone = logs.locator("tr", has_text=unsubscribed.email)
    assert gone.locator(".badge.skipped").inner_text() == "Hoppet over"
    assert "Avmeldt" in gone.inner_text()  # why, in the reader's language
    screenshot(page, "flow-5-execution-waiting")

    # 5. One customer orders through the link in the email (a customer's own page).
    first = customers[0]
    link = ORDER_LINK.search(_html(smtp_server.to(first.email)[0])).group(1)
    assert link.startswith(live_server.url)
    customer_page = page.context.new_page()
    customer_page.goto(link)
    customer_page.locator(".qty-input").first.fill("2")
    customer_page.click("button.pub-button")
    customer_page.wait_for_load_state()
    assert Order.objects.filter(customer=first).count() == 1
    screenshot(customer_page, "flow-6-customer-ordered")
    customer_page.close()

    # 6. Thursday 15:00 comes: the reminder goes only to those who did not order, and the
    # page, still polling, reaches "completed" and then stops.
    _thursday_comes(execution)
    dispatch_due()
    _wait_for_status(page, "completed", worker)
    reminders = smtp_server.messages[len(customers) :]
    assert sorted(m["To"] for m in reminders) == sorted(c.email for c in customers[1:])
    page.wait_for_function(
        "() => !document.querySelector('#execution-logs .badge.pending')", timeout=10_000
    )
    step_two = WorkflowActionLog.objects.filter(execution=execution, step_order=2)
    assert sorted(step_two.filter(status="success").values_list("target_id", flat=True)) == sorted(
        c.pk for c in customers[1:]
    )
    assert page.locator("ol.timeline li.done").count() == 2
    # Per customer: the form to all three, the reminder to the two who did not order, the
    # unsubscribed customer skipped at both steps (7 rows, updated without a reload).
    page.wait_for_function(
        "() => document.querySelectorAll('#execution-logs tbody tr').length === 7"
    )
    assert logs.locator("tr", has_text=first.email).count() == 1
    assert page.locator("#progress-sent").inner_text().startswith("5")
    seen = len(polls)
    assert seen, "the page followed the worker by polling"
    page.wait_for_timeout(4500)
    assert len(polls) == seen, "polling stopped once the execution was finished"
    page.locator("#execution-logs details summary").first.click()
    screenshot(page, "flow-7-execution-completed")
    assert errors == [], errors
    assert "Traceback" not in worker.log()
