"""A webhook names the customer it is about (``data.customer_id`` or ``data.customer_email``):
a step sent to ``event_customer`` emails that customer only, and a customer we do not know
lets the event in but sends nothing, with the reason in the step's log."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from automation.services import workflow_deploy
from core.reasons import Reason
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.webhooks import webhook_signature
from tests.customers.factories import CustomerFactory
from tests.executions.test_steps import recipients_of, run_to_the_end, send_step, step_log
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

SECRET = "whsec-test-customer-7a1e-not-the-real-one"
EVENTS_URL = "/api/v1/workflow-automation/events"
Status = WorkflowExecution.Status
LogStatus = WorkflowActionLog.Status


@pytest.fixture(autouse=True)
def _secret(settings: Any) -> None:
    settings.WEBHOOK_SIGNING_SECRET = SECRET
    settings.WEBHOOK_TOLERANCE_S = 300


def post_event(data: dict[str, Any], *, name: str = "lager-lavt") -> Any:
    # A fresh id each time: the replay cache outlives a test's database.
    body = json.dumps({"id": uuid.uuid4().hex, "name": name, "data": data}).encode()
    timestamp = str(int(time.time()))
    return APIClient().post(
        EVENTS_URL,
        data=body,
        content_type="application/json",
        HTTP_X_WEBHOOK_TIMESTAMP=timestamp,
        HTTP_X_WEBHOOK_SIGNATURE=webhook_signature(timestamp=timestamp, body=body, secret=SECRET),
    )


@pytest.fixture
def price_list_on_webhook(make_workflow: Any) -> Any:
    """An active webhook workflow: the price list to the customer the webhook is about."""
    template = EmailTemplateFactory(name="Prisliste", subject="Prislista vår")
    workflow = make_workflow(
        [send_step(1, template.pk, {"event_customer": True})],
        event={"type": "webhook", "name": "lager-lavt"},
    )
    return workflow_deploy(workflow=workflow, by=None)


def executions_of(response: Any) -> list[WorkflowExecution]:
    assert response.status_code == 202, response.content
    return list(WorkflowExecution.objects.filter(pk__in=response.json()["execution_ids"]))


def test_a_webhook_naming_a_customer_by_id_emails_that_customer_only(
    queue, mail_backend, mailoutbox, price_list_on_webhook
) -> None:
    workshop = CustomerFactory(email="verksted@example.com")
    CustomerFactory(email="bystander@example.com")

    [execution] = executions_of(post_event({"customer_id": workshop.pk, "product": "olje"}))
    assert execution.context["event"]["customer_id"] == workshop.pk
    assert execution.context["event"]["data"] == {"customer_id": workshop.pk, "product": "olje"}
    execution = run_to_the_end(execution, queue)

    assert execution.status == Status.COMPLETED
    assert recipients_of(mailoutbox) == ["verksted@example.com"]
    assert [m.subject for m in mailoutbox] == ["Prislista vår"]


def test_a_webhook_naming_a_customer_by_email_matches_any_case(
    queue, mail_backend, mailoutbox, price_list_on_webhook
) -> None:
    workshop = CustomerFactory(email="Post@Verkstedet.no")
    CustomerFactory(email="annen@example.com")

    [execution] = executions_of(post_event({"customer_email": "  post@VERKSTEDET.no "}))
    assert execution.context["event"]["customer_id"] == workshop.pk
    run_to_the_end(execution, queue)

    assert recipients_of(mailoutbox) == ["Post@Verkstedet.no"]


@pytest.mark.parametrize(
    "names",
    [
        "unknown_id",
        "inactive_id",
        "unknown_email",
        "inactive_email",
        "shared_email",
        "nobody",
    ],
)
def test_a_customer_we_do_not_know_is_accepted_and_the_step_logs_why_nothing_was_sent(
    queue, mail_backend, mailoutbox, price_list_on_webhook, names: str
) -> None:
    CustomerFactory(email="bystander@example.com")
    gone = CustomerFactory(email="gone@example.com", active=False)
    CustomerFactory(email="felles@example.com")
    CustomerFactory(email="FELLES@example.com")  # two active customers: never a guess
    data = {
        "unknown_id": {"customer_id": gone.pk + 1000},
        "inactive_id": {"customer_id": gone.pk},
        "unknown_email": {"customer_email": "ingen@example.com"},
        "inactive_email": {"customer_email": "gone@example.com"},
        "shared_email": {"customer_email": "felles@example.com"},
        "nobody": {"product": "olje"},
    }[names]

    [execution] = executions_of(post_event(data))
    execution = run_to_the_end(execution, queue)

    assert execution.status == Status.COMPLETED
    assert mailoutbox == []
    skipped = step_log(execution, 1)
    assert skipped.status == LogStatus.SKIPPED
    assert skipped.result_data == {
        "reason": "no recipient: the event named no known, active customer",
        "reason_code": "skip.no_event_customer",
    }
    with translation.override("nb"):
        assert Reason("skip.no_event_customer").label() == (
            "ingen mottaker: hendelsen nevnte ingen kjent, aktiv kunde"
        )


def test_a_step_for_a_group_still_runs_when_the_webhook_names_an_unknown_customer(
    queue, mail_backend, mailoutbox, make_workflow
) -> None:
    template = EmailTemplateFactory()
    CustomerFactory(email="alle@example.com")
    workflow = make_workflow(
        [send_step(1, template.pk, {"group": "all"})], event={"type": "webhook"}
    )
    workflow_deploy(workflow=workflow, by=None)

    [execution] = executions_of(post_event({"customer_id": 999_999}))
    run_to_the_end(execution, queue)

    assert recipients_of(mailoutbox) == ["alle@example.com"]
    assert execution.context["event"]["customer_id"] is None


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"customer_id": "42"}, {"/data/customer_id": "invalid_type"}),
        ({"customer_id": True}, {"/data/customer_id": "invalid_type"}),
        ({"customer_id": 4.2}, {"/data/customer_id": "invalid_type"}),
        ({"customer_id": 0}, {"/data/customer_id": "invalid_type"}),
        ({"customer_id": 2**63}, {"/data/customer_id": "invalid_type"}),
        ({"customer_email": 42}, {"/data/customer_email": "invalid_type"}),
        ({"customer_email": ["a@example.com"]}, {"/data/customer_email": "invalid_type"}),
        ({"customer_email": "a" * 250 + "@x.no"}, {"/data/customer_email": "too_long"}),
        (
            {"customer_id": 1, "customer_email": "a@example.com"},
            {"/data/customer_email": "customer_ambiguous"},
        ),
    ],
)
def test_a_wrongly_named_customer_is_400_at_its_path_and_starts_nothing(
    price_list_on_webhook, data: dict[str, Any], errors: dict[str, str]
) -> None:
    response = post_event(data)

    assert response.status_code == 400, response.content
    assert {e["path"]: e["code"] for e in response.json()["errors"]} == errors
    assert not WorkflowExecution.objects.exists()


def test_null_is_the_same_as_naming_no_customer(
    queue, mail_backend, mailoutbox, price_list_on_webhook
) -> None:
    [execution] = executions_of(post_event({"customer_id": None, "customer_email": None}))

    assert "customer_id" not in execution.context["event"]
    run_to_the_end(execution, queue)
    assert mailoutbox == []
    assert step_log(execution, 1).result_data["reason_code"] == "skip.no_event_customer"
