"""The admin's emails with unknown outcome: one list across executions (with customer,
subject and Message-ID), the two decisions as actions, and the decisions shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.messages import constants
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from automation.models import WorkflowDefinition
from automation.services import workflow_create
from customers.models import Customer
from executions.message_ids import message_id, resend_message_id
from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution
from executions.services import execution_create
from executions.steps.send_email.sending import email_subject
from tests.automation.workflow_docs import make_refs, running_example

pytestmark = pytest.mark.django_db

LOGS = "admin:executions_workflowactionlog_changelist"


@pytest.fixture(autouse=True)
def english(settings) -> None:
    settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def workflow() -> WorkflowDefinition:
    return workflow_create(created_by=None, data=running_example(make_refs()))


def unknown_email(workflow: WorkflowDefinition, name: str) -> WorkflowActionLog:
    execution, _ = execution_create(workflow=workflow, trigger="manual")
    WorkflowExecution.objects.filter(pk=execution.pk).update(status="completed")
    customer = Customer.objects.create(name=name, email=f"{name.lower()}@example.com")
    log = WorkflowActionLog.objects.create(
        execution=execution,
        step_order=1,
        action_type="send_email",
        target_type="customer",
        target_id=customer.pk,
        status="unknown",
        result_data={"email": customer.email},
    )
    WorkflowActionLog.objects.filter(pk=log.pk).update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    return log


def act(client: Any, action: str, *logs: WorkflowActionLog) -> list[tuple[int, str]]:
    response = client.post(
        reverse(LOGS), {"action": action, "_selected_action": [log.pk for log in logs]}, follow=True
    )
    assert response.status_code == 200
    return [(message.level, str(message)) for message in response.context["messages"]]


def test_the_list_of_unknown_emails_spans_executions_with_customer_subject_and_message_id(
    admin_client, workflow
) -> None:
    first, second = unknown_email(workflow, "Kari"), unknown_email(workflow, "Ola")
    sent = WorkflowActionLog.objects.create(
        execution=first.execution,
        step_order=1,
        action_type="send_email",
        target_type="customer",
        target_id=Customer.objects.create(name="Per").pk,
        status="success",
    )
    response = admin_client.get(reverse(LOGS), {"unknown_email": "undecided"})
    assert response.status_code == 200
    assert {log.pk for log in response.context["cl"].result_list} == {first.pk, second.pk}
    assert sent.pk not in {log.pk for log in response.context["cl"].result_list}
    html = response.content.decode()
    assert "Kari &lt;kari@example.com&gt;" in html
    mid = message_id(first.execution_id, 1, first.target_id)
    assert mid.replace("<", "&lt;").replace(">", "&gt;") in html
    detail = admin_client.get(
        reverse("admin:executions_workflowactionlog_change", args=[first.pk])
    ).content.decode()
    subject = email_subject(first.execution_id, 1, first.target_id)
    assert subject and escape(subject) in detail  # rendered again: a claim keeps no subject


def test_the_admin_marks_emails_delivered_and_a_decided_one_is_refused(
    admin_client, admin_user, workflow
) -> None:
    first, second = unknown_email(workflow, "Kari"), unknown_email(workflow, "Ola")
    messages = act(admin_client, "mark_delivered", first, second)
    assert [level for level, _ in messages] == [constants.SUCCESS, constants.SUCCESS]
    for log in (first, second):
        log.refresh_from_db()
        assert log.status == "success"
        assert log.decisions.get().decided_by == admin_user

    again = act(admin_client, "resend", first)
    assert again[0][0] == constants.ERROR
    assert "already been decided" in again[0][1]
    assert EmailDecision.objects.count() == 2


def test_the_admin_sends_an_email_again(admin_client, workflow, mailoutbox) -> None:
    log = unknown_email(workflow, "Kari")
    assert act(admin_client, "resend", log)[0][0] == constants.SUCCESS
    [sent] = mailoutbox
    assert sent.extra_headers["Message-ID"] == resend_message_id(
        log.execution_id, 1, log.target_id, 1
    )
    assert sent.extra_headers["References"] == message_id(log.execution_id, 1, log.target_id)
    # The decision shows on the execution's admin page.
    page = admin_client.get(
        reverse("admin:executions_workflowexecution_change", args=[log.execution_id])
    ).content.decode()
    assert "Sent again" in page and "admin" in page
