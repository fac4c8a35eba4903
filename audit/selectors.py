"""Reads of the audit trail (staff only: the API and the admin check the role)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from audit.models import AuditEvent


def audit_event_list(
    *,
    entry_point: str | None = None,
    action: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    actor: int | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    search: str | None = None,
) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.order_by("-at", "-pk")
    if entry_point:
        events = events.filter(entry_point=entry_point)
    if action:
        events = events.filter(action=action)
    if object_type:
        events = events.filter(object_type=object_type)
    if object_id:
        events = events.filter(object_id=object_id)
    if actor is not None:
        events = events.filter(actor_id=actor)
    if since is not None:
        events = events.filter(at__gte=since)
    if until is not None:
        events = events.filter(at__lt=until)
    if search:
        events = events.filter(Q(object_repr__icontains=search) | Q(actor_name__icontains=search))
    return events
