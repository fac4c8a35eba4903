"""Every write to the company's closed days (admin, pages and API call these).

A closed day changes which days are business days, so the next run of every active schedule
that depends on business days (a holiday policy other than "run", business days only, the
nth business day) is computed again after the change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.recording import audit_changes, audit_record, audit_snapshot
from automation.business_calendar import BusinessCalendar
from automation.models import ClosedDay, WorkflowSchedule
from automation.scheduling import next_occurrence_after
from core.errors import DomainError

__all__ = ["ClosedDayError", "closed_day_create", "closed_day_delete", "closed_day_update"]

#: The longest closed range: a year (longer is a typing mistake, not a holiday).
MAX_DAYS = 366
#: What the audit trail records of a closed day.
AUDITED_FIELDS = ("name", "start", "end")


class ClosedDayError(DomainError):
    status_code = 400


def _check(name: Any, start: Any, end: Any) -> tuple[str, dt.date, dt.date]:
    errors = []
    name = str(name or "").strip()
    if not name:
        errors.append({"path": "/name", "code": "required", "message": _("Give it a name.")})
    elif len(name) > 100:
        errors.append(
            {"path": "/name", "code": "too_long", "message": _("At most 100 characters.")}
        )
    dates: dict[str, dt.date] = {}
    for field, value in (("start", start), ("end", end)):
        if isinstance(value, dt.date):
            dates[field] = value
            continue
        try:
            dates[field] = dt.date.fromisoformat(str(value))
        except (TypeError, ValueError):
            errors.append(
                {
                    "path": f"/{field}",
                    "code": "invalid_date",
                    "message": _("A date such as 2026-12-24."),
                }
            )
    if len(dates) == 2:
        if dates["end"] < dates["start"]:
            errors.append(
                {
                    "path": "/end",
                    "code": "end_before_start",
                    "message": _("The last day cannot be before the first."),
                }
            )
        elif (dates["end"] - dates["start"]).days >= MAX_DAYS:
            errors.append(
                {
                    "path": "/end",
                    "code": "too_long",
                    "message": _("A closed period is at most a year long."),
                }
            )
    if errors:
        raise ClosedDayError(errors)
    return name, dates["start"], dates["end"]


def _refresh_next_runs() -> None:
    """Compute the next run again for the active schedules that depend on business days."""
    now = timezone.now()
    business = BusinessCalendar.load()
    for schedule in WorkflowSchedule.objects.filter(next_run__gt=now).select_for_update():
        config = schedule.schedule_config or {}
        if not (
            schedule.holiday_policy != "run"
            or config.get("business_days_only")
            or config.get("business_day") is not None
        ):
            continue
        try:
            occurrence = next_occurrence_after(
                schedule_type=schedule.schedule_type,
                schedule_config=config,
                timezone=schedule.timezone,
                after=now,
                holiday_policy=schedule.holiday_policy,
                business=business,
            )
        except ValueError:
            continue  # the dispatcher switches a broken schedule off and says so
        if occurrence.moment != schedule.next_run:
            schedule.next_run = occurrence.moment
            schedule.save(update_fields=["next_run"])


def closed_day_create(*, name: Any, start: Any, end: Any, by: Any = None) -> ClosedDay:
    name, first, last = _check(name, start, end)
    with transaction.atomic():
        closed = ClosedDay.objects.create(name=name, start=first, end=last, created_by=by)
        audit_record(
            action=AuditEvent.Action.CREATE,
            obj=closed,
            changes=audit_changes(None, audit_snapshot(closed, AUDITED_FIELDS)),
        )
        _refresh_next_runs()
    return closed


def closed_day_update(*, closed: ClosedDay, name: Any, start: Any, end: Any) -> ClosedDay:
    name, first, last = _check(name, start, end)
    with transaction.atomic():
        stored = ClosedDay.objects.filter(pk=closed.pk).first()
        before = audit_snapshot(stored or closed, AUDITED_FIELDS)
        closed.name, closed.start, closed.end = name, first, last
        closed.save()
        changes = audit_changes(before, audit_snapshot(closed, AUDITED_FIELDS))
        if changes:
            audit_record(action=AuditEvent.Action.UPDATE, obj=closed, changes=changes)
        _refresh_next_runs()
    return closed


def closed_day_delete(*, closed: ClosedDay) -> None:
    # The deletion is recorded in the audit trail by audit_track_deletes (automation.apps).
    with transaction.atomic():
        closed.delete()
        _refresh_next_runs()
