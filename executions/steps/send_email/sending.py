"""Sending a step's emails: claim every recipient in the action log, then send in batches.

At most once per (execution, step, customer): a recipient is claimed as a `pending` row under
the action log's unique constraint before anything is sent; a batch flips one row from
`pending` to `unknown` (under the execution's row lock, so a pause stops it before the next
customer) right before handing the message to the backend and to `success` after (written
together with the next customer's claim: one round trip and one commit per email). A crash in
between leaves `unknown`, which is reported and never resent blindly. The message is rendered
and built before the claim, so that window holds nothing but the SMTP transaction.

With Django's SMTP backend and a store that pipelines its claims (PostgreSQL, see
``executions.store``) the claim's statement is sent without waiting and read back while the
backend says MAIL FROM and RCPT TO; DATA waits until the claim is committed, and a refused
claim resets the SMTP transaction (``gate``). Data that went out without an answer leaves the
row `unknown` too.

Every change of a row sets its `updated_at`: the dispatcher's sweep (executions/dispatch.py)
reads it to tell a step whose batches were lost from one that is still making progress.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.db.models import F
from django.utils import timezone, translation

from core.reasons import Reason, no_error
from customers.models import Customer
from executions import queueing
from executions.engine import retry_countdown
from executions.errors import PermanentStepError, RetryLater, ServiceUnavailable
from executions.message_ids import installation_key, message_id, tracking_metadata
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.steps.send_email.gate import GatedEmailBackend, batch_connection
from executions.store import ActionRow, Claim, SentRecord, store
from templates_app.models import EmailTemplate
from templates_app.rendering import TemplateRenderError, render_email
from templates_app.services import SKIP_REASON_FIELDS, email_skip_reason

logger = logging.getLogger(__name__)

LogStatus = WorkflowActionLog.Status
TargetType = WorkflowActionLog.TargetType
_CUSTOMER_GONE = Reason("email.customer_gone")


def batch_size() -> int:
    return int(getattr(settings, "WORKFLOW_EMAIL_BATCH_SIZE", 200))


def split_batches(customer_ids: list[int]) -> list[list[int]]:
    """Customers in batches of ``batch_size()``, but for a step of more than four batches the
    last two batches' worth goes in quarter batches: the workers run out of work at different
    moments, and the last to finish then waits for a short batch rather than a whole one,
    while the rest keep the fixed cost of a batch (about 16 ms) spread over many emails."""
    size = batch_size()
    ids = list(customer_ids)
    if len(ids) <= 4 * size:
        return [ids[start : start + size] for start in range(0, len(ids), size)]
    split = len(ids) - 2 * size
    small = max(1, size // 4)
    return [ids[start : start + size] for start in range(0, split, size)] + [
        ids[start : start + small] for start in range(split, len(ids), small)
    ]


def resolve_template(action_config: dict[str, Any]) -> EmailTemplate:
    try:
        if (template_id := action_config.get("template_id")) is not None:
            try:
                found = store().template(int(template_id))
            except (TypeError, ValueError):
                found = None
            if found is None:
                raise EmailTemplate.DoesNotExist
            return found
        return EmailTemplate.objects.get(name=action_config["template"])
    except (EmailTemplate.DoesNotExist, KeyError) as exc:
        raise PermanentStepError(
            Reason("email.template_not_found", config=repr(action_config))
        ) from exc


def render_for(template: EmailTemplate, customer: Customer, execution: WorkflowExecution):
    extra = {}
    event = (execution.context or {}).get("event") or {}
    if event.get("order_id"):
        extra["ordre_nummer"] = str(event["order_id"])
    # The email is in the customer's language (render_email sees to it); a render error is
    # stored in the action log, and what the engine stores is English.
    with translation.override("en"):
        return render_email(template=template, customer=customer, extra=extra)


@dataclass
class Prepared:
    customer_ids: list[int]
    pending: list[int] = field(default_factory=list)
    skipped: int = 0
    #: Customers who failed for good in an earlier round of this step (e.g. before a pause).
    failed: int = 0
    #: The pending customers the run sends to itself, after the step commits (no batch was
    #: enqueued for them); empty when batches were enqueued.
    here: list[int] = field(default_factory=list)


def batch_here_size() -> int:
    """The most customers a run sends to itself after an email step commits
    (``WORKFLOW_EMAILS_IN_RUN``; 0: every email goes out in batches on the email queue)."""
    return int(getattr(settings, "WORKFLOW_EMAILS_IN_RUN", 10))


def prepare_step(ctx: Any, action_config: dict[str, Any]) -> Prepared:
    """Claim every recipient of an email step and enqueue batches for those still pending,
    or, when the run may do it (``ctx.may_work_here``) and they are few, leave them to the
    run itself (``Prepared.here``): a message, another worker's read of the execution and its
    lease are most of the cost of a step that emails one customer.

    Safe to repeat: existing claims are kept, so a re-run only sends to whoever is pending.
    """
    action = ctx.step["step_type"]
    template = resolve_template(action_config)
    # Rows with just the fields the skip reason reads, not model instances (building those
    # took about 0.1 s of the 0.3 s a step to 10,000 customers spent here).
    recipients = ctx.customers(action_config.get("recipients")).values_list(
        *SKIP_REASON_FIELDS, named=True
    )
    rows: list[ActionRow] = []
    for customer in recipients:
        reason = email_skip_reason(template=template, customer=customer)
        if reason:
            result = {**reason.result_fields(), "email": customer.email}
            rows.append(ActionRow(customer.pk, LogStatus.SKIPPED, result))
        else:
            result = {"email": customer.email, "template": template.name}
            rows.append(ActionRow(customer.pk, LogStatus.PENDING, result))
    prepared = Prepared(customer_ids=[row.target_id for row in rows])
    prepared.skipped = sum(1 for row in rows if row.status == LogStatus.SKIPPED)
    logs = WorkflowActionLog.objects.filter(
        execution=ctx.execution, step_order=ctx.step_order, action_type=action
    ).order_by()
    # Under the execution's lock: nobody else writes this step's rows meanwhile.
    fresh = not logs.exists()
    store().insert_actions(
        execution_id=ctx.execution.pk,
        step_id=ctx.step.get("id"),
        step_order=ctx.step_order,
        action_type=action,
        target_type=TargetType.CUSTOMER,
        rows=rows,
        fresh=fresh,
    )
    if fresh:
        # The first run of the step (by far the common case): what went in is what is pending.
        prepared.pending = sorted(row.target_id for row in rows if row.status == LogStatus.PENDING)
    else:
        prepared.pending = sorted(
            logs.filter(status=LogStatus.PENDING).values_list("target_id", flat=True)
        )
        prepared.failed = logs.filter(status=LogStatus.FAILED).count()
    if ctx.may_work_here and 0 < len(prepared.pending) <= batch_here_size():
        prepared.here = list(prepared.pending)
    else:
        enqueue_batches(ctx.execution.pk, ctx.step_order, action, prepared.pending)
    return prepared


def enqueue_batches(
    execution_id: int, step_order: int, action: str, customer_ids: list[int]
) -> int:
    """Batches for ``customer_ids`` on the email queue; how many."""
    batches = split_batches(customer_ids)
    for batch in batches:
        queueing.enqueue_step_work(execution_id, step_order, action, batch, queue="email")
    return len(batches)


def reply_to_of(action_config: dict[str, Any], rendered: Any) -> str:
    """Where replies go: the step's address, else the template's (or the default), which
    ``render_email`` put in the headers; "" for the sender."""
    return action_config.get("reply_to") or rendered.reply_to


def preview_step(ctx: Any, action_config: dict[str, Any]) -> list[int]:
    """Test runs: render every email and log who would get what, sending nothing."""
    template = resolve_template(action_config)
    customers = list(ctx.customers(action_config.get("recipients")))
    for customer in customers:
        reason = email_skip_reason(template=template, customer=customer)
        if reason:
            result = {**reason.result_fields(), "email": customer.email, "test": True}
            status = LogStatus.SKIPPED
        else:
            try:
                rendered = render_for(template, customer, ctx.execution)
            except TemplateRenderError as exc:
                # This customer's email cannot be rendered (too large, say): the test run
                # shows it as the real send would fail it, and goes on with the others.
                ctx.log(
                    action_type=ctx.step["step_type"],
                    target_type=WorkflowActionLog.TargetType.CUSTOMER,
                    target_id=customer.pk,
                    status=LogStatus.FAILED,
                    result_data={"test": True, "email": customer.email},
                    error=Reason.of(exc),
                )
                continue
            result = {
                "test": True,
                "email": customer.email,
                "template": template.name,
                "subject": rendered.subject,
                "reply_to": reply_to_of(action_config, rendered),
                "html": rendered.html,
                "text": rendered.text,
            }
            status = LogStatus.SUCCESS
        ctx.log(
            action_type=ctx.step["step_type"],
            target_type=WorkflowActionLog.TargetType.CUSTOMER,
            target_id=customer.pk,
            status=status,
            result_data=result,
        )
    return [c.pk for c in customers]


def _is_permanent(exc: Exception) -> bool:
    if isinstance(exc, PermanentStepError | TemplateRenderError):
        # A template that cannot render for this customer (too large, an argument out of
        # range) renders the same on every retry.
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 500 <= exc.smtp_code < 600
    return False


class _Claims:
    """The batch's action-log rows, claimed one customer at a time right before each send.

    A claim flips one row from `pending` to `unknown` only while the execution is `running`,
    checked under a share lock on the execution's row, so a pause or cancel (which takes that
    row FOR UPDATE) takes effect before the next customer. The success of the previous send
    rides with the claim: one round trip and one commit per email (``executions.store``).
    Until then that row says `unknown`, which is what a crash between a send and its record
    must leave behind.
    """

    def __init__(
        self, execution_id: int, step_order: int, action: str, customer_ids: list[int]
    ) -> None:
        self.execution_id = execution_id
        self.store = store()
        rows = self.store.batch_rows(
            execution_id=execution_id,
            step_order=step_order,
            action_type=action,
            target_type=TargetType.CUSTOMER,
            target_ids=customer_ids,
        )
        self.rows = {target_id: pk for target_id, pk, _ in rows}
        #: Customers still pending when the batch started. Only they can be claimed: a row
        #: never returns to pending but by this batch's own transient failure. A redelivered
        #: batch skips the rest without a round trip (or, gated, an SMTP transaction).
        self.pending = {target_id for target_id, _, status in rows if status == LogStatus.PENDING}
        self._sent: SentRecord | None = None  # to record with the next claim

    def row(self, customer_id: int):
        return WorkflowActionLog.objects.filter(pk=self.rows.get(customer_id))

    def claim(self, customer_id: int) -> int | None:
        """The row's attempts after claiming it, or None when it is not pending (sent,
        skipped or failed before: never twice). Raises _Stopped when the execution is no
        longer running. Records the previous send's success either way."""
        sent, self._sent = self._sent, None
        attempts = self.store.claim(
            execution_id=self.execution_id, row_id=self.rows.get(customer_id), sent=sent
        )
        return self.checked(attempts)

    def start(self, customer_id: int) -> _PendingClaim:
        """``claim`` sent on its way without waiting for the answer (a pipelined store)."""
        sent, self._sent = self._sent, None
        raw = self.store.start_claim(
            execution_id=self.execution_id, row_id=self.rows.get(customer_id), sent=sent
        )
        return _PendingClaim(self, raw)

    def sent(self, customer_id: int, result: dict[str, Any]) -> None:
        """Record a success with the next claim (or ``flush``)."""
        self._sent = SentRecord(self.rows[customer_id], result)

    def flush(self) -> None:
        sent, self._sent = self._sent, None
        if sent is not None:
            self.store.record_success(sent)

    def checked(self, attempts: int | None) -> int | None:
        if attempts is None:
            status = WorkflowExecution.objects.filter(pk=self.execution_id).values_list(
                "status", flat=True
            )
            if status.first() != WorkflowExecution.Status.RUNNING:
                raise _Stopped
        return attempts


class _PendingClaim:
    """A claim on its way; its answer is checked (``_Stopped``) once, when first read."""

    def __init__(self, claims: _Claims, raw: Claim) -> None:
        self.claims = claims
        self.raw = raw
        self._checked = False

    def result(self) -> int | None:
        attempts = self.raw.result()  # raises the database's error every time
        if not self._checked:
            self._checked = True
            return self.claims.checked(attempts)
        return attempts

    def abandon(self) -> None:
        self.raw.abandon()


class _Stopped(Exception):
    """The execution was paused or cancelled: stop before the next customer."""


def _build_message(
    execution: WorkflowExecution,
    step: dict[str, Any],
    template: EmailTemplate,
    customer: Customer,
    step_order: int,
    connection: Any,
    *,
    new_id: str | None = None,
    resent_of: str | None = None,
) -> tuple[Any, EmailMultiAlternatives]:
    """Render one customer's email and build the message, ready to hand to the backend.

    A resend (``new_id``) carries its own Message-ID and names the first email's in
    ``References`` (see ``resend``)."""
    rendered = render_for(template, customer, execution)
    action_config = step.get("action_config") or {}
    mid = new_id or message_id(execution.pk, step_order, customer.pk)
    headers = {**rendered.headers, "Message-ID": mid}
    if resent_of:
        headers["References"] = resent_of
    headers.pop("Reply-To", None)  # given as reply_to below, the step's if it has one
    reply_to = reply_to_of(action_config, rendered)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=action_config.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        to=[customer.email],
        reply_to=[reply_to] if reply_to else None,
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(rendered.html, "text/html")
    # Anymail's providers send this back with their delivery and bounce events
    # (executions.tracking); other backends ignore it.
    message.metadata = tracking_metadata(execution.pk, step_order, customer.pk, mid)  # type: ignore[attr-defined]
    return rendered, message


def _granted(claim: _PendingClaim, passed: list[bool]) -> None:
    """The gate before DATA: returns when the claim is committed, raises the reason not to
    send otherwise. Notes in ``passed`` that the message's data went on to the server."""
    if claim.result() is None:  # _Stopped and database errors pass on, as without the gate
        raise _NotClaimed
    passed.append(True)


class _NotClaimed(Exception):
    """The customer's row was no longer pending when claimed: sent, skipped or failed before."""


def _sent_result(
    customer: Customer, template: EmailTemplate, rendered: Any, message: Any
) -> dict[str, Any]:
    """What the action log keeps of a sent email."""
    return {
        "email": customer.email,
        "template": template.name,
        "subject": rendered.subject,
        "message_id": message.extra_headers["Message-ID"],
    }


def _record_failure(row, exc: Exception, attempts: int, max_retries: int) -> bool:
    """Record a send that failed with nothing accepted by the server. True if it may be
    retried (the customer is pending again), False if it failed for good."""
    permanent = _is_permanent(exc) or attempts > max_retries
    row.update(
        status=LogStatus.FAILED if permanent else LogStatus.PENDING,
        **Reason.of(exc).error_fields(),
        updated_at=timezone.now(),
    )
    return not permanent


def _unreachable(exc: BaseException) -> bool:
    """The mail server could not be reached at all (connection refused, no route, a timeout
    while connecting): no message can have been taken, whoever the recipient."""
    if isinstance(exc, smtplib.SMTPConnectError):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def _release(row, exc: BaseException) -> None:
    """Give a claimed customer back (``pending``, the attempt not counted): the server was
    not reached, so nothing was sent to them."""
    row.update(
        status=LogStatus.PENDING,
        attempts=F("attempts") - 1,
        **Reason.of(exc).error_fields(),
        updated_at=timezone.now(),
    )


@dataclass(slots=True)
class _Batch:
    """What every send of one batch shares, from its start to its last customer."""

    execution: WorkflowExecution
    step: dict[str, Any]
    step_order: int
    max_retries: int
    claims: _Claims
    customers: dict[int, Customer]
    template: EmailTemplate
    mail: Any = None
    #: Each claim is on its way to the database while the backend starts the mail transaction,
    #: and DATA waits for it (``gate``): the gated SMTP backend with a pipelined store.
    gated: bool = False
    #: Customers whose send failed but may be retried -> their attempts so far.
    transient: dict[int, int] = field(default_factory=dict)
    #: The latest gated claim, abandoned at the end in case an error left it unread.
    claim: _PendingClaim | None = None


def send_batch(execution_id: int, step_order: int, customer_ids: list[int]) -> None:
    """Send one batch over one connection. Raises RetryLater when transient failures remain;
    returns when the batch has done all it can (the engine then sees whether the step is
    done: ``engine.run_step_work``).

    1. Read the execution, the batch's rows, its customers and the template (``_batch_start``).
    2. Open one connection for the whole batch (``_open_connection``).
    3. Claim and send to each customer still pending, in order (``_send_to``).
    4. Record the last success; ask for a retry if transient failures remain.
    """
    batch = _batch_start(execution_id, step_order, customer_ids)
    if batch is None:
        return
    try:
        _open_connection(batch.mail)
        for customer_id in customer_ids:
            if customer_id in batch.claims.pending:  # else sent, skipped or failed before
                _send_to(batch, customer_id)
    except _Stopped:
        return  # the previous send's success went with the claim
    except Exception:
        try:
            batch.claims.flush()  # what was sent stays recorded as sent, if the database lets us
        except Exception:
            logger.exception("could not record the last successful send of a batch")
        raise
    finally:
        if batch.claim is not None:
            batch.claim.abandon()  # only when an error left it unread
        batch.mail.close()
    batch.claims.flush()
    if batch.transient:
        raise RetryLater(retry_countdown(max(batch.transient.values())))


def _batch_start(execution_id: int, step_order: int, customer_ids: list[int]) -> _Batch | None:
    """Everything the sends share, read before the first claim; None (every pending row
    failed) when the step's template is gone."""
    execution = store().batch_execution(execution_id)
    step = next(s for s in execution.definition_snapshot["steps"] if s["step_order"] == step_order)
    claims = _Claims(execution_id, step_order, step["step_type"], customer_ids)
    customers = claims.store.customers_by_id(customer_ids)
    try:
        template = resolve_template(step.get("action_config") or {})
    except PermanentStepError as exc:
        WorkflowActionLog.objects.filter(
            pk__in=claims.rows.values(), status=LogStatus.PENDING
        ).update(
            status=LogStatus.FAILED, **Reason.of(exc).error_fields(), updated_at=timezone.now()
        )
        return None
    batch = _Batch(
        execution=execution,
        step=step,
        step_order=step_order,
        max_retries=int(step.get("max_retries", 3)),
        claims=claims,
        customers=customers,
        template=template,
    )
    # Read (or made) before the first claim: a gated claim is still on its way to the
    # database while the message, Message-ID included, is built.
    installation_key()
    batch.mail = batch_connection()
    batch.gated = (
        claims.store.pipelined
        and isinstance(batch.mail, GatedEmailBackend)
        and connection.get_autocommit()  # each claim must commit on its own before DATA
        and not connection.in_atomic_block
    )
    return batch


def _open_connection(mail: Any) -> None:
    """Open the batch's one connection. An unreachable server raises ServiceUnavailable
    (nothing claimed, nothing counted: the task retries the batch shortly); any other
    failure is left to each send, which retries the open and records the failure."""
    try:
        mail.open()
    except Exception as exc:
        if _unreachable(exc):
            raise ServiceUnavailable("email server", exc) from exc
        logger.warning("could not open the email connection: %s", exc)


def _send_to(batch: _Batch, customer_id: int) -> None:
    """Claim one pending customer and send them the email, or record why not. Raises
    _Stopped when the execution is no longer running."""
    customer = batch.customers.get(customer_id)
    reason = (
        email_skip_reason(template=batch.template, customer=customer)
        if customer is not None
        else None
    )
    if batch.gated and customer is not None and not reason:
        _send_gated(batch, customer_id, customer)
    else:
        _send_claimed(batch, customer_id, customer, reason)


def _send_gated(batch: _Batch, customer_id: int, customer: Customer) -> None:
    """The claim goes out first, with the previous send's success, and the message is
    rendered while the database commits it; DATA waits for it. A crash between the claim
    and the server's answer (rendering and one SMTP transaction, about 2 ms) leaves this one
    customer `unknown`, never sent twice."""
    claim = batch.claim = batch.claims.start(customer_id)
    passed: list[bool] = []
    try:
        rendered, message = _build_message(
            batch.execution, batch.step, batch.template, customer, batch.step_order, batch.mail
        )
        batch.mail.send_gated(batch.mail.envelope(message), partial(_granted, claim, passed))
    except _Stopped:
        raise  # the previous send's success went with the claim
    except _NotClaimed:
        return  # never twice
    except Exception as exc:
        _gated_failed(batch, customer_id, claim, exc, data_passed=bool(passed))
        return
    batch.claims.sent(customer_id, _sent_result(customer, batch.template, rendered, message))


def _gated_failed(
    batch: _Batch, customer_id: int, claim: _PendingClaim, exc: Exception, *, data_passed: bool
) -> None:
    """Record a gated send that failed. The claim may still be on its way: it is settled
    before anything else."""
    attempts = claim.result()  # raises _Stopped
    if attempts is None:
        return
    row = batch.claims.row(customer_id)
    if data_passed and not isinstance(exc, smtplib.SMTPResponseException):
        # The data went out and no answer came back (a dropped connection, a timeout): the
        # server may have taken it. The row stays `unknown`.
        row.update(**Reason.of(exc).error_fields(), updated_at=timezone.now())
        logger.warning(
            "email to %s: outcome unknown: %s", customer_id, exc, extra={"customer_id": customer_id}
        )
        return
    # Not rendered, refused before DATA, or answered with an error: nothing was accepted.
    _send_failed(batch, row, customer_id, exc, attempts)


def _send_claimed(
    batch: _Batch, customer_id: int, customer: Customer | None, reason: Reason | None
) -> None:
    """Render, claim, then send (ungated). Everything that can go wrong or take time happens
    before the claim, so that between the claim and the outcome only the sending remains: a
    crash in that window is what `unknown` stands for, and it is kept as short as possible."""
    prepared: tuple[Any, EmailMultiAlternatives] | None = None
    render_error: Exception | None = None
    if customer is not None and not reason:
        try:
            prepared = _build_message(
                batch.execution, batch.step, batch.template, customer, batch.step_order, batch.mail
            )
        except Exception as exc:  # recorded under the claim below, like a send error
            render_error = exc
    attempts = batch.claims.claim(customer_id)  # raises _Stopped
    if attempts is None:
        return  # sent, skipped or failed before: never twice
    row = batch.claims.row(customer_id)
    if customer is None:
        row.update(
            status=LogStatus.FAILED, **_CUSTOMER_GONE.error_fields(), updated_at=timezone.now()
        )
        return
    # Checked at send time: a batch may run long after the claim (a backoff of up to an
    # hour), and whoever unsubscribed or bounced since then must not get it.
    if reason:
        row.update(
            status=LogStatus.SKIPPED,
            result_data={**reason.result_fields(), "email": customer.email},
            updated_at=timezone.now(),
        )
        return
    try:
        if render_error is not None:
            raise render_error
        assert prepared is not None
        rendered, message = prepared
        message.send()
    except Exception as exc:
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            batch.mail.close()  # the next send connects again
        _send_failed(batch, row, customer_id, exc, attempts)
        return
    batch.claims.sent(customer_id, _sent_result(customer, batch.template, rendered, message))


def _send_failed(batch: _Batch, row: Any, customer_id: int, exc: Exception, attempts: int) -> None:
    """Record a claimed send that the server did not accept. An unreachable server gives the
    customer back and raises ServiceUnavailable (the task retries the batch)."""
    if _unreachable(exc):
        _release(row, exc)
        raise ServiceUnavailable("email server", exc) from exc
    if _record_failure(row, exc, attempts, batch.max_retries):
        batch.transient[customer_id] = attempts
    logger.warning(
        "email to customer %s failed: %s", customer_id, exc, extra={"customer_id": customer_id}
    )


# --- Emails whose outcome was unknown: what a person needs to decide, and sending again ------


def _step_of(execution: WorkflowExecution, step_order: int) -> dict[str, Any]:
    for step in (execution.definition_snapshot or {}).get("steps", []):
        if step.get("step_order") == step_order:
            return step
    raise PermanentStepError(Reason("email.template_not_found", config=f"step {step_order}"))


def email_subject(execution_id: int, step_order: int, customer_id: int) -> str:
    """The subject the customer's email had (rendered again: a claim keeps no subject)."""
    execution = WorkflowExecution.objects.get(pk=execution_id)
    customer = Customer.objects.filter(pk=customer_id).first()
    if customer is None:
        return ""
    try:
        template = resolve_template(_step_of(execution, step_order).get("action_config") or {})
        return render_for(template, customer, execution).subject
    except (PermanentStepError, TemplateRenderError):
        return ""


#: Errors after which the server has certainly not taken the message.
_NOT_ACCEPTED = (
    smtplib.SMTPResponseException,
    smtplib.SMTPRecipientsRefused,
    ConnectionRefusedError,
    TemplateRenderError,
    PermanentStepError,
)


def resend(log_id: int, *, new_id: str, resent_of: str) -> None:
    """Send one customer's email again, through the same backend as a batch, rendered with
    the execution's context as the first time, with the new Message-ID ``new_id`` and the
    first email's in ``References``.

    ``References`` rather than ``In-Reply-To`` (the resend is no reply to anything) or an
    ``X-Resent-Of`` of our own: it is the standard header (RFC 5322 3.6.4) that says which
    earlier message this one belongs with, mail clients thread by it, so a customer who got
    both sees them together, and the mail server's log and the provider keep it searchable
    beside the first id. Not ``Resent-Message-ID``: that re-introduces the same message,
    while this is a new one, rendered again.

    The row is already claimed for it by the person's decision (``executions.decisions``):
    still `unknown`, with ``new_id`` as its Message-ID, so a crash here leaves an unknown
    email of its own, which can be decided about again. Only a row in that state is written.
    """
    log = WorkflowActionLog.objects.select_related("execution").get(pk=log_id)
    row = WorkflowActionLog.objects.filter(pk=log_id, status=LogStatus.UNKNOWN)
    execution = log.execution
    customer = Customer.objects.filter(pk=log.target_id).first()
    if customer is None:
        row.update(
            status=LogStatus.FAILED, **_CUSTOMER_GONE.error_fields(), updated_at=timezone.now()
        )
        return
    try:
        step = _step_of(execution, log.step_order)
        template = resolve_template(step.get("action_config") or {})
    except PermanentStepError as exc:
        row.update(
            status=LogStatus.FAILED, **Reason.of(exc).error_fields(), updated_at=timezone.now()
        )
        return
    # Whoever unsubscribed or bounced since the first email does not get it again.
    reason = email_skip_reason(template=template, customer=customer)
    if reason:
        row.update(
            status=LogStatus.SKIPPED,
            result_data={**log.result_data, **reason.result_fields()},
            updated_at=timezone.now(),
        )
        return
    mail = batch_connection()
    try:
        rendered, message = _build_message(
            execution,
            step,
            template,
            customer,
            log.step_order,
            mail,
            new_id=new_id,
            resent_of=resent_of,
        )
        message.send()
    except Exception as exc:
        # Refused or never sent: failed. Anything else (the connection dropped during the
        # data): the server may have taken it, and the row stays `unknown`.
        fields = Reason.of(exc).error_fields()
        if isinstance(exc, _NOT_ACCEPTED):
            fields["status"] = LogStatus.FAILED
        row.update(**fields, updated_at=timezone.now())
        logger.warning("resending to customer %s failed: %s", customer.pk, exc)
        return
    finally:
        mail.close()
    row.update(
        status=LogStatus.SUCCESS,
        result_data={
            **_sent_result(customer, template, rendered, message),
            "resent_of": resent_of,
        },
        **no_error(),
        updated_at=timezone.now(),
    )
