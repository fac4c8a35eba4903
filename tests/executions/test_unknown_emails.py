"""Emails whose outcome is unknown (a worker died between handing one to the mail server and
recording the answer): listed with their Message-ID, and settled by one explicit, recorded
decision: staff mark it delivered or send it again, or the provider's delivery or bounce event
for its Message-ID settles it (executions/decisions.py, executions/tracking.py).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client, override_settings

from executions import decisions
from executions.admin import NEEDS_ATTENTION, NeedsAttentionFilter
from executions.message_ids import message_id, resend_message_id, tracking_metadata
from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution
from executions.selectors import execution_progress, unknown_email_list
from tests.executions.test_email_step import (
    WorkerKilled,
    email_run,  # noqa: F401 (a fixture)
    send_batch,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("transitions_are_complete")]

LogStatus = WorkflowActionLog.Status
Decision = EmailDecision.Decision
WEBHOOK_SECRET = "hook:s3cret-value"


def user(role: str) -> User:
    person = User.objects.create_user(username=f"{role}-person", password="x")
    person.groups.add(Group.objects.get_or_create(name=role)[0])
    return person


@pytest.fixture
def unknown_run(email_run, queue, mail_backend, mailoutbox, clock):  # noqa: F811 (the fixture)
    """A completed run of three emails whose second one's outcome was lost in a crash, and
    long enough ago that a person may decide about it."""
    run = email_run(3)

    def killed_while_sending_to_kunde1(address: str) -> None:
        if address == "kunde1@example.com":
            raise WorkerKilled

    mail_backend.before_send = killed_while_sending_to_kunde1
    with pytest.raises(WorkerKilled):
        send_batch(run.execution.pk, 1, run.ids)
    mail_backend.before_send = None
    queue.drain()
    assert run.refresh().status == WorkflowExecution.Status.COMPLETED
    assert run.statuses()["kunde1@example.com"] == LogStatus.UNKNOWN
    clock.advance(seconds=decisions.settle_seconds() + 1)
    mailoutbox.clear()
    run.log = WorkflowActionLog.objects.get(execution=run.execution, target_id=run.ids[1])
    run.first_id = message_id(run.execution.pk, 1, run.ids[1])
    return run


def needs_attention(execution: WorkflowExecution) -> bool:
    found = NeedsAttentionFilter(
        None, {NeedsAttentionFilter.parameter_name: [NEEDS_ATTENTION]}, WorkflowExecution, None
    ).queryset(None, WorkflowExecution.objects.all())
    return found.filter(pk=execution.pk).exists()


def test_the_unknown_email_is_listed_with_customer_subject_and_message_id(unknown_run) -> None:
    [email] = unknown_email_list(execution=unknown_run.execution)
    assert email.log.pk == unknown_run.log.pk
    assert email.customer.email == "kunde1@example.com"
    assert email.subject  # rendered again, as the template renders it for kunde1
    assert email.message_id == unknown_run.first_id
    assert email.decidable


def test_every_email_carries_its_claim_and_message_id_for_the_providers_events(
    email_run,  # noqa: F811 (the fixture)
    queue,
    mailoutbox,
) -> None:
    run = email_run(1)
    queue.drain()
    [sent] = [m for m in mailoutbox if m.to == ["kunde0@example.com"]]
    expected = message_id(run.execution.pk, 1, run.ids[0])
    assert sent.extra_headers["Message-ID"] == expected
    assert sent.metadata == tracking_metadata(run.execution.pk, 1, run.ids[0], expected)
    assert "References" not in sent.extra_headers


def test_marking_delivered_records_who_and_clears_the_attention(unknown_run) -> None:
    staff = user("staff")
    assert needs_attention(unknown_run.execution)

    decision = decisions.email_mark_delivered(log=unknown_run.log, by=staff)

    assert (decision.decision, decision.decided_by, decision.message_id) == (
        Decision.MARKED_DELIVERED,
        staff,
        unknown_run.first_id,
    )
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.SUCCESS
    assert unknown_run.log.result_data["decision"] == Decision.MARKED_DELIVERED
    assert execution_progress(unknown_run.execution)["unknown"] == 0
    assert unknown_email_list(execution=unknown_run.execution) == []
    assert not needs_attention(unknown_run.execution)
    # One-way: neither decision is possible any more.
    for service in (decisions.email_mark_delivered, decisions.email_resend):
        with pytest.raises(decisions.DecisionError) as refused:
            service(log=unknown_run.log, by=staff)
        assert refused.value.code == "already_decided"
    assert EmailDecision.objects.count() == 1


def test_nobody_below_staff_may_decide(unknown_run) -> None:
    for role in ("viewer", "business", "developer"):
        with pytest.raises(decisions.DecisionError) as refused:
            decisions.email_mark_delivered(log=unknown_run.log, by=user(role))
        assert refused.value.code == "forbidden"
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.UNKNOWN
    assert not EmailDecision.objects.exists()


def test_an_email_that_may_still_be_on_its_way_is_not_decided(unknown_run, clock) -> None:
    WorkflowActionLog.objects.filter(pk=unknown_run.log.pk).update(updated_at=clock.now)
    [email] = unknown_email_list(execution=unknown_run.execution)
    assert not email.decidable
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.email_resend(log=unknown_run.log, by=user("staff"))
    assert refused.value.code == "not_settled"
    assert not EmailDecision.objects.exists()


def test_a_resend_goes_out_with_a_new_message_id_that_references_the_first(
    unknown_run, mailoutbox
) -> None:
    staff = user("staff")
    decision = decisions.email_resend(log=unknown_run.log, by=staff)

    new_id = resend_message_id(unknown_run.execution.pk, 1, unknown_run.ids[1], 1)
    assert new_id != unknown_run.first_id
    assert (decision.decision, decision.message_id, decision.new_message_id) == (
        Decision.RESENT,
        unknown_run.first_id,
        new_id,
    )
    [sent] = mailoutbox
    assert sent.to == ["kunde1@example.com"]
    assert sent.extra_headers["Message-ID"] == new_id
    assert sent.extra_headers["References"] == unknown_run.first_id
    assert sent.subject == unknown_email_subject(unknown_run)
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.SUCCESS
    assert unknown_run.log.result_data["message_id"] == new_id
    assert unknown_run.log.result_data["resent_of"] == unknown_run.first_id
    with pytest.raises(decisions.DecisionError):
        decisions.email_resend(log=unknown_run.log, by=staff)
    assert len(mailoutbox) == 1


def unknown_email_subject(run: Any) -> str:
    # The first send's subject for the same customer: kunde0's email shows the template's
    # subject rendered for a customer; the resend renders it for kunde1 the same way.
    from executions.steps.send_email.sending import email_subject

    return email_subject(run.execution.pk, 1, run.ids[1])


def test_a_resend_whose_own_outcome_is_lost_can_be_decided_again(
    unknown_run, mail_backend, clock
) -> None:
    staff = user("staff")

    def connection_dropped(address: str) -> None:
        raise ConnectionResetError("dropped during the data")

    mail_backend.before_send = connection_dropped
    decisions.email_resend(log=unknown_run.log, by=staff)
    mail_backend.before_send = None
    unknown_run.log.refresh_from_db()
    new_id = resend_message_id(unknown_run.execution.pk, 1, unknown_run.ids[1], 1)
    assert unknown_run.log.status == LogStatus.UNKNOWN
    [email] = unknown_email_list(execution=unknown_run.execution)
    assert email.message_id == new_id and not email.decidable
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.email_mark_delivered(log=unknown_run.log, by=staff)
    assert refused.value.code == "already_decided"  # the resend is still settling

    clock.advance(seconds=decisions.settle_seconds() + 1)
    decision = decisions.email_mark_delivered(log=unknown_run.log, by=staff)
    assert decision.message_id == new_id
    assert list(unknown_run.log.decisions.values_list("decision", flat=True)) == [
        Decision.RESENT,
        Decision.MARKED_DELIVERED,
    ]


def test_a_refused_resend_is_recorded_as_failed(unknown_run, mail_backend) -> None:
    import smtplib

    mail_backend.fail(
        "kunde1@example.com",
        smtplib.SMTPRecipientsRefused({"kunde1@example.com": (550, b"5.1.1 No such user")}),
    )
    decisions.email_resend(log=unknown_run.log, by=user("staff"))
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.FAILED
    assert "No such user" in unknown_run.log.error_message


def test_a_resend_skips_a_customer_who_unsubscribed_since(unknown_run, mailoutbox) -> None:
    from django.utils import timezone

    from customers.models import Customer

    Customer.objects.filter(pk=unknown_run.ids[1]).update(unsubscribed_at=timezone.now())
    decisions.email_resend(log=unknown_run.log, by=user("staff"))
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.SKIPPED
    assert mailoutbox == []


# --- The provider's events (Anymail's tracking webhook, Postmark's format) -------------------


def postmark_event(record_type: str, metadata: dict[str, str], **fields: Any) -> str:
    return json.dumps(
        {
            "RecordType": record_type,
            "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
            "Recipient": "kunde1@example.com",
            "Email": "kunde1@example.com",
            "DeliveredAt": "2026-03-30T07:10:00Z",
            "BouncedAt": "2026-03-30T07:10:00Z",
            "Metadata": metadata,
            **fields,
        }
    )


def post_event(body: str) -> int:
    auth = "Basic " + base64.b64encode(WEBHOOK_SECRET.encode()).decode()
    response = Client(enforce_csrf_checks=True).post(
        "/k/anymail/postmark/tracking/",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=auth,
    )
    return response.status_code


def metadata_of(run: Any, mid: str | None = None) -> dict[str, str]:
    return tracking_metadata(run.execution.pk, 1, run.ids[1], mid or run.first_id)


@override_settings(ANYMAIL={"WEBHOOK_SECRET": WEBHOOK_SECRET})
def test_a_delivery_event_for_the_message_id_settles_it_as_sent(unknown_run) -> None:
    assert post_event(postmark_event("Delivery", metadata_of(unknown_run))) == 200
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.SUCCESS
    [decision] = EmailDecision.objects.all()
    assert (decision.decision, decision.decided_by, decision.provider) == (
        Decision.PROVIDER_DELIVERED,
        None,
        "Postmark",
    )
    assert decision.decided_by_label == "Postmark"
    assert not needs_attention(unknown_run.execution)
    # The same event again (providers retry their webhooks) changes nothing.
    assert post_event(postmark_event("Delivery", metadata_of(unknown_run))) == 200
    assert EmailDecision.objects.count() == 1


@override_settings(ANYMAIL={"WEBHOOK_SECRET": WEBHOOK_SECRET})
def test_a_bounce_event_settles_it_as_failed(unknown_run) -> None:
    body = postmark_event(
        "Bounce",
        metadata_of(unknown_run),
        Type="HardBounce",
        TypeCode=1,
        Description="No such user",
    )
    assert post_event(body) == 200
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.FAILED
    assert unknown_run.log.error_code == "email.provider_bounced"
    assert "No such user" in unknown_run.log.error_message
    assert EmailDecision.objects.get().decision == Decision.PROVIDER_BOUNCED


@override_settings(ANYMAIL={"WEBHOOK_SECRET": WEBHOOK_SECRET})
def test_events_for_other_emails_settle_nothing(unknown_run) -> None:
    other = tracking_metadata(unknown_run.execution.pk, 1, unknown_run.ids[1], "<other@example>")
    for body in (
        postmark_event("Delivery", other),  # another Message-ID for the same customer
        postmark_event("Delivery", {}),  # not one of ours
        postmark_event("Open", metadata_of(unknown_run), FirstOpen=True),  # says nothing
    ):
        assert post_event(body) == 200
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.UNKNOWN
    assert not EmailDecision.objects.exists()


@override_settings(ANYMAIL={"WEBHOOK_SECRET": WEBHOOK_SECRET})
def test_after_a_person_decided_the_providers_event_for_the_first_email_changes_nothing(
    unknown_run,
) -> None:
    decisions.email_mark_delivered(log=unknown_run.log, by=user("staff"))
    body = postmark_event("Bounce", metadata_of(unknown_run), Type="HardBounce", TypeCode=1)
    assert post_event(body) == 200
    unknown_run.log.refresh_from_db()
    assert unknown_run.log.status == LogStatus.SUCCESS
    assert EmailDecision.objects.count() == 1
