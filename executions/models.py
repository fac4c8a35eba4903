from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.reasons import label, label_of_result


# No ``db_default``: on PostgreSQL Django would then return these columns from every insert.
# The fast paths that write rows with SQL of their own (COPY, the dispatcher's one statement,
# executions.store.postgresql) name them.
def _code_field(verbose_name: str) -> models.CharField:
    return models.CharField(verbose_name, max_length=60, blank=True, default="")


def _params_field(verbose_name: str) -> models.JSONField:
    return models.JSONField(verbose_name, default=dict, blank=True)


class WorkflowExecution(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        WAITING = "waiting", _("Waiting")
        PAUSED = "paused", _("Paused")
        COMPLETED = "completed", _("Completed")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")
        # A scheduled run the dispatcher found too late (outside the grace window).
        MISSED = "missed", _("Missed")
        # A scheduled run the holiday policy skips (a public holiday or a closed day).
        SKIPPED = "skipped", _("Skipped")

    FINISHED_STATUSES = frozenset(
        {Status.COMPLETED, Status.FAILED, Status.CANCELLED, Status.MISSED, Status.SKIPPED}
    )

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("Schedule")
        MANUAL = "manual", _("Manual")
        EVENT = "event", _("Event")
        TEST = "test", _("Test run")
        RETRY = "retry", _("Retry")

    workflow = models.ForeignKey(
        "automation.WorkflowDefinition",
        on_delete=models.PROTECT,
        related_name="executions",
        verbose_name=_("workflow"),
    )
    schedule = models.ForeignKey(
        "automation.WorkflowSchedule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="executions",
        verbose_name=_("schedule"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    trigger = models.CharField(_("trigger"), max_length=20, choices=Trigger.choices)
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("triggered by"),
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    # (schedule, scheduled_for), (workflow, event id) or a caller's key: one execution each.
    idempotency_key = models.CharField(_("idempotency key"), max_length=255, null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    current_step = models.PositiveIntegerField(_("current step"), null=True, blank=True)
    resume_at = models.DateTimeField(_("resume at"), null=True, blank=True)
    # In English, for the API and the admin's search; ``error_code`` and ``error_params``
    # say what it means (core.reasons), and ``error_label`` shows it to the reader.
    error_message = models.TextField(_("error message"), blank=True)
    error_code = _code_field(_("error code"))
    error_params = _params_field(_("error parameters"))
    context = models.JSONField(_("context"), default=dict, blank=True)
    definition_snapshot = models.JSONField(_("definition snapshot"), default=dict)
    workflow_version = models.PositiveIntegerField(_("workflow version"), default=1)
    is_test = models.BooleanField(_("test run"), default=False)
    alerted_at = models.DateTimeField(
        _("admins alerted at"),
        null=True,
        blank=True,
        help_text=_("Set once when the failure alert is sent, so it is sent only once."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("workflow execution")
        verbose_name_plural = _("workflow executions")
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="execution_idempotency_key_unique",
            ),
        ]
        indexes = [
            # The dispatcher's "durable waits that are over".
            models.Index(
                fields=["resume_at"],
                condition=Q(status="waiting"),
                name="execution_waiting_resume_idx",
            ),
            models.Index(fields=["workflow", "-created_at"], name="execution_workflow_idx"),
            models.Index(fields=["status", "-created_at"], name="execution_status_idx"),
            # The few test runs, which a customer's history leaves out (executions.activity).
            models.Index(fields=["id"], condition=Q(is_test=True), name="execution_test_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.workflow} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED_STATUSES

    @property
    def error_label(self) -> str:
        """The error in the active language."""
        return label(self.error_code, self.error_params, self.error_message)


class ExecutionTransition(models.Model):
    """One row per status change of an execution: the audit trail of its life."""

    execution = models.ForeignKey(
        WorkflowExecution,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("execution"),
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    step_order = models.PositiveIntegerField(_("step"), null=True, blank=True)
    # In English, for the API and the admin's search; see WorkflowExecution.error_message.
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    reason_code = _code_field(_("reason code"))
    reason_params = _params_field(_("reason parameters"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["execution", "at", "pk"]
        verbose_name = _("execution transition")
        verbose_name_plural = _("execution transitions")

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"

    @property
    def reason_label(self) -> str:
        """The reason in the active language."""
        return label(self.reason_code, self.reason_params, self.reason)


class WorkflowActionLog(models.Model):
    class TargetType(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        ORDER = "order", _("Order")
        EXECUTION = "execution", _("Execution")
        INTEGRATION = "integration", _("Integration")
        REPORT = "report", _("Report")

    class Status(models.TextChoices):
        # `pending` is the claim taken before an email goes out; `unknown` is a claim whose
        # outcome was lost in a crash: reported, never resent blindly.
        PENDING = "pending", _("Pending")
        SUCCESS = "success", _("Success")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")
        UNKNOWN = "unknown", _("Unknown")

    # No index of its own: action_log_progress_idx and the once-per-target constraint both
    # begin with it.
    execution = models.ForeignKey(
        WorkflowExecution,
        on_delete=models.CASCADE,
        related_name="action_logs",
        verbose_name=_("execution"),
        db_index=False,
    )
    step = models.ForeignKey(
        "automation.WorkflowStep",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_logs",
        verbose_name=_("step"),
    )
    # The step's position in the execution's snapshot: stable even if the workflow is edited.
    step_order = models.PositiveIntegerField(_("step"))
    action_type = models.CharField(_("action"), max_length=50)
    target_type = models.CharField(_("target type"), max_length=20, choices=TargetType.choices)
    target_id = models.BigIntegerField(_("target id"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # A skipped action says why in ``result_data``: ``reason`` (English), ``reason_code`` and
    # ``reason_params`` (core.reasons); a failed one in the error fields.
    result_data = models.JSONField(_("result"), default=dict, blank=True)
    error_message = models.TextField(_("error message"), blank=True)
    error_code = _code_field(_("error code"))
    error_params = _params_field(_("error parameters"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    performed_at = models.DateTimeField(_("performed at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["execution", "step_order", "pk"]
        verbose_name = _("action log")
        verbose_name_plural = _("action logs")
        constraints = [
            models.UniqueConstraint(
                fields=["execution", "step_order", "target_type", "target_id", "action_type"],
                name="action_log_once_per_target",
            ),
        ]
        indexes = [
            # An execution's progress (counts per status of its customer rows; the status
            # endpoint is polled) from the index alone, wherever its rows lie in the table.
            models.Index(
                fields=["execution", "status"],
                include=["target_type"],
                name="action_log_progress_idx",
            ),
            models.Index(
                fields=["action_type", "status", "performed_at"], name="action_log_dashboard_idx"
            ),
            # A customer's history (executions.activity), newest first: one range of this
            # index per page, whatever the table's size; its count (with the page's filters)
            # from the index alone (migration 0013).
            models.Index(
                fields=["target_id", "-performed_at", "-id"],
                condition=Q(target_type="customer"),
                include=["execution", "status", "action_type"],
                name="action_log_customer_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_type} {self.target_type}:{self.target_id} {self.status}"

    @property
    def reason_label(self) -> str:
        """Why the action was skipped, in the active language ("" when it says nothing)."""
        return label_of_result(self.result_data)

    @property
    def error_label(self) -> str:
        """The error in the active language."""
        return label(self.error_code, self.error_params, self.error_message)


class EmailDecision(models.Model):
    """How an email whose outcome was `unknown` was settled: one row per unknown email.

    A person decides (marked delivered after checking the mail server's log, or sent again),
    or the email provider does (a delivery or bounce event for the email's Message-ID). The
    unique constraint makes the decision one-way: a second one for the same Message-ID is
    refused by the database even if two arrive at the same moment.
    """

    class Decision(models.TextChoices):
        MARKED_DELIVERED = "marked_delivered", _("Marked as delivered")
        RESENT = "resent", _("Sent again")
        PROVIDER_DELIVERED = "provider_delivered", _("Delivered (reported by the provider)")
        PROVIDER_BOUNCED = "provider_bounced", _("Not delivered (reported by the provider)")

    action_log = models.ForeignKey(
        WorkflowActionLog,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("action log"),
    )
    execution = models.ForeignKey(
        WorkflowExecution,
        on_delete=models.CASCADE,
        related_name="email_decisions",
        verbose_name=_("execution"),
    )
    #: The Message-ID of the email whose outcome was unknown.
    message_id = models.CharField(_("Message-ID"), max_length=255)
    decision = models.CharField(_("decision"), max_length=30, choices=Decision.choices)
    #: A resend's own Message-ID (it references ``message_id``).
    new_message_id = models.CharField(_("new Message-ID"), max_length=255, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    #: The email provider that reported the outcome (Anymail's ESP name), for its decisions.
    provider = models.CharField(_("provider"), max_length=50, blank=True)
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        ordering = ["execution", "decided_at", "pk"]
        verbose_name = _("email decision")
        verbose_name_plural = _("email decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["action_log", "message_id"], name="email_decision_once_per_message"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.message_id}: {self.decision}"

    @property
    def decided_by_label(self) -> str:
        """Who decided: the user, or the provider."""
        if self.decided_by is not None:
            return self.decided_by.get_username()
        return self.provider or "-"


class Installation(models.Model):
    """One row per database: the random part that tells this installation's Message-IDs
    from those of another installation, or of this one before its database was made anew
    (``executions.message_ids``). Made by a migration (or on first use, should the row be
    missing) and never changed: the Message-ID of a claimed email must stay what it was."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    key = models.CharField(_("key"), max_length=32, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("installation")
        verbose_name_plural = _("installations")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="installation_single_row"),
        ]

    def __str__(self) -> str:
        return self.key


class WorkLease(models.Model):
    """A part of a step's fanned-out work (an email batch, a report) that a worker process holds.

    Written when a worker starts the part and deleted when it is done; while it runs, the
    process's heartbeat (``executions.leases``) pushes ``lease_until`` forward every few
    seconds, and while the part waits out a retry countdown in the worker's memory the lease
    runs until that countdown is over. A lease that has expired belongs to a process that is
    gone (killed, its machine lost) or cut off: ``executions.recovery`` enqueues the part again
    and drops the lease. Nothing about the claims depends on it: a part enqueued twice claims
    each customer before sending, so a lease taken over too early costs a message, never an
    email.
    """

    task_id = models.CharField(_("task id"), max_length=255, primary_key=True)
    execution = models.ForeignKey(
        WorkflowExecution,
        on_delete=models.CASCADE,
        related_name="work_leases",
        verbose_name=_("execution"),
    )
    step_order = models.IntegerField(_("step"))
    step_type = models.CharField(_("step type"), max_length=60)
    #: The part's customers, as the task was given them (None: the whole step).
    part = models.JSONField(_("part"), null=True, blank=True)
    #: host:pid of the worker process holding it.
    holder = models.CharField(_("held by"), max_length=255)
    lease_until = models.DateTimeField(_("lease until"), db_index=True)
    taken_at = models.DateTimeField(_("taken at"))
    #: The holder's database session (PostgreSQL's backend pid), which holds the step's work
    #: lock while the part runs: a holder cut off from the database leaves that session behind,
    #: and recovery ends it when it takes the part over (``store.end_orphaned_step_work``).
    backend_pid = models.IntegerField(_("database session"), null=True, blank=True)

    class Meta:
        verbose_name = _("work lease")
        verbose_name_plural = _("work leases")

    def __str__(self) -> str:
        return f"{self.step_type} {self.execution_id}/{self.step_order} held by {self.holder}"
