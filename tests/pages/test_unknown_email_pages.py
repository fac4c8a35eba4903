"""The execution page's emails with unknown outcome: listed with customer, subject and
Message-ID; staff mark one delivered or send it again (HTMX and plain forms), and the
decision is shown; nobody else may."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from automation.models import WorkflowDefinition
from executions.message_ids import resend_message_id
from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution
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


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    with no_celery() as calls:
        yield calls


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def completed(refs: Refs) -> WorkflowExecution:
    """A completed execution: one email sent, one whose outcome was lost an hour ago."""
    workflow: WorkflowDefinition = example_workflow(refs)
    execution = make_execution(workflow, status="completed")
    add_logs(execution, refs.customers[:2], ["success", "unknown"])
    WorkflowActionLog.objects.filter(execution=execution, status="unknown").update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    return execution


def unknown_log(execution: WorkflowExecution) -> WorkflowActionLog:
    return execution.action_logs.get(target_id__isnull=False, status="unknown")


def detail(execution: WorkflowExecution) -> str:
    return reverse("executions:execution-detail", args=[execution.pk])


def decide(name: str, execution: WorkflowExecution, log: WorkflowActionLog) -> str:
    return reverse(f"executions:email-{name}", args=[execution.pk, log.pk])


def unknowns_section(html: str) -> str:
    return html.split('id="execution-unknowns"')[1].split('id="execution-logs"')[0]


def test_staff_see_each_unknown_email_with_customer_subject_message_id_and_buttons(
    completed: WorkflowExecution, refs: Refs
) -> None:
    log = unknown_log(completed)
    response = client_as("staff").get(detail(completed))
    assert response.status_code == 200
    section = unknowns_section(response.content.decode())
    customer = refs.customers[1]
    assert customer.name in section and customer.email in section
    assert f"&lt;m{customer.pk}@example&gt;" in section  # the Message-ID, escaped
    subject = re.search(r"data-label=\"Emne\">([^<]+)</td>", section)
    assert subject and subject.group(1).strip() not in ("", "\N{EN DASH}")
    assert f'id="mark-delivered-{log.pk}"' in section
    assert f'id="resend-{log.pk}"' in section


def test_a_business_user_sees_the_list_without_buttons(completed: WorkflowExecution) -> None:
    section = unknowns_section(client_as("business").get(detail(completed)).content.decode())
    assert "Ukjent utfall" in section or "ukjent utfall" in section
    assert "mark-delivered-" not in section and "resend-" not in section


@pytest.mark.parametrize("role", ["viewer", "business", "developer"])
@pytest.mark.parametrize("name", ["mark-delivered", "resend"])
def test_only_staff_may_decide(completed: WorkflowExecution, role: str, name: str) -> None:
    log = unknown_log(completed)
    response = client_as(role).post(decide(name, completed, log), **HTMX)
    assert response.status_code == 403
    log.refresh_from_db()
    assert log.status == "unknown"
    assert not EmailDecision.objects.exists()


def test_marking_delivered_answers_with_the_section_and_the_live_counts(
    completed: WorkflowExecution,
) -> None:
    staff = client_as("staff")
    log = unknown_log(completed)
    assert "ukjent utfall" in staff.get(detail(completed)).content.decode()

    response = staff.post(decide("mark-delivered", completed, log), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Trigger"] == "email-decided"
    assert 'class="message success"' in html
    assert f'id="mark-delivered-{log.pk}"' not in html  # decided: no more buttons
    decisions = html.split('id="decisions-heading"')[1]
    assert "Merket som levert" in decisions and "staff-user" in decisions
    # The live section, out of band: nothing with unknown outcome any more.
    live = html.split('hx-swap-oob="innerHTML"')[1]
    assert 'data-status="completed"' in live and "ukjent utfall" not in live
    log.refresh_from_db()
    assert log.status == "success"

    again = staff.post(decide("resend", completed, log), **HTMX)
    assert 'class="message error"' in again.content.decode()
    assert EmailDecision.objects.count() == 1


def test_a_resend_without_htmx_sends_and_redirects_back(
    completed: WorkflowExecution, mailoutbox: list[Any], refs: Refs
) -> None:
    log = unknown_log(completed)
    response = client_as("staff").post(decide("resend", completed, log), follow=True)
    assert response.redirect_chain[-1][0] == detail(completed)
    assert "Sendt igjen" in response.content.decode()  # the decision's name in the table
    [sent] = mailoutbox
    assert sent.to == [refs.customers[1].email]
    assert sent.extra_headers["References"] == f"<m{refs.customers[1].pk}@example>"
    assert sent.extra_headers["Message-ID"] == resend_message_id(
        completed.pk, 1, refs.customers[1].pk, 1
    )
    log.refresh_from_db()
    assert log.status == "success"


def test_a_fresh_unknown_email_waits_before_it_can_be_decided(
    completed: WorkflowExecution,
) -> None:
    log = unknown_log(completed)
    WorkflowActionLog.objects.filter(pk=log.pk).update(updated_at=timezone.now())
    staff = client_as("staff")
    section = unknowns_section(staff.get(detail(completed)).content.decode())
    assert f'id="resend-{log.pk}"' not in section
    assert "kan avgjøres fra" in section
    response = staff.post(decide("resend", completed, log), **HTMX)
    assert 'class="message error"' in response.content.decode()
    assert not EmailDecision.objects.exists()


def test_the_section_alone_as_a_fragment(completed: WorkflowExecution) -> None:
    response = client_as("staff").get(detail(completed) + "?part=unknowns", **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="execution-unknowns"')
    assert "<html" not in html


def test_an_email_of_another_execution_is_not_found(
    completed: WorkflowExecution, refs: Refs
) -> None:
    other = make_execution(completed.workflow, status="completed")
    log = unknown_log(completed)
    response = client_as("staff").post(decide("resend", other, log), **HTMX)
    assert response.status_code == 404
