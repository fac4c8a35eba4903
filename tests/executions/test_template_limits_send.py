"""An email that renders beyond the limits fails that customer's action cleanly: the rest of
the batch is sent, nothing is retried for ever, and a test run shows it (issue 22, 1 A)."""

from __future__ import annotations

from typing import Any

import pytest

from executions import engine
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("transitions_are_complete")]

LogStatus = WorkflowActionLog.Status
BODY = "<p>{{ kunde_navn }}</p>" * 20 + '<a href="{{ avmeldingslenke }}">x</a>'


@pytest.fixture
def started(clock, queue, mail_backend, make_workflow, start_execution, settings) -> Any:
    def start(*, is_test: bool = False) -> tuple[WorkflowExecution, dict[str, int]]:
        template = EmailTemplateFactory(body_html=BODY)
        customers = {
            "short": CustomerFactory(name="Kafé Sol", email="sol@example.com").pk,
            # 20 x 300 bytes: 6 kB of HTML, over the limit below.
            "long": CustomerFactory(name="Ø" * 150, email="lang@example.com").pk,
            "other": CustomerFactory(name="Bakeriet", email="bakeriet@example.com").pk,
        }
        settings.TEMPLATE_MAX_RENDERED_BYTES = 5_000
        workflow = make_workflow(
            [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "max_retries": 3,
                    "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
                }
            ]
        )
        execution = start_execution(workflow, is_test=is_test)
        engine.run_execution(execution.pk)
        return execution, customers

    return start


def rows(execution: WorkflowExecution) -> dict[int, WorkflowActionLog]:
    return {
        row.target_id: row
        for row in WorkflowActionLog.objects.filter(execution=execution, action_type="send_email")
    }


def test_an_oversized_email_fails_only_that_customer_at_once(started, mailoutbox) -> None:
    execution, customers = started()

    # Returns normally: no RetryLater, since a render that is too large stays too large.
    engine.run_step_work(execution.pk, 1, "send_email", sorted(customers.values()))

    by_customer = rows(execution)
    failed = by_customer[customers["long"]]
    assert (failed.status, failed.attempts) == (LogStatus.FAILED, 1)
    assert "HTML body would be larger than the limit" in failed.error_message
    assert by_customer[customers["short"]].status == LogStatus.SUCCESS
    assert by_customer[customers["other"]].status == LogStatus.SUCCESS
    assert sorted(m.to[0] for m in mailoutbox) == ["bakeriet@example.com", "sol@example.com"]
    execution.refresh_from_db()
    assert execution.status == WorkflowExecution.Status.FAILED
    assert execution.error_message == "Step 1: 1 action failed"
    assert execution.error_code == "step.actions_failed"


def test_a_test_run_shows_the_oversized_email_as_failed_and_renders_the_others(
    started, mailoutbox
) -> None:
    execution, customers = started(is_test=True)

    by_customer = rows(execution)
    failed = by_customer[customers["long"]]
    assert failed.status == LogStatus.FAILED
    assert "HTML body would be larger than the limit" in failed.error_message
    assert by_customer[customers["short"]].status == LogStatus.SUCCESS
    assert by_customer[customers["short"]].result_data["subject"] == "Hei Kafé Sol"
    assert by_customer[customers["other"]].status == LogStatus.SUCCESS
    assert mailoutbox == []
