"""In Chromium: staff decide about emails with unknown outcome on the execution page (one
sent again, one marked delivered), and the page shows the decisions without a reload."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot
from tests.pages.workflow_helpers import add_logs, example_workflow, make_execution, no_celery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    with no_celery():
        yield


@pytest.fixture
def crashed() -> WorkflowExecution:
    """A completed run: one email sent, two whose outcome was lost an hour ago."""
    refs = make_refs()
    execution = make_execution(example_workflow(refs), status="completed")
    add_logs(execution, refs.customers[:3], ["success", "unknown", "unknown"])
    WorkflowActionLog.objects.filter(execution=execution, status="unknown").update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    return execution


def test_staff_resend_one_email_and_mark_another_delivered(
    page_as: Any, crashed: WorkflowExecution, mailoutbox: list[Any]
) -> None:
    first, second = crashed.action_logs.filter(status="unknown").order_by("target_id")
    page = page_as("staff")
    page.goto(f"{page.live_server_url}/kjoringer/{crashed.pk}/")
    page.wait_for_selector("#execution-unknowns .unknown-emails")
    assert page.locator("#execution-unknowns tbody tr").count() == 2
    assert "med ukjent utfall" in page.locator("#execution-live").inner_text()
    screenshot(page, "execution-unknown-emails")

    dialogs: list[str] = []

    def accept(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.click(f"#resend-{first.pk}")
    page.wait_for_selector("#execution-unknowns .message.success")
    assert "to ganger" in dialogs[0]  # the confirmation says what a resend risks
    assert page.locator(f"#unknown-email-{first.pk}").count() == 0
    assert "Sendt igjen" in page.locator("#execution-unknowns").inner_text()
    assert [m.to for m in mailoutbox] == [[first.result_data["email"]]]

    page.click(f"#mark-delivered-{second.pk}")
    page.wait_for_function(
        "() => !document.querySelector('#execution-unknowns .unknown-emails')", timeout=10_000
    )
    decisions = page.locator("#execution-unknowns tr.email-decision")
    assert decisions.count() == 2
    assert "staff-bruker" in decisions.nth(1).inner_text()
    # The live section's counts (swapped with the answer) and the log table (refreshed on
    # the event) no longer show anything with unknown outcome.
    assert "ukjent utfall" not in page.locator("#execution-live").inner_text()
    page.wait_for_function(
        "() => !document.querySelector('#execution-logs .badge.unknown')", timeout=10_000
    )
    assert list(EmailDecision.objects.order_by("pk").values_list("decision", flat=True)) == [
        "resent",
        "marked_delivered",
    ]
    screenshot(page, "execution-unknown-emails-decided")


def test_a_business_user_sees_the_unknown_emails_but_cannot_decide(
    page_as: Any, crashed: WorkflowExecution
) -> None:
    page = page_as("business")
    page.goto(f"{page.live_server_url}/kjoringer/{crashed.pk}/")
    page.wait_for_selector("#execution-unknowns .unknown-emails")
    assert page.locator("#execution-unknowns button").count() == 0
    assert page.locator("#execution-unknowns code.message-id").count() == 2
