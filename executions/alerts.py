"""Telling the admins, exactly once per failed execution."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import mail_admins
from django.utils import timezone

from executions.models import WorkflowActionLog, WorkflowExecution


def alert_failed_execution(execution_id: int) -> bool:
    """Email the admins about a failed execution; True if this call sent the alert.

    The `alerted_at` claim makes it once only, however often the task is delivered; if the
    mail cannot be sent the claim is released so the task's retry can try again.
    """
    claimed = WorkflowExecution.objects.filter(
        pk=execution_id, status=WorkflowExecution.Status.FAILED, alerted_at__isnull=True
    ).update(alerted_at=timezone.now())
    if claimed != 1:
        return False
    execution = WorkflowExecution.objects.select_related("workflow").get(pk=execution_id)
    failed = execution.action_logs.filter(status=WorkflowActionLog.Status.FAILED)
    unknown = execution.action_logs.filter(status=WorkflowActionLog.Status.UNKNOWN).count()
    lines = [
        f"Workflow: {execution.workflow.name}",
        f"Execution: #{execution.pk} ({execution.get_trigger_display()})",
        f"Error: {execution.error_message}",
        f"Failed actions: {failed.count()}",
        f"Outcome unknown (not resent): {unknown}",
        "",
        *(
            f"- {log.action_type} {log.target_type} {log.target_id}: {log.error_message}"
            for log in failed[:20]
        ),
        "",
        f"Retry from the admin or {settings.SITE_URL}/admin/executions/workflowexecution/"
        f"{execution.pk}/change/",
    ]
    try:
        mail_admins(
            f"Workflow failed: {execution.workflow.name} (#{execution.pk})",
            "\n".join(lines),
            fail_silently=False,
        )
    except Exception:
        WorkflowExecution.objects.filter(pk=execution_id).update(alerted_at=None)
        raise
    return True
