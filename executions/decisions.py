"""Deciding about emails whose outcome is unknown.

A worker that dies between handing an email to the mail server and recording the answer
leaves the customer's row `unknown`: maybe delivered, maybe not, never resent blindly. These
services settle one such email, each an explicit, recorded decision (``EmailDecision``):

- a person (staff) checked the mail server's log and marks it delivered (-> `success`);
- a person sends it again (-> sent through the normal email path with a new Message-ID that
  names the first in ``References``; the row's outcome is then that send's);
- the email provider reports a delivery or a bounce for its Message-ID (Anymail's tracking
  events, ``executions.tracking``) (-> `success` or `failed`).

One-way and race-safe: each takes the row FOR UPDATE and decides only an `unknown` row whose
current Message-ID nobody decided about yet; the unique constraint on (row, Message-ID) is the
last word if two decisions meet anyway. A person may decide only once the row has been quiet
for ``WORKFLOW_UNKNOWN_SETTLE_SECONDS``: until then its email may still be on its way (the
claim of a running batch, or a resend in progress), and a second send could double it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import STAFF, user_has_role
from automation.registry import get_step_type, step_type_keys
from core.errors import DomainError
from core.reasons import Reason, no_error
from executions.message_ids import message_id, resend_message_id
from executions.models import EmailDecision, WorkflowActionLog, WorkflowExecution

LogStatus = WorkflowActionLog.Status
Decision = EmailDecision.Decision

__all__ = [
    "DecisionError",
    "current_message_id",
    "email_mark_delivered",
    "email_provider_outcome",
    "email_resend",
    "settle_seconds",
]


class DecisionError(DomainError):
    """The email cannot be decided about (now): answered 409 by the API."""

    status_code = 409

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__([{"path": "", "code": code, "message": message}])
        self.args = (message,)
        self.code = code

    def __str__(self) -> str:
        return str(self.args[0])


def settle_seconds() -> int:
    # Longer than one SMTP transaction can take (each command waits up to EMAIL_TIMEOUT).
    return int(getattr(settings, "WORKFLOW_UNKNOWN_SETTLE_SECONDS", 120))


def current_message_id(log: WorkflowActionLog) -> str:
    """The Message-ID the row's email was (or is being) sent with: a resend's, once one was
    decided; else the one derived from the claim."""
    recorded = (log.result_data or {}).get("message_id")
    if isinstance(recorded, str) and recorded:
        return recorded
    return message_id(log.execution_id, log.step_order, log.target_id or 0)


def _email_types() -> set[str]:
    return set(step_type_keys(lambda cls: cls.emails_customers))


def _lock(log: WorkflowActionLog | int) -> WorkflowActionLog:
    pk = log if isinstance(log, int) else log.pk
    try:
        return (
            WorkflowActionLog.objects.select_for_update()
            .filter(
                action_type__in=_email_types(), target_type=WorkflowActionLog.TargetType.CUSTOMER
            )
            .get(pk=pk)
        )
    except WorkflowActionLog.DoesNotExist:
        raise DecisionError(_("This is not a customer email."), code="not_an_email") from None


def _decidable(log: WorkflowActionLog, *, now: dt.datetime) -> str:
    """The row's current Message-ID, if a person may decide about it now; raises otherwise."""
    mid = current_message_id(log)
    if log.status != LogStatus.UNKNOWN or log.decisions.filter(message_id=mid).exists():
        raise DecisionError(_("This email has already been decided about."), code="already_decided")
    if log.updated_at > now - dt.timedelta(seconds=settle_seconds()):
        # A resend decided a moment ago is in this state too: it is not decided twice.
        code = "already_decided" if log.decisions.exists() else "not_settled"
        raise DecisionError(
            _("The email may still be on its way; decide once it has been quiet for %(n)s s.")
            % {"n": settle_seconds()},
            code=code,
        )
    return mid


def _require_staff(by: Any) -> None:
    if not user_has_role(by, STAFF):
        raise DecisionError(_("Only staff may decide about unknown emails."), code="forbidden")


def _record(log: WorkflowActionLog, **fields: Any) -> EmailDecision:
    try:
        with transaction.atomic():  # a savepoint: the constraint's refusal is answered, not raised
            decision = EmailDecision.objects.create(
                action_log=log, execution_id=log.execution_id, **fields
            )
    except IntegrityError:
        raise DecisionError(
            _("This email has already been decided about."), code="already_decided"
        ) from None
    # The execution's pages and lists see the change (their signature reads updated_at).
    WorkflowExecution.objects.filter(pk=log.execution_id).update(updated_at=timezone.now())
    return decision


@transaction.atomic
def email_mark_delivered(*, log: WorkflowActionLog | int, by: Any) -> EmailDecision:
    """A person checked the mail server's log: the email was delivered."""
    _require_staff(by)
    row = _lock(log)
    now = timezone.now()
    mid = _decidable(row, now=now)
    decision = _record(row, message_id=mid, decision=Decision.MARKED_DELIVERED, decided_by=by)
    row.status = LogStatus.SUCCESS
    row.result_data = {**row.result_data, "message_id": mid, "decision": decision.decision}
    row.updated_at = now
    for name, value in no_error().items():
        setattr(row, name, value)
    row.save(update_fields=["status", "result_data", "updated_at", *no_error()])
    return decision


def email_resend(*, log: WorkflowActionLog | int, by: Any) -> EmailDecision:
    """A person decided to send the email again: decided and claimed in one transaction,
    then sent (the step type's ``resend``) once that is committed."""
    with transaction.atomic():
        _require_staff(by)
        row = _lock(log)
        now = timezone.now()
        mid = _decidable(row, now=now)
        count = row.decisions.filter(decision=Decision.RESENT).count() + 1
        new_id = resend_message_id(row.execution_id, row.step_order, row.target_id or 0, count)
        decision = _record(
            row, message_id=mid, decision=Decision.RESENT, new_message_id=new_id, decided_by=by
        )
        # Still `unknown` (the outcome of this send is not known yet), now with the resend's
        # Message-ID and a fresh updated_at: nobody can decide about it until it is settled.
        row.result_data = {**row.result_data, "message_id": new_id, "resent_of": mid}
        row.attempts += 1
        row.updated_at = now
        row.save(update_fields=["result_data", "attempts", "updated_at"])
    get_step_type(row.action_type)().resend(row.pk, message_id=new_id, resent_of=mid)
    return decision


#: What a provider's event says about an email whose outcome was unknown.
PROVIDER_OUTCOMES = {
    True: (Decision.PROVIDER_DELIVERED, LogStatus.SUCCESS),
    False: (Decision.PROVIDER_BOUNCED, LogStatus.FAILED),
}


@transaction.atomic
def email_provider_outcome(
    *,
    execution_id: int,
    step_order: int,
    customer_id: int,
    message_id: str,
    delivered: bool,
    provider: str,
    detail: str = "",
) -> EmailDecision | None:
    """The email provider reported what became of the email sent with ``message_id``. It
    settles the row only while that email's outcome is unknown: None otherwise (an event
    for an email that was recorded as sent, or one a person already decided about)."""
    row = (
        WorkflowActionLog.objects.select_for_update()
        .filter(
            execution_id=execution_id,
            step_order=step_order,
            target_type=WorkflowActionLog.TargetType.CUSTOMER,
            target_id=customer_id,
            action_type__in=_email_types(),
            status=LogStatus.UNKNOWN,
        )
        .first()
    )
    if row is None or current_message_id(row) != message_id:
        return None
    if row.decisions.filter(message_id=message_id).exists():
        return None
    kind, status = PROVIDER_OUTCOMES[delivered]
    try:
        decision = _record(row, message_id=message_id, decision=kind, provider=provider[:50])
    except DecisionError:
        return None
    row.status = status
    row.result_data = {**row.result_data, "message_id": message_id, "decision": kind}
    fields = (
        no_error()
        if delivered
        else Reason("email.provider_bounced", provider=provider, detail=detail[:500]).error_fields()
    )
    for name, value in fields.items():
        setattr(row, name, value)
    row.updated_at = timezone.now()
    row.save(update_fields=["status", "result_data", "updated_at", *fields])
    return decision
