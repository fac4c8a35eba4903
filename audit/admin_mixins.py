"""For admins of audited models that save rows themselves rather than through a service."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from audit.models import AuditEvent
from audit.recording import audit_changes, audit_record, audit_snapshot


class AuditedSaveAdminMixin:
    """Records the admin's own saves of ``audit_fields``, in the admin's transaction.
    Deletions are recorded by ``audit_track_deletes`` (whatever deletes the row)."""

    audit_fields: tuple[str, ...] = ()

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        with transaction.atomic():
            before = None
            if change and obj.pk is not None:
                stored = type(obj)._default_manager.filter(pk=obj.pk).first()
                before = audit_snapshot(stored, self.audit_fields) if stored else None
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            changes = audit_changes(before, audit_snapshot(obj, self.audit_fields))
            if before is None or changes:
                action = AuditEvent.Action.UPDATE if before else AuditEvent.Action.CREATE
                audit_record(action=action, obj=obj, changes=changes)
