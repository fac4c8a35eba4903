"""The audit trail's periodic task (a thin wrapper; beat runs it once a day, see
migration 0002_prune_periodic_task)."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from audit.retention import audit_prune


@shared_task(acks_late=True, ignore_result=True)
def audit_prune_task() -> dict[str, Any]:
    """Delete the events older than AUDIT_RETENTION_DAYS; idempotent, so a message that
    arrives twice deletes nothing the second time."""
    return audit_prune().as_dict()
