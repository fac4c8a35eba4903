"""Telling the admins, exactly once per execution that needs them: one that failed, and one
that completed with emails whose outcome is unknown (a worker died between handing a message
to the mail server and recording it; such an email is never resent blindly, so a person has
to check the mail server's log)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import mail_admins
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from executions.message_ids import message_id
from executions.models import WorkflowActionLog, WorkflowExecution


def alert_failed_execution(execution_id: int) -> bool:
    """Email the admins about a failed execution, or a completed one with unknown outcomes;
    True if this call sent the alert.

    The `alerted_at` claim makes it once only, however often the task is delivered; if the
    mail cannot be sent the claim is released so the task's retry can try again.
    """
    Status = WorkflowExecution.Status
    has_unknown = Exists(
        WorkflowActionLog.objects.filter(
            execution=OuterRef("pk"), status=WorkflowActionLog.Status.UNKNOWN
        )
    )
    claimed = (
        WorkflowExecution.objects.filter(pk=execution_id, alerted_at__isnull=True)
        .filter(Q(status=Status.FAILED) | Q(has_unknown, status=Status.COMPLETED))
        .update(alerted_at=timezone.now())
    )
    if claimed != 1:
        return False
    execution = WorkflowExecution.objects.select_related("workflow").get(pk=execution_id)
    failed = execution.action_logs.filter(status=WorkflowActionLog.Status.FAILED)
    unknown_logs = execution.action_logs.filter(status=WorkflowActionLog.Status.UNKNOWN)
    unknown = unknown_logs.count()
    admin_url = f"{settings.SITE_URL}/admin/executions/workflowexecution/{execution.pk}/change/"
    lines = [
        f"Workflow: {execution.workflow.name}",
        f"Execution: #{execution.pk} ({execution.get_trigger_display()})",
    ]
    if execution.status == Status.COMPLETED:
        subject = f"Workflow completed, {unknown} email(s) with unknown outcome: "
        lines += [
            f"Outcome unknown (not resent): {unknown}",
            "",
            "A worker stopped between handing these emails to the mail server and recording "
            "the result. They are not sent again automatically: check the mail server's log "
            "for the Message-IDs below.",
            "",
            *(
                f"- {log.target_type} {log.target_id}, step {log.step_order}: "
                f"{message_id(execution.pk, log.step_order, log.target_id)}"
                for log in unknown_logs.order_by("step_order", "target_id")[:50]
            ),
            "",
            admin_url,
        ]
    else:
        subject = "Workflow failed: "
        lines += [
            f"Error: {execution.error_message}",
            f"Failed actions: {failed.count()}",
            f"Outcome unknown (not resent): {unknown}",
            "",
            *(
                f"- {log.action_type} {log.target_type} {log.target_id}: {log.error_message}"
                for log in failed[:20]
            ),
            "",
            f"Retry from the admin or {admin_url}",
        ]
    try:
        mail_admins(
            f"{subject}{execution.workflow.name} (#{execution.pk})",
            "\n".join(lines),
            fail_silently=False,
        )
    except Exception:
        WorkflowExecution.objects.filter(pk=execution.pk).update(alerted_at=None)
        raise
    return True
