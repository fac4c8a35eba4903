"""The dashboard: key figures, the chart's data, upcoming runs and recent failures."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from automation.models import WorkflowDefinition
from automation.services import workflow_deploy
from customers.models import Customer
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import make_refs
from tests.pages.workflow_helpers import (
    HTMX,
    add_logs,
    client_as,
    example_workflow,
    make_execution,
    no_celery,
)

pytestmark = pytest.mark.django_db

URL = "/"


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    cache.clear()  # the dashboard's numbers are cached briefly
    with no_celery() as calls:
        yield calls
    cache.clear()


@pytest.fixture
def history() -> dict[str, Any]:
    refs = make_refs()
    workflow = example_workflow(refs)
    ok = make_execution(workflow, status="completed")
    add_logs(ok, refs.customers, ["success", "success", "failed"])
    make_execution(workflow, status="completed")
    failed = make_execution(workflow, status="failed", error_message="Step 1: 1 action(s) failed")
    old = make_execution(workflow, status="completed")
    WorkflowExecution.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=10)
    )
    return {"workflow": workflow, "failed": failed}


def test_the_dashboard_needs_a_login(client: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_dashboard_shows_the_key_figures_chart_upcoming_runs_and_failures(
    history: dict[str, Any],
) -> None:
    response = client_as("business").get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    values = re.findall(r'<span class="value">([^<]*)</span>', html)
    # active workflows, executions (7 days), success rate, emails (7 days), failures
    assert values == ["1", "3", "66,7 %", "2", "1"]
    assert 'id="activity-chart"' in html
    chart = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html).group(1)
    )
    assert len(chart["labels"]) == 14
    assert [sum(d["data"]) for d in chart["datasets"]] == [4, 2]
    assert "vendor/chart.js/chart.umd.min.js" in html
    assert "js/dashboard.js" in html
    # Upcoming: the weekly Monday 09:00 run falls within the next 7 days exactly once.
    upcoming = re.search(r'<ul class="upcoming">(.*?)</ul>', html, re.S).group(1)
    assert upcoming.count("<li>") == 1
    assert "Ukentlig bestilling" in upcoming
    assert "Mandag" in upcoming
    failed = history["failed"]
    assert f'id="failure-{failed.pk}"' in html
    assert reverse("executions:execution-retry", args=[failed.pk]) in html


def test_the_dashboard_fragment_is_only_the_key_figures(history: dict[str, Any]) -> None:
    response = client_as("viewer").get(URL, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith('<section id="dashboard-cards"')
    assert 'hx-trigger="every 60s"' in html
    assert "activity-chart" not in html


def test_a_viewer_sees_no_retry_button_and_may_not_retry(history: dict[str, Any]) -> None:
    viewer = client_as("viewer")
    failed = history["failed"]
    html = viewer.get(URL).content.decode()
    assert f'id="failure-{failed.pk}"' in html
    assert f'id="retry-{failed.pk}"' not in html

    response = viewer.post(
        reverse("executions:execution-retry", args=[failed.pk]), {"source": "dashboard"}, **HTMX
    )
    assert response.status_code == 403
    failed.refresh_from_db()
    assert failed.status == "failed"


def test_retrying_a_failure_from_the_dashboard_swaps_its_row(
    history: dict[str, Any], queued: dict[str, list[Any]]
) -> None:
    failed = history["failed"]

    response = client_as("business").post(
        reverse("executions:execution-retry", args=[failed.pk]), {"source": "dashboard"}, **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<tr id="failure-{failed.pk}"')
    assert "badge queued" in html
    assert f'id="retry-{failed.pk}"' not in html
    failed.refresh_from_db()
    assert failed.status == "queued"
    assert queued["run"] == [(failed.pk,)]


def test_the_dashboard_lists_nothing_when_there_is_nothing(db: None) -> None:
    html = client_as("viewer", language="en").get(URL).content.decode()
    assert "No scheduled runs in the next 7 days." in html
    assert "No failures need attention." in html
    assert re.findall(r'<span class="value">([^<]*)</span>', html) == [
        "0",
        "0",
        "\N{EN DASH}",
        "0",
        "0",
    ]


def test_emails_sent_count_only_what_real_runs_handed_to_the_mail_server(
    history: dict[str, Any],
) -> None:
    # A test run renders the emails and records each as "success" without sending it; a real
    # run's email whose outcome was lost ("unknown") did not demonstrably reach the server.
    refs_customers = list(Customer.objects.order_by("pk")[:2])
    test_run = make_execution(history["workflow"], status="completed", is_test=True)
    add_logs(test_run, refs_customers, ["success", "success"])
    lost = make_execution(history["workflow"], status="completed")
    add_logs(lost, refs_customers[:1], ["unknown"])
    week_ago = make_execution(history["workflow"], status="completed")
    add_logs(week_ago, refs_customers[:1], ["success"])
    WorkflowActionLog.objects.filter(execution=week_ago).update(
        performed_at=timezone.now() - dt.timedelta(days=9)
    )

    html = client_as("viewer").get(URL).content.decode()

    card = re.findall(r'<span class="value">([^<]*)</span>', html)[3]
    chart = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html).group(1)
    )
    emails_per_day = chart["datasets"][1]["data"]
    table = [
        int(cells[2])
        for cells in re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", html)
    ]
    assert card == "2", "the two real emails of this week, not the test run's"
    assert sum(emails_per_day) == 3, "the chart's 14 days hold the older email too"
    assert table == emails_per_day
    assert sum(emails_per_day[-7:]) == int(card)


def test_an_empty_dashboard_says_how_to_activate_the_demo_workflow(
    django_capture_on_commit_callbacks,
) -> None:
    from automation.demo import demo_load

    with django_capture_on_commit_callbacks(execute=True):
        demo_load()
    workflow = WorkflowDefinition.objects.get(name="Ukentlig bestilling")

    html = client_as("viewer").get(URL).content.decode()

    assert 'id="getting-started"' in html
    assert "Trykk «Aktiver»" in html
    assert reverse("automation:workflow-detail", args=[workflow.pk]) in html

    workflow_deploy(workflow=workflow, by=None)
    active = client_as("business", language="en").get(URL).content.decode()
    assert "The demo workflow “Ukentlig bestilling” is active." in active


def test_the_getting_started_card_goes_once_something_has_run(history: dict[str, Any]) -> None:
    html = client_as("viewer").get(URL).content.decode()
    assert 'id="getting-started"' not in html


def test_an_installation_without_the_demo_is_told_how_to_load_it(db: None) -> None:
    html = client_as("viewer", language="en").get(URL).content.decode()
    assert "python manage.py demo" in html
