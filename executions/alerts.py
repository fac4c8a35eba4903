"""Telling the admins, exactly once per execution that needs them: one that failed, and one
that completed with emails whose outcome is unknown (a worker died between handing a message
to the mail server and recording it; such an email is never resent blindly, so a person has
to check the mail server's log).

The alert is written in the site's language (``LANGUAGE_CODE``), errors included: they are
rendered from their codes (``core.reasons``)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import mail_admins
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _alert(execution_id)
    try:
        mail_admins(subject, body, fail_silently=False)
    except Exception:
        WorkflowExecution.objects.filter(pk=execution_id).update(alerted_at=None)
        raise
    return True


def _alert(execution_id: int) -> tuple[str, str]:
    """The alert's subject and body, in the active language."""
    Status = WorkflowExecution.Status
    execution = WorkflowExecution.objects.select_related("workflow").get(pk=execution_id)
    failed = execution.action_logs.filter(status=WorkflowActionLog.Status.FAILED)
    unknown_logs = execution.action_logs.filter(status=WorkflowActionLog.Status.UNKNOWN)
    unknown = unknown_logs.count()
    admin_url = f"{settings.SITE_URL}/admin/executions/workflowexecution/{execution.pk}/change/"
    name = execution.workflow.name
    lines = [
        _("Workflow: %(name)s") % {"name": name},
        _("Execution: #%(id)s (%(trigger)s)")
        % {"id": execution.pk, "trigger": execution.get_trigger_display()},
    ]
    if execution.status == Status.COMPLETED:
        subject = ngettext(
            "Workflow completed, %(count)s email with unknown outcome: %(name)s (#%(id)s)",
            "Workflow completed, %(count)s emails with unknown outcome: %(name)s (#%(id)s)",
            unknown,
        ) % {"count": unknown, "name": name, "id": execution.pk}
        lines += [
            _("Outcome unknown (not resent): %(count)s") % {"count": unknown},
            "",
            _(
                "A worker stopped between handing these emails to the mail server and recording "
                "the result. They are not sent again automatically: check the mail server's log "
                "for the Message-IDs below."
            ),
            "",
            *(
                _("- %(target)s %(id)s, step %(step)s: %(message_id)s")
                % {
                    "target": log.get_target_type_display(),
                    "id": log.target_id,
                    "step": log.step_order,
                    "message_id": message_id(execution.pk, log.step_order, log.target_id),
                }
                for log in unknown_logs.order_by("step_order", "target_id")[:50]
            ),
            "",
            admin_url,
        ]
    else:
        subject = _("Workflow failed: %(name)s (#%(id)s)") % {"name": name, "id": execution.pk}
        lines += [
            _("Error: %(error)s") % {"error": execution.error_label},
            _("Failed actions: %(count)s") % {"count": failed.count()},
            _("Outcome unknown (not resent): %(count)s") % {"count": unknown},
            "",
            *(
                f"- {log.action_type} {log.get_target_type_display()} {log.target_id}: "
                f"{log.error_label}"
                for log in failed[:20]
            ),
            "",
            _("Retry from the admin or %(url)s") % {"url": admin_url},
        ]
    return subject, "\n".join(lines)
