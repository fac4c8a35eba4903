"""In Chromium: the dashboard's chart, the workflows list and detail, and a test run's report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot
from tests.pages.workflow_helpers import add_logs, example_workflow, make_execution, no_celery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    cache.clear()
    with no_celery():
        yield
    cache.clear()


@pytest.fixture
def data() -> dict[str, Any]:
    refs = make_refs()
    workflow = example_workflow(refs)
    example_workflow(refs, active=False, name="Nyhetsbrev (utkast)", description="")
    for status in ("completed", "completed", "failed"):
        execution = make_execution(
            workflow,
            status=status,
            error_message="Steg 1: 1 handling feilet" if status == "failed" else "",
        )
        add_logs(execution, refs.customers, ["success", "success", "success"])
    return {"workflow": workflow, "refs": refs}


def test_dashboard_draws_the_chart(page_as: Any, data: dict[str, Any]) -> None:
    page = page_as("business")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.reload()

    page.wait_for_function(
        "() => { const c = document.getElementById('activity-chart');"
        " return c && c.dataset.drawn === 'true' && window.Chart.getChart(c) !== undefined; }"
    )
    assert page.locator("#dashboard-cards .value").count() == 5
    assert page.locator("ul.upcoming li").count() == 1
    assert page.locator("#failures tbody tr").count() == 1
    assert errors == []  # no CSP violations, no script errors
    screenshot(page, "dashboard")

    # Retry from the dashboard swaps the row.
    page.locator("#failures button").click()
    page.wait_for_selector("#failures .badge.queued")
    screenshot(page, "dashboard-retried")


def test_workflows_list_detail_and_a_test_run(page_as: Any, data: dict[str, Any]) -> None:
    workflow = data["workflow"]
    page = page_as("business")
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm

    page.click("nav.mainnav a[href='/arbeidsflyter/']")
    page.wait_for_selector("#workflow-results")
    assert page.locator("#workflow-results tbody tr").count() == 2
    screenshot(page, "workflows")

    # The status filter updates the table without a page load.
    page.select_option("#id_status", "draft")
    page.wait_for_function(
        "() => document.querySelectorAll('#workflow-results tbody tr').length === 1"
    )
    assert "status=draft" in page.url
    page.select_option("#id_status", "")
    page.wait_for_function(
        "() => document.querySelectorAll('#workflow-results tbody tr').length === 2"
    )

    page.click(f"#workflow-results a[href='/arbeidsflyter/{workflow.pk}/']")
    page.wait_for_selector("ol.preview-lines")
    assert page.locator("ol.next-runs li").count() == 5
    screenshot(page, "workflow-detail")

    page.click("#action-test")
    page.wait_for_url(f"**/arbeidsflyter/{workflow.pk}/test/*/")
    first = page.locator("section.test-step").first
    assert first.locator("ul.recipients > li").count() == 3
    for customer in data["refs"].customers:
        assert customer.email in first.inner_text()
    first.locator("ul.recipients summary").first.click()
    frame = page.frame_locator("ul.recipients iframe").first
    assert "Hei Kunde" in frame.locator("body").inner_text()
    screenshot(page, "workflow-test-run")


def test_a_phone_sees_the_workflows_as_cards(page_as: Any, data: dict[str, Any]) -> None:
    page = page_as("viewer", viewport=(390, 844))
    page.goto(page.live_server_url + "/arbeidsflyter/")
    assert page.locator("#workflow-results thead").is_hidden()  # responsive table
    screenshot(page, "workflows-phone")
    page.goto(page.live_server_url + "/")
    page.wait_for_function("() => document.getElementById('activity-chart').dataset.drawn")
    screenshot(page, "dashboard-phone")
