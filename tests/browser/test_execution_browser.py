"""In Chromium: the executions list and one execution whose status polls until it is done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from customers.models import Customer
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot
from tests.pages.workflow_helpers import add_logs, example_workflow, make_execution, no_celery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    with no_celery():
        yield


@pytest.fixture
def running() -> WorkflowExecution:
    refs = make_refs()
    workflow = example_workflow(refs)
    customers = [
        *refs.customers,
        *(
            Customer.objects.create(name=f"Kafé {i}", email=f"kafe{i}@example.com")
            for i in range(5)
        ),
    ]
    make_execution(workflow, status="completed")
    execution = make_execution(workflow, status="running")
    add_logs(execution, customers, ["success"] * 3 + ["pending"] * 5)
    return execution


def test_an_execution_updates_live_and_stops_polling_when_done(
    page_as: Any, running: WorkflowExecution
) -> None:
    page = page_as("business")
    polls: list[str] = []
    page.on("request", lambda r: polls.append(r.url) if "/status/" in r.url else None)

    page.click("nav.mainnav a[href='/kjoringer/']")
    page.wait_for_selector("#execution-results")
    screenshot(page, "executions")

    page.click(f"#execution-results a[href='/kjoringer/{running.pk}/']")
    page.wait_for_selector("#execution-live .live-inner[data-status='running']")
    assert page.locator("#progress-sent").inner_text().startswith("3")
    assert page.locator("#execution-live").get_attribute("aria-live") == "polite"
    page.wait_for_timeout(2500)
    assert polls, "the page polls the status"
    screenshot(page, "execution-running")

    # The emails go out and the execution finishes: the page follows without a reload.
    WorkflowActionLog.objects.filter(execution=running, status="pending").update(status="success")
    WorkflowExecution.objects.filter(pk=running.pk).update(
        status="completed", current_step=None, completed_at=timezone.now()
    )
    page.wait_for_selector("#execution-live .live-inner[data-status='completed']", timeout=10_000)
    assert page.locator("#progress-sent").inner_text().startswith("8")
    # The log table refreshed with it: no pending rows left.
    page.wait_for_function(
        "() => !document.querySelector('#execution-logs .badge.pending')", timeout=10_000
    )
    seen = len(polls)
    page.wait_for_timeout(4500)
    assert len(polls) == seen, "polling stopped after the 286"
    page.locator("#execution-logs details summary").first.click()
    screenshot(page, "execution-completed")


def test_pausing_from_the_page(page_as: Any, running: WorkflowExecution) -> None:
    page = page_as("business")
    page.goto(f"{page.live_server_url}/kjoringer/{running.pk}/")
    page.click("#action-pause")
    page.wait_for_selector("#execution-live .live-inner[data-status='paused']")
    assert page.locator("#action-resume").is_visible()
    assert page.locator("#execution-live .message.success").is_visible()
    running.refresh_from_db()
    assert running.status == "paused"
    page.keyboard.press("Tab")  # the buttons are reachable by keyboard
    screenshot(page, "execution-paused")


def test_an_execution_on_a_phone(page_as: Any, running: WorkflowExecution) -> None:
    page = page_as("viewer", viewport=(390, 844))
    page.goto(f"{page.live_server_url}/kjoringer/{running.pk}/")
    page.wait_for_selector("#execution-live .live-inner")
    assert page.locator("#action-pause").count() == 0
    screenshot(page, "execution-phone")
