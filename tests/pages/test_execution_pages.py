"""The executions pages: the filtered list, one execution live (timeline, progress, logs,
polling that stops) and pause/resume/cancel/retry per role and state."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from automation.models import WorkflowDefinition
from customers.models import Customer
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.automation.workflow_docs import Refs, make_refs
from tests.pages.workflow_helpers import (
    HTMX,
    add_logs,
    client_as,
    example_workflow,
    make_execution,
    no_celery,
)

pytestmark = pytest.mark.django_db

LIST = "/kjoringer/"


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    with no_celery() as calls:
        yield calls


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def workflow(refs: Refs) -> WorkflowDefinition:
    return example_workflow(refs)


@pytest.fixture
def sending(workflow: WorkflowDefinition, refs: Refs) -> WorkflowExecution:
    """A running execution halfway through its first step's emails (5 customers)."""
    customers = [*refs.customers, *(Customer.objects.create(name=f"Ekstra {i}") for i in range(2))]
    execution = make_execution(workflow, status="running")
    add_logs(execution, customers, ["success", "success", "failed", "pending", "skipped"])
    return execution


def detail(execution: WorkflowExecution) -> str:
    return reverse("executions:execution-detail", args=[execution.pk])


def status_url(execution: WorkflowExecution) -> str:
    return reverse("executions:execution-status", args=[execution.pk])


# --- List ------------------------------------------------------------------------------------


def test_the_list_shows_executions_with_their_status(
    sending: WorkflowExecution, workflow: WorkflowDefinition
) -> None:
    response = client_as("viewer").get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert f'href="{detail(sending)}"' in html
    assert 'class="badge running"' in html
    assert workflow.name in html


def test_the_list_reads_only_what_it_shows(sending: WorkflowExecution) -> None:
    # An execution's context and definition snapshot can be large; the page shows neither.
    with CaptureQueriesContext(connection) as queries:
        assert client_as("viewer").get(LIST).status_code == 200
    listed = [q["sql"] for q in queries if 'FROM "executions_workflowexecution"' in q["sql"]]
    assert listed
    assert not [sql for sql in listed if "definition_snapshot" in sql or '."context"' in sql]


def test_the_list_filters_by_workflow_status_date_and_test_runs(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    other = example_workflow(refs, name="Nyhetsbrev")
    done = make_execution(workflow, status="completed")
    failed = make_execution(other, status="failed")
    test = make_execution(workflow, status="completed")
    WorkflowExecution.objects.filter(pk=test.pk).update(is_test=True)
    old = make_execution(workflow, status="completed")
    WorkflowExecution.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=30)
    )
    viewer = client_as("viewer")

    def shown(**params: Any) -> set[int]:
        html = viewer.get(LIST, params, **HTMX).content.decode()
        assert "<html" not in html
        return {int(pk) for pk in re.findall(r'href="/kjoringer/(\d+)/"', html)}

    assert shown() == {done.pk, failed.pk, test.pk, old.pk}
    assert shown(workflow=other.pk) == {failed.pk}
    assert shown(status="failed") == {failed.pk}
    assert shown(test="no") == {done.pk, failed.pk, old.pk}
    assert shown(test="only") == {test.pk}
    today = timezone.localdate()
    assert shown(date_from=(today - dt.timedelta(days=1)).isoformat()) == {
        done.pk,
        failed.pk,
        test.pk,
    }
    assert shown(date_to=(today - dt.timedelta(days=29)).isoformat()) == {old.pk}


def test_the_list_fragment_is_the_results_section_and_paginates(
    workflow: WorkflowDefinition,
) -> None:
    for _ in range(27):
        make_execution(workflow)
    viewer = client_as("viewer")

    first = viewer.get(LIST, **HTMX).content.decode()
    second = viewer.get(LIST, {"page": 2}, **HTMX).content.decode()

    assert first.strip().startswith('<section id="execution-results"')
    assert len(re.findall(r'href="/kjoringer/\d+/"', first)) == 25
    assert len(re.findall(r'href="/kjoringer/\d+/"', second)) == 2
    assert "page=2" in first


# --- Detail ----------------------------------------------------------------------------------


def test_the_detail_page_shows_timeline_progress_logs_and_polls(
    sending: WorkflowExecution,
) -> None:
    response = client_as("business").get(detail(sending))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="execution-live" class="live" aria-live="polite"' in html
    assert f'hx-get="{status_url(sending)}?seen=' in html
    assert 'hx-trigger="every 2s"' in html
    # Timeline from the snapshot: step 1 is the current one, step 2 not started yet.
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r'<li class="(\w+)">', timeline) == ["current", "pending"]
    # Progress: 2 of 5 sent; 4 of 5 handled (1 failed, 1 skipped), 1 still waiting.
    assert 'aria-valuemax="5" aria-valuenow="4"' in html
    assert 'style="width: 80%"' in html
    assert re.search(r'id="progress-sent">2 (av|of) 5', html)
    # The per-customer log with its JSON viewer.
    logs = html.split('id="execution-logs"')[1]
    assert logs.count('<details class="json-log">') == 5
    assert "&quot;message_id&quot;" in logs
    assert "550 no such user" in logs
    for button in ("action-pause", "action-cancel"):
        assert f'id="{button}"' in html
    assert 'id="action-resume"' not in html and 'id="action-retry"' not in html


def test_a_viewer_sees_the_execution_without_any_button(sending: WorkflowExecution) -> None:
    html = client_as("viewer").get(detail(sending)).content.decode()
    assert 'class="actions"' not in html.split('id="execution-live"')[1].split("</section>")[0]
    assert not re.search(r'id="action-(pause|resume|cancel|retry)"', html)


def test_the_logs_fragment_filters_by_status_and_paginates(
    sending: WorkflowExecution, workflow: WorkflowDefinition
) -> None:
    viewer = client_as("viewer")

    failed = viewer.get(detail(sending), {"status": "failed"}, **HTMX).content.decode()

    assert "<html" not in failed
    assert failed.strip().startswith('<section id="execution-logs"')
    assert "execution-live" not in failed
    assert failed.count('<details class="json-log">') == 1
    assert 'hx-trigger="execution-progress from:body, email-decided from:body"' in failed

    many = make_execution(workflow, status="running")
    customers = [
        Customer.objects.create(name=f"K{i}", email=f"k{i}@example.com") for i in range(30)
    ]
    add_logs(many, customers, ["success"] * 30)
    page2 = viewer.get(detail(many), {"page": 2}, **HTMX).content.decode()
    assert page2.count('<details class="json-log">') == 5
    assert "page=2" in page2  # its refresh keeps the page


def test_the_status_poll_returns_200_while_running_and_286_when_finished(
    sending: WorkflowExecution,
) -> None:
    viewer = client_as("viewer")

    running = viewer.get(status_url(sending), **HTMX)
    assert running.status_code == 200
    assert running["HX-Trigger"] == "execution-progress"
    body = running.content.decode()
    assert "<html" not in body
    assert body.strip().startswith('<div class="live-inner" data-status="running"')
    assert 'hx-trigger="every 2s"' in body

    # Nothing changed since what the page shows: nothing to swap.
    seen = re.search(r"\?seen=([^\"]+)\"", body).group(1)
    assert viewer.get(status_url(sending) + "?seen=" + seen, **HTMX).status_code == 204
    WorkflowActionLog.objects.filter(execution=sending, status="pending").update(status="success")
    assert viewer.get(status_url(sending) + "?seen=" + seen, **HTMX).status_code == 200

    WorkflowExecution.objects.filter(pk=sending.pk).update(
        status="completed", current_step=None, completed_at=timezone.now()
    )
    finished = viewer.get(status_url(sending) + "?seen=" + seen, **HTMX)
    assert finished.status_code == 286
    body = finished.content.decode()
    assert 'data-status="completed"' in body
    assert "hx-trigger" not in body
    assert 'id="progress-sent">3' in body


@pytest.mark.parametrize(
    ("status", "current", "expected"),
    [
        ("queued", None, ["pending", "pending"]),
        ("waiting", 2, ["done", "waiting"]),
        ("paused", 1, ["paused", "pending"]),
        ("failed", 1, ["failed", "pending"]),
        ("cancelled", 2, ["done", "cancelled"]),
        ("completed", None, ["done", "done"]),
    ],
)
def test_the_timeline_follows_the_execution(
    workflow: WorkflowDefinition, status: str, current: int | None, expected: list[str]
) -> None:
    resume_at = timezone.now() + dt.timedelta(days=2)
    execution = make_execution(workflow, status=status)
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        current_step=current, resume_at=resume_at if status == "waiting" else None
    )
    html = client_as("viewer").get(detail(execution)).content.decode()
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r'<li class="(\w+)">', timeline) == expected
    if status == "waiting":
        local = timezone.localtime(resume_at)
        assert local.strftime("%H:%M") in timeline


# --- Actions -------------------------------------------------------------------------------------


def action(name: str, execution: WorkflowExecution) -> str:
    return reverse(f"executions:execution-{name}", args=[execution.pk])


@pytest.mark.parametrize("name", ["pause", "resume", "cancel", "retry"])
def test_a_viewer_may_not_steer_an_execution(sending: WorkflowExecution, name: str) -> None:
    response = client_as("viewer").post(action(name, sending), **HTMX)
    assert response.status_code == 403
    sending.refresh_from_db()
    assert sending.status == "running"


def test_pause_resume_and_cancel_answer_with_the_live_section(
    sending: WorkflowExecution, queued: dict[str, list[Any]]
) -> None:
    business = client_as("business")

    paused = business.post(action("pause", sending), **HTMX)
    assert paused.status_code == 200
    assert 'data-status="paused"' in paused.content.decode()
    assert 'id="action-resume"' in paused.content.decode()
    assert 'class="message success"' in paused.content.decode()

    resumed = business.post(action("resume", sending), **HTMX)
    assert 'data-status="queued"' in resumed.content.decode()
    assert queued["run"] == [(sending.pk,)]

    cancelled = business.post(action("cancel", sending), **HTMX)
    assert cancelled.status_code == 286  # finished: the page stops polling
    assert 'data-status="cancelled"' in cancelled.content.decode()
    sending.refresh_from_db()
    assert sending.status == "cancelled"
    assert not sending.action_logs.filter(status="pending").exists()


def test_an_action_in_the_wrong_state_explains_itself(sending: WorkflowExecution) -> None:
    response = client_as("business").post(action("resume", sending), **HTMX)
    assert response.status_code == 200
    assert 'class="message error"' in response.content.decode()
    sending.refresh_from_db()
    assert sending.status == "running"


def test_retry_without_htmx_redirects_back_to_the_execution(
    workflow: WorkflowDefinition, queued: dict[str, list[Any]]
) -> None:
    failed = make_execution(workflow, status="failed", error_message="SMTP down")
    business = client_as("business")
    assert 'id="action-retry"' in business.get(detail(failed)).content.decode()

    response = business.post(action("retry", failed), follow=True)

    assert response.redirect_chain == [(detail(failed), 302)]
    failed.refresh_from_db()
    assert failed.status == "queued"
    assert queued["run"] == [(failed.pk,)]
