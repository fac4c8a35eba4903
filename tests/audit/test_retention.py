"""The audit trail's retention: events older than AUDIT_RETENTION_DAYS go, oldest first and
in bounded batches, every night (beat) or when an operator runs ``manage.py prune_audit``;
0 keeps everything."""

from __future__ import annotations

import datetime as dt
import importlib
from io import StringIO
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from audit.models import AuditEvent
from audit.retention import audit_prune
from audit.tasks import audit_prune_task

pytestmark = pytest.mark.django_db

migration = importlib.import_module("audit.migrations.0002_prune_periodic_task")


def event_aged(days: float, name: str = "") -> AuditEvent:
    event = AuditEvent.objects.create(
        entry_point=AuditEvent.EntryPoint.SYSTEM,
        action=AuditEvent.Action.UPDATE,
        object_type="automation.closedday",
        object_repr=name or f"{days} days old",
    )
    # ``at`` is set on insert (auto_now_add); age the row afterwards.
    AuditEvent.objects.filter(pk=event.pk).update(at=timezone.now() - dt.timedelta(days=days))
    return event


def kept() -> list[str]:
    return sorted(AuditEvent.objects.values_list("object_repr", flat=True))


def test_the_nightly_task_deletes_events_older_than_the_retention_and_keeps_the_rest(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    for days in (400, 31, 29, 0):
        event_aged(days)

    result = audit_prune_task()

    assert kept() == ["0 days old", "29 days old"]
    assert result["deleted"] == 2


def test_the_default_keeps_four_hundred_days():
    for days in (401, 399):
        event_aged(days)

    audit_prune()

    assert kept() == ["399 days old"]


def test_zero_days_keeps_every_event_for_ever(settings):
    settings.AUDIT_RETENTION_DAYS = 0
    event_aged(10 * 365)

    result = audit_prune_task()

    assert kept() == ["3650 days old"]
    assert result == {"cutoff": None, "deleted": 0, "batches": 0}


def test_a_negative_retention_is_refused_not_taken_as_keep_for_ever(settings):
    settings.AUDIT_RETENTION_DAYS = -1
    event_aged(500)

    with pytest.raises(ValueError, match="0 \\(keep for ever\\) or more"):
        audit_prune()
    assert kept() == ["500 days old"]


def test_old_events_go_oldest_first_in_batches_of_at_most_the_batch_size(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    for days in (35, 34, 33, 32, 31):
        event_aged(days)
    event_aged(1)

    first = audit_prune(batch_size=2, max_batches=1)
    after_first = kept()
    with CaptureQueriesContext(connection) as queries:
        rest = audit_prune(batch_size=2)

    assert (first.deleted, first.batches) == (2, 1)
    assert after_first == ["1 days old", "31 days old", "32 days old", "33 days old"]
    assert (rest.deleted, rest.batches) == (3, 2)
    deletes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("DELETE")]
    assert len(deletes) == 2
    assert kept() == ["1 days old"]


def test_prune_audit_deletes_with_the_setting_or_the_given_days(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    for days in (100, 25, 10):
        event_aged(days)
    out = StringIO()

    call_command("prune_audit", stdout=out)
    call_command("prune_audit", "--days", "20", "--batch-size", "1", stdout=out)

    assert kept() == ["10 days old"]
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Deleted 1 audit event(s) from before ")
    assert lines[1].startswith("Deleted 1 audit event(s) from before ")
    assert lines[1].endswith("in 1 batch(es).")


def test_prune_audit_dry_run_only_counts(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    for days in (100, 40, 10):
        event_aged(days)
    out = StringIO()

    call_command("prune_audit", "--dry-run", stdout=out)

    assert out.getvalue().startswith("Would delete 2 audit event(s) from before ")
    assert len(kept()) == 3


def test_prune_audit_with_zero_days_keeps_everything(settings):
    settings.AUDIT_RETENTION_DAYS = 400
    event_aged(1000)
    out = StringIO()

    call_command("prune_audit", "--days", "0", stdout=out)

    assert "kept for ever" in out.getvalue()
    assert kept() == ["1000 days old"]


@pytest.mark.parametrize("arguments", [["--days", "-3"], ["--batch-size", "0"], ["--days", "x"]])
def test_prune_audit_refuses_bad_arguments(arguments: list[str]):
    event_aged(1000)

    with pytest.raises(CommandError):
        call_command("prune_audit", *arguments, stdout=StringIO())
    assert kept() == ["1000 days old"]


def test_prune_audit_names_a_negative_setting(settings):
    settings.AUDIT_RETENTION_DAYS = -5

    with pytest.raises(CommandError, match="not -5"):
        call_command("prune_audit", stdout=StringIO())


# --- The periodic task ----------------------------------------------------------------------


def test_beat_runs_the_prune_task_every_night(settings: Any):
    task = PeriodicTask.objects.get(name="prune-audit-trail")

    assert task.task == audit_prune_task.name
    assert task.enabled and task.queue == "default" and task.interval is None
    crontab = task.crontab
    assert (crontab.minute, crontab.hour) == ("15", "3")
    assert (crontab.day_of_week, crontab.day_of_month, crontab.month_of_year) == ("*", "*", "*")
    assert str(crontab.timezone) == settings.TIME_ZONE


def test_the_migration_is_idempotent_and_reversible():
    migration.create_prune_task(apps, None)
    assert PeriodicTask.objects.filter(name="prune-audit-trail").count() == 1

    migration.remove_prune_task(apps, None)
    assert not PeriodicTask.objects.filter(name="prune-audit-trail").exists()

    migration.create_prune_task(apps, None)
    assert PeriodicTask.objects.filter(name="prune-audit-trail").count() == 1
