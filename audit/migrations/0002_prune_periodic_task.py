"""The periodic task that keeps the audit trail to AUDIT_RETENTION_DAYS (audit.retention):
beat runs ``audit.tasks.audit_prune_task`` every night at 03:15 local time, when little else
runs. Stored in django-celery-beat's tables like the dispatcher's (executions 0002), so staff
can move or pause it in the admin. Idempotent and reversible.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

TASK_NAME = "prune-audit-trail"
TASK_PATH = "audit.tasks.audit_prune_task"
NIGHTLY = {
    "minute": "15",
    "hour": "3",
    "day_of_week": "*",
    "day_of_month": "*",
    "month_of_year": "*",
}


def _touch_beat(apps) -> None:
    # The DatabaseScheduler reloads its schedule when this timestamp changes; historical
    # models do not send django-celery-beat's signals.
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def create_prune_task(apps, schema_editor) -> None:
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    zone = settings.TIME_ZONE
    # CrontabSchedule has no unique constraint: reuse an equal row rather than get_or_create.
    crontab = CrontabSchedule.objects.filter(**NIGHTLY, timezone=zone).order_by("pk").first()
    if crontab is None:
        crontab = CrontabSchedule.objects.create(**NIGHTLY, timezone=zone)
    _task, created = PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": TASK_PATH,
            "crontab": crontab,
            "enabled": True,
            "queue": "default",
            # A night's prune that waited an hour is left to the next night.
            "expire_seconds": 3600,
            "description": "Deletes audit events older than AUDIT_RETENTION_DAYS.",
        },
    )
    if created:
        _touch_beat(apps)


def remove_prune_task(apps, schema_editor) -> None:
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    deleted, _ = PeriodicTask.objects.filter(name=TASK_NAME).delete()
    if deleted:
        _touch_beat(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_prune_task, remove_prune_task)]
